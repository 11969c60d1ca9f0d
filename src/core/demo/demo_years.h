#pragma once

#include "support/result.h"

namespace balcony {
class Database;

// The demo region's earlier years, so that "Over the years" (docs/guide-outcomes.md) has three
// years to show: cycles 2019-2020 and 2020-2021, each with one triad of the LAs of 2021-2022's
// group 1 (Surrey, Wokingham, Kent), their sessions captured (strengths at the affirmation, the
// DCS's focus themes, lines of enquiry by theme) and their session notes agreed (Surrey's shared).
// Surrey raises workforce in all three years and budget in the last two; Wokingham practice
// leadership in the last two; Kent's reopened 2021-2022 note shows what a note not agreed leaves
// out. No lead-reviewer assignment repeats from one year to the next. Every text is invented and
// every time fixed, so the demo is the same on every computer.
// Called by createDemoRegion inside its transaction, after the demo's roster, cycles and notes.
Status addDemoYears(Database& db);

} // namespace balcony
