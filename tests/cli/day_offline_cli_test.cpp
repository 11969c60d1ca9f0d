#include "cli_runner.h"
#include "helpers/table_dump.h"
#include "store/database.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>

// balcony-cli day checkout / day checkin: a day offline at the venue, the region on the sandbox's
// engine (a file, or a database on the test server in ctest's cli_tests_on_postgresql), the day's
// file always a file.
using balcony::test::CliRun;
using balcony::test::CliSandbox;

namespace {

QString q(const char* text) {
    return QString::fromUtf8(text);
}

const QStringList group1{q("--cycle"), q("2022-2023"), q("--group"), q("1")};
const QString secret = q("Wombat-5150: what nobody outside group 2 may read");

// The first LA presenting in a group, from the timetable's first presentation.
QString presenter(const CliSandbox& cli, const QString& region, const QString& group) {
    const CliRun run = cli.runOn(region, {q("timetable"), q("--cycle"), q("2022-2023"), q("--group"), group});
    REQUIRE(run.exitCode == 0);
    for (const QString& line : run.out.split(u'\n')) {
        if (line.contains(q("Presentation"))) {
            return line.section(q(": "), -1).trimmed();
        }
    }
    FAIL("no presentation in the timetable");
    return {};
}

QStringList dump(const QString& location) {
    auto db = balcony::Database::open(location);
    REQUIRE(db.ok());
    return balcony::test::dumpEveryTable(**db);
}

// A demo region at region with a note of distinctive text about an LA of group 2.
void demoWithSecret(const CliSandbox& cli, const QString& region) {
    const CliRun demo = cli.runOn(region, {q("demo")});
    INFO(demo.err.toStdString());
    REQUIRE(demo.exitCode == 0);
    const CliRun note =
        cli.runOn(region, {q("capture"), q("--cycle"), q("2022-2023"), q("--group"), q("2"), q("--la"),
                           presenter(cli, region, q("2")), q("--kind"), q("note"), q("--text"), secret});
    INFO(note.err.toStdString());
    REQUIRE(note.exitCode == 0);
}

} // namespace

TEST_CASE("balcony-cli day checkout, a day run on the file and day checkin bring the day back",
          "[cli][offline]") {
    CliSandbox cli;
    const QString region = cli.databasePath();
    demoWithSecret(cli, region);
    const QString la = presenter(cli, region, q("1"));
    const QString file = cli.path(q("group-1.balcony"));

    const CliRun out =
        cli.runOn(region, QStringList{q("day"), q("checkout")} + group1 + QStringList{q("--out"), file});
    INFO(out.err.toStdString());
    REQUIRE(out.exitCode == 0);
    CHECK(out.out.contains(q("Took group 1 of 2022-2023 offline")));
    QFile bytes(file);
    REQUIRE(bytes.open(QIODevice::ReadOnly));
    CHECK_FALSE(bytes.readAll().contains(secret.toUtf8()));

    // The day, on the file, with the usual commands.
    const CliRun start =
        cli.runOn(file, QStringList{q("session"), q("start"), q("--not-on-the-day")} + group1);
    INFO(start.err.toStdString());
    REQUIRE(start.exitCode == 0);
    REQUIRE(cli.runOn(file, QStringList{q("session"), q("next")} + group1).exitCode == 0);
    REQUIRE(cli.runOn(file, QStringList{q("capture")} + group1 +
                                QStringList{q("--la"), la, q("--kind"), q("ask"), q("--text"),
                                            q("Support with the move to family hubs")})
                .exitCode == 0);
    REQUIRE(cli.runOn(file, QStringList{q("capture")} + group1 +
                                QStringList{q("--la"), la, q("--kind"), q("action"), q("--text"),
                                            q("Audit supervision records by March")})
                .exitCode == 0);
    const CliRun onFile = cli.runOn(file, QStringList{q("notes"), q("list")} + group1);
    REQUIRE(onFile.exitCode == 0);
    const CliRun statusOnFile = cli.runOn(file, QStringList{q("session"), q("status"), q("--json")} + group1);
    REQUIRE(statusOnFile.exitCode == 0);

    const QStringList before = dump(region);
    const CliRun preview = cli.runOn(region, {q("day"), q("checkin"), file, q("--preview")});
    INFO(preview.err.toStdString());
    REQUIRE(preview.exitCode == 0);
    CHECK(preview.out.contains(q("Would bring back Group 1 of 2022-2023: 2 day events, 2 new notes")));
    CHECK(dump(region) == before);

    const CliRun in = cli.runOn(region, {q("day"), q("checkin"), file, q("--json")});
    INFO(in.err.toStdString());
    REQUIRE(in.exitCode == 0);
    const QJsonObject merged = balcony::test::jsonArray(in).at(0).toObject();
    CHECK(merged.value(q("events")).toInt() == 2);
    CHECK(merged.value(q("items")).toInt() == 2);
    CHECK(merged.value(q("merged")).toBool());

    // The region's listings now agree with the file's.
    const CliRun onRegion = cli.runOn(region, QStringList{q("notes"), q("list")} + group1);
    REQUIRE(onRegion.exitCode == 0);
    CHECK(onRegion.out.contains(q("Support with the move to family hubs")));
    CHECK(onRegion.out.contains(q("Audit supervision records by March")));
    CHECK(onRegion.out.count(q("\n")) == onFile.out.count(q("\n")));
    const CliRun statusOnRegion =
        cli.runOn(region, QStringList{q("session"), q("status"), q("--json")} + group1);
    REQUIRE(statusOnRegion.exitCode == 0);
    const QJsonObject a = QJsonDocument::fromJson(statusOnFile.out.toUtf8()).object();
    const QJsonObject b = QJsonDocument::fromJson(statusOnRegion.out.toUtf8()).object();
    CHECK(a.value(q("block_index")).toInt() == 1);
    CHECK(b.value(q("block_index")).toInt() == 1);
    CHECK(b.value(q("status")).toString() == q("running"));
    CHECK(a.value(q("started_utc")) == b.value(q("started_utc")));

    // Twice is refused, naming the file, and changes nothing.
    const QStringList after = dump(region);
    const CliRun again = cli.runOn(region, {q("day"), q("checkin"), file});
    CHECK(again.exitCode == 2);
    CHECK(again.err.contains(q("was brought back already")));
    CHECK(dump(region) == after);
}

TEST_CASE(
    "balcony-cli day checkin refuses a plain region, another region's day, a day also run at home and a "
    "newer file",
    "[cli][offline]") {
    CliSandbox cli;
    const QString region = cli.databasePath();
    demoWithSecret(cli, region);
    const QString file = cli.path(q("group-1.balcony"));
    REQUIRE(cli.runOn(region, QStringList{q("day"), q("checkout")} + group1 + QStringList{q("--out"), file})
                .exitCode == 0);
    REQUIRE(cli.runOn(file, QStringList{q("session"), q("start"), q("--not-on-the-day")} + group1).exitCode ==
            0);
    const QStringList before = dump(region);

    SECTION("a region file that was never taken offline") {
        const QString plain = cli.path(q("plain.balcony"));
        REQUIRE(cli.runOn(plain, {q("demo")}).exitCode == 0);
        const CliRun run = cli.runOn(region, {q("day"), q("checkin"), plain});
        CHECK(run.exitCode == 2);
        CHECK(run.err.contains(q("is not a day taken offline")));
    }
    SECTION("a day taken from another region") {
        const QString other = cli.path(q("other.balcony"));
        REQUIRE(cli.runOn(other, {q("demo")}).exitCode == 0);
        const QStringList otherBefore = dump(other);
        const CliRun run = cli.runOn(other, {q("day"), q("checkin"), file});
        CHECK(run.exitCode == 2);
        CHECK(run.err.contains(q("has no record of it")));
        CHECK(dump(other) == otherBefore);
    }
    SECTION("a day also run on the region since it was taken offline") {
        REQUIRE(cli.runOn(region, QStringList{q("session"), q("start"), q("--not-on-the-day")} + group1)
                    .exitCode == 0);
        const QStringList started = dump(region);
        const CliRun run = cli.runOn(region, {q("day"), q("checkin"), file});
        CHECK(run.exitCode == 2);
        CHECK(run.err.contains(q("was also run on")));
        CHECK(dump(region) == started);
        return;
    }
    SECTION("a file from a newer Balcony") {
        {
            auto raw = QSqlDatabase::addDatabase(q("QSQLITE"), q("newer-day"));
            raw.setDatabaseName(file);
            REQUIRE(raw.open());
            REQUIRE(QSqlQuery(raw).exec(q("PRAGMA user_version = 99")));
            raw.close();
        }
        QSqlDatabase::removeDatabase(q("newer-day"));
        const CliRun run = cli.runOn(region, {q("day"), q("checkin"), file});
        CHECK(run.exitCode == 2);
        CHECK(run.err.contains(q("newer")));
    }
    SECTION("an address instead of a file") {
        const CliRun run = cli.runOn(region, {q("day"), q("checkin"), q("postgresql://pm@host/region")});
        CHECK(run.exitCode == 2);
        CHECK(run.err.contains(q("from a file taken offline")));
    }
    CHECK(dump(region) == before);
}
