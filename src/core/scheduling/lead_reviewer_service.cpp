#include "scheduling/lead_reviewer_service.h"

#include "domain/schedule_store.h"
#include "store/transaction.h"
#include "support/logging.h"

namespace balcony {

Result<AssignmentPlan> LeadReviewerService::preview(qint64 cycleId, quint64 seed) const {
    ScheduleStore store(m_db);
    auto schedule = store.load(cycleId);
    if (!schedule) {
        return schedule.error();
    }
    auto previous = store.previousCycle(schedule->cycle);
    if (!previous) {
        return previous.error();
    }
    PreviousReviewers before;
    if (previous->has_value()) {
        auto groups = store.groups((*previous)->id);
        if (!groups) {
            return groups.error();
        }
        before = reviewersOf(*groups);
    }
    return planLeadReviewers(*schedule, before, seed);
}

Result<AssignmentPlan> LeadReviewerService::assign(qint64 cycleId, quint64 seed) {
    // Planned inside the transaction, so that what is written matches what was read.
    Transaction tx(m_db);
    if (!tx.isActive()) {
        return tx.error();
    }
    auto plan = preview(cycleId, seed);
    if (!plan) {
        return plan.error();
    }
    ScheduleStore store(m_db);
    for (const auto& a : plan->added()) {
        if (auto written = store.setLeadReviewer(a.groupId, a.revieweeId, a.reviewerId); !written) {
            return written.error();
        }
    }
    if (auto committed = tx.commit(); !committed) {
        return committed.error();
    }
    logging::get("scheduling")
        ->info("Assigned {} lead reviewer(s) in cycle {}", plan->added().size(), cycleId);
    return plan;
}

} // namespace balcony
