#include "schedule_builder.h"
#include "scheduling/lead_reviewer_plan.h"
#include "scheduling/schedule_check.h"

#include <catch2/catch.hpp>
#include <set>

using namespace balcony;
using balcony::test::ScheduleBuilder;

namespace {

// The schedule with the plan's assignments written into it.
CycleSchedule applied(CycleSchedule schedule, const AssignmentPlan& plan) {
    for (const auto& a : plan.added()) {
        for (auto& g : schedule.groups) {
            if (g.id != a.groupId) {
                continue;
            }
            for (auto& m : g.members) {
                if (m.authorityId == a.revieweeId) {
                    m.leadReviewerId = a.reviewerId;
                }
            }
        }
    }
    return schedule;
}

// True when following lead reviewers from the first member visits every member once and comes back.
bool isSingleRing(const Group& group) {
    std::map<qint64, qint64> reviewerOf;
    for (const auto& m : group.members) {
        reviewerOf[m.authorityId] = m.leadReviewerId;
    }
    std::set<qint64> seen;
    qint64 at = group.members.front().authorityId;
    for (std::size_t i = 0; i < group.members.size(); ++i) {
        if (!seen.insert(at).second || !reviewerOf.contains(at)) {
            return false;
        }
        at = reviewerOf[at];
    }
    return at == group.members.front().authorityId && seen.size() == group.members.size();
}

QString describe(const CycleSchedule& s, const GroupPlan& g) {
    QStringList lines;
    for (const auto& a : g.added) {
        lines << s.authorityName(a.reviewerId) + QStringLiteral(" reviews ") + s.authorityName(a.revieweeId);
    }
    return lines.join(QStringLiteral(", "));
}

struct Quartet {
    ScheduleBuilder b;
    qint64 kent = b.authority(QStringLiteral("Kent"));
    qint64 medway = b.authority(QStringLiteral("Medway"));
    qint64 surrey = b.authority(QStringLiteral("Surrey"));
    qint64 sussex = b.authority(QStringLiteral("East Sussex"));
    std::size_t q = b.group(QStringLiteral("Q"), {kent, medway, surrey, sussex});
};

struct Triad {
    ScheduleBuilder b;
    qint64 kent = b.authority(QStringLiteral("Kent"));
    qint64 medway = b.authority(QStringLiteral("Medway"));
    qint64 surrey = b.authority(QStringLiteral("Surrey"));
    std::size_t t = b.group(QStringLiteral("T"), {kent, medway, surrey});
};

} // namespace

TEST_CASE("The generator fills a triad and a quartet with one ring each", "[scheduling][generator]") {
    Quartet r;
    const qint64 a = r.b.authority(QStringLiteral("Slough"));
    const qint64 b = r.b.authority(QStringLiteral("Reading"));
    const qint64 c = r.b.authority(QStringLiteral("Wokingham"));
    r.b.group(QStringLiteral("T"), {a, b, c});

    const auto plan = planLeadReviewers(r.b.schedule, {}, 7);
    REQUIRE(plan.complete());
    REQUIRE(plan.groups.size() == 2);
    CHECK(plan.groups[0].outcome == GroupPlan::Outcome::Filled);
    CHECK(plan.groups[0].added.size() == 4);
    CHECK(plan.groups[1].added.size() == 3);
    const auto after = applied(r.b.schedule, plan);
    CHECK(isSingleRing(after.groups[0]));
    CHECK(isSingleRing(after.groups[1]));
    CHECK(checkSchedule(after, QDate(2022, 9, 1)).empty());
}

TEST_CASE("The generator keeps the user's assignments and extends them", "[scheduling][generator]") {
    Quartet r;
    r.b.review(r.q, r.surrey, r.kent);
    r.b.review(r.q, r.kent, r.sussex);
    for (quint64 seed = 0; seed < 10; ++seed) {
        const auto plan = planLeadReviewers(r.b.schedule, {}, seed);
        REQUIRE(plan.groups[0].outcome == GroupPlan::Outcome::Filled);
        // Only the two LAs without a lead reviewer get one; the ring is then forced.
        REQUIRE(plan.groups[0].added.size() == 2);
        CHECK(plan.groups[0].added[0] == LeadAssignment{r.b.at(r.q).id, r.medway, r.surrey});
        CHECK(plan.groups[0].added[1] == LeadAssignment{r.b.at(r.q).id, r.sussex, r.medway});
        CHECK(isSingleRing(applied(r.b.schedule, plan).groups[0]));
    }
}

TEST_CASE("A fully assigned group is left as it is", "[scheduling][generator]") {
    Triad r;
    r.b.ring(r.t, {r.kent, r.surrey, r.medway});
    const auto plan = planLeadReviewers(r.b.schedule, {}, 1);
    CHECK(plan.complete());
    CHECK(plan.groups[0].outcome == GroupPlan::Outcome::AlreadyAssigned);
    CHECK(plan.added().empty());
}

TEST_CASE("The generator avoids last cycle's lead reviewer when it can", "[scheduling][generator]") {
    Triad r;
    // Last cycle: Kent reviewed Medway, Medway reviewed Surrey, Surrey reviewed Kent. The other ring
    // of a triad repeats none of it.
    const PreviousReviewers previous{{r.medway, r.kent}, {r.surrey, r.medway}, {r.kent, r.surrey}};
    for (quint64 seed = 0; seed < 20; ++seed) {
        const auto plan = planLeadReviewers(r.b.schedule, previous, seed);
        REQUIRE(plan.groups[0].outcome == GroupPlan::Outcome::Filled);
        CHECK(plan.groups[0].repeats == 0);
        for (const auto& a : plan.groups[0].added) {
            CHECK(previous.at(a.revieweeId) != a.reviewerId);
        }
    }

    // With Kent -> Medway kept by the user, the ring is forced and repeats one edge at least; the
    // generator still succeeds and says how many repeats it made.
    Triad forced;
    forced.b.review(forced.t, forced.medway, forced.kent);
    const PreviousReviewers before{{forced.surrey, forced.medway}};
    const auto plan = planLeadReviewers(forced.b.schedule, before, 3);
    REQUIRE(plan.groups[0].outcome == GroupPlan::Outcome::Filled);
    CHECK(plan.groups[0].repeats == 1);
}

TEST_CASE("The generator never creates a conflict of interest", "[scheduling][generator]") {
    Quartet r;
    // Kent's DCS used to work at Medway and at Surrey; Medway's DCS was interim at East Sussex.
    r.b.pastPost(r.kent, r.medway);
    r.b.pastPost(r.kent, r.surrey);
    r.b.pastPost(r.medway, r.sussex, true);
    for (quint64 seed = 0; seed < 20; ++seed) {
        const auto plan = planLeadReviewers(r.b.schedule, {}, seed);
        REQUIRE(plan.groups[0].outcome == GroupPlan::Outcome::Filled);
        const auto after = applied(r.b.schedule, plan);
        CHECK(isSingleRing(after.groups[0]));
        CHECK_FALSE(hasErrors(checkSchedule(after, {})));
        for (const auto& a : plan.added()) {
            CHECK_FALSE((a.reviewerId == r.kent && (a.revieweeId == r.medway || a.revieweeId == r.surrey)));
            CHECK_FALSE((a.reviewerId == r.medway && a.revieweeId == r.sussex));
        }
    }
}

TEST_CASE("A group where every ring has a conflict of interest is reported and left untouched",
          "[scheduling][generator]") {
    Triad r;
    // One ring has Kent review Medway, the other has Medway review Kent.
    r.b.pastPost(r.kent, r.medway);
    r.b.pastPost(r.medway, r.kent, true);
    const auto plan = planLeadReviewers(r.b.schedule, {}, 1);
    CHECK_FALSE(plan.complete());
    REQUIRE(plan.groups[0].outcome == GroupPlan::Outcome::NotFilled);
    CHECK(plan.groups[0].added.empty());
    CHECK(plan.groups[0].reason ==
          QStringLiteral("Every ring through group T would create a conflict of interest: Kent's DCS, DCS of "
                         "Kent, used to work at Medway; Medway's DCS, DCS of Medway, held an interim post at "
                         "Kent (interim DCS)."));
}

TEST_CASE("User assignments that no ring can include are reported and left untouched",
          "[scheduling][generator]") {
    SECTION("a mutual pair") {
        Quartet r;
        r.b.ring(r.q, {r.kent, r.medway});
        const auto plan = planLeadReviewers(r.b.schedule, {}, 1);
        REQUIRE(plan.groups[0].outcome == GroupPlan::Outcome::NotFilled);
        CHECK(plan.groups[0].added.empty());
        CHECK(plan.groups[0].reason.contains(QStringLiteral("already review each other")));
    }
    SECTION("a ring closed without one of the members") {
        Quartet r;
        r.b.ring(r.q, {r.kent, r.medway, r.surrey});
        const auto plan = planLeadReviewers(r.b.schedule, {}, 1);
        REQUIRE(plan.groups[0].outcome == GroupPlan::Outcome::NotFilled);
        CHECK(
            plan.groups[0].reason ==
            QStringLiteral("The assignments already made in group Q cannot be part of a single ring through "
                           "all 4 LAs; clear one of them first."));
    }
    SECTION("one DCS leading two reviews") {
        Quartet r;
        r.b.review(r.q, r.medway, r.kent);
        r.b.review(r.q, r.surrey, r.kent);
        const auto plan = planLeadReviewers(r.b.schedule, {}, 1);
        REQUIRE(plan.groups[0].outcome == GroupPlan::Outcome::NotFilled);
        CHECK(plan.groups[0].reason.startsWith(
            QStringLiteral("Kent is already the lead reviewer of both Medway "
                           "and Surrey")));
    }
    SECTION("an assignment with a conflict of interest") {
        Triad r;
        r.b.review(r.t, r.medway, r.kent);
        r.b.pastPost(r.kent, r.medway);
        const auto plan = planLeadReviewers(r.b.schedule, {}, 1);
        REQUIRE(plan.groups[0].outcome == GroupPlan::Outcome::NotFilled);
        CHECK(plan.groups[0].reason.endsWith(QStringLiteral("change that assignment first.")));
    }
}

TEST_CASE("Groups smaller than 3 or larger than 4 are reported and skipped", "[scheduling][generator]") {
    ScheduleBuilder b;
    std::vector<qint64> ids;
    for (int i = 0; i < 8; ++i) {
        ids.push_back(b.authority(QStringLiteral("LA%1").arg(i)));
    }
    b.group(QStringLiteral("Pair"), {ids[0], ids[1]});
    b.group(QStringLiteral("Five"), {ids[2], ids[3], ids[4], ids[5], ids[6]});
    b.group(QStringLiteral("Empty"), {});
    const auto plan = planLeadReviewers(b.schedule, {}, 1);
    REQUIRE(plan.groups.size() == 3);
    CHECK(plan.groups[0].reason ==
          QStringLiteral("Group Pair has 2 LAs; lead reviewers are assigned only in groups of 3 or 4."));
    CHECK(plan.groups[1].reason.startsWith(QStringLiteral("Group Five has 5 LAs")));
    CHECK(plan.groups[2].reason.startsWith(QStringLiteral("Group Empty has 0 LAs")));
    CHECK(plan.added().empty());
    CHECK_FALSE(plan.complete());
}

TEST_CASE("The same seed gives the same plan and different seeds can differ", "[scheduling][generator]") {
    Quartet r;
    std::set<QString> seen;
    for (quint64 seed = 0; seed < 40; ++seed) {
        const auto first = planLeadReviewers(r.b.schedule, {}, seed);
        const auto again = planLeadReviewers(r.b.schedule, {}, seed);
        REQUIRE(first.added() == again.added());
        seen.insert(describe(r.b.schedule, first.groups[0]));
    }
    // A quartet has 6 rings, all equally good here; 40 seeds should reach more than one of them.
    CHECK(seen.size() > 1);
    CHECK(seen.size() <= 6);
}

TEST_CASE("Last cycle's reviewers are read from its groups", "[scheduling][generator]") {
    Triad r;
    r.b.ring(r.t, {r.kent, r.medway, r.surrey});
    r.b.review(r.t, r.surrey, 0);
    const auto previous = reviewersOf(r.b.schedule.groups);
    CHECK(previous == PreviousReviewers{{r.medway, r.kent}, {r.kent, r.surrey}});
}
