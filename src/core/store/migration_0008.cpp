#include "store/migrations.h"

// Working note revisions (docs/day-engine.md, "Working text and sealed revisions"). An autosaving
// editor keeps one working revision per burst of typing and rewrites it in place; every other
// revision is sealed and stays append-only. Existing revisions are sealed. The trigger still refuses
// any change to a sealed revision, and to a working revision's identity or deleted flag.
namespace balcony::migrations {

Migration workingNotes() {
    return {8,
            {
                QStringLiteral("ALTER TABLE note_revision ADD COLUMN working INTEGER NOT NULL DEFAULT 0 "
                               "CHECK (working IN (0, 1))"),
                QStringLiteral("DROP TRIGGER note_revision_append_only_update"),
                QStringLiteral(R"(CREATE TRIGGER note_revision_append_only_update
            BEFORE UPDATE ON note_revision
            WHEN OLD.working = 0 OR NEW.id IS NOT OLD.id OR NEW.item_id IS NOT OLD.item_id
                OR NEW.number IS NOT OLD.number OR NEW.deleted IS NOT OLD.deleted
            BEGIN SELECT RAISE(ABORT, 'note revisions cannot be changed; add a revision instead'); END)"),
            }};
}

} // namespace balcony::migrations
