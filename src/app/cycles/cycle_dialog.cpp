#include "cycles/cycle_dialog.h"

#include "ui_cycle_dialog.h"

#include <QPushButton>

namespace balcony::gui {

CycleDialog::CycleDialog(const Cycle& initial, const std::vector<Cycle>& copyable, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::CycleDialog>())
    , m_initial(initial) {
    m_ui->setupUi(this);
    setWindowTitle(initial.id == 0 ? tr("New cycle") : tr("Edit cycle %1").arg(initial.name));
    m_ui->nameEdit->setText(initial.name);
    m_ui->firstDayEdit->setDate(initial.firstDay);
    m_ui->lastDayEdit->setDate(initial.lastDay);
    m_ui->dueDaysSpin->setValue(initial.saDueDaysBefore);
    m_ui->organiserNameEdit->setText(initial.organiserName);
    m_ui->organiserEmailEdit->setText(initial.organiserEmail);
    m_ui->copyFromCombo->addItem(tr("Start with no groups"), QVariant());
    for (const auto& cycle : copyable) {
        m_ui->copyFromCombo->addItem(cycle.name, cycle.id);
    }
    if (!copyable.empty()) {
        m_ui->copyFromCombo->setCurrentIndex(m_ui->copyFromCombo->count() - 1);
    }
    const bool canCopy = initial.id == 0 && !copyable.empty();
    m_ui->copyLabel->setVisible(canCopy);
    m_ui->copyFromCombo->setVisible(canCopy);
    m_ui->problemLabel->setVisible(false);

    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->nameEdit, &QLineEdit::textChanged, this, &CycleDialog::validate);
    connect(m_ui->firstDayEdit, &QDateEdit::dateChanged, this, &CycleDialog::validate);
    connect(m_ui->lastDayEdit, &QDateEdit::dateChanged, this, &CycleDialog::validate);
    connect(m_ui->organiserNameEdit, &QLineEdit::textChanged, this, &CycleDialog::validate);
    connect(m_ui->organiserEmailEdit, &QLineEdit::textChanged, this, &CycleDialog::validate);
    validate();
}

CycleDialog::~CycleDialog() = default;

Cycle CycleDialog::cycle() const {
    Cycle c = m_initial;
    c.name = m_ui->nameEdit->text().trimmed();
    c.firstDay = m_ui->firstDayEdit->date();
    c.lastDay = m_ui->lastDayEdit->date();
    c.saDueDaysBefore = m_ui->dueDaysSpin->value();
    c.organiserName = m_ui->organiserNameEdit->text().trimmed();
    c.organiserEmail = m_ui->organiserEmailEdit->text().trimmed();
    return c;
}

std::optional<qint64> CycleDialog::copyGroupsFrom() const {
    if (m_initial.id != 0) {
        return std::nullopt;
    }
    const QVariant id = m_ui->copyFromCombo->currentData();
    if (!id.isValid()) {
        return std::nullopt;
    }
    return id.toLongLong();
}

void CycleDialog::validate() {
    QString problem;
    if (m_ui->nameEdit->text().trimmed().isEmpty()) {
        problem = tr("Give the cycle a name.");
    } else if (m_ui->firstDayEdit->date() > m_ui->lastDayEdit->date()) {
        problem = tr("The last day must not come before the first day.");
    } else if (const QString email = m_ui->organiserEmailEdit->text().trimmed();
               !email.isEmpty() &&
               (email.indexOf(u'@') <= 0 || email.endsWith(u'@') || email.contains(u' '))) {
        problem = tr("The organiser's e-mail address should look like name@example.org.");
    } else if (email.isEmpty() && !m_ui->organiserNameEdit->text().trimmed().isEmpty()) {
        problem = tr("Give the organiser's e-mail address too: attendees' calendars reply to it.");
    }
    m_ui->problemLabel->setText(problem);
    m_ui->problemLabel->setVisible(!problem.isEmpty());
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

} // namespace balcony::gui
