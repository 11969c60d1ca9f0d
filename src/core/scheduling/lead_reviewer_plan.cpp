#include "scheduling/lead_reviewer_plan.h"

#include "scheduling/conflict_of_interest.h"
#include "scheduling/findings.h"

#include <QStringList>
#include <algorithm>
#include <limits>
#include <numeric>
#include <random>

namespace balcony {
namespace {

using Reviewers = std::map<qint64, qint64>; // reviewee -> reviewer

// Every single cycle through the members: the first member stays first and the others are
// permuted, so a triad has 2 rings and a quartet 6, each direction counted once. In a ring each LA
// reviews the next one and the last reviews the first.
std::vector<Reviewers> ringsThrough(const std::vector<qint64>& members) {
    std::vector<std::size_t> rest(members.size() - 1);
    std::iota(rest.begin(), rest.end(), std::size_t{1});
    std::vector<Reviewers> rings;
    do {
        std::vector<qint64> order{members.front()};
        for (std::size_t i : rest) {
            order.push_back(members[i]);
        }
        Reviewers ring;
        for (std::size_t i = 0; i < order.size(); ++i) {
            ring[order[(i + 1) % order.size()]] = order[i];
        }
        rings.push_back(std::move(ring));
    } while (std::next_permutation(rest.begin(), rest.end()));
    return rings;
}

bool extends(const Reviewers& ring, const Reviewers& existing) {
    for (const auto& [reviewee, reviewer] : existing) {
        if (ring.at(reviewee) != reviewer) {
            return false;
        }
    }
    return true;
}

// Why the user's own assignments rule out every ring, when one of them can be named; empty when the
// reason is only the shape they make together.
QString whyExistingBlock(const CycleSchedule& s, const Group& group, const std::vector<qint64>& members,
                         const Reviewers& existing) {
    std::map<qint64, qint64> revieweeOf;
    for (qint64 reviewee : members) {
        auto found = existing.find(reviewee);
        if (found == existing.end()) {
            continue;
        }
        const qint64 reviewer = found->second;
        const QString name = s.authorityName(reviewee);
        if (reviewer == reviewee) {
            return QStringLiteral("%1 is down as its own lead reviewer; correct that assignment first.")
                .arg(name);
        }
        if (std::find(members.begin(), members.end(), reviewer) == members.end()) {
            return QStringLiteral("%1's lead reviewer, %2, is not in %3; correct that assignment first.")
                .arg(name, s.authorityName(reviewer), checks::groupName(group.label, false));
        }
        if (const PastPost* post = conflictOfInterest(s, reviewer, reviewee)) {
            return QStringLiteral(
                       "%1 is set as the lead reviewer of %2, but %3; change that assignment first.")
                .arg(s.authorityName(reviewer), name, describeConflict(s, reviewer, reviewee, *post));
        }
        auto [other, isFirst] = revieweeOf.emplace(reviewer, reviewee);
        if (!isFirst) {
            return QStringLiteral("%1 is already the lead reviewer of both %2 and %3; each DCS leads exactly "
                                  "one review.")
                .arg(s.authorityName(reviewer), s.authorityName(other->second), name);
        }
        auto back = existing.find(reviewer);
        if (back != existing.end() && back->second == reviewee) {
            return QStringLiteral("%1 and %2 already review each other, which no single ring through the "
                                  "group can include.")
                .arg(s.authorityName(reviewer), name);
        }
    }
    return {};
}

int repeatsIn(const Reviewers& ring, const Reviewers& existing, const PreviousReviewers& previous) {
    int repeats = 0;
    for (const auto& [reviewee, reviewer] : ring) {
        auto before = previous.find(reviewee);
        if (!existing.contains(reviewee) && before != previous.end() && before->second == reviewer) {
            ++repeats;
        }
    }
    return repeats;
}

std::mt19937_64 engineFor(quint64 seed, qint64 groupId) {
    // Seeded from the group too, so that one group's choice does not depend on the others'.
    const auto id = static_cast<quint64>(groupId);
    std::seed_seq sequence{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32),
                           static_cast<std::uint32_t>(id), static_cast<std::uint32_t>(id >> 32)};
    return std::mt19937_64(sequence);
}

GroupPlan notFilled(GroupPlan plan, QString reason) {
    plan.outcome = GroupPlan::Outcome::NotFilled;
    plan.reason = std::move(reason);
    return plan;
}

GroupPlan planGroup(const CycleSchedule& s, const Group& group, const PreviousReviewers& previous,
                    quint64 seed) {
    GroupPlan plan;
    plan.groupId = group.id;
    plan.label = group.label;
    const auto members = checks::distinctMembers(group);
    if (members.size() != group.members.size()) {
        return notFilled(plan, QStringLiteral("An LA is listed more than once in %1; correct the "
                                              "membership first.")
                                   .arg(checks::groupName(group.label, false)));
    }
    const std::size_t n = members.size();
    if (n < 3 || n > 4) {
        return notFilled(plan, QStringLiteral("%1 has %2 LA%3; lead reviewers are assigned only in "
                                              "groups of 3 or 4.")
                                   .arg(checks::groupName(group.label, true), QString::number(n),
                                        n == 1 ? QString() : QStringLiteral("s")));
    }
    Reviewers existing;
    for (const auto& m : group.members) {
        if (m.leadReviewerId != 0) {
            existing[m.authorityId] = m.leadReviewerId;
        }
    }
    if (existing.size() == n) {
        plan.outcome = GroupPlan::Outcome::AlreadyAssigned;
        return plan;
    }
    if (QString why = whyExistingBlock(s, group, members, existing); !why.isEmpty()) {
        return notFilled(plan, why);
    }

    std::vector<Reviewers> compatible;
    for (auto& ring : ringsThrough(members)) {
        if (extends(ring, existing)) {
            compatible.push_back(std::move(ring));
        }
    }
    if (compatible.empty()) {
        return notFilled(plan, QStringLiteral("The assignments already made in %1 cannot be part of a "
                                              "single ring through all %2 LAs; clear one of them first.")
                                   .arg(checks::groupName(group.label, false), QString::number(n)));
    }

    std::vector<Reviewers> valid;
    QStringList conflicts;
    for (auto& ring : compatible) {
        bool clean = true;
        for (const auto& [reviewee, reviewer] : ring) {
            if (const PastPost* post = conflictOfInterest(s, reviewer, reviewee)) {
                clean = false;
                const QString why = describeConflict(s, reviewer, reviewee, *post);
                if (!conflicts.contains(why)) {
                    conflicts << why;
                }
            }
        }
        if (clean) {
            valid.push_back(std::move(ring));
        }
    }
    if (valid.empty()) {
        conflicts.sort();
        return notFilled(
            plan, QStringLiteral("Every ring through %1 would create a conflict of "
                                 "interest: %2.")
                      .arg(checks::groupName(group.label, false), conflicts.join(QStringLiteral("; "))));
    }

    int fewest = std::numeric_limits<int>::max();
    std::vector<const Reviewers*> best;
    for (const auto& ring : valid) {
        const int repeats = repeatsIn(ring, existing, previous);
        if (repeats < fewest) {
            fewest = repeats;
            best.clear();
        }
        if (repeats == fewest) {
            best.push_back(&ring);
        }
    }
    auto engine = engineFor(seed, group.id);
    // Modulo rather than a distribution: std distributions differ between standard libraries, and
    // the same seed should give the same plan everywhere.
    const Reviewers& chosen = *best[static_cast<std::size_t>(engine() % best.size())];

    plan.outcome = GroupPlan::Outcome::Filled;
    plan.repeats = fewest;
    for (qint64 reviewee : members) {
        if (!existing.contains(reviewee)) {
            plan.added.push_back({group.id, reviewee, chosen.at(reviewee)});
        }
    }
    return plan;
}

} // namespace

bool AssignmentPlan::complete() const {
    return std::none_of(groups.begin(), groups.end(),
                        [](const GroupPlan& g) { return g.outcome == GroupPlan::Outcome::NotFilled; });
}

std::vector<LeadAssignment> AssignmentPlan::added() const {
    std::vector<LeadAssignment> all;
    for (const auto& g : groups) {
        all.insert(all.end(), g.added.begin(), g.added.end());
    }
    return all;
}

AssignmentPlan planLeadReviewers(const CycleSchedule& schedule, const PreviousReviewers& previous,
                                 quint64 seed) {
    AssignmentPlan plan;
    for (const auto& group : schedule.groups) {
        plan.groups.push_back(planGroup(schedule, group, previous, seed));
    }
    return plan;
}

PreviousReviewers reviewersOf(const std::vector<Group>& groups) {
    PreviousReviewers reviewers;
    for (const auto& group : groups) {
        for (const auto& m : group.members) {
            if (m.leadReviewerId != 0) {
                reviewers[m.authorityId] = m.leadReviewerId;
            }
        }
    }
    return reviewers;
}

} // namespace balcony
