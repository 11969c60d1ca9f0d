#include "app/frame/demo_document.h"
#include "app/frame/fake_prompter.h"
#include "document/region_document.h"
#include "domain/schedule_store.h"
#include "engine/clock.h"
#include "helpers/temp_dir.h"
#include "outcomes/report_marks.h"
#include "report/regional_report_section.h"
#include "reports/document_format.h"
#include "store/database.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QProcess>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QTimer>
#include <QTreeWidget>
#include <catch2/catch.hpp>

// The Regional Report tab driven through its widgets on the demo region: mark an item, build a
// report, cancel one.
using namespace balcony;
using namespace balcony::test;

namespace {

struct ReportDesk {
    TempDir dir;
    FakeClock clock{QDateTime(QDate(2023, 4, 1), QTime(9, 0), Qt::UTC)};
    std::unique_ptr<gui::RegionDocument> document;
    FakePrompter prompter;
    mutable gui::RegionalReportSection section{prompter};
    qint64 cycle = 0;

    ReportDesk() {
        const QString path = dir.path(QStringLiteral("demo.balcony"));
        writeDemoRegion(path);
        document = openDocument(path);
        document->setClock(clock);
        auto found = ScheduleStore(document->database()).cycleByName(QStringLiteral("2022-2023"));
        REQUIRE(found.ok());
        cycle = found->id;
        section.page()->resize(1200, 700);
        section.page()->show();
        section.setDocument(document.get());
        section.setCycle(cycle);
    }

    QTreeWidget* items() const {
        return section.page()->findChild<QTreeWidget*>(QStringLiteral("reportItems"));
    }

    // The combo box of an LA's item whose text starts with start.
    QComboBox* choiceFor(const QString& la, const QString& start) const {
        QTreeWidget* tree = items();
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            QTreeWidgetItem* laItem = tree->topLevelItem(i);
            if (laItem->text(0) != la) {
                continue;
            }
            for (int j = 0; j < laItem->childCount(); ++j) {
                if (laItem->child(j)->text(2).startsWith(start)) {
                    return qobject_cast<QComboBox*>(tree->itemWidget(laItem->child(j), 3));
                }
            }
        }
        return nullptr;
    }
};

QString pdfText(const QString& path) {
    QProcess tool;
    tool.start(QStringLiteral("pdftotext"),
               {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    REQUIRE(tool.waitForFinished(60000));
    // Ligatures ("ff" as U+FB00) back to letters.
    return QString::fromUtf8(tool.readAllStandardOutput())
        .normalized(QString::NormalizationForm_KC)
        .simplified();
}

} // namespace

TEST_CASE("The Regional Report tab lists the cycle's items by LA with the demo's marks", "[gui][report]") {
    ReportDesk desk;
    QTreeWidget* tree = desk.items();
    REQUIRE(tree != nullptr);
    CHECK(tree->topLevelItemCount() > 5);
    QComboBox* kent = desk.choiceFor(QStringLiteral("Kent"), QStringLiteral("Bringing down the cost"));
    REQUIRE(kent != nullptr);
    CHECK(kent->currentText() == QStringLiteral("Common systemic issue"));
    QComboBox* surrey =
        desk.choiceFor(QStringLiteral("Surrey"), QStringLiteral("Our recruitment and retention"));
    REQUIRE(surrey != nullptr);
    CHECK(surrey->currentIndex() == 0);
    CHECK(desk.section.page()
              ->findChild<QLabel*>(QStringLiteral("reportSummary"))
              ->text()
              .contains(QStringLiteral("3 marked as best practice, 3 as common systemic issues")));
}

TEST_CASE("Marking an item in the tab puts it in the report the tab builds", "[gui][report]") {
    ReportDesk desk;
    QComboBox* surrey =
        desk.choiceFor(QStringLiteral("Surrey"), QStringLiteral("Our recruitment and retention"));
    REQUIRE(surrey != nullptr);
    surrey->setCurrentIndex(1); // best practice, as a user's choice does
    outcomes::ReportMarkStore marks(desk.document->database(), desk.clock);
    auto all = marks.marked(desk.cycle);
    REQUIRE(all.ok());
    CHECK(std::any_of(all->begin(), all->end(), [](const outcomes::MarkedItem& item) {
        return item.text.startsWith(QStringLiteral("Our recruitment and retention offer"));
    }));

    desk.prompter.saveFileAnswer = desk.dir.path(QStringLiteral("region report"));
    desk.prompter.saveFilterAnswer = reports::findDocumentFormat(QStringLiteral("pdf"))->nameFilter();
    QSignalSpy status(&desk.section, &gui::OutcomesSection::statusMessage);
    QPushButton* build = desk.section.page()->findChild<QPushButton*>(QStringLiteral("buildReportButton"));
    REQUIRE(build != nullptr);
    REQUIRE(build->isEnabled());
    build->click();
    INFO(desk.prompter.errors.join(u'\n').toStdString());
    const QString pdf = desk.dir.path(QStringLiteral("region report.pdf"));
    REQUIRE(QFileInfo::exists(pdf));
    const QString text = pdfText(pdf);
    CHECK(text.contains(QStringLiteral("Regional report: 2022-2023")));
    CHECK(text.contains(QStringLiteral("Our recruitment and retention offer")));
    CHECK(text.contains(QStringLiteral("Experienced moderators who can test")));
    REQUIRE(status.size() >= 1);
    CHECK(status.last().at(0).toString().contains(QStringLiteral("Wrote the regional report")));
}

TEST_CASE("A regional report cancelled in its progress dialog writes no file", "[gui][report]") {
    ReportDesk desk;
    const QString odt = desk.dir.path(QStringLiteral("cancelled.odt"));
    desk.prompter.saveFileAnswer = odt;
    desk.prompter.saveFilterAnswer = reports::findDocumentFormat(QStringLiteral("odt"))->nameFilter();
    bool clicked = false;
    // The user presses Cancel as soon as the progress dialog is up.
    QTimer::singleShot(0, [&] {
        auto* progress =
            desk.section.page()->window()->findChild<QProgressDialog*>(QStringLiteral("reportProgress"));
        if (progress == nullptr) {
            for (QWidget* top : QApplication::topLevelWidgets()) {
                progress = progress != nullptr ? progress : qobject_cast<QProgressDialog*>(top);
            }
        }
        REQUIRE(progress != nullptr);
        QPushButton* cancel = progress->findChild<QPushButton*>();
        REQUIRE(cancel != nullptr);
        cancel->click();
        clicked = true;
    });
    QSignalSpy status(&desk.section, &gui::OutcomesSection::statusMessage);
    CHECK_FALSE(desk.section.buildReport());
    CHECK(clicked);
    CHECK_FALSE(QFileInfo::exists(odt));
    CHECK(desk.prompter.errors.isEmpty());
    REQUIRE(status.size() == 1);
    CHECK(status.last().at(0).toString() ==
          QStringLiteral("The regional report was cancelled; nothing was written."));
    // Nothing else in the folder either (no temporary file left behind).
    CHECK(
        QDir(desk.dir.path(QString())).entryList(QDir::Files).filter(QStringLiteral("cancelled")).isEmpty());
}
