#include "domain/schedule_store.h"
#include "engine/day_engine.h"
#include "engine_fixture.h"
#include "helpers/table_dump.h"
#include "notes/note_store.h"
#include "store/sql.h"

#include <QTimeZone>
#include <catch2/catch.hpp>

// A day started by mistake (a rehearsal the evening before, a false start) must not lock the real
// day: a start on another date than the group's needs a confirmation, and a run that has not really
// begun the day can be discarded, by an event, after which the day is as if never started.
using namespace balcony;
using test::dayAt;

namespace {

constexpr qint64 minute = 60 * 1000;

// The fixture's group A meets on Wednesday 18 January 2023 (UK time is UTC in January).
QDateTime eveningBefore(int hour, int minuteOfHour) {
    return QDateTime(QDate(2023, 1, 17), QTime(hour, minuteOfHour), QTimeZone::utc());
}

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

QStringList storedKinds(test::EngineRegion& region) {
    auto query =
        sql::run(*region.db, QStringLiteral("SELECT kind FROM day_event WHERE group_id = ? ORDER BY id"),
                 {region.groupId});
    REQUIRE(query.ok());
    QStringList kinds;
    while (query->next()) {
        kinds << query->value(0).toString();
    }
    return kinds;
}

// The rehearsal of the case file: started at 18:00 the evening before (confirmed), paused at 18:01.
void rehearseTheEveningBefore(test::EngineRegion& region) {
    FakeClock evening(eveningBefore(18, 0));
    auto engine = openEngine(region, evening);
    REQUIRE(engine->start(DayEngine::OtherDate::Confirmed).ok());
    evening.advanceMinutes(1);
    REQUIRE(engine->pause().ok());
}

} // namespace

TEST_CASE("A start on another date than the group's day is refused unless confirmed, and writes nothing",
          "[engine][discard]") {
    test::EngineRegion region(test::triadNames());
    const QDateTime when = GENERATE(eveningBefore(18, 0), eveningBefore(23, 59),
                                    QDateTime(QDate(2023, 1, 11), QTime(14, 0), QTimeZone::utc()),
                                    QDateTime(QDate(2023, 1, 19), QTime(0, 0), QTimeZone::utc()));
    FakeClock clock(when);
    auto engine = openEngine(region, clock);
    const auto refused = engine->start();
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == Error::Kind::InvalidInput);
    CHECK(refused.message().contains(QStringLiteral("The group meets on Wednesday 18 January 2023")));
    CHECK(refused.message().contains(QLocale(QLocale::English, QLocale::UnitedKingdom)
                                         .toString(when.date(), QStringLiteral("dddd d MMMM yyyy"))));
    CHECK(storedEvents(region) == 0);
    CHECK(engine->state().status == DayStatus::NotStarted);

    REQUIRE(engine->start(DayEngine::OtherDate::Confirmed).ok());
    CHECK(engine->state().status == DayStatus::Running);
}

TEST_CASE("A start on the group's day needs no confirmation, from just after midnight to late evening",
          "[engine][discard]") {
    test::EngineRegion region(test::triadNames());
    const QDateTime when = GENERATE(dayAt(0, 0), dayAt(9, 59), dayAt(23, 59));
    FakeClock clock(when);
    auto engine = openEngine(region, clock);
    CHECK(engine->start().ok());
}

TEST_CASE("The group's date is judged in UK time, whatever zone the timetable or the laptop uses",
          "[engine][discard]") {
    DayPlan plan;
    plan.zone = QTimeZone::utc();
    plan.date = QDate(2023, 6, 14); // British Summer Time: UTC+1
    const auto utc = [](int day, int hour, int minuteOfHour) {
        return QDateTime(QDate(2023, 6, day), QTime(hour, minuteOfHour), QTimeZone::utc());
    };
    CHECK(checkStartDate(plan, utc(13, 23, 30)).ok()); // 00:30 on the 14th in London
    CHECK_FALSE(checkStartDate(plan, utc(13, 22, 30)).ok());
    CHECK(checkStartDate(plan, utc(14, 22, 59)).ok());
    CHECK_FALSE(checkStartDate(plan, utc(14, 23, 0)).ok()); // midnight in London: the 15th
    plan.date = QDate();                                    // a group without a date yet
    CHECK(checkStartDate(plan, utc(1, 12, 0)).ok());
}

TEST_CASE("A rehearsal the evening before, discarded, leaves the real day on time, not a day behind",
          "[engine][discard]") {
    test::EngineRegion region(test::triadNames());
    rehearseTheEveningBefore(region);

    region.reopen(); // the next morning, a fresh program
    FakeClock morning(dayAt(9, 59));
    auto engine = openEngine(region, morning);
    CHECK(engine->state().status == DayStatus::Paused);
    const auto locked = engine->start();
    REQUIRE_FALSE(locked.ok());
    CHECK(locked.message() == QStringLiteral("The day has already started."));

    const auto discarded = engine->discard();
    REQUIRE(discarded.ok());
    CHECK(discarded->status == DayStatus::NotStarted);
    CHECK(discarded->discardedRuns == 1);
    CHECK_FALSE(discarded->actualStart.isValid());
    CHECK(discarded->plannedStart == dayAt(10, 0));

    REQUIRE(engine->start().ok());
    morning.advanceSeconds(90); // 10:00:30
    const DayState s = engine->state();
    CHECK(s.status == DayStatus::Running);
    CHECK(s.blockIndex == 0);
    CHECK(s.actualStart == dayAt(9, 59));
    CHECK(s.elapsedMs == 90 * 1000);
    CHECK(s.blocks[0].actualStart == dayAt(9, 59));
    CHECK(s.plannedEnd == dayAt(17, 35));
    CHECK(s.behindMs == -minute); // a minute ahead, from the morning's start only
    CHECK(s.projectedEnd == dayAt(17, 34));
    CHECK(storedKinds(region) == QStringList{QStringLiteral("started"), QStringLiteral("paused"),
                                             QStringLiteral("discarded"), QStringLiteral("started")});
}

TEST_CASE("A run on another date may be discarded whatever happened in it, even a finish",
          "[engine][discard]") {
    test::EngineRegion region(test::triadNames());
    FakeClock evening(eveningBefore(17, 0));
    {
        auto engine = openEngine(region, evening);
        REQUIRE(engine->start(DayEngine::OtherDate::Confirmed).ok());
        evening.advanceMinutes(15);
        REQUIRE(engine->next().ok());
        REQUIRE(engine->extend(5).ok());
        evening.advanceMinutes(3);
        REQUIRE(engine->jump(5).ok());
        REQUIRE(engine->setTalker(DayEvent::Talker::Visiting).ok());
        evening.advanceMinutes(2);
        REQUIRE(engine->finish().ok());
    }
    FakeClock morning(dayAt(9, 55));
    auto engine = openEngine(region, morning);
    CHECK(engine->state().status == DayStatus::Finished);
    CHECK_FALSE(engine->start().ok());
    REQUIRE(engine->canDiscard().ok());
    REQUIRE(engine->discard().ok());
    REQUIRE(engine->start().ok());
    morning.advanceMinutes(5);
    const DayState s = engine->state();
    CHECK(s.status == DayStatus::Running);
    CHECK(s.blockIndex == 0);
    CHECK(s.elapsedMs == 5 * minute);
    CHECK(s.current().plannedMinutes == 15);
    CHECK(s.blocks[1].plannedMinutes == 15); // the rehearsal's extension went with it
    CHECK_FALSE(s.blocks[5].actualStart.isValid());
    CHECK(s.talker == DayEvent::Talker::Nobody);
    CHECK(s.behindMs == -5 * minute);
}

TEST_CASE("A false start on the day can be discarded while the day is still in its first block",
          "[engine][discard]") {
    test::EngineRegion region(test::triadNames());
    FakeClock clock(dayAt(9, 40));
    auto engine = openEngine(region, clock);
    REQUIRE(engine->start().ok());
    clock.advanceMinutes(3);
    REQUIRE(engine->discard().ok());
    clock.advanceMinutes(17);
    REQUIRE(engine->start().ok());
    CHECK(engine->state().actualStart == dayAt(10, 0));
    CHECK(engine->state().behindMs == 0);
}

TEST_CASE("A run on the day that has gone beyond its first block is the record and cannot be discarded",
          "[engine][discard]") {
    test::EngineRegion region(test::triadNames());
    FakeClock clock(dayAt(10, 0));
    auto engine = openEngine(region, clock);
    REQUIRE(engine->start().ok());
    clock.advanceMinutes(15);
    REQUIRE(engine->next().ok());
    clock.advanceMinutes(1);

    SECTION("in the second block") {}
    SECTION("back in the first block after going on") {
        REQUIRE(engine->back().ok());
    }
    SECTION("paused") {
        REQUIRE(engine->pause().ok());
    }
    SECTION("finished") {
        REQUIRE(engine->finish().ok());
    }
    const int before = storedEvents(region);
    const DayState was = engine->state();
    const auto refused = engine->discard();
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == Error::Kind::InvalidInput);
    CHECK(refused.message().contains(QStringLiteral("started at 10:00 on Wednesday 18 January 2023")));
    CHECK(refused.message().contains(QStringLiteral("cannot be discarded")));
    CHECK_FALSE(engine->canDiscard().ok());
    CHECK(storedEvents(region) == before);
    CHECK(engine->state().status == was.status);
    CHECK(engine->state().actualStart == dayAt(10, 0));
}

TEST_CASE("There is nothing to discard before a start or straight after a discard", "[engine][discard]") {
    test::EngineRegion region(test::triadNames());
    FakeClock clock(eveningBefore(18, 0));
    auto engine = openEngine(region, clock);
    auto nothing = engine->discard();
    REQUIRE_FALSE(nothing.ok());
    CHECK(nothing.message() == QStringLiteral("The day has not started: there is no run to discard."));
    REQUIRE(engine->start(DayEngine::OtherDate::Confirmed).ok());
    REQUIRE(engine->discard().ok());
    CHECK_FALSE(engine->discard().ok());
    CHECK(storedEvents(region) == 2);
}

TEST_CASE("The discard is one more row of the log: the earlier rows stay and the log still refuses updates",
          "[engine][discard]") {
    test::EngineRegion region(test::triadNames());
    rehearseTheEveningBefore(region);
    const QStringList before = test::dumpEveryTable(*region.db);

    FakeClock morning(dayAt(9, 0));
    auto engine = openEngine(region, morning);
    REQUIRE(engine->discard().ok());
    const QStringList after = test::dumpEveryTable(*region.db);
    REQUIRE(after.size() == before.size() + 1);
    for (const QString& line : before) {
        CHECK(after.contains(line));
    }
    QString added;
    for (const QString& line : after) {
        if (!before.contains(line)) {
            added = line;
        }
    }
    CHECK(added.startsWith(QStringLiteral("day_event|")));
    CHECK(added.contains(QStringLiteral("|'2023-01-18T09:00:00.000Z'|'discarded'|")));

    CHECK_FALSE(
        sql::run(*region.db, QStringLiteral("UPDATE day_event SET kind = 'started' WHERE kind = 'discarded'"))
            .ok());
    CHECK_FALSE(
        sql::run(*region.db, QStringLiteral("UPDATE day_event SET at_utc = '2023-01-18T09:00:00.000Z'"))
            .ok());
    CHECK(test::dumpEveryTable(*region.db) == after);
}

TEST_CASE("The schema refuses a discard when the group's day has no run to discard", "[engine][discard]") {
    test::EngineRegion region(test::triadNames());
    const auto insert = [&](const char* kind) {
        return sql::run(*region.db,
                        QStringLiteral("INSERT INTO day_event (group_id, at_utc, kind) VALUES (?, "
                                       "'2023-01-18T09:00:00.000Z', ?)"),
                        {region.groupId, QString::fromLatin1(kind)});
    };
    const auto refused = insert("discarded");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == Error::Kind::Conflict);
    REQUIRE(insert("started").ok());
    REQUIRE(insert("discarded").ok());
    CHECK_FALSE(insert("discarded").ok());
    CHECK(storedEvents(region) == 2);
}

TEST_CASE("After a restart the replayed log honours the discard and times the day from the new start",
          "[engine][discard]") {
    test::EngineRegion region(test::triadNames());
    rehearseTheEveningBefore(region);
    {
        FakeClock morning(dayAt(9, 59));
        auto engine = openEngine(region, morning);
        REQUIRE(engine->discard().ok());
    }
    region.reopen();
    {
        FakeClock later(dayAt(9, 59, 30));
        auto engine = openEngine(region, later);
        const DayState s = engine->state();
        CHECK(s.status == DayStatus::NotStarted);
        CHECK(s.discardedRuns == 1);
        CHECK_FALSE(s.actualStart.isValid());
        REQUIRE(engine->start().ok());
        later.advanceMinutes(20);
        REQUIRE(engine->next().ok());
    }
    region.reopen();
    FakeClock afterCrash(dayAt(10, 30));
    auto engine = openEngine(region, afterCrash);
    const DayState s = engine->state();
    CHECK(s.status == DayStatus::Running);
    CHECK(s.blockIndex == 1);
    CHECK(s.actualStart == dayAt(9, 59, 30));
    CHECK(s.elapsedMs == 10 * minute + 30 * 1000);
    CHECK(s.behindMs == 4 * minute + 30 * 1000); // 30 s early, but introductions ran 20 minutes
}

TEST_CASE("A recorded discard still holds when the group's date is changed afterwards", "[engine][discard]") {
    test::EngineRegion region(test::triadNames());
    rehearseTheEveningBefore(region);
    {
        FakeClock morning(dayAt(8, 0));
        auto engine = openEngine(region, morning);
        REQUIRE(engine->discard().ok());
    }
    // The group moves to the rehearsal's date: under today's rule that run could no longer be
    // discarded, but the log already says it was.
    ScheduleStore schedule(*region.db);
    GroupDay day = region.day();
    Group moved = day.group;
    moved.date = QDate(2023, 1, 17);
    REQUIRE(schedule.updateGroup(moved).ok());
    FakeClock clock(dayAt(8, 30));
    auto engine = openEngine(region, clock);
    CHECK(engine->plan().date == QDate(2023, 1, 17));
    CHECK(engine->state().status == DayStatus::NotStarted);
}

TEST_CASE("Notes captured during a discarded run are kept: they are the facilitator's words",
          "[engine][discard][notes]") {
    test::EngineRegion region(test::triadNames());
    FakeClock evening(eveningBefore(18, 0));
    auto engine = openEngine(region, evening);
    REQUIRE(engine->start(DayEngine::OtherDate::Confirmed).ok());
    const GroupDay day = region.day();
    NoteStore notes(*region.db, [] { return QDateTime(QDate(2023, 1, 17), QTime(18, 5), QTimeZone::utc()); });
    NoteContent content;
    content.text = QStringLiteral("Ask Slough about its edge-of-care service.");
    content.blockIndex = 0;
    auto captured = notes.capture(region.groupId, day.group.members.front().authorityId, content);
    REQUIRE(captured.ok());

    REQUIRE(engine->discard().ok());
    auto kept = notes.current(region.groupId);
    REQUIRE(kept.ok());
    REQUIRE(kept->size() == 1);
    CHECK(kept->front().id == *captured);
}
