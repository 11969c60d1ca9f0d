#include "commands/dissolve_group.h"

#include "domain/schedule_store.h"

namespace balcony::gui {

DissolveGroup::DissolveGroup(RegionDocument& document, qint64 cycleId, const QString& groupUid,
                             const QString& groupLabel)
    : ScheduleEdit(document, cycleId, {groupUid}, tr("Dissolve %1").arg(groupLabel))
    , m_groupUid(groupUid) {}

Status DissolveGroup::perform(ScheduleStore& store, const GroupSnapshot& before) {
    const Group* group = findGroup(before, m_groupUid);
    if (!group) {
        return failure(Error::Kind::NotFound,
                       tr("The group no longer exists; the board has been refreshed."));
    }
    return store.removeGroup(group->id);
}

} // namespace balcony::gui
