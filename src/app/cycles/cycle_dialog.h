#pragma once

#include "domain/types.h"

#include <QDialog>
#include <memory>
#include <optional>
#include <vector>

namespace Ui {
class CycleDialog;
}

namespace balcony::gui {

// Asks for a cycle's name, window and self-assessment due days; for a new cycle, also which
// earlier cycle's groups to copy as its start. OK stays disabled until the input is valid.
class CycleDialog final : public QDialog {
    Q_OBJECT

public:
    // existing: the cycles the user may copy groups from (none when editing). The initial cycle's
    // first and last days are shown as they are (the caller proposes dates: see newCycle).
    CycleDialog(const Cycle& initial, const std::vector<Cycle>& copyable, QWidget* parent = nullptr);
    ~CycleDialog() override;

    Cycle cycle() const;                          // the initial cycle with the user's changes
    std::optional<qint64> copyGroupsFrom() const; // the cycle chosen to copy, if any

private:
    void validate();

    std::unique_ptr<Ui::CycleDialog> m_ui;
    Cycle m_initial;
};

} // namespace balcony::gui
