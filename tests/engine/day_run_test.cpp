#include "engine/day_engine.h"
#include "engine/day_event.h"
#include "engine_fixture.h"

#include <QTimeZone>
#include <catch2/catch.hpp>

using namespace balcony;
using test::dayAt;

namespace {

constexpr qint64 minute = 60 * 1000;

struct Run {
    test::EngineRegion region{test::triadNames()};
    FakeClock clock{dayAt(9, 55)};
    std::unique_ptr<DayEngine> engine;

    Run() {
        auto opened = DayEngine::open(*region.db, clock, region.groupId, region.day().plan);
        REQUIRE(opened.ok());
        engine = std::move(*opened);
    }

    int stored() {
        auto count = DayEventLog(*region.db).count(region.groupId);
        REQUIRE(count.ok());
        return *count;
    }
};

DayState ok(const Result<DayState>& result) {
    INFO((result.ok() ? QString() : result.message()).toStdString());
    REQUIRE(result.ok());
    return *result;
}

} // namespace

TEST_CASE("Before the start the day waits at the first block with the planned end in view", "[engine][run]") {
    Run run;
    const DayState s = run.engine->state();
    CHECK(s.status == DayStatus::NotStarted);
    CHECK(s.blockIndex == 0);
    CHECK(s.remainingMs == 15 * minute);
    CHECK(s.plannedStart == dayAt(10, 0));
    CHECK(s.projectedEnd == dayAt(17, 35));
    CHECK(s.behindMs == 0);
    CHECK(s.lateMs == -5 * minute);
}

TEST_CASE("A whole day driven by the fake clock: pauses, extensions, next, back, jump, finish",
          "[engine][run]") {
    Run run;
    auto& e = *run.engine;

    run.clock.setUtc(dayAt(10, 2));
    DayState s = ok(e.start());
    CHECK(s.status == DayStatus::Running);
    CHECK(s.actualStart == dayAt(10, 2));
    CHECK(s.lateMs == 2 * minute);
    CHECK(s.behindMs == 2 * minute);
    CHECK(s.projectedEnd == dayAt(17, 37));

    run.clock.advanceMinutes(10); // 10:12
    s = e.state();
    CHECK(s.elapsedMs == 10 * minute);
    CHECK(s.remainingMs == 5 * minute);

    ok(e.pause());
    run.clock.advanceMinutes(3); // 10:15, paused
    s = e.state();
    CHECK(s.status == DayStatus::Paused);
    CHECK(s.elapsedMs == 10 * minute);
    CHECK(s.remainingMs == 5 * minute);
    CHECK(s.projectedEnd == dayAt(17, 40));
    CHECK(s.behindMs == 5 * minute);

    ok(e.resume());
    run.clock.advanceMinutes(7); // 10:22: two minutes over
    s = e.state();
    CHECK(s.elapsedMs == 17 * minute);
    CHECK(s.remainingMs == -2 * minute);
    CHECK(s.projectedEnd == dayAt(17, 42));
    CHECK(s.lateMs == 7 * minute);

    s = ok(e.next());
    CHECK(s.blockIndex == 1);
    CHECK(s.blocks[0].actualStart == dayAt(10, 2));
    CHECK(s.blocks[0].actualEnd == dayAt(10, 22));
    CHECK(s.remainingMs == 15 * minute);
    CHECK(e.timetable().blocks[1].presenter.name == QStringLiteral("Slough"));

    s = ok(e.extend(5));
    CHECK(s.current().plannedMinutes == 20);
    CHECK(s.remainingMs == 20 * minute);
    s = ok(e.extend(-10));
    CHECK(s.current().plannedMinutes == 10);
    CHECK(s.projectedEnd == dayAt(17, 37)); // 10:22 + 10 + the rest as planned (7:05)
    CHECK_FALSE(e.extend(-10).ok());        // would leave nothing

    run.clock.advanceMinutes(10); // 10:32
    s = ok(e.next());
    CHECK(s.blockIndex == 2);
    CHECK(s.remainingMs == 70 * minute);

    run.clock.advanceMinutes(1); // 10:33: back to the presentation, which carries on where it stopped
    s = ok(e.back());
    CHECK(s.blockIndex == 1);
    CHECK(s.elapsedMs == 10 * minute);
    CHECK(s.remainingMs == 0);
    CHECK_FALSE(s.blocks[1].actualEnd.isValid());
    CHECK(s.blocks[2].actualEnd == dayAt(10, 33));

    run.clock.advanceMinutes(1); // 10:34
    s = ok(e.next());
    CHECK(s.blockIndex == 2);
    CHECK(s.elapsedMs == 1 * minute);
    CHECK(s.blocks[1].actualStart == dayAt(10, 22));
    CHECK(s.blocks[1].actualEnd == dayAt(10, 34));

    run.clock.advanceMinutes(66); // 11:40
    s = ok(e.jump(7));            // straight to lunch
    CHECK(s.blockIndex == 7);
    CHECK(e.timetable().blocks[7].kind == BlockKind::Lunch);
    CHECK_FALSE(s.blocks[3].actualStart.isValid()); // skipped
    // Skipping 40 minutes of session puts the day ahead: 11:40 + 40 lunch + the afternoon (4:35).
    CHECK(s.projectedEnd == dayAt(16, 55));
    CHECK(s.behindMs == -40 * minute);

    run.clock.advanceMinutes(40); // 12:20
    s = ok(e.jump(21));
    CHECK(e.timetable().blocks[21].kind == BlockKind::Plenary);
    CHECK(s.projectedEnd == dayAt(12, 35));

    run.clock.advanceMinutes(20); // 12:40
    s = ok(e.finish());
    CHECK(s.status == DayStatus::Finished);
    CHECK(s.actualEnd == dayAt(12, 40));
    CHECK(s.blocks[21].actualEnd == dayAt(12, 40));
    CHECK(s.projectedEnd == dayAt(12, 40));

    run.clock.advanceMinutes(30); // nothing moves after the finish
    CHECK(e.state().elapsedMs == 20 * minute);
    CHECK(run.stored() == 12);
}

TEST_CASE("Refused transitions say why and write nothing", "[engine][run]") {
    Run run;
    auto& e = *run.engine;
    auto refused = [&run](const Result<DayState>& result, const QString& words) {
        const int before = run.stored();
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().kind == Error::Kind::InvalidInput);
        CHECK(result.message().contains(words));
        CHECK(run.stored() == before);
    };
    refused(e.pause(), QStringLiteral("not started"));
    refused(e.next(), QStringLiteral("not started"));
    refused(e.finish(), QStringLiteral("not started"));
    ok(e.start());
    refused(e.start(), QStringLiteral("already started"));
    refused(e.resume(), QStringLiteral("not paused"));
    refused(e.back(), QStringLiteral("first block"));
    refused(e.jump(22), QStringLiteral("0 to 21"));
    refused(e.jump(0), QStringLiteral("already the current block"));
    refused(e.extend(0), QStringLiteral("other than 0"));
    refused(e.nextTurn(), QStringLiteral("not one"));
    ok(e.pause());
    refused(e.pause(), QStringLiteral("already paused"));
    refused(e.next(), QStringLiteral("resume it first"));
    ok(e.resume());
    ok(e.jump(21));
    refused(e.next(), QStringLiteral("last block"));
    ok(e.finish());
    refused(e.next(), QStringLiteral("finished"));
    refused(e.start(), QStringLiteral("already finished"));
    CHECK(run.stored() == 5);
    CHECK(e.events().size() == 5);
}

TEST_CASE("Every recorded command is in the database before the call returns", "[engine][run]") {
    Run run;
    ok(run.engine->start());
    CHECK(run.stored() == 1);
    run.clock.advanceMinutes(3);
    ok(run.engine->extend(2));
    auto log = DayEventLog(*run.region.db).load(run.region.groupId);
    REQUIRE(log.ok());
    REQUIRE(log->size() == 2);
    CHECK(log->at(1).kind == DayEvent::Kind::Extended);
    CHECK(log->at(1).minutes == 2);
    CHECK(log->at(1).atUtc == dayAt(9, 58));
}

TEST_CASE("A laptop suspend counts as time passing: the boot-time clock counts it", "[engine][run]") {
    Run run;
    run.clock.setUtc(dayAt(10, 0));
    ok(run.engine->start());
    run.clock.advanceMinutes(5);
    run.clock.suspendFor(20 * minute); // both readings move on: CLOCK_BOOTTIME counts a suspend
    const DayState s = run.engine->state();
    CHECK(s.now == dayAt(10, 25));
    CHECK(s.elapsedMs == 25 * minute);
    CHECK(s.remainingMs == -10 * minute);
    CHECK(run.engine->wallClockOffsetMs() == 0);
}

TEST_CASE("A wall-clock correction, small or large, does not jolt the countdown", "[engine][run]") {
    FakeClock clock(dayAt(10, 0));
    AnchoredClock day(clock);
    clock.advanceSeconds(30);
    clock.setWallClock(dayAt(10, 0, 32)); // an NTP step of two seconds
    CHECK(day.now() == dayAt(10, 0, 30));
    CHECK(day.wallClockOffsetMs() == 0);
    CHECK_FALSE(day.wallClockChanged());
    clock.setWallClock(dayAt(10, 0, 42));
    CHECK(day.now() == dayAt(10, 0, 30));
    CHECK(day.wallClockOffsetMs() == 12 * 1000);
    CHECK(day.wallClockChanged());
    clock.setWallClock(dayAt(10, 0, 31)); // put right again
    CHECK(day.now() == dayAt(10, 0, 30));
    CHECK_FALSE(day.wallClockChanged());
}

TEST_CASE("The state is a pure function of the log and the instant", "[engine][run]") {
    Run run;
    run.clock.setUtc(dayAt(10, 0));
    ok(run.engine->start());
    run.clock.advanceMinutes(20);
    ok(run.engine->next());
    const DayState first = run.engine->stateAt(dayAt(10, 30));
    const DayState again = computeDayState(run.engine->plan(), run.engine->events(), dayAt(10, 30));
    CHECK(first.blockIndex == again.blockIndex);
    CHECK(first.elapsedMs == again.elapsedMs);
    CHECK(first.elapsedMs == 10 * minute);
    CHECK(first.projectedEnd == again.projectedEnd);
    // Asking about an earlier instant than the last event counts as the last event's time.
    CHECK(run.engine->stateAt(dayAt(9, 0)).elapsedMs == 0);
}

TEST_CASE("On the Sundays the clocks change, the day runs by that day's clocks, not an hour out",
          "[engine][run]") {
    // A day's clock times are wall-clock times in London on the group's date. On the last Sunday of
    // October the clocks go back at 02:00 and on the last Sunday of March forward at 01:00, so
    // counting minutes from midnight would put a 10:00 start at 09:00 or 11:00.
    const QTimeZone london(QByteArrayLiteral("Europe/London"));
    const QDate date = GENERATE(QDate(2022, 10, 30), QDate(2023, 3, 26), QDate(2023, 10, 29),
                                QDate(2023, 6, 14), QDate(2023, 1, 18));
    CAPTURE(date.toString(Qt::ISODate));
    const QDateTime tenAm(date, QTime(10, 0), london);
    test::EngineRegion region(test::triadNames());
    DayPlan plan = region.day().plan;
    plan.zone = london;
    plan.date = date;
    FakeClock clock(tenAm.addSecs(-5 * 60));
    auto opened = DayEngine::open(*region.db, clock, region.groupId, plan);
    REQUIRE(opened.ok());
    auto& engine = **opened;

    DayState s = engine.state();
    CHECK(s.plannedStart == tenAm);
    CHECK(s.plannedEnd == QDateTime(date, QTime(17, 35), london));
    CHECK(s.lateMs == -5 * minute);

    clock.advanceMinutes(5);
    REQUIRE(engine.start().ok());
    s = engine.state();
    CHECK(s.lateMs == 0);
    CHECK(s.behindMs == 0);
    CHECK(s.projectedEnd.toTimeZone(london).time() == QTime(17, 35));
}
