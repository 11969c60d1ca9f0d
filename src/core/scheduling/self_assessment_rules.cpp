#include "scheduling/findings.h"

namespace balcony::checks {

void checkSelfAssessments(Findings& findings, const QDate& today) {
    if (!today.isValid()) {
        return;
    }
    const CycleSchedule& s = findings.schedule();
    for (const Group* group : findings.groupsInOrder()) {
        const QDate due = selfAssessmentDue(s.cycle, group->date);
        if (!due.isValid() || today <= due) {
            continue;
        }
        for (qint64 id : distinctMembers(*group)) {
            auto found = s.selfAssessments.find(id);
            const SaStatus status =
                found == s.selfAssessments.end() ? SaStatus::NotStarted : found->second.status;
            if (status == SaStatus::Distributed) {
                continue;
            }
            const QString name = s.authorityName(id);
            const QString message =
                status == SaStatus::NotStarted
                    ? QStringLiteral("%1's self-assessment is missing: it was due with the group by %2.")
                          .arg(name, dayText(due))
                    : QStringLiteral("%1's self-assessment is overdue: it was due with the group by %2 and "
                                     "is at \"%3\".")
                          .arg(name, dayText(due), displayName(status));
            findings.warning(Rule::SelfAssessment, group, Problem::Subject::Authority, id, message);
        }
    }
}

} // namespace balcony::checks
