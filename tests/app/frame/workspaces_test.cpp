#include "board/group_board.h"
#include "board/group_card.h"
#include "board/schedule_board_view.h"
#include "cycles/schedule_tabs.h"
#include "document/region_document.h"
#include "domain/schedule_store.h"
#include "fake_prompter.h"
#include "frame/main_window.h"
#include "frame/standard_workspaces.h"
#include "frame/workspace.h"
#include "problems/problems_panel.h"
#include "qt_catch.h"
#include "region_fixture.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTest>
#include <QUndoGroup>
#include <QUndoStack>
#include <catch2/catch.hpp>

using namespace balcony;
using namespace balcony::test;

namespace {

struct Settings {
    TempDir dir;
    QSettings settings{dir.path(QStringLiteral("settings.ini")), QSettings::IniFormat};
};

qint64 kentsReviewer(gui::MainWindow& window, const RegionFixture& region) {
    auto schedule = ScheduleStore(window.document()->database()).load(region.cycleId);
    REQUIRE(schedule.ok());
    const Group* group = schedule->groupOf(region.kentId);
    REQUIRE(group != nullptr);
    return group->member(region.kentId)->leadReviewerId;
}

QAction* editAction(gui::MainWindow& window, const QString& text) {
    for (QAction* menu : window.menuBar()->actions()) {
        if (menu->text() == QStringLiteral("&Edit")) {
            for (QAction* action : menu->menu()->actions()) {
                if (action->text().startsWith(text)) {
                    return action;
                }
            }
        }
    }
    return nullptr;
}

// A workspace as a test needs it: a page, a menu, a status-bar label, a view, a setting, and an
// undo stack of its own when asked.
class FakeWorkspace final : public gui::Workspace {
public:
    explicit FakeWorkspace(QString id, bool withStack)
        : m_id(std::move(id))
        , m_page(new QLabel(m_id))
        , m_menu(std::make_unique<QMenu>(m_id + QStringLiteral(" menu")))
        , m_status(new QLabel(m_id + QStringLiteral(" status"), m_page))
        , m_stack(withStack ? new QUndoStack(this) : nullptr) {
        m_menu->addAction(QStringLiteral("Do it"));
    }

    QString id() const override { return m_id; }
    QString title() const override { return m_id; }
    QWidget* widget() const override { return m_page; }
    QList<QMenu*> menus() const override { return {m_menu.get()}; }
    QList<QWidget*> statusBarWidgets() const override { return {m_status}; }
    QStringList viewNames() const override { return {m_id, m_id + QStringLiteral("-detail")}; }
    void showView(const QString& name) override { shownView = name; }
    QUndoStack* undoStack() const override { return m_stack; }
    void setDocument(gui::RegionDocument* document) override { documents << document; }
    void saveSettings(QSettings& settings) const override { settings.setValue(QStringLiteral("zoom"), zoom); }
    void restoreSettings(const QSettings& settings) override {
        zoom = settings.value(QStringLiteral("zoom"), 1).toInt();
    }

    QMenu* menu() const { return m_menu.get(); }
    QLabel* status() const { return m_status; }

    QString shownView;
    QList<gui::RegionDocument*> documents;
    int zoom = 1;

private:
    QString m_id;
    QLabel* m_page;
    std::unique_ptr<QMenu> m_menu;
    QLabel* m_status;
    QUndoStack* m_stack;
};

} // namespace

TEST_CASE("Undo in a workspace without an undo stack is unavailable and leaves the board's edit alone") {
    RegionFixture region;
    FakePrompter prompter;
    Settings s;
    gui::MainWindow window(prompter, s.settings);
    gui::installStandardWorkspaces(window, prompter, &gui::createScheduleBoard);
    REQUIRE(window.openDatabase(region.path));
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));

    auto* board = window.workspace<gui::ScheduleTabs>()->groupBoard();
    REQUIRE(board != nullptr);
    const qint64 before = kentsReviewer(window, region);
    REQUIRE(before != 0);
    REQUIRE(board->setLeadReviewer(board->cardOf(region.kentId)->uid(), region.kentId, 0).ok());
    REQUIRE(kentsReviewer(window, region) == 0);
    QAction* undo = editAction(window, QStringLiteral("&Undo"));
    REQUIRE(undo != nullptr);
    CHECK(undo->isEnabled());

    for (const char* view : {"run-the-day", "notes"}) {
        INFO(view);
        REQUIRE(window.showView(QString::fromLatin1(view)));
        CHECK(window.currentWorkspace()->undoStack() == nullptr);
        CHECK(window.undoGroup()->activeStack() == nullptr);
        CHECK_FALSE(undo->isEnabled());
        CHECK_FALSE(editAction(window, QStringLiteral("&Redo"))->isEnabled());
        undo->trigger();
        window.undoGroup()->undo();
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
        CHECK(kentsReviewer(window, region) == 0); // the board's edit stays
    }

    // Back in the Schedule workspace its edits are one Ctrl+Z away again.
    REQUIRE(window.showView(QStringLiteral("schedule")));
    CHECK(undo->isEnabled());
    QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
    CHECK(kentsReviewer(window, region) == before);
}

TEST_CASE("The keys of a workspace's menu do nothing while another workspace is current") {
    RegionFixture region;
    FakePrompter prompter;
    Settings s;
    gui::MainWindow window(prompter, s.settings);
    gui::installStandardWorkspaces(window, prompter, &gui::createScheduleBoard);
    REQUIRE(window.openDatabase(region.path));
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    auto* board = window.workspace<gui::ScheduleTabs>()->groupBoard();
    REQUIRE(board->setLeadReviewer(board->cardOf(region.kentId)->uid(), region.kentId, 0).ok());

    // Schedule > Generate Lead Reviewers is Ctrl+Shift+L.
    REQUIRE(window.showView(QStringLiteral("run-the-day")));
    QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
    CHECK(window.currentWorkspace()->id() == QStringLiteral("run-the-day"));
    CHECK(kentsReviewer(window, region) == 0);

    REQUIRE(window.showView(QStringLiteral("schedule")));
    QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
    CHECK(kentsReviewer(window, region) == region.medwayId);
}

TEST_CASE("The window installs a workspace: its page, menu, status widgets, views, settings and stack") {
    FakePrompter prompter;
    Settings s;
    RegionFixture region;
    {
        gui::MainWindow window(prompter, s.settings);
        auto& first = static_cast<FakeWorkspace&>(
            window.installWorkspace(std::make_unique<FakeWorkspace>(QStringLiteral("first"), true)));
        auto& second = static_cast<FakeWorkspace&>(
            window.installWorkspace(std::make_unique<FakeWorkspace>(QStringLiteral("second"), false)));
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));

        CHECK(window.currentWorkspace() == &first);
        CHECK(window.viewNames() == QStringList{QStringLiteral("first"), QStringLiteral("first-detail"),
                                                QStringLiteral("second"), QStringLiteral("second-detail")});
        CHECK(first.menu()->menuAction()->isVisible());
        CHECK_FALSE(second.menu()->menuAction()->isVisible());
        CHECK(first.status()->isVisible());
        CHECK_FALSE(second.status()->isVisible());
        CHECK(window.undoGroup()->activeStack() == first.undoStack());

        REQUIRE(window.showView(QStringLiteral("second-detail")));
        CHECK(window.currentWorkspace() == &second);
        CHECK(second.shownView == QStringLiteral("second-detail"));
        CHECK_FALSE(first.menu()->menuAction()->isVisible());
        CHECK(second.menu()->menuAction()->isVisible());
        CHECK_FALSE(first.status()->isVisible());
        CHECK(second.status()->isVisible());
        CHECK(window.undoGroup()->activeStack() == nullptr);
        CHECK_FALSE(window.showView(QStringLiteral("third")));

        // Every workspace is handed each document, and let go of it before it closes.
        REQUIRE(window.openDatabase(region.path));
        gui::RegionDocument* opened = window.document();
        CHECK(first.documents.last() == opened);
        CHECK(second.documents.last() == opened);
        window.setDocument(nullptr);
        CHECK(first.documents == QList<gui::RegionDocument*>{opened, nullptr});

        second.zoom = 3;
        window.close();
    }
    CHECK(s.settings.value(QStringLiteral("window/workspace")).toString() == QStringLiteral("second"));
    CHECK(s.settings.value(QStringLiteral("workspace/second/zoom")).toInt() == 3);

    gui::MainWindow again(prompter, s.settings);
    again.installWorkspace(std::make_unique<FakeWorkspace>(QStringLiteral("first"), true));
    auto& second = static_cast<FakeWorkspace&>(
        again.installWorkspace(std::make_unique<FakeWorkspace>(QStringLiteral("second"), false)));
    again.restoreFromSettings();
    CHECK(again.currentWorkspace() == &second);
    CHECK(second.zoom == 3);
}

TEST_CASE("The program's workspaces answer to the view names the command line accepts") {
    FakePrompter prompter;
    Settings s;
    gui::MainWindow window(prompter, s.settings);
    gui::installStandardWorkspaces(window, prompter);
    CHECK(window.viewNames() == gui::standardViewNames());
}

TEST_CASE("A saved note or a day event reloads no cycle and re-runs no schedule check") {
    RegionFixture region;
    auto document = region.openDocument();
    gui::ProblemsPanel panel(*document);
    panel.setCycleId(region.cycleId);
    QSignalSpy schedule(document.get(), &gui::RegionDocument::scheduleChanged);
    QSignalSpy cycles(document.get(), &gui::RegionDocument::cyclesChanged);
    QSignalSpy roster(document.get(), &gui::RegionDocument::rosterChanged);
    QSignalSpy assessments(document.get(), &gui::RegionDocument::assessmentsChanged);
    QSignalSpy changed(document.get(), &gui::RegionDocument::changed);
    QSignalSpy notes(document.get(), &gui::RegionDocument::notesChanged);
    QSignalSpy day(document.get(), &gui::RegionDocument::dayChanged);
    QSignalSpy rechecked(&panel, &gui::ProblemsPanel::problemsChanged);

    SECTION("a note") {
        document->notifyNotesChanged(region.cycleId, 7);
        REQUIRE(notes.size() == 1);
        CHECK(notes.first().at(0).toLongLong() == region.cycleId);
        CHECK(notes.first().at(1).toLongLong() == 7);
        CHECK(day.isEmpty());
    }
    SECTION("a day event") {
        document->notifyDayChanged(7);
        REQUIRE(day.size() == 1);
        CHECK(day.first().at(0).toLongLong() == 7);
        CHECK(notes.isEmpty());
    }
    CHECK(schedule.isEmpty());
    CHECK(cycles.isEmpty());
    CHECK(roster.isEmpty());
    CHECK(assessments.isEmpty());
    CHECK(changed.isEmpty());
    CHECK(rechecked.isEmpty());

    // The same panel does re-run its checks when the schedule changes.
    document->notifyScheduleChanged(region.cycleId);
    CHECK(schedule.size() == 1);
    CHECK(rechecked.size() == 1);
}
