#pragma once

#include <QString>
#include <QStringList>
#include <QStyledItemDelegate>
#include <functional>
#include <utility>
#include <vector>

namespace balcony::gui {

// Edits a cell whose value is one of a set of keys (a self-assessment status, a person's role or
// authority) with a drop-down of their display names; reads and writes the key through KeyRole.
class KeyChoiceDelegate final : public QStyledItemDelegate {
    Q_OBJECT

public:
    // (display name, key) in the order the drop-down shows them.
    using Choices = std::vector<std::pair<QString, QString>>;

    // A fixed set of choices.
    KeyChoiceDelegate(Choices choices, QString accessibleName, QObject* parent);
    // Choices that change (the region's authorities): asked for each time an editor opens.
    KeyChoiceDelegate(std::function<Choices()> choices, QString accessibleName, QObject* parent);

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;

private:
    std::function<Choices()> m_choices;
    QString m_accessibleName;
};

} // namespace balcony::gui
