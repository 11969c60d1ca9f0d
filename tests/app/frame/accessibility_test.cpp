#include "cycles/cycle_dialog.h"
#include "document/region_document.h"
#include "domain/roster_store.h"
#include "fake_prompter.h"
#include "frame/main_window.h"
#include "frame/standard_workspaces.h"
#include "qt_catch.h"
#include "region_fixture.h"
#include "roster/add_person_dialog.h"
#include "roster/import_dialog.h"

#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QSettings>
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
