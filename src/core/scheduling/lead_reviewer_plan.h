#pragma once

#include "domain/types.h"

#include <QString>
#include <map>
#include <vector>

namespace balcony {

// The DCS of `reviewerId` is the lead reviewer of `revieweeId`, in group `groupId`.
struct LeadAssignment {
    qint64 groupId = 0;
    qint64 revieweeId = 0;
    qint64 reviewerId = 0;

    friend bool operator==(const LeadAssignment&, const LeadAssignment&) = default;
};

// Reviewee -> its lead reviewer in the previous cycle.
using PreviousReviewers = std::map<qint64, qint64>;

// What the generator decided for one group.
struct GroupPlan {
    enum class Outcome {
        AlreadyAssigned, // every LA had a lead reviewer; nothing added
        Filled,          // the missing assignments were added (see `added`)
        NotFilled,       // left untouched; `reason` says why
    };

    qint64 groupId = 0;
    QString label;
    Outcome outcome = Outcome::NotFilled;
    std::vector<LeadAssignment> added; // new assignments only, reviewees in presenting order
    int repeats = 0;                   // added assignments that repeat the previous cycle's reviewer
    QString reason;                    // plain words; empty unless NotFilled
};

struct AssignmentPlan {
    std::vector<GroupPlan> groups; // in the snapshot's group order

    bool complete() const; // no group was left unfilled
    std::vector<LeadAssignment> added() const;
};

// Fills the missing lead-reviewer assignments of every group, as a pure function (the GUI previews
// with it; LeadReviewerService writes its result).
//
// Within a group of 3 or 4 LAs the result is one single ring through all of them (A reviews B,
// B reviews C, ..., the last reviews A), so there are no mutual pairs. Assignments already made are
// never changed: the ring must extend them. No ring gives a DCS an authority where they held a post
// (a conflict of interest, user's assignments included). Among the valid rings the one with the
// fewest repeats of `previous` wins; ties are broken by `seed`, so the same seed on the same schedule
// always gives the same plan. A group that is too small or too large, or for which no valid ring
// exists, is left untouched with the reason.
AssignmentPlan planLeadReviewers(const CycleSchedule& schedule, const PreviousReviewers& previous,
                                 quint64 seed);

// Reviewee -> reviewer over a cycle's groups (the previous cycle, for planLeadReviewers).
PreviousReviewers reviewersOf(const std::vector<Group>& groups);

} // namespace balcony
