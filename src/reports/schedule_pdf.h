#pragma once

#include "domain/types.h"
#include "support/result.h"

#include <QString>
#include <map>

namespace balcony {
class Database;
}

namespace balcony::reports {

// A group day's times as printed: "09:00-18:50", from the group's own timetable
// (engine/group_day.h plannedTimetable), by group id; a group whose day cannot be built is absent.
using DayTimes = std::map<qint64, QString>;

// Each group's times from its own planned timetable: the same times as the timetable and the
// invitations.
DayTimes scheduleDayTimes(Database& db, const CycleSchedule& schedule);

// Writes a printable A4 landscape PDF of a cycle's schedule (a table of the groups with their
// date, times, mode, venue, facilitator, presenting order and lead reviewers). A group missing from
// times prints "no timetable". The file is written atomically and owner-only
// (reports/file_writer.h); failures name the file and the reason, and leave an older file untouched.
Status writeSchedulePdf(const CycleSchedule& schedule, const DayTimes& times, const QString& path);

// Loads the cycle's schedule and times and writes its PDF: File > Export Printable Schedule and
// `balcony-cli export pdf`. Fails as ScheduleStore::load does, or as writeSchedulePdf.
Status exportSchedulePdf(Database& db, qint64 cycleId, const QString& path);

} // namespace balcony::reports
