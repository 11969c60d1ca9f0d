#include "domain/roster_store.h"
#include "interchange/interchange_support.h"
#include "interchange/roster_import.h"

#include <catch2/catch.hpp>

using namespace balcony;
using namespace balcony::interchange;
using balcony::test::describe;
using balcony::test::expectRosterRefused;

namespace {

const Person* holder(const std::vector<Person>& people, qint64 authorityId, Role role) {
    for (const auto& p : people) {
        if (p.authorityId == authorityId && p.role == role) {
            return &p;
        }
    }
    return nullptr;
}

} // namespace

TEST_CASE("The South East roster imports every LA with its post holders", "[interchange][roster]") {
    test::TempDir dir;
    test::Region region(dir);
    auto outcome = importRosterFile(*region.db, test::fixturePath(QStringLiteral("se-2022-2023-roster.csv")));
    INFO((outcome.ok() ? QString() : outcome.message()).toStdString());
    REQUIRE(outcome.ok());
    INFO(describe(outcome->problems).toStdString());
    REQUIRE(outcome->applied());
    CHECK(outcome->report.rowsRead == 19);
    CHECK(outcome->report.authoritiesAdded == 19);

    RosterStore roster(*region.db);
    auto authorities = roster.authorities();
    REQUIRE(authorities.ok());
    CHECK(authorities->size() == 19);
    auto kent = roster.authorityByName(QStringLiteral("kent"));
    REQUIRE(kent.ok());
    auto people = roster.people();
    REQUIRE(people.ok());
    const Person* dcs = holder(*people, kent->id, Role::Dcs);
    REQUIRE(dcs);
    CHECK(dcs->email == QStringLiteral("dcs@kent.example.org"));
    CHECK(holder(*people, kent->id, Role::ChiefExecutive));
}

TEST_CASE("Re-importing a roster updates post holders and adds nothing twice", "[interchange][roster]") {
    test::TempDir dir;
    test::Region region(dir);
    REQUIRE(importRoster(*region.db, "la,dcs,dcs_email\nKent,Ann Reed,ann@kent.example.org\nMedway,Bo,\n")
                ->applied());
    // Same DCS without an email keeps the stored one; a new DCS replaces the old, once confirmed.
    const QByteArray file = "LA,DCS\nkent,Ann Reed\nMedway,Cy Dunn\nSlough,Di\n";
    auto unconfirmed = importRoster(*region.db, file);
    REQUIRE(unconfirmed.ok());
    CHECK(unconfirmed->needsConfirmation());
    REQUIRE(unconfirmed->postChanges.size() == 1);
    CHECK(describe(unconfirmed->postChanges.front()) ==
          QStringLiteral("line 3: Medway's DCS: Bo is replaced by Cy Dunn"));
    CHECK(RosterStore(*region.db).authorities()->size() == 2);
    RosterImportOptions confirmed;
    confirmed.confirmPostChanges = true;
    auto again = importRoster(*region.db, file, confirmed);
    REQUIRE(again.ok());
    REQUIRE(again->applied());
    CHECK(again->report.authoritiesAdded == 1);

    RosterStore roster(*region.db);
    CHECK(roster.authorities()->size() == 3);
    auto people = roster.people();
    REQUIRE(people.ok());
    const Person* kentDcs = holder(*people, roster.authorityByName(QStringLiteral("Kent"))->id, Role::Dcs);
    REQUIRE(kentDcs);
    CHECK(kentDcs->email == QStringLiteral("ann@kent.example.org"));
    const Person* medwayDcs =
        holder(*people, roster.authorityByName(QStringLiteral("Medway"))->id, Role::Dcs);
    REQUIRE(medwayDcs);
    CHECK(medwayDcs->name == QStringLiteral("Cy Dunn"));
}

TEST_CASE("A roster row without an LA name is refused", "[interchange][roster]") {
    expectRosterRefused("la,dcs\nKent,Ann\n  ,Jo\n", 3, QStringLiteral("\"la\" cell is empty"));
}

TEST_CASE("An LA listed twice in a roster is refused on the second line", "[interchange][roster]") {
    expectRosterRefused("la,dcs\nKent,Ann\nSurrey,Jo\nKENT,Bo\n", 4, QStringLiteral("already on line 2"));
}

TEST_CASE("A malformed email is refused and named", "[interchange][roster]") {
    expectRosterRefused("la,dcs,dcs_email\nKent,Ann,ann.kent.example.org\n", 2,
                        QStringLiteral("\"ann.kent.example.org\" is not an email"));
}

TEST_CASE("An email without a name is refused", "[interchange][roster]") {
    expectRosterRefused("la,lead_member,lead_member_email\nKent,,cllr@kent.example.org\n", 2,
                        QStringLiteral("gives no name"));
}

TEST_CASE("A roster names an authority the roster holds in other spacing or case, accents included",
          "[interchange][roster][names]") {
    test::TempDir dir;
    test::Region region(dir);
    RosterStore roster(*region.db);
    const qint64 wight = roster.addAuthority(QStringLiteral("Isle of Wight")).value();
    const qint64 caVa = roster.addAuthority(QStringLiteral("Ça Va")).value();
    auto outcome = importRoster(*region.db, "la,dcs\n"
                                            "Isle  of  Wight,Ann Reed\n"
                                            "ça va,Zoë Brontë\n");
    REQUIRE(outcome.ok());
    INFO(describe(outcome->problems).toStdString());
    REQUIRE(outcome->applied());
    CHECK(outcome->report.authoritiesAdded == 0);
    CHECK(roster.authorities()->size() == 2);
    auto people = roster.people();
    REQUIRE(people.ok());
    REQUIRE(holder(*people, wight, Role::Dcs));
    CHECK(holder(*people, wight, Role::Dcs)->name == QStringLiteral("Ann Reed"));
    REQUIRE(holder(*people, caVa, Role::Dcs));
    CHECK(holder(*people, caVa, Role::Dcs)->name == QStringLiteral("Zoë Brontë"));
}

TEST_CASE("A roster listing one LA twice in other spacing or case is refused",
          "[interchange][roster][names]") {
    expectRosterRefused("la\nIsle of Wight\nisle  of  WIGHT\n", 3, QStringLiteral("already on line 2"));
    expectRosterRefused("la\nÇa Va\nça va\n", 3, QStringLiteral("already on line 2"));
}
