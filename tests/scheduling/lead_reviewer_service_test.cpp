#include "domain/roster_store.h"
#include "domain/schedule_store.h"
#include "helpers/temp_dir.h"
#include "scheduling/lead_reviewer_service.h"
#include "scheduling/schedule_check.h"
#include "store/database.h"
#include "store/sql.h"

#include <catch2/catch.hpp>

using namespace balcony;

namespace {

int leadReviewCount(Database& db) {
    auto q = sql::run(db, QStringLiteral("SELECT count(*) FROM lead_review"));
    REQUIRE(q.ok());
    REQUIRE(q->next());
    return q->value(0).toInt();
}

Cycle cycleCalled(const char* name, int startYear) {
    Cycle c;
    c.name = QString::fromLatin1(name);
    c.firstDay = QDate(startYear, 4, 1);
    c.lastDay = QDate(startYear + 1, 3, 31);
    return c;
}

// A region database with two cycles: 2021-2022 (triad T1 in the ring Kent -> Medway -> Surrey) and
// 2022-2023 (triad A of the same three, and triad B), both without lead reviewers in 2022-2023.
struct StoredRegion {
    test::TempDir dir;
    std::unique_ptr<Database> db;
    qint64 kent = 0, medway = 0, surrey = 0, slough = 0, reading = 0, wokingham = 0;
    qint64 lastCycle = 0, cycle = 0, groupA = 0, groupB = 0;

    StoredRegion() {
        auto opened = Database::open(dir.path(QStringLiteral("region.balcony")), {.create = true});
        REQUIRE(opened.ok());
        db = std::move(*opened);
        RosterStore roster(*db);
        const auto add = [&](const char* name) {
            auto id = roster.addAuthority(QString::fromLatin1(name));
            REQUIRE(id.ok());
            REQUIRE(
                roster.setPostHolder(*id, Role::Dcs, QStringLiteral("DCS ") + QString::fromLatin1(name), {})
                    .ok());
            return *id;
        };
        kent = add("Kent");
        medway = add("Medway");
        surrey = add("Surrey");
        slough = add("Slough");
        reading = add("Reading");
        wokingham = add("Wokingham");

        ScheduleStore store(*db);
        auto lastId = store.addCycle(cycleCalled("2021-2022", 2021));
        REQUIRE(lastId.ok());
        lastCycle = *lastId;
        Group old;
        old.cycleId = lastCycle;
        old.label = QStringLiteral("T1");
        old.date = QDate(2021, 10, 1);
        old.members = {{kent, surrey}, {medway, kent}, {surrey, medway}};
        auto oldId = store.addGroup(old);
        INFO((oldId.ok() ? std::string() : oldId.message().toStdString()));
        REQUIRE(oldId.ok());

        auto thisId = store.addCycle(cycleCalled("2022-2023", 2022));
        REQUIRE(thisId.ok());
        cycle = *thisId;
        Group a;
        a.cycleId = cycle;
        a.label = QStringLiteral("A");
        a.date = QDate(2022, 10, 12);
        a.members = {{kent, 0}, {medway, 0}, {surrey, 0}};
        auto idA = store.addGroup(a);
        REQUIRE(idA.ok());
        groupA = *idA;
        Group b = a;
        b.label = QStringLiteral("B");
        b.members = {{slough, 0}, {reading, 0}, {wokingham, 0}};
        auto idB = store.addGroup(b);
        REQUIRE(idB.ok());
        groupB = *idB;
    }

    CycleSchedule load() {
        auto loaded = ScheduleStore(*db).load(cycle);
        REQUIRE(loaded.ok());
        return *loaded;
    }
};

Problems leadReviewerErrors(const CycleSchedule& s) {
    Problems errors;
    for (const auto& p : checkSchedule(s, {})) {
        if (p.isError()) {
            errors.push_back(p);
        }
    }
    return errors;
}

} // namespace

TEST_CASE("Previewing lead reviewers writes nothing", "[scheduling][service]") {
    StoredRegion r;
    const int before = leadReviewCount(*r.db);
    auto plan = LeadReviewerService(*r.db).preview(r.cycle, 1);
    REQUIRE(plan.ok());
    CHECK(plan->added().size() == 6);
    CHECK(leadReviewCount(*r.db) == before);
}

TEST_CASE("Assigning lead reviewers stores one ring per group that avoids last cycle's pairs",
          "[scheduling][service]") {
    StoredRegion r;
    REQUIRE(leadReviewerErrors(r.load()).size() == 12); // no reviewer and no review, for all 6 LAs

    auto preview = LeadReviewerService(*r.db).preview(r.cycle, 5);
    REQUIRE(preview.ok());
    auto plan = LeadReviewerService(*r.db).assign(r.cycle, 5);
    REQUIRE(plan.ok());
    CHECK(plan->complete());
    CHECK(plan->added() == preview->added());

    const auto stored = r.load();
    CHECK(leadReviewerErrors(stored).empty());
    // Last cycle Kent reviewed Medway, Medway reviewed Surrey and Surrey reviewed Kent: the only
    // other ring of the triad reverses it.
    const Group& a = stored.groups[0];
    REQUIRE(a.label == QStringLiteral("A"));
    CHECK(a.member(r.kent)->leadReviewerId == r.medway);
    CHECK(a.member(r.medway)->leadReviewerId == r.surrey);
    CHECK(a.member(r.surrey)->leadReviewerId == r.kent);
    CHECK(plan->groups[0].repeats == 0);

    // Run again: nothing left to fill, nothing changes.
    auto again = LeadReviewerService(*r.db).assign(r.cycle, 99);
    REQUIRE(again.ok());
    CHECK(again->added().empty());
    CHECK(again->groups[0].outcome == GroupPlan::Outcome::AlreadyAssigned);
}

TEST_CASE("A write that fails while assigning leaves no assignment stored", "[scheduling][service]") {
    StoredRegion r;
    // Make the database refuse the last write of the plan (Wokingham's reviewer in group B), after
    // the ones for group A have gone through.
    REQUIRE(
        sql::run(*r.db, QStringLiteral("CREATE TEMP TRIGGER refuse_wokingham BEFORE INSERT ON lead_review "
                                       "WHEN NEW.reviewee_id = %1 BEGIN SELECT RAISE(ABORT, 'disk "
                                       "trouble'); END")
                            .arg(r.wokingham))
            .ok());
    const int before = leadReviewCount(*r.db);
    auto plan = LeadReviewerService(*r.db).assign(r.cycle, 1);
    REQUIRE_FALSE(plan.ok());
    CHECK(leadReviewCount(*r.db) == before);
    for (const auto& g : r.load().groups) {
        for (const auto& m : g.members) {
            CHECK(m.leadReviewerId == 0);
        }
    }

    REQUIRE(sql::run(*r.db, QStringLiteral("DROP TRIGGER refuse_wokingham")).ok());
    auto retried = LeadReviewerService(*r.db).assign(r.cycle, 1);
    REQUIRE(retried.ok());
    CHECK(leadReviewCount(*r.db) == before + 6);
}

TEST_CASE("A group the generator cannot fill is stored unchanged while the others are filled",
          "[scheduling][service]") {
    StoredRegion r;
    RosterStore roster(*r.db);
    auto people = roster.people();
    REQUIRE(people.ok());
    for (const auto& p : *people) {
        if (p.authorityId == r.slough) {
            REQUIRE(roster.addPastPost(p.id, {r.reading, QStringLiteral("Director"), false, {}, {}}).ok());
        }
        if (p.authorityId == r.reading) {
            REQUIRE(roster.addPastPost(p.id, {r.slough, QStringLiteral("Director"), true, {}, {}}).ok());
        }
    }
    auto plan = LeadReviewerService(*r.db).assign(r.cycle, 1);
    REQUIRE(plan.ok());
    CHECK_FALSE(plan->complete());
    CHECK(plan->groups[1].outcome == GroupPlan::Outcome::NotFilled);
    CHECK(plan->groups[1].reason.contains(QStringLiteral("conflict of interest")));
    const auto stored = r.load();
    CHECK(stored.groups[0].member(r.kent)->leadReviewerId != 0);
    for (const auto& m : stored.groups[1].members) {
        CHECK(m.leadReviewerId == 0);
    }
}
