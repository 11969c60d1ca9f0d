#pragma once

#include <QStyledItemDelegate>

namespace balcony::gui {

// Edits a self-assessment status with a drop-down of the statuses in order; writes the status key
// through the model's KeyRole.
class StatusDelegate final : public QStyledItemDelegate {
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;
};

} // namespace balcony::gui
