// Issue 13's "done when", on the test server: a project manager, a facilitator and two DCSs work on
// one region at the same time, each through their own login, and each DCS sees only their own LA.
#include "domain/schedule_store.h"
#include "engine/clock.h"
#include "helpers/test_database.h"
#include "notes/note_fixture.h"
#include "notes/session_note_store.h"
#include "review_pack/region_review.h"
#include "store/database.h"
#include "store/location.h"
#include "store/server_roles.h"
#include "store/sql.h"

#include <catch2/catch.hpp>

using namespace balcony;

namespace {

int countAs(Database& db, const QString& query) {
    auto counted = sql::run(db, query);
    REQUIRE(counted.ok());
    REQUIRE(counted->next());
    return counted->value(0).toInt();
}

} // namespace

TEST_CASE("A project manager, a facilitator and two DCSs work on one server region at once",
          "[server][dcs-review][team]") {
    if (test::testServer().isEmpty()) {
        WARN("No PostgreSQL test server (run through ctest)");
        return;
    }
    test::FreshDatabase fresh(Engine::PostgreSQL);
    auto owner = fresh.open();
    const test::NoteFixture f = test::makeNoteFixture(*owner);
    auto person = sql::run(*owner, QStringLiteral("INSERT INTO person(name, role) VALUES ('Ruth Okafor', "
                                                  "'facilitator') RETURNING id"));
    REQUIRE(person.ok());
    REQUIRE(person->next());
    REQUIRE(sql::run(*owner, QStringLiteral("UPDATE review_group SET facilitator_id = ? WHERE id = ?"),
                     {person->value(0), f.groupA})
                .ok());
    auto location = Location::parse(fresh.location());
    REQUIRE(location.ok());
    const QString prefix = location->database + u'_';
    const std::vector<server::NewLogin> logins = {
        {prefix + QStringLiteral("ann"), server::Role::ProjectManager, {}, {}},
        {prefix + QStringLiteral("ruth"), server::Role::Facilitator, {}, QStringLiteral("Ruth Okafor")},
        {prefix + QStringLiteral("kent"), server::Role::Dcs, QStringLiteral("Kent"), {}},
        {prefix + QStringLiteral("medway"), server::Role::Dcs, QStringLiteral("Medway"), {}},
    };
    std::vector<std::unique_ptr<Database>> people;
    for (const auto& login : logins) {
        auto added = server::addUser(*owner, login);
        INFO((added.ok() ? QString() : added.error().message).toStdString());
        REQUIRE(added.ok());
        Location as = *location;
        as.user = login.login;
        auto opened = Database::open(as.shown());
        INFO((opened.ok() ? QString() : opened.error().message).toStdString());
        REQUIRE(opened.ok());
        people.push_back(std::move(*opened));
    }
    Database& pm = *people[0];
    Database& facilitator = *people[1];
    Database& kentDcs = *people[2];
    Database& medwayDcs = *people[3];
    FakeClock clock{QDateTime(QDate(2026, 11, 24), QTime(10, 0), Qt::UTC)};

    // The facilitator drafts and sends their group's notes.
    SessionNoteStore notes(facilitator, clock);
    auto kentNote = notes.create(f.groupA, f.kent, QStringLiteral("# Kent\n\nThe budget is stable.\n"),
                                 QStringLiteral("Ruth Okafor"));
    auto medwayNote =
        notes.create(f.groupA, f.medway, QStringLiteral("# Medway\n\nMedway's workforce plan is thin.\n"),
                     QStringLiteral("Ruth Okafor"));
    INFO((kentNote.ok() ? QString() : kentNote.error().message).toStdString());
    REQUIRE(kentNote.ok());
    REQUIRE(medwayNote.ok());
    REQUIRE(notes.markSent(*kentNote, QStringLiteral("Ruth Okafor")).ok());
    REQUIRE(notes.markSent(*medwayNote, QStringLiteral("Ruth Okafor")).ok());

    // Both DCSs open their own note at once; neither can open the other's.
    auto kentReview = openRegionReview(kentDcs, clock, f.kent);
    auto medwayReview = openRegionReview(medwayDcs, clock, f.medway);
    REQUIRE(kentReview.ok());
    REQUIRE(medwayReview.ok());
    CHECK_FALSE(openRegionReview(kentDcs, clock, f.medway).ok());
    CHECK(countAs(kentDcs, QStringLiteral("SELECT count(*) FROM session_note")) == 1);
    CHECK(countAs(medwayDcs, QStringLiteral("SELECT count(*) FROM session_note_revision WHERE body LIKE "
                                            "'%budget%'")) == 0);

    // The project manager moves group B's venue meanwhile.
    auto groupB = [&](Database& db) -> std::optional<Group> {
        auto groups = ScheduleStore(db).groups(f.cycleId);
        REQUIRE(groups.ok());
        for (const Group& group : *groups) {
            if (group.id == f.groupB) {
                return group;
            }
        }
        return std::nullopt;
    };
    std::optional<Group> moved = groupB(pm);
    REQUIRE(moved.has_value());
    moved->venue = QStringLiteral("The Guildhall");
    REQUIRE(ScheduleStore(pm).updateGroup(*moved).ok());

    // Kent amends and returns; Medway agrees as sent.
    clock.advanceMinutes(10);
    REQUIRE((*kentReview)
                ->saveAmendment(QStringLiteral("# Kent\n\nThe budget is under pressure.\n"),
                                QStringLiteral("Priya Shah"), clock.utcNow())
                .ok());
    // Kent's draft is Kent's: neither the facilitator nor Medway's DCS can read it; the PM can.
    CHECK(countAs(facilitator, QStringLiteral("SELECT count(*) FROM dcs_amendment")) == 0);
    CHECK(countAs(medwayDcs, QStringLiteral("SELECT count(*) FROM dcs_amendment")) == 0);
    CHECK(countAs(pm, QStringLiteral("SELECT count(*) FROM dcs_amendment")) == 1);
    REQUIRE((*medwayReview)->agree(QStringLiteral("Sam Lee"), clock.utcNow()).ok());
    REQUIRE((*kentReview)->returnWithAmendments(QStringLiteral("Priya Shah"), clock.utcNow()).ok());

    // The facilitator sees both answers at once; the project manager sees everything.
    auto kent = notes.note(*kentNote);
    auto medway = notes.note(*medwayNote);
    REQUIRE(kent.ok());
    REQUIRE(medway.ok());
    CHECK(kent->status == NoteStatus::Amended);
    CHECK(medway->status == NoteStatus::Agreed);
    CHECK(countAs(pm, QStringLiteral("SELECT count(*) FROM session_note")) == 2);
    CHECK_FALSE(groupB(facilitator).has_value()); // not the facilitator's group
    CHECK(groupB(medwayDcs) == std::nullopt);     // nor Medway's
    const std::optional<Group> seen = groupB(pm);
    REQUIRE(seen.has_value());
    CHECK(seen->venue == QStringLiteral("The Guildhall"));
}
