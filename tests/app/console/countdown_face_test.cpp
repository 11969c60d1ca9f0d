#include "app/frame/qt_catch.h"
#include "console/countdown_face.h"
#include "console/countdown_view.h"
#include "engine/engine_fixture.h"

#include <QPalette>
#include <QTimeZone>
#include <catch2/catch.hpp>

// What the countdown shows, checked on the function, not on pixels: states come from the real
// engine on a fake clock, at the boundaries a room notices.
using namespace balcony;
using namespace balcony::gui;
using test::dayAt;

namespace {

constexpr qint64 second = 1000;
constexpr qint64 minute = 60 * second;

// A triad's day (introductions 15 minutes from 10:00), started at 10:00 sharp.
struct Day {
    test::EngineRegion region{test::triadNames()};
    FakeClock clock{dayAt(9, 55)};
    std::unique_ptr<DayEngine> engine;

    Day() {
        auto opened = DayEngine::open(*region.db, clock, region.groupId, region.day().plan);
        REQUIRE(opened.ok());
        engine = std::move(*opened);
    }
    void start() {
        clock.setUtc(dayAt(10, 0));
        REQUIRE(engine->start().ok());
    }
    // The face when the introductions have this much left (no pause since the start at 10:00).
    CountdownFace withLeft(qint64 remainingMs) {
        // Forward with both clocks, as time passes: the engine counts on the monotonic one.
        const qint64 step = clock.utcNow().msecsTo(dayAt(10, 0).addMSecs(15 * minute - remainingMs));
        REQUIRE(step >= 0);
        clock.advanceMs(step);
        return face();
    }
    CountdownFace face() { return countdownFace(engine->state(), QTimeZone::utc()); }
};

} // namespace

TEST_CASE("A countdown writes mm:ss, +mm:ss over time, and h:mm:ss past an hour", "[console][countdown]") {
    CHECK(countdownText(0) == QStringLiteral("00:00"));
    CHECK(countdownText(1) == QStringLiteral("00:01"));
    CHECK(countdownText(59) == QStringLiteral("00:59"));
    CHECK(countdownText(60) == QStringLiteral("01:00"));
    CHECK(countdownText(15 * 60) == QStringLiteral("15:00"));
    CHECK(countdownText(3599) == QStringLiteral("59:59"));
    CHECK(countdownText(3600) == QStringLiteral("1:00:00"));
    CHECK(countdownText(4 * 3600 + 5 * 60 + 9) == QStringLiteral("4:05:09"));
    CHECK(countdownText(-1) == QStringLiteral("+00:01"));
    CHECK(countdownText(-61) == QStringLiteral("+01:01"));
    CHECK(countdownText(-3600) == QStringLiteral("+1:00:00"));

    CHECK(shownSecondsFor(15 * minute) == 900);
    CHECK(shownSecondsFor(15 * minute - 1) == 900); // rounded up, as a countdown shows it
    CHECK(shownSecondsFor(1) == 1);
    CHECK(shownSecondsFor(0) == 0);
    CHECK(shownSecondsFor(-1) == 0);
    CHECK(shownSecondsFor(-999) == 0);
    CHECK(shownSecondsFor(-1000) == -1);
    CHECK(shownSecondsFor(-1001) == -1);
}

TEST_CASE("Ahead or behind is said to the nearest minute, with hours past the hour", "[console][countdown]") {
    CHECK(aheadBehindText(0) == QStringLiteral("On time"));
    CHECK(aheadBehindText(29 * second) == QStringLiteral("On time"));
    CHECK(aheadBehindText(-29 * second) == QStringLiteral("On time"));
    CHECK(aheadBehindText(30 * second) == QStringLiteral("1 min behind"));
    CHECK(aheadBehindText(4 * minute) == QStringLiteral("4 min behind"));
    CHECK(aheadBehindText(-4 * minute) == QStringLiteral("4 min ahead"));
    CHECK(aheadBehindText(65 * minute) == QStringLiteral("1 h 05 min behind"));
    CHECK(aheadBehindText(-120 * minute) == QStringLiteral("2 h 00 min ahead"));
}

TEST_CASE("A day not started shows the first block's length, calm, and the projection moves with a late "
          "start",
          "[console][countdown]") {
    Day day;
    CountdownFace face = day.face();
    CHECK(face.text == QStringLiteral("15:00"));
    CHECK(face.role == CountdownRole::NotStarted);
    CHECK(face.caption == QStringLiteral("Not started"));
    CHECK_FALSE(face.flash);
    CHECK_FALSE(face.overrun);
    CHECK(face.projectedFinish == QStringLiteral("17:35"));
    CHECK(face.aheadBehind == QStringLiteral("On time"));
    CHECK(msUntilShownSecondChanges(day.engine->state()) == -1);

    day.clock.setUtc(dayAt(10, 7));
    face = day.face();
    CHECK(face.text == QStringLiteral("15:00"));
    CHECK(face.projectedFinish == QStringLiteral("17:42"));
    CHECK(face.aheadBehind == QStringLiteral("7 min behind"));
}

TEST_CASE("A running block counts down whole seconds, turning exactly on the boundary",
          "[console][countdown]") {
    Day day;
    day.start();
    CountdownFace face = day.face();
    CHECK(face.text == QStringLiteral("15:00"));
    CHECK(face.role == CountdownRole::Normal);
    CHECK(face.caption.isEmpty());
    CHECK(msUntilShownSecondChanges(day.engine->state()) == 1000);

    day.clock.advanceMs(1);
    CHECK(day.face().text == QStringLiteral("15:00"));
    CHECK(msUntilShownSecondChanges(day.engine->state()) == 999);
    day.clock.advanceMs(998);
    CHECK(day.face().text == QStringLiteral("15:00"));
    CHECK(msUntilShownSecondChanges(day.engine->state()) == 1);
    day.clock.advanceMs(1);
    CHECK(day.face().text == QStringLiteral("14:59"));
    CHECK(msUntilShownSecondChanges(day.engine->state()) == 1000);
    day.clock.advanceMs(400);
    CHECK(msUntilShownSecondChanges(day.engine->state()) == 600);
}

TEST_CASE("Exactly two minutes left turns the countdown amber and flashes for three seconds",
          "[console][countdown]") {
    Day day;
    day.start();
    CountdownFace face = day.withLeft(2 * minute + 1);
    CHECK(face.text == QStringLiteral("02:01"));
    CHECK(face.role == CountdownRole::Normal);
    CHECK_FALSE(face.flash);

    face = day.withLeft(2 * minute);
    CHECK(face.text == QStringLiteral("02:00"));
    CHECK(face.role == CountdownRole::TwoMinutes);
    CHECK(face.flash);
    CHECK(face.caption.isEmpty());
    CHECK(day.withLeft(118 * second).flash);
    CHECK_FALSE(day.withLeft(117 * second).flash);
    CHECK(day.withLeft(117 * second).role == CountdownRole::TwoMinutes);
    face = day.withLeft(1);
    CHECK(face.text == QStringLiteral("00:01"));
    CHECK(face.role == CountdownRole::TwoMinutes);
}

TEST_CASE("At 00:00 the time is up, and from one second over it shows +00:01 in the overrun colour",
          "[console][countdown]") {
    Day day;
    day.start();
    CountdownFace face = day.withLeft(0);
    CHECK(face.text == QStringLiteral("00:00"));
    CHECK(face.role == CountdownRole::Overrun);
    CHECK(face.caption == QStringLiteral("Over time"));
    CHECK_FALSE(face.overrun);
    CHECK(face.flash);

    face = day.withLeft(-999);
    CHECK(face.text == QStringLiteral("00:00"));
    face = day.withLeft(-second);
    CHECK(face.text == QStringLiteral("+00:01"));
    CHECK(face.overrun);
    CHECK(face.role == CountdownRole::Overrun);
    CHECK(face.flash);
    CHECK_FALSE(day.withLeft(-3 * second).flash);
    CHECK(msUntilShownSecondChanges(day.engine->state()) == 1000);
    day.clock.advanceMs(250);
    CHECK(msUntilShownSecondChanges(day.engine->state()) == 750);

    face = day.withLeft(-61 * minute);
    CHECK(face.text == QStringLiteral("+1:01:00"));
    CHECK(face.projectedFinish == QStringLiteral("18:36"));
    CHECK(face.aheadBehind == QStringLiteral("1 h 01 min behind"));
}

TEST_CASE("Paused during an overrun, the countdown stands still, muted, and the projection moves on",
          "[console][countdown]") {
    Day day;
    day.start();
    day.withLeft(-30 * second);
    REQUIRE(day.engine->pause().ok());
    CountdownFace face = day.face();
    CHECK(face.text == QStringLiteral("+00:30"));
    CHECK(face.overrun);
    CHECK(face.role == CountdownRole::Paused);
    CHECK(face.caption == QStringLiteral("Paused"));
    CHECK_FALSE(face.flash);
    CHECK(msUntilShownSecondChanges(day.engine->state()) == -1);
    const QString finish = face.projectedFinish;

    day.clock.advanceMinutes(10);
    face = day.face();
    CHECK(face.text == QStringLiteral("+00:30"));
    CHECK(face.role == CountdownRole::Paused);
    CHECK(face.projectedFinish != finish);
    CHECK(face.aheadBehind == QStringLiteral("11 min behind"));

    REQUIRE(day.engine->resume().ok());
    day.clock.advanceSeconds(1);
    CHECK(day.face().text == QStringLiteral("+00:31"));
    CHECK(day.face().role == CountdownRole::Overrun);
}

TEST_CASE("A finished day keeps the last block's final reading, muted, and its real end",
          "[console][countdown]") {
    Day day;
    day.start();
    const int last = static_cast<int>(day.engine->timetable().blocks.size()) - 1;
    REQUIRE(day.engine->jump(last).ok()); // the plenary, 15 minutes
    day.clock.advanceMinutes(16);
    REQUIRE(day.engine->finish().ok());
    CountdownFace face = day.face();
    CHECK(face.status == DayStatus::Finished);
    CHECK(face.role == CountdownRole::Finished);
    CHECK(face.caption == QStringLiteral("Day finished"));
    CHECK(face.text == QStringLiteral("+01:00"));
    CHECK_FALSE(face.flash);
    CHECK(face.projectedFinish == QStringLiteral("10:16"));
    CHECK(face.aheadBehind == QStringLiteral("7 h 19 min ahead"));
    day.clock.advanceMinutes(5);
    CHECK(day.face() == face);
    CHECK(msUntilShownSecondChanges(day.engine->state()) == -1);
}

TEST_CASE("Signals fire once per crossing, second by second or with seconds skipped",
          "[console][countdown]") {
    Day day;
    const CountdownFace waiting = day.face();
    day.start();
    CountdownFace before = day.face();
    CHECK(signalBetween(waiting, before) == CountdownSignal::None); // a start is no signal

    // 1 s: the timer on time; 2.5 s and 7 s: an event loop that stalled, skipping seconds.
    const qint64 step = GENERATE(qint64{1000}, qint64{2500}, qint64{7000});
    std::vector<CountdownSignal> fired;
    for (qint64 t = 0; t < 16 * minute; t += step) {
        day.clock.advanceMs(step);
        const CountdownFace after = day.face();
        if (const auto signal = signalBetween(before, after); signal != CountdownSignal::None) {
            fired.push_back(signal);
        }
        before = after;
    }
    CHECK(fired == std::vector<CountdownSignal>{CountdownSignal::TwoMinutes, CountdownSignal::End});
    CHECK(signalBetween(before, before) == CountdownSignal::None); // a repeated tick: nothing again
}

TEST_CASE(
    "Moving to another block, a pause, or a restart fires no signal, but a crossing after a resume or an "
    "extension does",
    "[console][countdown]") {
    Day day;
    day.start();
    // Over time in the introductions; the next block is not a crossing.
    CountdownFace over = day.withLeft(-5 * second);
    REQUIRE(day.engine->next().ok());
    CHECK(signalBetween(over, day.face()) == CountdownSignal::None);

    // Back from a block with 1:59 left to one over time: not a crossing either.
    day.clock.advanceMs(13 * minute + 1001);
    const CountdownFace nearEnd = day.face();
    CHECK(nearEnd.text == QStringLiteral("01:59"));
    REQUIRE(day.engine->back().ok());
    CHECK(signalBetween(nearEnd, day.face()) == CountdownSignal::None);
    REQUIRE(day.engine->next().ok());

    // Paused at 2:01; the crossing happens after the resume, while running.
    CountdownFace before = day.face();
    REQUIRE(day.engine->extend(1).ok()); // 1:59 -> 2:59
    CHECK(signalBetween(before, day.face()) == CountdownSignal::None);
    day.clock.advanceSeconds(58); // 2:01
    REQUIRE(day.engine->pause().ok());
    before = day.face();
    CHECK(before.text == QStringLiteral("02:01"));
    day.clock.advanceMinutes(3);
    CHECK(signalBetween(before, day.face()) == CountdownSignal::None); // paused: nothing moves
    REQUIRE(day.engine->resume().ok());
    day.clock.advanceSeconds(2);
    CHECK(signalBetween(before, day.face()) == CountdownSignal::TwoMinutes);

    // Shortening past the end is the end.
    before = day.face();
    REQUIRE(day.engine->extend(-2).ok());
    CHECK(day.face().overrun);
    CHECK(signalBetween(before, day.face()) == CountdownSignal::End);
    // Five more minutes, then the two-minute mark comes round again and fires again.
    REQUIRE(day.engine->extend(5).ok());
    before = day.face();
    day.clock.advanceMinutes(3);
    CHECK(signalBetween(before, day.face()) == CountdownSignal::TwoMinutes);
}

TEST_CASE("Each role has its own colour, readable on a light and on a dark palette", "[console][countdown]") {
    QPalette light;
    light.setColor(QPalette::Window, Qt::white);
    light.setColor(QPalette::WindowText, Qt::black);
    light.setColor(QPalette::PlaceholderText, QColor(0x70, 0x70, 0x70));
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    for (const QPalette* palette : {&light, &dark}) {
        const QColor paper = palette->color(QPalette::Window);
        const QColor normal = countdownColour(CountdownRole::Normal, *palette);
        const QColor warning = countdownColour(CountdownRole::TwoMinutes, *palette);
        const QColor overrun = countdownColour(CountdownRole::Overrun, *palette);
        const QColor paused = countdownColour(CountdownRole::Paused, *palette);
        CHECK(normal != warning);
        CHECK(warning != overrun);
        CHECK(overrun != normal);
        CHECK(paused != normal);
        // Far enough from the paper in lightness to be read at the back of a room.
        for (const QColor& ink : {normal, warning, overrun, paused}) {
            CHECK(std::abs(ink.lightnessF() - paper.lightnessF()) > 0.3);
        }
    }
    CHECK(countdownColour(CountdownRole::Overrun, light) != countdownColour(CountdownRole::Overrun, dark));
}

TEST_CASE("The console says when the computer's clock was changed during the day", "[gui][countdown]") {
    Day day;
    day.start();
    day.clock.advanceMinutes(5);
    CHECK(wallClockNotice(day.engine->wallClockOffsetMs()).isEmpty());
    day.clock.setWallClock(dayAt(10, 35)); // set forward half an hour by hand
    const DayState s = day.engine->state();
    CHECK(countdownFace(s, day.engine->plan().zone).text == QStringLiteral("10:00"));
    CHECK(wallClockNotice(day.engine->wallClockOffsetMs()) ==
          QStringLiteral("The computer's clock was changed by 30 minutes; Balcony keeps the day's time."));
    CHECK(wallClockNotice(-60 * second) ==
          QStringLiteral("The computer's clock was changed by 1 minute; Balcony keeps the day's time."));
}
