#pragma once

#include "commands/schedule_edit.h"

#include <QCoreApplication>

namespace balcony::gui {

// Adds a group (usually empty) to a cycle. The group gets its calendar UID here, so that undo and
// redo recreate the same group rather than a new one.
class CreateGroup final : public ScheduleEdit {
    Q_DECLARE_TR_FUNCTIONS(CreateGroup)

public:
    CreateGroup(RegionDocument& document, Group group);

    const QString& uid() const { return m_group.uid; }

private:
    Status perform(ScheduleStore& store, const GroupSnapshot& before) override;

    Group m_group;
};

// A calendar UID for a new group, in the form the store uses.
QString newGroupUid();

} // namespace balcony::gui
