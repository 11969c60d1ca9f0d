#include "roster/import_dialog.h"

#include "document/region_document.h"
#include "interchange/file_io.h"
#include "interchange/roster_import.h"
#include "interchange/schedule_import.h"
#include "roster/import_command.h"
#include "store/change_set.h"
#include "support/logging.h"
#include "ui_import_dialog.h"

#include <QDir>
#include <QHeaderView>
#include <QLocale>
#include <QPushButton>
#include <QUndoStack>

namespace balcony::gui {

ImportDialog::ImportDialog(RegionDocument& document, Kind kind, const QString& path, qint64 cycleId,
                           QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ImportDialog>())
    , m_document(document)
    , m_kind(kind)
    , m_path(path)
    , m_cycleId(cycleId) {
    m_ui->setupUi(this);
    setWindowTitle(kind == Kind::Roster ? tr("Import Roster") : tr("Import Schedule"));
    m_importButton = m_ui->buttonBox->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_importButton->setObjectName(QStringLiteral("importButton"));
    // Scroll areas take no name from their label's buddy.
    m_ui->previewTable->setAccessibleName(tr("Rows in the file"));
    m_ui->problemsList->setAccessibleName(tr("Problems found"));
    m_ui->changesList->setAccessibleName(tr("Posts changing hands"));
    m_ui->previewTable->verticalHeader()->setVisible(false);
    m_ui->previewTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->previewTable->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ImportDialog::runImport);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    load();
}

ImportDialog::~ImportDialog() = default;

QStringList ImportDialog::postChanges() const {
    QStringList changes;
    for (int i = 0; i < m_ui->changesList->count(); ++i) {
        changes << m_ui->changesList->item(i)->text();
    }
    return changes;
}

int ImportDialog::previewRowCount() const {
    return m_ui->previewTable->rowCount();
}

bool ImportDialog::canImport() const {
    return m_readable && !hasErrors(m_problems) && previewRowCount() > 0 && !m_document.isReadOnly();
}

void ImportDialog::load() {
    m_ui->fileLabel->setText(tr("File: %1").arg(QDir::toNativeSeparators(m_path)));
    auto bytes = interchange::readFileBytes(m_path);
    m_readable = bytes.ok();
    if (!bytes) {
        m_problems = {Problem{Problem::Severity::Error, bytes.message(), Problem::Subject::File, 0, {}, 0}};
        fill({}, {});
    } else if (m_kind == Kind::Roster) {
        m_bytes = *bytes;
        const auto preview = interchange::parseRoster(*bytes);
        m_problems = preview.problems;
        m_ui->changesList->clear();
        if (!hasErrors(m_problems) && !m_document.isReadOnly()) {
            // The import itself, rolled back: near-misspelt LAs, who replaces whom, new emails.
            interchange::RosterImportOptions dryRun;
            dryRun.dryRun = true;
            auto outcome = interchange::importRoster(m_document.database(), m_bytes, dryRun);
            if (!outcome) {
                m_problems.push_back(
                    Problem{Problem::Severity::Error, outcome.message(), Problem::Subject::File, 0, {}, 0});
            } else {
                m_problems = outcome->problems;
                for (const auto& change : outcome->postChanges) {
                    new QListWidgetItem(interchange::describe(change), m_ui->changesList);
                }
            }
        }
        std::vector<QStringList> rows;
        for (const auto& r : preview.rows) {
            rows.push_back(
                {QString::number(r.line), r.authority, r.dcs, r.dcsEmail, r.chiefExecutive, r.leadMember});
        }
        fill({tr("Line"), tr("Local authority"), tr("DCS"), tr("DCS email"), tr("Chief executive"),
              tr("Lead member")},
             rows);
    } else {
        const auto preview = interchange::parseSchedule(*bytes);
        m_problems = preview.problems;
        std::vector<QStringList> rows;
        const QLocale locale;
        for (const auto& r : preview.rows) {
            rows.push_back({QString::number(r.line), r.group,
                            locale.toString(r.date, QStringLiteral("d MMM yyyy")), displayName(r.mode),
                            r.venue, r.facilitator, r.authority, r.leadReviewerFor});
        }
        fill({tr("Line"), tr("Group"), tr("Date"), tr("Mode"), tr("Venue"), tr("Facilitator"),
              tr("Local authority"), tr("Reviews")},
             rows);
    }

    m_ui->problemsList->clear();
    for (const auto& problem : m_problems) {
        const QString where = problem.line > 0 ? tr("Line %1: ").arg(problem.line) : QString();
        auto* item = new QListWidgetItem(
            QString(where + problem.message + (problem.isError() ? QString() : tr(" (warning)"))),
            m_ui->problemsList);
        item->setData(Qt::UserRole, problem.line);
    }
    if (m_problems.empty()) {
        new QListWidgetItem(tr("None: the file is ready to import."), m_ui->problemsList);
    }

    if (m_document.isReadOnly()) {
        m_ui->summaryLabel->setText(tr("The region database is open read-only, so nothing can be imported."));
    } else if (hasErrors(m_problems)) {
        m_ui->summaryLabel->setText(
            tr("Nothing will be imported until the file has no errors. Correct it and import it again."));
    } else if (!m_problems.empty()) {
        // Warnings do not stop an import, but garbled names are easier to correct before it.
        m_ui->summaryLabel->setText(
            tr("%n row(s) will be imported as they are. Read the warnings first: correcting the file and "
               "choosing it again may be better.",
               nullptr, previewRowCount()));
    } else {
        m_ui->summaryLabel->setText(tr("%n row(s) will be imported.", nullptr, previewRowCount()));
    }
    const bool changes = m_ui->changesList->count() > 0;
    m_ui->changesLabel->setVisible(changes);
    m_ui->changesList->setVisible(changes);
    if (changes && canImport()) {
        m_ui->summaryLabel->setText(
            tr("%n row(s) will be imported, and %1 post(s) will change hands: check the list above.", nullptr,
               previewRowCount())
                .arg(m_ui->changesList->count()));
    }
    if (canImport()) {
        if (auto undoable = ChangeRecorder::available(m_document.database()); !undoable) {
            m_ui->summaryLabel->setText(m_ui->summaryLabel->text() + QLatin1Char(' ') + undoable.message());
        }
    }
    m_importButton->setEnabled(canImport());
}

void ImportDialog::fill(const QStringList& headers, const std::vector<QStringList>& rows) {
    auto* table = m_ui->previewTable;
    table->clear();
    table->setColumnCount(static_cast<int>(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    table->setRowCount(static_cast<int>(rows.size()));
    for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
        const QStringList& cells = rows[static_cast<std::size_t>(r)];
        for (int c = 0; c < cells.size(); ++c) {
            table->setItem(r, c, new QTableWidgetItem(cells[c]));
        }
    }
    table->resizeColumnsToContents();
}

void ImportDialog::runImport() {
    if (!canImport()) {
        return;
    }
    Database& db = m_document.database();
    // Everything the import writes is recorded, so that one undo step can take it back.
    auto recorder = ChangeRecorder::start(db);
    if (!recorder) {
        logging::get("app")->warn("Import from {} cannot be recorded for undo: {}", m_path.toStdString(),
                                  recorder.message().toStdString());
    }
    if (m_kind == Kind::Roster) {
        // The user has seen the posts changing hands in the preview of these very bytes.
        interchange::RosterImportOptions confirmed;
        confirmed.confirmPostChanges = true;
        auto outcome = interchange::importRoster(db, m_bytes, confirmed);
        if (!outcome || !outcome->applied()) {
            m_problems = outcome ? outcome->problems : Problems{};
            m_ui->summaryLabel->setText(outcome
                                            ? tr("The file changed since the preview; nothing was imported.")
                                            : outcome.message());
            m_importButton->setEnabled(false);
            return;
        }
        m_summary = tr("Imported %1 row(s): %2 new local authorities, %3 post holders set.")
                        .arg(outcome->report.rowsRead)
                        .arg(outcome->report.authoritiesAdded)
                        .arg(outcome->report.postHoldersSet);
        if (outcome->report.postsChangingHands > 0) {
            m_summary += tr(" %n post(s) changed hands.", nullptr, outcome->report.postsChangingHands);
        }
        pushUndoStep(recorder, tr("Import Roster"));
        m_document.notifyRosterChanged();
    } else {
        auto outcome = interchange::importScheduleFile(db, m_cycleId, m_path);
        if (!outcome || !outcome->applied()) {
            m_ui->summaryLabel->setText(outcome
                                            ? tr("The file changed since the preview; nothing was imported.")
                                            : outcome.message());
            m_importButton->setEnabled(false);
            return;
        }
        const auto& report = outcome->report;
        m_summary = tr("Imported %1 row(s): %2 groups created, %3 updated, %4 removed.")
                        .arg(report.rowsRead)
                        .arg(report.groupsCreated)
                        .arg(report.groupsUpdated)
                        .arg(report.groupsRemoved);
        pushUndoStep(recorder, tr("Import Schedule"));
        m_document.notifyRosterChanged();
        m_document.notifyScheduleChanged(m_cycleId);
        m_document.notifyAssessmentsChanged(m_cycleId);
    }
    logging::get("app")->info("Import from {}: {}", m_path.toStdString(), m_summary.toStdString());
    accept();
}

void ImportDialog::pushUndoStep(Result<ChangeRecorder>& recorder, const QString& text) {
    Result<ChangeSet> changes = recorder ? recorder->finish() : Result<ChangeSet>(recorder.error());
    Result<ChangeSet> inverse = changes ? changes->inverted() : Result<ChangeSet>(changes.error());
    if (!inverse) {
        // The import is saved; only its undo step is missing. Earlier steps stay on the stack.
        logging::get("app")->warn("Import from {} cannot be undone: {}", m_path.toStdString(),
                                  inverse.message().toStdString());
        const Status undoable = ChangeRecorder::available(m_document.database());
        m_summary += undoable ? tr(" This import cannot be undone.") : QLatin1Char(' ') + undoable.message();
        return;
    }
    m_document.undoStack()->push(new ImportCommand(
        m_document, m_kind == Kind::Roster ? ImportCommand::Kind::Roster : ImportCommand::Kind::Schedule,
        m_cycleId, std::move(*changes), std::move(*inverse), text));
}

} // namespace balcony::gui
