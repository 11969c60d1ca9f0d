#include "cycles/add_cycle.h"

#include "document/region_document.h"
#include "domain/schedule_store.h"

#include <QCoreApplication>

namespace balcony::gui {

AddCycle::AddCycle(RegionDocument& document, Cycle cycle, std::optional<qint64> copyGroupsFrom)
    : StoreCommand(document,
                   QCoreApplication::translate("balcony::gui::AddCycle", "Add cycle %1").arg(cycle.name))
    , m_cycle(std::move(cycle))
    , m_copyFrom(copyGroupsFrom) {}

Status AddCycle::apply(bool forward) {
    ScheduleStore store(document().database());
    if (!forward) {
        return store.removeCycle(m_cycle.id);
    }
    m_cycle.id = 0;
    auto id = store.addCycle(m_cycle);
    if (!id) {
        return id.error();
    }
    m_cycle.id = *id;
    if (m_copyFrom) {
        return copyGroups(*m_copyFrom);
    }
    return {};
}

Status AddCycle::copyGroups(qint64 fromCycleId) {
    ScheduleStore store(document().database());
    auto source = store.cycleById(fromCycleId);
    if (!source) {
        return source.error();
    }
    auto groups = store.groups(fromCycleId);
    if (!groups) {
        return groups.error();
    }
    const qint64 shift = source->firstDay.daysTo(m_cycle.firstDay);
    for (Group group : *groups) {
        group.id = 0;
        group.cycleId = m_cycle.id;
        group.uid.clear(); // a new day is a new calendar event
        group.date = group.date.addDays(shift);
        auto added = store.addGroup(group);
        if (!added) {
            return added.error();
        }
    }
    return {};
}

void AddCycle::announce() {
    document().notifyCyclesChanged();
    document().notifyScheduleChanged(m_cycle.id);
}

} // namespace balcony::gui
