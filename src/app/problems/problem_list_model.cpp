#include "problems/problem_list_model.h"

#include "problems/problem_roles.h"

#include <QApplication>
#include <QColor>
#include <QIcon>
#include <QStyle>
#include <algorithm>

namespace balcony::gui {

ProblemListModel::ProblemListModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void ProblemListModel::setProblems(Problems problems) {
    beginResetModel();
    m_problems = std::move(problems);
    endResetModel();
}

const Problem* ProblemListModel::itemAt(const QModelIndex& index) const {
    if (!index.isValid() || index.model() != this || index.row() >= int(m_problems.size())) {
        return nullptr;
    }
    return &m_problems[std::size_t(index.row())];
}

QModelIndex ProblemListModel::indexOf(const QString& message, Column column) const {
    for (std::size_t row = 0; row < m_problems.size(); ++row) {
        if (m_problems[row].message == message) {
            return index(int(row), column);
        }
    }
    return {};
}

int ProblemListModel::errorCount() const {
    return int(
        std::count_if(m_problems.begin(), m_problems.end(), [](const Problem& p) { return p.isError(); }));
}

int ProblemListModel::warningCount() const {
    return int(m_problems.size()) - errorCount();
}

int ProblemListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_problems.size());
}

int ProblemListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProblemListModel::data(const QModelIndex& index, int role) const {
    const Problem* p = itemAt(index);
    if (!p) {
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        if (index.column() == MessageColumn) {
            return p->message;
        }
        return p->groupLabel.isEmpty() ? tr("Whole cycle") : p->groupLabel;
    case Qt::AccessibleTextRole:
        if (index.column() == MessageColumn) {
            return (p->isError() ? tr("Error: %1") : tr("Warning: %1")).arg(p->message);
        }
        return p->groupLabel.isEmpty() ? tr("Whole cycle") : p->groupLabel;
    case Qt::DecorationRole:
        if (index.column() == MessageColumn) {
            return QApplication::style()->standardIcon(p->isError() ? QStyle::SP_MessageBoxCritical
                                                                    : QStyle::SP_MessageBoxWarning);
        }
        return {};
    case ProblemSeverityRole:
        return int(p->severity);
    case ProblemSubjectRole:
        return int(p->subject);
    case ProblemSubjectIdRole:
        return p->subjectId;
    case ProblemGroupLabelRole:
        return p->groupLabel;
    default:
        return {};
    }
}

QVariant ProblemListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case MessageColumn:
        return tr("Problem");
    case GroupColumn:
        return tr("Group");
    default:
        return {};
    }
}

} // namespace balcony::gui
