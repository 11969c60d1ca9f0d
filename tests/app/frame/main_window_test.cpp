#include "board/group_board.h"
#include "board/group_card.h"
#include "board/schedule_board_view.h"
#include "cycles/schedule_workspace.h"
#include "document/region_document.h"
#include "domain/schedule_store.h"
#include "fake_prompter.h"
#include "frame/main_window.h"
#include "frame/screenshot.h"
#include "frame/standard_workspaces.h"
#include "models/group_model.h"
#include "qt_catch.h"
#include "region_fixture.h"
#include "store/database.h"

#include <QFileInfo>
#include <QImage>
#include <QMenuBar>
#include <QSettings>
#include <QTabWidget>
#include <QTableView>
#include <QUndoGroup>
#include <catch2/catch.hpp>

using namespace balcony;
using namespace balcony::test;

namespace {
struct Settings {
    TempDir dir;
    QSettings settings{dir.path(QStringLiteral("settings.ini")), QSettings::IniFormat};
};
QAction* menuAction(QMainWindow& window, const QString& menuText, const QString& actionText) {
    for (QAction* menu : window.menuBar()->actions()) {
        if (menu->text() == menuText && menu->menu() != nullptr) {
            for (QAction* action : menu->menu()->actions()) {
                if (action->text() == actionText) {
                    return action;
                }
            }
        }
    }
    return nullptr;
}

qint64 kentsReviewer(gui::MainWindow& window, const RegionFixture& region) {
    auto schedule = ScheduleStore(window.document()->database()).load(region.cycleId);
    REQUIRE(schedule.ok());
    const Group* group = schedule->groupOf(region.kentId);
    REQUIRE(group != nullptr);
    return group->member(region.kentId)->leadReviewerId;
}
} // namespace

TEST_CASE("The Schedule menu reaches the cycle and group actions, and the exports wait for a cycle") {
    FakePrompter prompter;
    Settings s;
    gui::MainWindow window(prompter, s.settings);
    gui::installStandardWorkspaces(window, prompter, &gui::createScheduleBoard);
    const QString schedule = QStringLiteral("&Schedule");

    TempDir empty;
    const QString emptyPath = empty.path(QStringLiteral("empty.balcony"));
    REQUIRE(Database::open(emptyPath, {.create = true}).ok());
    REQUIRE(window.openDatabase(emptyPath));
    QAction* newCycle = menuAction(window, schedule, QStringLiteral("&New Cycle..."));
    QAction* newGroup = menuAction(window, schedule, QStringLiteral("New &Group..."));
    QAction* generate = menuAction(window, schedule, QStringLiteral("Generate &Lead Reviewers"));
    REQUIRE(newCycle != nullptr);
    REQUIRE(menuAction(window, schedule, QStringLiteral("&Edit Cycle...")) != nullptr);
    REQUIRE(newGroup != nullptr);
    REQUIRE(generate != nullptr);
    CHECK(newCycle->isEnabled());
    CHECK_FALSE(newGroup->isEnabled());
    CHECK_FALSE(generate->isEnabled());
    for (const char* text : {"&Export Schedule CSV...", "Export &Printable Schedule (PDF)...",
                             "Export i&Calendar Invitations..."}) {
        INFO(text);
        QAction* action = menuAction(window, QStringLiteral("&File"), QString::fromUtf8(text));
        REQUIRE(action != nullptr);
        CHECK_FALSE(action->isEnabled());
        CHECK(action->toolTip().contains(QStringLiteral("New Cycle")));
    }

    RegionFixture region;
    REQUIRE(window.openDatabase(region.path));
    CHECK(
        menuAction(window, QStringLiteral("&File"), QStringLiteral("&Export Schedule CSV..."))->isEnabled());
    REQUIRE(newGroup != nullptr);
    CHECK(newGroup->isEnabled());
    CHECK(generate->isEnabled());
    auto* board = window.findChild<gui::GroupBoard*>();
    REQUIRE(board != nullptr);
    REQUIRE(board->setLeadReviewer(board->cardOf(region.kentId)->uid(), region.kentId, 0).ok());
    REQUIRE(kentsReviewer(window, region) == 0);

    generate->trigger();
    CHECK(kentsReviewer(window, region) == region.medwayId); // the only ring left
    window.undoGroup()->undo();
    CHECK(kentsReviewer(window, region) == 0);
}

TEST_CASE("Opening a region database shows its cycle's groups in presenting order with their reviewers") {
    RegionFixture region;
    FakePrompter prompter;
    Settings s;
    gui::MainWindow window(prompter, s.settings);
    gui::installStandardWorkspaces(window, prompter);

    REQUIRE(window.openDatabase(region.path));
    REQUIRE(window.workspace<gui::ScheduleTabs>()->groups() != nullptr);
    CHECK(window.workspace<gui::ScheduleTabs>()->groups()->currentCycleId() == region.cycleId);

    QAbstractItemModel* table = window.workspace<gui::ScheduleTabs>()->groups()->groupTable()->model();
    REQUIRE(table->rowCount() == 2);
    CHECK(table->index(0, gui::GroupModel::LabelColumn).data().toString() == QStringLiteral("Group 1"));
    CHECK(table->index(0, gui::GroupModel::MembersColumn).data().toString() ==
          QStringLiteral("Kent\nMedway\nSurrey"));
    CHECK(table->index(0, gui::GroupModel::LeadReviewersColumn)
              .data()
              .toString()
              .contains(QStringLiteral("Medway reviews Kent")));
    CHECK(table->index(0, gui::GroupModel::FacilitatorColumn).data().toString() ==
          QStringLiteral("Gwen Facilitator"));
    CHECK(window.statusPathText().contains(QStringLiteral("region.balcony")));
    CHECK(prompter.errors.isEmpty());
}

TEST_CASE("A database held by another Balcony shows why and opens read-only when the user agrees") {
    RegionFixture region;
    auto holder = Database::open(region.path); // the "other Balcony"
    REQUIRE(holder.ok());
    FakePrompter prompter;
    prompter.readOnlyAnswer = true;
    Settings s;
    gui::MainWindow window(prompter, s.settings);
    gui::installStandardWorkspaces(window, prompter);

    REQUIRE(window.openDatabase(region.path));

    REQUIRE(prompter.readOnlyMessages.size() == 1);
    CHECK(prompter.readOnlyMessages.first().contains(QStringLiteral("region.balcony")));
    CHECK(prompter.readOnlyMessages.first().contains(QStringLiteral("another Balcony")));
    REQUIRE(window.document() != nullptr);
    CHECK(window.document()->isReadOnly());
    CHECK(window.workspace<gui::ScheduleTabs>()->groups()->groupTable()->model()->rowCount() == 2);
}

TEST_CASE("Declining read-only for a locked database opens nothing") {
    RegionFixture region;
    auto holder = Database::open(region.path);
    REQUIRE(holder.ok());
    FakePrompter prompter;
    prompter.readOnlyAnswer = false;
    Settings s;
    gui::MainWindow window(prompter, s.settings);
    gui::installStandardWorkspaces(window, prompter);

    CHECK_FALSE(window.openDatabase(region.path));
    CHECK(prompter.readOnlyMessages.size() == 1);
    CHECK(window.document() == nullptr);
}

TEST_CASE("A file that is not a Balcony database is refused with its reason and no read-only offer") {
    TempDir dir;
    const QString junk = dir.path(QStringLiteral("notes.balcony"));
    writeFile(junk, QByteArray("this is a shopping list, not a database\n").repeated(20));
    FakePrompter prompter;
    Settings s;
    gui::MainWindow window(prompter, s.settings);
    gui::installStandardWorkspaces(window, prompter);

    CHECK_FALSE(window.openDatabase(junk));
    CHECK(prompter.readOnlyMessages.isEmpty());
    REQUIRE(prompter.errors.size() == 1);
    CHECK(prompter.errors.first().contains(QStringLiteral("notes.balcony")));
    CHECK(prompter.errors.first().contains(QStringLiteral("not a Balcony database")));
    CHECK(readAll(junk).startsWith("this is a shopping list"));
}

TEST_CASE("A first start offers to create the region database and creates an empty one when asked") {
    TempDir dir;
    const QString path = dir.path(QStringLiteral("new/region.balcony"));
    FakePrompter prompter;
    Settings s;
    gui::MainWindow window(prompter, s.settings);
    gui::installStandardWorkspaces(window, prompter);

    SECTION("cancelling creates nothing") {
        prompter.firstStartAnswer = gui::Prompter::FirstStart::Cancel;
        CHECK_FALSE(window.openDatabase(path));
        CHECK(prompter.firstStartPaths == QStringList{path});
        CHECK_FALSE(QFileInfo::exists(path));
    }
    SECTION("an empty region") {
        prompter.firstStartAnswer = gui::Prompter::FirstStart::EmptyRegion;
        REQUIRE(window.openDatabase(path));
        CHECK(QFileInfo::exists(path));
        CHECK(window.workspace<gui::ScheduleTabs>()->groups()->currentCycleId() == 0);
        CHECK(prompter.errors.isEmpty());
    }
}

TEST_CASE("The window remembers recent databases and the last view across sessions") {
    RegionFixture region;
    FakePrompter prompter;
    Settings s;
    {
        gui::MainWindow window(prompter, s.settings);
        gui::installStandardWorkspaces(window, prompter);
        REQUIRE(window.openDatabase(region.path));
        REQUIRE(window.showView(QStringLiteral("roster")));
        window.close();
    }
    CHECK(s.settings.value(QStringLiteral("recentDatabases")).toStringList().first() ==
          QFileInfo(region.path).absoluteFilePath());

    gui::MainWindow again(prompter, s.settings);
    gui::installStandardWorkspaces(again, prompter);
    REQUIRE(again.openDatabase(region.path));
    again.restoreFromSettings();
    auto* tabs = again.findChild<QTabWidget*>(QStringLiteral("scheduleTabs"));
    REQUIRE(tabs != nullptr);
    CHECK(tabs->currentIndex() == 1);
}

TEST_CASE("A view renders to a PNG of the requested size") {
    RegionFixture region;
    FakePrompter prompter;
    Settings s;
    gui::MainWindow window(prompter, s.settings);
    gui::installStandardWorkspaces(window, prompter);
    REQUIRE(window.openDatabase(region.path));
    REQUIRE(window.showView(QStringLiteral("self-assessments")));
    CHECK_FALSE(window.showView(QStringLiteral("no-such-view")));

    const QString out = region.dir.path(QStringLiteral("shot.png"));
    REQUIRE(gui::saveScreenshot(window, QSize(1024, 700), out).ok());
    const QImage image(out);
    CHECK(image.size() == QSize(1024, 700));
}
