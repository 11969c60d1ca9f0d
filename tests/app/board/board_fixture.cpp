#include "board_fixture.h"

#include "domain/roster_store.h"
#include "domain/schedule_store.h"
#include "store/database.h"

#include <catch2/catch.hpp>

namespace balcony::test {

BoardRegion::BoardRegion() {
    auto db = Database::open(dir.path(QStringLiteral("region.balcony")), {.create = true, .readOnly = false});
    REQUIRE(db.ok());
    RosterStore roster(**db);
    for (const char* name : {"Wokingham", "Surrey", "Kent", "Slough", "Medway", "Oxfordshire", "Hampshire"}) {
        const QString n = QString::fromLatin1(name);
        auto added = roster.addAuthority(n);
        REQUIRE(added.ok());
        authorities[n] = *added;
        REQUIRE(roster.setPostHolder(*added, Role::Dcs, QStringLiteral("DCS of ") + n, QString()).ok());
    }
    auto people = roster.people();
    REQUIRE(people.ok());
    for (const auto& p : *people) {
        if (p.authorityId == id(QStringLiteral("Kent"))) {
            REQUIRE(roster
                        .addPastPost(p.id, {id(QStringLiteral("Surrey")), QStringLiteral("Head of service"),
                                            false, QDate(2015, 1, 1), QDate(2019, 1, 1)})
                        .ok());
        }
    }
    ScheduleStore schedule(**db);
    Cycle cycle;
    cycle.name = QStringLiteral("2022-2023");
    cycle.firstDay = QDate(2022, 9, 1);
    cycle.lastDay = QDate(2023, 7, 31);
    auto c = schedule.addCycle(cycle);
    REQUIRE(c.ok());
    cycleId = *c;

    Group g1;
    g1.cycleId = cycleId;
    g1.label = QStringLiteral("Group 1");
    g1.date = QDate(2023, 1, 16);
    g1.venue = QStringLiteral("Reading");
    for (const char* name : {"Wokingham", "Surrey", "Kent"}) {
        g1.members.push_back({id(QString::fromLatin1(name)), 0});
    }
    auto a1 = schedule.addGroup(g1);
    REQUIRE(a1.ok());
    group1 = *a1;

    Group g2;
    g2.cycleId = cycleId;
    g2.label = QStringLiteral("Group 2");
    g2.date = QDate(2023, 1, 25);
    g2.mode = Mode::Virtual;
    g2.venue = QStringLiteral("Microsoft Teams");
    const qint64 sl = id(QStringLiteral("Slough")), me = id(QStringLiteral("Medway")),
                 ox = id(QStringLiteral("Oxfordshire")), ha = id(QStringLiteral("Hampshire"));
    g2.members = {{sl, ha}, {me, sl}, {ox, me}, {ha, ox}};
    auto a2 = schedule.addGroup(g2);
    REQUIRE(a2.ok());
    group2 = *a2;

    document = std::make_unique<gui::RegionDocument>(std::move(*db));
}

std::vector<qint64> storedMembers(const BoardRegion& region, qint64 groupId) {
    auto groups = ScheduleStore(region.document->database()).groups(region.cycleId);
    REQUIRE(groups.ok());
    for (const auto& g : *groups) {
        if (g.id == groupId) {
            std::vector<qint64> ids;
            for (const auto& m : g.members) {
                ids.push_back(m.authorityId);
            }
            return ids;
        }
    }
    return {};
}

} // namespace balcony::test
