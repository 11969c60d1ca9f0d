#include "commands/create_group.h"

#include "domain/schedule_store.h"

#include <QUuid>

namespace balcony::gui {
namespace {

// Gives the group its UID before the base class records which group the edit touches.
QString assignUid(Group& group) {
    if (group.uid.isEmpty()) {
        group.uid = newGroupUid();
    }
    group.id = 0;
    return group.uid;
}

} // namespace

QString newGroupUid() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces) + QStringLiteral("@balcony");
}

CreateGroup::CreateGroup(RegionDocument& document, Group group)
    : ScheduleEdit(document, group.cycleId, {assignUid(group)}, tr("Create %1").arg(group.label))
    , m_group(std::move(group)) {}

Status CreateGroup::perform(ScheduleStore& store, const GroupSnapshot&) {
    auto added = store.addGroup(m_group);
    if (!added) {
        return added.error();
    }
    return {};
}

} // namespace balcony::gui
