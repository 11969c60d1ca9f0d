#include "document/region_document.h"
#include "domain/schedule_store.h"
#include "engine/clock.h"
#include "engine/day_engine.h"
#include "engine/day_event.h"
#include "engine/group_day.h"
#include "fake_prompter.h"
#include "frame/day_offline_controller.h"
#include "frame/main_window.h"
#include "notes/note_store.h"
#include "offline/day_offline.h"
#include "qt_catch.h"
#include "region_fixture.h"

#include <QAction>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>
#include <catch2/catch.hpp>

// File > Take Day Offline... and File > Bring Day Back... driven through the real main window, the
// file dialogs and the confirmation answered by the FakePrompter.
using namespace balcony;
using namespace balcony::test;

namespace {

QAction* fileMenuAction(gui::MainWindow& window, const QString& objectName) {
    for (QAction* menu : window.menuBar()->actions()) {
        if (menu->menu() && menu->text() == QStringLiteral("&File")) {
            for (QAction* action : menu->menu()->actions()) {
                if (action->objectName() == objectName) {
                    return action;
                }
            }
        }
    }
    return nullptr;
}

QStringList currentTexts(Database& db, qint64 groupId) {
    auto items = NoteStore(db).current(groupId);
    REQUIRE(items.ok());
    QStringList texts;
    for (const auto& item : *items) {
        texts << item.current.content.text;
    }
    return texts;
}

} // namespace

TEST_CASE(
    "File > Take Day Offline writes the chosen group's day and File > Bring Day Back merges it after the "
    "confirmation",
    "[gui][offline]") {
    RegionFixture region;
    FakePrompter prompter;
    TempDir settingsDir;
    QSettings settings(settingsDir.path(QStringLiteral("settings.ini")), QSettings::IniFormat);
    gui::MainWindow window(prompter, settings);
    REQUIRE(window.openDatabase(region.path));
    window.show();
    auto groups = ScheduleStore(window.document()->database()).groups(region.cycleId);
    REQUIRE(groups.ok());
    const qint64 groupId = groups->front().id;

    QAction* takeOffline = fileMenuAction(window, QStringLiteral("takeDayOfflineAction"));
    QAction* bringBack = fileMenuAction(window, QStringLiteral("bringDayBackAction"));
    REQUIRE(takeOffline != nullptr);
    REQUIRE(bringBack != nullptr);
    CHECK(takeOffline->isEnabled());

    const QString path = region.dir.path(QStringLiteral("group-1-day.balcony"));
    SECTION("cancelling the choice writes nothing") {
        prompter.choiceIndex = -1;
        prompter.saveFileAnswer = path;
        takeOffline->trigger();
        CHECK(prompter.choiceItems.size() == 2);
        CHECK_FALSE(QFile::exists(path));
        return;
    }
    prompter.choiceIndex = 0;
    prompter.saveFileAnswer = path;
    takeOffline->trigger();
    INFO(prompter.errors.join(QStringLiteral("\n")).toStdString());
    REQUIRE(prompter.errors.isEmpty());
    REQUIRE(prompter.choiceItems.size() == 2);
    CHECK(prompter.choiceItems.front().contains(QStringLiteral("Group 1 of 2023-2024")));
    REQUIRE(QFile::exists(path));
    CHECK(window.statusBar()->currentMessage().contains(QStringLiteral("Bring Day Back")));
    {
        QFile file(path);
        REQUIRE(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        CHECK(bytes.contains("Medway"));
        CHECK_FALSE(bytes.contains("Hampshire")); // an LA of the other group
    }

    // The day, run on the file.
    {
        auto opened = Database::open(path);
        REQUIRE(opened.ok());
        Database& file = **opened;
        auto origin = offline::originOf(file);
        REQUIRE(origin.ok());
        CHECK(origin->groupLabel == QStringLiteral("Group 1"));
        FakeClock clock(QDateTime(region.firstGroupDay, QTime(10, 0), Qt::UTC));
        auto day = loadGroupDay(file, QStringLiteral("2023-2024"), QStringLiteral("Group 1"));
        REQUIRE(day.ok());
        auto engine = DayEngine::open(file, clock, groupId, day->plan);
        REQUIRE(engine.ok());
        REQUIRE((*engine)->start().ok());
        NoteContent note;
        note.kind = NoteKind::Offer;
        note.text = QStringLiteral("Kent's edge-of-care team can host a visit");
        REQUIRE(NoteStore(file).capture(groupId, region.kentId, note).ok());
    }

    prompter.openFileAnswer = path;
    prompter.confirmAnswer = false;
    bringBack->trigger();
    REQUIRE(prompter.confirmations.size() == 1);
    CHECK(
        prompter.confirmations.front().contains(QStringLiteral("1 day event, 1 new note or captured item")));
    CHECK_FALSE(currentTexts(window.document()->database(), groupId)
                    .contains(QStringLiteral("Kent's edge-of-care team can host a visit")));

    prompter.confirmAnswer = true;
    bringBack->trigger();
    REQUIRE(prompter.errors.isEmpty());
    CHECK(currentTexts(window.document()->database(), groupId)
              .contains(QStringLiteral("Kent's edge-of-care team can host a visit")));
    auto events = DayEventLog(window.document()->database()).count(groupId);
    REQUIRE(events.ok());
    CHECK(*events == 1);
    CHECK(window.statusBar()->currentMessage().startsWith(QStringLiteral("Brought back Group Group 1")));

    bringBack->trigger();
    REQUIRE(prompter.errors.size() == 1);
    CHECK(prompter.errors.front().contains(QStringLiteral("brought back already")));
}
