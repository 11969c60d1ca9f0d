#include "engine/day_engine.h"
#include "engine/day_resume.h"
#include "engine_fixture.h"
#include "notes/note_store.h"

#include <catch2/catch.hpp>

// What opening a region learns of a live day: when its last record was made, and whether the day is
// live today. The fixture's group meets on Wednesday 18 January 2023.
using namespace balcony;
using test::dayAt;

TEST_CASE("The time away runs from the later of the last day event and the last saved note",
          "[engine][resume]") {
    test::EngineRegion region(test::triadNames());
    FakeClock clock(dayAt(9, 58));
    const GroupDay day = region.day();

    auto none = dayResume(*region.db, region.groupId, dayAt(10, 0));
    REQUIRE(none.ok());
    CHECK_FALSE(none->lastRecordedUtc.isValid());
    CHECK(none->awayMs == 0);

    auto engine = DayEngine::open(*region.db, clock, region.groupId, day.plan);
    REQUIRE(engine.ok());
    clock.setUtc(dayAt(10, 2));
    REQUIRE((*engine)->start().ok());
    auto afterStart = dayResume(*region.db, region.groupId, dayAt(10, 30));
    REQUIRE(afterStart.ok());
    CHECK(afterStart->lastRecordedUtc == dayAt(10, 2));
    CHECK(afterStart->awayMs == 28 * 60 * 1000);

    // A note saved at 10:17 is a later sign of life than the start.
    NoteStore notes(*region.db, [] { return dayAt(10, 17, 30); });
    const qint64 authority = day.group.members.front().authorityId;
    REQUIRE(notes.capture(region.groupId, authority, {NoteKind::Note, {}, 0, QStringLiteral("Seen")}).ok());
    auto afterNote = dayResume(*region.db, region.groupId, dayAt(10, 30));
    REQUIRE(afterNote.ok());
    CHECK(afterNote->lastRecordedUtc == dayAt(10, 17, 30));
    CHECK(afterNote->awayMs == (12 * 60 + 30) * 1000);

    // A clock set back before the last record reads no time away, never a negative one.
    auto setBack = dayResume(*region.db, region.groupId, dayAt(9, 0));
    REQUIRE(setBack.ok());
    CHECK(setBack->awayMs == 0);
}

TEST_CASE("A day is live today when running or paused and planned or started today", "[engine][resume]") {
    test::EngineRegion region(test::triadNames());
    FakeClock clock(dayAt(10, 0));
    const GroupDay day = region.day();
    auto engine = DayEngine::open(*region.db, clock, region.groupId, day.plan);
    REQUIRE(engine.ok());
    CHECK_FALSE(isLiveToday(day.plan, (*engine)->state())); // not started

    REQUIRE((*engine)->start().ok());
    CHECK(isLiveToday(day.plan, (*engine)->state()));
    REQUIRE((*engine)->pause().ok());
    CHECK(isLiveToday(day.plan, (*engine)->state())); // paused is live too

    // The next morning the unfinished day is not live.
    clock.setUtc(dayAt(10, 0).addDays(1));
    CHECK_FALSE(isLiveToday(day.plan, (*engine)->state()));

    // A rehearsal started on another date is live on the date it was started.
    DayPlan rehearsal = day.plan;
    rehearsal.date = day.plan.date.addDays(7);
    DayState started = (*engine)->state();
    started.now = dayAt(10, 5);
    CHECK(isLiveToday(rehearsal, started));
    started.now = dayAt(10, 5).addDays(1);
    CHECK_FALSE(isLiveToday(rehearsal, started));

    clock.setUtc(dayAt(11, 0));
    REQUIRE((*engine)->resume().ok());
    REQUIRE((*engine)->finish().ok());
    CHECK_FALSE(isLiveToday(day.plan, (*engine)->state())); // finished
}
