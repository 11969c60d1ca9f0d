#pragma once

#include "domain/types.h"
#include "frame/store_command.h"

#include <optional>

namespace balcony::gui {

// Adds a cycle, optionally starting it with a copy of another cycle's groups (labels, mode, venue,
// facilitator, members in order and lead reviewers, each day moved by the gap between the two
// cycles' first days). Undo removes the new cycle and everything copied into it.
class AddCycle final : public StoreCommand {
public:
    AddCycle(RegionDocument& document, Cycle cycle, std::optional<qint64> copyGroupsFrom = std::nullopt);
    qint64 cycleId() const { return m_cycle.id; } // 0 until redone

private:
    Status apply(bool forward) override;
    void announce() override;
    Status copyGroups(qint64 fromCycleId);

    Cycle m_cycle;
    std::optional<qint64> m_copyFrom;
};

} // namespace balcony::gui
