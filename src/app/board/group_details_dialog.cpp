#include "board/group_details_dialog.h"

#include "ui_group_details_dialog.h"

#include <QLineEdit>
#include <QPushButton>

namespace balcony::gui {

GroupDetailsDialog::GroupDetailsDialog(const Group& group, const CycleSchedule& schedule, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::GroupDetailsDialog>())
    , m_group(group)
    , m_cycle(schedule.cycle) {
    m_ui->setupUi(this);
    setWindowTitle(group.id ? tr("Details of %1").arg(group.label) : tr("New group"));
    m_ui->labelEdit->setText(group.label);
    m_ui->dateEdit->setDate(group.date.isValid() ? group.date : schedule.cycle.firstDay);
    for (Mode mode : {Mode::InPerson, Mode::Virtual}) {
        m_ui->modeCombo->addItem(displayName(mode), toKey(mode));
    }
    m_ui->modeCombo->setCurrentIndex(group.mode == Mode::Virtual ? 1 : 0);
    m_ui->venueEdit->setText(group.venue);
    m_ui->facilitatorCombo->addItem(tr("Not chosen yet"), qint64(0));
    for (const auto& [id, person] : schedule.people) {
        if (person.role == Role::Facilitator) {
            m_ui->facilitatorCombo->addItem(person.name, id);
        }
    }
    m_ui->facilitatorCombo->setCurrentIndex(qMax(0, m_ui->facilitatorCombo->findData(group.facilitatorId)));
    // Screen readers get a name for the date's inner editor and the buttons too, not only the rows.
    if (auto* dateText = m_ui->dateEdit->findChild<QLineEdit*>()) {
        dateText->setAccessibleName(tr("Date"));
    }
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Save the details"));
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    m_ui->warningLabel->setObjectName(QStringLiteral("dialogWarning"));
    connect(m_ui->dateEdit, &QDateEdit::dateChanged, this, &GroupDetailsDialog::updateWarning);
    connect(m_ui->labelEdit, &QLineEdit::textChanged, this, &GroupDetailsDialog::updateWarning);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateWarning();
}

GroupDetailsDialog::~GroupDetailsDialog() = default;

Group GroupDetailsDialog::group() const {
    Group g = m_group;
    g.label = m_ui->labelEdit->text().trimmed();
    g.date = m_ui->dateEdit->date();
    g.mode = modeFromKey(m_ui->modeCombo->currentData().toString()).value_or(Mode::InPerson);
    g.venue = m_ui->venueEdit->text().trimmed();
    g.facilitatorId = m_ui->facilitatorCombo->currentData().toLongLong();
    return g;
}

void GroupDetailsDialog::updateWarning() {
    const bool named = !m_ui->labelEdit->text().trimmed().isEmpty();
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(named);
    QString warning;
    if (!named) {
        warning = tr("A group needs a label.");
    } else if (!m_cycle.contains(m_ui->dateEdit->date())) {
        warning = tr("This date is outside the cycle %1 (%2 to %3).")
                      .arg(m_cycle.name, QLocale().toString(m_cycle.firstDay, QLocale::ShortFormat),
                           QLocale().toString(m_cycle.lastDay, QLocale::ShortFormat));
    }
    m_ui->warningLabel->setText(warning);
    m_ui->warningLabel->setVisible(!warning.isEmpty());
}

} // namespace balcony::gui
