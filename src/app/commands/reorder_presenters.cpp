#include "commands/reorder_presenters.h"

#include "domain/schedule_store.h"

#include <algorithm>

namespace balcony::gui {

ReorderPresenters::ReorderPresenters(RegionDocument& document, qint64 cycleId, const QString& groupUid,
                                     const QString& groupLabel, std::vector<qint64> authorityIdsInOrder)
    : ScheduleEdit(document, cycleId, {groupUid}, tr("Reorder presenters of %1").arg(groupLabel))
    , m_groupUid(groupUid)
    , m_order(std::move(authorityIdsInOrder)) {}

Status ReorderPresenters::perform(ScheduleStore& store, const GroupSnapshot& before) {
    const Group* group = findGroup(before, m_groupUid);
    if (!group) {
        return failure(Error::Kind::NotFound,
                       tr("The group no longer exists; the board has been refreshed."));
    }
    std::vector<qint64> now;
    for (const auto& m : group->members) {
        now.push_back(m.authorityId);
    }
    auto sortedNow = now;
    auto sortedWanted = m_order;
    std::sort(sortedNow.begin(), sortedNow.end());
    std::sort(sortedWanted.begin(), sortedWanted.end());
    if (sortedNow != sortedWanted) {
        return failure(
            Error::Kind::Conflict,
            tr("The members of %1 changed meanwhile; the board has been refreshed.").arg(group->label));
    }
    return store.setMembers(group->id, m_order);
}

} // namespace balcony::gui
