// An independent reader (python3-icalendar) must see in our .ics files what we meant to write.
#include "domain/schedule_store.h"
#include "interchange/ics_export.h"
#include "interchange/interchange_support.h"
#include "interchange/roster_import.h"
#include "interchange/schedule_import.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <catch2/catch.hpp>

using namespace balcony;
using namespace balcony::interchange;

namespace {

// The time of the export (DTSTAMP), as a caller's clock gives it.
const QDateTime stamp(QDate(2022, 12, 1), QTime(9, 30), Qt::UTC);

const QString script = QStringLiteral(BALCONY_TEST_DATA_DIR "/../interchange/parse_ics.py");

// The first python3 that can import icalendar: the system one carries python3-icalendar even when
// another python3 (a virtualenv, pyenv) comes first on PATH. Empty when none can.
QString pythonWithIcalendar(bool& anyPython) {
    QStringList candidates;
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (!onPath.isEmpty()) {
        candidates << onPath;
    }
    candidates << QStringLiteral("/usr/bin/python3");
    anyPython = false;
    for (const auto& python : candidates) {
        QProcess probe;
        probe.start(python, {QStringLiteral("-c"), QStringLiteral("import icalendar")});
        if (!probe.waitForFinished(30000)) {
            continue;
        }
        anyPython = true;
        if (probe.exitStatus() == QProcess::NormalExit && probe.exitCode() == 0) {
            return python;
        }
    }
    return {};
}

} // namespace

TEST_CASE("python3-icalendar reads our calendar back event by event", "[interchange][ics][python]") {
    bool anyPython = false;
    const QString python = pythonWithIcalendar(anyPython);
    if (!anyPython) {
        WARN("python3 is not installed: the independent iCalendar check is skipped.");
        return;
    }
    REQUIRE_FALSE(python.isEmpty()); // python3 is here, so python3-icalendar must be too

    test::TempDir dir;
    test::Region region(dir);
    REQUIRE(importRoster(*region.db, test::fixture(QStringLiteral("se-2022-2023-roster.csv")))->applied());
    REQUIRE(
        importSchedule(*region.db, region.cycleId, test::fixture(QStringLiteral("se-2022-2023-schedule.csv")))
            ->applied());
    const QString path = dir.path(QStringLiteral("se.ics"));
    REQUIRE(exportIcsFile(*region.db, region.cycleId, path, {.groupLabel = {}, .start = {}, .stamp = stamp})
                .ok());

    QProcess parser;
    parser.start(python, {script, path});
    REQUIRE(parser.waitForFinished(60000));
    INFO(parser.readAllStandardError().toStdString());
    REQUIRE(parser.exitCode() == 0);
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(parser.readAllStandardOutput(), &error);
    REQUIRE(error.error == QJsonParseError::NoError);
    const QJsonObject root = json.object();

    CHECK(root.value(QStringLiteral("method")).toString() == QStringLiteral("PUBLISH"));
    const QJsonArray zones = root.value(QStringLiteral("timezones")).toArray();
    REQUIRE(zones.size() == 1);
    CHECK(zones[0].toObject().value(QStringLiteral("tzid")).toString() == QStringLiteral("Europe/London"));
    CHECK(zones[0].toObject().value(QStringLiteral("parts")).toArray() ==
          QJsonArray{QStringLiteral("DAYLIGHT"), QStringLiteral("STANDARD")});

    auto schedule = ScheduleStore(*region.db).load(region.cycleId);
    REQUIRE(schedule.ok());
    auto expected = icsEvents(*region.db, *schedule, {});
    REQUIRE(expected.ok());
    const QJsonArray events = root.value(QStringLiteral("events")).toArray();
    REQUIRE(events.size() == int(expected->size()));
    for (qsizetype i = 0; i < events.size(); ++i) {
        const QJsonObject got = events[i].toObject();
        const IcsEvent& want = expected->at(std::size_t(i));
        INFO("event " << want.uid.toStdString());
        CHECK(got.value(QStringLiteral("uid")).toString() == want.uid);
        CHECK(got.value(QStringLiteral("sequence")).toInt() == 0);
        CHECK(got.value(QStringLiteral("summary")).toString() == want.summary);
        CHECK(got.value(QStringLiteral("description")).toString() == want.description);
        CHECK(got.value(QStringLiteral("location")).toString() == want.location);
        CHECK(got.value(QStringLiteral("tzid")).toString() == QStringLiteral("Europe/London"));
        CHECK(got.value(QStringLiteral("start")).toString() ==
              want.date.toString(Qt::ISODate) + u'T' + want.start.toString(QStringLiteral("HH:mm")));
        CHECK(got.value(QStringLiteral("end")).toString() ==
              want.date.toString(Qt::ISODate) + u'T' + want.end.toString(QStringLiteral("HH:mm")));
        const QJsonArray attendees = got.value(QStringLiteral("attendees")).toArray();
        REQUIRE(attendees.size() == int(want.attendees.size()));
        for (qsizetype a = 0; a < attendees.size(); ++a) {
            CHECK(attendees[a].toObject().value(QStringLiteral("email")).toString() ==
                  QStringLiteral("mailto:") + want.attendees[std::size_t(a)].second);
            CHECK(attendees[a].toObject().value(QStringLiteral("cn")).toString() ==
                  want.attendees[std::size_t(a)].first);
        }
    }
}

TEST_CASE("python3-icalendar reads meeting requests and cancellations as iTIP asks",
          "[interchange][ics][python]") {
    bool anyPython = false;
    const QString python = pythonWithIcalendar(anyPython);
    if (!anyPython) {
        WARN("python3 is not installed: the independent iCalendar check is skipped.");
        return;
    }
    REQUIRE_FALSE(python.isEmpty());
    auto parse = [&](const QString& path) {
        QProcess parser;
        parser.start(python, {script, path});
        REQUIRE(parser.waitForFinished(60000));
        INFO(parser.readAllStandardError().toStdString());
        REQUIRE(parser.exitCode() == 0);
        return QJsonDocument::fromJson(parser.readAllStandardOutput()).object();
    };

    test::TempDir dir;
    test::Region region(dir);
    REQUIRE(importRoster(*region.db, test::fixture(QStringLiteral("se-2022-2023-roster.csv")))->applied());
    const QByteArray table = test::fixture(QStringLiteral("se-2022-2023-schedule.csv"));
    REQUIRE(importSchedule(*region.db, region.cycleId, table)->applied());
    ScheduleStore store(*region.db);
    auto cycle = store.cycleById(region.cycleId);
    REQUIRE(cycle.ok());
    cycle->organiserName = QStringLiteral("Pat Morgan");
    cycle->organiserEmail = QStringLiteral("pat.morgan@example.org");
    REQUIRE(store.updateCycle(*cycle).ok());
    const QString path = dir.path(QStringLiteral("se.ics"));
    REQUIRE(exportIcsFile(*region.db, region.cycleId, path, {.groupLabel = {}, .start = {}, .stamp = stamp})
                .ok());
    const QJsonObject request = parse(path);
    CHECK(request.value(QStringLiteral("method")).toString() == QStringLiteral("REQUEST"));
    const QJsonArray events = request.value(QStringLiteral("events")).toArray();
    REQUIRE(events.size() == 6);
    QString quartetUid;
    for (const auto& value : events) {
        const QJsonObject e = value.toObject();
        CHECK(e.value(QStringLiteral("organizer")).toString() ==
              QStringLiteral("mailto:pat.morgan@example.org"));
        CHECK(e.value(QStringLiteral("status")).toString() == QStringLiteral("CONFIRMED"));
        const QJsonArray attendees = e.value(QStringLiteral("attendees")).toArray();
        CHECK_FALSE(attendees.isEmpty());
        if (attendees.size() == 4) {
            quartetUid = e.value(QStringLiteral("uid")).toString();
            CHECK(e.value(QStringLiteral("start")).toString().endsWith(QStringLiteral("T09:00")));
            CHECK(e.value(QStringLiteral("end")).toString().endsWith(QStringLiteral("T18:50")));
        }
    }
    REQUIRE_FALSE(quartetUid.isEmpty());

    // Group 3 (the quartet) is dropped from the schedule: the next export cancels it.
    QByteArray without;
    for (const QByteArray& line : table.split('\n')) {
        if (!line.startsWith("3,")) {
            without += line + '\n';
        }
    }
    REQUIRE(importSchedule(*region.db, region.cycleId, without)->applied());
    auto report =
        exportIcsFile(*region.db, region.cycleId, path, {.groupLabel = {}, .start = {}, .stamp = stamp});
    REQUIRE(report.ok());
    REQUIRE(report->cancellations == 1);
    const QJsonObject cancel = parse(report->cancellationsPath);
    CHECK(cancel.value(QStringLiteral("method")).toString() == QStringLiteral("CANCEL"));
    const QJsonArray gone = cancel.value(QStringLiteral("events")).toArray();
    REQUIRE(gone.size() == 1);
    CHECK(gone[0].toObject().value(QStringLiteral("uid")).toString() == quartetUid);
    CHECK(gone[0].toObject().value(QStringLiteral("sequence")).toInt() == 1);
    CHECK(gone[0].toObject().value(QStringLiteral("status")).toString() == QStringLiteral("CANCELLED"));
    CHECK(gone[0].toObject().value(QStringLiteral("attendees")).toArray().size() == 4);

    // Surrey (group 1) and Medway (group 4) swap groups: each DCS is withdrawn from the day they
    // left, which goes on. A CANCEL naming only them, without STATUS, with the update's SEQUENCE.
    QByteArray moved = without;
    moved.replace("Surrey", "@").replace("Medway", "Surrey").replace("@", "Medway");
    REQUIRE(moved != without);
    auto reimported = importSchedule(*region.db, region.cycleId, moved);
    REQUIRE(reimported.ok());
    INFO(test::describe(reimported->problems).toStdString());
    REQUIRE(reimported->applied());
    report = exportIcsFile(*region.db, region.cycleId, path, {.groupLabel = {}, .start = {}, .stamp = stamp});
    REQUIRE(report.ok());
    REQUIRE(report->withdrawals == 2);
    const QJsonObject withdrawal = parse(report->cancellationsPath);
    CHECK(withdrawal.value(QStringLiteral("method")).toString() == QStringLiteral("CANCEL"));
    const QJsonArray withdrawn = withdrawal.value(QStringLiteral("events")).toArray();
    REQUIRE(withdrawn.size() == 2);
    QStringList leavers;
    for (const auto& value : withdrawn) {
        const QJsonObject w = value.toObject();
        CHECK(w.value(QStringLiteral("status")).isNull());
        CHECK(w.value(QStringLiteral("sequence")).toInt() == 1);
        CHECK(w.value(QStringLiteral("organizer")).toString() ==
              QStringLiteral("mailto:pat.morgan@example.org"));
        const QJsonArray attendees = w.value(QStringLiteral("attendees")).toArray();
        REQUIRE(attendees.size() == 1);
        leavers << attendees[0].toObject().value(QStringLiteral("email")).toString();
    }
    leavers.sort();
    CHECK(leavers == QStringList{QStringLiteral("mailto:dcs@medway.example.org"),
                                 QStringLiteral("mailto:dcs@surrey.example.org")});
}
