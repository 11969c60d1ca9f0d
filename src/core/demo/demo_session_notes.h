#pragma once

#include "support/result.h"

namespace balcony {
class Database;

// The demo region's finished days: groups 1 and 2 of cycle 2021-2022 with each LA's session
// captured (strengths, lines of enquiry by theme, ratings, insights, reactions, reflections, asks,
// offers and actions, all invented) and a session note in every state of the workflow: Surrey shared,
// Wokingham agreed after the DCS's amendment, Kent reopened and edited, East Sussex amended,
// Portsmouth sent and long overdue, Milton Keynes a draft. Times are fixed, in early 2022.
// Called by createDemoRegion inside its transaction; the region must hold the demo's roster and
// cycles.
Status addDemoSessionNotes(Database& db);

} // namespace balcony
