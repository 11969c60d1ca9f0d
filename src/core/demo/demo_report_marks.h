#pragma once

#include "support/result.h"

namespace balcony {
class Database;

// Marks a few of the demo's 2022-2023 items for the regional report (outcomes/report_marks.h), so that
// the demo's report has best practice and common systemic issues to show. Runs after the demo's
// outcomes and session notes, whose items it marks by LA and text.
Status markDemoItemsForReport(Database& db, qint64 cycleId);

} // namespace balcony
