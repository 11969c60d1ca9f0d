#include "commands/edit_group_details.h"

#include "domain/schedule_store.h"

namespace balcony::gui {

EditGroupDetails::EditGroupDetails(RegionDocument& document, Group details)
    : ScheduleEdit(document, details.cycleId, {details.uid}, tr("Edit the details of %1").arg(details.label))
    , m_details(std::move(details)) {}

Status EditGroupDetails::perform(ScheduleStore& store, const GroupSnapshot& before) {
    const Group* group = findGroup(before, m_details.uid);
    if (!group) {
        return failure(Error::Kind::NotFound,
                       tr("The group no longer exists; the board has been refreshed."));
    }
    Group updated = m_details;
    updated.id = group->id;
    return store.updateGroup(updated);
}

} // namespace balcony::gui
