#include "models/key_choice_delegate.h"

#include "models/model_roles.h"

#include <QComboBox>

namespace balcony::gui {

KeyChoiceDelegate::KeyChoiceDelegate(Choices choices, QString accessibleName, QObject* parent)
    : KeyChoiceDelegate([fixed = std::move(choices)] { return fixed; }, std::move(accessibleName), parent) {}

KeyChoiceDelegate::KeyChoiceDelegate(std::function<Choices()> choices, QString accessibleName,
                                     QObject* parent)
    : QStyledItemDelegate(parent)
    , m_choices(std::move(choices))
    , m_accessibleName(std::move(accessibleName)) {}

QWidget* KeyChoiceDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem&,
                                         const QModelIndex&) const {
    auto* combo = new QComboBox(parent);
    combo->setAccessibleName(m_accessibleName);
    for (const auto& [shown, key] : m_choices()) {
        combo->addItem(shown, key);
    }
    return combo;
}

void KeyChoiceDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const {
    auto* combo = static_cast<QComboBox*>(editor);
    combo->setCurrentIndex(combo->findData(index.data(KeyRole)));
}

void KeyChoiceDelegate::setModelData(QWidget* editor, QAbstractItemModel* model,
                                     const QModelIndex& index) const {
    auto* combo = static_cast<QComboBox*>(editor);
    model->setData(index, combo->currentData(), KeyRole);
}

} // namespace balcony::gui
