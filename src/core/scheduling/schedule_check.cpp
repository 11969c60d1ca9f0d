#include "scheduling/schedule_check.h"

#include "scheduling/findings.h"

namespace balcony {

Problems checkSchedule(const CycleSchedule& schedule, const QDate& today) {
    checks::Findings findings(schedule);
    checks::checkMembership(findings);
    checks::checkCalendar(findings);
    checks::checkLeadReviewers(findings);
    checks::checkSelfAssessments(findings, today);
    return findings.sorted();
}

} // namespace balcony
