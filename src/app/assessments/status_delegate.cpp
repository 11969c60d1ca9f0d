#include "assessments/status_delegate.h"

#include "domain/types.h"
#include "models/model_roles.h"

#include <QComboBox>

namespace balcony::gui {

QWidget* StatusDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem&,
                                      const QModelIndex&) const {
    auto* combo = new QComboBox(parent);
    combo->setAccessibleName(tr("Self-assessment status"));
    for (const auto& key : saStatusKeys()) {
        if (const auto status = saStatusFromKey(key)) {
            combo->addItem(displayName(*status), key);
        }
    }
    return combo;
}

void StatusDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const {
    auto* combo = static_cast<QComboBox*>(editor);
    combo->setCurrentIndex(combo->findData(index.data(KeyRole)));
}

void StatusDelegate::setModelData(QWidget* editor, QAbstractItemModel* model,
                                  const QModelIndex& index) const {
    auto* combo = static_cast<QComboBox*>(editor);
    model->setData(index, combo->currentData(), KeyRole);
}

} // namespace balcony::gui
