// What laptops do to a day's clock: a suspend inside a block, the clock set back or forward by hand,
// the nights the clocks change, a change of time zone. The countdown and the record stay right
// (docs/day-engine.md, "Time"). All on the fake clock.
#include "engine/day_engine.h"
#include "engine/day_event.h"
#include "engine_fixture.h"

#include <QTimeZone>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <ctime>

using namespace balcony;
using test::dayAt;

namespace {

constexpr qint64 minute = 60 * 1000;
constexpr qint64 hour = 60 * minute;

DayState ok(const Result<DayState>& result) {
    INFO((result.ok() ? QString() : result.message()).toStdString());
    REQUIRE(result.ok());
    return *result;
}

struct Day {
    test::EngineRegion region{test::triadNames()};
    FakeClock clock;
    std::unique_ptr<DayEngine> engine;

    explicit Day(const QDateTime& at, const DayPlan* plan = nullptr)
        : clock(at) {
        auto opened = DayEngine::open(*region.db, clock, region.groupId, plan ? *plan : region.day().plan);
        REQUIRE(opened.ok());
        engine = std::move(*opened);
    }

    std::vector<DayEvent> log() {
        auto events = DayEventLog(*region.db).load(region.groupId);
        REQUIRE(events.ok());
        return *events;
    }
};

} // namespace

TEST_CASE("A suspend inside a block counts as time passing, in the countdown and in the record",
          "[engine][clock]") {
    Day day(dayAt(10, 0));
    ok(day.engine->start());
    day.clock.advanceMinutes(5);
    day.clock.suspendFor(7 * minute); // lid closed at 10:05, opened at 10:12
    DayState s = day.engine->state();
    CHECK(s.elapsedMs == 12 * minute);
    CHECK(s.remainingMs == 3 * minute);
    day.clock.advanceMinutes(3);
    s = ok(day.engine->next());
    CHECK(s.blockIndex == 1);
    const auto log = day.log();
    REQUIRE(log.size() == 2);
    CHECK(log.back().atUtc == dayAt(10, 15));
    CHECK(s.blocks.front().activeMs == 15 * minute);
}

TEST_CASE("A suspend while paused stays a pause", "[engine][clock]") {
    Day day(dayAt(10, 0));
    ok(day.engine->start());
    day.clock.advanceMinutes(5);
    ok(day.engine->pause());
    day.clock.suspendFor(30 * minute);
    day.clock.advanceMinutes(1);
    DayState s = ok(day.engine->resume());
    CHECK(s.elapsedMs == 5 * minute);
    CHECK(s.remainingMs == 10 * minute);
    CHECK(day.log().back().atUtc == dayAt(10, 36));
}

TEST_CASE(
    "The clock set back by hand during a block: the countdown carries on and the record keeps its order",
    "[engine][clock]") {
    Day day(dayAt(10, 0));
    ok(day.engine->start());
    day.clock.advanceMinutes(10);
    day.clock.setWallClock(dayAt(9, 10)); // someone sets the laptop's clock back an hour at 10:10
    DayState s = day.engine->state();
    CHECK(day.engine->wallClockOffsetMs() == -hour);
    CHECK(s.elapsedMs == 10 * minute);
    CHECK(s.remainingMs == 5 * minute);
    day.clock.advanceMinutes(5);
    s = day.engine->state();
    CHECK(s.elapsedMs == 15 * minute);
    CHECK(s.remainingMs == 0);
    s = ok(day.engine->next());
    const auto log = day.log();
    REQUIRE(log.size() == 2);
    CHECK(log.back().atUtc == dayAt(10, 15)); // the day's own time, not the clock's 09:15
    CHECK(s.blocks.front().activeMs == 15 * minute);
    day.clock.advanceMinutes(20);
    CHECK(day.engine->state().elapsedMs == 20 * minute);
}

TEST_CASE("The clock set forward by hand during a block moves neither the countdown nor the record",
          "[engine][clock]") {
    // The boot-time clock counts a suspend, so a wall clock running ahead of it was set by hand (or
    // stepped by NTP): the day keeps its own count (docs/day-engine.md, "Time").
    Day day(dayAt(10, 0));
    ok(day.engine->start());
    day.clock.advanceMinutes(5);
    day.clock.setWallClock(dayAt(10, 35)); // set forward half an hour at 10:05
    DayState s = day.engine->state();
    CHECK(s.elapsedMs == 5 * minute);
    CHECK(s.remainingMs == 10 * minute);
    CHECK(day.engine->wallClockOffsetMs() == 30 * minute);
    day.clock.advanceMinutes(10);
    s = ok(day.engine->next());
    CHECK(s.blocks.front().activeMs == 15 * minute);
    CHECK(day.log().back().atUtc == dayAt(10, 15)); // the day's own time, not the clock's 10:45
    day.clock.advanceMinutes(5);
    CHECK(day.engine->state().elapsedMs == 5 * minute);
}

TEST_CASE("A suspend of twenty minutes inside a block counts twenty minutes", "[engine][clock]") {
    Day day(dayAt(10, 0));
    ok(day.engine->start());
    ok(day.engine->extend(30)); // a 45-minute block
    day.clock.advanceMinutes(5);
    day.clock.suspendFor(20 * minute);
    const DayState s = day.engine->state();
    CHECK(s.elapsedMs == 25 * minute);
    CHECK(s.remainingMs == 20 * minute);
    CHECK(day.engine->wallClockOffsetMs() == 0);
}

TEST_CASE("A program started after the clock was set forward takes the wall clock", "[engine][clock]") {
    // A fresh process has only the wall clock and the log: a clock set forward is time passed.
    Day day(dayAt(10, 0));
    ok(day.engine->start());
    day.clock.advanceMinutes(5);
    day.clock.setWallClock(dayAt(10, 35));
    auto again = DayEngine::open(*day.region.db, day.clock, day.region.groupId, day.region.day().plan);
    REQUIRE(again.ok());
    const DayState s = (*again)->state();
    CHECK(s.elapsedMs == 35 * minute);
    CHECK((*again)->wallClockOffsetMs() == 0);
}

TEST_CASE("A program started after the clock was set back never records before the last event",
          "[engine][clock]") {
    // The log shows the wall clock is behind: now is earlier than the last event. The day counts
    // from the last event and records nothing earlier.
    Day day(dayAt(10, 0));
    ok(day.engine->start());
    day.clock.advanceMinutes(5);
    ok(day.engine->pause());
    day.clock.setWallClock(dayAt(9, 5));
    auto again = DayEngine::open(*day.region.db, day.clock, day.region.groupId, day.region.day().plan);
    REQUIRE(again.ok());
    DayState s = (*again)->state();
    CHECK(s.elapsedMs == 5 * minute);
    day.clock.advanceMinutes(1);
    s = ok((*again)->resume());
    CHECK(day.log().back().atUtc >= dayAt(10, 5));
    CHECK(s.elapsedMs == 5 * minute);
}

TEST_CASE("A day across the night the clocks change counts real hours and keeps its local times",
          "[engine][clock]") {
    const QTimeZone london(QByteArrayLiteral("Europe/London"));
    struct Night {
        QDate date;      // the group's date: the Saturday before the clocks change
        QTime startedAt; // local time the day started, late in the evening
        int hours;       // real hours later
        QTime localThen; // what the clock reads then
    };
    // Clocks go back at 02:00 BST on the last Sunday of October and forward at 01:00 GMT on the last
    // Sunday of March: three real hours from 23:30 read 01:30 in October (the hour from 01:00 comes
    // twice) and two read 02:30 in March (the hour from 01:00 never comes).
    const Night night = GENERATE(Night{QDate(2023, 10, 28), QTime(23, 30), 3, QTime(1, 30)},
                                 Night{QDate(2024, 3, 30), QTime(23, 30), 2, QTime(2, 30)});
    CAPTURE(night.date.toString(Qt::ISODate));
    test::EngineRegion region(test::triadNames());
    DayPlan plan = region.day().plan;
    plan.zone = london;
    plan.date = night.date;
    const QDateTime started(night.date, night.startedAt, london);
    FakeClock clock(started);
    auto opened = DayEngine::open(*region.db, clock, region.groupId, plan);
    REQUIRE(opened.ok());
    auto& engine = **opened;
    ok(engine.start(DayEngine::OtherDate::Confirmed));
    clock.advanceMinutes(10);
    ok(engine.extend(200)); // the introductions run through the night
    clock.advanceMs(night.hours * hour - 10 * minute);
    const DayState s = engine.state();
    CHECK(s.now.toTimeZone(london).time() == night.localThen);
    CHECK(s.now.toTimeZone(london).date() == night.date.addDays(1));
    CHECK(s.elapsedMs == night.hours * hour);
    CHECK(s.remainingMs == (15 + 200) * minute - night.hours * hour);
    CHECK(s.actualStart == started.toUTC());
    // The plan's times stay on the day the run started, as that day's wall-clock times.
    CHECK(s.plannedStart == QDateTime(night.date, QTime(10, 0), london));
}

TEST_CASE("A change of the computer's time zone during the day changes neither countdown nor record",
          "[engine][clock]") {
    const QTimeZone london(QByteArrayLiteral("Europe/London"));
    const QByteArray oldTz = qgetenv("TZ");
    const bool hadTz = qEnvironmentVariableIsSet("TZ");
    test::EngineRegion region(test::triadNames());
    DayPlan plan = region.day().plan;
    plan.zone = london;
    plan.date = QDate(2023, 6, 14);
    const QDateTime tenAm(plan.date, QTime(10, 0), london);
    FakeClock clock(tenAm);
    auto opened = DayEngine::open(*region.db, clock, region.groupId, plan);
    REQUIRE(opened.ok());
    auto& engine = **opened;
    ok(engine.start());
    clock.advanceMinutes(5);
    const DayState before = engine.state();

    // The laptop travels, or its owner picks another zone: TZ changes under the running program.
    qputenv("TZ", "America/New_York");
    tzset();
    clock.advanceMinutes(5);
    DayState s = engine.state();
    CHECK(s.elapsedMs == 10 * minute);
    CHECK(s.plannedStart == before.plannedStart);
    CHECK(s.plannedEnd == before.plannedEnd);
    CHECK(s.plannedEnd.toTimeZone(london).time() == QTime(17, 35));
    ok(engine.next());
    // A program started now reads the same from the log.
    auto again = DayEngine::open(*region.db, clock, region.groupId, plan);
    REQUIRE(again.ok());
    s = (*again)->state();
    CHECK(s.blockIndex == 1);
    CHECK(s.blocks.front().activeMs == 10 * minute);
    CHECK(s.plannedStart == tenAm);
    // A plan loaded after the change is still in England's zone, not the computer's new one.
    CHECK(DayPlan{}.zone == london);

    if (hadTz) {
        qputenv("TZ", oldTz);
    } else {
        qunsetenv("TZ");
    }
    tzset();
}
