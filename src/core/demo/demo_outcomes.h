#pragma once

#include "support/result.h"

namespace balcony {
class Database;

// The demo region's outcomes (docs/guide-outcomes.md): asks and offers of the 2022-2023 days with
// tags from the support menu and one confirmed match, each group's ranked priorities (some said by
// several groups), and action plans with RAG ratings, one of them red, one overdue, and an open
// 2021-2022 action of Wokingham's carried into 2022-2023. Every text is invented. Stamped with a
// fixed time (20 March 2023), so the demo is the same on every computer. Runs inside the caller's
// transaction (createDemoRegion's); on failure the caller rolls everything back.
Status addDemoOutcomes(Database& db, qint64 previousCycleId, qint64 currentCycleId);

} // namespace balcony
