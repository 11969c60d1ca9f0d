#include "engine/day_plan_store.h"
#include "engine/timetable.h"
#include "engine/timetable_format.h"
#include "engine_fixture.h"

#include <catch2/catch.hpp>

using namespace balcony;

namespace {

// Compares line by line so that a failure names the first block that differs.
void checkAgainstGolden(const QString& actual, const QString& goldenName) {
    const QStringList expected = QString::fromUtf8(test::readAll(test::dataFile(goldenName))).split(u'\n');
    const QStringList lines = actual.split(u'\n');
    REQUIRE(expected.size() > 2);
    for (qsizetype i = 0; i < std::max(expected.size(), lines.size()); ++i) {
        INFO("line " << i + 1);
        CHECK(lines.value(i).toStdString() == expected.value(i).toStdString());
    }
}

} // namespace

TEST_CASE("The default triad timetable from 10:00 matches the published day minute for minute",
          "[engine][timetable]") {
    test::EngineRegion region(test::triadNames());
    const GroupDay day = region.day();
    CHECK(day.dayTemplate.id == QStringLiteral("triad"));
    checkAgainstGolden(timetableTsv(day.plan.timetable), QStringLiteral("triad_from_10.tsv"));
    CHECK(clockText(day.plan.timetable.endMinute()) == QStringLiteral("17:35"));
    CHECK(day.plan.timetable.warnings.isEmpty());
}

TEST_CASE("The default quartet timetable starts at 09:00 with a morning break and ends at 18:50",
          "[engine][timetable]") {
    test::EngineRegion region(test::quartetNames());
    const GroupDay day = region.day();
    CHECK(day.dayTemplate.id == QStringLiteral("quartet"));
    checkAgainstGolden(timetableTsv(day.plan.timetable), QStringLiteral("quartet_from_09.tsv"));
}

TEST_CASE("Session blocks carry the presenting LA and its lead reviewer", "[engine][timetable]") {
    test::EngineRegion region(test::triadNames());
    const Timetable t = region.day().plan.timetable;
    const auto& questions = t.blocks[9]; // Reading's questions
    CHECK(questions.kind == BlockKind::Questions);
    CHECK(questions.presenter.name == QStringLiteral("Reading"));
    CHECK(questions.leadReviewer.name == QStringLiteral("Bracknell Forest"));
    CHECK(t.blocks[7].kind == BlockKind::Lunch);
    CHECK(t.blocks[7].presenter.name.isEmpty());
    CHECK(t.blocks[7].leadReviewer.name.isEmpty());
}

TEST_CASE("Another start time moves the whole day", "[engine][timetable]") {
    test::EngineRegion region(test::triadNames());
    auto day = loadGroupDay(*region.db, QStringLiteral("2022-2023"), QStringLiteral("a"), QTime(9, 30));
    REQUIRE(day.ok());
    CHECK(clockText(day->plan.timetable.startMinute()) == QStringLiteral("09:30"));
    CHECK(clockText(day->plan.timetable.endMinute()) == QStringLiteral("17:05"));
}

TEST_CASE("A group's own durations and pinned lunch are stored and shape its timetable",
          "[engine][timetable]") {
    test::EngineRegion region(test::triadNames());
    DayPlanStore plans(*region.db);
    REQUIRE(plans.setBlock(region.groupId, 2, {60, {}}).ok());           // first questions: 60 minutes
    REQUIRE(plans.setBlock(region.groupId, 7, {0, QTime(12, 30)}).ok()); // lunch pinned to 12:30
    const Timetable t = region.day().plan.timetable;
    CHECK(t.blocks[2].minutes == 60);
    CHECK(t.blocks[2].templateMinutes == 70);
    CHECK(clockText(t.blocks[6].endMinute) == QStringLiteral("12:10"));
    CHECK(clockText(t.blocks[7].startMinute) == QStringLiteral("12:30")); // waits for its clock time
    CHECK(clockText(t.endMinute()) == QStringLiteral("17:45"));

    // Restoring the template's duration: the group's plan no longer changes block 2.
    REQUIRE(plans.setBlock(region.groupId, 2, {0, {}}).ok());
    CHECK(region.day().plan.timetable.blocks[2].minutes == 70);
}

TEST_CASE("A pinned block that the day before it overruns is reported as a warning", "[engine][timetable]") {
    test::EngineRegion region(test::triadNames());
    DayPlanStore plans(*region.db);
    REQUIRE(plans.setBlock(region.groupId, 7, {0, QTime(12, 0)}).ok());
    const Timetable t = region.day().plan.timetable;
    REQUIRE(t.warnings.size() == 1);
    CHECK(t.warnings.first().contains(QStringLiteral("12:00")));
    CHECK(clockText(t.blocks[7].startMinute) == QStringLiteral("12:20"));
}

TEST_CASE("A template for three LAs refuses a group of four", "[engine][timetable]") {
    test::EngineRegion region(test::quartetNames());
    DayPlanStore plans(*region.db);
    REQUIRE(plans.setGroupTemplate(region.groupId, QStringLiteral("triad"), {}).ok());
    auto day = loadGroupDay(*region.db, QStringLiteral("2022-2023"), QStringLiteral("A"));
    REQUIRE_FALSE(day.ok());
    CHECK(day.message().contains(QStringLiteral("3 LAs")));
    CHECK(day.message().contains(QStringLiteral("has 4")));
}

TEST_CASE("A missing group is named together with the groups that exist", "[engine][timetable]") {
    test::EngineRegion region(test::triadNames());
    auto day = loadGroupDay(*region.db, QStringLiteral("2022-2023"), QStringLiteral("Z"));
    REQUIRE_FALSE(day.ok());
    CHECK(day.error().kind == Error::Kind::NotFound);
    CHECK(day.message().contains(QStringLiteral("\"Z\"")));
}

TEST_CASE("The questioning order starts with the lead reviewer's team and goes round",
          "[engine][timetable]") {
    // Four LAs; Reading (index 1) is reviewed by Wokingham (index 3).
    std::vector<TimetableMember> members{{1, QStringLiteral("Slough"), 2},
                                         {2, QStringLiteral("Reading"), 4},
                                         {3, QStringLiteral("Bracknell Forest"), 1},
                                         {4, QStringLiteral("Wokingham"), 3}};
    const auto order = questioningOrder(members, 1);
    REQUIRE(order.size() == 3);
    CHECK(order[0].name == QStringLiteral("Wokingham"));
    CHECK(order[1].name == QStringLiteral("Slough"));
    CHECK(order[2].name == QStringLiteral("Bracknell Forest"));
}
