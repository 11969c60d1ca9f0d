#include "commands/generate_lead_reviewers.h"

#include "domain/schedule_store.h"
#include "scheduling/lead_reviewer_plan.h"

#include <algorithm>

namespace balcony::gui {

GenerateLeadReviewers::GenerateLeadReviewers(RegionDocument& document, qint64 cycleId,
                                             const QStringList& groupUids, const QString& text, quint64 seed)
    : ScheduleEdit(document, cycleId, groupUids, text)
    , m_groupUids(groupUids)
    , m_seed(seed) {}

Status GenerateLeadReviewers::perform(ScheduleStore& store, const GroupSnapshot& before) {
    auto schedule = store.load(cycleId());
    if (!schedule) {
        return schedule.error();
    }
    std::vector<qint64> wanted;
    for (const auto& uid : m_groupUids) {
        if (const Group* g = findGroup(before, uid)) {
            wanted.push_back(g->id);
        }
    }
    // The generator plans every group it is given; give it only the ones asked for.
    std::erase_if(schedule->groups, [&wanted](const Group& g) {
        return std::find(wanted.begin(), wanted.end(), g.id) == wanted.end();
    });
    if (schedule->groups.empty()) {
        return failure(Error::Kind::NotFound, tr("There is no group to generate lead reviewers for."));
    }
    PreviousReviewers previous;
    auto earlier = store.previousCycle(schedule->cycle);
    if (!earlier) {
        return earlier.error();
    }
    if (*earlier) {
        auto earlierGroups = store.groups((*earlier)->id);
        if (!earlierGroups) {
            return earlierGroups.error();
        }
        previous = reviewersOf(*earlierGroups);
    }
    const AssignmentPlan plan = planLeadReviewers(*schedule, previous, m_seed);
    int added = 0;
    int repeats = 0;
    QStringList notes;
    for (const auto& group : plan.groups) {
        if (group.outcome == GroupPlan::Outcome::NotFilled) {
            notes << tr("%1 was left as it is: %2").arg(group.label, group.reason);
            continue;
        }
        for (const auto& a : group.added) {
            if (auto set = store.setLeadReviewer(a.groupId, a.revieweeId, a.reviewerId); !set) {
                return set;
            }
            ++added;
        }
        repeats += group.repeats;
    }
    if (added == 0) {
        if (notes.isEmpty()) {
            notes << tr("Every authority already has a lead reviewer; clear one first to choose again.");
        }
        return failure(Error::Kind::Conflict, notes.join(QLatin1Char(' ')));
    }
    QString summary = added == 1 ? tr("Added 1 lead reviewer.") : tr("Added %1 lead reviewers.").arg(added);
    if (repeats > 0) {
        summary +=
            QLatin1Char(' ') +
            (repeats == 1
                 ? tr("One of them repeats last cycle's pairing: no other ring was possible.")
                 : tr("%1 of them repeat last cycle's pairings: no other ring was possible.").arg(repeats));
    }
    notes.prepend(summary);
    m_summary = notes.join(QLatin1Char(' '));
    return {};
}

} // namespace balcony::gui
