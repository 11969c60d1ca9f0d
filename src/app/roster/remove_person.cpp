#include "roster/remove_person.h"

#include "document/region_document.h"
#include "domain/roster_store.h"

#include <QCoreApplication>

namespace balcony::gui {

RemovePerson::RemovePerson(RegionDocument& document, Person person)
    : StoreCommand(document,
                   QCoreApplication::translate("balcony::gui::RemovePerson", "Remove %1").arg(person.name))
    , m_person(std::move(person)) {}

Status RemovePerson::apply(bool forward) {
    RosterStore store(document().database());
    if (!forward) {
        return store.restorePerson(m_person);
    }
    // Keep the person as saved now (past posts included), for undo.
    auto people = store.people();
    if (!people) {
        return people.error();
    }
    for (const auto& person : *people) {
        if (person.id == m_person.id) {
            m_person = person;
        }
    }
    return store.removePerson(m_person.id);
}

void RemovePerson::announce() {
    document().notifyRosterChanged();
}

} // namespace balcony::gui
