#include "document/region_document.h"
#include "domain/roster_store.h"
#include "fake_prompter.h"
#include "frame/main_window.h"
#include "models/authority_model.h"
#include "models/model_roles.h"
#include "models/person_model.h"
#include "qt_catch.h"
#include "region_fixture.h"
#include "roster/import_dialog.h"
#include "roster/roster_workspace.h"

#include <QAbstractProxyModel>
#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTest>
#include <QUndoGroup>
#include <QUndoStack>
#include <catch2/catch.hpp>

using namespace balcony;
using namespace balcony::test;

namespace {
QString authorityName(gui::RegionDocument& document, qint64 id) {
    auto all = RosterStore(document.database()).authorities();
    REQUIRE(all.ok());
    for (const auto& la : *all) {
        if (la.id == id) {
            return la.name;
        }
    }
    return {};
}

// The main window on the fixture region, showing the roster, as a user would have it.
struct RosterWindow {
    RosterWindow()
        : settings(settingsDir.path(QStringLiteral("s.ini")), QSettings::IniFormat)
        , window(prompter, settings) {
        REQUIRE(window.openDatabase(region.path));
        window.showView(QStringLiteral("roster"));
        window.show();
    }

    RegionFixture region;
    FakePrompter prompter;
    TempDir settingsDir;
    QSettings settings;
    gui::MainWindow window;
};

QModelIndex viewIndex(QTableView* table, const QModelIndex& sourceIndex) {
    auto* proxy = qobject_cast<QAbstractProxyModel*>(table->model());
    return proxy->mapFromSource(sourceIndex);
}
} // namespace

TEST_CASE("Renaming an LA in the roster table saves it at once, and undo and redo take it back and forth") {
    RosterWindow ui;
    RegionFixture& region = ui.region;
    gui::MainWindow& window = ui.window;
    gui::RosterWorkspace* roster = window.rosterWorkspace();
    QTableView* table = roster->authorityTable();

    const QModelIndex cell = viewIndex(table, roster->authorityModel().indexOf(region.medwayId));
    REQUIRE(cell.isValid());
    table->setCurrentIndex(cell);
    table->edit(cell);
    auto* editor = table->viewport()->findChild<QLineEdit*>();
    REQUIRE(editor != nullptr);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("Medway Council"));
    QTest::keyClick(editor, Qt::Key_Return);
    QCoreApplication::processEvents(); // the delegate commits on a queued call

    gui::RegionDocument& document = *window.document();
    CHECK(authorityName(document, region.medwayId) == QStringLiteral("Medway Council"));
    CHECK(roster->authorityModel().indexOf(region.medwayId).data().toString() ==
          QStringLiteral("Medway Council"));

    window.undoGroup()->undo();
    CHECK(authorityName(document, region.medwayId) == QStringLiteral("Medway"));
    CHECK(roster->authorityModel().indexOf(region.medwayId).data().toString() == QStringLiteral("Medway"));

    window.undoGroup()->redo();
    CHECK(authorityName(document, region.medwayId) == QStringLiteral("Medway Council"));
}

TEST_CASE("A rename that the database refuses is reported and leaves nothing on the undo stack") {
    RegionFixture region;
    auto document = region.openDocument();
    gui::AuthorityModel model(*document);
    QStringList failures;
    QObject::connect(document.get(), &gui::RegionDocument::editFailed, document.get(),
                     [&](const QString& message) { failures << message; });

    // Kent is taken: the schema's UNIQUE name refuses it.
    CHECK(model.setData(model.indexOf(region.medwayId), QStringLiteral("Kent")));
    CHECK(document->undoStack()->count() == 0);
    CHECK(failures.size() == 1);
    CHECK(model.indexOf(region.medwayId).data().toString() == QStringLiteral("Medway"));
}

TEST_CASE("Changing a DCS in the roster is one undoable edit") {
    RegionFixture region;
    auto document = region.openDocument();
    gui::AuthorityModel model(*document);

    REQUIRE(model.setData(model.indexOf(region.kentId, gui::AuthorityModel::DcsColumn),
                          QStringLiteral("Hana Ito")));
    CHECK(model.indexOf(region.kentId, gui::AuthorityModel::DcsColumn).data().toString() ==
          QStringLiteral("Hana Ito"));
    document->undoStack()->undo();
    CHECK(model.indexOf(region.kentId, gui::AuthorityModel::DcsColumn).data().toString() ==
          QStringLiteral("Alex Carter"));
}

namespace {
qint64 personIdNamed(gui::RegionDocument& document, const QString& name) {
    auto people = RosterStore(document.database()).people();
    REQUIRE(people.ok());
    for (const auto& person : *people) {
        if (person.name == name) {
            return person.id;
        }
    }
    return 0;
}
} // namespace

TEST_CASE("A person's role is changed from its drop-down, and undo takes it back") {
    RosterWindow ui;
    gui::MainWindow& window = ui.window;
    gui::RosterWorkspace* roster = window.rosterWorkspace();
    gui::PersonModel& people = roster->personModel();
    const qint64 gwen = personIdNamed(*window.document(), QStringLiteral("Gwen Facilitator"));
    REQUIRE(gwen != 0);

    QTableView* table = roster->personTable();
    const QModelIndex cell = viewIndex(table, people.indexOf(gwen, gui::PersonModel::RoleColumn));
    REQUIRE(cell.isValid());
    table->setCurrentIndex(cell);
    table->edit(cell);
    auto* combo = table->viewport()->findChild<QComboBox*>();
    REQUIRE(combo != nullptr);
    combo->setCurrentIndex(combo->findData(QStringLiteral("project_manager")));
    QTest::keyClick(combo, Qt::Key_Return);
    QCoreApplication::processEvents();

    CHECK(people.indexOf(gwen, gui::PersonModel::RoleColumn).data().toString() ==
          displayName(Role::ProjectManager));
    window.document()->undoStack()->undo();
    CHECK(people.indexOf(gwen, gui::PersonModel::RoleColumn).data().toString() ==
          displayName(Role::Facilitator));
}

TEST_CASE("A role the schema refuses for a person is reported and changes nothing") {
    RegionFixture region;
    auto document = region.openDocument();
    gui::PersonModel people(*document);
    QStringList failures;
    QObject::connect(document.get(), &gui::RegionDocument::editFailed, document.get(),
                     [&](const QString& message) { failures << message; });
    const qint64 gwen = personIdNamed(*document, QStringLiteral("Gwen Facilitator"));
    REQUIRE(gwen != 0);

    // A DCS must belong to a local authority; a facilitator belongs to none.
    people.setData(people.indexOf(gwen, gui::PersonModel::RoleColumn), QStringLiteral("dcs"), gui::KeyRole);
    REQUIRE(failures.size() == 1);
    CHECK(failures.first().contains(QStringLiteral("Gwen Facilitator belongs to no local authority")));
    CHECK(document->undoStack()->count() == 0);
    CHECK(people.indexOf(gwen, gui::PersonModel::RoleColumn).data().toString() ==
          displayName(Role::Facilitator));
}

TEST_CASE("The roster filter narrows both tables to matching rows") {
    RegionFixture region;
    auto document = region.openDocument();
    gui::RosterWorkspace roster(*document);

    CHECK(roster.authorityTable()->model()->rowCount() == 6);
    QTest::keyClicks(roster.filterEdit(), QStringLiteral("bea"));
    CHECK(roster.authorityTable()->model()->rowCount() == 1); // Medway, by its DCS Bea Lewis
    CHECK(roster.personTable()->model()->rowCount() == 1);
}

TEST_CASE("The roster import dialog previews rows, lists problems by line and imports only a clean file") {
    RegionFixture region;
    auto document = region.openDocument();
    const QString bad = region.dir.path(QStringLiteral("bad.csv"));
    writeFile(bad,
              "la,dcs,dcs_email\r\nSlough,Ivy North,ivy@example.org\r\nReading,Jo West,not-an-email\r\n");

    gui::ImportDialog badDialog(*document, gui::ImportDialog::Kind::Roster, bad);
    CHECK(badDialog.previewRowCount() == 2);
    REQUIRE(hasErrors(badDialog.problems()));
    auto* problems = badDialog.findChild<QListWidget*>(QStringLiteral("problemsList"));
    REQUIRE(problems != nullptr);
    REQUIRE(problems->count() >= 1);
    CHECK(problems->item(0)->text().startsWith(QStringLiteral("Line 3:")));
    CHECK_FALSE(badDialog.importButton()->isEnabled());
    QTest::mouseClick(badDialog.importButton(), Qt::LeftButton);
    CHECK_FALSE(RosterStore(document->database()).authorityByName(QStringLiteral("Slough")).ok());

    const QString good = region.dir.path(QStringLiteral("good.csv"));
    writeFile(good,
              "la,dcs,dcs_email\r\nSlough,Ivy North,ivy@example.org\r\nReading,Jo West,jo@example.org\r\n");
    gui::AuthorityModel model(*document);
    gui::ImportDialog dialog(*document, gui::ImportDialog::Kind::Roster, good);
    CHECK(dialog.previewRowCount() == 2);
    CHECK_FALSE(hasErrors(dialog.problems()));
    REQUIRE(dialog.importButton()->isEnabled());
    QTest::mouseClick(dialog.importButton(), Qt::LeftButton);

    CHECK(dialog.result() == QDialog::Accepted);
    CHECK(RosterStore(document->database()).authorityByName(QStringLiteral("Slough")).ok());
    CHECK(model.rowCount() == 8);
    CHECK(dialog.summary().contains(QStringLiteral("2 new")));
}
