#pragma once

#include "domain/roster_store.h"
#include "domain/schedule_store.h"
#include "domain/self_assessment_store.h"
#include "helpers/temp_dir.h"
#include "helpers/test_database.h"
#include "store/database.h"

#include <catch2/catch.hpp>
#include <memory>

// A fresh region database (a file in a temporary folder, or a database on the test server: see
// test::fixtureEngine()), with its three stores.
namespace balcony::test {

class RegionFixture {
public:
    RegionFixture() {
        db = fresh.open();
        roster = std::make_unique<RosterStore>(*db);
        schedule = std::make_unique<ScheduleStore>(*db);
        assessments = std::make_unique<SelfAssessmentStore>(*db);
    }

    qint64 authority(const QString& name) {
        auto id = roster->ensureAuthority(name);
        REQUIRE(id.ok());
        return *id;
    }

    qint64 cycle(const QString& name, const QDate& first, const QDate& last) {
        Cycle c;
        c.name = name;
        c.firstDay = first;
        c.lastDay = last;
        auto id = schedule->addCycle(c);
        REQUIRE(id.ok());
        return *id;
    }

    qint64 group(qint64 cycleId, const QString& label, const QDate& date,
                 const std::vector<qint64>& members) {
        Group g;
        g.cycleId = cycleId;
        g.label = label;
        g.date = date;
        for (qint64 m : members) {
            g.members.push_back({m, 0});
        }
        auto id = schedule->addGroup(g);
        INFO((id.ok() ? std::string() : id.message().toStdString()));
        REQUIRE(id.ok());
        return *id;
    }

    Group groupById(qint64 cycleId, qint64 groupId) {
        auto all = schedule->groups(cycleId);
        REQUIRE(all.ok());
        for (const auto& g : *all) {
            if (g.id == groupId) {
                return g;
            }
        }
        FAIL("group not found");
        return {};
    }

    std::vector<qint64> memberIds(const Group& g) {
        std::vector<qint64> ids;
        for (const auto& m : g.members) {
            ids.push_back(m.authorityId);
        }
        return ids;
    }

    TempDir dir;
    FreshDatabase fresh{fixtureEngine()};
    std::unique_ptr<Database> db;
    std::unique_ptr<RosterStore> roster;
    std::unique_ptr<ScheduleStore> schedule;
    std::unique_ptr<SelfAssessmentStore> assessments;
};

} // namespace balcony::test
