#include "store/migrations.h"

// Notes and outcome items captured during a day, kept as revisions: an edit or a deletion adds a
// revision and never changes one, so whatever the facilitator saved can always be shown again.
namespace balcony::migrations {

Migration notes() {
    return {3,
            {
                // The identity of an item: which group's day and which LA's session it belongs to.
                // The LA must be a member of the group; removing a member (or the group) that has
                // notes is refused rather than taking the notes with it.
                QStringLiteral(R"(CREATE TABLE note_item (
            id INTEGER PRIMARY KEY,
            group_id INTEGER NOT NULL,
            authority_id INTEGER NOT NULL,
            created_at_utc TEXT NOT NULL CHECK (length(created_at_utc) >= 20),
            FOREIGN KEY (group_id, authority_id) REFERENCES group_member(group_id, authority_id)
                ON DELETE RESTRICT
        ))"),
                QStringLiteral("CREATE INDEX note_item_group ON note_item(group_id, authority_id)"),
                // number counts from 1 per item; the current content of an item is its highest
                // number. A deleting revision carries the last content with deleted = 1.
                QStringLiteral(R"(CREATE TABLE note_revision (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES note_item(id) ON DELETE RESTRICT,
            number INTEGER NOT NULL CHECK (number >= 1),
            saved_at_utc TEXT NOT NULL CHECK (length(saved_at_utc) >= 20),
            kind TEXT NOT NULL
                CHECK (kind IN ('note', 'strength', 'insight', 'ask', 'offer', 'action', 'reflection')),
            theme TEXT NOT NULL DEFAULT '',
            block_index INTEGER CHECK (block_index IS NULL OR block_index >= 0),
            body TEXT NOT NULL,
            deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
            CHECK (deleted = 1 OR length(trim(body)) > 0),
            UNIQUE (item_id, number)
        ))"),
                QStringLiteral(R"(CREATE TRIGGER note_revision_append_only_update
            BEFORE UPDATE ON note_revision
            BEGIN SELECT RAISE(ABORT, 'note revisions cannot be changed; add a revision instead'); END)"),
                QStringLiteral(R"(CREATE TRIGGER note_revision_append_only_delete
            BEFORE DELETE ON note_revision
            BEGIN SELECT RAISE(ABORT, 'note revisions cannot be removed; add a deleting revision'); END)"),
                QStringLiteral(R"(CREATE TRIGGER note_item_fixed
            BEFORE UPDATE ON note_item
            BEGIN SELECT RAISE(ABORT, 'a note item keeps its group and LA; capture a new item'); END)"),
            }};
}

} // namespace balcony::migrations
