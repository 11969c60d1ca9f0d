#pragma once

#include "domain/types.h"
#include "support/result.h"

#include <QString>

namespace balcony::gui {

// Writes a printable A4 landscape PDF of a cycle's schedule (a table of the groups with their
// date, mode, venue, facilitator, presenting order and lead reviewers). Fails with the path and
// the reason when the file cannot be written.
Status writeSchedulePdf(const CycleSchedule& schedule, const QString& path);

} // namespace balcony::gui
