#pragma once

#include "domain/types.h"
#include "engine/day_plan_store.h"
#include "engine/day_state.h"
#include "support/result.h"

#include <optional>

namespace balcony {
class Database;

// Everything needed to show or run one group's day, loaded at once.
struct GroupDay {
    Cycle cycle;
    Group group;
    DayTemplate dayTemplate;
    GroupDayPlan groupPlan;
    DayPlan plan; // the timetable, in the system time zone
};

// A group's planned day: its template (the group's choice, else "triad" or "quartet" by its number
// of LAs), its own start (Group::start, else the template's), its own durations and pins.
// startOverride replaces the start for this answer only. This is the one source of a day's times:
// the timetable, the live day, the calendar invitations and the printable schedule all use it.
// InvalidInput names the group when it has fewer than two LAs or does not fit its template.
Result<Timetable> plannedTimetable(Database& db, const CycleSchedule& schedule, const Group& group,
                                   std::optional<QTime> startOverride = std::nullopt);

// Finds the group by cycle name and label, picks its template (the group's choice, else triad or
// quartet by size), applies its plan and builds the timetable. startOverride replaces the planned
// start (for "what if we start at 9:30"). Errors name the cycle or group that is missing, or say why
// the timetable cannot be built.
Result<GroupDay> loadGroupDay(Database& db, const QString& cycleName, const QString& groupLabel,
                              std::optional<QTime> startOverride = std::nullopt);

} // namespace balcony
