#include "review/notes_model.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace balcony::gui {

NotesModel::NotesModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void NotesModel::setNotes(std::vector<SessionNote> notes, const QDate& today) {
    beginResetModel();
    m_notes = std::move(notes);
    m_today = today;
    endResetModel();
}

int NotesModel::rowOf(qint64 noteId) const {
    for (size_t i = 0; i < m_notes.size(); ++i) {
        if (m_notes[i].id == noteId) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

const SessionNote* NotesModel::noteAt(int row) const {
    return row >= 0 && row < static_cast<int>(m_notes.size()) ? &m_notes[static_cast<size_t>(row)] : nullptr;
}

int NotesModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_notes.size());
}

int NotesModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NotesModel::data(const QModelIndex& index, int role) const {
    const SessionNote* note = index.isValid() ? noteAt(index.row()) : nullptr;
    if (!note || index.column() < 0 || index.column() >= ColumnCount) {
        return {};
    }
    const bool overdue = note->isOverdue(m_today);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case LaColumn:
            return note->authorityName;
        case GroupColumn:
            return note->groupDate.isValid()
                       ? tr("%1 (%2)").arg(note->groupLabel, note->groupDate.toString(u"d MMM yyyy"))
                       : note->groupLabel;
        case StatusColumn:
            return displayName(note->status);
        case RevisionColumn:
            return note->latestRevision;
        case DueColumn:
            if (!note->dueOn.isValid() || isLocked(note->status) || note->status == NoteStatus::Draft) {
                return QString();
            }
            return overdue ? tr("%1, overdue").arg(note->dueOn.toString(u"d MMM yyyy"))
                           : note->dueOn.toString(u"d MMM yyyy");
        }
        break;
    case SortRole:
        switch (index.column()) {
        case LaColumn:
            return note->authorityName.toLower();
        case GroupColumn:
            return QStringLiteral("%1 %2").arg(note->groupDate.toString(Qt::ISODate), note->groupLabel);
        case StatusColumn:
            return static_cast<int>(note->status);
        case RevisionColumn:
            return note->latestRevision;
        case DueColumn:
            // Notes awaiting no answer sort after every date.
            return note->dueOn.isValid() &&
                           (note->status == NoteStatus::Sent || note->status == NoteStatus::Amended)
                       ? note->dueOn.toString(Qt::ISODate)
                       : QStringLiteral("9999");
        }
        break;
    case Qt::BackgroundRole:
        if (overdue) {
            return QBrush(QColor(0xfd, 0xe2, 0xc4)); // a light amber, dark text stays readable
        }
        break;
    case Qt::ForegroundRole:
        if (overdue) {
            return QBrush(QColor(0x5a, 0x2d, 0x00));
        }
        break;
    case Qt::FontRole:
        if (overdue && index.column() == DueColumn) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        break;
    case Qt::ToolTipRole:
        if (overdue) {
            return tr("The DCS's answer was due on %1.").arg(note->dueOn.toString(u"d MMMM yyyy"));
        }
        break;
    case NoteIdRole:
        return note->id;
    case OverdueRole:
        return overdue;
    default:
        break;
    }
    return {};
}

QVariant NotesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case LaColumn:
        return tr("LA");
    case GroupColumn:
        return tr("Group");
    case StatusColumn:
        return tr("Status");
    case RevisionColumn:
        return tr("Revision");
    case DueColumn:
        return tr("Answer due");
    default:
        return {};
    }
}

} // namespace balcony::gui
