#pragma once

#include "engine/day_state.h"
#include "support/result.h"

#include <QDateTime>

namespace balcony {
class Database;

// What opening a region needs to know to resume a live day after a crash, a kill, a reboot or a
// suspend (docs/guide-facilitator.md, "When Balcony was closed during a day").
//
// Balcony keeps no separate heartbeat: everything it writes during a day is committed as it happens
// (each control is a day event, typing is saved within a second of stopping), so the last thing in
// the database is the program's last sign of life. lastRecordedUtc is the later of the group's last
// day event and the last saved note revision of that group (any item, any LA), both in UTC. The time
// "away" is from then to now: exact when the facilitator was typing or pressing a control when the
// program stopped, and otherwise an upper bound (a quiet stretch before the crash counts as away).
struct DayResume {
    QDateTime lastRecordedUtc; // invalid when the group has no event and no note
    qint64 awayMs = 0;         // nowUtc - lastRecordedUtc, never negative (a clock set back reads 0)
};

// The latest record of the group's day, as above. Fails only when the database cannot be read.
Result<DayResume> dayResume(Database& db, qint64 groupId, const QDateTime& nowUtc);

// Whether a group's day is live today: started and neither finished nor discarded (running or
// paused), and either planned for today or started today (a rehearsal on another date), both by the
// UK's date (groupDayZone()) at state.now. A day started on an earlier date and never finished is
// not live (yesterday's unfinished day must not take over the window); state is the day's state at
// the clock's now (computeDayState).
bool isLiveToday(const DayPlan& plan, const DayState& state);

} // namespace balcony
