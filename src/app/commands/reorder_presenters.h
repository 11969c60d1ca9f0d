#pragma once

#include "commands/schedule_edit.h"

#include <QCoreApplication>
#include <vector>

namespace balcony::gui {

// Puts a group's members in a new presenting order (the same members, nobody added or removed).
class ReorderPresenters final : public ScheduleEdit {
    Q_DECLARE_TR_FUNCTIONS(ReorderPresenters)

public:
    ReorderPresenters(RegionDocument& document, qint64 cycleId, const QString& groupUid,
                      const QString& groupLabel, std::vector<qint64> authorityIdsInOrder);

private:
    Status perform(ScheduleStore& store, const GroupSnapshot& before) override;

    QString m_groupUid;
    std::vector<qint64> m_order;
};

} // namespace balcony::gui
