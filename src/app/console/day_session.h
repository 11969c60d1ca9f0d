#pragma once

#include "console/countdown_face.h"
#include "engine/catch_up.h"
#include "engine/day_engine.h"
#include "support/result.h"

#include <QObject>
#include <QTimer>
#include <memory>

namespace balcony {
class Clock;
class Database;
} // namespace balcony

namespace balcony::gui {

// One group's live day in the desktop program: the one object that owns the day engine, reads the
// one Clock and runs the one timer. The console, the presenter screen and its miniature only observe
// it (stateChanged), so they can never show different days or different seconds.
//
// Controls call the engine, which checks the transition and commits the event to the day's log
// before it answers; each returns the engine's Status, so that a front end can show a refusal in the
// engine's own words (nothing is written then, and no signal is emitted). Day events are never put on
// an undo stack: "back" is itself an event.
//
// The timer is single-shot and re-armed after every update for the instant, computed from the clock,
// just after the shown second next changes (msUntilShownSecondChanges + 1 ms), so that the digits
// turn within a millisecond or two of the true boundary without polling. While the day is paused or
// not started the countdown stands still and there is no per-second tick; one wake a minute (at the
// minute boundary of the projected finish) keeps the projected finish and ahead/behind true, since
// they move while the day waits. A finished day never wakes.
//
// Borrows the Database and the Clock, which must outlive it. Single-threaded (the GUI thread).
class DaySession final : public QObject {
    Q_OBJECT

public:
    // Opens the engine on the group's log (reads it; fails when the database cannot be read).
    static Result<std::unique_ptr<DaySession>> open(Database& db, const Clock& clock, qint64 groupId,
                                                    DayPlan plan, QObject* parent = nullptr);
    ~DaySession() override;

    const DayPlan& plan() const { return m_engine->plan(); }
    qint64 groupId() const { return m_groupId; }
    // The state last emitted (or computed at open/reload); refresh() brings it to now.
    const DayState& state() const { return m_state; }
    CountdownFace face() const { return countdownFace(m_state, plan().zone); }
    QDateTime now() { return m_engine->now(); } // the day's clock (see AnchoredClock)
    // Non-zero when the computer's clock was changed during the run: the day keeps its own time.
    qint64 wallClockOffsetMs() const { return m_engine->wallClockOffsetMs(); }
    // The UTC instant of a clock time today in the plan's zone ("Started at 10:04").
    QDateTime todayAt(const QTime& time);

    // Milliseconds until the timer next wakes the session, or -1 when it is not armed.
    int msUntilNextTick() const;
    bool isTicking() const { return m_timer.isActive(); }

    Status start(DayEngine::OtherDate otherDate = DayEngine::OtherDate::Refuse);
    Status startedAt(const QDateTime& startedUtc,
                     DayEngine::OtherDate otherDate = DayEngine::OtherDate::Refuse);
    Status pause();
    Status resume();
    Status togglePause();        // pause when running, resume when paused
    Status extend(int minutes);  // +1, +5: more time for the current block
    Status shorten(int minutes); // takes minutes off the current block
    Status next();
    Status previous();
    Status jump(int blockIndex);
    Status finish();
    Status nextTeam(); // the next visiting team asks
    Status setTalker(DayEvent::Talker talker);
    // "We moved on two minutes ago": the current block really began at startedUtc, or minutes
    // earlier than recorded (DayEngine::blockBeganAt, blockBeganEarlier).
    Status blockBeganAt(const QDateTime& startedUtc);
    Status blockBeganEarlier(int minutes);
    CatchUpProposal proposeCatchUp(const CatchUpPolicy& policy = {});
    Status acceptCatchUp(const CatchUpProposal& proposal);

    // Reads the log again from the database (a resume after a restart, or another writer) and emits.
    Status reload();

public Q_SLOTS:
    // Recomputes the state at now and emits it; re-arms the timer. The timer calls this; tests on a
    // fake clock call it after moving the clock.
    void refresh();

Q_SIGNALS:
    void stateChanged(const balcony::DayState& state);
    // Once per crossing of a threshold (see signalBetween), for a flash or a sound.
    void countdownSignal(balcony::gui::CountdownSignal signal);

private:
    DaySession(Database& db, const Clock& clock, qint64 groupId, std::unique_ptr<DayEngine> engine,
               QObject* parent);
    Status apply(const Result<DayState>& result);
    void publish(DayState state);
    void arm();

    Database& m_db;
    const Clock& m_clock;
    qint64 m_groupId;
    std::unique_ptr<DayEngine> m_engine;
    DayState m_state;
    CountdownFace m_face;
    QTimer m_timer;
};

} // namespace balcony::gui
