#include "store/migrations.h"

// The day engine's tables: templates a region imported, each group's own changes to its day, and the
// append-only log of the live run, which is the only record of what happened on the day.
namespace balcony::migrations {

Migration dayEngine() {
    return {2,
            {
                // The JSON text as imported, so a region's template survives a move to another machine.
                QStringLiteral(R"(CREATE TABLE day_template (
            id TEXT PRIMARY KEY CHECK (length(trim(id)) > 0),
            name TEXT NOT NULL,
            body TEXT NOT NULL,
            imported_from TEXT NOT NULL DEFAULT '',
            imported_at_utc TEXT NOT NULL
        ))"),
                // Empty template_id: the built-in template for the group's size; empty start: the template's.
                QStringLiteral(R"(CREATE TABLE group_day_plan (
            group_id INTEGER PRIMARY KEY REFERENCES review_group(id) ON DELETE CASCADE,
            template_id TEXT NOT NULL DEFAULT '',
            start_time TEXT NOT NULL DEFAULT '' CHECK (start_time = '' OR length(start_time) = 5)
        ))"),
                // Per block of the expanded day, by its index in running order.
                QStringLiteral(R"(CREATE TABLE group_block_plan (
            group_id INTEGER NOT NULL REFERENCES review_group(id) ON DELETE CASCADE,
            block_index INTEGER NOT NULL CHECK (block_index >= 0),
            minutes INTEGER NOT NULL DEFAULT 0 CHECK (minutes >= 0 AND minutes <= 600),
            pinned_at TEXT NOT NULL DEFAULT '' CHECK (pinned_at = '' OR length(pinned_at) = 5),
            PRIMARY KEY (group_id, block_index)
        ))"),
                // at_utc is ISO 8601 UTC with milliseconds (2023-01-18T10:00:00.000Z); payload is JSON.
                QStringLiteral(R"(CREATE TABLE day_event (
            id INTEGER PRIMARY KEY,
            group_id INTEGER NOT NULL REFERENCES review_group(id) ON DELETE CASCADE,
            at_utc TEXT NOT NULL CHECK (length(at_utc) = 24),
            kind TEXT NOT NULL CHECK (length(kind) > 0),
            payload TEXT NOT NULL DEFAULT '{}'
        ))"),
                QStringLiteral("CREATE INDEX day_event_group ON day_event(group_id, id)"),
                // The log is append-only: history is never rewritten.
                QStringLiteral(R"(CREATE TRIGGER day_event_no_update BEFORE UPDATE ON day_event
            BEGIN SELECT RAISE(ABORT, 'the day''s event log is append-only'); END)"),
            }};
}

} // namespace balcony::migrations
