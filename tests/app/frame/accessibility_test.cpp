#include "console/console_workspace.h"
#include "console/day_session.h"
#include "cycles/cycle_dialog.h"
#include "document/region_document.h"
#include "domain/roster_store.h"
#include "engine/clock.h"
#include "fake_prompter.h"
#include "frame/main_window.h"
#include "frame/standard_workspaces.h"
#include "presenter/presenter_window.h"
#include "qt_catch.h"
#include "region_fixture.h"
#include "roster/add_person_dialog.h"
#include "roster/import_dialog.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QTimeZone>
#include <QToolButton>
#include <QWidget>
#include <catch2/catch.hpp>

using namespace balcony;
using namespace balcony::test;

namespace {
// Every widget a keyboard user can reach must have a name a screen reader can say.
QStringList unnamedFocusable(QWidget* root) {
    QStringList unnamed;
    QList<QWidget*> widgets = root->findChildren<QWidget*>();
    widgets.prepend(root);
    for (QWidget* w : widgets) {
        if (w->focusPolicy() == Qt::NoFocus || !w->isVisibleTo(root) || !w->isEnabled()) {
            continue;
        }
        QAccessibleInterface* accessible = QAccessible::queryAccessibleInterface(w);
        QString name = accessible != nullptr ? accessible->text(QAccessible::Name).trimmed() : QString();
        // A spin box's inner line edit is part of the spin box: assistive technology names the spin box.
        if (name.isEmpty() && qobject_cast<QAbstractSpinBox*>(w->parentWidget()) != nullptr) {
            name =
                QAccessible::queryAccessibleInterface(w->parentWidget())->text(QAccessible::Name).trimmed();
        }
        if (name.isEmpty()) {
            unnamed << QStringLiteral("%1 (%2) in %3")
                           .arg(w->objectName(), QString::fromLatin1(w->metaObject()->className()),
                                w->parentWidget() != nullptr ? w->parentWidget()->objectName() : QString());
        }
    }
    return unnamed;
}

// Every control a person works (buttons, fields, lists) can be reached by Tab or has its own key.
QStringList unreachable(QWidget* root) {
    QStringList out;
    for (QWidget* w : root->findChildren<QWidget*>()) {
        const bool interactive =
            qobject_cast<QAbstractButton*>(w) != nullptr || qobject_cast<QComboBox*>(w) != nullptr ||
            qobject_cast<QLineEdit*>(w) != nullptr || qobject_cast<QPlainTextEdit*>(w) != nullptr;
        if (!interactive || !w->isVisibleTo(root) || !w->isEnabled()) {
            continue;
        }
        if (qobject_cast<QLineEdit*>(w) != nullptr &&
            qobject_cast<QAbstractSpinBox*>(w->parentWidget()) != nullptr) {
            continue; // the spin box takes the focus
        }
        if (qobject_cast<QLineEdit*>(w) != nullptr &&
            qobject_cast<QComboBox*>(w->parentWidget()) != nullptr) {
            continue; // the combo box takes the focus
        }
        const auto* button = qobject_cast<QAbstractButton*>(w);
        bool hasKey = button != nullptr && !button->shortcut().isEmpty();
        // A tool bar button repeats an action of the menus, which the keyboard reaches (Alt, F10).
        if (const auto* tool = qobject_cast<QToolButton*>(w);
            tool != nullptr && tool->defaultAction() != nullptr) {
            for (QObject* holder : tool->defaultAction()->associatedObjects()) {
                hasKey = hasKey || qobject_cast<QMenu*>(holder) != nullptr;
            }
        }
        if ((w->focusPolicy() & Qt::TabFocus) == 0 && !hasKey) {
            out << QStringLiteral("%1 (%2)").arg(w->objectName(),
                                                 QString::fromLatin1(w->metaObject()->className()));
        }
    }
    return out;
}
} // namespace

TEST_CASE("Every focusable control of the main window and its views has an accessible name") {
    RegionFixture region;
    FakePrompter prompter;
    TempDir settingsDir;
    QSettings settings(settingsDir.path(QStringLiteral("s.ini")), QSettings::IniFormat);
    gui::MainWindow window(prompter, settings);
    gui::installStandardWorkspaces(window, prompter);
    REQUIRE(window.openDatabase(region.path));
    window.show();
    for (const QString& view : window.viewNames()) {
        INFO("view " << view.toStdString());
        REQUIRE(window.showView(view));
        QApplication::processEvents();
        CHECK(unnamedFocusable(&window).join(u'\n').toStdString() == "");
    }
}

TEST_CASE("Every focusable control of the dialogs has an accessible name") {
    RegionFixture region;
    auto document = region.openDocument();

    Cycle cycle;
    cycle.name = QStringLiteral("2024-2025");
    gui::CycleDialog cycleDialog(cycle, {Cycle{}}, nullptr);
    cycleDialog.show();
    CHECK(unnamedFocusable(&cycleDialog).join(u'\n').toStdString() == "");

    const QString csv = region.dir.path(QStringLiteral("r.csv"));
    writeFile(csv, "la,dcs\r\nSlough,Ivy North\r\n");
    gui::ImportDialog importDialog(*document, gui::ImportDialog::Kind::Roster, csv);
    importDialog.show();
    CHECK(unnamedFocusable(&importDialog).join(u'\n').toStdString() == "");

    auto authorities = RosterStore(document->database()).authorities();
    REQUIRE(authorities.ok());
    gui::AddPersonDialog addPersonDialog(*authorities, nullptr);
    addPersonDialog.show();
    CHECK(unnamedFocusable(&addPersonDialog).join(u'\n').toStdString() == "");
}

TEST_CASE(
    "Every control of the console with a live day, and of the presenter screen, is named and reachable") {
    RegionFixture region;
    FakePrompter prompter;
    TempDir settingsDir;
    QSettings settings(settingsDir.path(QStringLiteral("s.ini")), QSettings::IniFormat);
    FakeClock clock(QDateTime(region.firstGroupDay, QTime(9, 58), QTimeZone::systemTimeZone()).toUTC());
    gui::MainWindow window(prompter, settings);
    gui::installStandardWorkspaces(window, prompter, {}, &clock);
    REQUIRE(window.openDatabase(region.path));
    window.resize(1366, 768);
    window.show();
    REQUIRE(window.showView(QStringLiteral("run-the-day")));
    auto* console = window.workspace<gui::ConsoleWorkspace>();
    REQUIRE(console != nullptr);
    auto* start = window.findChild<QPushButton*>(QStringLiteral("consoleStart"));
    REQUIRE(start != nullptr);
    start->click();
    REQUIRE(console->session() != nullptr);
    REQUIRE(console->session()->state().status == DayStatus::Running);
    auto* side = window.findChild<QTabWidget*>(QStringLiteral("consoleSide"));
    REQUIRE(side != nullptr);
    for (int tab = 0; tab < side->count(); ++tab) {
        side->setCurrentIndex(tab);
        QApplication::processEvents();
        INFO("side tab " << side->tabText(tab).toStdString());
        CHECK(unnamedFocusable(&window).join(u'\n').toStdString() == "");
        CHECK(unreachable(&window).join(u'\n').toStdString() == "");
    }
    REQUIRE(console->presenterWindow() != nullptr);
    gui::PresenterWindow& presenter = *console->presenterWindow();
    presenter.show();
    QApplication::processEvents();
    CHECK(unnamedFocusable(&presenter).join(u'\n').toStdString() == "");
    CHECK(unreachable(&presenter).join(u'\n').toStdString() == "");
}
