// Two people editing the same thing (store/row_version.h, docs/server.md "Working at the same
// time"): a save based on a version someone else changed since is refused, naming who and when, and
// the first save's text stays. On PostgreSQL the two people are two connections to one region; an
// SQLite file admits one Balcony at a time (the region lock), so there both work through one.
#include "engine/clock.h"
#include "helpers/test_database.h"
#include "notes/note_fixture.h"
#include "notes/session_note_store.h"
#include "outcomes/action_plan.h"
#include "outcomes/asks_offers.h"
#include "outcomes/priorities.h"
#include "store/change_feed.h"
#include "store/database.h"
#include "store/sql.h"
#include "store/transaction.h"

#include <QLocale>
#include <QSignalSpy>
#include <catch2/catch.hpp>

using namespace balcony;

namespace {

const QString facilitator = QStringLiteral("Fay Ade");

QString localHhMm(const QDateTime& utc) {
    return QLocale::c().toString(utc.toLocalTime(), QStringLiteral("HH:mm"));
}

// The two people's connections: a second one to the same region on a server, the same one on a file.
struct TwoPeople {
    test::FreshDatabase fresh;
    std::unique_ptr<Database> first;
    std::unique_ptr<Database> secondOwn;
    Database* second = nullptr;
    test::NoteFixture f;

    explicit TwoPeople(Engine engine)
        : fresh(engine) {
        first = fresh.open();
        f = test::makeNoteFixture(*first);
        if (engine == Engine::PostgreSQL) {
            auto opened = Database::open(fresh.location());
            REQUIRE(opened.ok());
            secondOwn = std::move(*opened);
            second = secondOwn.get();
        } else {
            second = first.get();
        }
    }
};

} // namespace

TEST_CASE(
    "A session note saved by someone else since it was opened refuses the second save, naming who and when",
    "[store][server][concurrency]") {
    const Engine engine = GENERATE(from_range(test::engines()));
    INFO(test::engineName(engine).toStdString());
    TwoPeople people(engine);
    FakeClock clock(QDateTime(QDate(2026, 11, 24), QTime(14, 5), Qt::UTC));
    SessionNoteStore mine(*people.first, clock);
    SessionNoteStore theirs(*people.second, clock);

    auto id =
        mine.create(people.f.groupA, people.f.kent, QStringLiteral("# Kent\n\nDrafted.\n"), facilitator);
    REQUIRE(id.ok());
    // Both open the note.
    auto readByMe = mine.note(*id);
    auto readByThem = theirs.note(*id);
    REQUIRE(readByMe.ok());
    REQUIRE(readByThem.ok());
    REQUIRE(readByMe->rowVersion == readByThem->rowVersion);

    const QString firstText = QStringLiteral("# Kent\n\nThe DCS's amendment, taken by phone.\n");
    auto saved = mine.save(*id, firstText, facilitator, RevisionOrigin::Edit, readByMe->rowVersion);
    REQUIRE(saved.ok());
    CHECK(saved->rowVersion == readByMe->rowVersion + 1);
    const QDateTime firstSaveAt = clock.utcNow();

    clock.advanceMinutes(3);
    const QString secondText = QStringLiteral("# Kent\n\nThe facilitator's rewrite.\n");
    auto refused = theirs.edit(*id, secondText, QStringLiteral("Sam Lee"), readByThem->rowVersion);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == Error::Kind::Changed);
    CHECK(refused.message().contains(QStringLiteral("The session note for Kent was changed by %1 at %2")
                                         .arg(people.first->userName(), localHhMm(firstSaveAt))));
    CHECK_FALSE(people.first->userName().isEmpty());

    // The first save's text is the latest; the refused save wrote nothing.
    auto latest = theirs.revision(*id);
    REQUIRE(latest.ok());
    CHECK(latest->body == firstText);
    CHECK(latest->number == saved->revision);
    auto after = theirs.note(*id);
    REQUIRE(after.ok());
    CHECK(after->rowVersion == saved->rowVersion);
    CHECK(after->changedBy == people.first->userName());
    CHECK(after->changedAtUtc == firstSaveAt);

    // Reloaded, the second person's save goes through.
    auto again =
        theirs.save(*id, secondText, QStringLiteral("Sam Lee"), RevisionOrigin::Edit, after->rowVersion);
    REQUIRE(again.ok());
    CHECK(again->revision == saved->revision + 1);
    CHECK(mine.revision(*id)->body == secondText);
}

TEST_CASE("A workflow step since the note was opened makes a save based on it stale",
          "[store][server][concurrency]") {
    const Engine engine = GENERATE(from_range(test::engines()));
    INFO(test::engineName(engine).toStdString());
    TwoPeople people(engine);
    FakeClock clock(QDateTime(QDate(2026, 11, 24), QTime(9, 30), Qt::UTC));
    SessionNoteStore mine(*people.first, clock);
    SessionNoteStore theirs(*people.second, clock);
    auto id =
        mine.create(people.f.groupA, people.f.kent, QStringLiteral("# Kent\n\nDrafted.\n"), facilitator);
    REQUIRE(id.ok());
    auto opened = mine.note(*id);
    REQUIRE(opened.ok());
    REQUIRE(theirs.markSent(*id, QStringLiteral("Sam Lee")).ok());

    auto refused = mine.edit(*id, QStringLiteral("# Kent\n\nEdited.\n"), facilitator, opened->rowVersion);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == Error::Kind::Changed);
    CHECK(mine.revisions(*id)->size() == 1);
    // Without a version the save is not checked (the day's drafting, imports).
    CHECK(mine.edit(*id, QStringLiteral("# Kent\n\nEdited.\n"), facilitator).ok());
}

TEST_CASE("An action changed or rated by someone else since it was opened refuses the second change",
          "[store][server][concurrency]") {
    const Engine engine = GENERATE(from_range(test::engines()));
    INFO(test::engineName(engine).toStdString());
    TwoPeople people(engine);
    FakeClock clock(QDateTime(QDate(2026, 11, 30), QTime(16, 45), Qt::UTC));
    outcomes::ActionPlanStore mine(*people.first, clock);
    outcomes::ActionPlanStore theirs(*people.second, clock);
    auto id = mine.add(people.f.cycleId, people.f.kent, QStringLiteral("Audit the front door"));
    REQUIRE(id.ok());
    auto readByMe = mine.action(*id);
    auto readByThem = theirs.action(*id);
    REQUIRE(readByMe.ok());
    REQUIRE(readByThem.ok());

    outcomes::ActionChange owner;
    owner.owner = QStringLiteral("Head of early help");
    REQUIRE(mine.change(*id, owner, readByMe->rowVersion).ok());
    const QDateTime changedAt = clock.utcNow();
    clock.advanceMinutes(1);

    outcomes::ActionChange text;
    text.text = QStringLiteral("Audit the front door and the MASH");
    auto refused = theirs.change(*id, text, readByThem->rowVersion);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == Error::Kind::Changed);
    CHECK(refused.message().contains(
        QStringLiteral("changed by %1 at %2").arg(people.first->userName(), localHhMm(changedAt))));
    auto rated = theirs.rate(*id, outcomes::Rag::Red, QStringLiteral("No date set"), readByThem->rowVersion);
    REQUIRE_FALSE(rated.ok());
    CHECK(rated.error().kind == Error::Kind::Changed);

    auto now = theirs.action(*id);
    REQUIRE(now.ok());
    CHECK(now->owner == QStringLiteral("Head of early help"));
    CHECK(now->text == QStringLiteral("Audit the front door"));
    CHECK_FALSE(now->rating.has_value());
    CHECK(theirs.ratings(*id)->empty());

    REQUIRE(
        theirs.rate(*id, outcomes::Rag::Amber, QStringLiteral("Owner named, no date"), now->rowVersion).ok());
    CHECK(theirs.action(*id)->rowVersion == now->rowVersion + 1);
}

TEST_CASE("An ask changed in the register by someone else since it was opened refuses the second change",
          "[store][server][concurrency][outcomes]") {
    const Engine engine = GENERATE(from_range(test::engines()));
    INFO(test::engineName(engine).toStdString());
    TwoPeople people(engine);
    FakeClock clock(QDateTime(QDate(2026, 11, 30), QTime(10, 20), Qt::UTC));
    outcomes::AskOfferRegister mine(*people.first, clock);
    outcomes::AskOfferRegister theirs(*people.second, clock);
    auto id = mine.add(people.f.cycleId, people.f.kent, NoteKind::Ask, QStringLiteral("Workforce"),
                       QStringLiteral("Help recruiting social workers"));
    REQUIRE(id.ok());
    auto readByMe = mine.item(*id);
    auto readByThem = theirs.item(*id);
    REQUIRE(readByMe.ok());
    REQUIRE(readByThem.ok());
    CHECK(readByMe->rowVersion == 0); // never changed in the register yet: no state row

    // The first change of an item never changed before is checked like any other.
    REQUIRE(mine.setStatus(*id, outcomes::AskOfferStatus::Matched, readByMe->rowVersion).ok());
    const QDateTime changedAt = clock.utcNow();
    clock.advanceMinutes(2);

    auto wording =
        theirs.edit(*id, QStringLiteral("Workforce"),
                    QStringLiteral("Help recruiting and keeping social workers"), readByThem->rowVersion);
    REQUIRE_FALSE(wording.ok());
    CHECK(wording.error().kind == Error::Kind::Changed);
    CHECK(wording.message().contains(QStringLiteral("Ask %1 of Kent was changed by %2 at %3")
                                         .arg(*id)
                                         .arg(people.first->userName(), localHhMm(changedAt))));
    auto status = theirs.setStatus(*id, outcomes::AskOfferStatus::Closed, readByThem->rowVersion);
    REQUIRE_FALSE(status.ok());
    CHECK(status.error().kind == Error::Kind::Changed);
    auto support = theirs.setSupportKind(*id, QString(), readByThem->rowVersion);
    REQUIRE_FALSE(support.ok());
    CHECK(support.error().kind == Error::Kind::Changed);

    // Nothing of the refused changes was written.
    auto now = theirs.item(*id);
    REQUIRE(now.ok());
    CHECK(now->status == outcomes::AskOfferStatus::Matched);
    CHECK(now->text == QStringLiteral("Help recruiting social workers"));
    CHECK(now->rowVersion == 1);
    CHECK(now->changedBy == people.first->userName());
    CHECK(now->changedAtUtc == changedAt);

    // Reloaded, the second person's change goes through and raises the version again.
    auto saved = theirs.edit(*id, QStringLiteral("Workforce"),
                             QStringLiteral("Help recruiting and keeping social workers"), now->rowVersion);
    REQUIRE(saved.ok());
    CHECK(mine.item(*id)->text == QStringLiteral("Help recruiting and keeping social workers"));
    CHECK(mine.item(*id)->rowVersion == 2);
    // Without a version a change is not checked (the matching's own marking, scripts).
    CHECK(mine.setStatus(*id, outcomes::AskOfferStatus::Open).ok());
    CHECK(mine.item(*id)->rowVersion == 3);
}

TEST_CASE("A priority edited, removed or reordered from a stale list is refused, naming who changed it",
          "[store][server][concurrency][outcomes]") {
    const Engine engine = GENERATE(from_range(test::engines()));
    INFO(test::engineName(engine).toStdString());
    TwoPeople people(engine);
    FakeClock clock(QDateTime(QDate(2026, 11, 30), QTime(15, 40), Qt::UTC));
    outcomes::PriorityStore mine(*people.first, clock);
    outcomes::PriorityStore theirs(*people.second, clock);
    const qint64 group = people.f.groupA;
    auto first = mine.add(group, QStringLiteral("A regional pool of social workers"));
    auto second = mine.add(group, QStringLiteral("Shared placement commissioning"));
    auto third = mine.add(group, QStringLiteral("Peer audit of front door decisions"));
    REQUIRE((first.ok() && second.ok() && third.ok()));
    auto texts = [&] {
        QStringList out;
        auto list = theirs.ofGroup(group);
        REQUIRE(list.ok());
        for (const auto& p : *list) {
            out << p.text;
        }
        return out;
    };
    const QStringList original = texts();
    auto readByThem = theirs.ofGroup(group);
    REQUIRE(readByThem.ok());
    const auto& stale = *readByThem;
    REQUIRE(stale.size() == 3);
    CHECK(stale[0].listVersion == outcomes::listVersion(stale));

    // I rename the first; every change of theirs based on the list before it is refused.
    auto mineRead = mine.ofGroup(group);
    REQUIRE(mineRead.ok());
    REQUIRE(
        mine.edit(*first, QStringLiteral("One regional pool of social workers"), mineRead->front().rowVersion)
            .ok());
    const QDateTime changedAt = clock.utcNow();
    clock.advanceMinutes(4);

    auto edit = theirs.edit(*first, QStringLiteral("Their wording"), stale[0].rowVersion);
    REQUIRE_FALSE(edit.ok());
    CHECK(edit.error().kind == Error::Kind::Changed);
    CHECK(edit.message().contains(QStringLiteral("Priority %1 of group A was changed by %2 at %3")
                                      .arg(*first)
                                      .arg(people.first->userName(), localHhMm(changedAt))));
    auto removed = theirs.remove(*first, stale[0].rowVersion);
    REQUIRE_FALSE(removed.ok());
    CHECK(removed.error().kind == Error::Kind::Changed);
    auto reordered = theirs.reorder(group, {*third, *first, *second}, outcomes::listVersion(stale));
    REQUIRE_FALSE(reordered.ok());
    CHECK(reordered.error().kind == Error::Kind::Changed);
    CHECK(reordered.message().contains(QStringLiteral("The priorities of group A were changed by %1 at %2")
                                           .arg(people.first->userName(), localHhMm(changedAt))));
    QStringList renamed = original;
    renamed[0] = QStringLiteral("One regional pool of social workers");
    CHECK(texts() == renamed);

    // A new order I save makes their order from the list before it stale, though they list the same
    // priorities: it is refused, and mine stays.
    auto fresh = theirs.ofGroup(group);
    REQUIRE(fresh.ok());
    REQUIRE(mine.reorder(group, {*second, *first, *third}, fresh->front().listVersion).ok());
    auto theirOrder = theirs.reorder(group, {*third, *second, *first}, fresh->front().listVersion);
    REQUIRE_FALSE(theirOrder.ok());
    CHECK(theirOrder.error().kind == Error::Kind::Changed);
    CHECK(texts() == QStringList{original[1], renamed[0], original[2]});

    // A removal since makes an order of the list before it refused too, and nothing moves.
    auto beforeRemoval = theirs.ofGroup(group);
    REQUIRE(beforeRemoval.ok());
    REQUIRE(mine.remove(*second, beforeRemoval->front().rowVersion).ok());
    auto afterRemoval = theirs.reorder(group, {*third, *second, *first}, beforeRemoval->front().listVersion);
    REQUIRE_FALSE(afterRemoval.ok());
    CHECK(afterRemoval.error().kind == Error::Kind::Changed);
    CHECK(texts() == QStringList{renamed[0], original[2]});

    // Reloaded, their order goes through.
    auto now = theirs.ofGroup(group);
    REQUIRE(now.ok());
    REQUIRE(theirs.reorder(group, {*third, *first}, now->front().listVersion).ok());
    CHECK(texts() == QStringList{original[2], renamed[0]});
    // A store opened for reading only does not change a priority.
    auto readOnly = outcomes::PriorityStore(*people.second).edit(*third, QStringLiteral("No clock"));
    REQUIRE_FALSE(readOnly.ok());
    CHECK(readOnly.error().kind == Error::Kind::Failed);
}

TEST_CASE("On a server another connection's change to a note reaches the change feed, and its own do not",
          "[store][server][concurrency]") {
    if (test::testServer().isEmpty()) {
        WARN("No test server: the change feed is not tested on PostgreSQL.");
        return;
    }
    TwoPeople people(Engine::PostgreSQL);
    FakeClock clock(QDateTime(QDate(2026, 11, 24), QTime(11, 0), Qt::UTC));
    ChangeFeed feed(*people.first);
    REQUIRE(feed.isActive());
    QSignalSpy spy(&feed, &ChangeFeed::changed);

    // This program's own change first: it is not announced back to it.
    outcomes::ActionPlanStore mine(*people.first, clock);
    REQUIRE(mine.add(people.f.cycleId, people.f.kent, QStringLiteral("Audit the front door")).ok());
    // Then someone else's, on their connection.
    auto id =
        SessionNoteStore(*people.second, clock)
            .create(people.f.groupA, people.f.medway, QStringLiteral("# Medway\n\nDrafted.\n"), facilitator);
    REQUIRE(id.ok());

    // Notices come in commit order, so by the time theirs is here ours would have been too.
    auto tables = [&spy] {
        QStringList names;
        for (const auto& arguments : spy) {
            names << arguments.at(1).toString();
        }
        return names;
    };
    while (!tables().contains(QStringLiteral("session_note"))) {
        REQUIRE(spy.wait(10000));
    }
    CHECK_FALSE(tables().contains(QStringLiteral("plan_action")));
    for (const auto& arguments : spy) {
        CHECK(arguments.at(0).value<ChangeFeed::Area>() == ChangeFeed::Area::Notes);
    }
}

TEST_CASE("On a file the change feed does nothing", "[store][concurrency]") {
    test::FreshDatabase fresh(Engine::SQLite);
    auto db = fresh.open();
    ChangeFeed feed(*db);
    CHECK_FALSE(feed.isActive());
    CHECK(ChangeFeed::areaOf(QStringLiteral("plan_action_rag")) == ChangeFeed::Area::Outcomes);
    CHECK(ChangeFeed::areaOf(QStringLiteral("review_group")) == ChangeFeed::Area::Schedule);
    CHECK(ChangeFeed::areaOf(QStringLiteral("day_event")) == ChangeFeed::Area::Day);
}

TEST_CASE("A save cut off by a lost server connection is refused plainly, leaves nothing, and succeeds after",
          "[store][server][concurrency]") {
    if (test::testServer().isEmpty()) {
        WARN("No test server: a lost connection is not tested.");
        return;
    }
    TwoPeople people(Engine::PostgreSQL);
    FakeClock clock(QDateTime(QDate(2026, 11, 24), QTime(15, 0), Qt::UTC));
    SessionNoteStore mine(*people.first, clock);
    auto id =
        mine.create(people.f.groupA, people.f.kent, QStringLiteral("# Kent\n\nDrafted.\n"), facilitator);
    REQUIRE(id.ok());
    auto opened = mine.note(*id);
    REQUIRE(opened.ok());
    auto backend = sql::run(*people.first, QStringLiteral("SELECT pg_backend_pid()"));
    REQUIRE(backend.ok());
    REQUIRE(backend->next());
    const qint64 pid = backend->value(0).toLongLong();
    const QString text = QStringLiteral("# Kent\n\nThe facilitator's edit, typed over the dropped line.\n");

    // Half way through a save (its transaction begun, the claim written), the server ends the session.
    {
        Transaction tx(*people.first);
        REQUIRE(tx.isActive());
        REQUIRE(sql::run(*people.first,
                         QStringLiteral("UPDATE session_note SET changed_by = 'half' WHERE id = ?"), {*id})
                    .ok());
        REQUIRE(sql::run(*people.second, QStringLiteral("SELECT pg_terminate_backend(?)"), {pid}).ok());
        auto cut = mine.edit(*id, text, facilitator, opened->rowVersion);
        REQUIRE_FALSE(cut.ok());
        CHECK(cut.message().contains(QStringLiteral("connection to the server was lost")));
        CHECK_FALSE(tx.commit().ok());
    }
    // Nothing of it reached the server.
    SessionNoteStore theirs(*people.second, clock);
    CHECK(theirs.revisions(*id)->size() == 1);
    CHECK(theirs.note(*id)->rowVersion == opened->rowVersion);
    CHECK(theirs.note(*id)->changedBy != QStringLiteral("half"));

    // The next save connects again and goes through, whole.
    auto saved = mine.edit(*id, text, facilitator, opened->rowVersion);
    INFO((saved.ok() ? QString() : saved.message()).toStdString());
    REQUIRE(saved.ok());
    CHECK(theirs.revision(*id)->body == text);
    CHECK(theirs.note(*id)->rowVersion == opened->rowVersion + 1);
}
