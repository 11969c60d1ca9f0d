#include "domain/roster_store.h"
#include "helpers/temp_dir.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/sql.h"
#include "store_probe_helpers.h"

#include <catch2/catch.hpp>

using namespace balcony;

namespace {

// A file as the first release of Balcony left it: schema 1 only, with some data.
void writeSchemaOne(const QString& path) {
    QStringList statements = migrations::foundation().statements;
    statements << QStringLiteral("PRAGMA application_id = %1").arg(Database::applicationId)
               << QStringLiteral("PRAGMA user_version = 1")
               << QStringLiteral("INSERT INTO authority(name) VALUES ('Kent'), ('Medway')")
               << QStringLiteral("INSERT INTO cycle(name, first_day, last_day) VALUES ('2022-2023', "
                                 "'2022-09-01', '2023-03-31')");
    REQUIRE(test::runRaw(path, statements));
}

QStringList tables(Database& db) {
    auto query =
        sql::run(db, QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
    REQUIRE(query.ok());
    QStringList names;
    while (query->next()) {
        names << query->value(0).toString();
    }
    return names;
}

} // namespace

TEST_CASE("Migrations are numbered one by one from 1", "[store][migration]") {
    const auto& steps = migrations::all();
    REQUIRE_FALSE(steps.empty());
    for (std::size_t i = 0; i < steps.size(); ++i) {
        CHECK(steps[i].version == static_cast<int>(i) + 1);
        CHECK_FALSE(steps[i].statements.isEmpty());
    }
    CHECK(Database::latestSchemaVersion() == steps.back().version);
}

TEST_CASE("A database at schema 1 is upgraded to the latest and keeps its data", "[store][migration]") {
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("region.balcony"));
    writeSchemaOne(path);

    auto db = Database::open(path);
    REQUIRE(db.ok());
    CHECK((*db)->schemaVersion() == Database::latestSchemaVersion());
    auto authorities = RosterStore(**db).authorities();
    REQUIRE(authorities.ok());
    CHECK(authorities->size() == 2);
    // Every later step's tables exist: an upgraded file has the same tables as a new one.
    test::TempDir fresh;
    auto created = Database::open(fresh.path(QStringLiteral("new.balcony")), {.create = true});
    REQUIRE(created.ok());
    CHECK(tables(**db) == tables(**created));
}

TEST_CASE("A migration that fails leaves the schema version and the data as they were",
          "[store][migration]") {
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("region.balcony"));
    auto db = Database::open(path, {.create = true});
    REQUIRE(db.ok());
    REQUIRE(RosterStore(**db).addAuthority(QStringLiteral("Kent")).ok());
    const int before = (*db)->schemaVersion();
    const QStringList tablesBefore = tables(**db);

    auto steps = migrations::all();
    steps.push_back({before + 1,
                     {QStringLiteral("CREATE TABLE half_done(x INTEGER)"),
                      QStringLiteral("UPDATE authority SET name = 'Changed'"),
                      QStringLiteral("INSERT INTO no_such_table VALUES (1)")}});
    auto migrated = migrations::migrate(**db, steps);
    REQUIRE_FALSE(migrated.ok());
    CHECK(migrated.message().contains(QStringLiteral("region.balcony")));
    CHECK(migrated.message().contains(QStringLiteral("schema %1").arg(before + 1)));

    CHECK((*db)->schemaVersion() == before);
    CHECK(tables(**db) == tablesBefore);
    auto kent = RosterStore(**db).authorityByName(QStringLiteral("Kent"));
    CHECK(kent.ok());

    // And the file reopens as it was.
    db->reset();
    auto reopened = Database::open(path);
    REQUIRE(reopened.ok());
    CHECK((*reopened)->schemaVersion() == before);
    CHECK(RosterStore(**reopened).authorityByName(QStringLiteral("Kent")).ok());
}
