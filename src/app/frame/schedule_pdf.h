#pragma once

#include "domain/types.h"
#include "support/result.h"

#include <QString>
#include <map>

namespace balcony::gui {

// A group day's times as printed: "09:00-18:50", from the group's own timetable
// (engine/group_day.h plannedTimetable), by group id; a group whose day cannot be built is absent.
using DayTimes = std::map<qint64, QString>;

// Writes a printable A4 landscape PDF of a cycle's schedule (a table of the groups with their
// date, times, mode, venue, facilitator, presenting order and lead reviewers). A group missing from
// times prints "no timetable". Fails with the path and the reason when the file cannot be written.
Status writeSchedulePdf(const CycleSchedule& schedule, const DayTimes& times, const QString& path);

} // namespace balcony::gui
