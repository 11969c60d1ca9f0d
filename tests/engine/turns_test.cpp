#include "engine/day_engine.h"
#include "engine_fixture.h"

#include <catch2/catch.hpp>

using namespace balcony;
using test::dayAt;

namespace {

constexpr qint64 minute = 60 * 1000;

// A triad at the start of Slough's questions (block 2). Slough's lead reviewer is Reading.
struct Questions {
    test::EngineRegion region{test::triadNames()};
    FakeClock clock{dayAt(10, 30)};
    std::unique_ptr<DayEngine> engine;

    Questions() {
        auto opened = DayEngine::open(*region.db, clock, region.groupId, region.day().plan);
        REQUIRE(opened.ok());
        engine = std::move(*opened);
        REQUIRE(engine->start().ok());
        REQUIRE(engine->jump(2).ok());
    }
};

} // namespace

TEST_CASE("The lead reviewer's team asks first, then the teams take turns round the group",
          "[engine][turns]") {
    Questions q;
    auto& e = *q.engine;
    REQUIRE(e.state().currentTurn() != nullptr);
    CHECK(e.state().currentTurn()->team.name == QStringLiteral("Reading"));
    REQUIRE(e.nextTurn().ok());
    CHECK(e.state().currentTurn()->team.name == QStringLiteral("Bracknell Forest"));
    REQUIRE(e.nextTurn().ok());
    CHECK(e.state().currentTurn()->team.name == QStringLiteral("Reading"));
}

TEST_CASE("In the next session the new presenter's lead reviewer asks first", "[engine][turns]") {
    Questions q;
    REQUIRE(q.engine->jump(9).ok()); // Reading's questions; Reading is reviewed by Bracknell Forest
    CHECK(q.engine->state().currentTurn()->team.name == QStringLiteral("Bracknell Forest"));
    REQUIRE(q.engine->nextTurn().ok());
    CHECK(q.engine->state().currentTurn()->team.name == QStringLiteral("Slough"));
}

TEST_CASE("Each team's questioning time is measured against an equal share of the block", "[engine][turns]") {
    Questions q;
    auto& e = *q.engine;
    q.clock.advanceMinutes(20);
    REQUIRE(e.nextTurn().ok());
    q.clock.advanceMinutes(30);
    REQUIRE(e.pause().ok());
    q.clock.advanceMinutes(10); // a pause is nobody's time
    REQUIRE(e.resume().ok());
    REQUIRE(e.nextTurn().ok());
    q.clock.advanceMinutes(10);
    const DayState s = e.state();
    const auto& turns = s.current().turns;
    REQUIRE(turns.size() == 2);
    CHECK(turns[0].team.name == QStringLiteral("Reading"));
    CHECK(turns[0].askedMs == 30 * minute);
    CHECK(turns[1].askedMs == 30 * minute);
    CHECK(turns[0].shareMs == 35 * minute);
    // Extending the block raises everyone's share.
    REQUIRE(e.extend(10).ok());
    CHECK(e.state().current().turns[1].shareMs == 40 * minute);
}

TEST_CASE("Outside a questions block there are no turns", "[engine][turns]") {
    Questions q;
    REQUIRE(q.engine->next().ok());
    CHECK(q.engine->state().currentTurn() == nullptr);
    auto refused = q.engine->nextTurn();
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.message().contains(QStringLiteral("Affirmation")));
}

TEST_CASE("Tapped talk time is split between the presenting team and the visitors", "[engine][turns]") {
    Questions q;
    auto& e = *q.engine;
    CHECK(e.state().current().talk.meetsGuidance()); // nothing tapped yet
    REQUIRE(e.setTalker(DayEvent::Talker::Presenting).ok());
    q.clock.advanceMinutes(8);
    REQUIRE(e.setTalker(DayEvent::Talker::Visiting).ok());
    q.clock.advanceMinutes(2);
    REQUIRE(e.setTalker(DayEvent::Talker::Nobody).ok());
    q.clock.advanceMinutes(5); // silence counts for nobody
    TalkSplit talk = e.state().current().talk;
    CHECK(talk.presentingMs == 8 * minute);
    CHECK(talk.visitingMs == 2 * minute);
    CHECK(talk.presentingShare() == Approx(0.8));
    CHECK(talk.meetsGuidance());

    REQUIRE(e.setTalker(DayEvent::Talker::Visiting).ok());
    q.clock.advanceMinutes(1);
    talk = e.state().current().talk;
    CHECK(talk.presentingShare() == Approx(8.0 / 11.0));
    CHECK_FALSE(talk.meetsGuidance());
}

TEST_CASE("A new block starts with nobody tapped as talking", "[engine][turns]") {
    Questions q;
    REQUIRE(q.engine->setTalker(DayEvent::Talker::Presenting).ok());
    q.clock.advanceMinutes(3);
    REQUIRE(q.engine->next().ok());
    q.clock.advanceMinutes(3);
    const DayState s = q.engine->state();
    CHECK(s.talker == DayEvent::Talker::Nobody);
    CHECK(s.current().talk.presentingMs == 0);
    CHECK(s.blocks[2].talk.presentingMs == 3 * minute);
}
