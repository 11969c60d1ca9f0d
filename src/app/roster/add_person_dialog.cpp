#include "roster/add_person_dialog.h"

#include "ui_add_person_dialog.h"

#include <QPushButton>

namespace balcony::gui {

AddPersonDialog::AddPersonDialog(const std::vector<LocalAuthority>& authorities, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AddPersonDialog>()) {
    m_ui->setupUi(this);
    setWindowTitle(tr("Add Person"));
    for (const auto& key : roleKeys()) {
        if (const auto role = roleFromKey(key)) {
            m_ui->roleCombo->addItem(displayName(*role), key);
        }
    }
    // Most people come with an authority through the roster CSV; the one a project manager adds by
    // hand is usually the day's facilitator.
    m_ui->roleCombo->setCurrentIndex(qMax(0, m_ui->roleCombo->findData(toKey(Role::Facilitator))));
    m_ui->authorityCombo->addItem(tr("(none)"), qint64(0));
    for (const auto& authority : authorities) {
        m_ui->authorityCombo->addItem(authority.name, authority.id);
    }
    m_ui->hintLabel->setText(tr("Facilitators and project managers belong to no local authority; "
                                "everyone else belongs to one."));
    m_ui->nameEdit->setAccessibleName(tr("Name"));
    m_ui->emailEdit->setAccessibleName(tr("Email"));
    m_ui->roleCombo->setAccessibleName(tr("Role"));
    m_ui->authorityCombo->setAccessibleName(tr("Local authority"));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Add"));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Add the person"));
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    connect(m_ui->nameEdit, &QLineEdit::textChanged, this, &AddPersonDialog::validate);
    // Typing starts with the name, however soon the window manager activates the dialog.
    m_ui->nameEdit->setFocus(Qt::OtherFocusReason);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

AddPersonDialog::~AddPersonDialog() = default;

Person AddPersonDialog::person() const {
    Person person;
    person.name = m_ui->nameEdit->text().trimmed();
    person.email = m_ui->emailEdit->text().trimmed();
    person.role = roleFromKey(m_ui->roleCombo->currentData().toString()).value_or(Role::Facilitator);
    person.authorityId = m_ui->authorityCombo->currentData().toLongLong();
    return person;
}

void AddPersonDialog::validate() {
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(!m_ui->nameEdit->text().trimmed().isEmpty());
}

} // namespace balcony::gui
