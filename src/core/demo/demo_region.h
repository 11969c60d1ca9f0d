#pragma once

#include "support/result.h"

namespace balcony {
class Database;

// Fills an empty region database with a made-up but realistic South East region: the 19 local
// authorities of the 2022-2023 peer challenge table with invented post holders (example.org-style
// addresses, never real people), two facilitators and a project manager, the 2022-2023 cycle with
// its six groups and lead reviewers as published, and an invented 2021-2022 cycle before it.
//
// The 2022-2023 table's typo is kept on purpose (group 5 dated 31/01/2022, outside the cycle) so
// that `check` has something to show. Self-assessments are in mixed states, and one DCS once worked
// for an authority in their own group, which becomes a conflict of interest if reassigned. Groups 1
// and 2 of 2021-2022 had their day, with session notes in every state (demo_session_notes.h).
// Two small earlier cycles, 2019-2020 and 2020-2021, give group 1's LAs three years (demo_years.h).
//
// Refuses (Error::Kind::Conflict, nothing written) a database that already has authorities. Writes
// everything in one transaction: on any failure nothing is left behind.
Status createDemoRegion(Database& db);

} // namespace balcony
