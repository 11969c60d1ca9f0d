#include "outcomes/outcome_fixture.h"
#include "outcomes/priorities.h"

#include <catch2/catch.hpp>

using namespace balcony;
using namespace balcony::outcomes;

namespace {

struct Ranked {
    test::OutcomeRegion region;
    PriorityStore store{*region.db, region.clock};
    std::map<std::string, qint64> id;

    void add(const char* group, const char* ref, const char* text) {
        auto added = store.add(region.group.at(QString::fromLatin1(group)), QString::fromUtf8(text));
        REQUIRE(added.ok());
        id[ref] = *added;
    }

    Ranked() {
        add("A", "A1", "A regional approach to recruiting and keeping social workers");
        add("A", "A2", "Shared sufficiency planning for residential placements");
        add("A", "A3", "Peer audit of front door decisions");
        add("B", "B1", "Placement sufficiency: plan residential placements together across the region");
        add("B", "B2", "Recruiting and keeping social workers: one regional approach");
        add("C", "C1", "Recruiting and keeping social workers, regionally");
        add("C", "C2", "A network for principal social workers");
    }
};

const MergedPriority& entryWith(const std::vector<MergedPriority>& merged, qint64 priorityId) {
    for (const auto& entry : merged) {
        for (const auto& member : entry.members) {
            if (member.id == priorityId) {
                return entry;
            }
        }
    }
    FAIL("priority " << priorityId << " is in no merged entry");
    return merged.front();
}

} // namespace

TEST_CASE("Each group's priorities keep the group's ranks and can be reordered", "[outcomes][priorities]") {
    Ranked r;
    auto a = r.store.ofGroup(r.region.group.at(QStringLiteral("A")));
    REQUIRE(a.ok());
    REQUIRE(a->size() == 3);
    CHECK(a->at(0).rank == 1);
    CHECK(a->at(2).text == QStringLiteral("Peer audit of front door decisions"));

    REQUIRE(
        r.store.reorder(r.region.group.at(QStringLiteral("A")), {r.id["A3"], r.id["A1"], r.id["A2"]}).ok());
    a = r.store.ofGroup(r.region.group.at(QStringLiteral("A")));
    CHECK(a->at(0).id == r.id["A3"]);
    CHECK(a->at(0).rank == 1);
    CHECK(a->at(2).id == r.id["A2"]);

    // An order that leaves one out is refused and changes nothing.
    CHECK_FALSE(r.store.reorder(r.region.group.at(QStringLiteral("A")), {r.id["A1"], r.id["A2"]}).ok());
    CHECK(r.store.ofGroup(r.region.group.at(QStringLiteral("A")))->at(0).id == r.id["A3"]);

    REQUIRE(r.store.remove(r.id["A3"]).ok());
    a = r.store.ofGroup(r.region.group.at(QStringLiteral("A")));
    REQUIRE(a->size() == 2);
    CHECK(a->at(0).rank == 1);
    CHECK(a->at(1).rank == 2);
    CHECK_FALSE(r.store.add(r.region.group.at(QStringLiteral("A")), QStringLiteral(" ")).ok());
}

TEST_CASE("The same suggestion from several groups is merged and counts more", "[outcomes][priorities]") {
    Ranked r;
    auto merged = r.store.merged(r.region.cycle);
    REQUIRE(merged.ok());
    REQUIRE(merged->size() == 4);
    // Said by all three groups: first, though no group ranked it above the placement one in B.
    const auto& first = merged->front();
    CHECK(first.position == 1);
    CHECK(first.groups == QStringList{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")});
    CHECK(first.members.size() == 3);
    CHECK(first.score == Approx(1.0 + 0.5 + 1.0));
    CHECK(first.text == QStringLiteral("A regional approach to recruiting and keeping social workers"));
    // Two groups: second.
    CHECK(merged->at(1).groups == QStringList{QStringLiteral("A"), QStringLiteral("B")});
    CHECK(merged->at(1).score == Approx(0.5 + 1.0));
    // One group each: the better rank first (C's second scores 1/2, A's third 1/3).
    CHECK(merged->at(2).text == QStringLiteral("A network for principal social workers"));
    CHECK(merged->at(3).text == QStringLiteral("Peer audit of front door decisions"));
}

TEST_CASE("The facilitator splits a wrong merge and joins a missed one", "[outcomes][priorities]") {
    Ranked r;
    REQUIRE(r.store.split(r.id["C1"], r.id["A1"]).ok());
    auto merged = r.store.merged(r.region.cycle);
    REQUIRE(merged.ok());
    const auto& recruiting = entryWith(*merged, r.id["A1"]);
    CHECK(recruiting.groups == QStringList{QStringLiteral("A"), QStringLiteral("B")});
    CHECK(entryWith(*merged, r.id["C1"]).groups == QStringList{QStringLiteral("C")});

    // Front door peer audit and the PSW network have no words in common; joined by hand.
    REQUIRE(r.store.join(r.id["A3"], r.id["C2"]).ok());
    merged = r.store.merged(r.region.cycle);
    const auto& joined = entryWith(*merged, r.id["C2"]);
    CHECK(joined.groups == QStringList{QStringLiteral("A"), QStringLiteral("C")});
    CHECK(joined.members.size() == 2);
    // A later word on the same pair replaces the earlier.
    REQUIRE(r.store.join(r.id["A1"], r.id["C1"]).ok());
    merged = r.store.merged(r.region.cycle);
    CHECK(entryWith(*merged, r.id["C1"]).groups.size() == 3);

    CHECK_FALSE(r.store.join(r.id["A1"], r.id["A1"]).ok());
    CHECK(r.store.join(r.id["A1"], 9999).error().kind == Error::Kind::NotFound);
}

TEST_CASE("Merging stays apart for texts that only share common words", "[outcomes][priorities]") {
    std::vector<GroupPriority> priorities = {
        {1, 1, QStringLiteral("A"), 1, QStringLiteral("Support for the region's work on neglect")},
        {2, 2, QStringLiteral("B"), 1, QStringLiteral("Support for the region's work on exclusions")},
        {3, 3, QStringLiteral("C"), 1, QStringLiteral("Neglect: the region's work")},
    };
    const auto merged = mergePriorities(priorities, {});
    REQUIRE(merged.size() == 2);
    CHECK(merged.front().groups == QStringList{QStringLiteral("A"), QStringLiteral("C")});
}
