#include "app/frame/fake_prompter.h"
#include "app/frame/qt_catch.h"
#include "app/frame/region_fixture.h"
#include "console/console_workspace.h"
#include "console/countdown_view.h"
#include "console/day_session.h"
#include "console/notes_pane.h"
#include "engine/clock.h"
#include "frame/application.h"
#include "frame/command_line.h"
#include "frame/main_window.h"
#include "helpers/temp_dir.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QFrame>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTest>
#include <QTimeZone>
#include <catch2/catch.hpp>

// Opening Balcony during a live day, with the window built and the region opened as the program
// does it (installProgramWorkspaces, openAtStart), after the last window was killed (destroyed
// without closing, so nothing but what was already committed survives). Group 1 of the fixture
// meets on Tuesday 12 March 2024; its timetable starts at 10:00.
using namespace balcony;
using namespace balcony::test;

namespace {

QDateTime march(int day, int hour, int minute) {
    return QDateTime(QDate(2024, 3, day), QTime(hour, minute), QTimeZone::systemTimeZone()).toUTC();
}

// The program's window on the fixture's database, on the test's clock, with the settings a user
// left behind (the Schedule workspace in front).
struct Program {
    FakePrompter prompter;
    QSettings& settings;
    std::unique_ptr<gui::MainWindow> window;

    Program(QSettings& s, const Clock& clock, const QString& path)
        : settings(s) {
        settings.setValue(QStringLiteral("window/workspace"), QStringLiteral("schedule"));
        window = std::make_unique<gui::MainWindow>(prompter, settings);
        gui::installProgramWorkspaces(*window, prompter, clock);
        window->placeFromSettings();
        window->restoreFromSettings();
        window->resize(1366, 768);
        window->show();
        QApplication::setActiveWindow(window.get());
        REQUIRE(gui::openAtStart(*window, path, false));
    }
    gui::ConsoleWorkspace& console() const {
        auto* c = window->workspace<gui::ConsoleWorkspace>();
        REQUIRE(c != nullptr);
        return *c;
    }
    template <typename T>
    T* find(const char* name) const {
        auto* child = window->findChild<T*>(QString::fromLatin1(name));
        REQUIRE(child != nullptr);
        return child;
    }
    QString text(const char* name) const { return find<QLabel>(name)->text(); }
    void click(const char* name) const {
        auto* button = find<QPushButton>(name);
        REQUIRE(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
    }
};

// The settings key the window keeps its workspace under, checked rather than assumed.
QString savedWorkspace(QSettings& settings) {
    return settings.value(QStringLiteral("window/workspace")).toString();
}

} // namespace

TEST_CASE("Opening Balcony during a live day goes straight to Run the Day at the right block, notes in place",
          "[console][resume]") {
    RegionFixture region;
    TempDir dir;
    QSettings settings(dir.path(QStringLiteral("settings.ini")), QSettings::IniFormat);
    FakeClock clock(march(12, 9, 58));
    qint64 groupId = 0;
    QString presentation;
    {
        Program first(settings, clock, region.path);
        // Nothing is live yet: the window opens where the user left it.
        CHECK(first.window->currentWorkspace()->id() == QStringLiteral("schedule"));
        CHECK_FALSE(first.console().resumedLiveDay());
        REQUIRE(first.window->showView(QStringLiteral("run-the-day")));
        first.click("consoleStart"); // 9:58
        groupId = first.console().session()->groupId();
        clock.advanceMinutes(12);
        first.console().session()->refresh();
        first.click("consoleNext"); // 10:10: the presentation
        presentation = first.console().session()->plan().timetable.blocks.at(1).title;

        // A note typed and saved at 10:13, then the facilitator looks at the schedule.
        clock.advanceMinutes(3);
        auto* editor = first.console().notesPane()->findChild<QPlainTextEdit*>();
        REQUIRE(editor != nullptr);
        editor->setFocus();
        QTest::keyClicks(editor, QStringLiteral("Kent's edge-of-care panel halved placements"));
        REQUIRE(first.console().notesPane()->flush().ok());
        REQUIRE(first.window->showView(QStringLiteral("schedule")));
        // Killed: the window goes without its close event, so it saves no settings.
    }
    REQUIRE(savedWorkspace(settings) == QStringLiteral("schedule"));

    // Eight minutes later (10:21) Balcony is opened again on the same file.
    clock.advanceMinutes(8);
    Program again(settings, clock, region.path);
    CHECK(again.window->currentWorkspace()->id() == QStringLiteral("run-the-day"));
    CHECK(again.console().resumedLiveDay());
    CHECK(again.console().currentGroupId() == groupId);
    CHECK(again.find<QComboBox>("consoleGroup")->currentText().startsWith(QStringLiteral("Group 1")));
    REQUIRE(again.console().session() != nullptr);
    CHECK(again.console().session()->state().blockIndex == 1);
    CHECK(again.text("consoleBlock").contains(presentation));
    const int planned = again.console().session()->plan().timetable.blocks.at(1).minutes;
    // The presentation began at 10:10 and it is 10:21: eleven minutes gone.
    CHECK(again.find<gui::CountdownView>("consoleCountdown")->shownText() ==
          QStringLiteral("%1:00").arg(planned - 11, 2, 10, QLatin1Char('0')));

    auto* banner = again.find<QFrame>("consoleResumeBanner");
    CHECK(banner->isVisible());
    // Away from the last thing recorded (the note at 10:13), not from the last control (10:10).
    CHECK(
        again.text("consoleResumeBannerText") ==
        QStringLiteral("The day was resumed at \u201c%1\u201d. Balcony was away for 8 min: the last thing it "
                       "recorded was at 10:13.")
            .arg(presentation));

    auto* editor = again.console().notesPane()->findChild<QPlainTextEdit*>();
    REQUIRE(editor != nullptr);
    CHECK(editor->toPlainText() == QStringLiteral("Kent's edge-of-care panel halved placements"));

    again.click("consoleResumeDismiss");
    CHECK_FALSE(banner->isVisible());
}

TEST_CASE("A day left unfinished on its own date does not take over the window the next morning",
          "[console][resume]") {
    RegionFixture region;
    TempDir dir;
    QSettings settings(dir.path(QStringLiteral("settings.ini")), QSettings::IniFormat);
    FakeClock clock(march(12, 10, 0));
    {
        Program first(settings, clock, region.path);
        REQUIRE(first.window->showView(QStringLiteral("run-the-day")));
        first.click("consoleStart");
        REQUIRE(first.console().session()->state().status == DayStatus::Running);
    }
    clock.setUtc(march(13, 9, 0)); // the next day: the run was never finished
    Program next(settings, clock, region.path);
    CHECK(next.window->currentWorkspace()->id() == QStringLiteral("schedule"));
    CHECK_FALSE(next.console().resumedLiveDay());
    CHECK_FALSE(next.find<QFrame>("consoleResumeBanner")->isVisible());
}

TEST_CASE("Without --db the program opens the last region it had open, so that a live day is found",
          "[console][resume]") {
    TempDir dir;
    const QString last = dir.path(QStringLiteral("last.balcony"));
    const QString gone = dir.path(QStringLiteral("gone.balcony"));
    {
        QFile file(last);
        REQUIRE(file.open(QIODevice::WriteOnly));
    }
    int exitCode = -1;
    qunsetenv("BALCONY_DB");
    auto plain = gui::parseCommandLine({QStringLiteral("balcony")}, {QStringLiteral("schedule")}, exitCode);
    REQUIRE(plain.has_value());
    CHECK_FALSE(plain->databaseNamed);
    // The newest recent region that still exists; the default when there is none.
    CHECK(gui::databaseToOpen(*plain, {gone, last}) == last);
    CHECK(gui::databaseToOpen(*plain, {gone}) == plain->databasePath);
    CHECK(gui::databaseToOpen(*plain, {}) == plain->databasePath);

    // A region named on the command line is the one opened.
    auto named = gui::parseCommandLine({QStringLiteral("balcony"), QStringLiteral("--db"), gone},
                                       {QStringLiteral("schedule")}, exitCode);
    REQUIRE(named.has_value());
    CHECK(named->databaseNamed);
    CHECK(gui::databaseToOpen(*named, {last}) == gone);
}
