#pragma once

#include "engine/catch_up.h"
#include "engine/clock.h"
#include "engine/day_event.h"
#include "engine/day_state.h"
#include "support/result.h"

#include <memory>
#include <vector>

namespace balcony {
class Database;

// Runs one group's day. Every command checks the transition against the state now, appends one
// event to the log in its own committed transaction, and only then reports success with the new
// state; a refused command (Error::Kind::InvalidInput, a sentence for the facilitator) or a failed
// write (Storage, ...) leaves the log and the in-memory state unchanged.
//
// The state is never kept: state() replays the log against now every time, so a countdown drawn
// from it cannot drift, and a new engine on the same database after a crash lands exactly where the
// day is, with the time that passed while the program was down counted.
//
// Borrows the Database and the Clock, which must outlive it. Not thread-safe; use it from one thread.
class DayEngine final {
public:
    // Reads the group's log. Fails when the database cannot be read.
    static Result<std::unique_ptr<DayEngine>> open(Database& db, const Clock& clock, qint64 groupId,
                                                   DayPlan plan);

    DayEngine(const DayEngine&) = delete;
    DayEngine& operator=(const DayEngine&) = delete;

    const DayPlan& plan() const { return m_plan; }
    const Timetable& timetable() const { return m_plan.timetable; }
    qint64 groupId() const { return m_groupId; }
    const std::vector<DayEvent>& events() const { return m_events; }

    QDateTime now(); // the day's clock: boot-time, anchored to UTC; counts a suspend, not a clock change
    // How far the computer's wall clock is from the day's clock (ms, positive: set forward), as of the
    // last now(); 0 unless it was changed during this run (see AnchoredClock).
    qint64 wallClockOffsetMs() const { return m_clock.wallClockOffsetMs(); }
    DayState state();
    DayState stateAt(const QDateTime& utc) const;

    // Whether a start on a date other than the group's day (checkStartDate) goes ahead.
    enum class OtherDate { Refuse, Confirmed };

    // Refused (InvalidInput, checkStartDate's sentence) when today is not the group's day, unless the
    // facilitator confirmed it (a rehearsal the evening before, say); the check is the same for
    // every front end.
    Result<DayState> start(OtherDate otherDate = OtherDate::Refuse);
    // The facilitator forgot to start the clock: the day really started at startedUtc, earlier than
    // now ("Started at 10:04"). Recorded as the start event with that time, so the record, the
    // block's elapsed time and the projection are true. Refused (InvalidInput) when startedUtc is
    // later than now, earlier than the last event in the log (a start cannot precede a discard
    // already recorded), or more than maxStartCorrectionHours before now (a mistyped time, not a
    // forgotten clock); otherwise as start(), the date judged at startedUtc.
    Result<DayState> startedAt(const QDateTime& startedUtc, OtherDate otherDate = OtherDate::Refuse);
    static constexpr int maxStartCorrectionHours = 12;
    // Sets the current run aside with a Discarded event, after checkDiscard(): the day is then as if
    // never started (state() is not started, start() works and times the day from the new start).
    // The run's events stay in the log; notes captured meanwhile are untouched. The front end asks
    // for the confirmation first.
    Result<DayState> discard();
    // Whether discard() would be allowed now, and if not why.
    Status canDiscard();
    Result<DayState> pause();
    Result<DayState> resume();
    Result<DayState> extend(int minutes); // negative shortens the current block
    Result<DayState> next();
    Result<DayState> back();
    Result<DayState> jump(int blockIndex);
    Result<DayState> finish();
    Result<DayState> nextTurn(); // the next visiting team asks (questions blocks only)
    Result<DayState> setTalker(DayEvent::Talker talker);
    // "We moved on two minutes ago": the current block really began at startedUtc, earlier than
    // the move into it was recorded. Recorded as a BlockStartCorrected event after
    // checkBlockStartCorrection() (which says what is refused and why); the block's clock, the
    // block before it, the record and the projection then count from startedUtc.
    Result<DayState> blockBeganAt(const QDateTime& startedUtc);
    // The same, minutes (1 or more) earlier than the current block's start as now recorded
    // (DayState::blockSince).
    Result<DayState> blockBeganEarlier(int minutes);

    CatchUpProposal proposeCatchUp(const CatchUpPolicy& policy = {});
    // Records the proposal's new durations; refused when it is empty or names blocks already run.
    Result<DayState> acceptCatchUp(const CatchUpProposal& proposal);

private:
    DayEngine(Database& db, const Clock& clock, qint64 groupId, DayPlan plan);
    // at: the event's time; invalid for now. A time before the last event counts as that event's.
    Result<DayState> record(DayEvent event, QDateTime at = {});

    Database& m_db;
    AnchoredClock m_clock;
    qint64 m_groupId;
    DayPlan m_plan;
    std::vector<DayEvent> m_events;
};

} // namespace balcony
