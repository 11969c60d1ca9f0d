#pragma once

#include "domain/types.h"
#include "frame/store_command.h"

namespace balcony::gui {

// Adds a person typed in by hand through RosterStore::addPerson, which refuses in plain words what
// the roster does not allow (a second DCS for an authority, a DCS with no authority, a facilitator
// already in the roster). Undo removes them again; redo puts them back under the same id, so later
// edits on the stack still find them.
class AddPerson final : public StoreCommand {
public:
    AddPerson(RegionDocument& document, Person person);
    qint64 personId() const { return m_person.id; } // 0 until redone

private:
    Status apply(bool forward) override;
    void announce() override;

    Person m_person;
};

} // namespace balcony::gui
