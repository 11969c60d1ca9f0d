#include "cli_runner.h"
#include "helpers/test_database.h"

#include <QDir>

// backup and restore are for region files (docs/backups.md); on a server region they refuse plainly
// and point to pg_dump and region pull (docs/server.md), and the address is never taken for a file.
using namespace balcony;
using balcony::test::CliSandbox;

TEST_CASE("Backups and restores of a server region are refused plainly, and the address is no file",
          "[cli][server]") {
    if (test::testServer().isEmpty()) {
        WARN("No PostgreSQL test server (run through ctest)");
        return;
    }
    CliSandbox sandbox;
    test::FreshDatabase server(Engine::PostgreSQL);
    REQUIRE(sandbox.runOn(server.location(), {QStringLiteral("init")}).exitCode == 0);
    const QString out = sandbox.path(QStringLiteral("copy.balcony"));
    const QString backup = sandbox.path(QStringLiteral("old.balcony"));
    REQUIRE(sandbox.run({QStringLiteral("--db"), backup, QStringLiteral("init")}).exitCode == 0);

    const std::vector<QStringList> commands = {
        {QStringLiteral("backup"), QStringLiteral("--out"), out},
        {QStringLiteral("backup")},
        {QStringLiteral("backup"), QStringLiteral("--list")},
        {QStringLiteral("restore"), backup},
    };
    for (const auto& command : commands) {
        INFO(command.join(u' ').toStdString());
        const auto run = sandbox.runOn(server.location(), command);
        CHECK(run.exitCode != 0);
        CHECK(run.err.contains(QStringLiteral("is a region on a PostgreSQL server")));
        CHECK(run.err.contains(QStringLiteral("pg_dump")));
        CHECK(run.err.contains(QStringLiteral("region pull")));
        CHECK(run.out.isEmpty());
    }
    CHECK_FALSE(QFileInfo::exists(out));
    // Nothing was made from the address: no folder called "postgresql:" here or in the working folder.
    CHECK_FALSE(QDir(sandbox.path(QStringLiteral("."))).exists(QStringLiteral("postgresql:")));
    CHECK_FALSE(QDir::current().exists(QStringLiteral("postgresql:")));
    CHECK_FALSE(QDir(sandbox.path(QStringLiteral("home"))).exists(QStringLiteral("postgresql:")));
}
