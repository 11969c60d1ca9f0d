#include "board/group_board.h"
#include "board/group_card.h"
#include "board/schedule_board_view.h"
#include "document/region_document.h"
#include "domain/schedule_store.h"
#include "fake_prompter.h"
#include "frame/main_window.h"
#include "frame/standard_workspaces.h"
#include "models/authority_model.h"
#include "qt_catch.h"
#include "region_fixture.h"
#include "roster/roster_workspace.h"

#include <QAction>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>
#include <QToolButton>
#include <catch2/catch.hpp>

using namespace balcony;
using namespace balcony::test;

namespace {

struct Settings {
    TempDir dir;
    QSettings settings{dir.path(QStringLiteral("settings.ini")), QSettings::IniFormat};
};

// The main window as the program builds it (with the group board), on the fixture's region.
struct WindowWithBoard {
    RegionFixture region;
    FakePrompter prompter;
    Settings s;
    gui::MainWindow window{prompter, s.settings};

    WindowWithBoard() {
        gui::installStandardWorkspaces(window, prompter, &gui::createScheduleBoard);
        REQUIRE(window.openDatabase(region.path));
        window.show();
    }

    gui::GroupBoard* board() const { return window.findChild<gui::GroupBoard*>(); }

    std::vector<Group> groups() {
        auto groups = ScheduleStore(window.document()->database()).groups(region.cycleId);
        REQUIRE(groups.ok());
        return *groups;
    }
};

QAction* menuAction(QMenu* menu, const QString& objectName, const QString& text = QString()) {
    for (QAction* action : menu->actions()) {
        if ((!objectName.isEmpty() && action->objectName() == objectName) ||
            (!text.isEmpty() && action->text() == text)) {
            return action;
        }
    }
    return nullptr;
}

QMenu* fileMenu(gui::MainWindow& window) {
    for (QAction* action : window.menuBar()->actions()) {
        if (action->menu() && action->text() == QStringLiteral("&File")) {
            return action->menu();
        }
    }
    return nullptr;
}

// The calendar with folded lines joined again (RFC 5545 folds at 75 octets).
QString readCalendar(const QString& path) {
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return QString::fromUtf8(file.readAll()).replace(QStringLiteral("\r\n "), QString());
}

} // namespace

TEST_CASE("File > Export iCalendar Invitations writes one event per group of the cycle") {
    WindowWithBoard t;
    const QString path = t.s.dir.path(QStringLiteral("cycle.ics"));
    t.prompter.saveFileAnswer = path;
    QMenu* file = fileMenu(t.window);
    REQUIRE(file);
    QAction* exportAction = menuAction(file, QStringLiteral("exportInvitationsAction"));
    REQUIRE(exportAction);
    REQUIRE(exportAction->isEnabled());

    exportAction->trigger();

    CHECK(t.prompter.errors.isEmpty());
    const QString calendar = readCalendar(path);
    const auto groups = t.groups();
    REQUIRE(groups.size() == 2);
    CHECK(calendar.count(QStringLiteral("BEGIN:VEVENT")) == 2);
    for (const auto& g : groups) {
        CHECK(calendar.contains(QStringLiteral("UID:") + g.uid));
    }
    CHECK(t.window.statusBar()->currentMessage().contains(QStringLiteral("cycle.ics")));
}

TEST_CASE("A group card's menu exports the invitation of that group only") {
    WindowWithBoard t;
    const QString path = t.s.dir.path(QStringLiteral("group1.ics"));
    t.prompter.saveFileAnswer = path;
    REQUIRE(t.board());
    gui::GroupCard* card = t.board()->cardLabelled(QStringLiteral("Group 1"));
    REQUIRE(card);
    REQUIRE(card->menuButton()->menu());
    QAction* exportAction =
        menuAction(card->menuButton()->menu(), QString(), QStringLiteral("Export invitation (.ics)…"));
    REQUIRE(exportAction);

    exportAction->trigger();

    CHECK(t.prompter.errors.isEmpty());
    const QString calendar = readCalendar(path);
    CHECK(calendar.count(QStringLiteral("BEGIN:VEVENT")) == 1);
    for (const auto& g : t.groups()) {
        CHECK(calendar.contains(QStringLiteral("UID:") + g.uid) == (g.label == QStringLiteral("Group 1")));
    }
    CHECK(t.window.statusBar()->currentMessage().contains(QStringLiteral("group1.ics")));
}

TEST_CASE("An invitation export that cannot write shows the exporter's message") {
    WindowWithBoard t;
    t.prompter.saveFileAnswer = t.s.dir.path(QStringLiteral("no-such-folder/cycle.ics"));
    QMenu* file = fileMenu(t.window);
    REQUIRE(file);
    QAction* exportAction = menuAction(file, QStringLiteral("exportInvitationsAction"));
    REQUIRE(exportAction);

    exportAction->trigger();

    REQUIRE(t.prompter.errors.size() == 1);
    CHECK(t.prompter.errors.front().contains(QStringLiteral("no-such-folder")));
}

TEST_CASE("A refused edit shows once: in the board's banner on the board, as a dialog elsewhere") {
    WindowWithBoard t;
    REQUIRE(t.window.showView(QStringLiteral("schedule")));
    gui::GroupBoard* board = t.board();
    REQUIRE(board);
    REQUIRE(board->isVisible());
    const QString group1 = board->cardLabelled(QStringLiteral("Group 1"))->uid();
    qint64 otherGroupMember = 0;
    for (const auto& g : t.groups()) {
        if (g.label == QStringLiteral("Group 2") && !g.members.empty()) {
            otherGroupMember = g.members.front().authorityId;
        }
    }
    REQUIRE(otherGroupMember != 0);

    // On the board: a lead reviewer from another group is refused, in the banner only.
    CHECK_FALSE(board->setLeadReviewer(group1, t.region.kentId, otherGroupMember).ok());
    CHECK_FALSE(board->message().isEmpty());
    CHECK(t.prompter.errors.isEmpty());

    // In the roster, with the board out of sight: the dialog, once.
    REQUIRE(t.window.showView(QStringLiteral("roster")));
    REQUIRE_FALSE(board->isVisible());
    gui::AuthorityModel& roster = t.window.workspace<gui::ScheduleTabs>()->roster()->authorityModel();
    roster.setData(roster.indexOf(t.region.medwayId), QStringLiteral("Kent")); // Kent is taken
    CHECK(t.prompter.errors.size() == 1);
}
