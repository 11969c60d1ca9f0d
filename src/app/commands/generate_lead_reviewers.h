#pragma once

#include "commands/schedule_edit.h"

#include <QCoreApplication>

namespace balcony::gui {

// Fills the missing lead-reviewer assignments of some groups with the core generator (one ring
// per group, no conflicts of interest, fewest repeats of the previous cycle). Assignments already
// made stay. Refused, with the generator's reasons, when it would add nothing at all.
class GenerateLeadReviewers final : public ScheduleEdit {
    Q_DECLARE_TR_FUNCTIONS(GenerateLeadReviewers)

public:
    // groupUids: the groups to fill; text names them for the Edit menu ("Generate lead reviewers
    // for Group 1").
    GenerateLeadReviewers(RegionDocument& document, qint64 cycleId, const QStringList& groupUids,
                          const QString& text, quint64 seed);

    // After a successful push: what was done, in words ("Added 6 lead reviewers. Group 5 was left
    // as it is: ...").
    const QString& summary() const { return m_summary; }

private:
    Status perform(ScheduleStore& store, const GroupSnapshot& before) override;

    QStringList m_groupUids;
    quint64 m_seed;
    QString m_summary;
};

} // namespace balcony::gui
