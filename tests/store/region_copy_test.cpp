#include "demo/demo_region.h"
#include "helpers/temp_dir.h"
#include "helpers/test_database.h"
#include "store/database.h"
#include "store/dialect.h"
#include "store/region_copy.h"
#include "store/sql.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>
#include <catch2/catch.hpp>

// A region copied onto a PostgreSQL server and back into a file (store/region_copy.h), and the
// copies it refuses.
using namespace balcony;

namespace {

QString q(const char* text) {
    return QString::fromUtf8(text);
}

// Every row of table, each as its columns' text joined, sorted: compared independently of the copy's
// own check, so that a table or column the copy skipped shows here.
QStringList rowsOf(Database& db, const QString& table) {
    auto columns = dialect::columns(db, table);
    REQUIRE(columns.ok());
    REQUIRE_FALSE(columns->empty());
    auto query = sql::run(db, QStringLiteral("SELECT * FROM %1").arg(table));
    REQUIRE(query.ok());
    QStringList rows;
    while (query->next()) {
        QStringList cells;
        for (int i = 0; i < int(columns->size()); ++i) {
            const QVariant value = query->value(i);
            cells << (value.isNull() ? q("<null>") : value.toString());
        }
        REQUIRE(cells.size() == int(columns->size()));
        rows << cells.join(QChar(0x1f));
    }
    rows.sort();
    return rows;
}

qint64 count(Database& db, const QString& statement) {
    auto query = sql::run(db, statement);
    REQUIRE(query.ok());
    REQUIRE(query->next());
    return query->value(0).toLongLong();
}

// A demo region whose file breaks a rule the copy's target keeps: a group member of an authority
// that does not exist, written with SQLite's foreign keys off (as a damaged or hand-edited file may).
void breakForeignKey(const QString& file) {
    const QString name = QUuid::createUuid().toString();
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(q("QSQLITE"), name);
        raw.setDatabaseName(file);
        REQUIRE(raw.open());
        QSqlQuery query(raw);
        REQUIRE(query.exec(q("PRAGMA foreign_keys = OFF")));
        REQUIRE(query.exec(q("INSERT INTO group_member (group_id, cycle_id, authority_id, position) "
                             "SELECT id, cycle_id, 9999, 99 FROM review_group ORDER BY id LIMIT 1")));
        raw.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace

TEST_CASE("A region pushed to a server and pulled back is the same in every table and column",
          "[store][server][region-copy]") {
    if (test::testServer().isEmpty()) {
        WARN("No PostgreSQL test server (run through ctest)");
        return;
    }
    test::FreshDatabase original(Engine::SQLite);
    auto source = original.open();
    REQUIRE(createDemoRegion(*source).ok());
    // A DCS's working amendment, which the schema takes only for a note out for review.
    REQUIRE(sql::run(*source,
                     q("INSERT INTO dcs_amendment (note_id, revision_sent, body, dcs_name, saved_at_utc) "
                       "SELECT n.id, (SELECT max(revision) FROM session_note_step s WHERE s.note_id = n.id "
                       "AND s.to_status = 'sent'), 'A DCS half way through amending', 'A DCS', "
                       "'2026-11-24T10:00:00.000Z' FROM session_note n WHERE n.status = 'sent' LIMIT 1"))
                .ok());
    REQUIRE(count(*source, q("SELECT count(*) FROM dcs_amendment")) == 1);

    test::FreshDatabase server(Engine::PostgreSQL);
    QStringList progress;
    region_copy::Options options;
    options.progress = [&](const QString& line) { progress << line; };
    auto pushed = region_copy::copy(*source, server.location(), options);
    INFO((pushed ? std::string() : pushed.message().toStdString()));
    REQUIRE(pushed.ok());
    auto tables = dialect::tableNames(*source);
    REQUIRE(tables.ok());
    CHECK(pushed->tables == tables->size());
    CHECK(pushed->rows > 500);
    CHECK(progress.filter(q("Copied authority")).size() == 1);
    CHECK(progress.filter(q("Checked ")).size() == tables->size());

    // The server's identity sequences are past the copied ids: a new row takes the next free one.
    auto onServer = server.open({});
    const qint64 highest = count(*onServer, q("SELECT max(id) FROM authority"));
    auto added = sql::insertReturningId(*onServer,
                                        q("INSERT INTO authority (name) VALUES ('Copied Borough Council')"));
    INFO((added ? std::string() : added.message().toStdString()));
    REQUIRE(added.ok());
    CHECK(*added == highest + 1);
    REQUIRE(sql::run(*onServer, q("DELETE FROM authority WHERE id = ?"), {*added}).ok());

    test::TempDir dir;
    const QString pulledFile = dir.path(q("pulled.balcony"));
    auto pulled = region_copy::copy(*onServer, pulledFile, {});
    INFO((pulled ? std::string() : pulled.message().toStdString()));
    REQUIRE(pulled.ok());
    CHECK(pulled->tables == tables->size());
    CHECK(pulled->rows == pushed->rows);
    // Nothing but the new file is left in its folder (no temporary copy, journal or lock).
    CHECK(QDir(dir.path(q("."))).entryList(QDir::Files | QDir::Hidden) == QStringList{q("pulled.balcony")});

    auto back = Database::open(pulledFile);
    REQUIRE(back.ok());
    auto pulledTables = dialect::tableNames(**back);
    REQUIRE(pulledTables.ok());
    CHECK(*pulledTables == *tables);
    int compared = 0;
    for (const auto& table : *tables) {
        INFO(table.toStdString());
        CHECK(rowsOf(*source, table) == rowsOf(**back, table));
        ++compared;
    }
    CHECK(compared == tables->size());
    // The workflow's history came through whole: notes agreed, shared and reopened keep their status,
    // and a note's own words survive.
    CHECK(count(**back, q("SELECT count(*) FROM session_note WHERE status = 'agreed'")) ==
          count(*source, q("SELECT count(*) FROM session_note WHERE status = 'agreed'")));
    CHECK(count(**back, q("SELECT count(*) FROM session_note WHERE status = 'agreed'")) > 0);
    CHECK(count(**back, q("SELECT count(*) FROM session_note_revision WHERE body LIKE "
                          "'%the risk they think about least%'")) > 0);
}

TEST_CASE("A push into a database that holds a region is refused and changes nothing",
          "[store][server][region-copy]") {
    if (test::testServer().isEmpty()) {
        WARN("No PostgreSQL test server (run through ctest)");
        return;
    }
    test::FreshDatabase original(Engine::SQLite);
    auto source = original.open();
    REQUIRE(createDemoRegion(*source).ok());
    test::FreshDatabase server(Engine::PostgreSQL);
    {
        auto existing = server.open();
        REQUIRE(sql::run(*existing, q("INSERT INTO authority (name) VALUES ('Kent')")).ok());
    }
    auto pushed = region_copy::copy(*source, server.location(), {});
    REQUIRE_FALSE(pushed.ok());
    CHECK(pushed.error().kind == Error::Kind::Conflict);
    CHECK(pushed.message().contains(q("already holds a region; push only into an empty database")));
    auto after = server.open({});
    CHECK(count(*after, q("SELECT count(*) FROM authority")) == 1);
}

TEST_CASE("A copy the target refuses half way leaves the server database empty and no file behind",
          "[store][server][region-copy]") {
    test::FreshDatabase original(Engine::SQLite);
    {
        auto source = original.open();
        REQUIRE(createDemoRegion(*source).ok());
    }
    breakForeignKey(original.location());
    auto source = original.open({});

    // Into a new file: refused, and the folder is as it was.
    test::TempDir dir;
    REQUIRE(QDir().mkpath(dir.path(q("out"))));
    auto pulled = region_copy::copy(*source, dir.path(q("out/copy.balcony")), {});
    REQUIRE_FALSE(pulled.ok());
    CHECK(pulled.message().contains(q("group_member")));
    CHECK(
        QDir(dir.path(q("out"))).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).isEmpty());

    if (test::testServer().isEmpty()) {
        WARN("No PostgreSQL test server (run through ctest): the server half is not tested");
        return;
    }
    test::FreshDatabase server(Engine::PostgreSQL);
    auto pushed = region_copy::copy(*source, server.location(), {});
    REQUIRE_FALSE(pushed.ok());
    CHECK(pushed.message().contains(q("group_member")));
    // Rolled back, the schema with the rows: the database is still empty, and a push may try again.
    auto blank = Database::open(server.location());
    REQUIRE_FALSE(blank.ok());
    CHECK(blank.error().kind == Error::Kind::NotFound);
    CHECK(blank.message().contains(q("holds no region yet")));
}

TEST_CASE("A copy into a file that exists, or a folder that does not, is refused before anything is read",
          "[store][region-copy]") {
    test::TempDir dir;
    const QString existing = dir.path(q("region.balcony"));
    test::writeFile(existing, "not to be overwritten");
    auto refused = region_copy::checkTarget(existing);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.message().contains(q("already exists")));
    CHECK(refused.message().contains(QDir::toNativeSeparators(existing)));
    CHECK(test::readAll(existing) == QByteArray("not to be overwritten"));

    auto noFolder = region_copy::checkTarget(dir.path(q("missing/region.balcony")));
    REQUIRE_FALSE(noFolder.ok());
    CHECK(noFolder.error().kind == Error::Kind::NotFound);
    CHECK_FALSE(QFileInfo::exists(dir.path(q("missing"))));

    CHECK(region_copy::checkTarget(dir.path(q("new.balcony"))).ok());
    CHECK(region_copy::checkTarget(q("postgresql://pm@db.example.org/southeast")).ok());
}

TEST_CASE("A source at an older schema is not copied", "[store][region-copy]") {
    test::FreshDatabase original(Engine::SQLite);
    auto source = original.open();
    REQUIRE(
        sql::run(*source, QStringLiteral("PRAGMA user_version = %1").arg(Database::latestSchemaVersion() - 1))
            .ok());
    test::TempDir dir;
    auto copied = region_copy::copy(*source, dir.path(q("copy.balcony")), {});
    REQUIRE_FALSE(copied.ok());
    CHECK(copied.message().contains(q("open it for writing once to upgrade it")));
    CHECK_FALSE(QFileInfo::exists(dir.path(q("copy.balcony"))));
}
