#pragma once

#include <QString>
#include <QStringList>
#include <QStyledItemDelegate>
#include <utility>
#include <vector>

namespace balcony::gui {

// Edits a cell whose value is one of a fixed set of keys (a self-assessment status, a person's
// role) with a drop-down of their display names; reads and writes the key through KeyRole.
class KeyChoiceDelegate final : public QStyledItemDelegate {
    Q_OBJECT

public:
    // choices: (display name, key) in the order the drop-down shows them.
    KeyChoiceDelegate(std::vector<std::pair<QString, QString>> choices, QString accessibleName,
                      QObject* parent);

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;

private:
    std::vector<std::pair<QString, QString>> m_choices;
    QString m_accessibleName;
};

} // namespace balcony::gui
