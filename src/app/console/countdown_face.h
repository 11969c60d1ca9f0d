#pragma once

#include "engine/day_state.h"

#include <QString>
#include <QTimeZone>

// What a countdown shows, as a pure function of the day's state: the console, the presenter screen
// and its miniature draw this and nothing else, so they cannot disagree, and tests check it without
// pixels. QtCore only.
namespace balcony::gui {

// Which colour the digits take. The painter picks the colour for a role from the palette (light or
// dark), never from the state.
enum class CountdownRole {
    NotStarted, // the day has not started: the first block's length, calm
    Normal,     // running, more than two minutes left
    TwoMinutes, // running, two minutes or less left (from 02:00 shown down to 00:01)
    Overrun,    // running, the block's time is up (from 00:00 shown, then +00:01 ...)
    Paused,     // paused, over time or not
    Finished,   // the day is over: the last block's final reading
};

// A signal the room should notice: fired once when the countdown crosses the threshold.
enum class CountdownSignal { None, TwoMinutes, End };

struct CountdownFace {
    DayStatus status = DayStatus::NotStarted;
    int blockIndex = 0;
    // The whole second shown, rounded up as a countdown does: 1..N left, 0 at the end, negative
    // seconds over. It changes exactly when the remaining milliseconds cross a multiple of 1000.
    qint64 shownSeconds = 0;
    QString text;         // "14:59", "00:00", "+00:01", past an hour "1:05:00" or "+1:00:00"
    bool overrun = false; // text shows time over (+), paused or not
    CountdownRole role = CountdownRole::NotStarted;
    bool flash = false; // within the first flashSeconds after a signal's threshold, while running
    QString caption;    // "Not started", "Paused", "Over time", "Day finished"; empty when running on time
    QString projectedFinish; // "17:39" in the plan's zone; the actual end once finished
    QString aheadBehind;     // "On time", "4 min behind", "1 h 05 min ahead" (to the nearest minute)

    bool operator==(const CountdownFace&) const = default;
};

inline constexpr qint64 twoMinuteSignalSeconds = 120;
inline constexpr qint64 flashSeconds = 3;

// The face for the state at state.now; zone is the plan's (DayPlan::zone) for the clock times.
CountdownFace countdownFace(const DayState& state, const QTimeZone& zone);

// "14:59", "00:00", "+00:01", "1:05:00": shownSeconds as a countdown writes it.
QString countdownText(qint64 shownSeconds);
// "On time" within half a minute, else "N min behind|ahead", with hours past 59 minutes.
QString aheadBehindText(qint64 behindMs);
// What the console says when the computer's clock was changed during the run
// (DaySession::wallClockOffsetMs, to the nearest minute): "The computer's clock was changed by 30
// minutes; Balcony keeps the day's time." Empty for 0 (no change).
QString wallClockNotice(qint64 offsetMs);
// The second a countdown shows for remainingMs (rounded up; 0 from 0 to -999 ms).
qint64 shownSecondsFor(qint64 remainingMs);

// Milliseconds from state.now until the shown second next changes, 1..1000, while the day runs;
// -1 when the countdown does not move by itself (not started, paused, finished).
qint64 msUntilShownSecondChanges(const DayState& state);

// The signal to fire when the face goes from before to after: the two-minute signal when the shown
// second crosses 02:00 (from above to 02:00 or less but not yet at the end), the end signal when it
// crosses 00:00. Only within one block of a running day, so that moving to another block, a start,
// a resume or a restart never fires one; a countdown that skipped seconds (a stalled event loop)
// still fires. None otherwise.
CountdownSignal signalBetween(const CountdownFace& before, const CountdownFace& after);

// What the console shows of the questioning, from the state's turns and talk split (QtCore only).
// "Medway 12:40 of 23:20": the team's asking time so far against its equal share of the block, with
// "(1:10 over)" once past it.
QString turnBudgetText(const TeamTurn& turn);
// "Presenting team 83%, visiting teams 17%: meets the 80% guidance", "... below the 80% guidance";
// "Nothing tapped yet" before the first tap.
QString talkTallyText(const TalkSplit& talk);

} // namespace balcony::gui
