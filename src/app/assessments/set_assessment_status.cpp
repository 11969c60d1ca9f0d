#include "assessments/set_assessment_status.h"

#include "document/region_document.h"
#include "domain/self_assessment_store.h"

#include <QCoreApplication>

namespace balcony::gui {

SetAssessmentStatus::SetAssessmentStatus(RegionDocument& document, SelfAssessment before, SaStatus status,
                                         QDate day)
    : StoreCommand(document, QCoreApplication::translate("balcony::gui::SetAssessmentStatus", "Mark as %1")
                                 .arg(displayName(status)))
    , m_before(std::move(before))
    , m_status(status)
    , m_day(day) {}

Status SetAssessmentStatus::apply(bool forward) {
    SelfAssessmentStore store(document().database());
    if (forward) {
        return store.setStatus(m_before.cycleId, m_before.authorityId, m_status, m_day);
    }
    return store.save(m_before);
}

void SetAssessmentStatus::announce() {
    document().notifyAssessmentsChanged(m_before.cycleId);
}

} // namespace balcony::gui
