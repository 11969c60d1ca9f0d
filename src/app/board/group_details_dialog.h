#pragma once

#include "domain/types.h"

#include <QDialog>
#include <memory>

namespace Ui {
class GroupDetailsDialog;
}

namespace balcony::gui {

// Edits a group's label, date, mode, venue and facilitator. It only collects the values: the
// stores judge them when the board applies them, and a date outside the cycle is allowed (the
// problems panel flags it) but named here so the user sees it at once.
class GroupDetailsDialog final : public QDialog {
    Q_OBJECT

public:
    GroupDetailsDialog(const Group& group, const CycleSchedule& schedule, QWidget* parent = nullptr);
    ~GroupDetailsDialog() override;

    // The group as edited: the original with the form's values.
    Group group() const;

private:
    void updateWarning();

    std::unique_ptr<Ui::GroupDetailsDialog> m_ui;
    Group m_group;
    Cycle m_cycle;
};

} // namespace balcony::gui
