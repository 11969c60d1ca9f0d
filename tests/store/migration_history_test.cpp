// Files from every earlier schema version upgrade to the current one with their data, and an
// upgrade that fails half way leaves the file byte for byte as it was.
//
// The fixtures are made with the migration code itself (the statements of steps 1..N, then
// user_version N), not committed as binary files: a migration's statements never change once
// released (migrations.h), so this is the file that Balcony N wrote, and the fixtures follow the
// schema without anyone having to regenerate them. docs/bad-input.md, "Migrations".
#include "domain/roster_store.h"
#include "domain/schedule_store.h"
#include "helpers/temp_dir.h"
#include "store/database.h"
#include "store/dialect.h"
#include "store/migrations.h"
#include "store/sql.h"
#include "store_probe_helpers.h"

#include <QFile>
#include <catch2/catch.hpp>

using namespace balcony;

namespace {

// A region as Balcony at schema `version` left it, with an LA, a cycle and a group in it; in WAL
// mode, as Balcony always leaves its files.
void writeSchema(const QString& path, int version) {
    QStringList statements{QStringLiteral("PRAGMA journal_mode = WAL")};
    for (const auto& step : migrations::all()) {
        if (step.version <= version) {
            for (const auto& statement : step.statements) {
                statements << dialect::migrationStatements(Engine::SQLite, statement);
            }
        }
    }
    statements << QStringLiteral("PRAGMA application_id = %1").arg(Database::applicationId)
               << QStringLiteral("PRAGMA user_version = %1").arg(version)
               << QStringLiteral("INSERT INTO authority(name) VALUES ('Kent'), ('Medway'), ('Surrey')")
               << QStringLiteral("INSERT INTO cycle(name, first_day, last_day) VALUES ('2022-2023', "
                                 "'2022-09-01', '2023-03-31')");
    REQUIRE(test::runRaw(path, statements));
    REQUIRE_FALSE(QFile::exists(path + QStringLiteral("-wal")));
}

QStringList schemaOf(Database& db) {
    auto query = sql::run(db, QStringLiteral("SELECT type || ' ' || name FROM sqlite_schema "
                                             "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"));
    REQUIRE(query.ok());
    QStringList names;
    while (query->next()) {
        names << query->value(0).toString();
    }
    return names;
}

} // namespace

TEST_CASE("A region from every earlier schema version upgrades to the current one with its data",
          "[store][migration]") {
    const int latest = migrations::latestVersion();
    REQUIRE(latest >= 9);
    test::TempDir fresh;
    auto created = Database::open(fresh.path(QStringLiteral("new.balcony")), {.create = true});
    REQUIRE(created.ok());
    const QStringList currentSchema = schemaOf(**created);

    const int version = GENERATE_COPY(range(1, latest));
    CAPTURE(version);
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("region.balcony"));
    writeSchema(path, version);

    auto db = Database::open(path);
    INFO((db.ok() ? QString() : db.message()).toStdString());
    REQUIRE(db.ok());
    CHECK((*db)->schemaVersion() == latest);
    CHECK(schemaOf(**db) == currentSchema);
    auto authorities = RosterStore(**db).authorities();
    REQUIRE(authorities.ok());
    CHECK(authorities->size() == 3);
    auto cycles = ScheduleStore(**db).cycles();
    REQUIRE(cycles.ok());
    REQUIRE(cycles->size() == 1);
    CHECK(cycles->front().name == QStringLiteral("2022-2023"));
}

TEST_CASE("An upgrade that fails half way leaves the file byte for byte as it was", "[store][migration]") {
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("region.balcony"));
    // Schema 5, with a trigger in the way of the upgrade's last CREATE TRIGGER (a trigger of the same
    // name on another table): the steps from 6 on run until that statement, which fails.
    writeSchema(path, 5);
    QString lastTrigger;
    int failingVersion = 0;
    for (const auto& step : migrations::all()) {
        for (const auto& statement : step.statements) {
            for (const auto& onSQLite : dialect::migrationStatements(Engine::SQLite, statement)) {
                const QStringList words = onSQLite.simplified().split(u' ');
                if (words.size() > 3 && words[0] == QStringLiteral("CREATE") &&
                    words[1] == QStringLiteral("TRIGGER")) {
                    lastTrigger = words[2];
                    failingVersion = step.version;
                }
            }
        }
    }
    REQUIRE(failingVersion > 5);
    REQUIRE(test::runRaw(path, {QStringLiteral("CREATE TRIGGER %1 BEFORE DELETE ON authority "
                                               "BEGIN SELECT 1; END")
                                    .arg(lastTrigger)}));
    const QByteArray before = test::readAll(path);

    auto db = Database::open(path);
    REQUIRE_FALSE(db.ok());
    CHECK(db.message().contains(path));
    CHECK(db.message().contains(QStringLiteral("schema %1").arg(failingVersion)));
    CHECK(db.message().contains(QStringLiteral("left at schema 5")));
    CHECK(test::readAll(path) == before);
    CHECK_FALSE(QFile::exists(path + QStringLiteral("-wal")));
}
