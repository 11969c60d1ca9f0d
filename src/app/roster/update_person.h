#pragma once

#include "domain/types.h"
#include "frame/store_command.h"

namespace balcony::gui {

// Changes a person's name, email, role or authority; undo restores what they were.
class UpdatePerson final : public StoreCommand {
public:
    UpdatePerson(RegionDocument& document, Person before, Person after);

private:
    Status apply(bool forward) override;
    void announce() override;

    Person m_before;
    Person m_after;
};

} // namespace balcony::gui
