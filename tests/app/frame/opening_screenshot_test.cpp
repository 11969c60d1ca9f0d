#include "domain/roster_store.h"
#include "domain/schedule_store.h"
#include "engine/clock.h"
#include "engine/day_engine.h"
#include "engine/day_state.h"
#include "engine/group_day.h"
#include "helpers/temp_dir.h"
#include "store/database.h"

#include <QImage>
#include <QProcess>
#include <catch2/catch.hpp>

// The real program, opened on a region whose group has a day live today (on the computer's clock,
// as the program reads it): `balcony --screenshot OUT.png --view opening` draws the window as the
// program opens the region. Its sidebar must show Run the Day chosen, as `--view run-the-day` does,
// and not the Schedule the settings would otherwise bring back.
using namespace balcony;

namespace {

const QSize size(1366, 768);

QImage render(const QString& database, const QString& view, const QString& out) {
    QProcess balcony;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    balcony.setProcessEnvironment(environment);
    balcony.start(QStringLiteral(BALCONY_APP),
                  {QStringLiteral("--db"), database, QStringLiteral("--screenshot"), out,
                   QStringLiteral("--view"), view, QStringLiteral("--size"),
                   QStringLiteral("%1x%2").arg(size.width()).arg(size.height())});
    REQUIRE(balcony.waitForFinished(60000));
    INFO(view.toStdString() << " " << balcony.readAllStandardError().toStdString());
    REQUIRE(balcony.exitCode() == 0);
    QImage image(out);
    REQUIRE(image.size() == size);
    return image;
}

// The sidebar's list of workspaces, where the chosen one is highlighted.
QImage sidebar(const QImage& window) {
    return window.copy(0, 55, 180, 120).convertToFormat(QImage::Format_ARGB32);
}

} // namespace

TEST_CASE("Balcony opened during a day live today shows Run the Day, through the program itself",
          "[screenshot][resume]") {
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("live.balcony"));
    const SystemClock clock;
    const QDate today = clock.utcNow().toTimeZone(groupDayZone()).date();
    qint64 groupId = 0;
    {
        auto opened = Database::open(path, {.create = true, .readOnly = false});
        REQUIRE(opened.ok());
        Database& db = **opened;
        RosterStore roster(db);
        ScheduleStore schedule(db);
        Cycle cycle;
        cycle.name = QStringLiteral("Today's cycle");
        cycle.firstDay = today.addDays(-30);
        cycle.lastDay = today.addDays(300);
        auto cycleId = schedule.addCycle(cycle);
        REQUIRE(cycleId.ok());
        std::vector<qint64> members;
        for (const char* name : {"Kent", "Medway", "Surrey"}) {
            auto id = roster.addAuthority(QString::fromLatin1(name));
            REQUIRE(id.ok());
            members.push_back(*id);
        }
        Group group;
        group.cycleId = *cycleId;
        group.label = QStringLiteral("Group 1");
        group.date = today;
        group.venue = QStringLiteral("County Hall");
        for (std::size_t i = 0; i < members.size(); ++i) {
            group.members.push_back(GroupMember{members[i], members[(i + 1) % members.size()]});
        }
        auto added = schedule.addGroup(group);
        REQUIRE(added.ok());
        groupId = *added;
    }

    // Not started yet: the program opens on the Schedule.
    const QImage schedule =
        render(path, QStringLiteral("schedule"), dir.path(QStringLiteral("schedule.png")));
    const QImage runTheDay = render(path, QStringLiteral("run-the-day"), dir.path(QStringLiteral("day.png")));
    REQUIRE(sidebar(schedule) != sidebar(runTheDay));
    CHECK(sidebar(render(path, QStringLiteral("opening"), dir.path(QStringLiteral("before.png")))) ==
          sidebar(schedule));

    // Started (the program that started it is gone): opened again, it is on Run the Day.
    {
        auto opened = Database::open(path, {.create = false, .readOnly = false});
        REQUIRE(opened.ok());
        auto day = loadGroupDay(**opened, QStringLiteral("Today's cycle"), QStringLiteral("Group 1"));
        REQUIRE(day.ok());
        auto engine = DayEngine::open(**opened, clock, groupId, day->plan);
        REQUIRE(engine.ok());
        REQUIRE((*engine)->start().ok());
    }
    CHECK(sidebar(render(path, QStringLiteral("opening"), dir.path(QStringLiteral("after.png")))) ==
          sidebar(runTheDay));
}
