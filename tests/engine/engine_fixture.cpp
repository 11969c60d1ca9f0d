#include "engine_fixture.h"

#include "domain/roster_store.h"
#include "domain/schedule_store.h"

#include <QTimeZone>
#include <catch2/catch.hpp>

namespace balcony::test {

QStringList triadNames() {
    return {QStringLiteral("Slough"), QStringLiteral("Reading"), QStringLiteral("Bracknell Forest")};
}

QStringList quartetNames() {
    return triadNames() << QStringLiteral("Wokingham");
}

QDateTime dayAt(int hour, int minute, int second) {
    return QDateTime(QDate(2023, 1, 18), QTime(hour, minute, second), QTimeZone::utc());
}

QString dataFile(const QString& name) {
    return QStringLiteral(BALCONY_TEST_DATA_DIR "/engine/") + name;
}

EngineRegion::EngineRegion(const QStringList& authorities)
    : las(authorities) {
    auto opened = Database::open(databasePath(), {.create = true});
    REQUIRE(opened.ok());
    db = std::move(*opened);
    RosterStore roster(*db);
    ScheduleStore schedule(*db);
    Cycle cycle;
    cycle.name = QStringLiteral("2022-2023");
    cycle.firstDay = QDate(2022, 9, 1);
    cycle.lastDay = QDate(2023, 7, 31);
    auto cycleId = schedule.addCycle(cycle);
    REQUIRE(cycleId.ok());
    std::vector<qint64> ids;
    for (const auto& name : authorities) {
        auto id = roster.addAuthority(name);
        REQUIRE(id.ok());
        ids.push_back(*id);
    }
    Group group;
    group.cycleId = *cycleId;
    group.label = QStringLiteral("A");
    group.date = QDate(2023, 1, 18);
    for (size_t i = 0; i < ids.size(); ++i) {
        // LA i is reviewed by LA i+1: a single cycle through the group.
        group.members.push_back({ids[i], ids[(i + 1) % ids.size()]});
    }
    auto added = schedule.addGroup(group);
    REQUIRE(added.ok());
    groupId = *added;
}

GroupDay EngineRegion::day() {
    auto loaded = loadGroupDay(*db, QStringLiteral("2022-2023"), QStringLiteral("A"));
    REQUIRE(loaded.ok());
    GroupDay result = std::move(*loaded);
    result.plan.zone = QTimeZone::utc();
    return result;
}

void EngineRegion::reopen() {
    db.reset();
    auto opened = Database::open(databasePath());
    REQUIRE(opened.ok());
    db = std::move(*opened);
}

} // namespace balcony::test
