#include "region_fixture.h"

using namespace balcony;

namespace {

QStringList names(const std::vector<LocalAuthority>& authorities) {
    QStringList result;
    for (const auto& a : authorities) {
        result << a.name;
    }
    return result;
}

} // namespace

TEST_CASE("Authorities are added, listed by name, renamed and removed", "[domain][roster]") {
    test::RegionFixture region;
    auto medway = region.roster->addAuthority(QStringLiteral("  Medway "));
    auto kent = region.roster->addAuthority(QStringLiteral("Kent"));
    REQUIRE(medway.ok());
    REQUIRE(kent.ok());
    auto all = region.roster->authorities();
    REQUIRE(all.ok());
    CHECK(names(*all) == QStringList{QStringLiteral("Kent"), QStringLiteral("Medway")});

    REQUIRE(region.roster->renameAuthority(*kent, QStringLiteral("Kent County")).ok());
    REQUIRE(region.roster->removeAuthority(*medway).ok());
    all = region.roster->authorities();
    REQUIRE(all.ok());
    CHECK(names(*all) == QStringList{QStringLiteral("Kent County")});
}

TEST_CASE("An authority is found whatever the case of its name", "[domain][roster]") {
    test::RegionFixture region;
    const qint64 kent = region.authority(QStringLiteral("Kent"));
    auto found = region.roster->authorityByName(QStringLiteral(" KENT "));
    REQUIRE(found.ok());
    CHECK(found->id == kent);
    CHECK(found->name == QStringLiteral("Kent"));
    CHECK(region.roster->ensureAuthority(QStringLiteral("kent")).value() == kent);

    auto missing = region.roster->authorityByName(QStringLiteral("Narnia"));
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().kind == Error::Kind::NotFound);
    CHECK(missing.message().contains(QStringLiteral("Narnia")));
}

TEST_CASE("A second authority of the same name is refused, in any case, with a clear message",
          "[domain][roster]") {
    test::RegionFixture region;
    region.authority(QStringLiteral("Kent"));
    const qint64 medway = region.authority(QStringLiteral("Medway"));

    auto added = region.roster->addAuthority(QStringLiteral("kent"));
    REQUIRE_FALSE(added.ok());
    CHECK(added.error().kind == Error::Kind::Conflict);
    CHECK(added.message().contains(QStringLiteral("already in the roster")));

    auto renamed = region.roster->renameAuthority(medway, QStringLiteral("KENT"));
    REQUIRE_FALSE(renamed.ok());
    CHECK(renamed.error().kind == Error::Kind::Conflict);
    CHECK(renamed.message().contains(QStringLiteral("already in the roster")));
    CHECK(region.roster->authorityByName(QStringLiteral("Medway")).ok());

    // A change of case of its own name is a rename, not a clash.
    CHECK(region.roster->renameAuthority(medway, QStringLiteral("MEDWAY")).ok());
}

TEST_CASE("An authority without a name is refused", "[domain][roster]") {
    test::RegionFixture region;
    auto added = region.roster->addAuthority(QStringLiteral("   "));
    REQUIRE_FALSE(added.ok());
    CHECK(added.error().kind == Error::Kind::InvalidInput);
    const qint64 kent = region.authority(QStringLiteral("Kent"));
    CHECK(region.roster->renameAuthority(kent, QString()).error().kind == Error::Kind::InvalidInput);
}

TEST_CASE("Renaming or removing an authority that is gone says so", "[domain][roster]") {
    test::RegionFixture region;
    const qint64 kent = region.authority(QStringLiteral("Kent"));
    REQUIRE(region.roster->removeAuthority(kent).ok());
    CHECK(region.roster->renameAuthority(kent, QStringLiteral("Kent")).error().kind == Error::Kind::NotFound);
    CHECK(region.roster->removeAuthority(kent).error().kind == Error::Kind::NotFound);
}

TEST_CASE("Each authority's DCS is one person, replaced when the post changes hands", "[domain][roster]") {
    test::RegionFixture region;
    const qint64 kent = region.authority(QStringLiteral("Kent"));
    auto first = region.roster->setPostHolder(kent, Role::Dcs, QStringLiteral("Ann Smith"),
                                              QStringLiteral("ann@kent"));
    REQUIRE(first.ok());
    auto second = region.roster->setPostHolder(kent, Role::Dcs, QStringLiteral("Bea Jones"), QString());
    REQUIRE(second.ok());
    CHECK(*second != *first);
    auto people = region.roster->people();
    REQUIRE(people.ok());
    REQUIRE(people->size() == 2); // Ann stays in the roster, as a team member who was DCS
    for (const auto& person : *people) {
        if (person.id == *first) {
            CHECK(person.role == Role::TeamMember);
            CHECK(person.name == QStringLiteral("Ann Smith"));
        } else {
            CHECK(person.role == Role::Dcs);
            CHECK(person.name == QStringLiteral("Bea Jones"));
        }
    }

    Person another;
    another.name = QStringLiteral("Cy Brown");
    another.role = Role::Dcs;
    another.authorityId = kent;
    auto refused = region.roster->addPerson(another);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == Error::Kind::Conflict);
    CHECK(refused.message().contains(QStringLiteral("Kent")));
    CHECK(refused.message().contains(QStringLiteral("Bea Jones")));
}

TEST_CASE("A person's past posts are kept with them", "[domain][roster]") {
    test::RegionFixture region;
    const qint64 kent = region.authority(QStringLiteral("Kent"));
    const qint64 medway = region.authority(QStringLiteral("Medway"));
    Person p;
    p.name = QStringLiteral("Ann Smith");
    p.role = Role::Dcs;
    p.authorityId = kent;
    p.pastPosts.push_back(
        {medway, QStringLiteral("Interim DCS"), true, QDate(2019, 4, 1), QDate(2020, 3, 31)});
    REQUIRE(region.roster->addPerson(p).ok());
    auto people = region.roster->people();
    REQUIRE(people.ok());
    REQUIRE(people->front().pastPosts.size() == 1);
    const PastPost& post = people->front().pastPosts.front();
    CHECK(post.authorityId == medway);
    CHECK(post.interim);
    CHECK(post.startedOn == QDate(2019, 4, 1));
    CHECK(post.endedOn == QDate(2020, 3, 31));
}

TEST_CASE("A new DCS does not inherit the past posts of the one they replace", "[domain][roster]") {
    test::RegionFixture region;
    const qint64 kent = region.authority(QStringLiteral("Kent"));
    const qint64 medway = region.authority(QStringLiteral("Medway"));
    Person ann;
    ann.name = QStringLiteral("Ann Smith");
    ann.role = Role::Dcs;
    ann.authorityId = kent;
    ann.pastPosts.push_back(
        {medway, QStringLiteral("Interim DCS"), true, QDate(2019, 4, 1), QDate(2020, 3, 31)});
    REQUIRE(region.roster->addPerson(ann).ok());

    // The same holder, written differently: her history stays.
    REQUIRE(region.roster->setPostHolder(kent, Role::Dcs, QStringLiteral("ann smith"), QString()).ok());
    auto people = region.roster->people();
    REQUIRE(people.ok());
    REQUIRE(people->size() == 1);
    CHECK(people->front().pastPosts.size() == 1);

    // The post changes hands: Bea never worked at Medway, so no conflict of interest follows her;
    // Ann keeps hers, and gains her time as Kent's DCS.
    auto bea = region.roster->setPostHolder(kent, Role::Dcs, QStringLiteral("Bea Jones"), QString());
    REQUIRE(bea.ok());
    people = region.roster->people();
    REQUIRE(people.ok());
    REQUIRE(people->size() == 2);
    for (const auto& person : *people) {
        if (person.id == *bea) {
            CHECK(person.name == QStringLiteral("Bea Jones"));
            CHECK(person.pastPosts.empty());
        } else {
            CHECK(person.role == Role::TeamMember);
            REQUIRE(person.pastPosts.size() == 2);
            CHECK(person.pastPosts[0].authorityId == medway);
            CHECK(person.pastPosts[1].authorityId == kent);
        }
    }

    // Taken back (the desktop's undo): Ann is DCS again, with only the history she had.
    REQUIRE(region.roster->removePerson(*bea).ok());
    const qint64 annId = people->front().id == *bea ? people->back().id : people->front().id;
    REQUIRE(region.roster->returnToPost(annId, kent, Role::Dcs).ok());
    people = region.roster->people();
    REQUIRE(people.ok());
    REQUIRE(people->size() == 1);
    CHECK(people->front().role == Role::Dcs);
    REQUIRE(people->front().pastPosts.size() == 1);
    CHECK(people->front().pastPosts.front().authorityId == medway);
}

TEST_CASE("A facilitator is found by name whatever its case, not added twice", "[domain][roster]") {
    test::RegionFixture region;
    auto first = region.roster->ensureUnattachedPerson(QStringLiteral("Fran Lee"), Role::Facilitator);
    auto again = region.roster->ensureUnattachedPerson(QStringLiteral("fran lee"), Role::Facilitator);
    REQUIRE(first.ok());
    REQUIRE(again.ok());
    CHECK(*first == *again);
}

TEST_CASE("Authority names that differ only in spacing or case, accented letters included, are one "
          "authority",
          "[domain][roster][names]") {
    test::RegionFixture region;
    const qint64 wight = region.authority(QStringLiteral("Isle of Wight"));
    for (const auto& spelling : {QStringLiteral("Isle  of  Wight"), QStringLiteral("isle of wight"),
                                 QStringLiteral(" ISLE\tOF WIGHT ")}) {
        auto found = region.roster->authorityByName(spelling);
        REQUIRE(found.ok());
        CHECK(found->id == wight);
        CHECK(region.roster->ensureAuthority(spelling).value() == wight);
        auto added = region.roster->addAuthority(spelling);
        REQUIRE_FALSE(added.ok());
        CHECK(added.error().kind == Error::Kind::Conflict);
    }

    const qint64 caVa = region.authority(QStringLiteral("Ça Va"));
    auto lower = region.roster->authorityByName(QStringLiteral("ça  va"));
    REQUIRE(lower.ok());
    CHECK(lower->id == caVa);
    CHECK_FALSE(region.roster->addAuthority(QStringLiteral("ÇA VA")).ok());

    // A new name is stored with its inner spaces tidied, so the roster shows it once, cleanly.
    auto spaced = region.roster->addAuthority(QStringLiteral("  West   Berkshire "));
    REQUIRE(spaced.ok());
    CHECK(region.roster->authorityByName(QStringLiteral("west berkshire"))->name ==
          QStringLiteral("West Berkshire"));
    auto all = region.roster->authorities();
    REQUIRE(all.ok());
    CHECK(all->size() == 3);
}

TEST_CASE("A person moves to another authority, or to none when the role allows it",
          "[domain][roster][move]") {
    test::RegionFixture region;
    const qint64 kent = region.authority(QStringLiteral("Kent"));
    const qint64 medway = region.authority(QStringLiteral("Medway"));
    auto ann = region.roster->setPostHolder(kent, Role::Dcs, QStringLiteral("Ann Reed"), {});
    auto dev = region.roster->setPostHolder(medway, Role::Dcs, QStringLiteral("Dev Patel"), {});
    auto cy = region.roster->ensureUnattachedPerson(QStringLiteral("Cy Dunn"), Role::Facilitator);
    REQUIRE(ann.ok());
    REQUIRE(dev.ok());
    REQUIRE(cy.ok());
    Person member;
    member.name = QStringLiteral("Tom Webb");
    member.role = Role::TeamMember;
    member.authorityId = kent;
    auto tom = region.roster->addPerson(member);
    REQUIRE(tom.ok());

    const auto authorityOf = [&](qint64 personId) {
        auto people = region.roster->people();
        REQUIRE(people.ok());
        for (const auto& p : *people) {
            if (p.id == personId) {
                return p.authorityId;
            }
        }
        FAIL("person not found");
        return qint64{-1};
    };

    REQUIRE(region.roster->setPersonAuthority(*tom, medway).ok());
    CHECK(authorityOf(*tom) == medway);
    REQUIRE(region.roster->setPersonAuthority(*cy, kent).ok());
    CHECK(authorityOf(*cy) == kent);
    REQUIRE(region.roster->setPersonAuthority(*cy, 0).ok());
    CHECK(authorityOf(*cy) == 0);

    SECTION("A DCS cannot move to an authority that has one; nothing changes") {
        auto moved = region.roster->setPersonAuthority(*ann, medway);
        REQUIRE_FALSE(moved.ok());
        CHECK(moved.error().kind == Error::Kind::Conflict);
        CHECK(moved.message().contains(QStringLiteral("Ann Reed cannot move to Medway")));
        CHECK(moved.message().contains(QStringLiteral("Dev Patel")));
        CHECK(authorityOf(*ann) == kent);
    }
    SECTION("A DCS or team member cannot belong to no authority; nothing changes") {
        auto moved = region.roster->setPersonAuthority(*ann, 0);
        REQUIRE_FALSE(moved.ok());
        CHECK(moved.message().contains(QStringLiteral("must belong to a local authority")));
        CHECK(authorityOf(*ann) == kent);
        CHECK_FALSE(region.roster->setPersonAuthority(*tom, 0).ok());
        CHECK(authorityOf(*tom) == medway);
    }
    SECTION("A DCS moves to an authority without one") {
        REQUIRE(region.roster->removePerson(*dev).ok());
        REQUIRE(region.roster->setPersonAuthority(*ann, medway).ok());
        CHECK(authorityOf(*ann) == medway);
    }
    SECTION("An authority or person that is gone is named as gone") {
        auto moved = region.roster->setPersonAuthority(*tom, 9999);
        REQUIRE_FALSE(moved.ok());
        CHECK(moved.error().kind == Error::Kind::NotFound);
        CHECK(moved.message().contains(QStringLiteral("no longer in the roster")));
        CHECK(authorityOf(*tom) == medway);
        CHECK(region.roster->setPersonAuthority(9999, kent).error().kind == Error::Kind::NotFound);
    }
}

TEST_CASE("A person added by hand is refused, in plain words and changing nothing, what the roster "
          "does not allow",
          "[domain][roster][add-person]") {
    test::RegionFixture region;
    const qint64 kent = region.authority(QStringLiteral("Kent"));
    REQUIRE(region.roster->setPostHolder(kent, Role::Dcs, QStringLiteral("Ann Reed"), {}).ok());
    REQUIRE(region.roster->ensureUnattachedPerson(QStringLiteral("Sam Ellis"), Role::Facilitator).ok());
    const auto count = [&] {
        auto people = region.roster->people();
        REQUIRE(people.ok());
        return people->size();
    };
    const auto person = [](const QString& name, Role role, qint64 authorityId) {
        Person p;
        p.name = name;
        p.role = role;
        p.authorityId = authorityId;
        return p;
    };

    auto secondDcs = region.roster->addPerson(person(QStringLiteral("Bo Lane"), Role::Dcs, kent));
    REQUIRE_FALSE(secondDcs.ok());
    CHECK(secondDcs.error().kind == Error::Kind::Conflict);
    CHECK(secondDcs.message() ==
          QStringLiteral("Kent already has a director of children's services: Ann Reed. Change who holds "
                         "the post instead of adding another."));

    auto noAuthority = region.roster->addPerson(person(QStringLiteral("Bo Lane"), Role::Dcs, 0));
    REQUIRE_FALSE(noAuthority.ok());
    CHECK(noAuthority.message().contains(QStringLiteral("Bo Lane is a director of children's services, so "
                                                        "must belong to a local authority")));
    CHECK_FALSE(region.roster->addPerson(person(QStringLiteral("Cy"), Role::TeamMember, 0)).ok());

    auto twin = region.roster->addPerson(person(QStringLiteral("sam ellis"), Role::Facilitator, 0));
    REQUIRE_FALSE(twin.ok());
    CHECK(twin.message() == QStringLiteral("Sam Ellis is already in the roster as a facilitator."));

    auto gone = region.roster->addPerson(person(QStringLiteral("Di Moss"), Role::TeamMember, 9999));
    REQUIRE_FALSE(gone.ok());
    CHECK(gone.error().kind == Error::Kind::NotFound);
    CHECK(gone.message().contains(QStringLiteral("no longer in the roster")));

    auto nameless = region.roster->addPerson(person(QStringLiteral("  "), Role::Facilitator, 0));
    REQUIRE_FALSE(nameless.ok());
    CHECK(nameless.error().kind == Error::Kind::InvalidInput);
    CHECK(count() == 2);

    // What the roster allows: a second facilitator, a project manager of the same name, a team
    // member of Kent, a facilitator who works for Kent.
    CHECK(region.roster->addPerson(person(QStringLiteral("Jo Hart"), Role::Facilitator, 0)).ok());
    CHECK(region.roster->addPerson(person(QStringLiteral("Sam Ellis"), Role::ProjectManager, 0)).ok());
    CHECK(region.roster->addPerson(person(QStringLiteral("Bo Lane"), Role::TeamMember, kent)).ok());
    CHECK(region.roster->addPerson(person(QStringLiteral("Di Moss"), Role::Facilitator, kent)).ok());
    CHECK(count() == 6);
}

TEST_CASE("A removed person comes back under the same id with their past posts, and a group's "
          "facilitator is not removed",
          "[domain][roster][remove-person]") {
    test::RegionFixture region;
    const qint64 kent = region.authority(QStringLiteral("Kent"));
    const qint64 medway = region.authority(QStringLiteral("Medway"));
    Person tom;
    tom.name = QStringLiteral("Tom Webb");
    tom.email = QStringLiteral("tom@example.org");
    tom.role = Role::TeamMember;
    tom.authorityId = kent;
    tom.pastPosts.push_back(
        {medway, QStringLiteral("Head of service"), false, QDate(2019, 1, 1), QDate(2021, 6, 30)});
    auto tomId = region.roster->addPerson(tom);
    REQUIRE(tomId.ok());
    auto saved = region.roster->people();
    REQUIRE(saved.ok());
    REQUIRE(saved->size() == 1);
    const Person before = saved->front();

    REQUIRE(region.roster->removePerson(*tomId).ok());
    CHECK(region.roster->people()->empty());
    auto again = region.roster->removePerson(*tomId);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().kind == Error::Kind::NotFound);

    REQUIRE(region.roster->restorePerson(before).ok());
    auto restored = region.roster->people();
    REQUIRE(restored.ok());
    REQUIRE(restored->size() == 1);
    CHECK(restored->front().id == *tomId);
    CHECK(restored->front().email == QStringLiteral("tom@example.org"));
    REQUIRE(restored->front().pastPosts.size() == 1);
    CHECK(restored->front().pastPosts.front().authorityId == medway);
    CHECK(restored->front().pastPosts.front().title == QStringLiteral("Head of service"));

    // Putting back over someone who took the id since is refused.
    auto twice = region.roster->restorePerson(before);
    REQUIRE_FALSE(twice.ok());
    CHECK(twice.error().kind == Error::Kind::Conflict);

    auto sam = region.roster->ensureUnattachedPerson(QStringLiteral("Sam Ellis"), Role::Facilitator);
    REQUIRE(sam.ok());
    const qint64 cycle = region.cycle(QStringLiteral("2024-2025"), QDate(2024, 9, 1), QDate(2025, 8, 31));
    const qint64 groupId = region.group(cycle, QStringLiteral("Group 1"), QDate(2024, 10, 3), {kent, medway});
    Group group = region.groupById(cycle, groupId);
    group.facilitatorId = *sam;
    REQUIRE(region.schedule->updateGroup(group).ok());

    auto refused = region.roster->removePerson(*sam);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == Error::Kind::Conflict);
    CHECK(refused.message() == QStringLiteral("Sam Ellis facilitates Group 1 in 2024-2025. Choose another "
                                              "facilitator for that group before removing Sam Ellis from "
                                              "the roster."));
    CHECK(region.roster->people()->size() == 2);
    CHECK(region.groupById(cycle, groupId).facilitatorId == *sam);
}
