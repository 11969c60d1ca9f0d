// A roster or schedule import through the real dialog is one step on the undo history: Edit > Undo
// takes the whole import back, Redo brings it again, and an import that something off the history
// has changed since refuses to be undone, with the reason, and changes nothing.

#include "cycles/schedule_workspace.h"
#include "document/region_document.h"
#include "domain/roster_store.h"
#include "domain/schedule_store.h"
#include "fake_prompter.h"
#include "frame/main_window.h"
#include "frame/standard_workspaces.h"
#include "helpers/table_dump.h"
#include "models/authority_model.h"
#include "models/group_model.h"
#include "qt_catch.h"
#include "region_fixture.h"
#include "roster/import_dialog.h"
#include "roster/roster_workspace.h"
#include "store/database.h"
#include "store/sql.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSqlRecord>
#include <QTest>
#include <QUndoGroup>
#include <QUndoStack>
#include <catch2/catch.hpp>

using namespace balcony;
using namespace balcony::test;

namespace {

// The main window on the fixture region, as a user would have it.
struct Window {
    Window()
        : settings(settingsDir.path(QStringLiteral("s.ini")), QSettings::IniFormat)
        , window(prompter, settings) {
        gui::installStandardWorkspaces(window, prompter);
        REQUIRE(window.openDatabase(region.path));
        window.show();
    }

    gui::RegionDocument& document() { return *window.document(); }

    // Imports the file through the dialog, as File > Import would show it, pressing Import.
    void import(gui::ImportDialog::Kind kind, const QString& name, const char* csv) {
        const QString path = region.dir.path(name);
        writeFile(path, csv);
        gui::ImportDialog dialog(document(), kind, path,
                                 kind == gui::ImportDialog::Kind::Schedule ? region.cycleId : 0, &window);
        QStringList problems;
        for (const auto& problem : dialog.problems()) {
            problems << problem.message;
        }
        INFO(problems.join(u'\n').toStdString());
        REQUIRE(dialog.importButton()->isEnabled());
        QTest::mouseClick(dialog.importButton(), Qt::LeftButton);
        REQUIRE(dialog.result() == QDialog::Accepted);
    }

    // Every row of every table, sorted: equal dumps mean the region holds the same data.
    QStringList dump() { return test::dumpEveryTable(document().database()); }

    QStringList groupLabels() {
        auto groups = ScheduleStore(document().database()).groups(region.cycleId);
        REQUIRE(groups.ok());
        QStringList labels;
        for (const auto& g : *groups) {
            labels << g.label + u'@' + g.venue;
        }
        labels.sort();
        return labels;
    }

    QAction* editAction(const QString& prefix) {
        for (QAction* menu : window.menuBar()->actions()) {
            if (menu->menu() && menu->text() == QStringLiteral("&Edit")) {
                for (QAction* action : menu->menu()->actions()) {
                    if (action->text().startsWith(prefix)) {
                        return action;
                    }
                }
            }
        }
        return nullptr;
    }

    RegionFixture region;
    FakePrompter prompter;
    TempDir settingsDir;
    QSettings settings;
    gui::MainWindow window;
};

// The groups the Groups view lists, in its order.
QStringList viewLabels(const gui::GroupModel& model) {
    QStringList labels;
    for (int row = 0; row < model.rowCount(); ++row) {
        labels << model.index(row, gui::GroupModel::LabelColumn).data().toString();
    }
    labels.sort();
    return labels;
}

// Two new LAs, and Kent's DCS replaced.
const char* const rosterCsv = "la,dcs,dcs_email\r\n"
                              "Slough,Ivy North,ivy@example.org\r\n"
                              "Reading,Jo West,jo@example.org\r\n"
                              "Kent,Zoe Hart,zoe@example.org\r\n";

// Group 1 moves to another venue with a new facilitator (added to the roster), Group 2 is not
// listed (removed, with its members and lead reviewers), and its LAs form Group 3.
const char* const scheduleCsv = "group,date,mode,venue,facilitator,la,lead_reviewer_for\r\n"
                                "Group 1,2024-03-12,in person,Civic Centre,Sam Ellis,Kent,Surrey\r\n"
                                "Group 1,2024-03-12,in person,Civic Centre,Sam Ellis,Medway,Kent\r\n"
                                "Group 1,2024-03-12,in person,Civic Centre,Sam Ellis,Surrey,Medway\r\n"
                                "Group 3,2024-04-10,virtual,,Sam Ellis,Brighton and Hove,Isle of Wight\r\n"
                                "Group 3,2024-04-10,virtual,,Sam Ellis,Hampshire,Brighton and Hove\r\n"
                                "Group 3,2024-04-10,virtual,,Sam Ellis,Isle of Wight,Hampshire\r\n";

} // namespace

TEST_CASE("Edit > Undo takes a whole roster import back, and Redo brings it again") {
    Window t;
    t.window.showView(QStringLiteral("roster"));
    gui::AuthorityModel& authorities = t.window.workspace<gui::ScheduleTabs>()->roster()->authorityModel();
    const QStringList before = t.dump();
    REQUIRE(authorities.rowCount() == 6);

    t.import(gui::ImportDialog::Kind::Roster, QStringLiteral("roster.csv"), rosterCsv);
    const QStringList after = t.dump();
    CHECK(authorities.rowCount() == 8);
    CHECK(after.join(u'\n').contains(QStringLiteral("'Zoe Hart'")));
    CHECK(t.document().undoStack()->count() == 1);

    QAction* undo = t.editAction(QStringLiteral("&Undo"));
    QAction* redo = t.editAction(QStringLiteral("&Redo"));
    REQUIRE(undo);
    REQUIRE(redo);
    CHECK(undo->isEnabled());
    CHECK(undo->text().contains(QStringLiteral("Import Roster")));

    undo->trigger();
    CHECK(t.dump() == before);
    CHECK(authorities.rowCount() == 6); // the view shows it
    CHECK_FALSE(RosterStore(t.document().database()).authorityByName(QStringLiteral("Slough")).ok());
    CHECK(t.prompter.errors.isEmpty());

    REQUIRE(redo->isEnabled());
    redo->trigger();
    CHECK(t.dump() == after);
    CHECK(authorities.rowCount() == 8);

    undo->trigger();
    CHECK(t.dump() == before);
    CHECK(t.prompter.errors.isEmpty());
}

TEST_CASE("Edit > Undo takes a whole schedule import into a cycle back, and Redo brings it again") {
    Window t;
    t.window.showView(QStringLiteral("schedule"));
    REQUIRE(t.window.workspace<gui::ScheduleTabs>()->groups()->currentCycleId() == t.region.cycleId);
    gui::GroupModel& groups = t.window.workspace<gui::ScheduleTabs>()->groups()->groupModel();
    const QStringList before = t.dump();
    const QStringList labelsBefore = t.groupLabels();
    REQUIRE(labelsBefore == QStringList({QStringLiteral("Group 1@County Hall, Maidstone"),
                                         QStringLiteral("Group 2@County Hall, Maidstone")}));

    t.import(gui::ImportDialog::Kind::Schedule, QStringLiteral("schedule.csv"), scheduleCsv);
    const QStringList after = t.dump();
    const QStringList labelsAfter =
        QStringList({QStringLiteral("Group 1@Civic Centre"), QStringLiteral("Group 3@")});
    CHECK(t.groupLabels() == labelsAfter);
    CHECK(RosterStore(t.document().database()).authorityByName(QStringLiteral("Kent")).ok());
    CHECK(after.join(u'\n').contains(QStringLiteral("'Sam Ellis'")));
    CHECK(viewLabels(groups) == QStringList({QStringLiteral("Group 1"), QStringLiteral("Group 3")}));

    t.window.undoGroup()->undo();
    CHECK(t.prompter.errors.isEmpty());
    CHECK(t.dump() == before); // Group 2 is back with its members and lead reviewers; Sam Ellis is gone
    CHECK(t.groupLabels() == labelsBefore);
    CHECK(viewLabels(groups) == QStringList({QStringLiteral("Group 1"), QStringLiteral("Group 2")}));

    t.window.undoGroup()->redo();
    CHECK(t.dump() == after);
    CHECK(t.groupLabels() == labelsAfter);
    CHECK(viewLabels(groups) == QStringList({QStringLiteral("Group 1"), QStringLiteral("Group 3")}));
}

TEST_CASE("An import that something off the undo history changed since refuses to be undone and "
          "changes nothing") {
    Window t;
    t.window.showView(QStringLiteral("roster"));

    SECTION("an imported group's venue changed without an undo step") {
        t.import(gui::ImportDialog::Kind::Schedule, QStringLiteral("schedule.csv"), scheduleCsv);
        ScheduleStore schedule(t.document().database());
        auto groups = schedule.groups(t.region.cycleId);
        REQUIRE(groups.ok());
        Group* imported = nullptr;
        for (Group& g : *groups) {
            if (g.label == QStringLiteral("Group 3")) {
                imported = &g;
            }
        }
        REQUIRE(imported != nullptr);
        imported->venue = QStringLiteral("Town Hall");
        REQUIRE(schedule.updateGroup(*imported).ok());
        const QStringList changed = t.dump();

        t.window.undoGroup()->undo();
        CHECK(t.prompter.errors ==
              QStringList({QStringLiteral("The change was not saved: The schedule changed after the import; "
                                          "the import can no longer be undone.")}));
        CHECK(t.dump() == changed);
        CHECK(t.groupLabels().contains(QStringLiteral("Group 3@Town Hall")));
    }

    SECTION("an imported LA renamed without an undo step") {
        t.import(gui::ImportDialog::Kind::Roster, QStringLiteral("roster.csv"), rosterCsv);
        RosterStore roster(t.document().database());
        auto slough = roster.authorityByName(QStringLiteral("Slough"));
        REQUIRE(slough.ok());
        REQUIRE(roster.renameAuthority(slough->id, QStringLiteral("Slough Borough")).ok());
        const QStringList renamed = t.dump();

        t.window.undoGroup()->undo();
        CHECK(t.prompter.errors == QStringList({QStringLiteral(
                                       "The change was not saved: The roster changed after the import; the "
                                       "import can no longer be undone.")}));
        CHECK(t.dump() == renamed);
        CHECK(t.window.workspace<gui::ScheduleTabs>()->roster()->authorityModel().rowCount() == 8);
    }

    // The step that cannot be taken back leaves the history; nothing else is undone with it.
    CHECK(t.document().undoStack()->count() == 0);
    CHECK_FALSE(t.document().undoStack()->canRedo());
}

TEST_CASE("Import Roster lists the posts changing hands before anything is written, a respelt holder is "
          "no change") {
    Window t;
    const QStringList before = t.dump();
    const QString path = t.region.dir.path(QStringLiteral("replace.csv"));
    writeFile(path, rosterCsv);
    {
        gui::ImportDialog dialog(t.document(), gui::ImportDialog::Kind::Roster, path, 0, &t.window);
        dialog.show();
        CHECK(dialog.postChanges() ==
              QStringList{QStringLiteral("line 4: Kent's DCS: Alex Carter is replaced by Zoe Hart")});
        auto* list = dialog.findChild<QWidget*>(QStringLiteral("changesList"));
        REQUIRE(list);
        CHECK(list->isVisible());
        CHECK(dialog.importButton()->isEnabled());
        CHECK(t.dump() == before); // the preview wrote nothing
    }
    CHECK(t.dump() == before);

    writeFile(path, "la,dcs\r\nKent,Dr ALEX  Carter\r\nBrighton & Hove,\r\n");
    gui::ImportDialog respelt(t.document(), gui::ImportDialog::Kind::Roster, path, 0, &t.window);
    respelt.show();
    CHECK(respelt.postChanges().isEmpty());
    CHECK_FALSE(respelt.findChild<QWidget*>(QStringLiteral("changesList"))->isVisible());
    REQUIRE(respelt.importButton()->isEnabled());
    QTest::mouseClick(respelt.importButton(), Qt::LeftButton);
    REQUIRE(respelt.result() == QDialog::Accepted);
    auto authorities = RosterStore(t.document().database()).authorities();
    REQUIRE(authorities.ok());
    CHECK(authorities->size() == 6); // "Brighton & Hove" is the roster's Brighton and Hove
}
