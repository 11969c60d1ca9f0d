#include "frame/interchange_controller.h"

#include "document/region_document.h"
#include "domain/schedule_store.h"
#include "engine/clock.h"
#include "engine/group_day.h"
#include "frame/icons.h"
#include "frame/prompter.h"
#include "interchange/ics_export.h"
#include "interchange/roster_export.h"
#include "interchange/schedule_export.h"
#include "reports/document_format.h"
#include "reports/schedule_pdf.h"
#include "roster/import_dialog.h"

#include <QAction>
#include <QFileInfo>

namespace balcony::gui {

InterchangeController::InterchangeController(Prompter& prompter, QWidget* dialogParent)
    : QObject(dialogParent)
    , m_prompter(prompter)
    , m_dialogParent(dialogParent) {
    const auto make = [this](const char* iconName, const QString& text, const QKeySequence& shortcut,
                             void (InterchangeController::*slot)()) {
        auto* action = new QAction(icon(QString::fromLatin1(iconName)), text, this);
        action->setShortcut(shortcut);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_importRoster = make("import", tr("Import &Roster CSV..."), QKeySequence(Qt::CTRL | Qt::Key_I),
                          &InterchangeController::importRoster);
    m_importSchedule =
        make("import", tr("Import &Schedule CSV..."), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I),
             &InterchangeController::importSchedule);
    m_exportRoster =
        make("export", tr("Export Roster CS&V..."), QKeySequence(), &InterchangeController::exportRoster);
    m_exportCsv = make("export", tr("&Export Schedule CSV..."), QKeySequence(Qt::CTRL | Qt::Key_E),
                       &InterchangeController::exportScheduleCsv);
    m_exportCalendar =
        make("calendar", tr("Export i&Calendar Invitations..."), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_E),
             &InterchangeController::exportCalendar);
    m_exportCalendar->setObjectName(QStringLiteral("exportInvitationsAction"));
    m_exportPdf = make("print", tr("Export &Printable Schedule (PDF)..."), QKeySequence(Qt::CTRL | Qt::Key_P),
                       &InterchangeController::exportPdf);
    updateActions();
}

InterchangeController::~InterchangeController() = default;

void InterchangeController::setDocument(RegionDocument* document) {
    m_document = document;
    updateActions();
}

void InterchangeController::setCycleId(qint64 cycleId) {
    m_cycleId = cycleId;
    updateActions();
}

void InterchangeController::updateActions() {
    const bool open = m_document != nullptr;
    const bool writable = open && !m_document->isReadOnly();
    m_importRoster->setEnabled(writable);
    m_importSchedule->setEnabled(writable);
    const bool haveCycle = open && m_cycleId != 0;
    m_exportRoster->setEnabled(open);
    const QString needsCycle = tr("Create a cycle first (Schedule > New Cycle).");
    for (QAction* action : {m_exportCsv, m_exportPdf}) {
        action->setEnabled(haveCycle);
    }
    m_exportCsv->setToolTip(haveCycle ? tr("The cycle's groups as a schedule CSV file") : needsCycle);
    m_exportPdf->setToolTip(haveCycle ? tr("An A4 PDF of the cycle's groups") : needsCycle);
    // The exporter records what each invitation said, to raise its SEQUENCE when it changes.
    m_exportCalendar->setEnabled(writable && haveCycle);
    m_exportCalendar->setToolTip(
        open && !writable
            ? tr("Invitations are recorded in the region database: open it for writing to export them.")
        : haveCycle ? tr("Calendar invitations (.ics) for every group day of the cycle")
                    : needsCycle);
}

void InterchangeController::importRoster() {
    if (m_document == nullptr) {
        return;
    }
    const QString path = m_prompter.askOpenFile(tr("Import Roster"), tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty()) {
        return;
    }
    ImportDialog dialog(*m_document, ImportDialog::Kind::Roster, path, 0, m_dialogParent);
    if (dialog.exec() == QDialog::Accepted) {
        Q_EMIT statusMessage(dialog.summary(), 8000);
    }
}

void InterchangeController::importSchedule() {
    if (m_document == nullptr) {
        return;
    }
    const qint64 cycleId = m_cycleId;
    if (cycleId == 0) {
        m_prompter.showError(
            tr("Import Schedule"),
            tr("A schedule is imported into a cycle. Create the cycle first (Schedule > New Cycle)."));
        return;
    }
    const QString path =
        m_prompter.askOpenFile(tr("Import Schedule"), tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty()) {
        return;
    }
    ImportDialog dialog(*m_document, ImportDialog::Kind::Schedule, path, cycleId, m_dialogParent);
    if (dialog.exec() == QDialog::Accepted) {
        Q_EMIT statusMessage(dialog.summary(), 8000);
    }
}

void InterchangeController::exportRoster() {
    if (m_document == nullptr) {
        return;
    }
    const QString path =
        m_prompter.askSaveFile(tr("Export Roster"), QStringLiteral("roster.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty()) {
        return;
    }
    auto written = interchange::exportRosterFile(m_document->database(), path);
    if (!written) {
        m_prompter.showError(tr("Export Roster"), written.message());
        return;
    }
    Q_EMIT statusMessage(tr("Wrote %n local authorities to %1", nullptr, *written).arg(path), 8000);
}

void InterchangeController::exportScheduleCsv() {
    if (m_document == nullptr || m_cycleId == 0) {
        return;
    }
    const QString path = m_prompter.askSaveFile(tr("Export Schedule"), QStringLiteral("schedule.csv"),
                                                tr("CSV files (*.csv)"));
    if (path.isEmpty()) {
        return;
    }
    auto written = interchange::exportScheduleFile(m_document->database(), m_cycleId, path);
    if (!written) {
        m_prompter.showError(tr("Export Schedule"), written.message());
        return;
    }
    Q_EMIT statusMessage(tr("Wrote %n row(s) to %1", nullptr, *written).arg(path), 8000);
}

void InterchangeController::exportCalendar() {
    if (m_cycleId == 0) {
        m_prompter.showError(
            tr("Export iCalendar Invitations"),
            tr("Invitations are exported for a cycle. Create the cycle first (Schedule > New Cycle)."));
        return;
    }
    exportInvitations(m_cycleId, QString());
}

void InterchangeController::exportInvitations(qint64 cycleId, const QString& groupLabel) {
    if (m_document == nullptr || cycleId == 0) {
        return;
    }
    const bool oneGroup = !groupLabel.isEmpty();
    const QString title = oneGroup ? tr("Export Invitation") : tr("Export iCalendar Invitations");
    if (m_document->isReadOnly()) {
        m_prompter.showError(title,
                             tr("This region is open read-only. Invitations are recorded in the region "
                                "database: open it for writing to export them."));
        return;
    }
    QString suggested = oneGroup ? groupLabel : tr("invitations");
    for (const QChar c : {u'/', u'\\', u':', u'*', u'?', u'"', u'<', u'>', u'|'}) {
        suggested.replace(c, u'-');
    }
    const QString path =
        m_prompter.askSaveFile(title, suggested + QStringLiteral(".ics"), tr("iCalendar files (*.ics)"));
    if (path.isEmpty()) {
        return;
    }
    interchange::IcsOptions options;
    options.groupLabel = groupLabel;
    options.stamp = m_document->clock().utcNow();
    auto report = interchange::exportIcsFile(m_document->database(), cycleId, path, options);
    if (!report) {
        m_prompter.showError(title, report.message());
        return;
    }
    const QString file = QFileInfo(path).fileName();
    const bool request = report->method == interchange::IcsMethod::Request;
    QString text = oneGroup ? tr("Wrote the invitation of %1 to %2").arg(groupLabel, file)
                            : tr("Wrote %n invitation(s) to %1", nullptr, report->events).arg(file);
    text += request ? tr(" as meeting requests (METHOD:REQUEST) from the cycle's organiser")
                    : tr(" as a plain calendar without attendees (METHOD:PUBLISH): the cycle has no "
                         "organiser; set one in Edit Cycle to send meeting requests");
    if (report->sequencesRaised > 0) {
        text += tr(" (%n changed since the last export)", nullptr, report->sequencesRaised);
    }
    if (report->cancellations > 0) {
        text += tr("; %n cancellation(s) of days gone since written to %1", nullptr, report->cancellations)
                    .arg(QFileInfo(report->cancellationsPath).fileName());
    }
    if (report->withdrawals > 0) {
        text += tr("; %n invitation(s) withdrawn from people no longer invited to a day, in %1", nullptr,
                   report->withdrawals)
                    .arg(QFileInfo(report->cancellationsPath).fileName());
    }
    if (report->cancellationsPending > 0) {
        text += tr("; %n day(s) gone since await cancelling: export the whole cycle", nullptr,
                   report->cancellationsPending);
    }
    Q_EMIT statusMessage(text, 15000);
}

void InterchangeController::exportPdf() {
    if (m_document == nullptr || m_cycleId == 0) {
        return;
    }
    const QString path =
        m_prompter.askSaveFile(tr("Export Printable Schedule"), QStringLiteral("schedule.pdf"),
                               reports::findDocumentFormat(QStringLiteral("pdf"))->nameFilter());
    if (path.isEmpty()) {
        return;
    }
    const Status written = reports::exportSchedulePdf(m_document->database(), m_cycleId, path);
    if (!written) {
        m_prompter.showError(tr("Export Printable Schedule"), written.message());
        return;
    }
    Q_EMIT statusMessage(tr("Wrote %1").arg(path), 8000);
}

} // namespace balcony::gui
