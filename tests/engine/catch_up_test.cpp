#include "engine/catch_up.h"
#include "engine/day_engine.h"
#include "engine/day_plan_store.h"
#include "engine_fixture.h"

#include <catch2/catch.hpp>

using namespace balcony;
using test::dayAt;

namespace {

constexpr qint64 minute = 60 * 1000;

// A triad whose introductions overran by lateMinutes: the presentation (block 1) starts late.
struct LateDay {
    test::EngineRegion region{test::triadNames()};
    FakeClock clock{dayAt(10, 0)};
    std::unique_ptr<DayEngine> engine;

    explicit LateDay(int lateMinutes) {
        auto opened = DayEngine::open(*region.db, clock, region.groupId, region.day().plan);
        REQUIRE(opened.ok());
        engine = std::move(*opened);
        REQUIRE(engine->start().ok());
        clock.advanceMinutes(15 + lateMinutes);
        REQUIRE(engine->next().ok());
    }
};

std::map<int, int> changes(const CatchUpProposal& p) {
    return p.durations();
}

} // namespace

TEST_CASE("Lateness within the threshold is ignored", "[engine][catchup]") {
    LateDay day(4);
    CHECK(day.engine->state().behindMs == 4 * minute);
    const CatchUpProposal p = day.engine->proposeCatchUp();
    CHECK(p.isEmpty());
    CHECK(p.recoveredMinutes == 0);
}

TEST_CASE("Lost time is won back from the questioning blocks in proportion", "[engine][catchup]") {
    LateDay day(15);
    const CatchUpProposal p = day.engine->proposeCatchUp();
    CHECK(p.lateMinutes == 15);
    CHECK(p.recoveredMinutes == 15);
    CHECK(p.unrecoveredMinutes == 0);
    CHECK(changes(p) == std::map<int, int>{{2, 65}, {9, 65}, {16, 65}});
}

TEST_CASE("Longer questioning blocks give up more time", "[engine][catchup]") {
    test::EngineRegion region(test::triadNames());
    REQUIRE(DayPlanStore(*region.db).setBlock(region.groupId, 9, {35, {}}).ok());
    FakeClock clock(dayAt(10, 0));
    auto engine = DayEngine::open(*region.db, clock, region.groupId, region.day().plan);
    REQUIRE(engine.ok());
    REQUIRE((*engine)->start().ok());
    clock.advanceMinutes(30);
    REQUIRE((*engine)->next().ok());
    // 15 minutes late, from questions of 70, 35 and 70 minutes: 6, 3 and 6.
    CatchUpPolicy policy;
    policy.questionsMinimumMinutes = 30;
    CHECK(changes((*engine)->proposeCatchUp(policy)) == std::map<int, int>{{2, 64}, {9, 32}, {16, 64}});
    // With the default minimum of 45, the 35-minute block is already short and is left alone.
    CHECK(changes((*engine)->proposeCatchUp()) == std::map<int, int>{{2, 62}, {16, 63}});
}

TEST_CASE("No questioning block is trimmed below the minimum, then breaks give time down to their floors",
          "[engine][catchup]") {
    LateDay day(30);
    CatchUpPolicy policy;
    policy.questionsMinimumMinutes = 65;
    policy.lunchFloorMinutes = 30;
    policy.breakFloorMinutes = 5;
    const CatchUpProposal p = day.engine->proposeCatchUp(policy);
    CHECK(changes(p) == std::map<int, int>{{2, 65}, {7, 30}, {9, 65}, {14, 5}, {16, 65}});
    CHECK(p.recoveredMinutes == 30);
    CHECK(p.unrecoveredMinutes == 0);
}

TEST_CASE("What cannot be won back within the limits is reported, not forced", "[engine][catchup]") {
    LateDay day(60);
    CatchUpPolicy policy;
    policy.questionsMinimumMinutes = 65;
    const CatchUpProposal p = day.engine->proposeCatchUp(policy);
    CHECK(p.recoveredMinutes == 30);
    CHECK(p.unrecoveredMinutes == 30);
    for (const auto& c : p.changes) {
        CHECK(c.toMinutes >= (c.block == 7 ? 30 : 5));
    }
}

TEST_CASE("A pinned lunch keeps its time: the lateness is won back before it", "[engine][catchup]") {
    test::EngineRegion region(test::triadNames());
    REQUIRE(DayPlanStore(*region.db).setBlock(region.groupId, 7, {0, QTime(12, 20)}).ok());
    FakeClock clock(dayAt(10, 0));
    auto opened = DayEngine::open(*region.db, clock, region.groupId, region.day().plan);
    REQUIRE(opened.ok());
    auto& engine = **opened;
    REQUIRE(engine.start().ok());
    clock.advanceMinutes(30);
    REQUIRE(engine.next().ok());
    const CatchUpProposal p = engine.proposeCatchUp();
    CHECK(changes(p) == std::map<int, int>{{2, 55}});
    CHECK(p.recoveredMinutes == 15);
}

TEST_CASE("An accepted catch-up changes the remaining plan, is logged and survives a restart",
          "[engine][catchup]") {
    LateDay day(15);
    const CatchUpProposal p = day.engine->proposeCatchUp();
    REQUIRE_FALSE(p.isEmpty());
    const DayState s = *day.engine->acceptCatchUp(p);
    CHECK(s.blocks[2].plannedMinutes == 65);
    CHECK(s.behindMs == 0);
    CHECK(s.projectedEnd == dayAt(17, 35));
    CHECK(day.engine->proposeCatchUp().isEmpty());

    day.region.reopen();
    auto again = DayEngine::open(*day.region.db, day.clock, day.region.groupId, day.region.day().plan);
    REQUIRE(again.ok());
    CHECK((*again)->state().blocks[16].plannedMinutes == 65);
}

TEST_CASE("A stale catch-up naming a block already run is refused", "[engine][catchup]") {
    LateDay day(15);
    const CatchUpProposal p = day.engine->proposeCatchUp();
    REQUIRE(day.engine->jump(3).ok());
    auto accepted = day.engine->acceptCatchUp(p);
    REQUIRE_FALSE(accepted.ok());
    CHECK(accepted.message().contains(QStringLiteral("fresh proposal")));
}

TEST_CASE("Proportional trimming hands out whole minutes and respects every floor", "[engine][catchup]") {
    std::vector<TrimCandidate> blocks{{0, 70, 45}, {1, 50, 45}, {2, 70, 45}};
    CHECK(trimInProportion(blocks, 20) == 20);
    CHECK(blocks[1].minutes == 45); // would have given 5.3, capped at 5
    CHECK(blocks[0].minutes + blocks[2].minutes == 140 - 15);
    std::vector<TrimCandidate> tight{{0, 50, 45}};
    CHECK(trimInProportion(tight, 20) == 5);
    CHECK(tight[0].minutes == 45);
}
