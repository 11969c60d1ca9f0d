#pragma once

#include "notes/session_note_types.h"
#include "support/result.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace balcony {
class Clock;
class Database;

// One line of a draft, and where it came from: a captured item (key "item:ID", revision = the item's
// revision), a focus theme ("focus:THEME") or a rating ("rating:QUESTION=N"). The key is what
// re-drafting compares to tell what the day's capture adds to a note.
struct DraftLine {
    QString key;
    int revision = 1;
    QString section;    // the "##" heading, e.g. "Strengths affirmed"
    QString subsection; // the "###" heading under it (a theme of the lines of enquiry), or empty
    QString text;       // the bullet's text, Markdown
};

// A session's draft: the Markdown body and the lines it was built from.
struct SessionDraft {
    QString body;
    std::vector<DraftLine> lines;
};

// The sections of a draft, in order (their "##" headings).
QStringList draftSections();

// Assembles the draft of one LA's session in a group's day: the group, date and attending LAs, the
// themes the DCS flagged, strengths affirmed, lines of enquiry by theme (with the 0-10 ratings),
// insights from the balcony, the reaction, reflections, asks, offers and action points.
// Confidential by construction: every query reads that LA's own items, focus themes and ratings
// (never the group's, filtered afterwards), so no text of another LA's session can reach it.
// A note item is placed by its kind, and a plain note by the block it was taken in.
// InvalidInput when the LA is not a member of the group. Reads only.
Result<SessionDraft> assembleDraft(Database& db, qint64 groupId, qint64 authorityId);

// Puts lines into a Markdown body, each as a bullet at the end of its section (and subsection),
// adding a heading at the end when the body has none by that name. Pure.
QString insertLines(const QString& body, const std::vector<DraftLine>& lines);

// Drafting and re-drafting of the session notes, over SessionNoteStore. Borrows the Database and
// the Clock, which must outlive it. Writes nothing when it refuses.
class SessionNoteDrafter final {
public:
    SessionNoteDrafter(Database& db, const Clock& clock)
        : m_db(db)
        , m_clock(clock) {}

    enum class Outcome {
        Created,   // a new note, revision 1
        Redrafted, // a draft nobody had edited, replaced by a new draft revision
        Unchanged, // the draft is already what the day's capture gives
        Additions, // the note was edited (or sent): nothing written; `additions` lists what is new
        Locked,    // agreed or shared: left as it is
    };
    struct Result_ {
        Outcome outcome = Outcome::Unchanged;
        qint64 noteId = 0;
        int revision = 0; // the note's latest revision afterwards
        NoteStatus status = NoteStatus::Draft;
        std::vector<DraftLine> additions;
    };

    // Drafts (or re-drafts) the note of one LA's session. Re-drafting never overwrites the
    // facilitator's edits: a note with an edited or DCS revision, or one out of draft, is left as it
    // is and the answer lists what the day's capture adds. An agreed note is never touched.
    Result<Result_> draft(qint64 groupId, qint64 authorityId, const QString& author);
    // What the day's capture holds that the note does not yet: items never taken into it, and items
    // revised since they were taken. Reads only.
    Result<std::vector<DraftLine>> additions(qint64 noteId);
    // Appends the chosen additions (by key; all of them when keys is empty) to the latest revision,
    // as a new revision by author (origin edit). Returns its number. Conflict for an agreed note,
    // InvalidInput for a key that is not among the additions.
    Result<int> takeAdditions(qint64 noteId, const QStringList& keys, const QString& author);

private:
    Status recordSources(qint64 noteId, const std::vector<DraftLine>& lines, bool replace);

    Database& m_db;
    const Clock& m_clock;
};

} // namespace balcony
