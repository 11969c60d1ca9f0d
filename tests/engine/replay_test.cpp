#include "engine/day_engine.h"
#include "engine/timetable_format.h"
#include "engine_fixture.h"

#include <QJsonDocument>
#include <catch2/catch.hpp>

using namespace balcony;
using test::dayAt;

namespace {

constexpr qint64 minute = 60 * 1000;

std::unique_ptr<DayEngine> openEngine(test::EngineRegion& region, const Clock& clock) {
    auto opened = DayEngine::open(*region.db, clock, region.groupId, region.day().plan);
    REQUIRE(opened.ok());
    return std::move(*opened);
}

} // namespace

TEST_CASE("After a crash a new engine lands in the same block with the downtime counted",
          "[engine][replay]") {
    test::EngineRegion region(test::triadNames());
    {
        FakeClock clock(dayAt(10, 0));
        auto engine = openEngine(region, clock);
        REQUIRE(engine->start().ok());
        clock.advanceMinutes(15);
        REQUIRE(engine->next().ok());
        clock.advanceMinutes(5);
        REQUIRE(engine->extend(3).ok());
        clock.advanceMinutes(2); // 10:22: the program dies here without saying goodbye
    }
    region.reopen();
    FakeClock later(dayAt(10, 50)); // a fresh process: its monotonic clock starts again from nothing
    auto engine = openEngine(region, later);
    const DayState s = engine->state();
    CHECK(s.status == DayStatus::Running);
    CHECK(s.blockIndex == 1);
    CHECK(s.current().plannedMinutes == 18);
    CHECK(s.elapsedMs == 35 * minute);
    CHECK(s.remainingMs == -17 * minute);
    // And it carries on from there.
    REQUIRE(engine->next().ok());
    CHECK(engine->state().blocks[1].actualEnd == dayAt(10, 50));
}

TEST_CASE("A day paused before a flat battery is still paused after the restart", "[engine][replay]") {
    test::EngineRegion region(test::triadNames());
    {
        FakeClock clock(dayAt(10, 0));
        auto engine = openEngine(region, clock);
        REQUIRE(engine->start().ok());
        clock.advanceMinutes(6);
        REQUIRE(engine->pause().ok());
    }
    region.reopen();
    FakeClock later(dayAt(11, 0));
    auto engine = openEngine(region, later);
    const DayState s = engine->state();
    CHECK(s.status == DayStatus::Paused);
    CHECK(s.elapsedMs == 6 * minute);
    CHECK(s.remainingMs == 9 * minute);
    CHECK(s.projectedEnd == dayAt(18, 29)); // 11:00 + 9 minutes + the rest of the day (7:20)
}

TEST_CASE("Replaying the stored log gives the same state as the engine that wrote it", "[engine][replay]") {
    test::EngineRegion region(test::triadNames());
    FakeClock clock(dayAt(10, 0));
    auto writer = openEngine(region, clock);
    REQUIRE(writer->start().ok());
    clock.advanceMinutes(15);
    REQUIRE(writer->next().ok());
    clock.advanceMinutes(15);
    REQUIRE(writer->next().ok());
    clock.advanceMinutes(4);
    REQUIRE(writer->setTalker(DayEvent::Talker::Presenting).ok());
    clock.advanceMinutes(8);
    REQUIRE(writer->nextTurn().ok());
    clock.advanceMinutes(1);
    const QDateTime at = clock.utcNow();

    auto reader = openEngine(region, clock);
    const auto json = [&](DayEngine& e) {
        return QJsonDocument(dayStateJson(e.plan(), e.stateAt(at))).toJson(QJsonDocument::Compact);
    };
    CHECK(json(*reader).toStdString() == json(*writer).toStdString());
}
