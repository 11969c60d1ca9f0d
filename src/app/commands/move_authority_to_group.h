#pragma once

#include "commands/schedule_edit.h"

#include <QCoreApplication>

namespace balcony::gui {

// Moves one authority from a group (or from no group) to another group (or to no group), at a
// presenting position. Lead-reviewer assignments involving it in the old group go with the move,
// as the schema requires; undo brings them back.
class MoveAuthorityToGroup final : public ScheduleEdit {
    Q_DECLARE_TR_FUNCTIONS(MoveAuthorityToGroup)

public:
    // fromUid/toUid empty: no group. position -1 appends; otherwise the place in the new group.
    MoveAuthorityToGroup(RegionDocument& document, qint64 cycleId, qint64 authorityId,
                         const QString& authorityName, const QString& fromUid, const QString& toUid,
                         const QString& toLabel, int position = -1);

private:
    Status perform(ScheduleStore& store, const GroupSnapshot& before) override;

    qint64 m_authorityId;
    QString m_fromUid;
    QString m_toUid;
    int m_position;
};

} // namespace balcony::gui
