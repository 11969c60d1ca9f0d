#include "engine/day_engine.h"
#include "engine/day_event.h"
#include "engine_fixture.h"

#include <QTimeZone>
#include <catch2/catch.hpp>

// "Started at 10:04": the facilitator forgot to start the clock, and the record must say when the
// day really began, so that the block's clock and the projection are true.
using namespace balcony;
using test::dayAt;

namespace {

constexpr qint64 minute = 60 * 1000;

std::unique_ptr<DayEngine> openEngine(test::EngineRegion& region, const Clock& clock) {
    auto opened = DayEngine::open(*region.db, clock, region.groupId, region.day().plan);
    REQUIRE(opened.ok());
    return std::move(*opened);
}

int storedEvents(test::EngineRegion& region) {
    auto count = DayEventLog(*region.db).count(region.groupId);
    REQUIRE(count.ok());
    return *count;
}

} // namespace

TEST_CASE("A start corrected to 10:04 at 10:10 times the day from 10:04, and a restart agrees",
          "[engine][run][corrected]") {
    test::EngineRegion region(test::triadNames());
    FakeClock clock(dayAt(10, 10));
    auto engine = openEngine(region, clock);

    const auto started = engine->startedAt(dayAt(10, 4));
    INFO((started.ok() ? QString() : started.message()).toStdString());
    REQUIRE(started.ok());
    CHECK(started->status == DayStatus::Running);
    CHECK(started->now == dayAt(10, 10));
    CHECK(started->actualStart == dayAt(10, 4));
    CHECK(started->elapsedMs == 6 * minute);
    CHECK(started->remainingMs == 9 * minute); // introductions: 15 minutes
    CHECK(started->behindMs == 4 * minute);
    CHECK(started->projectedEnd == dayAt(17, 39));
    CHECK(storedEvents(region) == 1);
    auto log = DayEventLog(*region.db).load(region.groupId);
    REQUIRE(log.ok());
    CHECK(log->front().atUtc == dayAt(10, 4));

    region.reopen();
    clock.advanceMinutes(1);
    auto again = openEngine(region, clock);
    const DayState s = again->state();
    CHECK(s.actualStart == dayAt(10, 4));
    CHECK(s.remainingMs == 8 * minute);
    // Later events follow the corrected start as usual.
    REQUIRE(again->next().ok());
    CHECK(again->state().blocks[0].actualEnd == dayAt(10, 11));
}

TEST_CASE("A corrected start that cannot be true is refused and writes nothing", "[engine][run][corrected]") {
    test::EngineRegion region(test::triadNames());
    FakeClock clock(dayAt(10, 10));
    auto engine = openEngine(region, clock);

    const QDateTime wrong = GENERATE(dayAt(10, 11), dayAt(10, 10).addMSecs(1), // later than now
                                     dayAt(10, 10).addSecs(-12 * 3600 - 60),   // more than 12 hours ago
                                     QDateTime());
    const auto refused = engine->startedAt(wrong, DayEngine::OtherDate::Confirmed);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == Error::Kind::InvalidInput);
    CHECK_FALSE(refused.message().isEmpty());
    CHECK(storedEvents(region) == 0);
    CHECK(engine->state().status == DayStatus::NotStarted);
    // The very instant of now, and up to 12 hours back, are fine.
    CHECK(engine->startedAt(dayAt(10, 10)).ok());
}

TEST_CASE("A corrected start of a day already started, or before a discard already logged, is refused",
          "[engine][run][corrected]") {
    test::EngineRegion region(test::triadNames());
    FakeClock clock(dayAt(9, 50));
    auto engine = openEngine(region, clock);
    REQUIRE(engine->start().ok());

    clock.setUtc(dayAt(10, 10));
    const auto twice = engine->startedAt(dayAt(10, 4));
    REQUIRE_FALSE(twice.ok());
    CHECK(twice.message() == QStringLiteral("The day has already started."));
    CHECK(storedEvents(region) == 1);

    // A false start at 09:50, set aside at 09:55; the real start cannot be before the discard.
    // (The program is started again at 09:55: a running day's clock never goes back with the wall
    // clock, see AnchoredClock.)
    clock.setUtc(dayAt(9, 55));
    engine = openEngine(region, clock);
    REQUIRE(engine->discard().ok());
    clock.setUtc(dayAt(10, 10));
    const auto early = engine->startedAt(dayAt(9, 52));
    REQUIRE_FALSE(early.ok());
    CHECK(early.message().contains(QStringLiteral("09:55")));
    CHECK(storedEvents(region) == 2);

    const auto real = engine->startedAt(dayAt(10, 2));
    REQUIRE(real.ok());
    CHECK(real->actualStart == dayAt(10, 2));
    CHECK(real->elapsedMs == 8 * minute);
    CHECK(storedEvents(region) == 3);
}

TEST_CASE("A corrected start is judged on the group's date at the corrected time",
          "[engine][run][corrected]") {
    test::EngineRegion region(test::triadNames()); // the group meets on 18 January 2023
    FakeClock clock(dayAt(0, 10));
    auto engine = openEngine(region, clock);
    const QDateTime eveningBefore(QDate(2023, 1, 17), QTime(23, 50), QTimeZone::utc());
    const auto refused = engine->startedAt(eveningBefore);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.message().contains(QStringLiteral("Tuesday 17 January 2023")));
    CHECK(storedEvents(region) == 0);
    CHECK(engine->startedAt(eveningBefore, DayEngine::OtherDate::Confirmed).ok());
}
