#pragma once

#include "domain/types.h"
#include "frame/store_command.h"

namespace balcony::gui {

// Moves a self-assessment to a status, stamping that step's date; undo restores the record as it
// was, dates included.
class SetAssessmentStatus final : public StoreCommand {
public:
    SetAssessmentStatus(RegionDocument& document, SelfAssessment before, SaStatus status, QDate day);

private:
    Status apply(bool forward) override;
    void announce() override;

    SelfAssessment m_before;
    SaStatus m_status;
    QDate m_day;
};

} // namespace balcony::gui
