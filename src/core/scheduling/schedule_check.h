#pragma once

#include "domain/types.h"
#include "support/problem.h"

#include <QDate>

namespace balcony {

// Every error and warning about one cycle's schedule, as a pure function of the snapshot:
// membership (an LA in two groups, group sizes, duplicate groups), calendar (dates outside the
// cycle, a facilitator booked twice on a day, no facilitator or venue), lead reviewers (none, two,
// self, from outside the group, a DCS leading zero or several reviews, conflicts of interest,
// mutual pairs) and self-assessments that are missing or overdue on `today` (skipped when today is
// invalid).
//
// Each problem carries the group label and the id of what it is about (group, authority or
// person) so that a view can jump to it. Order is stable: cycle-wide problems first, then by group
// (date, then label), then by rule, then by presenting order.
Problems checkSchedule(const CycleSchedule& schedule, const QDate& today);

} // namespace balcony
