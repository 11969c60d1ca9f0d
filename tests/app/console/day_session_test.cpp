#include "app/frame/qt_catch.h"
#include "console/countdown_view.h"
#include "console/day_session.h"
#include "engine/day_event.h"
#include "engine/engine_fixture.h"

#include <QSignalSpy>
#include <QTimeZone>
#include <catch2/catch.hpp>

// The one observed day session: every control reaches the engine's log and every observer at once,
// the timer wakes just after each shown second, and views observing one session never disagree.
using namespace balcony;
using namespace balcony::gui;
using test::dayAt;

namespace {

constexpr qint64 minute = 60 * 1000;

struct Session {
    test::EngineRegion region{test::triadNames()};
    FakeClock clock{dayAt(9, 55)};
    std::unique_ptr<DaySession> session = open();

    std::unique_ptr<DaySession> open() {
        auto opened = DaySession::open(*region.db, clock, region.groupId, region.day().plan);
        REQUIRE(opened.ok());
        return std::move(*opened);
    }
    int stored() {
        auto count = DayEventLog(*region.db).count(region.groupId);
        REQUIRE(count.ok());
        return *count;
    }
};

void ok(const Status& status) {
    INFO((status.ok() ? QString() : status.message()).toStdString());
    REQUIRE(status.ok());
}

} // namespace

TEST_CASE("Every control records its event and emits the new state at once, and a refusal emits nothing",
          "[console][session]") {
    Session s;
    DaySession& day = *s.session;
    QSignalSpy changed(&day, &DaySession::stateChanged);
    const auto emittedOnce = [&](DayStatus status, int block) {
        REQUIRE(changed.count() == 1);
        const auto state = qvariant_cast<DayState>(changed.takeFirst().at(0));
        CHECK(state.status == status);
        CHECK(state.blockIndex == block);
        CHECK(day.state().status == status);
        CHECK(day.state().blockIndex == block);
    };

    s.clock.setUtc(dayAt(10, 10));
    ok(day.startedAt(day.todayAt(QTime(10, 4))));
    emittedOnce(DayStatus::Running, 0);
    CHECK(day.state().actualStart == dayAt(10, 4));
    CHECK(day.face().text == QStringLiteral("09:00"));

    ok(day.pause());
    emittedOnce(DayStatus::Paused, 0);
    ok(day.togglePause());
    emittedOnce(DayStatus::Running, 0);
    ok(day.extend(1));
    emittedOnce(DayStatus::Running, 0);
    ok(day.extend(5));
    emittedOnce(DayStatus::Running, 0);
    CHECK(day.face().text == QStringLiteral("15:00"));
    ok(day.shorten(2));
    emittedOnce(DayStatus::Running, 0);
    CHECK(day.face().text == QStringLiteral("13:00"));
    s.clock.advanceMinutes(40); // the introductions run on to 10:50, 33 minutes over
    ok(day.next());
    emittedOnce(DayStatus::Running, 1);
    ok(day.next());
    emittedOnce(DayStatus::Running, 2); // the first questions block
    ok(day.nextTeam());
    emittedOnce(DayStatus::Running, 2);
    CHECK(day.state().current().turn == 1);
    ok(day.setTalker(DayEvent::Talker::Presenting));
    emittedOnce(DayStatus::Running, 2);
    ok(day.previous());
    emittedOnce(DayStatus::Running, 1);
    ok(day.jump(2));
    emittedOnce(DayStatus::Running, 2);

    // Late by now: the engine proposes, the facilitator accepts.
    const CatchUpProposal proposal = day.proposeCatchUp();
    REQUIRE_FALSE(proposal.isEmpty());
    ok(day.acceptCatchUp(proposal));
    emittedOnce(DayStatus::Running, 2);

    const int written = s.stored();
    CHECK(written == 13);
    // Refused: nothing written, nothing emitted, the engine's sentence returned.
    for (const Status& refused : {day.resume(), day.start(), day.jump(99), day.extend(-600)}) {
        CHECK_FALSE(refused.ok());
        CHECK(refused.error().kind == Error::Kind::InvalidInput);
        CHECK_FALSE(refused.message().isEmpty());
    }
    CHECK(changed.isEmpty());
    CHECK(s.stored() == written);

    ok(day.finish());
    emittedOnce(DayStatus::Finished, 2);
    CHECK_FALSE(day.next().ok());
    CHECK_FALSE(day.isTicking()); // a finished day never wakes
}

TEST_CASE("The timer wakes just after the next shown second, and only while the day runs",
          "[console][session]") {
    Session s;
    DaySession& day = *s.session;
    // Not started: no per-second tick, at most a wake at the next minute for the projection.
    CHECK(day.msUntilNextTick() > 1001);

    s.clock.setUtc(dayAt(10, 0));
    ok(day.start());
    CHECK(day.msUntilNextTick() <= 1001);
    CHECK(day.msUntilNextTick() >= 950);

    s.clock.advanceMs(400);
    day.refresh();
    CHECK(day.msUntilNextTick() <= 601);
    CHECK(day.msUntilNextTick() >= 550);
    CHECK(day.face().text == QStringLiteral("15:00"));

    s.clock.advanceMs(599);
    day.refresh();
    CHECK(day.face().text == QStringLiteral("15:00"));
    CHECK(day.msUntilNextTick() <= 2);
    s.clock.advanceMs(1);
    day.refresh();
    CHECK(day.face().text == QStringLiteral("14:59"));

    ok(day.pause());
    CHECK(day.msUntilNextTick() > 1001); // paused: the digits stand still
    ok(day.resume());
    CHECK(day.msUntilNextTick() <= 1001);
}

TEST_CASE("The session's own timer moves the countdown after the clock crosses a second",
          "[console][session]") {
    Session s;
    DaySession& day = *s.session;
    CountdownView view;
    view.observe(&day);
    s.clock.setUtc(dayAt(10, 0));
    ok(day.start());
    CHECK(view.shownText() == QStringLiteral("15:00"));

    QSignalSpy changed(&day, &DaySession::stateChanged);
    s.clock.advanceMs(1000); // the fake clock crosses; the real timer fires about a second later
    REQUIRE(changed.wait(2000));
    CHECK(view.shownText() == QStringLiteral("14:59"));
}

TEST_CASE("The two-minute and end signals fire once each as the block runs out", "[console][session]") {
    Session s;
    DaySession& day = *s.session;
    QSignalSpy signals(&day, &DaySession::countdownSignal);
    s.clock.setUtc(dayAt(10, 0));
    ok(day.start());
    for (int t = 0; t < 16 * 60; ++t) {
        s.clock.advanceSeconds(1);
        day.refresh();
    }
    REQUIRE(signals.count() == 2);
    CHECK(qvariant_cast<CountdownSignal>(signals.at(0).at(0)) == CountdownSignal::TwoMinutes);
    CHECK(qvariant_cast<CountdownSignal>(signals.at(1).at(0)) == CountdownSignal::End);
    ok(day.next());
    day.refresh();
    CHECK(signals.count() == 2);
}

TEST_CASE("Two views observing one session never disagree through a short day", "[console][session]") {
    Session s;
    DaySession& day = *s.session;
    CountdownView console;
    CountdownView miniature;
    console.resize(640, 300);
    miniature.resize(160, 80);
    console.observe(&day);
    miniature.observe(&day);
    console.show();
    miniature.show();

    const auto agree = [&](const QString& text, CountdownRole role) {
        CHECK(console.face() == day.face());
        CHECK(miniature.face() == day.face());
        CHECK(console.shownText() == text);
        CHECK(miniature.shownText() == text);
        CHECK(console.face().role == role);
        // Painting the face never fails, at either size.
        CHECK_FALSE(console.grab().isNull());
        CHECK_FALSE(miniature.grab().isNull());
    };
    agree(QStringLiteral("15:00"), CountdownRole::NotStarted);

    s.clock.setUtc(dayAt(10, 2));
    ok(day.start());
    agree(QStringLiteral("15:00"), CountdownRole::Normal);
    for (int i = 0; i < 3; ++i) {
        s.clock.advanceMs(1000);
        day.refresh();
    }
    agree(QStringLiteral("14:57"), CountdownRole::Normal);
    s.clock.advanceMs(12 * minute + 57 * 1000);
    day.refresh();
    agree(QStringLiteral("02:00"), CountdownRole::TwoMinutes);
    CHECK(console.face().flash);
    s.clock.advanceMs(2 * minute + 1000);
    day.refresh();
    agree(QStringLiteral("+00:01"), CountdownRole::Overrun);
    ok(day.pause());
    agree(QStringLiteral("+00:01"), CountdownRole::Paused);
    s.clock.advanceMinutes(4);
    day.refresh();
    agree(QStringLiteral("+00:01"), CountdownRole::Paused);
    CHECK(console.face().aheadBehind == QStringLiteral("6 min behind"));
    ok(day.resume());
    ok(day.extend(5));
    agree(QStringLiteral("04:59"), CountdownRole::Normal);
    ok(day.next()); // the presentation, 15 minutes
    agree(QStringLiteral("15:00"), CountdownRole::Normal);
    const int last = static_cast<int>(day.plan().timetable.blocks.size()) - 1;
    ok(day.jump(last));
    s.clock.advanceMinutes(10);
    day.refresh();
    agree(QStringLiteral("05:00"), CountdownRole::Normal);
    ok(day.finish());
    agree(QStringLiteral("05:00"), CountdownRole::Finished);

    // A view that starts observing late shows the same at once.
    CountdownView late;
    late.observe(&day);
    CHECK(late.face() == console.face());
}

TEST_CASE("After a restart the session resumes from the log at the right block with the time away counted",
          "[console][session]") {
    Session s;
    s.clock.setUtc(dayAt(10, 0));
    ok(s.session->start());
    s.clock.advanceMinutes(16);
    ok(s.session->next());
    s.clock.advanceMinutes(5); // 10:21: the presentation has 10 minutes left

    s.session.reset(); // the program is killed
    s.region.reopen();
    s.clock.advanceMinutes(3); // away for three minutes
    s.session = s.open();
    CountdownView view;
    view.observe(s.session.get());
    CHECK(s.session->state().status == DayStatus::Running);
    CHECK(s.session->state().blockIndex == 1);
    CHECK(view.shownText() == QStringLiteral("07:00"));
    CHECK(s.session->isTicking());

    // Another engine (the CLI, say) writes an event; reload reads it and the view follows.
    auto other = DayEngine::open(*s.region.db, s.clock, s.region.groupId, s.region.day().plan);
    REQUIRE(other.ok());
    REQUIRE((*other)->pause().ok());
    CHECK(s.session->state().status == DayStatus::Running);
    QSignalSpy signals(s.session.get(), &DaySession::countdownSignal);
    ok(s.session->reload());
    CHECK(s.session->state().status == DayStatus::Paused);
    CHECK(view.face().role == CountdownRole::Paused);
    CHECK(signals.isEmpty());
}
