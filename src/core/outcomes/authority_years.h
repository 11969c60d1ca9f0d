#pragma once

#include "notes/session_note_types.h"
#include "support/result.h"

#include <QDate>
#include <QString>
#include <QStringList>
#include <optional>
#include <utility>
#include <vector>

namespace balcony {
class Database;
} // namespace balcony

// "Over the years" (docs/guide-outcomes.md): an LA's strengths and areas for development across
// cycles side by side, as regions track them over three years. Read only; nothing here writes.
//
// Where each part comes from:
//  - strengths: the note items of kind strength captured in the LA's own session of the cycle (the
//    visitors' affirmation), not deleted, as they stand now, in capture order;
//  - areas for development: the themes of the LA's session note, only when that note is agreed or
//    shared (the record the DCS accepted); a draft, sent, amended or reopened note gives none. The
//    themes are read from the agreed revision's text (see noteThemes), so a theme the DCS struck out
//    in an amendment is not counted;
//  - recurring: a theme of one year that the LA's year before (the previous column) raised too,
//    compared by questions::themeKey (case, accents, punctuation and spacing ignored).
// Confidential texts are read for the one LA asked about only (every query is by its id), so
// another LA's strengths or notes cannot appear; nothing is logged.
namespace balcony::outcomes {

struct YearTheme {
    QString title;          // as the note wrote it (the first spelling in that note)
    bool recurring = false; // the LA's year before raised it too
};

struct AuthorityYear {
    qint64 cycleId = 0;
    QString cycleName;
    QDate cycleFirstDay;
    qint64 groupId = 0; // the group of the LA's session; 0 when it had none in this cycle
    QString groupLabel;
    QDate groupDate;
    QStringList strengths;                // the affirmed strengths' texts
    std::optional<NoteStatus> noteStatus; // the session note's state; none when there is no note
    std::vector<YearTheme> areas;         // areas for development; empty unless the note is agreed

    bool hadSession() const { return groupId != 0; }
    bool noteAgreed() const { return noteStatus && isLocked(*noteStatus); }
    QStringList recurringThemes() const; // titles of the recurring areas, in order
};

struct AuthorityYears {
    qint64 authorityId = 0;
    QString authorityName;
    // Oldest first, at most three: the cycle asked for last, after the (up to two) latest earlier
    // cycles, by first day, in which the LA had a session.
    std::vector<AuthorityYear> years;
};

// An LA's years up to a cycle. With cycleId 0, the latest cycle (by first day) in which the LA had a
// session. The cycle asked for is always its last year, even when the LA had no session in it
// (hadSession() false, nothing else set). NotFound when there is no such LA or cycle, or (cycleId 0)
// when the LA was never in a group. Storage errors as they come.
Result<AuthorityYears> authorityYears(Database& db, qint64 authorityId, qint64 cycleId);

// The themes of a session note's text, in the note's order, each once (by themeKey): the bullets of
// "Themes the DCS flagged" and the theme headings of "Lines of enquiry" (not its ratings or "Other
// lines of enquiry"), the sections and headings session_note_draft writes. Pure.
QStringList noteThemes(const QString& body);

// The LAs with a session in a cycle, by name, and the one best shown first: the LA with the most
// themes recurring in that cycle, then the most years with something in them, then by name; 0 when
// the cycle has no groups. NotFound for no such cycle.
struct YearsChoice {
    std::vector<std::pair<qint64, QString>> authorities; // id, name
    qint64 suggested = 0;
};
Result<YearsChoice> yearsChoice(Database& db, qint64 cycleId);

} // namespace balcony::outcomes
