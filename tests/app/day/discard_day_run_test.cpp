#include "app/frame/fake_prompter.h"
#include "app/frame/region_fixture.h"
#include "cycles/schedule_workspace.h"
#include "day/discard_day_run.h"
#include "document/region_document.h"
#include "engine/clock.h"
#include "engine/day_engine.h"
#include "engine/group_day.h"
#include "frame/main_window.h"
#include "frame/standard_workspaces.h"
#include "helpers/temp_dir.h"
#include "models/group_model.h"

#include <QAction>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimeZone>
#include <catch2/catch.hpp>

// The desktop's way out of a day started by mistake: "Discard Day Run…" on a group of the Schedule
// workspace's table, confirmed through the Prompter, calling the same core operation as the CLI.
using namespace balcony;
using namespace balcony::test;

namespace {

// Group 1 of the fixture meets on Tuesday 12 March 2024 (UK time is UTC in March before the 31st).
QDateTime march(int day, int hour, int minute) {
    return QDateTime(QDate(2024, 3, day), QTime(hour, minute), QTimeZone::utc());
}

struct Desk {
    RegionFixture region;
    std::unique_ptr<gui::RegionDocument> document = region.openDocument();
    gui::ScheduleWorkspace workspace{*document};
    FakePrompter prompter;
    FakeClock clock{march(11, 18, 0)}; // the evening before
    gui::DiscardDayRun discard{*document, workspace, prompter, &clock};

    GroupDay day() {
        auto loaded =
            loadGroupDay(document->database(), QStringLiteral("2023-2024"), QStringLiteral("Group 1"));
        REQUIRE(loaded.ok());
        return std::move(*loaded);
    }
    std::unique_ptr<DayEngine> engine(const Clock& at) {
        auto opened = DayEngine::open(document->database(), at, day().group.id, day().plan);
        REQUIRE(opened.ok());
        return std::move(*opened);
    }
    void selectGroup1() {
        workspace.setCurrentCycleId(region.cycleId);
        QTableView* table = workspace.groupTable();
        auto* proxy = qobject_cast<QSortFilterProxyModel*>(table->model());
        REQUIRE(proxy != nullptr);
        const QModelIndex source = workspace.groupModel().indexOf(day().group.id);
        REQUIRE(source.isValid());
        table->setCurrentIndex(proxy->mapFromSource(source));
    }
    int events() {
        auto count = DayEventLog(document->database()).count(day().group.id);
        REQUIRE(count.ok());
        return *count;
    }
};

} // namespace

TEST_CASE("Discard Day Run is in the group table's context menu and enabled only when the day has a run",
          "[gui][day]") {
    Desk desk;
    QAction* action = desk.discard.action();
    QTableView* table = desk.workspace.groupTable();
    CHECK(table->contextMenuPolicy() == Qt::ActionsContextMenu);
    CHECK(table->actions().contains(action));
    CHECK(action->text() == QStringLiteral("Discard Day Run…"));

    desk.selectGroup1();
    CHECK_FALSE(action->isEnabled());

    REQUIRE(desk.engine(desk.clock)->start(DayEngine::OtherDate::Confirmed).ok());
    desk.discard.refresh();
    CHECK(action->isEnabled());

    table->setCurrentIndex({}); // no group selected
    CHECK_FALSE(action->isEnabled());
}

TEST_CASE("A rehearsal run is discarded from the desktop after the facilitator confirms, and only then",
          "[gui][day]") {
    Desk desk;
    desk.selectGroup1();
    {
        auto rehearsal = desk.engine(desk.clock);
        REQUIRE(rehearsal->start(DayEngine::OtherDate::Confirmed).ok());
        desk.clock.advanceMinutes(1);
        REQUIRE(rehearsal->pause().ok());
    }
    desk.discard.refresh();
    QAction* action = desk.discard.action();
    REQUIRE(action->isEnabled());

    desk.prompter.confirmAnswer = false;
    action->trigger();
    REQUIRE(desk.prompter.confirmations.size() == 1);
    const QString asked = desk.prompter.confirmations.front();
    CHECK(asked.startsWith(
        QStringLiteral("Discard Day Run: Discard the run of Group 1's day that started on")));
    CHECK(asked.contains(QStringLiteral("18:00")));
    CHECK(asked.contains(QStringLiteral("paused")));
    CHECK(asked.contains(QStringLiteral("notes captured during it are kept")));
    CHECK(desk.events() == 2);
    CHECK(desk.engine(desk.clock)->state().status == DayStatus::Paused);

    // The discard is a day event: it says so, and reloads no cycle nor re-runs the schedule checks.
    QSignalSpy dayChanged(desk.document.get(), &gui::RegionDocument::dayChanged);
    QSignalSpy planChanged(desk.document.get(), &gui::RegionDocument::changed);
    desk.prompter.confirmAnswer = true;
    action->trigger();
    REQUIRE(dayChanged.size() == 1);
    CHECK(dayChanged.first().at(0).toLongLong() == desk.day().group.id);
    CHECK(planChanged.isEmpty());
    CHECK(desk.prompter.confirmations.size() == 2);
    CHECK(desk.prompter.errors.isEmpty());
    CHECK(desk.events() == 3);
    CHECK(desk.engine(desk.clock)->state().status == DayStatus::NotStarted);
    CHECK_FALSE(action->isEnabled());

    // The next morning the day starts without a confirmation and is timed from that start alone.
    FakeClock morning(march(12, 9, 59));
    auto engine = desk.engine(morning);
    REQUIRE(engine->start().ok());
    morning.advanceSeconds(90);
    CHECK(engine->state().behindMs == -60 * 1000);
}

TEST_CASE("The desktop shows the engine's refusal for a run that is the record of the day", "[gui][day]") {
    Desk desk;
    desk.selectGroup1();
    FakeClock onTheDay(march(12, 10, 0));
    {
        auto engine = desk.engine(onTheDay);
        REQUIRE(engine->start().ok());
        onTheDay.advanceMinutes(15);
        REQUIRE(engine->next().ok());
    }
    desk.discard.refresh();
    REQUIRE(desk.discard.action()->isEnabled());
    desk.prompter.confirmAnswer = true;
    CHECK_FALSE(desk.discard.discardSelected());
    CHECK(desk.prompter.confirmations.isEmpty());
    REQUIRE(desk.prompter.errors.size() == 1);
    CHECK(desk.prompter.errors.front().contains(QStringLiteral("cannot be discarded")));
    CHECK(desk.events() == 2);
}

TEST_CASE("The main window's group table carries Discard Day Run", "[gui][day]") {
    RegionFixture region;
    FakePrompter prompter;
    TempDir dir;
    QSettings settings(dir.path(QStringLiteral("settings.ini")), QSettings::IniFormat);
    gui::MainWindow window(prompter, settings);
    gui::installStandardWorkspaces(window, prompter);
    window.setDocument(region.openDocument());
    auto* table = window.findChild<QTableView*>(QStringLiteral("groupTable"));
    REQUIRE(table != nullptr);
    QAction* action = window.findChild<QAction*>(QStringLiteral("discardDayRunAction"));
    REQUIRE(action != nullptr);
    CHECK(table->actions().contains(action));
    CHECK_FALSE(action->isEnabled());
}
