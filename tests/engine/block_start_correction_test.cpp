#include "engine/day_engine.h"
#include "engine/day_event.h"
#include "engine_fixture.h"

#include <catch2/catch.hpp>

// "We moved on two minutes ago": the facilitator says the current block really began earlier than
// the move into it was recorded, so that the record, the block's clock and the projection are true.
using namespace balcony;
using test::dayAt;

namespace {

constexpr qint64 minute = 60 * 1000;

// A triad started at 10:00; the introductions (15 min) ran on, and Next was pressed at 10:20.
struct Moved {
    test::EngineRegion region{test::triadNames()};
    FakeClock clock{dayAt(10, 0)};
    std::unique_ptr<DayEngine> engine;

    Moved() {
        engine = open();
        REQUIRE(engine->start().ok());
        clock.setUtc(dayAt(10, 20));
        REQUIRE(engine->next().ok());
        clock.setUtc(dayAt(10, 22));
    }
    std::unique_ptr<DayEngine> open() {
        auto opened = DayEngine::open(*region.db, clock, region.groupId, region.day().plan);
        REQUIRE(opened.ok());
        return std::move(*opened);
    }
    int stored() {
        auto count = DayEventLog(*region.db).count(region.groupId);
        REQUIRE(count.ok());
        return *count;
    }
};

} // namespace

TEST_CASE("A block that began two minutes before the move was recorded is timed from then, and a restart "
          "agrees",
          "[engine][run][moved]") {
    Moved m;
    const DayState before = m.engine->state();
    REQUIRE(before.blockIndex == 1);
    CHECK(before.blockSince == dayAt(10, 20));
    CHECK(before.elapsedMs == 2 * minute);
    CHECK(before.blocks[0].activeMs == 20 * minute);

    const auto corrected = m.engine->blockBeganEarlier(2);
    INFO((corrected.ok() ? QString() : corrected.message()).toStdString());
    REQUIRE(corrected.ok());
    CHECK(corrected->blockIndex == 1);
    CHECK(corrected->blockSince == dayAt(10, 18));
    CHECK(corrected->elapsedMs == 4 * minute);
    CHECK(corrected->remainingMs == 11 * minute); // the presentation: 15 minutes
    CHECK(corrected->blocks[0].actualEnd == dayAt(10, 18));
    CHECK(corrected->blocks[0].activeMs == 18 * minute);
    CHECK(corrected->blocks[1].actualStart == dayAt(10, 18));
    CHECK(corrected->projectedEnd == before.projectedEnd.addSecs(-2 * 60));
    CHECK(m.stored() == 3);

    // The record holds it: a new engine on the same file (a restart) reads the same day.
    m.region.reopen();
    auto again = m.open();
    CHECK(again->state().blockSince == dayAt(10, 18));
    CHECK(again->state().elapsedMs == 4 * minute);

    // At HH:MM, earlier still: 10:16.
    const auto at = again->blockBeganAt(dayAt(10, 16));
    REQUIRE(at.ok());
    CHECK(at->elapsedMs == 6 * minute);
    CHECK(at->blocks[0].actualEnd == dayAt(10, 16));
}

TEST_CASE("Turns and taps recorded between the corrected start and the move count from the corrected start",
          "[engine][run][moved]") {
    test::EngineRegion region(test::triadNames());
    FakeClock clock(dayAt(10, 0));
    auto opened = DayEngine::open(*region.db, clock, region.groupId, region.day().plan);
    REQUIRE(opened.ok());
    auto& e = **opened;
    REQUIRE(e.start().ok());
    REQUIRE(e.jump(2).ok()); // the questions
    clock.advanceMinutes(60);
    REQUIRE(e.setTalker(DayEvent::Talker::Presenting).ok()); // at 11:00
    clock.advanceMinutes(10);
    REQUIRE(e.next().ok()); // 11:10: affirmation
    clock.advanceMinutes(1);
    const auto corrected = e.blockBeganAt(dayAt(10, 58));
    REQUIRE(corrected.ok());
    CHECK(corrected->blocks[2].activeMs == 58 * minute);
    CHECK(corrected->blocks[2].talk.presentingMs == 0); // the tap at 11:00 came after the move
    CHECK(corrected->blocks[2].turns.front().askedMs == 58 * minute);
    CHECK(corrected->elapsedMs == 13 * minute);
}

TEST_CASE("A block start correction that cannot be true is refused in words and writes nothing",
          "[engine][run][moved]") {
    Moved m;
    const int stored = m.stored();
    const DayState before = m.engine->state();
    const auto refusedWith = [&](const Result<DayState>& refused, const QString& words) {
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().kind == Error::Kind::InvalidInput);
        INFO(refused.message().toStdString());
        CHECK(refused.message().contains(words));
        CHECK(m.stored() == stored);
        CHECK(m.engine->state().blockSince == before.blockSince);
    };
    // In the future.
    refusedWith(m.engine->blockBeganAt(dayAt(10, 25)), QStringLiteral("it is only 10:22 now"));
    // Later than recorded: not a start moved earlier.
    refusedWith(m.engine->blockBeganAt(dayAt(10, 21)), QStringLiteral("moved earlier, not later"));
    // Before the day started.
    refusedWith(m.engine->blockBeganAt(dayAt(9, 50)), QStringLiteral("the day started at 10:00"));
    refusedWith(m.engine->blockBeganEarlier(40), QStringLiteral("the day started at 10:00"));
    refusedWith(m.engine->blockBeganEarlier(0), QStringLiteral("1 or more"));
    refusedWith(m.engine->blockBeganAt({}), QStringLiteral("Give the time"));

    // Before the previous block's start: the questions began at 10:35 (recorded at 10:37).
    m.clock.setUtc(dayAt(10, 35));
    REQUIRE(m.engine->next().ok()); // questions at 10:35
    m.clock.setUtc(dayAt(10, 40));
    REQUIRE(m.engine->next().ok()); // affirmation at 10:40
    const int more = m.stored();
    const auto early = m.engine->blockBeganAt(dayAt(10, 30));
    REQUIRE_FALSE(early.ok());
    CHECK(early.message().contains(QStringLiteral("began at 10:35")));
    CHECK(m.stored() == more);
}

TEST_CASE(
    "A block start correction is refused in the first block, before a pause, and when the day is not live",
    "[engine][run][moved]") {
    test::EngineRegion region(test::triadNames());
    FakeClock clock(dayAt(10, 0));
    auto opened = DayEngine::open(*region.db, clock, region.groupId, region.day().plan);
    REQUIRE(opened.ok());
    auto& e = **opened;
    const auto notStarted = e.blockBeganEarlier(2);
    REQUIRE_FALSE(notStarted.ok());
    CHECK(notStarted.message().contains(QStringLiteral("not started")));

    REQUIRE(e.start().ok());
    clock.advanceMinutes(5);
    const auto first = e.blockBeganAt(dayAt(10, 1));
    REQUIRE_FALSE(first.ok());
    CHECK(first.message().contains(QStringLiteral("no block before it")));

    // Paused 10:10 to 10:12 in the introductions; Next at 10:15.
    clock.setUtc(dayAt(10, 10));
    REQUIRE(e.pause().ok());
    clock.setUtc(dayAt(10, 12));
    REQUIRE(e.resume().ok());
    clock.setUtc(dayAt(10, 15));
    REQUIRE(e.next().ok());
    clock.setUtc(dayAt(10, 16));
    const auto overPause = e.blockBeganAt(dayAt(10, 11));
    REQUIRE_FALSE(overPause.ok());
    CHECK(overPause.message().contains(QStringLiteral("resumed at 10:12")));
    CHECK(e.blockBeganAt(dayAt(10, 13)).ok());

    REQUIRE(e.finish().ok());
    const auto finished = e.blockBeganEarlier(1);
    REQUIRE_FALSE(finished.ok());
    CHECK(finished.message().contains(QStringLiteral("finished")));
}

TEST_CASE("The block start correction is stored with its time and read back", "[engine][run][moved]") {
    Moved m;
    REQUIRE(m.engine->blockBeganEarlier(2).ok());
    auto log = DayEventLog(*m.region.db).load(m.region.groupId);
    REQUIRE(log.ok());
    REQUIRE(log->size() == 3);
    CHECK(log->back().kind == DayEvent::Kind::BlockStartCorrected);
    CHECK(toKey(log->back().kind) == QStringLiteral("block_start_corrected"));
    CHECK(log->back().startedUtc == dayAt(10, 18));
    CHECK(log->back().atUtc == dayAt(10, 22));
}
