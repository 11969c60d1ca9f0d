#include "roster/update_person.h"

#include "document/region_document.h"
#include "domain/roster_store.h"

#include <QCoreApplication>

namespace balcony::gui {

UpdatePerson::UpdatePerson(RegionDocument& document, Person before, Person after)
    : StoreCommand(document,
                   QCoreApplication::translate("balcony::gui::UpdatePerson", "Change %1").arg(before.name))
    , m_before(std::move(before))
    , m_after(std::move(after)) {}

Status UpdatePerson::apply(bool forward) {
    return RosterStore(document().database()).updatePerson(forward ? m_after : m_before);
}

void UpdatePerson::announce() {
    document().notifyRosterChanged();
}

} // namespace balcony::gui
