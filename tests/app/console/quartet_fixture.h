#pragma once

#include "app/frame/region_fixture.h"
#include "domain/roster_store.h"
#include "domain/schedule_store.h"
#include "store/database.h"

#include <catch2/catch.hpp>

namespace balcony::test {

// Adds Group 3, a quartet meeting on Tuesday 26 March 2024, to the fixture's cycle.
inline void addQuartet(const RegionFixture& region) {
    auto opened = Database::open(region.path);
    REQUIRE(opened.ok());
    Database& db = *opened.value();
    RosterStore roster(db);
    ScheduleStore schedule(db);
    std::vector<qint64> members;
    for (const char* name : {"Essex", "Suffolk", "Norfolk", "Thurrock"}) {
        auto id = roster.addAuthority(QString::fromLatin1(name));
        REQUIRE(id.ok());
        members.push_back(*id);
    }
    auto facilitator = roster.ensureUnattachedPerson(QStringLiteral("Gwen Facilitator"), Role::Facilitator);
    REQUIRE(facilitator.ok());
    Group g;
    g.cycleId = region.cycleId;
    g.label = QStringLiteral("Group 3");
    g.date = QDate(2024, 3, 26);
    g.venue = QStringLiteral("County Hall, Chelmsford");
    g.facilitatorId = *facilitator;
    for (std::size_t i = 0; i < members.size(); ++i) {
        g.members.push_back(GroupMember{members[i], members[(i + 1) % members.size()]});
    }
    REQUIRE(schedule.addGroup(g).ok());
}

} // namespace balcony::test
