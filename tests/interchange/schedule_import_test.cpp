#include "domain/roster_store.h"
#include "domain/schedule_store.h"
#include "interchange/interchange_support.h"
#include "interchange/roster_import.h"
#include "interchange/schedule_import.h"
#include "notes/note_store.h"

#include <QSqlQuery>
#include <catch2/catch.hpp>

using namespace balcony;
using namespace balcony::interchange;
using balcony::test::describe;
using balcony::test::expectScheduleRefused;

namespace {

const QByteArray header = "group,date,mode,venue,facilitator,la,lead_reviewer_for\n";

const Group* groupLabelled(const std::vector<Group>& groups, const QString& label) {
    for (const auto& g : groups) {
        if (g.label == label) {
            return &g;
        }
    }
    return nullptr;
}

QStringList memberNames(const CycleSchedule& s, const Group& g) {
    QStringList names;
    for (const auto& m : g.members) {
        names << s.authorityName(m.authorityId);
    }
    return names;
}

QString reviewerOf(const CycleSchedule& s, const Group& g, const QString& reviewee) {
    for (const auto& m : g.members) {
        if (s.authorityName(m.authorityId) == reviewee) {
            return s.authorityName(m.leadReviewerId);
        }
    }
    return {};
}

} // namespace

TEST_CASE("The real 2022-2023 South East table imports as six groups with their lead reviewers",
          "[interchange][schedule]") {
    test::TempDir dir;
    test::Region region(dir);
    auto outcome = importScheduleFile(*region.db, region.cycleId,
                                      test::fixturePath(QStringLiteral("se-2022-2023-schedule.csv")));
    REQUIRE(outcome.ok());
    INFO(describe(outcome->problems).toStdString());
    REQUIRE(outcome->applied());
    CHECK(outcome->report.rowsRead == 19);
    CHECK(outcome->report.groupsCreated == 6);
    CHECK(outcome->report.authoritiesAdded == 19); // the roster was empty: the schedule adds its LAs

    // The group 5 typo (31/01/2022, a year early) is imported and reported as a warning only.
    REQUIRE(outcome->problems.size() == 1);
    CHECK_FALSE(outcome->problems[0].isError());
    CHECK(outcome->problems[0].line == 15);
    CHECK(outcome->problems[0].groupLabel == QStringLiteral("5"));

    auto schedule = ScheduleStore(*region.db).load(region.cycleId);
    REQUIRE(schedule.ok());
    REQUIRE(schedule->groups.size() == 6);
    const Group* quartet = groupLabelled(schedule->groups, QStringLiteral("3"));
    REQUIRE(quartet);
    CHECK(quartet->isQuartet());
    CHECK(quartet->date == QDate(2023, 2, 16));
    CHECK(memberNames(*schedule, *quartet) ==
          QStringList{QStringLiteral("Oxfordshire"), QStringLiteral("Hampshire"),
                      QStringLiteral("Isle of Wight"), QStringLiteral("Reading")});
    CHECK(reviewerOf(*schedule, *quartet, QStringLiteral("Hampshire")) == QStringLiteral("Oxfordshire"));
    CHECK(reviewerOf(*schedule, *quartet, QStringLiteral("Oxfordshire")) == QStringLiteral("Isle of Wight"));
    const Group* six = groupLabelled(schedule->groups, QStringLiteral("6"));
    REQUIRE(six);
    CHECK(six->date == QDate(2023, 1, 5));
    CHECK(six->mode == Mode::Virtual);
    const Group* one = groupLabelled(schedule->groups, QStringLiteral("1"));
    REQUIRE(one);
    CHECK(one->venue == QStringLiteral("London"));
    CHECK(one->mode == Mode::InPerson);
    CHECK(groupLabelled(schedule->groups, QStringLiteral("5"))->date == QDate(2022, 1, 31));
    // Every LA has exactly one lead reviewer.
    for (const auto& g : schedule->groups) {
        for (const auto& m : g.members) {
            CHECK(m.leadReviewerId != 0);
        }
    }
}

TEST_CASE("A bad date is refused with its line", "[interchange][schedule]") {
    expectScheduleRefused(header + "1,2023-01-16,virtual,,,Kent,\n1,31/02/2023,virtual,,,Medway,\n", 3,
                          QStringLiteral("\"31/02/2023\" is not a date"));
}

TEST_CASE("An unknown mode is refused with its line", "[interchange][schedule]") {
    expectScheduleRefused(header + "1,2023-01-16,hybrid,,,Kent,\n", 2,
                          QStringLiteral("\"hybrid\" is not a mode"));
}

TEST_CASE("Mode spellings in person, in_person and virtual are accepted in any case",
          "[interchange][schedule]") {
    const auto preview =
        parseSchedule(header + "1,2023-01-16,In Person,,,Kent,\n2,2023-01-17,IN_PERSON,,,Medway,\n"
                               "3,2023-01-18,Virtual,,,Slough,\n");
    INFO(describe(preview.problems).toStdString());
    REQUIRE(preview.problems.empty());
    CHECK(preview.rows[0].mode == Mode::InPerson);
    CHECK(preview.rows[1].mode == Mode::InPerson);
    CHECK(preview.rows[2].mode == Mode::Virtual);
}

TEST_CASE("An LA listed twice in a schedule is refused on the second line", "[interchange][schedule]") {
    expectScheduleRefused(header + "1,2023-01-16,virtual,,,Kent,\n2,2023-01-17,virtual,,,kent,\n", 3,
                          QStringLiteral("already on line 2"));
}

TEST_CASE("A lead reviewer for an LA of another group is refused", "[interchange][schedule]") {
    expectScheduleRefused(header + "1,2023-01-16,virtual,,,Kent,Medway\n1,2023-01-16,virtual,,,Surrey,\n"
                                   "2,2023-01-17,virtual,,,Medway,\n",
                          2, QStringLiteral("is in group \"2\" (line 4), not in group \"1\""));
}

TEST_CASE("An LA that reviews itself is refused", "[interchange][schedule]") {
    expectScheduleRefused(header + "1,2023-01-16,virtual,,,Kent,Kent\n", 2,
                          QStringLiteral("its own lead reviewer"));
}

TEST_CASE("A lead reviewer for an LA that is not in the file is refused", "[interchange][schedule]") {
    expectScheduleRefused(header + "1,2023-01-16,virtual,,,Kent,Atlantis\n", 2,
                          QStringLiteral("names Atlantis, which has no row"));
}

TEST_CASE("An LA with two lead reviewers is refused on the second", "[interchange][schedule]") {
    expectScheduleRefused(header +
                              "1,2023-01-16,virtual,,,Kent,Surrey\n1,2023-01-16,virtual,,,Medway,Surrey\n"
                              "1,2023-01-16,virtual,,,Surrey,Kent\n",
                          3, QStringLiteral("already has Kent as lead reviewer (line 2)"));
}

TEST_CASE("Rows of one group that disagree on the day are refused on the disagreeing line",
          "[interchange][schedule]") {
    expectScheduleRefused(
        header + "1,2023-01-16,in person,London,Ann,Kent,\n1,16/01/2023,in person,London,ann,Surrey,\n"
                 "1,2023-01-17,virtual,Leeds,Bo,Medway,\n",
        4, QStringLiteral("date 2023-01-17 (line 2 has 2023-01-16); mode virtual"));
}

TEST_CASE("A group row without venue differs from one with a venue", "[interchange][schedule]") {
    expectScheduleRefused(header + "1,2023-01-16,in person,London,,Kent,\n1,2023-01-16,in person,,,Surrey,\n",
                          3, QStringLiteral("venue \"\" (line 2 has \"London\")"));
}

TEST_CASE("A schedule without its required columns is refused", "[interchange][schedule]") {
    expectScheduleRefused("group,date,la\n1,2023-01-16,Kent\n", 1, QStringLiteral("no \"mode\" column"));
}

TEST_CASE("An empty schedule file is refused and leaves the cycle's groups alone",
          "[interchange][schedule]") {
    expectScheduleRefused("", 1, QStringLiteral("empty"));
}

TEST_CASE("A schedule header without rows is refused rather than emptying the cycle",
          "[interchange][schedule]") {
    expectScheduleRefused(header, 2, QStringLiteral("no rows"));
}

TEST_CASE("One bad row among good ones writes nothing at all", "[interchange][schedule]") {
    // The file is valid apart from its last line, and would otherwise replace the whole schedule.
    expectScheduleRefused(header + "A,2023-03-01,virtual,,,Kent,Medway\nA,2023-03-01,virtual,,,Medway,Kent\n"
                                   "A,2023-03-01,virtual,,,New Town,\nB,someday,virtual,,,Surrey,\n",
                          5, QStringLiteral("not a date"));
}

TEST_CASE("Importing into a missing cycle fails with NotFound", "[interchange][schedule]") {
    test::TempDir dir;
    test::Region region(dir);
    auto outcome =
        importSchedule(*region.db, region.cycleId + 100, header + "1,2023-01-16,virtual,,,Kent,\n");
    REQUIRE_FALSE(outcome.ok());
    CHECK(outcome.error().kind == Error::Kind::NotFound);
}

TEST_CASE("Re-importing makes the file the schedule and keeps matching groups' identity",
          "[interchange][schedule]") {
    test::TempDir dir;
    test::Region region(dir);
    REQUIRE(importSchedule(
                *region.db, region.cycleId,
                header + "1,2023-01-16,in person,London,Ann Facil,Kent,Medway\n"
                         "1,2023-01-16,in person,London,Ann Facil,Medway,Surrey\n"
                         "1,2023-01-16,in person,London,Ann Facil,Surrey,Kent\n"
                         "2,2023-01-20,virtual,,,Slough,Reading\n2,2023-01-20,virtual,,,Reading,Slough\n"
                         "3,2023-01-25,virtual,,,Hampshire,\n")
                ->applied());
    ScheduleStore store(*region.db);
    const auto before = store.groups(region.cycleId);
    REQUIRE(before.ok());
    const Group* oldOne = groupLabelled(*before, QStringLiteral("1"));
    const Group* oldTwo = groupLabelled(*before, QStringLiteral("2"));
    REQUIRE(oldOne);
    REQUIRE(oldTwo);

    // Group 1 unchanged; Surrey moves to group 2; group 3 is dropped; group 4 is new.
    auto outcome = importSchedule(
        *region.db, region.cycleId,
        header + "1,2023-01-16,in person,London,Ann Facil,Kent,Medway\n"
                 "1,2023-01-16,in person,London,Ann Facil,Medway,Kent\n"
                 "2,2023-01-21,virtual,,,Slough,Surrey\n2,2023-01-21,virtual,,,Surrey,Reading\n"
                 "2,2023-01-21,virtual,,,Reading,Slough\n"
                 "4,2023-02-01,in person,Leeds,Bo Facil,Hampshire,\n");
    REQUIRE(outcome.ok());
    INFO(describe(outcome->problems).toStdString());
    REQUIRE(outcome->applied());
    CHECK(outcome->report.groupsCreated == 1);
    CHECK(outcome->report.groupsUpdated == 2);
    CHECK(outcome->report.groupsRemoved == 1);
    CHECK(outcome->report.authoritiesAdded == 0);

    auto schedule = store.load(region.cycleId);
    REQUIRE(schedule.ok());
    REQUIRE(schedule->groups.size() == 3);
    const Group* one = groupLabelled(schedule->groups, QStringLiteral("1"));
    const Group* two = groupLabelled(schedule->groups, QStringLiteral("2"));
    const Group* four = groupLabelled(schedule->groups, QStringLiteral("4"));
    REQUIRE(one);
    REQUIRE(two);
    REQUIRE(four);
    CHECK(one->id == oldOne->id);
    CHECK(one->uid == oldOne->uid);
    CHECK(two->uid == oldTwo->uid);
    CHECK(two->date == QDate(2023, 1, 21));
    CHECK(memberNames(*schedule, *two) ==
          QStringList{QStringLiteral("Slough"), QStringLiteral("Surrey"), QStringLiteral("Reading")});
    CHECK(reviewerOf(*schedule, *two, QStringLiteral("Surrey")) == QStringLiteral("Slough"));
    CHECK(schedule->personName(four->facilitatorId) == QStringLiteral("Bo Facil"));
    CHECK(schedule->people.at(four->facilitatorId).role == Role::Facilitator);

    // The same file again changes nothing.
    auto same = importSchedule(
        *region.db, region.cycleId,
        header + "1,2023-01-16,in person,London,Ann Facil,Kent,Medway\n"
                 "1,2023-01-16,in person,London,Ann Facil,Medway,Kent\n"
                 "2,2023-01-21,virtual,,,Slough,Surrey\n2,2023-01-21,virtual,,,Surrey,Reading\n"
                 "2,2023-01-21,virtual,,,Reading,Slough\n"
                 "4,2023-02-01,in person,Leeds,Bo Facil,Hampshire,\n");
    REQUIRE(same.ok());
    CHECK(same->report.groupsUnchanged == 3);
    CHECK(same->report.groupsUpdated == 0);
}

TEST_CASE("A group whose day already has recorded data is not removed by a re-import",
          "[interchange][schedule]") {
    test::TempDir dir;
    test::Region region(dir);
    REQUIRE(importSchedule(*region.db, region.cycleId,
                           header + "1,2023-01-16,virtual,,,Kent,\n2,2023-01-17,virtual,,,Medway,\n")
                ->applied());
    const auto groups = ScheduleStore(*region.db).groups(region.cycleId);
    REQUIRE(groups.ok());
    const Group* two = groupLabelled(*groups, QStringLiteral("2"));
    REQUIRE(two);
    QSqlQuery q(region.db->sql());
    REQUIRE(q.exec(QStringLiteral("INSERT INTO day_event(group_id, at_utc, kind) VALUES (%1, "
                                  "'2023-01-17T09:00:00.000Z', 'started')")
                       .arg(two->id)));
    const QString before = test::dumpDatabase(*region.db);

    auto outcome = importSchedule(*region.db, region.cycleId, header + "1,2023-01-16,virtual,,,Kent,\n");
    REQUIRE(outcome.ok());
    CHECK_FALSE(outcome->applied());
    REQUIRE(outcome->problems.size() == 1);
    CHECK(outcome->problems[0].groupLabel == QStringLiteral("2"));
    CHECK(outcome->problems[0].message.contains(QStringLiteral("recorded data")));
    CHECK(test::dumpDatabase(*region.db) == before);
}

namespace {

qint64 authorityIdNamed(Database& db, const QString& name) {
    auto found = RosterStore(db).authorityByName(name);
    REQUIRE(found.ok());
    return found->id;
}

} // namespace

TEST_CASE("Re-importing a schedule keeps the notes taken about LAs who stay in their group",
          "[interchange][schedule]") {
    test::TempDir dir;
    test::Region region(dir);
    const QByteArray file = header +
                            "1,2023-01-16,virtual,,,Kent,Medway\n1,2023-01-16,virtual,,,Medway,Surrey\n"
                            "1,2023-01-16,virtual,,,Surrey,Kent\n";
    REQUIRE(importSchedule(*region.db, region.cycleId, file)->applied());
    const auto groups = ScheduleStore(*region.db).groups(region.cycleId);
    REQUIRE(groups.ok());
    const Group* one = groupLabelled(*groups, QStringLiteral("1"));
    REQUIRE(one);
    NoteStore notes(*region.db);
    const qint64 kent = authorityIdNamed(*region.db, QStringLiteral("Kent"));
    auto captured =
        notes.capture(one->id, kent, {NoteKind::Ask, {}, {}, QStringLiteral("Help with recruitment")});
    REQUIRE(captured.ok());

    // Same group, a new venue: the group is updated and Kent's note stays.
    auto outcome = importSchedule(*region.db, region.cycleId,
                                  header + "1,2023-01-16,in person,Guildford,,Kent,Medway\n"
                                           "1,2023-01-16,in person,Guildford,,Medway,Surrey\n"
                                           "1,2023-01-16,in person,Guildford,,Surrey,Kent\n");
    REQUIRE(outcome.ok());
    INFO(describe(outcome->problems).toStdString());
    CHECK(outcome->applied());
    auto items = notes.current(one->id);
    REQUIRE(items.ok());
    CHECK(items->size() == 1);
}

TEST_CASE("A group with notes but no day log is not removed by a re-import", "[interchange][schedule]") {
    test::TempDir dir;
    test::Region region(dir);
    REQUIRE(importSchedule(*region.db, region.cycleId,
                           header + "1,2023-01-16,virtual,,,Kent,\n2,2023-01-17,virtual,,,Medway,\n")
                ->applied());
    const auto groups = ScheduleStore(*region.db).groups(region.cycleId);
    REQUIRE(groups.ok());
    const Group* two = groupLabelled(*groups, QStringLiteral("2"));
    REQUIRE(two);
    const qint64 medway = authorityIdNamed(*region.db, QStringLiteral("Medway"));
    REQUIRE(NoteStore(*region.db)
                .capture(two->id, medway, {NoteKind::Note, {}, {}, QStringLiteral("Prep")})
                .ok());
    const QString before = test::dumpDatabase(*region.db);

    auto outcome = importSchedule(*region.db, region.cycleId, header + "1,2023-01-16,virtual,,,Kent,\n");
    REQUIRE(outcome.ok());
    CHECK_FALSE(outcome->applied());
    REQUIRE(outcome->problems.size() == 1);
    CHECK(outcome->problems[0].message.contains(QStringLiteral("recorded data")));
    CHECK(test::dumpDatabase(*region.db) == before);
}

TEST_CASE("A schedule names roster LAs in other spacing or case, accents included, without adding any",
          "[interchange][schedule][names]") {
    test::TempDir dir;
    test::Region region(dir);
    RosterStore roster(*region.db);
    const qint64 wight = roster.addAuthority(QStringLiteral("Isle of Wight")).value();
    const qint64 caVa = roster.addAuthority(QStringLiteral("Ça Va")).value();
    const qint64 kent = roster.addAuthority(QStringLiteral("Kent")).value();
    const QByteArray csv = header + "1,2023-01-10,virtual,,,Isle  of  Wight,ça va\n"
                                    "1,2023-01-10,virtual,,,ÇA  VA,KENT\n"
                                    "1,2023-01-10,virtual,,,kent,isle of wight\n";
    auto outcome = importSchedule(*region.db, region.cycleId, csv);
    REQUIRE(outcome.ok());
    INFO(describe(outcome->problems).toStdString());
    REQUIRE(outcome->applied());
    CHECK(outcome->report.authoritiesAdded == 0);
    CHECK(roster.authorities()->size() == 3);

    auto schedule = ScheduleStore(*region.db).load(region.cycleId);
    REQUIRE(schedule.ok());
    REQUIRE(schedule->groups.size() == 1);
    const Group& group = schedule->groups.front();
    REQUIRE(group.member(wight));
    REQUIRE(group.member(caVa));
    REQUIRE(group.member(kent));
    CHECK(group.member(caVa)->leadReviewerId == wight);
    CHECK(group.member(kent)->leadReviewerId == caVa);
    CHECK(group.member(wight)->leadReviewerId == kent);
}

TEST_CASE("A schedule listing one LA twice in other spacing or case is refused",
          "[interchange][schedule][names]") {
    expectScheduleRefused(header + "1,2023-01-10,virtual,,,Ça Va,\n1,2023-01-10,virtual,,,ça  va,\n"
                                   "1,2023-01-10,virtual,,,Kent,\n",
                          3, QStringLiteral("already on line 2"));
}
