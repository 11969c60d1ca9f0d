#pragma once

#include "engine/day_event.h"
#include "engine/timetable.h"
#include "support/result.h"

#include <QDateTime>
#include <QTimeZone>
#include <vector>

namespace balcony {

// The zone in which a group's day is dated: the authorities meet in England, so "today" is the UK's
// date (Europe/London), whatever zone the facilitator's laptop is set to.
QTimeZone groupDayZone();

// What the live run is measured against: the group's timetable, in the time zone of its clock times:
// England's, like the date, so that a laptop set to (or moved to) another zone reads 10:00 as 10:00
// in England, before and after a restart.
struct DayPlan {
    Timetable timetable;
    QTimeZone zone = groupDayZone();
    QDate date; // the group's day in the schedule; invalid when the group has no date yet
};

enum class DayStatus { NotStarted, Running, Paused, Finished };
QString toKey(DayStatus status); // "not_started", "running", "paused", "finished"

// Who talked how long in one block, from the facilitator's taps.
struct TalkSplit {
    qint64 presentingMs = 0;
    qint64 visitingMs = 0;
    // The presenting team's share of the tapped talk time, 0..1; 1 when nothing was tapped yet.
    double presentingShare() const;
    // The guidance: the presenting team talks at least 80% of the time.
    bool meetsGuidance() const { return presentingShare() >= 0.8; }
};

// One visiting team's questioning time in a questions block against an equal share of the block.
struct TeamTurn {
    TimetableMember team;
    qint64 askedMs = 0;
    qint64 shareMs = 0; // the block's planned length divided by the number of visiting teams
};

struct BlockRecord {
    int plannedMinutes = 0; // the current plan: timetable, then extensions and accepted catch-ups
    QDateTime actualStart;  // UTC; invalid until the block first runs
    QDateTime actualEnd;    // UTC; invalid until the run leaves it (reopened by back or jump)
    qint64 activeMs = 0;    // running time spent in it, pauses excluded, over all visits
    TalkSplit talk;
    std::vector<TeamTurn> turns; // questions blocks only, in questioning order
    int turn = 0;                // index into turns of the team asking now
};

// The live day at one instant. A pure function of (plan, log, now): see computeDayState().
struct DayState {
    DayStatus status = DayStatus::NotStarted;
    QDateTime now;
    int blockIndex = 0;     // current block; the last one run when finished
    qint64 elapsedMs = 0;   // in the current block, pauses excluded
    qint64 remainingMs = 0; // planned minus elapsed; negative when over
    qint64 lateMs = 0;      // against the timetable at this instant: now minus where the plan says we'd be
    qint64 behindMs = 0;    // projected end minus planned end; negative when ahead
    QDateTime plannedStart; // UTC: the timetable's start on the day the run started (or today)
    QDateTime plannedEnd;
    QDateTime
        projectedEnd;      // if every remaining block runs as now planned (pinned blocks wait for their time)
    QDateTime actualStart; // invalid before start
    QDateTime actualEnd;   // invalid before finish
    QDateTime blockSince;  // UTC: when the current visit to the current block began, as corrected
    DayEvent::Talker talker = DayEvent::Talker::Nobody; // who is talking in the current block
    std::vector<BlockRecord> blocks;                    // one per timetable block
    int discardedRuns = 0; // earlier runs set aside by a discard; they count for nothing above

    const BlockRecord& current() const { return blocks.at(static_cast<size_t>(blockIndex)); }
    // The visiting team asking now; nullptr outside a questions block or before start.
    const TeamTurn* currentTurn() const;
};

// Replays the log against the plan up to now. Events are taken in order; a time earlier than the
// one before it (a wall clock set back) counts as that earlier event's time, and now earlier than the
// last event counts as the last event's time. Events that do not fit the state (which the engine
// never writes) are ignored, so a damaged log still gives an answer.
DayState computeDayState(const DayPlan& plan, const std::vector<DayEvent>& log, const QDateTime& now);

// Whether the event may be applied to the state; the Error (InvalidInput) says why not in words for
// the facilitator, such as "The day is paused: resume it before moving to the next block."
Status checkTransition(const DayPlan& plan, const DayState& state, const DayEvent& event);

// Whether a day started at atUtc would start on the group's day (plan.date, in groupDayZone()).
// Ok when it would, or when the group has no date. Otherwise InvalidInput, saying on which date the
// group meets and what today's date is, for a front end to ask for a confirmation (a rehearsal the
// evening before is the usual case). Only a new start is judged: the replay of a start already in
// the log is never refused for its date.
Status checkStartDate(const DayPlan& plan, const QDateTime& atUtc);

// Whether the current block may be recorded as having begun at startedUtc, earlier than the move
// into it was recorded ("we moved on two minutes ago"): a BlockStartCorrected event. Replayed, the
// move counts from startedUtc, so the running time since then belongs to the current block (its
// clock, its turns) and no longer to the one before; taps and turns recorded in between count from
// startedUtc too. Ok, or InvalidInput with a sentence for the facilitator, when the day is not live,
// startedUtc is later than now or not earlier than the recorded start, before the day started,
// before the previous block began, before a pause or resume recorded in the previous block, or when
// the current block is the first and was entered by the start (there is no block before it: a
// forgotten start is corrected with DayEngine::startedAt). Pure: log and now as for computeDayState.
Status checkBlockStartCorrection(const DayPlan& plan, const std::vector<DayEvent>& log, const QDateTime& now,
                                 const QDateTime& startedUtc);

// Whether the current run may be discarded, so that the day is as if never started. A run that
// started on another date than the group's day (a rehearsal, a test) may always be discarded,
// whatever happened in it, even a finish. A run that started on the group's day (or of a group
// without a date) may be discarded only while it has not gone beyond its first block: once the day
// has moved on, the log is the record of the real day. Refused (InvalidInput, a sentence for the
// facilitator) when there is no run. The confirmation is the front end's (CLI --yes, a dialog).
Status checkDiscard(const DayPlan& plan, const DayState& state);

// The UTC instant of a clock time (minutes after midnight, as the timetable counts them) on the plan's
// day for this state, read as that day's wall-clock time in plan.zone (so 10:00 is 10:00 on the
// Sundays the clocks change too; a time the clocks skip is moved on by the gap, as QDateTime does).
QDateTime planInstant(const DayPlan& plan, const DayState& state, int minuteOfDay);

} // namespace balcony
