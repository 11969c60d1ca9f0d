#include "store/migrations.h"

// Notes and outcome items captured during a day. Owned by the notes work.
namespace balcony::migrations {

Migration notes() {
    return {3,
            {
                QStringLiteral(R"(CREATE TABLE note_revision (
            id INTEGER PRIMARY KEY,
            group_id INTEGER NOT NULL REFERENCES review_group(id) ON DELETE CASCADE,
            saved_at_utc TEXT NOT NULL,
            body TEXT NOT NULL
        ))"),
            }};
}

} // namespace balcony::migrations
