#pragma once

#include "domain/types.h"
#include "frame/store_command.h"

#include <vector>

namespace balcony::gui {

// Removes a local authority and its people. Refused while the authority belongs to a group of any
// cycle (move it out first), so that undo can bring back everything it removed: the authority and
// its people, under a new id.
class RemoveAuthority final : public StoreCommand {
public:
    RemoveAuthority(RegionDocument& document, LocalAuthority authority);

private:
    Status apply(bool forward) override;
    void announce() override;

    LocalAuthority m_authority;
    std::vector<Person> m_people;
};

} // namespace balcony::gui
