#include "commands/set_lead_reviewer.h"

#include "domain/schedule_store.h"
#include "scheduling/conflict_of_interest.h"

namespace balcony::gui {

SetLeadReviewer::SetLeadReviewer(RegionDocument& document, qint64 cycleId, const QString& groupUid,
                                 qint64 revieweeId, qint64 reviewerId, const QString& revieweeName)
    : ScheduleEdit(document, cycleId, {groupUid},
                   reviewerId == 0 ? tr("Clear the lead reviewer of %1").arg(revieweeName)
                                   : tr("Change the lead reviewer of %1").arg(revieweeName))
    , m_groupUid(groupUid)
    , m_revieweeId(revieweeId)
    , m_reviewerId(reviewerId) {}

Status SetLeadReviewer::perform(ScheduleStore& store, const GroupSnapshot& before) {
    const Group* group = findGroup(before, m_groupUid);
    if (!group) {
        return failure(Error::Kind::NotFound,
                       tr("The group no longer exists; the board has been refreshed."));
    }
    if (m_reviewerId != 0 && m_reviewerId != m_revieweeId) {
        auto schedule = store.load(cycleId());
        if (!schedule) {
            return schedule.error();
        }
        if (const PastPost* post = conflictOfInterest(*schedule, m_reviewerId, m_revieweeId)) {
            return failure(Error::Kind::Conflict,
                           tr("%1 cannot be the lead reviewer of %2: %3. Choose another lead reviewer.")
                               .arg(schedule->authorityName(m_reviewerId),
                                    schedule->authorityName(m_revieweeId),
                                    describeConflict(*schedule, m_reviewerId, m_revieweeId, *post)));
        }
    }
    return store.setLeadReviewer(group->id, m_revieweeId, m_reviewerId);
}

} // namespace balcony::gui
