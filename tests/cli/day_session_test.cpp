#include "cli_runner.h"
#include "domain/schedule_store.h"
#include "engine/clock.h"
#include "engine/day_event.h"
#include "engine/day_state.h"
#include "helpers/table_dump.h"
#include "store/database.h"

#include <QJsonDocument>
#include <QJsonObject>

// A day started by mistake from the terminal: the start on another date is refused without
// --not-on-the-day, and session discard --yes sets a run aside so that the real day starts clean.
using balcony::test::CliRun;
using balcony::test::CliSandbox;

namespace {

const QString cycle = QStringLiteral("2022-2023");
// Group 1 of the demo region meets on a date in 2023, never "today" when the tests run.
const QStringList group1{QStringLiteral("--cycle"), cycle, QStringLiteral("--group"), QStringLiteral("1")};

CliRun session(const CliSandbox& cli, const QString& command, const QStringList& extra = {}) {
    return cli.run(QStringList{QStringLiteral("session"), command} + group1 + extra);
}

QStringList dump(const CliSandbox& cli) {
    auto db = balcony::Database::open(cli.databasePath());
    REQUIRE(db.ok());
    return balcony::test::dumpEveryTable(**db);
}

QJsonObject status(const CliSandbox& cli) {
    const auto run = session(cli, QStringLiteral("status"), {QStringLiteral("--json")});
    REQUIRE(run.exitCode == 0);
    return QJsonDocument::fromJson(run.out.toUtf8()).object();
}

// Moves group 1 to today's date in the UK, so that a start needs no confirmation.
void meetToday(const CliSandbox& cli) {
    auto db = balcony::Database::open(cli.databasePath());
    REQUIRE(db.ok());
    balcony::ScheduleStore schedule(**db);
    auto cycleRow = schedule.cycleByName(cycle);
    REQUIRE(cycleRow.ok());
    auto loaded = schedule.load(cycleRow->id);
    REQUIRE(loaded.ok());
    for (auto g : loaded->groups) {
        if (g.label == QStringLiteral("1")) {
            g.date = balcony::SystemClock().utcNow().toTimeZone(balcony::groupDayZone()).date();
            REQUIRE(schedule.updateGroup(g).ok());
        }
    }
}

} // namespace

TEST_CASE("session start on another date than the group's day is refused with the dates and changes nothing",
          "[cli][session]") {
    CliSandbox cli;
    REQUIRE(cli.run({QStringLiteral("demo")}).exitCode == 0);
    const QStringList before = dump(cli);

    const auto refused = session(cli, QStringLiteral("start"));
    CHECK(refused.exitCode == 2);
    CHECK(refused.out.isEmpty());
    CHECK(refused.err.contains(QStringLiteral("The group meets on ")));
    CHECK(refused.err.contains(QStringLiteral("and today is ")));
    CHECK(refused.err.contains(QStringLiteral("Nothing was started")));
    CHECK(refused.err.contains(QStringLiteral("--not-on-the-day")));
    CHECK(dump(cli) == before);
    CHECK(status(cli)[QStringLiteral("status")].toString() == QStringLiteral("not_started"));

    const auto confirmed = session(cli, QStringLiteral("start"), {QStringLiteral("--not-on-the-day")});
    INFO(confirmed.err.toStdString());
    CHECK(confirmed.exitCode == 0);
    CHECK(confirmed.out.contains(QStringLiteral("Block 0: Introductions")));
    CHECK(status(cli)[QStringLiteral("status")].toString() == QStringLiteral("running"));
}

TEST_CASE("session discard needs --yes, says what it would discard, and without it changes nothing",
          "[cli][session]") {
    CliSandbox cli;
    REQUIRE(cli.run({QStringLiteral("demo")}).exitCode == 0);
    REQUIRE(session(cli, QStringLiteral("start"), {QStringLiteral("--not-on-the-day")}).exitCode == 0);
    REQUIRE(session(cli, QStringLiteral("pause")).exitCode == 0);
    const QStringList before = dump(cli);

    const auto unconfirmed = session(cli, QStringLiteral("discard"));
    CHECK(unconfirmed.exitCode == 2);
    CHECK(unconfirmed.err.contains(
        QStringLiteral("This would discard the run of group 1's day that started ")));
    CHECK(unconfirmed.err.contains(QStringLiteral("(now paused, Introductions)")));
    CHECK(unconfirmed.err.contains(QStringLiteral("add --yes")));
    CHECK(dump(cli) == before);

    const auto discarded = session(cli, QStringLiteral("discard"), {QStringLiteral("--yes")});
    INFO(discarded.err.toStdString());
    CHECK(discarded.exitCode == 0);
    CHECK(discarded.out.contains(QStringLiteral("Discarded the run of group 1's day")));
    CHECK(discarded.out.contains(QStringLiteral("The day has not started")));
    const QStringList after = dump(cli);
    CHECK(after.size() == before.size() + 1);
    for (const QString& line : before) {
        CHECK(after.contains(line));
    }

    const QJsonObject s = status(cli);
    CHECK(s[QStringLiteral("status")].toString() == QStringLiteral("not_started"));
    CHECK_FALSE(s.contains(QStringLiteral("started_utc")));
    CHECK(s[QStringLiteral("discarded_runs")].toInt() == 1);
    const auto text = session(cli, QStringLiteral("status"));
    CHECK(text.out.contains(QStringLiteral("not started")));

    SECTION("a second discard finds nothing to discard") {
        const auto again = session(cli, QStringLiteral("discard"), {QStringLiteral("--yes")});
        CHECK(again.exitCode == 2);
        CHECK(again.err.contains(QStringLiteral("there is no run to discard")));
        CHECK(dump(cli) == after);
    }
    SECTION("a new start works and is timed from itself") {
        REQUIRE(session(cli, QStringLiteral("start"), {QStringLiteral("--not-on-the-day")}).exitCode == 0);
        const QJsonObject restarted = status(cli);
        CHECK(restarted[QStringLiteral("status")].toString() == QStringLiteral("running"));
        CHECK(restarted[QStringLiteral("elapsed_s")].toInt() < 60);
    }
}

TEST_CASE(
    "A finished rehearsal is discarded, and on the group's day the day starts without a flag, timed anew",
    "[cli][session]") {
    CliSandbox cli;
    REQUIRE(cli.run({QStringLiteral("demo")}).exitCode == 0);
    REQUIRE(session(cli, QStringLiteral("start"), {QStringLiteral("--not-on-the-day")}).exitCode == 0);
    REQUIRE(session(cli, QStringLiteral("next")).exitCode == 0);
    REQUIRE(session(cli, QStringLiteral("finish")).exitCode == 0);

    const auto locked = session(cli, QStringLiteral("start"));
    CHECK(locked.exitCode == 2);
    CHECK(locked.err.contains(QStringLiteral("already finished")));
    CHECK(locked.err.contains(QStringLiteral("set it aside with session discard --yes")));
    REQUIRE(session(cli, QStringLiteral("discard"), {QStringLiteral("--yes")}).exitCode == 0);
    meetToday(cli); // the group's day has come

    const QDateTime beforeStart = balcony::SystemClock().utcNow().addSecs(-1);
    const auto started = session(cli, QStringLiteral("start"), {QStringLiteral("--json")});
    INFO(started.err.toStdString());
    REQUIRE(started.exitCode == 0);
    const QJsonObject s = QJsonDocument::fromJson(started.out.toUtf8()).object();
    CHECK(s[QStringLiteral("status")].toString() == QStringLiteral("running"));
    CHECK(s[QStringLiteral("block_index")].toInt() == 0);
    CHECK(s[QStringLiteral("elapsed_s")].toInt() == 0);
    // Timed from this start, not from the rehearsal's.
    const QDateTime startedAt =
        QDateTime::fromString(s[QStringLiteral("started_utc")].toString(), Qt::ISODate);
    CHECK(startedAt >= beforeStart);
    CHECK(s[QStringLiteral("discarded_runs")].toInt() == 1);
}

TEST_CASE("On the group's day a false start can be discarded, but not once the day has moved on",
          "[cli][session]") {
    CliSandbox cli;
    REQUIRE(cli.run({QStringLiteral("demo")}).exitCode == 0);
    meetToday(cli);
    REQUIRE(session(cli, QStringLiteral("start")).exitCode == 0);
    REQUIRE(session(cli, QStringLiteral("discard"), {QStringLiteral("--yes")}).exitCode == 0);
    REQUIRE(session(cli, QStringLiteral("start")).exitCode == 0);
    REQUIRE(session(cli, QStringLiteral("next")).exitCode == 0);
    const QStringList before = dump(cli);

    const auto refused = session(cli, QStringLiteral("discard"), {QStringLiteral("--yes")});
    CHECK(refused.exitCode == 2);
    CHECK(refused.err.contains(QStringLiteral("cannot be discarded")));
    CHECK(refused.err.contains(QStringLiteral("Use back or jump")));
    CHECK(dump(cli) == before);
    CHECK(status(cli)[QStringLiteral("block_index")].toInt() == 1);
}

TEST_CASE("Notes captured during a discarded run are still listed after the discard", "[cli][session]") {
    CliSandbox cli;
    REQUIRE(cli.run({QStringLiteral("demo")}).exitCode == 0);
    REQUIRE(session(cli, QStringLiteral("start"), {QStringLiteral("--not-on-the-day")}).exitCode == 0);
    const auto captured =
        cli.run(QStringList{QStringLiteral("capture")} + group1 +
                QStringList{QStringLiteral("--la"), QStringLiteral("Wokingham"), QStringLiteral("--kind"),
                            QStringLiteral("note"), QStringLiteral("--text"),
                            QStringLiteral("Projector needs HDMI.")});
    INFO(captured.err.toStdString());
    REQUIRE(captured.exitCode == 0);
    REQUIRE(session(cli, QStringLiteral("discard"), {QStringLiteral("--yes")}).exitCode == 0);

    const auto notes = cli.run(QStringList{QStringLiteral("notes"), QStringLiteral("list")} + group1);
    CHECK(notes.exitCode == 0);
    CHECK(notes.out.contains(QStringLiteral("Projector needs HDMI.")));
}

TEST_CASE("session status of a day not started and not today says when the group meets, not hours behind",
          "[cli][session]") {
    CliSandbox cli;
    REQUIRE(cli.run({QStringLiteral("demo")}).exitCode == 0);
    const auto before = session(cli, QStringLiteral("status"));
    REQUIRE(before.exitCode == 0);
    CHECK(before.out.contains(QStringLiteral("not started; the group meets on 20")));
    CHECK(before.out.contains(QStringLiteral(", planned ")));
    CHECK_FALSE(before.out.contains(QStringLiteral("behind")));
    CHECK_FALSE(before.out.contains(QStringLiteral("ahead")));

    // On the group's day the drift against the timetable is what the facilitator needs.
    meetToday(cli);
    const auto onTheDay = session(cli, QStringLiteral("status"));
    REQUIRE(onTheDay.exitCode == 0);
    CHECK_FALSE(onTheDay.out.contains(QStringLiteral("the group meets on")));
    CHECK(onTheDay.out.contains(QStringLiteral("day: ")));
}

namespace {

// Writes a run of group 1 straight into its log: started 30 minutes ago, moved on 5 minutes ago,
// as if the facilitator had pressed Next late.
void runStartedHalfAnHourAgo(const CliSandbox& cli) {
    auto db = balcony::Database::open(cli.databasePath());
    REQUIRE(db.ok());
    balcony::ScheduleStore schedule(**db);
    auto cycleRow = schedule.cycleByName(cycle);
    REQUIRE(cycleRow.ok());
    auto loaded = schedule.load(cycleRow->id);
    REQUIRE(loaded.ok());
    qint64 groupId = 0;
    for (const auto& g : loaded->groups) {
        if (g.label == QStringLiteral("1")) {
            groupId = g.id;
        }
    }
    REQUIRE(groupId != 0);
    const QDateTime now = balcony::SystemClock().utcNow();
    balcony::DayEventLog log(**db);
    balcony::DayEvent started;
    started.kind = balcony::DayEvent::Kind::Started;
    started.atUtc = now.addSecs(-30 * 60);
    REQUIRE(log.append(groupId, started).ok());
    balcony::DayEvent next;
    next.kind = balcony::DayEvent::Kind::Next;
    next.atUtc = now.addSecs(-5 * 60);
    REQUIRE(log.append(groupId, next).ok());
}

} // namespace

TEST_CASE("session began records that the current block began earlier than the move was recorded",
          "[cli][session][moved]") {
    CliSandbox cli;
    REQUIRE(cli.run({QStringLiteral("demo")}).exitCode == 0);
    runStartedHalfAnHourAgo(cli);
    const QDateTime since =
        QDateTime::fromString(status(cli)[QStringLiteral("block_since_utc")].toString(), Qt::ISODate);
    REQUIRE(since.isValid());

    const auto moved = session(cli, QStringLiteral("began"),
                               {QStringLiteral("--earlier"), QStringLiteral("2"), QStringLiteral("--json")});
    INFO(moved.err.toStdString());
    REQUIRE(moved.exitCode == 0);
    const QJsonObject after = QJsonDocument::fromJson(moved.out.toUtf8()).object();
    CHECK(after[QStringLiteral("block_index")].toInt() == 1);
    CHECK(QDateTime::fromString(after[QStringLiteral("block_since_utc")].toString(), Qt::ISODate) ==
          since.addSecs(-120));
    CHECK(after[QStringLiteral("elapsed_s")].toInt() >= 7 * 60);
    // The record holds it: a later status reads the same start.
    CHECK(status(cli)[QStringLiteral("block_since_utc")] == after[QStringLiteral("block_since_utc")]);
}

TEST_CASE("session began refuses a time it cannot be and changes nothing", "[cli][session][moved]") {
    CliSandbox cli;
    REQUIRE(cli.run({QStringLiteral("demo")}).exitCode == 0);
    runStartedHalfAnHourAgo(cli);
    const QStringList before = dump(cli);

    const auto beforeStart =
        session(cli, QStringLiteral("began"), {QStringLiteral("--earlier"), QStringLiteral("60")});
    CHECK(beforeStart.exitCode == 2);
    CHECK(beforeStart.err.contains(QStringLiteral("the day started at")));
    const QString future =
        balcony::SystemClock().utcNow().addSecs(10 * 60).toLocalTime().toString(QStringLiteral("HH:mm"));
    const auto later = session(cli, QStringLiteral("began"), {QStringLiteral("--at"), future});
    CHECK(later.exitCode == 2);
    CHECK_FALSE(later.err.isEmpty());
    const auto neither = session(cli, QStringLiteral("began"));
    CHECK(neither.exitCode != 0);
    CHECK(neither.err.contains(QStringLiteral("--earlier MINUTES")));
    const auto notATime =
        session(cli, QStringLiteral("began"), {QStringLiteral("--at"), QStringLiteral("25:99")});
    CHECK(notATime.exitCode != 0);
    CHECK(notATime.err.contains(QStringLiteral("not a clock time")));
    CHECK(dump(cli) == before);
}
