#include "region_fixture.h"

using namespace balcony;

namespace {

struct Triad {
    test::RegionFixture region;
    qint64 cycle = 0;
    qint64 kent = 0, medway = 0, surrey = 0, slough = 0, reading = 0;
    qint64 triad = 0, pair = 0;

    Triad() {
        cycle = region.cycle(QStringLiteral("2022-2023"), QDate(2022, 9, 1), QDate(2023, 3, 31));
        kent = region.authority(QStringLiteral("Kent"));
        medway = region.authority(QStringLiteral("Medway"));
        surrey = region.authority(QStringLiteral("Surrey"));
        slough = region.authority(QStringLiteral("Slough"));
        reading = region.authority(QStringLiteral("Reading"));
        triad = region.group(cycle, QStringLiteral("Triad 1"), QDate(2022, 11, 10), {surrey, kent, medway});
        pair = region.group(cycle, QStringLiteral("Pair 2"), QDate(2022, 11, 17), {slough, reading});
        // Kent reviews Surrey, Medway reviews Kent, Surrey reviews Medway.
        REQUIRE(region.schedule->setLeadReviewer(triad, surrey, kent).ok());
        REQUIRE(region.schedule->setLeadReviewer(triad, kent, medway).ok());
        REQUIRE(region.schedule->setLeadReviewer(triad, medway, surrey).ok());
    }

    Group group(qint64 id) { return region.groupById(cycle, id); }
    qint64 reviewerOf(qint64 groupId, qint64 authority) {
        const Group g = group(groupId);
        const GroupMember* m = g.member(authority);
        return m ? m->leadReviewerId : -1;
    }
};

} // namespace

TEST_CASE("A group keeps its members in presenting order", "[domain][schedule]") {
    Triad t;
    CHECK(t.region.memberIds(t.group(t.triad)) == std::vector<qint64>{t.surrey, t.kent, t.medway});
    CHECK(t.group(t.triad).isTriad());
    CHECK(t.reviewerOf(t.triad, t.surrey) == t.kent);
}

TEST_CASE("Reordering a group keeps the assignments of the members who stay", "[domain][schedule]") {
    Triad t;
    REQUIRE(t.region.schedule->setMembers(t.triad, {t.medway, t.surrey, t.kent}).ok());
    CHECK(t.region.memberIds(t.group(t.triad)) == std::vector<qint64>{t.medway, t.surrey, t.kent});
    CHECK(t.reviewerOf(t.triad, t.surrey) == t.kent);
    CHECK(t.reviewerOf(t.triad, t.kent) == t.medway);
    CHECK(t.reviewerOf(t.triad, t.medway) == t.surrey);
}

TEST_CASE("Dropping a member clears the assignments that involved it and keeps the rest",
          "[domain][schedule]") {
    Triad t;
    REQUIRE(t.region.schedule->setMembers(t.triad, {t.surrey, t.kent}).ok());
    CHECK(t.region.memberIds(t.group(t.triad)) == std::vector<qint64>{t.surrey, t.kent});
    CHECK(t.reviewerOf(t.triad, t.surrey) == t.kent); // neither end left
    CHECK(t.reviewerOf(t.triad, t.kent) == 0);        // Medway, its reviewer, left
}

TEST_CASE("An authority already in another group of the cycle cannot join a second, and nothing changes",
          "[domain][schedule]") {
    Triad t;
    auto joined = t.region.schedule->setMembers(t.triad, {t.surrey, t.kent, t.medway, t.slough});
    REQUIRE_FALSE(joined.ok());
    CHECK(joined.error().kind == Error::Kind::Conflict);
    CHECK(joined.message().contains(QStringLiteral("Slough")));
    CHECK(joined.message().contains(QStringLiteral("Pair 2")));
    CHECK(t.region.memberIds(t.group(t.triad)) == std::vector<qint64>{t.surrey, t.kent, t.medway});
    CHECK(t.region.memberIds(t.group(t.pair)) == std::vector<qint64>{t.slough, t.reading});
}

TEST_CASE("Moving an authority to another group puts it last there and drops its old assignments",
          "[domain][schedule]") {
    Triad t;
    REQUIRE(t.region.schedule->moveMember(t.kent, t.triad, t.pair).ok());
    CHECK(t.region.memberIds(t.group(t.triad)) == std::vector<qint64>{t.surrey, t.medway});
    CHECK(t.region.memberIds(t.group(t.pair)) == std::vector<qint64>{t.slough, t.reading, t.kent});
    CHECK(t.reviewerOf(t.triad, t.surrey) == 0); // Kent reviewed Surrey
    CHECK(t.reviewerOf(t.triad, t.medway) == t.surrey);
    CHECK(t.reviewerOf(t.pair, t.kent) == 0);
}

TEST_CASE("Moving an authority out of a group it is not in is refused and changes nothing",
          "[domain][schedule]") {
    Triad t;
    auto moved = t.region.schedule->moveMember(t.slough, t.triad, t.pair);
    REQUIRE_FALSE(moved.ok());
    CHECK(moved.error().kind == Error::Kind::NotFound);
    CHECK(moved.message().contains(QStringLiteral("Slough")));
    CHECK(moved.message().contains(QStringLiteral("Triad 1")));
    CHECK(t.region.memberIds(t.group(t.pair)) == std::vector<qint64>{t.slough, t.reading});
}

TEST_CASE("Lead reviewers that break the rules are refused in plain words", "[domain][schedule]") {
    Triad t;
    SECTION("itself") {
        auto set = t.region.schedule->setLeadReviewer(t.triad, t.kent, t.kent);
        REQUIRE_FALSE(set.ok());
        CHECK(set.error().kind == Error::Kind::Conflict);
        CHECK(set.message() == QStringLiteral("Kent cannot be its own lead reviewer."));
    }
    SECTION("from another group") {
        auto set = t.region.schedule->setLeadReviewer(t.triad, t.kent, t.slough);
        REQUIRE_FALSE(set.ok());
        CHECK(set.error().kind == Error::Kind::Conflict);
        CHECK(set.message().contains(QStringLiteral("Slough is not in Triad 1")));
    }
    SECTION("for an authority outside the group") {
        auto set = t.region.schedule->setLeadReviewer(t.triad, t.reading, t.kent);
        REQUIRE_FALSE(set.ok());
        CHECK(set.error().kind == Error::Kind::Conflict);
        CHECK(set.message().contains(QStringLiteral("Reading is not in Triad 1")));
    }
    CHECK(t.reviewerOf(t.triad, t.kent) == t.medway);
}

TEST_CASE("A lead reviewer can be changed and cleared", "[domain][schedule]") {
    Triad t;
    REQUIRE(t.region.schedule->setLeadReviewer(t.triad, t.kent, t.surrey).ok());
    CHECK(t.reviewerOf(t.triad, t.kent) == t.surrey);
    REQUIRE(t.region.schedule->setLeadReviewer(t.triad, t.kent, 0).ok());
    CHECK(t.reviewerOf(t.triad, t.kent) == 0);
}

TEST_CASE("Two groups of one cycle cannot share a label", "[domain][schedule]") {
    Triad t;
    Group g;
    g.cycleId = t.cycle;
    g.label = QStringLiteral("Triad 1");
    g.date = QDate(2022, 12, 1);
    auto added = t.region.schedule->addGroup(g);
    REQUIRE_FALSE(added.ok());
    CHECK(added.error().kind == Error::Kind::Conflict);
    CHECK(added.message().contains(QStringLiteral("Triad 1")));
}

TEST_CASE("Removing a group frees its members for another group", "[domain][schedule]") {
    Triad t;
    REQUIRE(t.region.schedule->removeGroup(t.pair).ok());
    CHECK(t.region.schedule->setMembers(t.triad, {t.surrey, t.kent, t.medway, t.slough}).ok());
}

TEST_CASE("Cycles are refused when their window is backwards or their name is taken", "[domain][schedule]") {
    test::RegionFixture region;
    region.cycle(QStringLiteral("2022-2023"), QDate(2022, 9, 1), QDate(2023, 3, 31));
    Cycle c;
    c.name = QStringLiteral("2022-2023");
    c.firstDay = QDate(2023, 9, 1);
    c.lastDay = QDate(2024, 3, 31);
    auto duplicate = region.schedule->addCycle(c);
    REQUIRE_FALSE(duplicate.ok());
    CHECK(duplicate.error().kind == Error::Kind::Conflict);

    c.name = QStringLiteral("Backwards");
    std::swap(c.firstDay, c.lastDay);
    auto backwards = region.schedule->addCycle(c);
    REQUIRE_FALSE(backwards.ok());
    CHECK(backwards.error().kind == Error::Kind::InvalidInput);
    CHECK(backwards.message().contains(QStringLiteral("Backwards")));
    CHECK(backwards.message().contains(QStringLiteral("before it starts")));
}

TEST_CASE("The previous cycle is the latest that starts earlier", "[domain][schedule]") {
    test::RegionFixture region;
    region.cycle(QStringLiteral("2021-2022"), QDate(2021, 9, 1), QDate(2022, 3, 31));
    region.cycle(QStringLiteral("2023-2024"), QDate(2023, 9, 1), QDate(2024, 3, 31));
    region.cycle(QStringLiteral("2022-2023"), QDate(2022, 9, 1), QDate(2023, 3, 31));

    auto latest = region.schedule->cycleByName(QStringLiteral("2023-2024"));
    REQUIRE(latest.ok());
    auto previous = region.schedule->previousCycle(*latest);
    REQUIRE(previous.ok());
    REQUIRE(previous->has_value());
    CHECK((*previous)->name == QStringLiteral("2022-2023"));

    auto first = region.schedule->cycleByName(QStringLiteral("2021-2022"));
    REQUIRE(first.ok());
    auto none = region.schedule->previousCycle(*first);
    REQUIRE(none.ok());
    CHECK_FALSE(none->has_value());
}

TEST_CASE("A cycle's snapshot holds its groups, the roster and the self-assessments", "[domain][schedule]") {
    Triad t;
    REQUIRE(t.region.roster->setPostHolder(t.kent, Role::Dcs, QStringLiteral("Ann Smith"), QString()).ok());
    const qint64 other = t.region.cycle(QStringLiteral("2023-2024"), QDate(2023, 9, 1), QDate(2024, 3, 31));
    t.region.group(other, QStringLiteral("Next year"), QDate(2023, 11, 9), {t.kent});

    auto loaded = t.region.schedule->load(t.cycle);
    REQUIRE(loaded.ok());
    const CycleSchedule& s = *loaded;
    CHECK(s.cycle.name == QStringLiteral("2022-2023"));
    REQUIRE(s.groups.size() == 2); // not next year's
    CHECK(s.authorities.size() == 5);
    CHECK(s.selfAssessments.size() == 5);
    CHECK(s.selfAssessments.at(t.kent).status == SaStatus::NotStarted);
    REQUIRE(s.dcsOf(t.kent) != nullptr);
    CHECK(s.dcsOf(t.kent)->name == QStringLiteral("Ann Smith"));
    REQUIRE(s.groupOf(t.medway) != nullptr);
    CHECK(s.groupOf(t.medway)->label == QStringLiteral("Triad 1"));
    CHECK(s.groupOf(t.medway)->member(t.medway)->leadReviewerId == t.surrey);
    CHECK(s.authorityName(t.reading) == QStringLiteral("Reading"));

    auto missing = t.region.schedule->load(9999);
    CHECK(missing.error().kind == Error::Kind::NotFound);
}
