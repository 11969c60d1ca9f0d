#include "console/day_strip.h"

#include <QTimeZone>
#include <catch2/catch.hpp>

// The day strip's geometry and words from a state alone, without pixels: a three-block morning
// (60 min presentation, 30 min tea, 90 min questions) planned from 10:00.

using namespace balcony;
using Kind = gui::DayStripSegment::Kind;

namespace {

const QTimeZone utc = QTimeZone::utc();

QDateTime at(int hour, int minute) {
    return QDateTime(QDate(2024, 3, 12), QTime(hour, minute), utc);
}

Timetable morning() {
    Timetable timetable;
    int start = 10 * 60;
    int index = 0;
    for (auto [kind, title, minutes] :
         {std::tuple{BlockKind::Presentation, "Presentation", 60}, std::tuple{BlockKind::Tea, "Tea", 30},
          std::tuple{BlockKind::Questions, "Questions from Medway", 90}}) {
        TimetableBlock block;
        block.index = index++;
        block.kind = kind;
        block.title = QString::fromLatin1(title);
        block.minutes = minutes;
        block.startMinute = start;
        block.endMinute = start + minutes;
        start += minutes;
        timetable.blocks.push_back(block);
    }
    return timetable;
}

DayState notStarted(const Timetable& timetable) {
    DayState state;
    state.now = at(9, 0);
    state.plannedStart = at(10, 0);
    state.plannedEnd = at(13, 0);
    state.projectedEnd = at(13, 0);
    for (const TimetableBlock& block : timetable.blocks) {
        BlockRecord record;
        record.plannedMinutes = block.minutes;
        state.blocks.push_back(record);
    }
    return state;
}

} // namespace

TEST_CASE("Before the start the day strip shows every block at its planned length", "[daystrip]") {
    const Timetable timetable = morning();
    const gui::DayStripLayout layout = gui::dayStripSegments(timetable, notStarted(timetable), utc, 180);
    REQUIRE(layout.segments.size() == 3);
    CHECK(layout.segments[0].x == 0);
    CHECK(layout.segments[0].width == 60);
    CHECK(layout.segments[1].x == 60);
    CHECK(layout.segments[1].width == 30);
    CHECK(layout.segments[1].isBreak);
    CHECK_FALSE(layout.segments[2].isBreak);
    CHECK(layout.segments[2].x + layout.segments[2].width == 180);
    for (const auto& segment : layout.segments) {
        CHECK(segment.kind == Kind::ToCome);
    }
    CHECK(layout.nowX == -1);
    CHECK(layout.segments[2].label == QStringLiteral("Questions from Medway"));
    CHECK(layout.segments[2].toolTip.contains(QStringLiteral("Planned 11:30 to 13:00 (90 min)")));
    CHECK(layout.description ==
          QStringLiteral("The day has not started: 3 blocks, planned from 10:00 to 13:00."));
}

TEST_CASE("The day strip shows blocks done at their actual length and the current one with the now marker",
          "[daystrip]") {
    const Timetable timetable = morning();
    DayState state = notStarted(timetable);
    // The presentation ran 90 minutes (30 over), tea was cut to nothing and skipped to the questions,
    // which have run 30 of their 90 (shortened to 60 by an accepted catch-up).
    state.status = DayStatus::Running;
    state.now = at(12, 0);
    state.actualStart = at(10, 0);
    state.blockIndex = 2;
    state.blocks[0].actualStart = at(10, 0);
    state.blocks[0].actualEnd = at(11, 30);
    state.blocks[0].activeMs = 90 * 60000;
    state.blocks[2].actualStart = at(11, 30);
    state.blocks[2].activeMs = 30 * 60000;
    state.blocks[2].plannedMinutes = 60;
    state.projectedEnd = at(12, 30);
    state.behindMs = -30 * 60000;
    const gui::DayStripLayout layout = gui::dayStripSegments(timetable, state, utc, 150);
    REQUIRE(layout.segments.size() == 3);
    CHECK(layout.segments[0].kind == Kind::Done);
    CHECK(layout.segments[0].width == 90);
    CHECK(layout.segments[0].toolTip.contains(QStringLiteral("Ran 10:00 to 11:30 (90 min)")));
    CHECK(layout.segments[1].kind == Kind::Done);
    CHECK(layout.segments[1].width == 0);
    CHECK(layout.segments[2].kind == Kind::Current);
    CHECK(layout.segments[2].x == 90);
    CHECK(layout.segments[2].width == 60);
    CHECK(layout.segments[2].toolTip.contains(QStringLiteral("Now planned for 60 min")));
    CHECK(layout.nowX == 120);
    CHECK(layout.description ==
          QStringLiteral("Block 3 of 3, Questions from Medway; in the planned block. Finish "
                         "planned 13:00, expected 12:30 (30 min ahead)."));
}

TEST_CASE("The day strip counts the blocks the day is behind its plan", "[daystrip]") {
    const Timetable timetable = morning();
    DayState state = notStarted(timetable);
    state.status = DayStatus::Paused;
    state.now = at(11, 45); // the plan is in the questions; the presentation still runs
    state.actualStart = at(10, 0);
    state.blocks[0].actualStart = at(10, 0);
    state.blocks[0].activeMs = 105 * 60000;
    state.projectedEnd = at(14, 0);
    state.behindMs = 60 * 60000;
    const gui::DayStripLayout layout = gui::dayStripSegments(timetable, state, utc, 225);
    CHECK(layout.segments[0].width == 105); // the overrun block grows to its running time
    CHECK(layout.nowX == 105);              // at the end of the running block
    CHECK(layout.description.startsWith(
        QStringLiteral("Block 1 of 3, Presentation, paused; 2 blocks behind plan.")));
    CHECK(layout.description.endsWith(QStringLiteral("expected 14:00 (1 h 00 min behind).")));
}
