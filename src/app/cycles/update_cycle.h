#pragma once

#include "domain/types.h"
#include "frame/store_command.h"

namespace balcony::gui {

// Renames a cycle or changes its window and due-date settings; undo restores them.
class UpdateCycle final : public StoreCommand {
public:
    UpdateCycle(RegionDocument& document, Cycle before, Cycle after);

private:
    Status apply(bool forward) override;
    void announce() override;

    Cycle m_before;
    Cycle m_after;
};

} // namespace balcony::gui
