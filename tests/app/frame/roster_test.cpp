#include "document/region_document.h"
#include "domain/roster_store.h"
#include "fake_prompter.h"
#include "frame/main_window.h"
#include "frame/standard_workspaces.h"
#include "modal_answer.h"
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
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTest>
#include <QToolButton>
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
        gui::installStandardWorkspaces(window, prompter);
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
    gui::RosterWorkspace* roster = window.workspace<gui::ScheduleTabs>()->roster();
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

TEST_CASE("A DCS replaced in the roster keeps their past posts, and undo and redo hand the post back and "
          "forth") {
    RegionFixture region;
    auto document = region.openDocument();
    gui::AuthorityModel model(*document);
    RosterStore roster(document->database());
    const auto holderOfKent = [&]() -> Person {
        const auto people = roster.people();
        REQUIRE(people.ok());
        for (const auto& person : *people) {
            if (person.authorityId == region.kentId && person.role == Role::Dcs) {
                return person;
            }
        }
        return {};
    };
    const Person alex = holderOfKent();
    REQUIRE(roster.addPastPost(alex.id, {region.kentId, QStringLiteral("Interim DCS"), true, {}, {}}).ok());
    const auto pastPostsOf = [&](qint64 id) {
        const auto people = roster.people();
        REQUIRE(people.ok());
        for (const auto& person : *people) {
            if (person.id == id) {
                return int(person.pastPosts.size());
            }
        }
        return -1; // gone
    };
    const int peopleBefore = int(roster.people()->size());

    for (int round = 0; round < 2; ++round) { // the edit, then its redo
        if (round == 0) {
            REQUIRE(model.setData(model.indexOf(region.kentId, gui::AuthorityModel::DcsColumn),
                                  QStringLiteral("Hana Ito")));
        } else {
            document->undoStack()->redo();
        }
        CHECK(holderOfKent().name == QStringLiteral("Hana Ito"));
        CHECK(holderOfKent().pastPosts.empty()); // no conflict of interest is inherited
        CHECK(pastPostsOf(alex.id) == 2);        // and none is lost: Alex keeps his, and gains Kent's DCS
        CHECK(int(roster.people()->size()) == peopleBefore + 1);

        document->undoStack()->undo();
        CHECK(holderOfKent().id == alex.id);
        CHECK(pastPostsOf(alex.id) == 1);
        CHECK(int(roster.people()->size()) == peopleBefore);
    }
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
    gui::RosterWorkspace* roster = window.workspace<gui::ScheduleTabs>()->roster();
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

TEST_CASE("The roster import dialog lists warnings about garbled text and still imports the file") {
    RegionFixture region;
    auto document = region.openDocument();
    // A semicolon file saved by Excel after reading UTF-8 as Windows-1252: "Zoë" became "ZoÃ«".
    const QString file = region.dir.path(QStringLiteral("after-excel.csv"));
    writeFile(file, "\xEF\xBB\xBFla;dcs\r\nSlough;Zo\xC3\x83\xC2\xAB North\r\nReading;Jo West\r\n");

    gui::ImportDialog dialog(*document, gui::ImportDialog::Kind::Roster, file);
    CHECK(dialog.previewRowCount() == 2);
    REQUIRE(dialog.problems().size() == 1);
    CHECK_FALSE(hasErrors(dialog.problems()));
    auto* problems = dialog.findChild<QListWidget*>(QStringLiteral("problemsList"));
    REQUIRE(problems != nullptr);
    REQUIRE(problems->count() == 1);
    CHECK(problems->item(0)->text().startsWith(QStringLiteral("Line 2: ")));
    CHECK(problems->item(0)->text().contains(QStringLiteral("\"Zoë North\"")));
    CHECK(problems->item(0)->text().endsWith(QStringLiteral("(warning)")));
    auto* summary = dialog.findChild<QLabel*>(QStringLiteral("summaryLabel"));
    REQUIRE(summary != nullptr);
    CHECK(summary->text().contains(QStringLiteral("Read the warnings first")));
    REQUIRE(dialog.importButton()->isEnabled());
    QTest::mouseClick(dialog.importButton(), Qt::LeftButton);
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK(RosterStore(document->database()).authorityByName(QStringLiteral("Reading")).ok());
}

namespace {
qint64 authorityOf(gui::RegionDocument& document, qint64 personId) {
    auto people = RosterStore(document.database()).people();
    REQUIRE(people.ok());
    for (const auto& person : *people) {
        if (person.id == personId) {
            return person.authorityId;
        }
    }
    FAIL("person not found");
    return -1;
}

// Opens the drop-down of a person's authority cell as a user would, picks `authorityKey` and
// presses Return.
void pickAuthority(gui::RosterWorkspace* roster, qint64 personId, const QString& authorityKey) {
    QTableView* table = roster->personTable();
    const QModelIndex cell =
        viewIndex(table, roster->personModel().indexOf(personId, gui::PersonModel::AuthorityColumn));
    REQUIRE(cell.isValid());
    table->setCurrentIndex(cell);
    table->edit(cell);
    auto* combo = table->viewport()->findChild<QComboBox*>();
    REQUIRE(combo != nullptr);
    CHECK(combo->accessibleName() == QStringLiteral("Local authority"));
    const int choice = combo->findData(authorityKey);
    REQUIRE(choice >= 0);
    combo->setCurrentIndex(choice);
    QTest::keyClick(combo, Qt::Key_Return);
    QCoreApplication::processEvents();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete); // the closed editor
}
} // namespace

TEST_CASE("A person's authority is changed from its drop-down, saved, and undo takes it back") {
    RosterWindow ui;
    gui::MainWindow& window = ui.window;
    gui::RosterWorkspace* roster = window.workspace<gui::ScheduleTabs>()->roster();
    gui::PersonModel& people = roster->personModel();
    gui::RegionDocument& document = *window.document();
    const qint64 gwen = personIdNamed(document, QStringLiteral("Gwen Facilitator"));
    REQUIRE(gwen != 0);

    // The drop-down offers no authority first, then every authority of the region by name.
    const auto choices = people.authorityChoices();
    REQUIRE(choices.size() == 7);
    CHECK(choices.front().first == QStringLiteral("(none)"));
    CHECK(choices[1].first == QStringLiteral("Brighton and Hove"));

    const int undoBefore = document.undoStack()->count();
    pickAuthority(roster, gwen, QString::number(ui.region.kentId));
    CHECK(ui.prompter.errors.isEmpty());
    CHECK(authorityOf(document, gwen) == ui.region.kentId);
    CHECK(people.indexOf(gwen, gui::PersonModel::AuthorityColumn).data().toString() ==
          QStringLiteral("Kent"));
    CHECK(document.undoStack()->count() == undoBefore + 1);

    document.undoStack()->undo();
    CHECK(authorityOf(document, gwen) == 0);
    CHECK(people.indexOf(gwen, gui::PersonModel::AuthorityColumn).data().toString().isEmpty());
    document.undoStack()->redo();
    CHECK(authorityOf(document, gwen) == ui.region.kentId);
}

TEST_CASE("Moving a DCS to an authority that has one shows the reason and changes nothing") {
    RosterWindow ui;
    gui::MainWindow& window = ui.window;
    gui::RosterWorkspace* roster = window.workspace<gui::ScheduleTabs>()->roster();
    gui::RegionDocument& document = *window.document();
    const qint64 alex = personIdNamed(document, QStringLiteral("Alex Carter"));
    REQUIRE(alex != 0);
    const int undoBefore = document.undoStack()->count();

    pickAuthority(roster, alex, QString::number(ui.region.medwayId));
    REQUIRE(ui.prompter.errors.size() == 1);
    CHECK(ui.prompter.errors.first().contains(
        QStringLiteral("Alex Carter cannot move to Medway: Medway already has a director of children's "
                       "services, Bea Lewis")));
    CHECK(authorityOf(document, alex) == ui.region.kentId);
    CHECK(document.undoStack()->count() == undoBefore);
    CHECK(roster->personModel().indexOf(alex, gui::PersonModel::AuthorityColumn).data().toString() ==
          QStringLiteral("Kent"));

    // Nor can a DCS belong to no authority.
    pickAuthority(roster, alex, QStringLiteral("0"));
    REQUIRE(ui.prompter.errors.size() == 2);
    CHECK(ui.prompter.errors.last().contains(QStringLiteral("must belong to a local authority")));
    CHECK(authorityOf(document, alex) == ui.region.kentId);
    CHECK(document.undoStack()->count() == undoBefore);
}

TEST_CASE("File > Export Roster CSV writes the roster in the import format") {
    RosterWindow ui;
    QAction* exportAction = nullptr;
    for (QAction* action : ui.window.findChildren<QAction*>()) {
        if (action->text() == QStringLiteral("Export Roster CS&V...")) {
            exportAction = action;
        }
    }
    REQUIRE(exportAction != nullptr);
    ui.prompter.saveFileAnswer = ui.settingsDir.path(QStringLiteral("roster.csv"));
    exportAction->trigger();
    CHECK(ui.prompter.errors.isEmpty());
    const QByteArray written = readAll(ui.prompter.saveFileAnswer);
    CHECK(written.startsWith("\xEF\xBB\xBF" // the byte order mark Excel needs to read UTF-8
                             "la,dcs,dcs_email,chief_executive,chief_executive_email,lead_member,"
                             "lead_member_email\r\nBrighton and Hove,Dee Morgan,dee@example.org,,,,\r\n"));

    ui.prompter.saveFileAnswer = ui.settingsDir.path(QStringLiteral("no-such-folder/roster.csv"));
    exportAction->trigger();
    REQUIRE(ui.prompter.errors.size() == 1);
    CHECK(ui.prompter.errors.first().contains(QStringLiteral("no-such-folder")));
    CHECK_FALSE(QFileInfo::exists(ui.prompter.saveFileAnswer));
}

namespace {
// Fills in the Add Person dialog as a user would and presses Add.
void addPersonThroughDialog(gui::RosterWorkspace* roster, const QString& name, Role role,
                            const QString& authority) {
    ModalAnswer user([&](QDialog& dialog) {
        QPushButton* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        CHECK_FALSE(ok->isEnabled()); // nothing typed yet
        auto* nameEdit = dialog.findChild<QLineEdit*>(QStringLiteral("nameEdit"));
        REQUIRE(nameEdit != nullptr);
        CHECK(dialog.focusWidget() == nameEdit); // typing starts with the name
        QTest::keyClicks(nameEdit, name);
        CHECK(ok->isEnabled());
        auto* roleCombo = dialog.findChild<QComboBox*>(QStringLiteral("roleCombo"));
        auto* authorityCombo = dialog.findChild<QComboBox*>(QStringLiteral("authorityCombo"));
        REQUIRE(roleCombo != nullptr);
        REQUIRE(authorityCombo != nullptr);
        CHECK(authorityCombo->itemText(0) == QStringLiteral("(none)"));
        roleCombo->setCurrentIndex(roleCombo->findText(displayName(role)));
        const int choice = authorityCombo->findText(authority);
        REQUIRE(choice >= 0);
        authorityCombo->setCurrentIndex(choice);
        QTest::mouseClick(ok, Qt::LeftButton);
    });
    REQUIRE(roster->addPersonAction()->isEnabled());
    roster->addPersonAction()->trigger();
    REQUIRE(user.answered());
}
} // namespace

TEST_CASE("Add Person puts a facilitator on the roster in one step that undo and redo take back and forth") {
    RosterWindow ui;
    gui::RosterWorkspace* roster = ui.window.workspace<gui::ScheduleTabs>()->roster();
    gui::PersonModel& people = roster->personModel();
    gui::RegionDocument& document = *ui.window.document();
    CHECK(roster->addPersonAction()->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    // Its button is reached with Tab, like the other roster buttons.
    bool reachable = false;
    for (auto* button : roster->findChildren<QToolButton*>()) {
        if (button->defaultAction() == roster->addPersonAction()) {
            reachable = (button->focusPolicy() & Qt::TabFocus) != 0 && button->isVisible();
        }
    }
    CHECK(reachable);
    const int rowsBefore = people.rowCount();
    const int undoBefore = document.undoStack()->count();

    addPersonThroughDialog(roster, QStringLiteral("Sam Ellis"), Role::Facilitator, QStringLiteral("(none)"));
    CHECK(ui.prompter.errors.isEmpty());
    const qint64 sam = personIdNamed(document, QStringLiteral("Sam Ellis"));
    REQUIRE(sam != 0);
    CHECK(people.rowCount() == rowsBefore + 1);
    CHECK(people.indexOf(sam, gui::PersonModel::RoleColumn).data().toString() ==
          displayName(Role::Facilitator));
    CHECK(people.indexOf(sam, gui::PersonModel::AuthorityColumn).data().toString().isEmpty());
    // The People tab shows the new row, selected.
    CHECK(roster->tabs()->currentWidget() == roster->personTable());
    CHECK(roster->personTable()->currentIndex().data().toString() == QStringLiteral("Sam Ellis"));
    CHECK(document.undoStack()->count() == undoBefore + 1);

    ui.window.undoGroup()->undo();
    CHECK(personIdNamed(document, QStringLiteral("Sam Ellis")) == 0);
    CHECK(people.rowCount() == rowsBefore);
    ui.window.undoGroup()->redo();
    CHECK(personIdNamed(document, QStringLiteral("Sam Ellis")) == sam); // the same person, same id
    CHECK(people.indexOf(sam).isValid());
    CHECK(ui.prompter.errors.isEmpty());
}

TEST_CASE("A person the roster does not allow is refused with the reason, and nothing is added") {
    RosterWindow ui;
    gui::RosterWorkspace* roster = ui.window.workspace<gui::ScheduleTabs>()->roster();
    gui::RegionDocument& document = *ui.window.document();
    const int rowsBefore = roster->personModel().rowCount();
    const int undoBefore = document.undoStack()->count();

    // Kent has a DCS, Alex Carter.
    addPersonThroughDialog(roster, QStringLiteral("Bo Lane"), Role::Dcs, QStringLiteral("Kent"));
    REQUIRE(ui.prompter.errors.size() == 1);
    CHECK(ui.prompter.errors.first().contains(
        QStringLiteral("Kent already has a director of children's services: Alex Carter")));
    CHECK(personIdNamed(document, QStringLiteral("Bo Lane")) == 0);
    CHECK(roster->personModel().rowCount() == rowsBefore);
    CHECK(document.undoStack()->count() == undoBefore);

    // Nor can a DCS belong to no authority.
    addPersonThroughDialog(roster, QStringLiteral("Bo Lane"), Role::Dcs, QStringLiteral("(none)"));
    REQUIRE(ui.prompter.errors.size() == 2);
    CHECK(ui.prompter.errors.last().contains(QStringLiteral("must belong to a local authority")));
    CHECK(personIdNamed(document, QStringLiteral("Bo Lane")) == 0);
    CHECK(document.undoStack()->count() == undoBefore);
}

TEST_CASE("Remove Person takes a person off the roster and undo brings them back, a group's facilitator "
          "stays, with the reason") {
    RosterWindow ui;
    gui::RosterWorkspace* roster = ui.window.workspace<gui::ScheduleTabs>()->roster();
    gui::PersonModel& people = roster->personModel();
    gui::RegionDocument& document = *ui.window.document();
    QTableView* table = roster->personTable();
    roster->tabs()->setCurrentWidget(table);
    QAction* remove = roster->removePersonAction();
    CHECK_FALSE(remove->isEnabled()); // nobody selected

    const qint64 bea = personIdNamed(document, QStringLiteral("Bea Lewis"));
    REQUIRE(bea != 0);
    table->setCurrentIndex(viewIndex(table, people.indexOf(bea)));
    REQUIRE(remove->isEnabled());
    remove->trigger();
    CHECK(ui.prompter.errors.isEmpty());
    CHECK(personIdNamed(document, QStringLiteral("Bea Lewis")) == 0);
    CHECK_FALSE(people.indexOf(bea).isValid());
    ui.window.undoGroup()->undo();
    CHECK(personIdNamed(document, QStringLiteral("Bea Lewis")) == bea);
    CHECK(people.indexOf(bea, gui::PersonModel::AuthorityColumn).data().toString() ==
          QStringLiteral("Medway"));

    // Gwen facilitates both groups of the cycle.
    const qint64 gwen = personIdNamed(document, QStringLiteral("Gwen Facilitator"));
    REQUIRE(gwen != 0);
    const int undoBefore = document.undoStack()->index();
    table->setCurrentIndex(viewIndex(table, people.indexOf(gwen)));
    REQUIRE(remove->isEnabled());
    remove->trigger();
    REQUIRE(ui.prompter.errors.size() == 1);
    CHECK(ui.prompter.errors.first().contains(QStringLiteral("Gwen Facilitator facilitates")));
    CHECK(ui.prompter.errors.first().contains(QStringLiteral("Choose another facilitator")));
    CHECK(personIdNamed(document, QStringLiteral("Gwen Facilitator")) == gwen);
    CHECK(document.undoStack()->index() == undoBefore);
}
