#pragma once

#include "commands/schedule_edit.h"

#include <QCoreApplication>

namespace balcony::gui {

// Removes a group; its members belong to no group afterwards. Undo recreates it with the same
// UID, details, presenting order and lead reviewers.
class DissolveGroup final : public ScheduleEdit {
    Q_DECLARE_TR_FUNCTIONS(DissolveGroup)

public:
    DissolveGroup(RegionDocument& document, qint64 cycleId, const QString& groupUid,
                  const QString& groupLabel);

private:
    Status perform(ScheduleStore& store, const GroupSnapshot& before) override;

    QString m_groupUid;
};

} // namespace balcony::gui
