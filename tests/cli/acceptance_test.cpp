#include "cli_runner.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <set>

using balcony::test::CliRun;
using balcony::test::CliSandbox;
using balcony::test::jsonArray;
using balcony::test::readAll;

namespace {

QString dataFile(const char* name) {
    return QStringLiteral(BALCONY_TEST_DATA_DIR "/cli/") + QString::fromUtf8(name);
}

const QString cycle = QStringLiteral("2022-2023");

// A new region from the two CSV files: roster, cycle, schedule.
void importRegion(const CliSandbox& cli, const QString& scheduleFile) {
    REQUIRE(cli.run({QStringLiteral("init")}).exitCode == 0);
    const auto roster =
        cli.run({QStringLiteral("import"), QStringLiteral("roster"), dataFile("se_roster.csv")});
    INFO(roster.err.toStdString());
    REQUIRE(roster.exitCode == 0);
    CHECK(roster.out.contains(QStringLiteral("19 LAs added")));
    REQUIRE(cli.run({QStringLiteral("cycle"), QStringLiteral("add"), cycle, QStringLiteral("--from"),
                     QStringLiteral("2022-09-01"), QStringLiteral("--to"), QStringLiteral("2023-03-31")})
                .exitCode == 0);
    const auto schedule = cli.run({QStringLiteral("import"), QStringLiteral("schedule"), scheduleFile,
                                   QStringLiteral("--cycle"), cycle});
    INFO(schedule.err.toStdString());
    REQUIRE(schedule.exitCode == 0);
}

CliRun exportSchedule(const CliSandbox& cli, const QString& out) {
    return cli.run({QStringLiteral("export"), QStringLiteral("schedule"), QStringLiteral("--cycle"), cycle,
                    QStringLiteral("--out"), out});
}

} // namespace

TEST_CASE("A 19-LA region imported from CSV is assigned, checked and exported to CSV and iCalendar",
          "[cli][acceptance]") {
    CliSandbox cli;
    importRegion(cli, dataFile("se_schedule.csv"));

    // The schedule comes without lead reviewers: assign closes one ring per group.
    const auto assigned =
        cli.run({QStringLiteral("assign"), QStringLiteral("--cycle"), cycle, QStringLiteral("--json")});
    INFO(assigned.err.toStdString());
    REQUIRE(assigned.exitCode == 0);
    const auto plan = jsonArray(assigned);
    REQUIRE(plan.size() == 6);
    qsizetype added = 0;
    for (const auto& group : plan) {
        CHECK(group.toObject()[QStringLiteral("outcome")].toString() == QStringLiteral("filled"));
        added += group.toObject()[QStringLiteral("added")].toArray().size();
    }
    CHECK(added == 19);

    // Before the cycle starts nothing is due yet, so a clean schedule has no errors.
    const auto checked = cli.run({QStringLiteral("check"), QStringLiteral("--cycle"), cycle,
                                  QStringLiteral("--today"), QStringLiteral("2022-10-01")});
    INFO(checked.out.toStdString());
    CHECK(checked.exitCode == 0);
    CHECK_FALSE(checked.out.contains(QStringLiteral("error")));

    const QString csv = cli.path(QStringLiteral("schedule-out.csv"));
    const auto exported = exportSchedule(cli, csv);
    INFO(exported.err.toStdString());
    REQUIRE(exported.exitCode == 0);
    const QStringList rows = QString::fromUtf8(readAll(csv))
                                 .split(QRegularExpression(QStringLiteral("\r?\n")), Qt::SkipEmptyParts);
    REQUIRE(rows.size() == 20);
    CHECK(rows[0] == QStringLiteral("group,date,mode,venue,facilitator,la,lead_reviewer_for"));
    std::set<QString> reviewers;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const QString reviews = rows[i].section(u',', -1);
        CHECK_FALSE(reviews.isEmpty());
        reviewers.insert(rows[i].section(u',', 5, 5));
    }
    CHECK(reviewers.size() == 19);

    const QString ics = cli.path(QStringLiteral("days.ics"));
    const auto calendar = cli.run({QStringLiteral("export"), QStringLiteral("ics"), QStringLiteral("--cycle"),
                                   cycle, QStringLiteral("--out"), ics});
    INFO(calendar.err.toStdString());
    REQUIRE(calendar.exitCode == 0);
    const QString text = QString::fromUtf8(readAll(ics));
    CHECK(text.startsWith(QStringLiteral("BEGIN:VCALENDAR\r\n")));
    CHECK(text.count(QStringLiteral("BEGIN:VEVENT")) == 6);
    CHECK(text.contains(QStringLiteral("DTSTART;TZID=Europe/London:20230116T100000")));
    std::set<QString> uids;
    for (const auto& line : text.split(QStringLiteral("\r\n"))) {
        if (line.startsWith(QStringLiteral("UID:"))) {
            uids.insert(line);
        }
    }
    CHECK(uids.size() == 6);
}

TEST_CASE("An exported schedule re-imports to the same rows", "[cli][acceptance]") {
    CliSandbox first;
    importRegion(first, dataFile("se_schedule.csv"));
    REQUIRE(first.run({QStringLiteral("assign"), QStringLiteral("--cycle"), cycle}).exitCode == 0);
    const QString exported = first.path(QStringLiteral("exported.csv"));
    REQUIRE(exportSchedule(first, exported).exitCode == 0);

    // Into the same database it changes nothing...
    const auto again = first.run(
        {QStringLiteral("import"), QStringLiteral("schedule"), exported, QStringLiteral("--cycle"), cycle});
    CHECK(again.exitCode == 0);
    CHECK(again.out.contains(QStringLiteral("6 unchanged")));

    // ...and into a new region it gives back the very same file.
    CliSandbox second;
    importRegion(second, exported);
    const QString roundTrip = second.path(QStringLiteral("round-trip.csv"));
    REQUIRE(exportSchedule(second, roundTrip).exitCode == 0);
    CHECK(readAll(roundTrip) == readAll(exported));
}

TEST_CASE("check on the demo region catches group 5's mistyped year and exits 1", "[cli][acceptance]") {
    CliSandbox cli;
    REQUIRE(cli.run({QStringLiteral("demo")}).exitCode == 0);
    const auto run =
        cli.run({QStringLiteral("check"), QStringLiteral("--cycle"), cycle, QStringLiteral("--json")});
    CHECK(run.exitCode == 1);
    int errors = 0;
    for (const auto& value : jsonArray(run)) {
        const auto problem = value.toObject();
        if (problem[QStringLiteral("severity")].toString() == QStringLiteral("error")) {
            ++errors;
            CHECK(problem[QStringLiteral("group")].toString() == QStringLiteral("5"));
            CHECK(problem[QStringLiteral("message")].toString().contains(QStringLiteral("2022")));
        }
    }
    CHECK(errors == 1);
}

TEST_CASE("The demo region's day can be printed and run from the command line", "[cli][acceptance]") {
    CliSandbox cli;
    REQUIRE(cli.run({QStringLiteral("demo")}).exitCode == 0);
    const QStringList group{QStringLiteral("--cycle"), cycle, QStringLiteral("--group"), QStringLiteral("1")};

    const auto timetable = cli.run(QStringList{QStringLiteral("timetable")} + group);
    INFO(timetable.err.toStdString());
    CHECK(timetable.exitCode == 0);
    CHECK(timetable.out.contains(QStringLiteral("from 10:00 to 17:35")));
    CHECK(timetable.out.contains(QStringLiteral("Wokingham (lead reviewer: East Sussex)")));

    // The demo's days are in 2023, so starting one now needs the confirmation.
    REQUIRE(cli.run(QStringList{QStringLiteral("session"), QStringLiteral("start"),
                                QStringLiteral("--not-on-the-day")} +
                    group)
                .exitCode == 0);
    REQUIRE(cli.run(QStringList{QStringLiteral("session"), QStringLiteral("next")} + group).exitCode == 0);
    const auto status = cli.run(
        QStringList{QStringLiteral("session"), QStringLiteral("status"), QStringLiteral("--json")} + group);
    CHECK(status.exitCode == 0);
    QJsonParseError error{};
    const auto state = QJsonDocument::fromJson(status.out.toUtf8(), &error).object();
    CHECK(state[QStringLiteral("block_index")].toInt() == 1);
    CHECK(state[QStringLiteral("la")].toString() == QStringLiteral("Wokingham"));
}
