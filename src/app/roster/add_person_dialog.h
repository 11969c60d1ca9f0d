#pragma once

#include "domain/types.h"

#include <QDialog>
#include <memory>
#include <vector>

namespace Ui {
class AddPersonDialog;
}

namespace balcony::gui {

// Asks for a new person's name, email, role and local authority ("(none)" for facilitators and
// project managers). It only collects the values: OK stays disabled until there is a name, and
// the roster store judges the rest when the AddPerson command runs.
class AddPersonDialog final : public QDialog {
    Q_OBJECT

public:
    // authorities: the region's local authorities, offered by name after "(none)".
    explicit AddPersonDialog(const std::vector<LocalAuthority>& authorities, QWidget* parent = nullptr);
    ~AddPersonDialog() override;

    Person person() const; // id 0, no past posts

private:
    void validate();

    std::unique_ptr<Ui::AddPersonDialog> m_ui;
};

} // namespace balcony::gui
