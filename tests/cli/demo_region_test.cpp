#include "cli_runner.h"
#include "demo/demo_region.h"
#include "domain/roster_store.h"
#include "domain/schedule_store.h"
#include "domain/self_assessment_store.h"
#include "helpers/test_database.h"
#include "store/database.h"

#include <catch2/catch.hpp>
#include <set>

using namespace balcony;

namespace {

// The demo region, made by core on the fixture engine (test::fixtureEngine(): a file, or a database
// on the test server in ctest's cli_tests_on_postgresql).
struct DemoFixture {
    test::FreshDatabase fresh{test::fixtureEngine()};
    std::unique_ptr<Database> db = fresh.open();
    CycleSchedule current;
    CycleSchedule previous;

    DemoFixture() {
        auto created = createDemoRegion(*db);
        INFO(created.message().toStdString());
        REQUIRE(created.ok());
        ScheduleStore schedule(*db);
        current = load(schedule, QStringLiteral("2022-2023"));
        previous = load(schedule, QStringLiteral("2021-2022"));
    }

    static CycleSchedule load(ScheduleStore& schedule, const QString& name) {
        auto cycle = schedule.cycleByName(name);
        REQUIRE(cycle.ok());
        auto loaded = schedule.load(cycle->id);
        REQUIRE(loaded.ok());
        return *loaded;
    }

    qint64 id(const char* name) const {
        auto found = RosterStore(*db).authorityByName(QString::fromUtf8(name));
        REQUIRE(found.ok());
        return found->id;
    }

    // The authority whose DCS reviews `reviewee` in the given cycle.
    static QString reviewerOf(const CycleSchedule& schedule, qint64 reviewee) {
        const Group* group = schedule.groupOf(reviewee);
        REQUIRE(group != nullptr);
        return schedule.authorityName(group->member(reviewee)->leadReviewerId);
    }
};

} // namespace

TEST_CASE("The demo region has the 19 South East authorities, each with its three post holders", "[demo]") {
    DemoFixture f;
    auto authorities = RosterStore(*f.db).authorities();
    REQUIRE(authorities.ok());
    CHECK(authorities->size() == 19);
    auto people = RosterStore(*f.db).people();
    REQUIRE(people.ok());
    std::map<Role, int> byRole;
    for (const auto& p : *people) {
        ++byRole[p.role];
        // Invented people only: every address is on a reserved .example domain.
        CHECK(p.email.endsWith(QStringLiteral(".example")));
    }
    CHECK(byRole[Role::Dcs] == 19);
    CHECK(byRole[Role::ChiefExecutive] == 19);
    CHECK(byRole[Role::LeadMember] == 19);
    CHECK(byRole[Role::Facilitator] == 2);
    CHECK(byRole[Role::ProjectManager] == 1);
}

TEST_CASE("The demo's 2022-2023 cycle follows the published table, typo included", "[demo]") {
    DemoFixture f;
    const auto& c = f.current;
    CHECK(c.cycle.firstDay == QDate(2022, 9, 1));
    CHECK(c.cycle.lastDay == QDate(2023, 3, 31));
    REQUIRE(c.groups.size() == 6);
    int quartets = 0;
    for (const auto& g : c.groups) {
        quartets += g.isQuartet() ? 1 : 0;
        CHECK((g.isTriad() || g.isQuartet()));
    }
    CHECK(quartets == 1);

    CHECK(DemoFixture::reviewerOf(c, f.id("Surrey")) == QStringLiteral("Wokingham"));
    CHECK(DemoFixture::reviewerOf(c, f.id("Wokingham")) == QStringLiteral("East Sussex"));
    CHECK(DemoFixture::reviewerOf(c, f.id("East Sussex")) == QStringLiteral("Surrey"));
    CHECK(DemoFixture::reviewerOf(c, f.id("Hampshire")) == QStringLiteral("Oxfordshire"));
    CHECK(DemoFixture::reviewerOf(c, f.id("Reading")) == QStringLiteral("Hampshire"));
    CHECK(DemoFixture::reviewerOf(c, f.id("Oxfordshire")) == QStringLiteral("Isle of Wight"));
    CHECK(DemoFixture::reviewerOf(c, f.id("Isle of Wight")) == QStringLiteral("Reading"));
    CHECK(DemoFixture::reviewerOf(c, f.id("Brighton and Hove")) == QStringLiteral("West Berkshire"));
    CHECK(DemoFixture::reviewerOf(c, f.id("Southampton")) == QStringLiteral("Buckinghamshire"));
    CHECK(DemoFixture::reviewerOf(c, f.id("Slough")) == QStringLiteral("Southampton"));

    // Group 5 keeps the source's year typo, the one date outside the cycle.
    const Group* five = c.groupOf(f.id("West Berkshire"));
    REQUIRE(five != nullptr);
    CHECK(five->date == QDate(2022, 1, 31));
    CHECK(five->mode == Mode::Virtual);
    int outside = 0;
    for (const auto& g : c.groups) {
        outside += c.cycle.contains(g.date) ? 0 : 1;
    }
    CHECK(outside == 1);
    const Group* one = c.groupOf(f.id("Wokingham"));
    REQUIRE(one != nullptr);
    CHECK(one->venue == QStringLiteral("London"));
    CHECK(one->date == QDate(2023, 1, 16));
}

TEST_CASE("Every demo group is a ring: each LA reviews exactly one other of its group", "[demo]") {
    DemoFixture f;
    for (const auto* schedule : {&f.current, &f.previous}) {
        for (const auto& g : schedule->groups) {
            std::set<qint64> reviewers;
            for (const auto& m : g.members) {
                CHECK(m.leadReviewerId != 0);
                CHECK(m.leadReviewerId != m.authorityId);
                CHECK(g.member(m.leadReviewerId) != nullptr);
                reviewers.insert(m.leadReviewerId);
            }
            CHECK(reviewers.size() == g.members.size());
        }
    }
}

TEST_CASE("No demo facilitator is booked twice on a day, even once group 5's date is corrected", "[demo]") {
    DemoFixture f;
    std::set<std::pair<qint64, QDate>> bookings;
    for (const auto& g : f.current.groups) {
        REQUIRE(g.facilitatorId != 0);
        const QDate day = g.date == QDate(2022, 1, 31) ? QDate(2023, 1, 31) : g.date;
        CHECK(bookings.insert({g.facilitatorId, day}).second);
    }
}

TEST_CASE("The demo's previous cycle pairs some LAs again but repeats no assignment", "[demo]") {
    DemoFixture f;
    ScheduleStore schedule(*f.db);
    auto before = schedule.previousCycle(f.current.cycle);
    REQUIRE(before.ok());
    REQUIRE(before->has_value());
    CHECK((*before)->name == QStringLiteral("2021-2022"));
    REQUIRE(f.previous.groups.size() == 6);

    int sharedPairs = 0;
    for (const auto& g : f.current.groups) {
        for (const auto& m : g.members) {
            const Group* last = f.previous.groupOf(m.authorityId);
            REQUIRE(last != nullptr);
            CHECK(last->member(m.authorityId)->leadReviewerId != m.leadReviewerId);
            for (const auto& other : g.members) {
                if (other.authorityId != m.authorityId && last->member(other.authorityId)) {
                    ++sharedPairs;
                }
            }
        }
    }
    // Surrey-Wokingham, Hampshire-Isle of Wight, Reading-Oxfordshire, counted from both ends.
    CHECK(sharedPairs == 6);
}

TEST_CASE("The demo's self-assessments are in mixed states and one DCS has a past post in their group",
          "[demo]") {
    DemoFixture f;
    std::set<SaStatus> statuses;
    for (const auto& [authority, sa] : f.current.selfAssessments) {
        statuses.insert(sa.status);
    }
    for (const auto& g : f.current.groups) {
        for (const auto& m : g.members) {
            if (!f.current.selfAssessments.count(m.authorityId)) {
                statuses.insert(SaStatus::NotStarted);
            }
        }
    }
    CHECK(statuses.size() == 5);

    // The conflict waits for a reassignment: the DCS's former employer is in their group, but the
    // DCS is not its lead reviewer.
    int latent = 0;
    for (const auto& [personId, person] : f.current.people) {
        for (const auto& post : person.pastPosts) {
            const Group* g = f.current.groupOf(person.authorityId);
            if (person.role == Role::Dcs && g && g->member(post.authorityId)) {
                ++latent;
                CHECK(g->member(post.authorityId)->leadReviewerId != person.authorityId);
            }
        }
    }
    CHECK(latent == 1);
}

TEST_CASE("The demo region refuses a database that already holds authorities and leaves it as it was",
          "[demo]") {
    DemoFixture f;
    auto again = createDemoRegion(*f.db);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().kind == Error::Kind::Conflict);
    CHECK(again.message().contains(QStringLiteral("already holds a region")));
    auto cycles = ScheduleStore(*f.db).cycles();
    REQUIRE(cycles.ok());
    CHECK(cycles->size() == 4); // 2019-2020 to 2022-2023
    auto authorities = RosterStore(*f.db).authorities();
    REQUIRE(authorities.ok());
    CHECK(authorities->size() == 19);
}
