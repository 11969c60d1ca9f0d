#pragma once

#include "commands/schedule_edit.h"

#include <QCoreApplication>

namespace balcony::gui {

// Chooses (or clears, with reviewer 0) the authority whose DCS leads the review of another
// member of the same group. Refused, with the rule's words, when the schema forbids it (itself,
// someone outside the group) or when the reviewer's DCS once worked at the reviewee.
class SetLeadReviewer final : public ScheduleEdit {
    Q_DECLARE_TR_FUNCTIONS(SetLeadReviewer)

public:
    SetLeadReviewer(RegionDocument& document, qint64 cycleId, const QString& groupUid, qint64 revieweeId,
                    qint64 reviewerId, const QString& revieweeName);

private:
    Status perform(ScheduleStore& store, const GroupSnapshot& before) override;

    QString m_groupUid;
    qint64 m_revieweeId;
    qint64 m_reviewerId;
};

} // namespace balcony::gui
