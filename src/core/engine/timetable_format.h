#pragma once

#include "engine/day_state.h"
#include "engine/timetable.h"

#include <QJsonObject>
#include <QString>

namespace balcony {

// Tab-separated: a header "start\tend\tblock\tla", then one line per block with HH:MM times, the
// block's kind key and the presenting LA (empty for shared blocks). Lines end with \n.
QString timetableTsv(const Timetable& timetable);

// A readable table for a terminal: times, title, presenting LA and lead reviewer, with warnings.
QString timetableText(const Timetable& timetable);

// Every field of every block, for scripts and other programs.
QJsonObject timetableJson(const Timetable& timetable);

// The live state for scripts and the GUI: block_index, block (kind), title, la, status, paused,
// elapsed_s, remaining_s, late_s, behind_s, projected_end (local HH:MM), projected_end_utc,
// turn (the asking team), turns, talk split. Times in the plan's zone.
QJsonObject dayStateJson(const DayPlan& plan, const DayState& state);

// "1:05", "-0:42", "1:10:00": minutes and seconds (hours when needed), sign when negative.
// Whole seconds towards minus infinity; a countdown passes countdown = true to round up instead,
// so that it shows 15:00 until a whole second has gone.
QString durationText(qint64 ms, bool countdown = false);

} // namespace balcony
