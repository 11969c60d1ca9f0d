#include "store/migrations.h"

// A region's own question bank (questions/bank_store.h). No row in question_bank means the region
// uses the bank Balcony ships, which is never copied in, so a better default reaches it. The rules a
// bank must meet are checked on import (questions/bank_format.h); the schema holds the ones that
// must never break: texts and titles are never empty, a theme question has a theme and no other
// question has one, and positions are unique within a theme or section.
namespace balcony::migrations {

Migration questionBank() {
    return {6,
            {
                QStringLiteral(R"(CREATE TABLE question_bank (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                name TEXT NOT NULL,
                imported_from TEXT NOT NULL))"),
                QStringLiteral(R"(CREATE TABLE question_theme (
                id INTEGER PRIMARY KEY,
                position INTEGER NOT NULL UNIQUE CHECK (position >= 0),
                title TEXT NOT NULL UNIQUE CHECK (length(trim(title)) > 0)))"),
                QStringLiteral(R"(CREATE TABLE question (
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL CHECK (kind IN ('theme', 'balcony', 'plenary')),
                theme_id INTEGER REFERENCES question_theme (id) ON DELETE CASCADE,
                position INTEGER NOT NULL CHECK (position >= 0),
                text TEXT NOT NULL CHECK (length(trim(text)) > 0),
                rating INTEGER NOT NULL DEFAULT 0 CHECK (rating IN (0, 1)),
                CHECK ((kind = 'theme') = (theme_id IS NOT NULL))))"),
                QStringLiteral("CREATE UNIQUE INDEX question_theme_position ON question (theme_id, position) "
                               "WHERE theme_id IS NOT NULL"),
                QStringLiteral("CREATE UNIQUE INDEX question_section_position ON question (kind, position) "
                               "WHERE theme_id IS NULL"),
            }};
}

} // namespace balcony::migrations
