#include "report/regional_report_section.h"

#include "document/region_document.h"
#include "frame/prompter.h"
#include "outcomes/regional_report.h"
#include "outcomes/report_marks.h"
#include "reports/document_format.h"
#include "reports/regional_report_export.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressDialog>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <atomic>

namespace balcony::gui {

namespace {

// The choices, in the order of the combo box.
constexpr outcomes::ReportSection sections[] = {outcomes::ReportSection::None,
                                                outcomes::ReportSection::BestPractice,
                                                outcomes::ReportSection::SystemicIssue};

int indexOf(outcomes::ReportSection section) {
    for (int i = 0; i < 3; ++i) {
        if (sections[i] == section) {
            return i;
        }
    }
    return 0;
}

// The report is written as PDF or ODT only (HTML would lose the chart).
QString reportFilters() {
    QStringList filters;
    for (const auto* format : reports::documentFormats()) {
        if (format->name() != QStringLiteral("html")) {
            filters << format->nameFilter();
        }
    }
    return filters.join(QStringLiteral(";;"));
}

} // namespace

RegionalReportSection::RegionalReportSection(Prompter& prompter, QObject* parent)
    : OutcomesSection(parent)
    , m_prompter(prompter) {
    m_buildAction = new QAction(tr("Build Regional &Report..."), this);
    m_buildAction->setObjectName(QStringLiteral("buildRegionalReport"));
    m_buildAction->setEnabled(false);
    connect(m_buildAction, &QAction::triggered, this, [this] { buildReport(); });
}

RegionalReportSection::~RegionalReportSection() = default;

QString RegionalReportSection::title() const {
    return tr("Regional &Report");
}

QList<QAction*> RegionalReportSection::actions() const {
    return {m_buildAction};
}

QWidget* RegionalReportSection::page() {
    if (m_page) {
        return m_page;
    }
    m_page = new QWidget;
    m_page->setObjectName(QStringLiteral("regionalReportPage"));
    auto* layout = new QVBoxLayout(m_page);
    auto* intro =
        new QLabel(tr("The regional report counts the themes raised across the region and quotes only the "
                      "items you mark for it here: best practice, or a common systemic issue. Nothing "
                      "from a session note appears in it."));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_items = new QTreeWidget;
    m_items->setObjectName(QStringLiteral("reportItems"));
    m_items->setAccessibleName(tr("Captured items and their place in the report"));
    m_items->setColumnCount(4);
    m_items->setHeaderLabels({tr("LA and item"), tr("Theme"), tr("Text"), tr("For the report")});
    m_items->setRootIsDecorated(true);
    m_items->setUniformRowHeights(true);
    m_items->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_items->header()->setStretchLastSection(false);
    layout->addWidget(m_items, 1);
    auto* row = new QHBoxLayout;
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("reportSummary"));
    row->addWidget(m_summary, 1);
    m_build = new QPushButton(tr("&Build Report..."));
    m_build->setObjectName(QStringLiteral("buildReportButton"));
    m_build->setEnabled(false);
    connect(m_build, &QPushButton::clicked, m_buildAction, &QAction::trigger);
    row->addWidget(m_build);
    layout->addLayout(row);
    reload();
    return m_page;
}

void RegionalReportSection::setDocument(RegionDocument* document) {
    m_document = document;
    m_cycleId = 0;
    reload();
}

void RegionalReportSection::setCycle(qint64 cycleId) {
    m_cycleId = cycleId;
    reload();
}

void RegionalReportSection::reload() {
    const bool ready = m_document && m_cycleId > 0;
    m_buildAction->setEnabled(ready);
    if (!m_items) {
        return;
    }
    m_build->setEnabled(ready);
    m_items->clear();
    if (!ready) {
        m_summary->setText(tr("Choose a cycle to mark its items and build its report."));
        return;
    }
    const outcomes::ReportMarkStore marks(m_document->database(), m_document->clock());
    auto items = marks.markable(m_cycleId);
    if (!items) {
        m_summary->setText(items.message());
        return;
    }
    QTreeWidgetItem* laItem = nullptr;
    int best = 0;
    int issues = 0;
    for (const auto& item : *items) {
        if (laItem == nullptr || laItem->text(0) != item.authorityName) {
            laItem = new QTreeWidgetItem(m_items, {item.authorityName});
            laItem->setFirstColumnSpanned(false);
            QFont bold = laItem->font(0);
            bold.setBold(true);
            laItem->setFont(0, bold);
        }
        auto* row =
            new QTreeWidgetItem(laItem, {tr("%1, group %2").arg(displayName(item.kind), item.groupLabel),
                                         item.theme, QString(item.text).replace(u'\n', u' ')});
        row->setToolTip(2, item.text);
        row->setData(0, Qt::UserRole, item.itemId);
        auto* choice = new QComboBox;
        choice->setObjectName(QStringLiteral("reportMark-%1").arg(item.itemId));
        choice->setAccessibleName(
            tr("For the report: %1 of %2").arg(displayName(item.kind), item.authorityName));
        for (const auto section : sections) {
            choice->addItem(section == outcomes::ReportSection::None ? tr("Not in the report")
                                                                     : outcomes::displayName(section));
        }
        choice->setCurrentIndex(indexOf(item.section));
        const qint64 id = item.itemId;
        connect(choice, &QComboBox::currentIndexChanged, this, [this, id](int index) { setMark(id, index); });
        m_items->setItemWidget(row, 3, choice);
        best += item.section == outcomes::ReportSection::BestPractice ? 1 : 0;
        issues += item.section == outcomes::ReportSection::SystemicIssue ? 1 : 0;
    }
    m_items->expandAll();
    m_items->resizeColumnToContents(0);
    m_summary->setText(tr("%1 items; %2 marked as best practice, %3 as common systemic issues.")
                           .arg(items->size())
                           .arg(best)
                           .arg(issues));
}

void RegionalReportSection::setMark(qint64 itemId, int sectionIndex) {
    if (!m_document || sectionIndex < 0 || sectionIndex > 2) {
        return;
    }
    outcomes::ReportMarkStore marks(m_document->database(), m_document->clock());
    if (Status marked = marks.mark(itemId, sections[sectionIndex]); !marked) {
        m_prompter.showError(tr("Mark for the Report"), marked.message());
        reload();
        return;
    }
    // The counts below the list follow; the combo boxes already show the choice.
    int best = 0;
    int issues = 0;
    int count = 0;
    for (int i = 0; i < m_items->topLevelItemCount(); ++i) {
        QTreeWidgetItem* la = m_items->topLevelItem(i);
        for (int j = 0; j < la->childCount(); ++j) {
            const auto* box = qobject_cast<QComboBox*>(m_items->itemWidget(la->child(j), 3));
            ++count;
            best += box != nullptr && box->currentIndex() == 1 ? 1 : 0;
            issues += box != nullptr && box->currentIndex() == 2 ? 1 : 0;
        }
    }
    m_summary->setText(tr("%1 items; %2 marked as best practice, %3 as common systemic issues.")
                           .arg(count)
                           .arg(best)
                           .arg(issues));
    Q_EMIT statusMessage(tr("Item %1: %2.")
                             .arg(itemId)
                             .arg(sectionIndex == 0
                                      ? tr("not in the report")
                                      : outcomes::displayName(sections[sectionIndex]).toLower()),
                         3000);
}

bool RegionalReportSection::buildReport() {
    if (!m_document || m_cycleId <= 0) {
        return false;
    }
    const auto choice = m_prompter.askSaveFileAndType(tr("Build Regional Report"), tr("regional-report.pdf"),
                                                      reportFilters());
    if (choice.path.isEmpty()) {
        return false;
    }
    const reports::DocumentFormat* format = reports::formatForNameFilter(choice.selectedFilter);
    if (format == nullptr) {
        format = reports::findDocumentFormat(QFileInfo(choice.path).suffix());
    }
    if (format == nullptr || format->name() == QStringLiteral("html")) {
        format = reports::findDocumentFormat(QStringLiteral("pdf"));
    }
    const QString path = format->withExtension(choice.path);

    QProgressDialog progress(tr("Building the regional report..."), tr("Cancel"), 0,
                             reports::regionalReportSteps(), m_page ? m_page->window() : nullptr);
    progress.setObjectName(QStringLiteral("reportProgress"));
    progress.setWindowTitle(tr("Regional Report"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    progress.setValue(0);
    std::atomic<bool> cancel{false};
    connect(&progress, &QProgressDialog::canceled, this, [&cancel] { cancel = true; });
    QApplication::processEvents();
    const Status written = reports::exportRegionalReport(
        m_document->database(), m_cycleId, *format, path,
        [&](int done, int) {
            progress.setValue(done);
            // Between steps: the window repaints and the Cancel button is heard.
            QApplication::processEvents();
        },
        &cancel);
    progress.reset();
    if (!written) {
        if (outcomes::isReportCancelled(written.error())) {
            Q_EMIT statusMessage(tr("The regional report was cancelled; nothing was written."), 5000);
        } else {
            m_prompter.showError(tr("Build Regional Report"), written.message());
        }
        return false;
    }
    Q_EMIT statusMessage(tr("Wrote the regional report to %1.").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

} // namespace balcony::gui
