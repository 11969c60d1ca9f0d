#pragma once

#include "support/problem.h"

#include <QAbstractTableModel>

namespace balcony::gui {

// The problems of one cycle as a flat table: what is wrong, and which group it is in. The model
// holds a copy; setProblems() replaces it (the panel calls it after each recheck).
class ProblemListModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { MessageColumn, GroupColumn, ColumnCount };

    explicit ProblemListModel(QObject* parent = nullptr);

    void setProblems(Problems problems);
    const Problems& problems() const { return m_problems; }

    // The problem at a row of this model, or nullptr for an invalid index.
    const Problem* itemAt(const QModelIndex& index) const;
    // The first row whose problem has this message, or an invalid index.
    QModelIndex indexOf(const QString& message, Column column = MessageColumn) const;

    int errorCount() const;
    int warningCount() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    Problems m_problems;
};

} // namespace balcony::gui
