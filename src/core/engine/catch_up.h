#pragma once

#include "engine/day_state.h"

#include <map>
#include <vector>

namespace balcony {

// How far the engine may go when it proposes to recover lost time.
struct CatchUpPolicy {
    int thresholdMinutes = 5;         // lateness up to this is ignored
    int questionsMinimumMinutes = 45; // a questions block is never trimmed below this
    int breakFloorMinutes = 5;        // tea and other breaks are never trimmed below this
    int lunchFloorMinutes = 30;       // nor lunch below this
};

struct CatchUpChange {
    int block = 0;
    int fromMinutes = 0;
    int toMinutes = 0;
};

// A suggestion, never applied by itself: the facilitator accepts it (DayEngine::acceptCatchUp, an
// event in the log) or ignores it.
struct CatchUpProposal {
    int lateMinutes = 0;        // the lateness it answers (whole minutes, rounded up)
    int recoveredMinutes = 0;   // what the changes win back
    int unrecoveredMinutes = 0; // what no allowed trim can win back
    std::vector<CatchUpChange> changes;

    bool isEmpty() const { return changes.empty(); }
    std::map<int, int> durations() const; // block index -> new minutes, as the event records it
};

// Pure: from the plan and the state at an instant. Works forward through the blocks still to come.
// A block the group pinned to a clock time (lunch, the plenary) keeps its time, so lateness before it
// is recovered from the blocks before it; lateness after the last pin is measured against the planned
// end of the day. In each stretch the questions blocks are trimmed first, in proportion to their
// planned length and never below the minimum; then the breaks, in proportion and never below their
// floors. Lateness within the threshold gives an empty proposal; so does a day not running.
CatchUpProposal proposeCatchUp(const DayPlan& plan, const DayState& state, const CatchUpPolicy& policy = {});

// Trims the candidate blocks by need minutes in proportion to their minutes, never below each
// block's floor; returns the minutes actually cut. Exposed for tests.
struct TrimCandidate {
    int block = 0;
    int minutes = 0;
    int floor = 0;
};
int trimInProportion(std::vector<TrimCandidate>& candidates, int need);

} // namespace balcony
