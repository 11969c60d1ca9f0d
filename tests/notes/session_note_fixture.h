#pragma once

#include "engine/clock.h"
#include "helpers/table_dump.h"
#include "helpers/temp_dir.h"
#include "helpers/test_database.h"
#include "notes/note_fixture.h"
#include "notes/session_note_store.h"
#include "store/sql.h"

#include <QSqlQuery>
#include <catch2/catch.hpp>
#include <memory>

namespace balcony::test {

// A region with the note fixture (groups A and B of cycle 2026-2027) and a clock that a test moves:
// Tuesday 24 November 2026, 10:00 UTC, the day after group A met.
struct SessionNoteRegion {
    TempDir dir;
    FreshDatabase fresh{fixtureEngine()};
    QString path = fresh.location();
    std::unique_ptr<Database> db;
    NoteFixture f;
    FakeClock clock{QDateTime(QDate(2026, 11, 24), QTime(10, 0), Qt::UTC)};

    SessionNoteRegion() {
        db = fresh.open();
        f = makeNoteFixture(*db);
    }

    SessionNoteStore store() { return SessionNoteStore(*db, clock); }

    int count(const QString& table) {
        auto q = sql::run(*db, QStringLiteral("SELECT count(*) FROM ") + table);
        REQUIRE(q.ok());
        REQUIRE(q->next());
        return q->value(0).toInt();
    }

    // Every row of every table: a refusal must leave it the same.
    QStringList snapshot() { return dumpEveryTable(*db); }
};

} // namespace balcony::test
