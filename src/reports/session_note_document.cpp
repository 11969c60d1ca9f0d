#include "reports/session_note_document.h"

#include "engine/clock.h"
#include "notes/note_review.h"
#include "notes/session_note_store.h"
#include "store/database.h"

namespace balcony::reports {
namespace {

// Reading needs no time; the store asks for a clock only to stamp what it writes.
class NoClock final : public Clock {
public:
    QDateTime utcNow() const override { return {}; }
    qint64 monotonicMs() const override { return 0; }
};

} // namespace

Result<NoteDocument> sessionNoteDocument(Database& db, qint64 noteId, int revision) {
    const NoClock noClock;
    const SessionNoteStore store(db, noClock);
    auto note = store.note(noteId);
    if (!note) {
        return note.error();
    }
    auto shown = store.revision(noteId, revision);
    if (!shown) {
        return shown.error();
    }
    NoteDocument document;
    auto names = groupAuthorityNames(db, *note, &document.cycleName);
    if (!names) {
        return names.error();
    }
    document.groupLabel = note->groupLabel;
    document.groupDate = note->groupDate;
    document.laName = note->authorityName;
    document.groupLaNames = *names;
    document.statusText = displayName(note->status);
    document.revision = shown->number;
    document.revisionAuthor = shown->author;
    document.revisionTime = shown->createdAtUtc;
    document.dueDate = note->dueOn;
    document.fingerprint = shown->fingerprint;
    document.body = shown->body;
    return document;
}

} // namespace balcony::reports
