// The main window and the dialogs on small screens. Tagged [screens]: ctest also runs these on
// offscreen screens of chosen sizes (tests/app/screens/*.json: a 1366x768 laptop, a 1280x720 one,
// and a 1920x1080 screen at 150% scaling), where the first window must fit the screen.
#include "board/group_details_dialog.h"
#include "board/schedule_board_view.h"
#include "cycles/cycle_dialog.h"
#include "document/region_document.h"
#include "domain/roster_store.h"
#include "domain/schedule_store.h"
#include "fake_prompter.h"
#include "frame/main_window.h"
#include "frame/region_opener.h"
#include "frame/standard_workspaces.h"
#include "frame/window_placement.h"
#include "problems/problems_panel.h"
#include "qt_catch.h"
#include "region_fixture.h"
#include "roster/add_person_dialog.h"
#include "roster/import_dialog.h"
#include "store/database.h"

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QApplication>
#include <QDialog>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>
#include <catch2/catch.hpp>
#include <functional>

using namespace balcony;
using namespace balcony::test;

namespace {

// A window maximised on a 1280x720 screen (1920x1080 at 150%) keeps less than that: a 48-pixel
// taskbar or panel and a 32-pixel title bar leave about 1280x640 for the window itself.
const QSize smallWindow(1280, 640);
const QSize smallScreen(1280, 720);

QString describe(const QWidget* w) {
    return QStringLiteral("%1 \"%2\"")
        .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName());
}

bool insideScrolledContents(const QWidget* w, const QWidget* root) {
    for (const QWidget* p = w->parentWidget(); p != nullptr && p != root; p = p->parentWidget()) {
        if (auto* area = qobject_cast<const QAbstractScrollArea*>(p->parentWidget());
            area != nullptr && area->viewport() == p) {
            return true; // scrolled into view on demand
        }
    }
    return false;
}

// Every widget shown in root that lies (partly) outside its parent or outside root, and every
// control squeezed below the size it needs to show itself: a cut-off control. Contents of
// scroll areas are left out (they scroll); so are widgets that elide on purpose (Ignored).
QStringList cutOff(QWidget* root) {
    QStringList problems;
    const QRect bounds = root->rect();
    for (QWidget* w : root->findChildren<QWidget*>()) {
        if (!w->isVisibleTo(root) || w->isWindow() || insideScrolledContents(w, root)) {
            continue;
        }
        const QRect inRoot(w->mapTo(root, QPoint(0, 0)), w->size());
        if (!bounds.contains(inRoot)) {
            problems << QStringLiteral("%1 at (%2,%3 %4x%5) leaves the %6x%7 window")
                            .arg(describe(w))
                            .arg(inRoot.x())
                            .arg(inRoot.y())
                            .arg(inRoot.width())
                            .arg(inRoot.height())
                            .arg(bounds.width())
                            .arg(bounds.height());
            continue;
        }
        if (w->parentWidget() != nullptr && !w->parentWidget()->rect().contains(w->geometry())) {
            problems << QStringLiteral("%1 is cut off by %2").arg(describe(w), describe(w->parentWidget()));
            continue;
        }
        const QSizePolicy policy = w->sizePolicy();
        const QSize needed = w->minimumSizeHint();
        const bool elides = policy.horizontalPolicy() == QSizePolicy::Ignored;
        if (!elides && needed.isValid() && (w->width() < needed.width() || w->height() < needed.height()) &&
            qobject_cast<QAbstractButton*>(w) != nullptr) {
            problems << QStringLiteral("%1 is %2x%3, needs %4x%5")
                            .arg(describe(w))
                            .arg(w->width())
                            .arg(w->height())
                            .arg(needed.width())
                            .arg(needed.height());
        }
    }
    return problems;
}

void settle(QWidget& w) {
    for (int i = 0; i < 3; ++i) {
        QApplication::processEvents();
    }
    (void)w;
}

QRect globalRect(const QWidget* w) {
    return QRect(w->mapToGlobal(QPoint(0, 0)), w->size());
}

QString fitsText(const QSize& s) {
    return QStringLiteral("%1x%2").arg(s.width()).arg(s.height());
}

struct Settings {
    TempDir dir;
    QSettings settings{dir.path(QStringLiteral("settings.ini")), QSettings::IniFormat};
};

// The demo region (many groups, long names, problems to list), as a new user first sees it.
QString demoRegion(const TempDir& dir) {
    const QString path = dir.path(QStringLiteral("demo.balcony"));
    auto database = Database::open(path, {.create = true});
    REQUIRE(database.ok());
    if (gui::demoRegionAvailable()) {
        REQUIRE(gui::fillDemoRegion(**database).ok());
    }
    return path;
}

// The smallest size the program's window takes, with its workspaces.
QSize smallestWindowSize(gui::Prompter& prompter, QSettings& settings) {
    gui::MainWindow window(prompter, settings);
    gui::installStandardWorkspaces(window, prompter);
    return window.minimumSizeHint();
}

QRect available() {
    return QGuiApplication::primaryScreen()->availableGeometry();
}

} // namespace

TEST_CASE("The first placement fits the screen's available area, maximised when the screen is small",
          "[screens]") {
    const struct {
        QRect area;
        bool maximised;
    } screens[] = {
        {QRect(0, 0, 1366, 768), true},        // a council laptop
        {QRect(0, 0, 1366, 736), true},        // the same, less a panel
        {QRect(0, 0, 1280, 720), true},        // 1920x1080 at 150%
        {QRect(0, 0, 1280, 672), true},        // the same, less a taskbar
        {QRect(0, 0, 1920, 1040), false},      // a 1920x1080 screen at 100%
        {QRect(1920, 0, 2560, 1400), false},   // a second, larger monitor to the right
        {QRect(-1440, 120, 1440, 900), false}, // a smaller monitor to the left
        {QRect(0, 0, 1440, 900), false},       // just room for 1280x800 with a frame and margins
        {QRect(0, 0, 1400, 880), true},        // not quite
    };
    for (const auto& screen : screens) {
        INFO("available " << screen.area.x() << "," << screen.area.y() << " "
                          << fitsText(screen.area.size()).toStdString());
        const gui::WindowPlacement placement = gui::firstPlacement(screen.area);
        CHECK(placement.maximised == screen.maximised);
        // Also when it is un-maximised, the window and its frame stay on that screen.
        CHECK(screen.area.contains(placement.geometry.marginsAdded(gui::assumedFrame)));
        if (!placement.maximised) {
            CHECK(placement.geometry.width() >= gui::designWindowSize.width());
            CHECK(placement.geometry.height() >= gui::designWindowSize.height());
            // Centred: as much room left of it as right of it.
            const QRect frame = placement.geometry.marginsAdded(gui::assumedFrame);
            CHECK(qAbs((frame.left() - screen.area.left()) - (screen.area.right() - frame.right())) <= 2);
        }
    }
    CHECK_FALSE(gui::fitsOn(QRect(3000, 100, 1280, 800), QRect(0, 0, 1366, 768)));
    CHECK_FALSE(gui::fitsOn(QRect(-8, 0, 1280, 700), QRect(0, 0, 1366, 768)));
    CHECK_FALSE(gui::fitsOn(QRect(0, 0, 1400, 700), QRect(0, 0, 1366, 768)));
    CHECK_FALSE(gui::fitsOn(QRect(), QRect(0, 0, 1366, 768)));
    CHECK(gui::fitsOn(QRect(0, 0, 1366, 768), QRect(0, 0, 1366, 768)));
}

// Hidden from the default run (whose offscreen screen is 800x600, smaller than any laptop): ctest
// runs it on the screens in tests/app/screens.
TEST_CASE("The first window fits its screen and shows the status bar and the problems panel whole",
          "[.][screens]") {
    TempDir dir;
    const QString path = demoRegion(dir);
    FakePrompter prompter;
    Settings s;
    gui::MainWindow window(prompter, s.settings);
    gui::installStandardWorkspaces(window, prompter, &gui::createScheduleBoard);
    window.placeFromSettings();
    window.restoreFromSettings();
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    REQUIRE(window.openDatabase(path));
    window.restoreFromSettings();
    settle(window);

    const QRect area = window.screen()->availableGeometry();
    INFO("screen " << window.screen()->name().toStdString() << ", available "
                   << fitsText(area.size()).toStdString() << ", window frame "
                   << fitsText(window.frameGeometry().size()).toStdString());
    CHECK(area.contains(window.frameGeometry()));
    if (area.width() < 1400 || area.height() < 900) {
        CHECK(window.isMaximized());
    }
    const QRect inside(window.mapToGlobal(QPoint(0, 0)), window.size());
    QStatusBar* status = window.statusBar();
    REQUIRE(status->isVisible());
    CHECK(area.contains(globalRect(status)));
    CHECK(inside.contains(globalRect(status)));
    auto* problems = window.findChild<gui::ProblemsPanel*>();
    REQUIRE(problems != nullptr);
    CHECK(problems->isVisible());
    CHECK(problems->height() >= problems->minimumSizeHint().height());
    CHECK(area.contains(globalRect(problems)));
    CHECK(inside.contains(globalRect(problems)));
    CHECK(cutOff(&window).join(u'\n').toStdString() == "");
}

TEST_CASE("A placement saved on a screen that is gone, or that no longer fits, is not restored off screen",
          "[screens]") {
    const QRect area = available();
    const QString here = QGuiApplication::primaryScreen()->name();
    const struct {
        const char* what;
        QString screen;
        QRect normal;
    } saved[] = {
        {"an unplugged monitor to the right", QStringLiteral("UNPLUGGED-MONITOR"),
         QRect(3000, 100, 1600, 1000)},
        {"an unplugged monitor to the left", QStringLiteral("UNPLUGGED-MONITOR"),
         QRect(-1800, 50, 1400, 900)},
        {"this screen, before its resolution went down", here,
         QRect(area.right() - 200, area.top() + 40, area.width(), area.height())},
        {"this screen, partly above its top edge", here, QRect(area.left() + 10, area.top() - 300, 800, 500)},
        {"nothing sensible", here, QRect(0, 0, -5, -5)},
    };
    for (const auto& old : saved) {
        INFO(old.what);
        Settings s;
        s.settings.setValue(QStringLiteral("window/screen"), old.screen);
        s.settings.setValue(QStringLiteral("window/normalGeometry"), old.normal);
        s.settings.setValue(QStringLiteral("window/normalFrame"),
                            old.normal.marginsAdded(QMargins(2, 30, 2, 2)));
        s.settings.setValue(QStringLiteral("window/maximised"), false);
        FakePrompter prompter;
        gui::MainWindow window(prompter, s.settings);
        gui::installStandardWorkspaces(window, prompter);
        window.placeFromSettings();
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        settle(window);
        CHECK(area.contains(window.frameGeometry()));
        // Re-centred on the screen, as on a first start.
        const gui::WindowPlacement fresh = gui::firstPlacement(area);
        CHECK(window.isMaximized() == fresh.maximised);
        if (!fresh.maximised) {
            CHECK(window.geometry() == fresh.geometry);
        }
    }
}

// Hidden from the default run, like the first window's test: its screen is smaller than the window.
TEST_CASE("A placement saved on a screen that is still there and fits is restored", "[.][screens]") {
    const QRect area = available();
    Settings s;
    FakePrompter prompter;
    const QSize smallest = smallestWindowSize(prompter, s.settings);
    const QRect chosen(area.topLeft() + QPoint(40, 60), smallest.expandedTo(QSize(900, 560)));
    REQUIRE(area.contains(chosen.marginsAdded(QMargins(2, 2, 2, 2))));
    {
        gui::MainWindow window(prompter, s.settings);
        gui::installStandardWorkspaces(window, prompter);
        window.placeFromSettings();
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        window.showNormal();
        window.setGeometry(chosen);
        settle(window);
        REQUIRE(window.geometry() == chosen);
        window.close();
    }
    CHECK_FALSE(s.settings.contains(QStringLiteral("window/geometry")));
    {
        gui::MainWindow window(prompter, s.settings);
        gui::installStandardWorkspaces(window, prompter);
        window.placeFromSettings();
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        settle(window);
        CHECK_FALSE(window.isMaximized());
        CHECK(window.geometry() == chosen);
        window.showMaximized();
        settle(window);
        window.close();
    }
    gui::MainWindow window(prompter, s.settings);
    gui::installStandardWorkspaces(window, prompter);
    window.placeFromSettings();
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    settle(window);
    CHECK(window.isMaximized());
    CHECK(area.contains(window.frameGeometry()));
    window.showNormal();
    settle(window);
    CHECK(window.geometry() == chosen); // un-maximised, it goes back where the user had it
}

TEST_CASE("Every workspace fits a window maximised on a 1280x720 screen, nothing cut off", "[screens]") {
    TempDir dir;
    const QString path = demoRegion(dir);
    FakePrompter prompter;
    Settings s;
    gui::MainWindow window(prompter, s.settings);
    gui::installStandardWorkspaces(window, prompter, &gui::createScheduleBoard);
    REQUIRE(window.openDatabase(path));
    CHECK(window.minimumSizeHint().width() <= smallWindow.width());
    CHECK(window.minimumSizeHint().height() <= smallWindow.height());
    window.resize(smallWindow);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("scheduleTabs"));
    REQUIRE(tabs != nullptr);
    const auto check = [&](const QString& what) {
        settle(window);
        INFO(what.toStdString());
        CHECK(window.size() == smallWindow);
        CHECK(cutOff(&window).join(u'\n').toStdString() == "");
    };
    for (const QString& view : window.viewNames()) {
        REQUIRE(window.showView(view));
        check(view);
        if (view == QStringLiteral("schedule")) {
            // The group table as well as the board.
            for (auto* button : window.findChildren<QToolButton*>()) {
                if (button->text() == QStringLiteral("&Table") && button->isVisibleTo(&window)) {
                    button->click();
                    check(QStringLiteral("schedule, table"));
                }
            }
            for (auto* button : window.findChildren<QToolButton*>()) {
                if (button->text() == QStringLiteral("&Board") && button->isVisibleTo(&window)) {
                    button->click();
                }
            }
        }
    }
}

TEST_CASE("Every dialog fits a 1280x720 screen, nothing cut off", "[screens]") {
    RegionFixture region;
    auto document = region.openDocument();
    auto schedule = ScheduleStore(document->database()).load(region.cycleId);
    REQUIRE(schedule.ok());
    REQUIRE(!schedule->groups.empty());
    auto authorities = RosterStore(document->database()).authorities();
    REQUIRE(authorities.ok());
    const QString csv = region.dir.path(QStringLiteral("roster.csv"));
    QString rows = QStringLiteral("la,dcs\r\n");
    for (int i = 0; i < 60; ++i) {
        rows += QStringLiteral("Authority number %1 with a rather long name,Person %1\r\n").arg(i);
    }
    writeFile(csv, rows.toUtf8());

    Cycle cycle;
    cycle.name = QStringLiteral("2024-2025");
    std::vector<std::pair<QString, std::function<std::unique_ptr<QDialog>()>>> dialogs;
    dialogs.emplace_back(QStringLiteral("new cycle"), [&] {
        return std::make_unique<gui::CycleDialog>(cycle, std::vector<Cycle>{schedule->cycle}, nullptr);
    });
    dialogs.emplace_back(QStringLiteral("group details"), [&] {
        return std::make_unique<gui::GroupDetailsDialog>(schedule->groups.front(), *schedule, nullptr);
    });
    dialogs.emplace_back(QStringLiteral("add person"),
                         [&] { return std::make_unique<gui::AddPersonDialog>(*authorities, nullptr); });
    dialogs.emplace_back(QStringLiteral("import roster"), [&] {
        return std::make_unique<gui::ImportDialog>(*document, gui::ImportDialog::Kind::Roster, csv);
    });
    for (auto& [what, make] : dialogs) {
        INFO(what.toStdString());
        auto dialog = make();
        CHECK(dialog->minimumSizeHint().width() <= smallWindow.width());
        CHECK(dialog->minimumSizeHint().height() <= smallWindow.height());
        CHECK(dialog->sizeHint().width() <= smallScreen.width());
        CHECK(dialog->sizeHint().height() <= smallWindow.height());
        dialog->show();
        REQUIRE(QTest::qWaitForWindowExposed(dialog.get()));
        settle(*dialog);
        CHECK(dialog->width() <= smallScreen.width());
        CHECK(dialog->height() <= smallWindow.height());
        CHECK(cutOff(dialog.get()).join(u'\n').toStdString() == "");
        // Also at the smallest size the user can drag it to.
        dialog->resize(dialog->minimumSizeHint());
        settle(*dialog);
        CHECK(cutOff(dialog.get()).join(u'\n').toStdString() == "");
    }
}

TEST_CASE("The cut-off check finds a control pushed out of its window or squeezed", "[screens]") {
    QWidget window;
    window.resize(400, 300);
    auto* outside = new QPushButton(QStringLiteral("Out of sight"), &window);
    outside->setObjectName(QStringLiteral("outside"));
    outside->setGeometry(350, 10, 120, 30);
    auto* squeezed = new QPushButton(QStringLiteral("A button with a long label"), &window);
    squeezed->setObjectName(QStringLiteral("squeezed"));
    squeezed->setGeometry(10, 100, 40, 30);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    const QStringList found = cutOff(&window);
    REQUIRE(found.size() == 2);
    CHECK(found[0].contains(QStringLiteral("outside")));
    CHECK(found[1].contains(QStringLiteral("squeezed")));
    outside->move(200, 10);
    squeezed->resize(squeezed->minimumSizeHint().expandedTo(squeezed->sizeHint()));
    CHECK(cutOff(&window).isEmpty());
}
