// A project manager builds, checks and exports a whole cycle in the desktop program alone, starting
// from an empty region: every step goes through the menus, buttons, tables and dialogs a user
// reaches (the file dialogs are answered by the FakePrompter, the modal dialogs by a "user" that
// fills them in once they are on screen).

#include "assessments/assessments_workspace.h"
#include "board/group_board.h"
#include "board/group_card.h"
#include "board/member_row.h"
#include "board/schedule_board_view.h"
#include "cycles/cycle_picker.h"
#include "cycles/schedule_workspace.h"
#include "document/region_document.h"
#include "domain/roster_store.h"
#include "domain/schedule_store.h"
#include "fake_prompter.h"
#include "frame/main_window.h"
#include "frame/standard_workspaces.h"
#include "interchange/schedule_import.h"
#include "modal_answer.h"
#include "models/assessment_model.h"
#include "models/authority_model.h"
#include "models/person_model.h"
#include "problems/problems_panel.h"
#include "qt_catch.h"
#include "region_fixture.h"
#include "roster/import_dialog.h"
#include "roster/roster_workspace.h"
#include "store/database.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QUndoGroup>
#include <catch2/catch.hpp>
#include <exception>
#include <functional>
#include <memory>

using namespace balcony;
using namespace balcony::test;

namespace {

QString withoutMnemonic(QString text) {
    return text.remove(u'&');
}

// The action of the window's menus with this text, as the menu shows it (ignoring the "&").
QAction* menuAction(gui::MainWindow& window, const QString& menuText, const QString& actionText) {
    for (QAction* top : window.menuBar()->actions()) {
        if (top->menu() && withoutMnemonic(top->text()) == menuText) {
            for (QAction* action : top->menu()->actions()) {
                if (withoutMnemonic(action->text()) == actionText) {
                    return action;
                }
            }
        }
    }
    return nullptr;
}

template <typename W>
W* child(QWidget& parent, const char* objectName) {
    auto* w = parent.findChild<W*>(QString::fromLatin1(objectName));
    REQUIRE(w != nullptr);
    return w;
}

void typeInto(QLineEdit* edit, const QString& text) {
    edit->selectAll();
    QTest::keyClicks(edit, text);
}

void pressOk(QDialog& dialog) {
    QPushButton* ok = child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Ok);
    REQUIRE(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
}

// The button a screen reader announces by this name.
QPushButton* buttonNamed(QWidget& parent, const QString& accessibleName) {
    for (auto* button : parent.findChildren<QPushButton*>()) {
        if (button->accessibleName() == accessibleName) {
            return button;
        }
    }
    return nullptr;
}

// What a group is, in names rather than ids, to compare two databases.
QStringList describe(const CycleSchedule& s) {
    QStringList groups;
    for (const auto& g : s.groups) {
        QStringList members;
        for (const auto& m : g.members) {
            members << s.authorityName(m.authorityId) + QStringLiteral(" reviewed by ") +
                           s.authorityName(m.leadReviewerId);
        }
        groups << QStringList{g.label, g.date.toString(Qt::ISODate),  toKey(g.mode),
                              g.venue, s.personName(g.facilitatorId), members.join(QStringLiteral("; "))}
                      .join(QStringLiteral(" | "));
    }
    return groups;
}

QByteArray readBytes(const QString& path) {
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

} // namespace

TEST_CASE("A project manager builds, checks and exports a whole cycle in the desktop program alone") {
    TempDir dir;
    QSettings settings(dir.path(QStringLiteral("settings.ini")), QSettings::IniFormat);
    FakePrompter prompter;
    gui::MainWindow window(prompter, settings);
    gui::installStandardWorkspaces(window, prompter, &gui::createScheduleBoard);
    window.show();
    const QDate today = QDate::currentDate();

    // File > New Region Database: an empty region.
    prompter.saveFileAnswer = dir.path(QStringLiteral("south-east.balcony"));
    QAction* newRegion = menuAction(window, QStringLiteral("File"), QStringLiteral("New Region Database..."));
    REQUIRE(newRegion);
    newRegion->trigger();
    REQUIRE(window.document() != nullptr);
    CHECK(window.workspace<gui::ScheduleTabs>()->roster()->authorityModel().rowCount() == 0);
    CHECK(window.workspace<gui::ScheduleTabs>()->groups()->currentCycleId() == 0);

    // File > Import Roster CSV: the dialog previews the file, and Import brings in six authorities.
    prompter.openFileAnswer = QStringLiteral(BALCONY_TEST_DATA_DIR "/../../docs/examples/roster.csv");
    {
        ModalAnswer user([](QDialog& dialog) {
            auto* importDialog = qobject_cast<gui::ImportDialog*>(&dialog);
            REQUIRE(importDialog);
            CHECK(importDialog->previewRowCount() == 6);
            REQUIRE(importDialog->importButton()->isEnabled());
            QTest::mouseClick(importDialog->importButton(), Qt::LeftButton);
        });
        QAction* importRoster =
            menuAction(window, QStringLiteral("File"), QStringLiteral("Import Roster CSV..."));
        REQUIRE(importRoster);
        importRoster->trigger();
        REQUIRE(user.answered());
    }
    CHECK(window.workspace<gui::ScheduleTabs>()->roster()->authorityModel().rowCount() == 6);
    CHECK(prompter.errors.isEmpty());
    const int personsAfterImport = window.workspace<gui::ScheduleTabs>()->roster()->personModel().rowCount();

    // The roster's Add Person button (People tab): the day's facilitator, who belongs to no
    // authority and so is in no roster CSV.
    {
        ModalAnswer user([](QDialog& dialog) {
            typeInto(child<QLineEdit>(dialog, "nameEdit"), QStringLiteral("Sam Ellis"));
            typeInto(child<QLineEdit>(dialog, "emailEdit"), QStringLiteral("sam.ellis@example.org"));
            auto* role = child<QComboBox>(dialog, "roleCombo");
            role->setCurrentIndex(role->findText(displayName(Role::Facilitator)));
            auto* authority = child<QComboBox>(dialog, "authorityCombo");
            authority->setCurrentIndex(authority->findText(QStringLiteral("(none)")));
            pressOk(dialog);
        });
        QAction* addPerson = window.workspace<gui::ScheduleTabs>()->roster()->addPersonAction();
        REQUIRE(addPerson->isEnabled());
        addPerson->trigger();
        REQUIRE(user.answered());
    }
    CHECK(prompter.errors.isEmpty());
    CHECK(window.workspace<gui::ScheduleTabs>()->roster()->personModel().rowCount() ==
          personsAfterImport + 1);

    // The Groups view's New Cycle button: a cycle that runs for a year from today.
    const QString cycleName = QStringLiteral("%1-%2").arg(today.year()).arg(today.year() + 1);
    {
        ModalAnswer user([&](QDialog& dialog) {
            typeInto(child<QLineEdit>(dialog, "nameEdit"), cycleName);
            child<QDateEdit>(dialog, "firstDayEdit")->setDate(today);
            child<QDateEdit>(dialog, "lastDayEdit")->setDate(today.addYears(1).addDays(-1));
            pressOk(dialog);
        });
        REQUIRE(window.showView(QStringLiteral("schedule")));
        QAction* newCycle = window.workspace<gui::ScheduleTabs>()->groups()->newCycleAction();
        REQUIRE(newCycle->isEnabled());
        newCycle->trigger();
        REQUIRE(user.answered());
    }
    REQUIRE(window.workspace<gui::ScheduleTabs>()->groups()->currentCycleId() != 0);
    const qint64 cycleId = window.workspace<gui::ScheduleTabs>()->groups()->currentCycleId();

    // The board's New group button opens the group's details: two groups, one in person, one online.
    gui::GroupBoard* board = window.findChild<gui::GroupBoard*>();
    REQUIRE(board);
    REQUIRE(board->isVisible());
    CHECK(board->cycleId() == cycleId);
    QPushButton* newGroup = buttonNamed(*board, QStringLiteral("New group"));
    REQUIRE(newGroup);
    const auto addGroup = [&](const QDate& day, const QString& mode, const QString& venue) {
        ModalAnswer user([&](QDialog& dialog) {
            child<QDateEdit>(dialog, "dateEdit")->setDate(day);
            auto* modeCombo = child<QComboBox>(dialog, "modeCombo");
            modeCombo->setCurrentIndex(modeCombo->findData(mode));
            typeInto(child<QLineEdit>(dialog, "venueEdit"), venue);
            auto* facilitator = child<QComboBox>(dialog, "facilitatorCombo");
            facilitator->setCurrentIndex(facilitator->findText(QStringLiteral("Sam Ellis")));
            REQUIRE(facilitator->currentIndex() > 0);
            pressOk(dialog);
        });
        QTest::mouseClick(newGroup, Qt::LeftButton);
        REQUIRE(user.answered());
    };
    const QDate firstDay = today.addDays(60);
    const QDate secondDay = today.addDays(74);
    addGroup(firstDay, QStringLiteral("in_person"), QStringLiteral("County Hall, Maidstone"));
    addGroup(secondDay, QStringLiteral("virtual"), QString());
    REQUIRE(board->cardLabelled(QStringLiteral("Group 1")));
    REQUIRE(board->cardLabelled(QStringLiteral("Group 2")));

    // Each authority goes from the "Not in a group" tray to its group through its row's menu.
    const auto place = [&](const QString& authority, const QString& group) {
        gui::MemberRow* row = nullptr;
        for (gui::MemberRow* r : board->tray()->rows()) {
            if (r->name() == authority) {
                row = r;
            }
        }
        REQUIRE(row);
        std::unique_ptr<QMenu> menu(row->createContextMenu());
        auto* moveTo = menu->findChild<QMenu*>(QStringLiteral("moveToMenu"));
        REQUIRE(moveTo);
        QAction* target = nullptr;
        for (QAction* action : moveTo->actions()) {
            if (action->text() == group) {
                target = action;
            }
        }
        REQUIRE(target);
        target->trigger();
    };
    for (const char* name : {"Kent", "Medway", "Surrey"}) {
        place(QString::fromLatin1(name), QStringLiteral("Group 1"));
    }
    for (const char* name : {"Brighton and Hove", "West Sussex", "Portsmouth"}) {
        place(QString::fromLatin1(name), QStringLiteral("Group 2"));
    }
    CHECK(board->tray()->rows().empty());
    CHECK(board->cardLabelled(QStringLiteral("Group 1"))->memberIds().size() == 3);
    CHECK(board->cardLabelled(QStringLiteral("Group 2"))->memberIds().size() == 3);

    // Without lead reviewers the problems panel and the status bar count errors.
    auto* problems = window.findChild<gui::ProblemsPanel*>();
    REQUIRE(problems);
    CHECK(problems->errorCount() > 0);
    CHECK(window.workspace<gui::ScheduleTabs>()->problemCountText().contains(QStringLiteral("error")));

    // Generate lead reviewers: every authority gets one, and the cycle has no problems left.
    QPushButton* generate = buttonNamed(*board, QStringLiteral("Generate lead reviewers for every group"));
    REQUIRE(generate);
    QTest::mouseClick(generate, Qt::LeftButton);
    CHECK(board->cardLabelled(QStringLiteral("Group 1"))->ringLines().size() == 3);
    CHECK(board->cardLabelled(QStringLiteral("Group 2"))->ringLines().size() == 3);
    CHECK(problems->errorCount() == 0);
    CHECK(problems->warningCount() == 0);
    CHECK(window.workspace<gui::ScheduleTabs>()->problemCountText() ==
          QStringLiteral("No problems in %1").arg(cycleName));

    // View > Self-Assessments: Kent's draft has come in.
    QAction* assessmentsView = menuAction(window, QStringLiteral("View"), QStringLiteral("Self-Assessments"));
    REQUIRE(assessmentsView);
    assessmentsView->trigger();
    QCoreApplication::processEvents(); // the view is built when first shown
    gui::AssessmentsWorkspace* assessments = window.workspace<gui::ScheduleTabs>()->assessments();
    REQUIRE(assessments->isVisible());
    gui::AssessmentModel& model = assessments->model();
    REQUIRE(model.rowCount() == 6);
    const qint64 kent = [&] {
        auto found = RosterStore(window.document()->database()).authorityByName(QStringLiteral("Kent"));
        REQUIRE(found.ok());
        return found->id;
    }();
    QTableView* table = assessments->table();
    auto* proxy = qobject_cast<QSortFilterProxyModel*>(table->model());
    const QModelIndex cell = proxy->mapFromSource(model.indexOf(kent, gui::AssessmentModel::StatusColumn));
    REQUIRE(cell.isValid());
    table->setCurrentIndex(cell);
    table->edit(cell);
    auto* statusCombo = table->viewport()->findChild<QComboBox*>();
    REQUIRE(statusCombo);
    statusCombo->setCurrentIndex(statusCombo->findData(QStringLiteral("draft_received")));
    QTest::keyClick(statusCombo, Qt::Key_Return);
    QCoreApplication::processEvents(); // the delegate commits on a queued call
    CHECK(model.indexOf(kent, gui::AssessmentModel::StatusColumn).data().toString() ==
          displayName(SaStatus::DraftReceived));
    CHECK(window.workspace<gui::ScheduleTabs>()->problemCountText() ==
          QStringLiteral("No problems in %1").arg(cycleName));

    // File > Export Schedule CSV: read back by the core importer into a fresh region, the same groups.
    const QString csv = dir.path(QStringLiteral("schedule.csv"));
    prompter.saveFileAnswer = csv;
    QAction* exportCsv = menuAction(window, QStringLiteral("File"), QStringLiteral("Export Schedule CSV..."));
    REQUIRE(exportCsv);
    exportCsv->trigger();
    CHECK(prompter.errors.isEmpty());
    auto built = ScheduleStore(window.document()->database()).load(cycleId);
    REQUIRE(built.ok());
    {
        auto fresh =
            Database::open(dir.path(QStringLiteral("fresh.balcony")), Database::Options{true, false});
        REQUIRE(fresh.ok());
        ScheduleStore store(*fresh.value());
        auto freshCycle = store.addCycle(built->cycle);
        REQUIRE(freshCycle.ok());
        auto imported = interchange::importScheduleFile(*fresh.value(), *freshCycle, csv);
        REQUIRE(imported.ok());
        CHECK(imported->applied());
        CHECK(imported->report.groupsCreated == 2);
        auto reloaded = store.load(*freshCycle);
        REQUIRE(reloaded.ok());
        CHECK(describe(*reloaded) == describe(*built));
    }

    // File > Export iCalendar Invitations: one event per group, each with the group's UID.
    const QString ics = dir.path(QStringLiteral("invitations.ics"));
    prompter.saveFileAnswer = ics;
    QAction* exportIcs =
        menuAction(window, QStringLiteral("File"), QStringLiteral("Export iCalendar Invitations..."));
    REQUIRE(exportIcs);
    exportIcs->trigger();
    CHECK(prompter.errors.isEmpty());
    const QString calendar = QString::fromUtf8(readBytes(ics)).replace(QStringLiteral("\r\n "), QString());
    CHECK(calendar.count(QStringLiteral("BEGIN:VEVENT")) == 2);
    for (const auto& g : built->groups) {
        CHECK(calendar.contains(QStringLiteral("UID:") + g.uid));
    }

    // File > Export Printable Schedule (PDF): a real PDF with something in it.
    const QString pdf = dir.path(QStringLiteral("schedule.pdf"));
    prompter.saveFileAnswer = pdf;
    QAction* exportPdf =
        menuAction(window, QStringLiteral("File"), QStringLiteral("Export Printable Schedule (PDF)..."));
    REQUIRE(exportPdf);
    exportPdf->trigger();
    CHECK(prompter.errors.isEmpty());
    const QByteArray pdfBytes = readBytes(pdf);
    CHECK(pdfBytes.startsWith("%PDF"));
    CHECK(pdfBytes.size() > 2000);
    CHECK(window.statusBar()->currentMessage().contains(QStringLiteral("schedule.pdf")));
}

TEST_CASE("A cycle just created shows in Self-Assessments as well as in Groups, and undo goes back") {
    RegionFixture region; // has the cycle 2023-2024
    TempDir dir;
    QSettings settings(dir.path(QStringLiteral("settings.ini")), QSettings::IniFormat);
    FakePrompter prompter;
    gui::MainWindow window(prompter, settings);
    gui::installStandardWorkspaces(window, prompter);
    REQUIRE(window.openDatabase(region.path));
    window.show();
    CHECK(window.workspace<gui::ScheduleTabs>()->assessments()->picker()->currentCycleId() == region.cycleId);

    {
        ModalAnswer user([](QDialog& dialog) {
            CHECK(child<QLineEdit>(dialog, "nameEdit")->text() == QStringLiteral("2024-2025"));
            pressOk(dialog);
        });
        window.workspace<gui::ScheduleTabs>()->groups()->newCycleAction()->trigger();
        REQUIRE(user.answered());
    }
    const qint64 created = window.workspace<gui::ScheduleTabs>()->groups()->currentCycleId();
    CHECK(created != region.cycleId);
    CHECK(window.workspace<gui::ScheduleTabs>()->assessments()->picker()->currentCycleId() == created);

    window.undoGroup()->undo();
    CHECK(window.workspace<gui::ScheduleTabs>()->groups()->currentCycleId() == region.cycleId);
    CHECK(window.workspace<gui::ScheduleTabs>()->assessments()->picker()->currentCycleId() == region.cycleId);
}
