#include "roster/add_person.h"

#include "document/region_document.h"
#include "domain/roster_store.h"

#include <QCoreApplication>

namespace balcony::gui {

AddPerson::AddPerson(RegionDocument& document, Person person)
    : StoreCommand(
          document,
          QCoreApplication::translate("balcony::gui::AddPerson", "Add %1").arg(person.name.trimmed()))
    , m_person(std::move(person)) {
    m_person.id = 0;
}

Status AddPerson::apply(bool forward) {
    RosterStore store(document().database());
    if (!forward) {
        return store.removePerson(m_person.id);
    }
    if (m_person.id != 0) {
        return store.restorePerson(m_person);
    }
    auto id = store.addPerson(m_person);
    if (!id) {
        return id.error();
    }
    m_person.id = *id;
    return {};
}

void AddPerson::announce() {
    document().notifyRosterChanged();
}

} // namespace balcony::gui
