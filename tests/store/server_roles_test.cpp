#include "helpers/test_database.h"
#include "store/database.h"
#include "store/dialect.h"
#include "store/location.h"
#include "store/server_roles.h"
#include "store/sql.h"

#include <catch2/catch.hpp>

// Who may see what (store/server_roles.h, migration 12): the same schema on both engines, row-level
// security on the server alone, and the role a front end reads for the login it connected as.
using namespace balcony;

TEST_CASE("A statement marked for the server alone is dropped on SQLite and kept as written on PostgreSQL",
          "[store][server][roles]") {
    const QString statement = QStringLiteral("ALTER TABLE note_item ENABLE ROW LEVEL SECURITY");
    CHECK(dialect::migrationStatements(Engine::SQLite, dialect::serverOnly(statement)).isEmpty());
    CHECK(dialect::migrationStatements(Engine::PostgreSQL, dialect::serverOnly(statement)) ==
          QStringList{statement});
    // Unmarked statements are untouched on SQLite, as before.
    CHECK(dialect::migrationStatements(Engine::SQLite, statement) == QStringList{statement});
}

TEST_CASE("A region's logins table is on both engines, row-level security and logins on the server alone",
          "[store][server][roles]") {
    const Engine engine = GENERATE(from_range(test::engines()));
    INFO(test::engineName(engine).toStdString());
    test::FreshDatabase fresh(engine);
    auto db = fresh.open();
    REQUIRE(db);
    auto tables = dialect::tableNames(*db);
    REQUIRE(tables.ok());
    CHECK(tables->contains(QStringLiteral("region_login")));

    // Whoever made the region (the file's user; the server's owner or superuser) is its project manager.
    auto owner = server::serverRole(*db);
    REQUIRE(owner.ok());
    CHECK(owner->role == server::Role::ProjectManager);
    CHECK(owner->login.isEmpty());

    if (engine == Engine::SQLite) {
        auto refused = server::addUser(*db, {QStringLiteral("kent_dcs"), server::Role::ReadOnly, {}, {}});
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().kind == Error::Kind::InvalidInput);
        CHECK(refused.error().message.contains(QStringLiteral("has no logins")));
        CHECK_FALSE(server::users(*db).ok());
        return;
    }
    auto secured =
        sql::run(*db, QStringLiteral("SELECT count(*) FROM pg_class WHERE relrowsecurity AND relname "
                                     "IN ('note_item', 'session_note', 'plan_action', 'self_assessment')"));
    REQUIRE(secured.ok());
    REQUIRE(secured->next());
    CHECK(secured->value(0).toInt() == 4);

    REQUIRE(sql::run(*db, QStringLiteral("INSERT INTO authority (name) VALUES ('Kent'), ('Medway')")).ok());
    const auto location = Location::parse(fresh.location());
    REQUIRE(location.ok());
    const QString login = location->database + QStringLiteral("_medway");
    auto added = server::addUser(*db, {login, server::Role::Dcs, QStringLiteral("medway"), {}});
    INFO((added.ok() ? QString() : added.error().message).toStdString());
    REQUIRE(added.ok());
    CHECK(added->authority == QStringLiteral("Medway"));

    Location asDcs = *location;
    asDcs.user = login;
    auto dcsDb = Database::open(asDcs.shown(), {.readOnly = true});
    INFO((dcsDb.ok() ? QString() : dcsDb.error().message).toStdString());
    REQUIRE(dcsDb.ok());
    auto role = server::serverRole(**dcsDb);
    REQUIRE(role.ok());
    CHECK(role->role == server::Role::Dcs);
    CHECK(role->login == login);
    CHECK(role->authority == QStringLiteral("Medway"));
    // The DCS reads their own login alone.
    auto listed = server::users(**dcsDb);
    REQUIRE(listed.ok());
    REQUIRE(listed->size() == 1);
    CHECK(listed->front().login == login);
}
