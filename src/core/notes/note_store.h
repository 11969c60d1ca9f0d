#pragma once

#include "notes/note_types.h"
#include "support/result.h"

#include <QDateTime>
#include <functional>
#include <vector>

namespace balcony {
class Database;

// Notes and outcome items of a group's day, stored as append-only revisions.
//
// revise() and remove() seal a working revision before they add theirs; only saveWorking() writes
// a working one. Every write runs in its own transaction and returns only after it was committed (synchronous
// FULL), so a returned id or revision number means the text is on disk. Called inside a caller's
// Transaction, a write becomes a savepoint and is committed with the caller's transaction instead.
// Refusals (bad content, an LA that is not a member of the group, an unknown or deleted item) come
// back as errors and write nothing. Text is never logged.
class NoteStore final {
public:
    // The clock that stamps revisions (UTC): the caller's Clock (the console passes its one clock);
    // a SystemClock when none is given (the CLI, which reads the computer's clock anyway).
    using UtcClock = std::function<QDateTime()>;

    explicit NoteStore(Database& db, UtcClock now = {});

    // A new item for the LA's session in this group's day; returns the item's id.
    Result<qint64> capture(qint64 groupId, qint64 authorityId, const NoteContent& content);
    // Saves new content for an item; returns the new revision's number. Refused for a deleted item.
    Result<int> revise(qint64 itemId, const NoteContent& content);
    // The working revision an autosaving editor writes (docs/day-engine.md, "Working text and
    // sealed revisions"): with itemId 0 a new item (kind and block from content) whose revision 1 is
    // working; otherwise, when the item's latest revision is working it is rewritten in place, else a
    // new working revision follows it. Refused for a deleted item. Returns the item and revision.
    struct WorkingRevision {
        qint64 itemId = 0;
        int number = 0;
    };
    Result<WorkingRevision> saveWorking(qint64 groupId, qint64 authorityId, qint64 itemId,
                                        const NoteContent& content);
    // Seals the item's working revision, if it has one, so it never changes again.
    Status seal(qint64 itemId);
    // Adds a deleting revision; returns its number. The item's history stays readable.
    Result<int> remove(qint64 itemId);

    struct Filter {
        qint64 authorityId = 0; // 0: every LA of the group
        std::optional<NoteKind> kind;
    };
    // The group's items that are not deleted, each with its latest revision, in capture order.
    Result<std::vector<NoteItem>> current(qint64 groupId, const Filter& filter) const;
    Result<std::vector<NoteItem>> current(qint64 groupId) const { return current(groupId, Filter{}); }
    // One item with its latest revision (deleted or not); NotFound when there is no such item.
    Result<NoteItem> item(qint64 itemId) const;
    // Every revision of an item, oldest first; NotFound when there is no such item.
    Result<std::vector<NoteRevision>> history(qint64 itemId) const;

private:
    Result<int> addRevision(qint64 itemId, const NoteContent& content, bool deleted, bool working = false);
    Result<qint64> insertItem(qint64 groupId, qint64 authorityId, const NoteContent& content, bool working);

    Database& m_db;
    UtcClock m_now;
};

// Checks content before anything is written: non-empty text, a known kind, a block index >= 0.
Status validate(const NoteContent& content);

} // namespace balcony
