#pragma once

#include "domain/types.h"
#include "frame/store_command.h"

namespace balcony::gui {

// Removes a person from the roster through RosterStore::removePerson, which refuses, naming the
// group, while they facilitate one. Undo puts them back under the same id with their past posts,
// so nothing is lost.
class RemovePerson final : public StoreCommand {
public:
    RemovePerson(RegionDocument& document, Person person);

private:
    Status apply(bool forward) override;
    void announce() override;

    Person m_person;
};

} // namespace balcony::gui
