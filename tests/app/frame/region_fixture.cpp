#include "region_fixture.h"

#include "demo_document.h"
#include "document/region_document.h"
#include "domain/roster_store.h"
#include "domain/schedule_store.h"
#include "domain/self_assessment_store.h"
#include "store/database.h"

#include <catch2/catch.hpp>

namespace balcony::test {

RegionFixture::RegionFixture()
    : path(dir.path(QStringLiteral("region.balcony"))) {
    auto opened = Database::open(path, Database::Options{true, false});
    REQUIRE(opened.ok());
    Database& db = *opened.value();
    RosterStore roster(db);
    ScheduleStore schedule(db);

    const auto la = [&](const QString& name, const QString& dcs) {
        auto id = roster.addAuthority(name);
        REQUIRE(id.ok());
        REQUIRE(
            roster
                .setPostHolder(*id, Role::Dcs, dcs,
                               QString(dcs.section(u' ', 0, 0).toLower() + QStringLiteral("@example.org")))
                .ok());
        return *id;
    };
    kentId = la(QStringLiteral("Kent"), QStringLiteral("Alex Carter"));
    medwayId = la(QStringLiteral("Medway"), QStringLiteral("Bea Lewis"));
    surreyId = la(QStringLiteral("Surrey"), QStringLiteral("Cal Singh"));
    const qint64 brighton = la(QStringLiteral("Brighton and Hove"), QStringLiteral("Dee Morgan"));
    const qint64 hampshire = la(QStringLiteral("Hampshire"), QStringLiteral("Eli Brooks"));
    const qint64 wight = la(QStringLiteral("Isle of Wight"), QStringLiteral("Fay Adams"));
    auto facilitator = roster.ensureUnattachedPerson(QStringLiteral("Gwen Facilitator"), Role::Facilitator);
    REQUIRE(facilitator.ok());

    Cycle cycle;
    cycle.name = QStringLiteral("2023-2024");
    cycle.firstDay = QDate(2023, 9, 1);
    cycle.lastDay = QDate(2024, 8, 31);
    auto cycleAdded = schedule.addCycle(cycle);
    REQUIRE(cycleAdded.ok());
    cycleId = *cycleAdded;

    const auto group = [&](const QString& label, QDate day, std::vector<qint64> members) {
        Group g;
        g.cycleId = cycleId;
        g.label = label;
        g.date = day;
        g.venue = QStringLiteral("County Hall, Maidstone");
        g.facilitatorId = *facilitator;
        for (std::size_t i = 0; i < members.size(); ++i) {
            // Each LA is reviewed by the next one round the group.
            g.members.push_back(GroupMember{members[i], members[(i + 1) % members.size()]});
        }
        auto id = schedule.addGroup(g);
        REQUIRE(id.ok());
    };
    group(QStringLiteral("Group 1"), firstGroupDay, {kentId, medwayId, surreyId});
    group(QStringLiteral("Group 2"), QDate(2024, 3, 19), {brighton, hampshire, wight});

    REQUIRE(
        SelfAssessmentStore(db).setStatus(cycleId, kentId, SaStatus::DraftReceived, QDate(2024, 2, 1)).ok());
}

std::unique_ptr<gui::RegionDocument> RegionFixture::openDocument() const {
    return test::openDocument(path);
}

} // namespace balcony::test
