#include "helpers/table_dump.h"
#include "helpers/temp_dir.h"
#include "helpers/test_database.h"
#include "store/change_set.h"
#include "store/database.h"
#include "store/sql.h"
#include "store/transaction.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>
#include <catch2/catch.hpp>
#include <initializer_list>

// Recording what one operation wrote, and taking it back or applying it again: the basis of
// undoable imports.
using namespace balcony;

namespace {

class Region {
public:
    Region() {
        auto opened = Database::open(m_dir.path(QStringLiteral("region.balcony")), {.create = true});
        REQUIRE(opened.ok());
        m_db = std::move(*opened);
        run({
            "INSERT INTO authority(id, name) VALUES (1, 'Kent'), (2, 'Medway'), (3, 'Surrey'), (4, 'Slough')",
            "INSERT INTO person(id, name, email, role, authority_id) VALUES "
            "(1, 'Ann Reed', 'ann@kent.example.org', 'dcs', 1), (2, 'Dev Patel', '', 'dcs', 2), "
            "(3, 'Eve Hart', 'eve@surrey.example.org', 'dcs', 3), (4, 'Sam Ellis', '', 'facilitator', NULL), "
            "(5, 'Ivy North', '', 'dcs', 4)",
            "INSERT INTO past_post(person_id, authority_id, title) VALUES (1, 2, 'Deputy DCS')",
            "INSERT INTO cycle(id, name, first_day, last_day) VALUES (1, '2023-2024', '2023-09-01', "
            "'2024-03-31')",
            "INSERT INTO review_group(id, cycle_id, label, held_on, venue, facilitator_id, uid) VALUES "
            "(1, 1, 'A', '2024-01-16', 'County Hall', 4, 'g1'), (2, 1, 'B', '2024-02-07', '', 4, 'g2')",
            "INSERT INTO group_member(group_id, cycle_id, authority_id, position) VALUES "
            "(1, 1, 1, 0), (1, 1, 2, 1), (1, 1, 3, 2), (2, 1, 4, 0)",
            "INSERT INTO lead_review(group_id, reviewee_id, reviewer_id) VALUES (1, 1, 2), (1, 2, 3), (1, 3, "
            "1)",
            "INSERT INTO self_assessment(cycle_id, authority_id, status) VALUES (1, 1, 'draft_received')",
        });
    }

    Database& db() { return *m_db; }

    void run(std::initializer_list<const char*> statements) {
        for (const char* statement : statements) {
            auto done = sql::run(*m_db, QString::fromUtf8(statement));
            INFO(statement);
            REQUIRE(done.ok());
        }
    }

    // Every row of every table, sorted: equal dumps mean the region holds the same data.
    QStringList dump() { return test::dumpEveryTable(*m_db); }

private:
    test::TempDir m_dir;
    std::unique_ptr<Database> m_db;
};

// An import-sized operation in one transaction, as the importers write: new rows, changed rows,
// and removed rows whose dependants go by ON DELETE CASCADE and SET NULL.
ChangeSet recordImport(Region& region) {
    auto recorder = ChangeRecorder::start(region.db());
    REQUIRE(recorder.ok());
    {
        Transaction tx(region.db());
        REQUIRE(tx.isActive());
        region.run({
            "INSERT INTO authority(id, name) VALUES (5, 'Reading')",
            "INSERT INTO person(id, name, email, role, authority_id) VALUES "
            "(6, 'Jo West', 'jo@reading.example.org', 'dcs', 5), "
            "(7, 'Ben Cole', '', 'chief_executive', 1), (8, 'Kim Lane', '', 'facilitator', NULL)",
            "UPDATE person SET email = 'dev@medway.example.org' WHERE id = 2",
            "UPDATE authority SET name = 'Surrey County' WHERE id = 3",
            "UPDATE review_group SET venue = 'Civic Centre' WHERE id = 1",
            "DELETE FROM review_group WHERE id = 2", // cascades to its member
            "DELETE FROM person WHERE id = 4",       // sets group 1's facilitator to NULL
            "INSERT INTO review_group(id, cycle_id, label, held_on, uid) VALUES (3, 1, 'C', '2024-03-01', "
            "'g3')",
            "INSERT INTO group_member(group_id, cycle_id, authority_id, position) VALUES (3, 1, 4, 0), (3, "
            "1, 5, 1)",
            "INSERT INTO lead_review(group_id, reviewee_id, reviewer_id) VALUES (3, 4, 5), (3, 5, 4)",
            "DELETE FROM person WHERE id = 1", // cascades to the past post
        });
        REQUIRE(tx.commit().ok());
    }
    auto changes = recorder->finish();
    REQUIRE(changes.ok());
    return *changes;
}

} // namespace

TEST_CASE("Inverting the recorded changes of an import gives every table back exactly, and applying "
          "them again gives the imported state",
          "[store][changes]") {
    Region region;
    const QStringList before = region.dump();
    const ChangeSet changes = recordImport(region);
    const QStringList after = region.dump();
    REQUIRE(before != after);
    REQUIRE_FALSE(changes.isEmpty());
    // The cascade and SET NULL happened: Ann Reed's past post is gone, group A has no facilitator.
    CHECK_FALSE(after.join(u'\n').contains(QStringLiteral("past_post|")));
    CHECK(after.join(u'\n').contains(QStringLiteral("'Civic Centre'|NULL|'g1'")));

    auto inverse = changes.inverted();
    REQUIRE(inverse.ok());
    REQUIRE(inverse->apply(region.db()).ok());
    CHECK(region.dump() == before);

    REQUIRE(changes.apply(region.db()).ok());
    CHECK(region.dump() == after);

    // And back once more: undo, redo, undo is as good as the first time.
    REQUIRE(inverse->apply(region.db()).ok());
    CHECK(region.dump() == before);

    // Foreign keys are enforced again afterwards.
    CHECK_FALSE(sql::run(region.db(), QStringLiteral("INSERT INTO person(name, role, authority_id) "
                                                     "VALUES ('Nobody', 'dcs', 99)"))
                    .ok());
}

TEST_CASE("Recording only what was committed: a rolled-back write leaves nothing to undo",
          "[store][changes]") {
    Region region;
    auto recorder = ChangeRecorder::start(region.db());
    REQUIRE(recorder.ok());
    {
        Transaction tx(region.db());
        region.run({"INSERT INTO authority(name) VALUES ('Reading')"});
    }
    auto changes = recorder->finish();
    REQUIRE(changes.ok());
    CHECK(changes->isEmpty());
}

TEST_CASE("Undoing refuses and changes nothing when a later edit changed an imported row",
          "[store][changes]") {
    Region region;
    const ChangeSet changes = recordImport(region);
    auto inverse = changes.inverted();
    REQUIRE(inverse.ok());

    SECTION("a value the import wrote was changed since") {
        region.run({"UPDATE authority SET name = 'Royal Borough of Reading' WHERE id = 5"});
    }
    SECTION("a row the import removed was added back") {
        region.run({"INSERT INTO review_group(id, cycle_id, label, held_on, uid) VALUES "
                    "(2, 1, 'B2', '2024-02-08', 'g2b')"});
    }
    SECTION("a row the import added was removed") {
        region.run({"DELETE FROM lead_review WHERE group_id = 3"});
    }
    SECTION("a new row refers to a row the import added") {
        region.run({"INSERT INTO person(name, role, authority_id) VALUES ('Lee Hunt', 'lead_member', 5)"});
    }
    const QStringList edited = region.dump();

    const Status undone = inverse->apply(region.db());
    REQUIRE_FALSE(undone.ok());
    CHECK(undone.error().kind == Error::Kind::Conflict);
    CHECK(undone.message().contains(QStringLiteral("Nothing was changed")));
    CHECK(region.dump() == edited);
    // Foreign keys are back on after the refusal.
    CHECK_FALSE(sql::run(region.db(), QStringLiteral("INSERT INTO person(name, role, authority_id) "
                                                     "VALUES ('Nobody', 'dcs', 99)"))
                    .ok());
}

TEST_CASE("Redoing refuses and changes nothing when a later edit conflicts with the import",
          "[store][changes]") {
    Region region;
    const ChangeSet changes = recordImport(region);
    auto inverse = changes.inverted();
    REQUIRE(inverse.ok());
    REQUIRE(inverse->apply(region.db()).ok());
    region.run({"INSERT INTO authority(id, name) VALUES (5, 'Wokingham')"});
    const QStringList edited = region.dump();

    const Status redone = changes.apply(region.db());
    REQUIRE_FALSE(redone.ok());
    CHECK(redone.error().kind == Error::Kind::Conflict);
    CHECK(region.dump() == edited);
}

TEST_CASE("Changes are applied only outside a transaction", "[store][changes]") {
    Region region;
    const ChangeSet changes = recordImport(region);
    auto inverse = changes.inverted();
    REQUIRE(inverse.ok());
    const QStringList after = region.dump();
    {
        Transaction tx(region.db());
        REQUIRE(tx.isActive());
        CHECK_FALSE(inverse->apply(region.db()).ok());
    }
    CHECK(region.dump() == after);
}

TEST_CASE("A change to a table without a primary key cannot be recorded", "[store][changes]") {
    Region region;
    region.run({"CREATE TABLE scratch (note TEXT)"});
    auto recorder = ChangeRecorder::start(region.db());
    REQUIRE(recorder.ok());
    region.run({"INSERT INTO scratch(note) VALUES ('kept nowhere')"});
    auto changes = recorder->finish();
    REQUIRE_FALSE(changes.ok());
    CHECK(changes.message().contains(QStringLiteral("scratch")));
}

TEST_CASE("Every table the schema creates has a primary key, so a changeset can hold its rows",
          "[store][changes]") {
    Region region;
    auto keyless =
        sql::run(region.db(), QStringLiteral("SELECT name FROM sqlite_schema s WHERE type = 'table' "
                                             "AND name NOT LIKE 'sqlite_%' AND NOT EXISTS "
                                             "(SELECT 1 FROM pragma_table_info(s.name) WHERE pk > 0)"));
    REQUIRE(keyless.ok());
    QStringList names;
    while (keyless->next()) {
        names << keyless->value(0).toString();
    }
    CHECK(names == QStringList());
}

TEST_CASE("Undo of an import is offered on a file and refused with a plain reason on a server",
          "[store][server][change_set]") {
    const Engine engine = GENERATE(from_range(test::engines()));
    INFO(test::engineName(engine).toStdString());
    test::FreshDatabase fresh(engine);
    auto db = fresh.open();
    const Status available = ChangeRecorder::available(*db);
    auto recorder = ChangeRecorder::start(*db);
    if (engine == Engine::SQLite) {
        CHECK(available.ok());
        CHECK(recorder.ok());
    } else {
        REQUIRE_FALSE(available.ok());
        CHECK(available.message().contains(QStringLiteral("on a server cannot be undone")));
        CHECK(available.message().contains(QStringLiteral("session extension")));
        REQUIRE_FALSE(recorder.ok());
        CHECK(recorder.message() == available.message());
    }
}
