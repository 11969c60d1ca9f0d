#include "store/migrations.h"

// The day engine's tables. Owned by the engine work; kept as a separate numbered step.
namespace balcony::migrations {

Migration dayEngine() {
    return {2,
            {
                QStringLiteral(R"(CREATE TABLE day_event (
            id INTEGER PRIMARY KEY,
            group_id INTEGER NOT NULL REFERENCES review_group(id) ON DELETE CASCADE,
            at_utc TEXT NOT NULL,
            kind TEXT NOT NULL,
            payload TEXT NOT NULL DEFAULT '{}'
        ))"),
                QStringLiteral("CREATE INDEX day_event_group ON day_event(group_id, id)"),
            }};
}

} // namespace balcony::migrations
