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
    CHECK(*second == *first);
    auto people = region.roster->people();
    REQUIRE(people.ok());
    REQUIRE(people->size() == 1);
    CHECK(people->front().name == QStringLiteral("Bea Jones"));

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

    // The post changes hands: Bea never worked at Medway, so no conflict of interest follows her.
    REQUIRE(region.roster->setPostHolder(kent, Role::Dcs, QStringLiteral("Bea Jones"), QString()).ok());
    people = region.roster->people();
    REQUIRE(people.ok());
    REQUIRE(people->size() == 1);
    CHECK(people->front().name == QStringLiteral("Bea Jones"));
    CHECK(people->front().pastPosts.empty());
}

TEST_CASE("A facilitator is found by name whatever its case, not added twice", "[domain][roster]") {
    test::RegionFixture region;
    auto first = region.roster->ensureUnattachedPerson(QStringLiteral("Fran Lee"), Role::Facilitator);
    auto again = region.roster->ensureUnattachedPerson(QStringLiteral("fran lee"), Role::Facilitator);
    REQUIRE(first.ok());
    REQUIRE(again.ok());
    CHECK(*first == *again);
}
