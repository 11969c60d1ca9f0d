#pragma once

#include "support/result.h"

namespace balcony {
class Database;

// Marks a few of the demo's 2022-2023 items for the regional report (outcomes/report_marks.h), so that
// the demo's report has best practice and common systemic issues to show: some of the cycle's asks
// and offers (demo_outcomes.cpp), found by LA and text, so it runs after them. Adds two groups'
// plenary answers too, so that the report's plenary has something to show.
Status markDemoItemsForReport(Database& db, qint64 cycleId);

} // namespace balcony
