#include "cycles/update_cycle.h"

#include "document/region_document.h"
#include "domain/schedule_store.h"

#include <QCoreApplication>

namespace balcony::gui {

UpdateCycle::UpdateCycle(RegionDocument& document, Cycle before, Cycle after)
    : StoreCommand(
          document,
          QCoreApplication::translate("balcony::gui::UpdateCycle", "Change cycle %1").arg(before.name))
    , m_before(std::move(before))
    , m_after(std::move(after)) {}

Status UpdateCycle::apply(bool forward) {
    return ScheduleStore(document().database()).updateCycle(forward ? m_after : m_before);
}

void UpdateCycle::announce() {
    document().notifyCyclesChanged();
    document().notifyScheduleChanged(m_before.id);
}

} // namespace balcony::gui
