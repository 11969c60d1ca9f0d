#include "cli_runner.h"

#include <QJsonObject>

using balcony::test::CliSandbox;
using balcony::test::jsonArray;

TEST_CASE("init creates the region database named by BALCONY_DB and says where it is", "[cli]") {
    CliSandbox cli;
    const auto run = cli.run({QStringLiteral("init")});
    CHECK(run.exitCode == 0);
    CHECK(run.err.isEmpty());
    CHECK(run.out.startsWith(QStringLiteral("Region database ready: ") + cli.databasePath()));
    CHECK(cli.regionExists());
}

TEST_CASE("demo creates a missing database and fills it with the South East region", "[cli]") {
    CliSandbox cli;
    const auto run = cli.run({QStringLiteral("demo")});
    INFO(run.err.toStdString());
    CHECK(run.exitCode == 0);
    CHECK(run.out.contains(QStringLiteral("19 local authorities")));
    CHECK(cli.regionExists());

    const auto list = cli.run({QStringLiteral("cycle"), QStringLiteral("list"), QStringLiteral("--json")});
    REQUIRE(list.exitCode == 0);
    const auto cycles = jsonArray(list);
    // 2019-2020 and 2020-2021 (one triad each, for Over the years), 2021-2022, 2022-2023.
    REQUIRE(cycles.size() == 4);
    CHECK(cycles[3].toObject()[QStringLiteral("name")].toString() == QStringLiteral("2022-2023"));
    CHECK(cycles[3].toObject()[QStringLiteral("authorities")].toInt() == 19);
    CHECK(cycles[3].toObject()[QStringLiteral("groups")].toInt() == 6);
}

TEST_CASE("demo refuses a database that already holds a region and changes nothing", "[cli]") {
    CliSandbox cli;
    REQUIRE(cli.run({QStringLiteral("demo")}).exitCode == 0);
    const QByteArray before = cli.regionDigest();

    const auto again = cli.run({QStringLiteral("demo")});
    CHECK(again.exitCode == 2);
    CHECK(again.out.isEmpty());
    CHECK(again.err.contains(QStringLiteral("already holds a region")));
    CHECK(cli.regionDigest() == before);
}

TEST_CASE("cycle add stores a cycle that cycle list then shows, as text and as JSON", "[cli]") {
    CliSandbox cli;
    REQUIRE(cli.run({QStringLiteral("init")}).exitCode == 0);
    const auto added = cli.run({QStringLiteral("cycle"), QStringLiteral("add"), QStringLiteral("2023-2024"),
                                QStringLiteral("--from"), QStringLiteral("2023-09-01"),
                                QStringLiteral("--to"), QStringLiteral("31/03/2024")});
    INFO(added.err.toStdString());
    CHECK(added.exitCode == 0);
    CHECK(added.out.trimmed() == QStringLiteral("Cycle 2023-2024 added: 2023-09-01 to 2024-03-31."));

    const auto text = cli.run({QStringLiteral("cycle"), QStringLiteral("list")});
    CHECK(text.exitCode == 0);
    const QStringList lines = text.out.split(u'\n', Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].startsWith(QStringLiteral("Cycle")));
    CHECK(lines[1].simplified() == QStringLiteral("2023-2024 2023-09-01 2024-03-31 0 0"));

    const auto json = cli.run({QStringLiteral("cycle"), QStringLiteral("list"), QStringLiteral("--json")});
    CHECK(json.exitCode == 0);
    const auto cycles = jsonArray(json);
    REQUIRE(cycles.size() == 1);
    const auto cycle = cycles[0].toObject();
    CHECK(cycle[QStringLiteral("name")].toString() == QStringLiteral("2023-2024"));
    CHECK(cycle[QStringLiteral("first_day")].toString() == QStringLiteral("2023-09-01"));
    CHECK(cycle[QStringLiteral("last_day")].toString() == QStringLiteral("2024-03-31"));
    CHECK(cycle[QStringLiteral("sa_due_days_before")].toInt() == 14);
    CHECK(cycle[QStringLiteral("groups")].toInt() == 0);
}

TEST_CASE("cycle add refuses a bad date, a missing date and a name already taken", "[cli]") {
    CliSandbox cli;
    REQUIRE(cli.run({QStringLiteral("init")}).exitCode == 0);
    const QStringList base{QStringLiteral("cycle"), QStringLiteral("add"), QStringLiteral("2023-2024")};

    const auto badDate = cli.run(base + QStringList{QStringLiteral("--from"), QStringLiteral("2023-13-01"),
                                                    QStringLiteral("--to"), QStringLiteral("2024-03-31")});
    CHECK(badDate.exitCode == 2);
    CHECK(badDate.err.contains(QStringLiteral("--from \"2023-13-01\" is not a date")));

    const auto missing = cli.run(base + QStringList{QStringLiteral("--from"), QStringLiteral("2023-09-01")});
    CHECK(missing.exitCode == 2);
    CHECK(missing.err.contains(QStringLiteral("--to is required")));

    const auto backwards = cli.run(base + QStringList{QStringLiteral("--from"), QStringLiteral("2024-09-01"),
                                                      QStringLiteral("--to"), QStringLiteral("2024-03-31")});
    CHECK(backwards.exitCode == 2);
    CHECK(backwards.err.contains(QStringLiteral("before it starts")));

    const QStringList good{QStringLiteral("--from"), QStringLiteral("2023-09-01"), QStringLiteral("--to"),
                           QStringLiteral("2024-03-31")};
    REQUIRE(cli.run(base + good).exitCode == 0);
    const auto duplicate = cli.run(base + good);
    CHECK(duplicate.exitCode == 2);
    CHECK(duplicate.err.contains(QStringLiteral("already a cycle called \"2023-2024\"")));

    const auto list = cli.run({QStringLiteral("cycle"), QStringLiteral("list"), QStringLiteral("--json")});
    CHECK(jsonArray(list).size() == 1);
}
