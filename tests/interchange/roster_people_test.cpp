#include "domain/roster_store.h"
#include "domain/schedule_store.h"
#include "interchange/interchange_support.h"
#include "interchange/roster_import.h"
#include "interchange/schedule_import.h"
#include "scheduling/conflict_of_interest.h"

#include <catch2/catch.hpp>

// Issue 9, items 8 and 9: a person is not their exact spelling, and an authority is not its exact
// spelling either.
using namespace balcony;
using namespace balcony::interchange;

namespace {

const Person* holder(const std::vector<Person>& people, qint64 authorityId, Role role) {
    for (const auto& p : people) {
        if (p.authorityId == authorityId && p.role == role) {
            return &p;
        }
    }
    return nullptr;
}

const Person* byId(const std::vector<Person>& people, qint64 id) {
    for (const auto& p : people) {
        if (p.id == id) {
            return &p;
        }
    }
    return nullptr;
}

RosterImportOptions confirmed() {
    RosterImportOptions options;
    options.confirmPostChanges = true;
    return options;
}

// Kent's DCS, Siân O'Brien, was Medway's interim DCS: a conflict of interest when Kent reviews
// Medway.
struct KentAndMedway {
    explicit KentAndMedway(const test::TempDir& dir)
        : region(dir) {
        auto first = importRoster(*region.db, "la,dcs,dcs_email,lead_member\n"
                                              "Kent,Siân O'Brien,sian.obrien@kent.example.org,Cllr Ray Bold\n"
                                              "Medway,Ola Penn,ola@medway.example.org,\n");
        REQUIRE(first.ok());
        REQUIRE(first->applied());
        RosterStore roster(*region.db);
        kent = roster.authorityByName(QStringLiteral("Kent"))->id;
        medway = roster.authorityByName(QStringLiteral("Medway"))->id;
        sian = holder(*roster.people(), kent, Role::Dcs)->id;
        REQUIRE(roster.addPastPost(sian, {medway, QStringLiteral("Interim DCS"), true, {}, {}}).ok());
        Group group;
        group.cycleId = region.cycleId;
        group.label = QStringLiteral("1");
        group.date = QDate(2022, 11, 1);
        group.members = {{kent, medway}, {medway, kent}}; // Kent reviews Medway
        REQUIRE(ScheduleStore(*region.db).addGroup(group).ok());
    }

    std::vector<Person> people() const { return *RosterStore(*region.db).people(); }

    bool conflictReported() const {
        auto schedule = ScheduleStore(*region.db).load(region.cycleId);
        REQUIRE(schedule.ok());
        return conflictOfInterest(*schedule, kent, medway) != nullptr;
    }

    test::Region region;
    qint64 kent = 0;
    qint64 medway = 0;
    qint64 sian = 0;
};

} // namespace

TEST_CASE("A post holder written another way is the same person, with the same id and past posts",
          "[interchange][roster][people]") {
    const char* spellings[] = {"Dr Siân O'Brien",   "Sian O’Brien",       "siân obrien",
                               "  Siân   O'Brien ", "SIÂN O'BRIEN",       "Mrs Sian O'Brien",
                               "Ms Siân O‘Brien",   "Prof. Siân O'Brien", "Councillor Sian OBrien",
                               "Cllr Siân O'Brien", "Mr Siân O'Brien",    "Professor Siân O'Brien OBE"};
    for (const char* spelling : spellings) {
        for (const bool withEmail : {false, true}) {
            INFO(spelling << (withEmail ? " with her email" : " without an email"));
            test::TempDir dir;
            KentAndMedway region(dir);
            REQUIRE(region.conflictReported());
            QByteArray file = "la,dcs,dcs_email\nKent,";
            file += spelling;
            file += withEmail ? ",SIAN.OBRIEN@kent.example.org\n" : ",\n";
            auto outcome = importRoster(*region.region.db, file);
            REQUIRE(outcome.ok());
            INFO(test::describe(outcome->problems).toStdString());
            REQUIRE(outcome->applied());
            CHECK(outcome->postChanges.empty());
            const auto people = region.people();
            const Person* dcs = holder(people, region.kent, Role::Dcs);
            REQUIRE(dcs);
            CHECK(dcs->id == region.sian);
            CHECK(dcs->name == QStringLiteral("Siân O'Brien")); // the stored spelling stays
            CHECK(dcs->email == QStringLiteral("sian.obrien@kent.example.org"));
            REQUIRE(dcs->pastPosts.size() == 1);
            CHECK(dcs->pastPosts.front().authorityId == region.medway);
            CHECK(people.size() == 3);
            CHECK(region.conflictReported());
        }
    }
}

TEST_CASE("A post holder's name garbled by a round trip through Excel keeps the stored spelling",
          "[interchange][roster][people]") {
    // "Siân" read as Windows-1252 and saved again as UTF-8 is "SiÃ¢n": the same person, with or
    // without the email, and the stored spelling is not overwritten by the garbled one.
    for (const bool withEmail : {false, true}) {
        INFO((withEmail ? "with her email" : "without an email"));
        test::TempDir dir;
        KentAndMedway region(dir);
        QByteArray file = "la,dcs,dcs_email\nKent,Si\xC3\x83\xC2\xA2n O'Brien,";
        file += withEmail ? "sian.obrien@kent.example.org\n" : "\n";
        auto outcome = importRoster(*region.region.db, file);
        REQUIRE(outcome.ok());
        INFO(test::describe(outcome->problems).toStdString());
        CHECK(outcome->postChanges.empty());
        REQUIRE(outcome->applied());
        CHECK(test::describe(outcome->problems).contains(QStringLiteral("looks garbled")));
        const std::vector<Person> dcsPeople = region.people();
        const Person* dcs = holder(dcsPeople, region.kent, Role::Dcs);
        REQUIRE(dcs);
        CHECK(dcs->id == region.sian);
        CHECK(dcs->name == QStringLiteral("Siân O'Brien"));
        CHECK(dcs->pastPosts.size() == 1);
        CHECK(region.conflictReported());
    }
}

TEST_CASE("The same email is the same person even when the name changed a lot",
          "[interchange][roster][people]") {
    test::TempDir dir;
    KentAndMedway region(dir);
    auto outcome = importRoster(*region.region.db,
                                "la,dcs,dcs_email\nKent,Siân Harcourt-Lowe,sian.obrien@kent.example.org\n");
    REQUIRE(outcome.ok());
    REQUIRE(outcome->applied());
    CHECK(outcome->postChanges.empty());
    CHECK(test::describe(outcome->problems).contains(QStringLiteral("now written \"Siân Harcourt-Lowe\"")));
    const std::vector<Person> dcsPeople = region.people();
    const Person* dcs = holder(dcsPeople, region.kent, Role::Dcs);
    REQUIRE(dcs);
    CHECK(dcs->id == region.sian);
    CHECK(dcs->name == QStringLiteral("Siân Harcourt-Lowe"));
    CHECK(dcs->pastPosts.size() == 1);
    CHECK(region.conflictReported());
}

TEST_CASE("The same holder under a new email stays the same person, with a warning",
          "[interchange][roster][people]") {
    test::TempDir dir;
    KentAndMedway region(dir);
    auto outcome = importRoster(*region.region.db,
                                "la,dcs,dcs_email\nKent,Dr Sian O'Brien,sian.obrien@kent.gov.example\n");
    REQUIRE(outcome.ok());
    REQUIRE(outcome->applied());
    CHECK(outcome->postChanges.empty());
    REQUIRE(outcome->problems.size() == 1);
    CHECK_FALSE(outcome->problems.front().isError());
    CHECK(outcome->problems.front().message.contains(QStringLiteral("new email")));
    const std::vector<Person> dcsPeople = region.people();
    const Person* dcs = holder(dcsPeople, region.kent, Role::Dcs);
    REQUIRE(dcs);
    CHECK(dcs->id == region.sian);
    CHECK(dcs->email == QStringLiteral("sian.obrien@kent.gov.example"));
    CHECK(region.conflictReported());
}

TEST_CASE("A post changing hands is reported before anything is written, and the old holder keeps "
          "their past posts",
          "[interchange][roster][people]") {
    test::TempDir dir;
    KentAndMedway region(dir);
    const QByteArray file = "la,dcs,lead_member\nKent,Sam Green,Ray Bold\nMedway,Ola Penn,\n";
    const QString before = test::dumpDatabase(*region.region.db);

    auto unconfirmed = importRoster(*region.region.db, file);
    REQUIRE(unconfirmed.ok());
    CHECK_FALSE(unconfirmed->applied());
    CHECK(unconfirmed->needsConfirmation());
    REQUIRE(unconfirmed->postChanges.size() == 1);
    CHECK(describe(unconfirmed->postChanges.front()) ==
          QStringLiteral("line 2: Kent's DCS: Siân O'Brien is replaced by Sam Green"));
    CHECK(test::dumpDatabase(*region.region.db) == before);

    RosterImportOptions dryRun = confirmed();
    dryRun.dryRun = true;
    auto preview = importRoster(*region.region.db, file, dryRun);
    REQUIRE(preview.ok());
    CHECK(preview->postChanges.size() == 1);
    CHECK_FALSE(preview->applied());
    CHECK(test::dumpDatabase(*region.region.db) == before);

    auto outcome = importRoster(*region.region.db, file, confirmed());
    REQUIRE(outcome.ok());
    REQUIRE(outcome->applied());
    CHECK(outcome->report.postsChangingHands == 1);
    const auto people = region.people();
    const Person* dcs = holder(people, region.kent, Role::Dcs);
    REQUIRE(dcs);
    CHECK(dcs->name == QStringLiteral("Sam Green"));
    CHECK(dcs->id != region.sian);
    CHECK(dcs->pastPosts.empty());
    CHECK_FALSE(region.conflictReported()); // Sam never worked at Medway
    const Person* sian = byId(people, region.sian);
    REQUIRE(sian);
    CHECK(sian->role == Role::TeamMember);
    CHECK(sian->authorityId == region.kent);
    REQUIRE(sian->pastPosts.size() == 2);
    CHECK(sian->pastPosts[0].authorityId == region.medway);
    CHECK(sian->pastPosts[1].authorityId == region.kent);
    CHECK(sian->pastPosts[1].title == QStringLiteral("Director of children's services"));

    // She comes back as Kent's DCS: the same person again, her history whole.
    auto back = importRoster(*region.region.db, "la,dcs\nKent,Dr Siân O’Brien\n", confirmed());
    REQUIRE(back.ok());
    REQUIRE(back->applied());
    REQUIRE(back->postChanges.size() == 1);
    const std::vector<Person> againPeople = region.people();
    const Person* again = holder(againPeople, region.kent, Role::Dcs);
    REQUIRE(again);
    CHECK(again->id == region.sian);
    CHECK(again->pastPosts.size() == 2);
    CHECK(region.conflictReported());
}

TEST_CASE("A DCS moving to another LA is found by email, keeps their past posts and is shown leaving",
          "[interchange][roster][people]") {
    test::TempDir dir;
    KentAndMedway region(dir);
    auto outcome = importRoster(*region.region.db,
                                "la,dcs,dcs_email\n"
                                "Medway,Siân O'Brien,sian.obrien@kent.example.org\n"
                                "Kent,Sam Green,sam@kent.example.org\n",
                                confirmed());
    REQUIRE(outcome.ok());
    INFO(test::describe(outcome->problems).toStdString());
    REQUIRE(outcome->applied());
    // Kent's post, left empty by the move, is simply filled: no one is replaced there.
    REQUIRE(outcome->postChanges.size() == 1);
    CHECK(
        describe(outcome->postChanges[0]) ==
        QStringLiteral("line 2: Medway's DCS: Ola Penn is replaced by Siân O'Brien, who leaves Kent's DCS"));
    const auto people = region.people();
    const Person* medwayDcs = holder(people, region.medway, Role::Dcs);
    REQUIRE(medwayDcs);
    CHECK(medwayDcs->id == region.sian);
    CHECK(medwayDcs->pastPosts.size() == 2); // Medway (interim) and Kent, the post she left
}

TEST_CASE("Two different people of the same name at two LAs stay two people",
          "[interchange][roster][people]") {
    test::TempDir dir;
    KentAndMedway region(dir);
    auto outcome = importRoster(*region.region.db, "la,chief_executive,chief_executive_email\n"
                                                   "Medway,Siân O'Brien,s.obrien@medway.example.org\n");
    REQUIRE(outcome.ok());
    REQUIRE(outcome->applied());
    CHECK(outcome->postChanges.empty());
    const auto people = region.people();
    const Person* ce = holder(people, region.medway, Role::ChiefExecutive);
    REQUIRE(ce);
    CHECK(ce->id != region.sian);
    CHECK(holder(people, region.kent, Role::Dcs)->id == region.sian);
}

TEST_CASE("An LA written another way is the LA already in the roster", "[interchange][roster][names]") {
    test::TempDir dir;
    test::Region region(dir);
    RosterStore roster(*region.db);
    const char* stored[] = {"Brighton and Hove",      "St Helens", "Stoke-on-Trent",
                            "Windsor and Maidenhead", "Bristol",   "Isle of Wight"};
    for (const char* name : stored) {
        REQUIRE(roster.addAuthority(QString::fromUtf8(name)).ok());
    }
    const char* files[] = {
        "la,dcs\nBrighton & Hove,Ann\nSt. Helens,Bo\nStoke on Trent,Cy\n"
        "Royal Borough of Windsor & Maidenhead,Di\nBristol, City of,Ed\nIsle of Wight Council,Flo\n",
        "la,dcs\nBRIGHTON AND HOVE CITY COUNCIL,Ann\nSaint Helens,Bo\nStoke–on–Trent,Cy\n"
        "Windsor & Maidenhead,Di\nBristol City Council,Ed\nIsle  of  Wight,Flo\n"};
    for (const char* file : files) {
        auto outcome =
            importRoster(*region.db, QByteArray(file).replace("Bristol, City of", "\"Bristol, City of\""));
        REQUIRE(outcome.ok());
        INFO(test::describe(outcome->problems).toStdString());
        REQUIRE(outcome->applied());
        CHECK(outcome->report.authoritiesAdded == 0);
        CHECK(roster.authorities()->size() == std::size(stored));
        for (const char* name : stored) {
            const auto la = roster.authorityByName(QString::fromUtf8(name));
            REQUIRE(la.ok());
            CHECK(la->name == QString::fromUtf8(name)); // the stored spelling stays
            CHECK(holder(*roster.people(), la->id, Role::Dcs));
        }
    }
}

TEST_CASE("A roster naming an LA near one in the roster is refused, naming both, nothing is written",
          "[interchange][roster][names]") {
    const std::pair<const char*, const char*> typos[] = {{"Bracknel Forest", "Bracknell Forest"},
                                                         {"Bracknellforest", "Bracknell Forest"},
                                                         {"Isle Wight", "Isle of Wight"},
                                                         {"Wokinham", "Wokingham"},
                                                         {"Windsor Maidenhead", "Windsor and Maidenhead"}};
    for (const auto& [typo, existing] : typos) {
        INFO(typo);
        test::TempDir dir;
        test::Region region(dir);
        RosterStore roster(*region.db);
        for (const char* name :
             {"Bracknell Forest", "Isle of Wight", "Wokingham", "Windsor and Maidenhead"}) {
            REQUIRE(roster.addAuthority(QString::fromUtf8(name)).ok());
        }
        const QString before = test::dumpDatabase(*region.db);
        QByteArray file = "la,dcs\nKent,Ann\n";
        file += typo;
        file += ",Bo\n";
        auto outcome = importRoster(*region.db, file);
        REQUIRE(outcome.ok());
        CHECK_FALSE(outcome->applied());
        REQUIRE(hasErrors(outcome->problems));
        const QString problems = test::describe(outcome->problems);
        CHECK(problems.contains(QStringLiteral(":3: \"%1\" looks like \"%2\"")
                                    .arg(QString::fromUtf8(typo), QString::fromUtf8(existing))));
        CHECK(test::dumpDatabase(*region.db) == before);

        // The user says it really is another LA.
        RosterImportOptions options;
        options.newAuthorities << QString::fromUtf8(typo);
        auto added = importRoster(*region.db, file, options);
        REQUIRE(added.ok());
        CHECK(added->applied());
        CHECK(added->report.authoritiesAdded == 2);
    }
    // Two look-alikes within one new file.
    test::TempDir dir;
    test::Region region(dir);
    auto outcome = importRoster(*region.db, "la\nBracknell Forest\nBracknel Forest\n");
    REQUIRE(outcome.ok());
    CHECK(test::describe(outcome->problems).contains(QStringLiteral(":3: \"Bracknel Forest\" looks like")));
    // Real councils that look alike import side by side.
    auto real = importRoster(*region.db, "la\nHertfordshire\nHerefordshire\nBedford\nBradford\nEast Sussex\n"
                                         "West Sussex\nNorth Somerset\nSomerset\n");
    REQUIRE(real.ok());
    INFO(test::describe(real->problems).toStdString());
    CHECK(real->applied());
    CHECK(real->report.authoritiesAdded == 8);
}

TEST_CASE("A schedule naming an LA another way uses the roster's, one near a roster LA is refused",
          "[interchange][schedule][names]") {
    test::TempDir dir;
    test::Region region(dir);
    RosterStore roster(*region.db);
    for (const char* name : {"Brighton and Hove", "St Helens", "Stoke-on-Trent", "Bracknell Forest"}) {
        REQUIRE(roster.addAuthority(QString::fromUtf8(name)).ok());
    }
    const QByteArray good = "group,date,mode,venue,facilitator,la,lead_reviewer_for\n"
                            "1,2022-11-01,virtual,,Nadia,Brighton & Hove,St. Helens\n"
                            "1,2022-11-01,virtual,,Nadia,Saint Helens,Stoke on Trent\n"
                            "1,2022-11-01,virtual,,Nadia,Stoke-on-Trent City Council,Brighton and Hove\n";
    auto imported = importSchedule(*region.db, region.cycleId, good);
    REQUIRE(imported.ok());
    INFO(test::describe(imported->problems).toStdString());
    REQUIRE(imported->applied());
    CHECK(imported->report.authoritiesAdded == 0);
    CHECK(roster.authorities()->size() == 4);

    const QString before = test::dumpDatabase(*region.db);
    const QByteArray typo = "group,date,mode,venue,facilitator,la,lead_reviewer_for\n"
                            "1,2022-11-01,virtual,,Nadia,Brighton & Hove,Bracknel Forest\n"
                            "1,2022-11-01,virtual,,Nadia,Bracknel Forest,Brighton & Hove\n";
    auto refused = importSchedule(*region.db, region.cycleId, typo);
    REQUIRE(refused.ok());
    CHECK_FALSE(refused->applied());
    CHECK(test::describe(refused->problems)
              .contains(QStringLiteral(":3: \"Bracknel Forest\" looks like \"Bracknell Forest\"")));
    CHECK(test::dumpDatabase(*region.db) == before);

    auto confirmedNew = importSchedule(*region.db, region.cycleId, typo, {QStringLiteral("Bracknel Forest")});
    REQUIRE(confirmedNew.ok());
    CHECK(confirmedNew->applied());
    CHECK(confirmedNew->report.authoritiesAdded == 1);
}
