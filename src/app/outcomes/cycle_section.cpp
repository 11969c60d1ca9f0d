#include "outcomes/cycle_section.h"

#include "document/region_document.h"

namespace balcony::gui {

void CycleSection::setDocument(RegionDocument* document) {
    if (m_document == document) {
        return;
    }
    if (m_document) {
        disconnect(m_document, nullptr, this, nullptr);
    }
    leavingCycle();
    m_document = document;
    m_cycleId = 0;
    if (m_document) {
        connect(m_document, &RegionDocument::notesChanged, this, [this](qint64 cycleId, qint64) {
            if (cycleId == m_cycleId) {
                reload();
            }
        });
        connect(m_document, &RegionDocument::changedElsewhere, this, [this](ChangeFeed::Area area) {
            if (area == ChangeFeed::Area::Outcomes) {
                reload();
            }
        });
    }
    reload();
}

void CycleSection::setCycle(qint64 cycleId) {
    if (cycleId == m_cycleId) {
        return;
    }
    leavingCycle();
    m_cycleId = cycleId;
    reload();
}

} // namespace balcony::gui
