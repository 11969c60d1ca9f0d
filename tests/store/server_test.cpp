#include "helpers/temp_dir.h"
#include "helpers/test_database.h"
#include "store/database.h"
#include "store/location.h"
#include "store/sql.h"

#include <QDir>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <catch2/catch.hpp>
#include <set>
#include <utility>

// The database location (file or server), and what the store does the same on SQLite and PostgreSQL.
using namespace balcony;

namespace {

QString q(const char* text) {
    return QString::fromLatin1(text);
}

// Every (table, column) of the region's schema, from the engine's own catalogue.
std::set<std::pair<QString, QString>> columnsOf(Database& db) {
    const QString statement =
        db.engine() == Engine::SQLite
            ? q("SELECT m.name, c.name FROM sqlite_master m JOIN pragma_table_info(m.name) c "
                "WHERE m.type = 'table'")
            : q("SELECT table_name::text, column_name::text FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND table_name <> 'balcony_schema'");
    auto query = sql::run(db, statement);
    REQUIRE(query.ok());
    std::set<std::pair<QString, QString>> columns;
    while (query->next()) {
        columns.emplace(query->value(0).toString(), query->value(1).toString());
    }
    return columns;
}

} // namespace

TEST_CASE("A postgresql address names a server, never a file", "[store][server]") {
    auto server = Location::parse(q("postgresql://pm@db.example.org:6432/southeast?sslmode=verify-full"));
    REQUIRE(server.ok());
    CHECK(server->isServer());
    CHECK(server->host == q("db.example.org"));
    CHECK(server->port == 6432);
    CHECK(server->user == q("pm"));
    CHECK(server->database == q("southeast"));
    CHECK(server->connectOptions == q("sslmode=verify-full"));
    CHECK(server->shown() == q("postgresql://pm@db.example.org:6432/southeast?sslmode=verify-full"));

    auto shortScheme = Location::parse(q("postgres://pm@localhost/southeast"));
    REQUIRE(shortScheme.ok());
    CHECK(shortScheme->isServer());
    CHECK(shortScheme->port == -1);

    auto socket = Location::parse(q("postgresql://balcony@/region?host=/run/postgresql"));
    REQUIRE(socket.ok());
    CHECK(socket->host == q("/run/postgresql"));

    for (const char* file :
         {"region.balcony", "/home/pm/region.balcony", "postgresql:region", "C:\\regions\\se.balcony"}) {
        auto local = Location::parse(q(file));
        REQUIRE(local.ok());
        CHECK_FALSE(local->isServer());
        CHECK(local->file == q(file));
    }
}

TEST_CASE("An address with a password, no database or an unknown option is refused", "[store][server]") {
    auto withPassword = Location::parse(q("postgresql://pm:s3cret@db.example.org/southeast"));
    REQUIRE_FALSE(withPassword.ok());
    CHECK(withPassword.message().contains(q(".pgpass")));
    CHECK_FALSE(withPassword.message().contains(q("s3cret")));

    auto noDatabase = Location::parse(q("postgresql://pm@db.example.org/"));
    REQUIRE_FALSE(noDatabase.ok());
    CHECK(noDatabase.message().contains(q("names no database")));

    auto unknownOption = Location::parse(q("postgresql://pm@db.example.org/se?password=x"));
    REQUIRE_FALSE(unknownOption.ok());
    CHECK(unknownOption.message().contains(q("\"password\"")));

    auto otherScheme = Location::parse(q("mysql://pm@db.example.org/se"));
    REQUIRE_FALSE(otherScheme.ok());
    CHECK(otherScheme.error().kind == Error::Kind::InvalidInput);
}

TEST_CASE("A server that cannot be reached is named in the refusal and nothing is created",
          "[store][server]") {
    test::TempDir dir;
    const QString before = QDir::currentPath();
    REQUIRE(QDir::setCurrent(dir.path(QString())));
    auto opened = Database::open(q("postgresql://pm@127.0.0.1:1/southeast"), {.create = true});
    QDir::setCurrent(before);
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().kind == Error::Kind::Failed);
    CHECK(opened.message().contains(q("\"southeast\"")));
    CHECK(opened.message().contains(q("127.0.0.1")));
    CHECK(opened.message().contains(q("port 1")));
    CHECK(opened.message().contains(q("Nothing was created")));
    CHECK(QDir(dir.path(QString())).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).isEmpty());
}

TEST_CASE("The migrations build the same tables and columns on both engines", "[store][server][migration]") {
    const auto engines = test::engines();
    if (engines.size() < 2) {
        WARN("No PostgreSQL test server: nothing to compare");
        return;
    }
    test::FreshDatabase file(Engine::SQLite);
    test::FreshDatabase server(Engine::PostgreSQL);
    auto onFile = file.open();
    auto onServer = server.open();
    CHECK(onServer->isServer());
    CHECK(onServer->engine() == Engine::PostgreSQL);
    CHECK(onServer->schemaVersion() == Database::latestSchemaVersion());
    CHECK(onServer->isNew());
    const auto fileColumns = columnsOf(*onFile);
    CHECK(fileColumns.size() > 100);
    CHECK(columnsOf(*onServer) == fileColumns);
}

TEST_CASE("A region reopens on either engine at its schema, and is not new the second time",
          "[store][server]") {
    const Engine engine = GENERATE(from_range(test::engines()));
    UNSCOPED_INFO(test::engineName(engine).toStdString());
    test::FreshDatabase fresh(engine);
    {
        auto first = fresh.open();
        CHECK(first->isNew());
        REQUIRE(sql::run(*first, q("INSERT INTO authority(name) VALUES ('Kent')")).ok());
    }
    auto again = fresh.open({});
    CHECK_FALSE(again->isNew());
    CHECK(again->schemaVersion() == Database::latestSchemaVersion());
    auto count = sql::run(*again, q("SELECT count(*) FROM authority"));
    REQUIRE(count.ok());
    REQUIRE(count->next());
    CHECK(count->value(0).toInt() == 1);
}

TEST_CASE("A row given its id leaves the next id free on both engines", "[store][server]") {
    const Engine engine = GENERATE(from_range(test::engines()));
    UNSCOPED_INFO(test::engineName(engine).toStdString());
    test::FreshDatabase fresh(engine);
    auto db = fresh.open();
    REQUIRE(sql::run(*db, q("INSERT INTO authority(id, name) VALUES (7, 'Kent')")).ok());
    auto next = sql::insertReturningId(*db, q("INSERT INTO authority(name) VALUES ('Medway')"));
    REQUIRE(next.ok());
    CHECK(*next == 8);
}

TEST_CASE("An empty server database is a region only after init, and one of another program is refused",
          "[store][server]") {
    if (test::testServer().isEmpty()) {
        WARN("No PostgreSQL test server");
        return;
    }
    test::FreshDatabase fresh(Engine::PostgreSQL);
    auto notYet = Database::open(fresh.location(), {});
    REQUIRE_FALSE(notYet.ok());
    CHECK(notYet.error().kind == Error::Kind::NotFound);
    CHECK(notYet.message().contains(q("init")));
    {
        auto readOnly = Database::open(fresh.location(), {.create = true, .readOnly = true});
        REQUIRE_FALSE(readOnly.ok());
    }

    test::FreshDatabase foreign(Engine::PostgreSQL);
    {
        // Someone else's table in the database.
        const auto location = Location::parse(foreign.location());
        REQUIRE(location.ok());
        QSqlDatabase raw = QSqlDatabase::addDatabase(q("QPSQL"), q("foreign-program"));
        raw.setHostName(location->host);
        raw.setDatabaseName(location->database);
        raw.setUserName(location->user);
        REQUIRE(raw.open());
        REQUIRE(QSqlQuery(raw).exec(q("CREATE TABLE invoices (id integer)")));
        raw.close();
    }
    QSqlDatabase::removeDatabase(q("foreign-program"));
    auto refused = Database::open(foreign.location(), {.create = true});
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == Error::Kind::NotBalcony);
    CHECK(refused.message().contains(q("another program")));
}

TEST_CASE("A server region opened read-only refuses changes as the file does", "[store][server]") {
    const Engine engine = GENERATE(from_range(test::engines()));
    UNSCOPED_INFO(test::engineName(engine).toStdString());
    test::FreshDatabase fresh(engine);
    fresh.open().reset();
    auto reader = fresh.open({.readOnly = true});
    auto write = sql::run(*reader, q("INSERT INTO authority(name) VALUES ('Kent')"));
    REQUIRE_FALSE(write.ok());
    CHECK(write.error().kind == Error::Kind::ReadOnly);
}
