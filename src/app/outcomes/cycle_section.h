#pragma once

#include "review/outcomes_section.h"

#include <QPointer>

namespace balcony::gui {

// An outcomes page that shows one cycle of the region (asks and offers, priorities, action plans):
// it reloads when the region or the cycle chosen changes, when the cycle's notes or outcomes change
// here (RegionDocument::notesChanged), and when someone else changes the outcomes on a server
// (RegionDocument::changedElsewhere). The document is borrowed; a QPointer, as the workspace may
// close it first.
class CycleSection : public OutcomesSection {
    Q_OBJECT

public:
    using OutcomesSection::OutcomesSection;

    void setDocument(RegionDocument* document) final;
    void setCycle(qint64 cycleId) final;

protected:
    // Shows m_cycleId of m_document (either may be none) afresh.
    virtual void reload() = 0;
    // Told before the region or the cycle shown changes, so that what belongs to the one shown (an
    // undo stack of its edits) goes with it.
    virtual void leavingCycle() {}

    QPointer<RegionDocument> m_document;
    qint64 m_cycleId = 0;
};

} // namespace balcony::gui
