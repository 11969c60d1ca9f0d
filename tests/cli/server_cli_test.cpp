#include "cli_runner.h"
#include "helpers/test_database.h"
#include "store/migrations.h"

#include <QDir>

// balcony-cli on a PostgreSQL server (docs/server.md): the same commands as on a file, and a plain
// refusal when the server cannot be reached.
using namespace balcony;
using balcony::test::CliSandbox;

TEST_CASE("balcony-cli init, demo and cycle list work on a PostgreSQL server", "[cli][server]") {
    if (test::testServer().isEmpty()) {
        WARN("No PostgreSQL test server (run through ctest)");
        return;
    }
    CliSandbox sandbox;
    test::FreshDatabase server(Engine::PostgreSQL);
    auto init = sandbox.runOn(server.location(), {QStringLiteral("init")});
    INFO(init.err.toStdString());
    REQUIRE(init.exitCode == 0);
    CHECK(init.out.contains(QStringLiteral("Region database ready: postgresql://")));
    CHECK(init.out.contains(QStringLiteral("(schema %1)").arg(migrations::latestVersion())));

    auto demo = sandbox.runOn(server.location(), {QStringLiteral("demo")});
    INFO(demo.err.toStdString());
    REQUIRE(demo.exitCode == 0);
    auto cycles = sandbox.runOn(server.location(), {QStringLiteral("cycle"), QStringLiteral("list")});
    REQUIRE(cycles.exitCode == 0);
    CHECK(cycles.out.contains(QStringLiteral("2021-2022")));
    CHECK(cycles.out.contains(QStringLiteral("2022-2023")));
    auto check = sandbox.runOn(server.location(), {QStringLiteral("sa"), QStringLiteral("list"),
                                                   QStringLiteral("--cycle"), QStringLiteral("2022-2023")});
    INFO(check.err.toStdString());
    CHECK(check.exitCode == 0);
    // Nothing file-like was made in the user's folders: no region file, no folder named after the URL.
    CHECK_FALSE(QDir(sandbox.path(QStringLiteral("home"))).exists(QStringLiteral("postgresql:")));
    CHECK_FALSE(QFileInfo::exists(sandbox.path(QStringLiteral("region.balcony"))));
}

TEST_CASE("balcony-cli names an unreachable server and creates nothing", "[cli][server]") {
    CliSandbox sandbox;
    auto run =
        sandbox.runOn(QStringLiteral("postgresql://pm@127.0.0.1:1/southeast"), {QStringLiteral("init")});
    CHECK(run.exitCode != 0);
    CHECK(
        run.err.contains(QStringLiteral("could not reach the database \"southeast\" on the PostgreSQL server "
                                        "127.0.0.1, port 1")));
    CHECK(run.out.isEmpty());
    CHECK(QDir(sandbox.path(QStringLiteral("home")))
              .entryList(QDir::AllEntries | QDir::NoDotAndDotDot)
              .isEmpty());
    CHECK_FALSE(QFileInfo::exists(sandbox.path(QStringLiteral("region.balcony"))));
}

TEST_CASE("balcony-cli refuses a server address with a password and never repeats it", "[cli][server]") {
    CliSandbox sandbox;
    auto run = sandbox.runOn(QStringLiteral("postgresql://pm:s3cret@127.0.0.1:1/southeast"),
                             {QStringLiteral("init")});
    CHECK(run.exitCode != 0);
    CHECK(run.err.contains(QStringLiteral("~/.pgpass")));
    CHECK_FALSE(run.err.contains(QStringLiteral("s3cret")));
    CHECK(QDir(sandbox.path(QStringLiteral("home")))
              .entryList(QDir::AllEntries | QDir::NoDotAndDotDot)
              .isEmpty());
}
