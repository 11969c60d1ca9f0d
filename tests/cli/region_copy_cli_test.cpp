#include "cli_runner.h"
#include "helpers/test_database.h"
#include "store/location.h"
#include "store/migrations.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QUuid>
#include <map>

// balcony-cli region push and region pull (docs/cli.md, docs/server.md "Moving a region onto a
// server"): a region file onto an empty server database and back, and the copies refused.
// [file]: the sandbox's region is the FILE pushed (or the file pulled to), so these run on SQLite
// only; ctest's cli_tests_on_postgresql leaves them out.
using namespace balcony;
using balcony::test::CliRun;
using balcony::test::CliSandbox;

namespace {

QString q(const char* text) {
    return QString::fromUtf8(text);
}

// Every table of a region file and its rows (each row's cells joined, sorted), read with SQLite
// directly: an account of the file independent of Balcony's own copy and check.
std::map<QString, QStringList> fileContents(const QString& file) {
    std::map<QString, QStringList> tables;
    const QString name = QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(q("QSQLITE"), name);
        db.setDatabaseName(file);
        db.setConnectOptions(q("QSQLITE_OPEN_READONLY"));
        REQUIRE(db.open());
        QSqlQuery names(db);
        REQUIRE(names.exec(
            q("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")));
        QStringList tableNames;
        while (names.next()) {
            tableNames << names.value(0).toString();
        }
        for (const auto& table : tableNames) {
            QSqlQuery rows(db);
            REQUIRE(rows.exec(QStringLiteral("SELECT * FROM \"%1\"").arg(table)));
            QStringList all;
            while (rows.next()) {
                QStringList cells;
                for (int i = 0; i < rows.record().count(); ++i) {
                    cells << (rows.value(i).isNull() ? q("<null>") : rows.value(i).toString());
                }
                all << cells.join(QChar(0x1f));
            }
            all.sort();
            tables[table] = all;
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return tables;
}

void setUserVersion(const QString& file, int version) {
    const QString name = QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(q("QSQLITE"), name);
        db.setDatabaseName(file);
        REQUIRE(db.open());
        REQUIRE(QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version = %1").arg(version)));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

QStringList pushTo(const QString& address) {
    return {q("region"), q("push"), q("--to"), address};
}

} // namespace

TEST_CASE("balcony-cli region push then region pull gives back the demo region, every table and column",
          "[cli][server][region-copy][file]") {
    if (test::testServer().isEmpty()) {
        WARN("No PostgreSQL test server (run through ctest)");
        return;
    }
    CliSandbox cli;
    REQUIRE(cli.run({q("demo")}).exitCode == 0);
    test::FreshDatabase server(Engine::PostgreSQL);

    const CliRun push = cli.run(pushTo(server.location()));
    INFO(push.err.toStdString());
    REQUIRE(push.exitCode == 0);
    CHECK(push.out.contains(q("Copied the region from")));
    CHECK(push.out.contains(q("every row checked against the original")));
    CHECK(push.err.contains(q("Copied session_note (")));
    CHECK(push.err.contains(q("Checked session_note_step (")));

    // The server's copy works like any region, new rows included (its id sequences moved on).
    const CliRun cycles = cli.runOn(server.location(), {q("cycle"), q("list")});
    CHECK(cycles.out.contains(q("2022-2023")));
    const CliRun added = cli.runOn(server.location(), {q("cycle"), q("add"), q("2023-2024"), q("--from"),
                                                       q("2023-09-01"), q("--to"), q("2024-07-31")});
    INFO(added.err.toStdString());
    CHECK(added.exitCode == 0);

    const QString pulledFile = cli.path(q("pulled.balcony"));
    const CliRun pull =
        cli.run({q("region"), q("pull"), q("--from"), server.location(), q("--out"), pulledFile});
    INFO(pull.err.toStdString());
    REQUIRE(pull.exitCode == 0);
    CHECK(pull.out.contains(QDir::toNativeSeparators(pulledFile)));

    auto original = fileContents(cli.databasePath());
    auto pulled = fileContents(pulledFile);
    REQUIRE(original.size() == pulled.size());
    REQUIRE(original.size() > 30);
    int compared = 0;
    for (const auto& [table, rows] : original) {
        INFO(table.toStdString());
        REQUIRE(pulled.count(table) == 1);
        if (table == q("cycle")) {
            // The cycle added on the server came back too, and nothing else changed.
            CHECK(pulled.at(table).size() == rows.size() + 1);
            CHECK(pulled.at(table).filter(q("2023-2024")).size() == 1);
        } else {
            CHECK(pulled.at(table) == rows);
        }
        ++compared;
    }
    CHECK(compared == int(original.size()));
    CHECK_FALSE(pulled.at(q("session_note_revision")).filter(q("the risk they think about least")).isEmpty());
    CHECK_FALSE(pulled.at(q("session_note")).filter(q("agreed")).isEmpty());
}

TEST_CASE("balcony-cli region push refuses a database that already holds a region",
          "[cli][server][region-copy][file]") {
    if (test::testServer().isEmpty()) {
        WARN("No PostgreSQL test server (run through ctest)");
        return;
    }
    CliSandbox cli;
    REQUIRE(cli.run({q("demo")}).exitCode == 0);
    test::FreshDatabase server(Engine::PostgreSQL);
    REQUIRE(cli.runOn(server.location(), {q("init")}).exitCode == 0);
    REQUIRE(cli.runOn(server.location(), {q("cycle"), q("add"), q("2030-2031"), q("--from"), q("2030-09-01"),
                                          q("--to"), q("2031-07-31")})
                .exitCode == 0);

    const CliRun push = cli.run(pushTo(server.location()));
    CHECK(push.exitCode == 2);
    CHECK(push.err.contains(q("already holds a region; push only into an empty database")));
    const CliRun cycles = cli.runOn(server.location(), {q("cycle"), q("list")});
    CHECK(cycles.out.contains(q("2030-2031")));
    CHECK_FALSE(cycles.out.contains(q("2022-2023")));
}

TEST_CASE("balcony-cli region push refuses a region file of a newer Balcony and leaves the server empty",
          "[cli][server][region-copy][file]") {
    if (test::testServer().isEmpty()) {
        WARN("No PostgreSQL test server (run through ctest)");
        return;
    }
    CliSandbox cli;
    REQUIRE(cli.run({q("demo")}).exitCode == 0);
    setUserVersion(cli.databasePath(), migrations::latestVersion() + 1);
    test::FreshDatabase server(Engine::PostgreSQL);
    const CliRun push = cli.run(pushTo(server.location()));
    CHECK(push.exitCode == 2);
    CHECK(push.err.contains(q("newer Balcony")));
    const CliRun after = cli.runOn(server.location(), {q("cycle"), q("list")});
    CHECK(after.err.contains(q("holds no region yet")));
}

TEST_CASE("balcony-cli region push and pull name a server they cannot reach and create nothing",
          "[cli][server][region-copy][file]") {
    CliSandbox cli;
    REQUIRE(cli.run({q("demo")}).exitCode == 0);
    const QByteArray before = test::readAll(cli.databasePath());
    const QString nowhere = q("postgresql://pm@127.0.0.1:1/southeast");
    const CliRun push = cli.run(pushTo(nowhere));
    CHECK(push.exitCode == 3);
    CHECK(
        push.err.contains(q("could not reach the database \"southeast\" on the PostgreSQL server 127.0.0.1, "
                            "port 1")));
    CHECK(test::readAll(cli.databasePath()) == before);

    const CliRun pull =
        cli.run({q("region"), q("pull"), q("--from"), nowhere, q("--out"), cli.path(q("new.balcony"))});
    CHECK(pull.exitCode == 3);
    CHECK(pull.err.contains(q("could not reach the database \"southeast\"")));
    CHECK_FALSE(QFileInfo::exists(cli.path(q("new.balcony"))));
}

TEST_CASE("balcony-cli region pull never overwrites a file", "[cli][region-copy][file]") {
    CliSandbox cli;
    const QString existing = cli.path(q("kept.balcony"));
    test::writeFile(existing, "someone's file");
    const CliRun pull = cli.run({q("region"), q("pull"), q("--from"),
                                 q("postgresql://pm@127.0.0.1:1/southeast"), q("--out"), existing});
    CHECK(pull.exitCode == 2);
    CHECK(pull.err.contains(q("already exists")));
    CHECK(pull.err.contains(q("does not overwrite it")));
    // Refused before the server was asked anything.
    CHECK_FALSE(pull.err.contains(q("could not reach")));
    CHECK(test::readAll(existing) == QByteArray("someone's file"));
}

TEST_CASE("balcony-cli region pull refuses a folder the user cannot write", "[cli][region-copy][file]") {
    if (QStandardPaths::findExecutable(q("setpriv")).isEmpty()) {
        WARN("This test needs setpriv to run balcony-cli as the user nobody.");
        return;
    }
    CliSandbox cli;
    const QString folder = cli.path(q("readonly"));
    const QString home = cli.path(q("nobody-home"));
    REQUIRE(QDir().mkpath(folder));
    REQUIRE(QDir().mkpath(home));
    const auto enterable = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup |
                           QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther;
    REQUIRE(QFile::setPermissions(folder, enterable));
    REQUIRE(QFile::setPermissions(home, enterable | QFile::WriteGroup | QFile::WriteOther));
    REQUIRE(QFile::setPermissions(QFileInfo(folder).absolutePath(), enterable));

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(q("HOME"), home);
    env.insert(q("XDG_DATA_HOME"), home + q("/data"));
    env.remove(q("BALCONY_DB"));
    QProcess process;
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(home);
    process.start(q("setpriv"),
                  {q("--reuid=65534"), q("--regid=65534"), q("--clear-groups"), q(BALCONY_CLI_PATH),
                   q("region"), q("pull"), q("--from"), q("postgresql://pm@127.0.0.1:1/southeast"),
                   q("--out"), folder + q("/region.balcony")});
    REQUIRE((process.waitForStarted() && process.waitForFinished(120000)));
    const QString err = QString::fromUtf8(process.readAllStandardError());
    if (err.contains(q("setpriv:"))) {
        WARN("This test needs to start a process as the user nobody; it cannot here.");
        return;
    }
    INFO(err.toStdString());
    CHECK(process.exitCode() == 2);
    CHECK(err.contains(q("cannot be written")));
    CHECK_FALSE(err.contains(q("could not reach")));
    CHECK(QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).isEmpty());
}

TEST_CASE("balcony-cli without a terminal says where a server's password goes, and uses PGPASSWORD",
          "[cli][server][password][file]") {
    if (test::testServer().isEmpty()) {
        WARN("No PostgreSQL test server (run through ctest)");
        return;
    }
    const QString password = q("pw-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    test::FreshDatabase server(Engine::PostgreSQL);
    auto location = Location::parse(server.location());
    REQUIRE(location.ok());
    REQUIRE(test::asSuperuser(
        {q("DO $$ BEGIN CREATE ROLE balcony_password LOGIN; EXCEPTION WHEN duplicate_object THEN "
           "NULL; END $$"),
         QStringLiteral("ALTER ROLE balcony_password PASSWORD '%1'").arg(password),
         QStringLiteral("ALTER DATABASE %1 OWNER TO balcony_password").arg(location->database)}));
    location->user = q("balcony_password");
    const QString address = location->shown();

    CliSandbox cli;
    REQUIRE(cli.run({q("demo")}).exitCode == 0);
    qunsetenv("PGPASSWORD");
    const CliRun refused = cli.run(pushTo(address));
    if (refused.exitCode == 0) {
        WARN("The test server trusts every role (started by an older tools/test-postgres): not tested");
        return;
    }
    CHECK(refused.exitCode == 3);
    CHECK(refused.err.contains(q("wants a password")));
    CHECK(refused.err.contains(q("~/.pgpass")));
    CHECK(refused.err.contains(q("PGPASSWORD")));
    CHECK_FALSE(refused.err.contains(q("Password for")));

    qputenv("PGPASSWORD", password.toUtf8());
    const CliRun pushed = cli.run(pushTo(address));
    qunsetenv("PGPASSWORD");
    INFO(pushed.err.toStdString());
    CHECK(pushed.exitCode == 0);
    CHECK_FALSE(pushed.out.contains(password));
    CHECK_FALSE(pushed.err.contains(password));
}
