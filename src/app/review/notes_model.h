#pragma once

#include "notes/session_note_types.h"

#include <QAbstractTableModel>
#include <QDate>
#include <vector>

namespace balcony::gui {

// A cycle's session notes as the Notes and Outcomes list shows them: one row per LA's note, with
// its group, status, latest revision and the date the DCS's answer is due. A note sent or amended
// and past its due date on today() (the UK date) is overdue: its row is tinted and its due column
// says "overdue", so that it reads without colour too. Sorts by SortRole (dates and numbers as
// such, not as text).
class NotesModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { LaColumn, GroupColumn, StatusColumn, RevisionColumn, DueColumn, ColumnCount };
    enum Role {
        NoteIdRole = Qt::UserRole + 1, // qint64
        SortRole,                      // what the column sorts by
        OverdueRole,                   // bool
    };

    explicit NotesModel(QObject* parent = nullptr);

    // Replaces every row; today is the UK date overdue is judged against.
    void setNotes(std::vector<SessionNote> notes, const QDate& today);
    const std::vector<SessionNote>& notes() const { return m_notes; }
    // The row of a note, or -1.
    int rowOf(qint64 noteId) const;
    // The note of a row; nullptr when out of range.
    const SessionNote* noteAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<SessionNote> m_notes;
    QDate m_today;
};

} // namespace balcony::gui
