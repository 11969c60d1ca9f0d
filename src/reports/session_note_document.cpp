#include "reports/session_note_document.h"

#include "domain/schedule_store.h"
#include "engine/clock.h"
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
    auto schedule = ScheduleStore(db).load(note->cycleId);
    if (!schedule) {
        return schedule.error();
    }
    NoteDocument document;
    document.cycleName = schedule->cycle.name;
    document.groupLabel = note->groupLabel;
    document.groupDate = note->groupDate;
    document.laName = note->authorityName;
    for (const auto& group : schedule->groups) {
        if (group.id == note->groupId) {
            for (const auto& member : group.members) {
                document.groupLaNames << schedule->authorityName(member.authorityId);
            }
        }
    }
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
