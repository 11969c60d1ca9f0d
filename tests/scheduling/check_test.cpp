#include "schedule_builder.h"
#include "scheduling/schedule_check.h"

#include <catch2/catch.hpp>

using namespace balcony;
using balcony::test::ScheduleBuilder;

namespace {

// The problems whose message contains `fragment`.
Problems matching(const Problems& problems, const QString& fragment) {
    Problems found;
    for (const auto& p : problems) {
        if (p.message.contains(fragment)) {
            found.push_back(p);
        }
    }
    return found;
}

Problems check(const ScheduleBuilder& b, const QDate& today = QDate(2022, 9, 1)) {
    return checkSchedule(b.schedule, today);
}

// Kent, Medway and Surrey in triad A on 12 October 2022, in a ring Kent -> Medway -> Surrey -> Kent;
// Hampshire, Slough and Reading in triad B on 19 October 2022, in a ring.
struct Region {
    ScheduleBuilder b;
    qint64 kent = b.authority(QStringLiteral("Kent"));
    qint64 medway = b.authority(QStringLiteral("Medway"));
    qint64 surrey = b.authority(QStringLiteral("Surrey"));
    qint64 hampshire = b.authority(QStringLiteral("Hampshire"));
    qint64 slough = b.authority(QStringLiteral("Slough"));
    qint64 reading = b.authority(QStringLiteral("Reading"));
    std::size_t a = b.group(QStringLiteral("A"), {kent, medway, surrey}, QDate(2022, 10, 12));
    std::size_t bb = b.group(QStringLiteral("B"), {hampshire, slough, reading}, QDate(2022, 10, 19));

    Region() {
        b.ring(a, {kent, medway, surrey});
        b.ring(bb, {hampshire, slough, reading});
    }
};

} // namespace

TEST_CASE("A complete, well-formed schedule has no problems", "[scheduling][check]") {
    Region r;
    CHECK(check(r.b).empty());
}

TEST_CASE("An LA in two groups is an error on the later group", "[scheduling][check]") {
    Region r;
    REQUIRE(matching(check(r.b), QStringLiteral("one group per cycle")).empty());

    r.b.at(r.bb).members.push_back({r.kent, r.hampshire});
    const auto found = matching(check(r.b), QStringLiteral("one group per cycle"));
    REQUIRE(found.size() == 1);
    CHECK(found[0].isError());
    CHECK(found[0].message ==
          QStringLiteral("Kent is in group A and in group B; an LA takes part in one group "
                         "per cycle."));
    CHECK(found[0].groupLabel == QStringLiteral("B"));
    CHECK(found[0].subject == Problem::Subject::Authority);
    CHECK(found[0].subjectId == r.kent);
}

TEST_CASE("A group of fewer than 3 or more than 4 LAs is an error", "[scheduling][check]") {
    ScheduleBuilder b;
    std::vector<qint64> ids;
    for (int i = 0; i < 12; ++i) {
        ids.push_back(b.authority(QStringLiteral("LA%1").arg(i)));
    }
    const auto pair = b.group(QStringLiteral("Pair"), {ids[0], ids[1]});
    b.group(QStringLiteral("Triad"), {ids[2], ids[3], ids[4]});
    b.group(QStringLiteral("Quartet"), {ids[5], ids[6], ids[7], ids[8]});
    const auto five = b.group(QStringLiteral("Five"), {ids[9], ids[10], ids[11], ids[0] + 100, ids[0] + 101});

    const auto found = matching(check(b), QStringLiteral(" LAs; a group"));
    REQUIRE(found.size() == 2);
    CHECK(found[0].groupLabel == QStringLiteral("Five"));
    CHECK(found[0].subjectId == b.at(five).id);
    CHECK(found[0].message.startsWith(QStringLiteral("Group Five has 5 LAs")));
    CHECK(found[1].groupLabel == QStringLiteral("Pair"));
    CHECK(found[1].subject == Problem::Subject::Group);
    CHECK(found[1].subjectId == b.at(pair).id);
    CHECK(found[1].isError());
}

TEST_CASE("An LA without a lead reviewer is an error naming it", "[scheduling][check]") {
    Region r;
    REQUIRE(matching(check(r.b), QStringLiteral("no lead reviewer")).empty());

    r.b.review(r.a, r.surrey, 0);
    const auto found = matching(check(r.b), QStringLiteral("has no lead reviewer"));
    REQUIRE(found.size() == 1);
    CHECK(found[0].message == QStringLiteral("Surrey has no lead reviewer."));
    CHECK(found[0].isError());
    CHECK(found[0].groupLabel == QStringLiteral("A"));
    CHECK(found[0].subjectId == r.surrey);
}

TEST_CASE("An LA with two lead reviewers is an error", "[scheduling][check]") {
    Region r;
    REQUIRE(matching(check(r.b), QStringLiteral("lead reviewers (")).empty());

    // The schema cannot hold this, but a snapshot edited in memory can.
    r.b.at(r.a).members.push_back({r.surrey, r.kent});
    const auto found = matching(check(r.b), QStringLiteral("lead reviewers ("));
    REQUIRE(found.size() == 1);
    CHECK(found[0].message ==
          QStringLiteral("Surrey has two lead reviewers (Medway and Kent); it needs exactly one."));
    CHECK(found[0].subjectId == r.surrey);
    CHECK(found[0].isError());
}

TEST_CASE("An LA reviewing itself is an error", "[scheduling][check]") {
    Region r;
    REQUIRE(matching(check(r.b), QStringLiteral("its own lead reviewer")).empty());

    r.b.review(r.a, r.kent, r.kent);
    const auto found = matching(check(r.b), QStringLiteral("its own lead reviewer"));
    REQUIRE(found.size() == 1);
    CHECK(found[0].message == QStringLiteral("Kent is down as its own lead reviewer."));
    CHECK(found[0].isError());
}

TEST_CASE("A lead reviewer from outside the group is an error", "[scheduling][check]") {
    Region r;
    REQUIRE(matching(check(r.b), QStringLiteral("is not in group")).empty());

    r.b.review(r.a, r.kent, r.hampshire);
    const auto found = matching(check(r.b), QStringLiteral("is not in group"));
    REQUIRE(found.size() == 1);
    CHECK(found[0].message == QStringLiteral("Kent's lead reviewer, Hampshire, is not in group A."));
    CHECK(found[0].groupLabel == QStringLiteral("A"));
    CHECK(found[0].isError());
}

TEST_CASE("A DCS leading two reviews, or none, in the group is an error", "[scheduling][check]") {
    Region r;
    REQUIRE(matching(check(r.b), QStringLiteral("exactly one other LA")).empty());

    // Kent leads Medway and Surrey; Medway leads Kent; Surrey leads nobody.
    r.b.review(r.a, r.kent, r.medway);
    r.b.review(r.a, r.medway, r.kent);
    r.b.review(r.a, r.surrey, r.kent);
    const auto found = matching(check(r.b), QStringLiteral("exactly one other LA"));
    REQUIRE(found.size() == 2);
    CHECK(found[0].message ==
          QStringLiteral("Kent's DCS is the lead reviewer of Medway and Surrey; each DCS is "
                         "the lead reviewer of exactly one other LA."));
    CHECK(found[0].subjectId == r.kent);
    CHECK(found[1].message ==
          QStringLiteral("Surrey's DCS is not the lead reviewer of any LA in group A; each "
                         "DCS is the lead reviewer of exactly one other LA."));
    CHECK(found[1].subjectId == r.surrey);
    CHECK(found[1].isError());
}

TEST_CASE("A group date outside the cycle's window is an error", "[scheduling][check]") {
    Region r;
    REQUIRE(matching(check(r.b), QStringLiteral("outside cycle")).empty());

    // The kind of typo the real 2022-2023 table had: a year off.
    r.b.at(r.bb).date = QDate(2021, 10, 19);
    const auto found = matching(check(r.b), QStringLiteral("outside cycle"));
    REQUIRE(found.size() == 1);
    CHECK(found[0].message ==
          QStringLiteral("Group B meets on 19 October 2021, outside cycle 2022-2023 (1 April "
                         "2022 to 31 March 2023)."));
    CHECK(found[0].subject == Problem::Subject::Group);
    CHECK(found[0].subjectId == r.b.at(r.bb).id);
    CHECK(found[0].isError());
}

TEST_CASE("A facilitator booked in two groups on one date is an error", "[scheduling][check]") {
    Region r;
    const qint64 facilitator = r.b.at(r.a).facilitatorId;
    r.b.at(r.bb).facilitatorId = facilitator; // different days: fine
    REQUIRE(matching(check(r.b), QStringLiteral("on the same day")).empty());

    r.b.at(r.bb).date = r.b.at(r.a).date;
    const auto found = matching(check(r.b), QStringLiteral("on the same day"));
    REQUIRE(found.size() == 1);
    CHECK(found[0].message ==
          QStringLiteral("Facilitator of A is booked to facilitate group A and group B on "
                         "the same day, 12 October 2022."));
    CHECK(found[0].subject == Problem::Subject::Person);
    CHECK(found[0].subjectId == facilitator);
    CHECK(found[0].groupLabel == QStringLiteral("B"));
    CHECK(found[0].isError());
}

TEST_CASE("Two groups with the same LAs are an error", "[scheduling][check]") {
    Region r;
    REQUIRE(matching(check(r.b), QStringLiteral("have the same LAs")).empty());

    const auto copy = r.b.group(QStringLiteral("C"), {r.surrey, r.kent, r.medway}, QDate(2022, 11, 2));
    const auto found = matching(check(r.b), QStringLiteral("have the same LAs"));
    REQUIRE(found.size() == 1);
    CHECK(found[0].message ==
          QStringLiteral("Group A and group C have the same LAs (Surrey, Kent and Medway)."));
    CHECK(found[0].subjectId == r.b.at(copy).id);
    CHECK(found[0].isError());
}

TEST_CASE("A mutual pair of lead reviewers is a warning", "[scheduling][check]") {
    ScheduleBuilder b;
    const qint64 kent = b.authority(QStringLiteral("Kent"));
    const qint64 medway = b.authority(QStringLiteral("Medway"));
    const qint64 surrey = b.authority(QStringLiteral("Surrey"));
    const qint64 sussex = b.authority(QStringLiteral("East Sussex"));
    const auto q = b.group(QStringLiteral("Q"), {kent, medway, surrey, sussex});
    b.ring(q, {kent, medway, surrey, sussex});
    REQUIRE(check(b).empty());

    b.ring(q, {kent, medway});
    b.ring(q, {surrey, sussex});
    const auto problems = check(b);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].severity == Problem::Severity::Warning);
    CHECK(problems[0].message ==
          QStringLiteral("Kent and Medway are each other's lead reviewer; a single ring "
                         "through the group spreads the challenge wider."));
    CHECK(problems[1].message.startsWith(QStringLiteral("Surrey and East Sussex are each other's")));
    CHECK_FALSE(hasErrors(problems));
}

TEST_CASE("A DCS reviewing an LA where they held a post is a conflict of interest", "[scheduling][check]") {
    Region r;
    // Kent reviews Medway. A past post at Surrey, which Kent does not review, is no conflict.
    r.b.pastPost(r.kent, r.surrey);
    REQUIRE(matching(check(r.b), QStringLiteral("should not be the lead reviewer")).empty());

    r.b.pastPost(r.kent, r.medway, true);
    const auto found = matching(check(r.b), QStringLiteral("should not be the lead reviewer"));
    REQUIRE(found.size() == 1);
    CHECK(found[0].message ==
          QStringLiteral("Kent should not be the lead reviewer of Medway: Kent's DCS, DCS of "
                         "Kent, held an interim post at Medway (interim DCS)."));
    CHECK(found[0].subjectId == r.medway);
    CHECK(found[0].isError());

    Region worked;
    worked.b.pastPost(worked.medway, worked.surrey);
    const auto permanent = matching(check(worked.b), QStringLiteral("should not be the lead reviewer"));
    REQUIRE(permanent.size() == 1);
    CHECK(permanent[0].message.endsWith(
        QStringLiteral("Medway's DCS, DCS of Medway, used to work at Surrey.")));
}

TEST_CASE("Self-assessments not distributed by the due date are warnings", "[scheduling][check]") {
    Region r;
    // Group A meets on 12 October 2022; self-assessments are due 14 days before, on 28 September.
    r.b.schedule.selfAssessments[r.kent].status = SaStatus::DraftReceived;
    r.b.schedule.selfAssessments.erase(r.medway);
    r.b.schedule.selfAssessments[r.surrey].status = SaStatus::NotStarted;
    CHECK(check(r.b, QDate(2022, 9, 28)).empty());
    CHECK(check(r.b, QDate()).empty());

    const auto found = check(r.b, QDate(2022, 9, 29));
    REQUIRE(found.size() == 3);
    CHECK(found[0].message ==
          QStringLiteral("Kent's self-assessment is overdue: it was due with the group by 28 "
                         "September 2022 and is at \"Draft received\"."));
    CHECK(found[1].message ==
          QStringLiteral("Medway's self-assessment is missing: it was due with the group by "
                         "28 September 2022."));
    CHECK(found[2].subjectId == r.surrey);
    for (const auto& p : found) {
        CHECK(p.severity == Problem::Severity::Warning);
        CHECK(p.groupLabel == QStringLiteral("A"));
    }
}

TEST_CASE("A group without a facilitator, or in person without a venue, is a warning",
          "[scheduling][check]") {
    Region r;
    r.b.at(r.bb).mode = Mode::Virtual;
    r.b.at(r.bb).venue.clear();
    REQUIRE(check(r.b).empty());

    r.b.at(r.a).facilitatorId = 0;
    r.b.at(r.a).venue = QStringLiteral("  ");
    const auto found = check(r.b);
    REQUIRE(found.size() == 2);
    CHECK(found[0].message == QStringLiteral("Group A has no facilitator yet."));
    CHECK(found[1].message == QStringLiteral("Group A meets in person but has no venue yet."));
    CHECK_FALSE(hasErrors(found));
}

TEST_CASE("Problems are listed cycle first, then by group date and label, then by rule",
          "[scheduling][check]") {
    ScheduleBuilder empty;
    const auto none = check(empty);
    REQUIRE(none.size() == 1);
    CHECK(none[0].groupLabel.isEmpty());
    CHECK(none[0].subject == Problem::Subject::Cycle);
    CHECK(none[0].message == QStringLiteral("Cycle 2022-2023 has no groups yet."));

    Region r;
    // B moves before A in time; A gets a missing assignment and B a missing venue.
    r.b.at(r.bb).date = QDate(2022, 10, 5);
    r.b.at(r.bb).venue.clear();
    r.b.at(r.bb).facilitatorId = 0;
    r.b.review(r.a, r.medway, 0);
    const auto problems = check(r.b);
    QStringList order;
    for (const auto& p : problems) {
        order << p.groupLabel + u':' + p.message.left(12);
    }
    CHECK(order == QStringList{QStringLiteral("B:Group B has "), QStringLiteral("B:Group B meet"),
                               QStringLiteral("A:Medway has n"), QStringLiteral("A:Kent's DCS i")});
}
