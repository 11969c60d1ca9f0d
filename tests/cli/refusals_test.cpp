#include "cli_runner.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>

using balcony::test::CliSandbox;
using balcony::test::readAll;
using balcony::test::writeFile;

// [file]: about a region FILE (what --db names, SQLite's own files and the lock file beside a region),
// so these run on SQLite only; ctest's cli_tests_on_postgresql leaves them out.

TEST_CASE("A text file given as --db is refused and left untouched", "[cli][file]") {
    CliSandbox cli;
    const QString notes = cli.path(QStringLiteral("notes.txt"));
    const QByteArray text = "Shopping list: tea, biscuits.\n";
    writeFile(notes, text);
    for (const auto& command : {QStringList{QStringLiteral("demo")},
                                QStringList{QStringLiteral("cycle"), QStringLiteral("list")}}) {
        const auto run = cli.runOn(notes, command);
        CHECK(run.exitCode == 2);
        CHECK(run.out.isEmpty());
        CHECK(run.err.contains(QStringLiteral("is not a Balcony database")));
    }
    CHECK(readAll(notes) == text);
}

TEST_CASE("Another program's SQLite file given as --db is refused and left untouched", "[cli][file]") {
    CliSandbox cli;
    const QString foreign = cli.path(QStringLiteral("photos.sqlite"));
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
        db.setDatabaseName(foreign);
        REQUIRE(db.open());
        QSqlQuery q(db);
        REQUIRE(q.exec(QStringLiteral("CREATE TABLE photo (id INTEGER PRIMARY KEY, caption TEXT)")));
        REQUIRE(q.exec(QStringLiteral("INSERT INTO photo(caption) VALUES ('beach')")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
    const QByteArray before = readAll(foreign);

    const auto run = cli.runOn(foreign, {QStringLiteral("demo")});
    CHECK(run.exitCode == 2);
    CHECK(run.out.isEmpty());
    CHECK(run.err.contains(QStringLiteral("another program")));
    CHECK(readAll(foreign) == before);
}

// A server has no such lock: many people work on its region at once (docs/server.md).
TEST_CASE("A database another Balcony holds open is refused, naming the holder", "[cli][file]") {
    CliSandbox cli;
    REQUIRE(cli.run({QStringLiteral("demo")}).exitCode == 0);
    auto held = balcony::Database::open(cli.databasePath());
    REQUIRE(held.ok());

    const auto run = cli.run({QStringLiteral("sa"), QStringLiteral("set"), QStringLiteral("--cycle"),
                              QStringLiteral("2022-2023"), QStringLiteral("--la"), QStringLiteral("Kent"),
                              QStringLiteral("--status"), QStringLiteral("distributed")});
    CHECK(run.exitCode == 2);
    CHECK(run.out.isEmpty());
    CHECK(run.err.contains(QStringLiteral("is open in another Balcony")));
    CHECK(run.err.contains(QString::number(QCoreApplication::applicationPid())));

    held->reset();
    const auto after = cli.run({QStringLiteral("cycle"), QStringLiteral("list")});
    CHECK(after.exitCode == 0);
}

TEST_CASE("An unknown command exits 2 and points to --help", "[cli]") {
    CliSandbox cli;
    const auto run = cli.run({QStringLiteral("frobnicate"), QStringLiteral("now")});
    CHECK(run.exitCode == 2);
    CHECK(run.out.isEmpty());
    CHECK(run.err.trimmed() ==
          QStringLiteral("balcony-cli: unknown command \"frobnicate now\" (see --help)."));
}

TEST_CASE("No command at all prints the overview to stderr and exits 2", "[cli]") {
    CliSandbox cli;
    const auto run = cli.run({});
    CHECK(run.exitCode == 2);
    CHECK(run.out.isEmpty());
    CHECK(run.err.startsWith(QStringLiteral("Usage: balcony-cli [--db FILE] COMMAND")));
}

TEST_CASE("A command on a region not created yet says how to create it", "[cli]") {
    CliSandbox cli;
    const auto run = cli.run({QStringLiteral("cycle"), QStringLiteral("list")});
    CHECK(run.exitCode == 2);
    CHECK(run.out.isEmpty());
    if (cli.onServer()) {
        // On a server the database is there (someone made it for the region), empty.
        CHECK(run.err.contains(QStringLiteral("holds no region yet")));
    } else {
        CHECK(run.err.contains(QStringLiteral("There is no region database at")));
    }
    CHECK(run.err.contains(QStringLiteral("\"balcony-cli --db %1 init\"").arg(cli.databasePath())));
    CHECK_FALSE(cli.regionExists());
}
