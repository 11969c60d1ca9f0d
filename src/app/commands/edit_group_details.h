#pragma once

#include "commands/schedule_edit.h"

#include <QCoreApplication>

namespace balcony::gui {

// Changes a group's label, date, mode, venue and facilitator (not its members).
class EditGroupDetails final : public ScheduleEdit {
    Q_DECLARE_TR_FUNCTIONS(EditGroupDetails)

public:
    // details.uid names the group; its id and members are ignored.
    EditGroupDetails(RegionDocument& document, Group details);

private:
    Status perform(ScheduleStore& store, const GroupSnapshot& before) override;

    Group m_details;
};

} // namespace balcony::gui
