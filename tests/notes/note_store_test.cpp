#include "helpers/temp_dir.h"
#include "notes/note_fixture.h"
#include "notes/note_store.h"
#include "store/sql.h"

#include <QSqlQuery>
#include <catch2/catch.hpp>

using namespace balcony;

namespace {

struct Day {
    test::TempDir dir;
    QString path = dir.path(QStringLiteral("region.balcony"));
    std::unique_ptr<Database> db;
    test::NoteFixture f;

    Day() {
        auto opened = Database::open(path, {.create = true});
        REQUIRE(opened.ok());
        db = std::move(*opened);
        f = test::makeNoteFixture(*db);
    }
};

NoteContent content(NoteKind kind, const QString& text, const QString& theme = {},
                    std::optional<int> block = {}) {
    return NoteContent{kind, theme, block, text};
}

int count(Database& db, const QString& table) {
    auto q = sql::run(db, QStringLiteral("SELECT count(*) FROM ") + table);
    REQUIRE(q.ok());
    REQUIRE(q->next());
    return q->value(0).toInt();
}

} // namespace

TEST_CASE("A captured item is the group's current item with its kind, theme and block", "[notes]") {
    Day day;
    NoteStore notes(*day.db);
    auto id = notes.capture(day.f.groupA, day.f.medway,
                            content(NoteKind::Strength, QStringLiteral("Stable front door team"),
                                    QStringLiteral("workforce"), 3));
    REQUIRE(id.ok());

    auto items = notes.current(day.f.groupA);
    REQUIRE(items.ok());
    REQUIRE(items->size() == 1);
    const NoteItem& item = items->front();
    CHECK(item.id == *id);
    CHECK(item.authorityId == day.f.medway);
    CHECK(item.current.number == 1);
    CHECK_FALSE(item.current.deleted);
    CHECK(item.current.content.kind == NoteKind::Strength);
    CHECK(item.current.content.theme == QStringLiteral("workforce"));
    CHECK(item.current.content.blockIndex == 3);
    CHECK(item.current.content.text == QStringLiteral("Stable front door team"));
    CHECK(notes.current(day.f.groupB)->empty());
}

TEST_CASE("Revising an item shows the latest text and keeps every earlier one in its history", "[notes]") {
    Day day;
    NoteStore notes(*day.db);
    auto id =
        notes.capture(day.f.groupA, day.f.kent, content(NoteKind::Insight, QStringLiteral("first words")));
    REQUIRE(id.ok());
    auto second = notes.revise(
        *id, content(NoteKind::Action, QStringLiteral("second words"), QStringLiteral("budget")));
    REQUIRE(second.ok());
    CHECK(*second == 2);

    auto items = notes.current(day.f.groupA);
    REQUIRE(items->size() == 1);
    CHECK(items->front().current.content.text == QStringLiteral("second words"));
    CHECK(items->front().current.content.kind == NoteKind::Action);

    auto history = notes.history(*id);
    REQUIRE(history.ok());
    REQUIRE(history->size() == 2);
    CHECK((*history)[0].number == 1);
    CHECK((*history)[0].content.text == QStringLiteral("first words"));
    CHECK((*history)[1].content.text == QStringLiteral("second words"));
    CHECK((*history)[1].content.theme == QStringLiteral("budget"));
}

TEST_CASE("Deleting an item hides it from the list and records the deletion in its history", "[notes]") {
    Day day;
    NoteStore notes(*day.db);
    auto kept =
        notes.capture(day.f.groupA, day.f.kent, content(NoteKind::Ask, QStringLiteral("help with audits")));
    auto gone = notes.capture(day.f.groupA, day.f.kent, content(NoteKind::Offer, QStringLiteral("typo")));
    REQUIRE(kept.ok());
    REQUIRE(gone.ok());

    auto deleted = notes.remove(*gone);
    REQUIRE(deleted.ok());
    CHECK(*deleted == 2);

    auto items = notes.current(day.f.groupA);
    REQUIRE(items->size() == 1);
    CHECK(items->front().id == *kept);
    auto history = notes.history(*gone);
    REQUIRE(history->size() == 2);
    CHECK(history->back().deleted);
    CHECK(history->back().content.text == QStringLiteral("typo"));
}

TEST_CASE("A deleted item cannot be revised or deleted again, and nothing is written", "[notes]") {
    Day day;
    NoteStore notes(*day.db);
    auto id = notes.capture(day.f.groupA, day.f.kent, content(NoteKind::Note, QStringLiteral("x")));
    REQUIRE(notes.remove(*id).ok());
    const int before = count(*day.db, QStringLiteral("note_revision"));

    auto revised = notes.revise(*id, content(NoteKind::Note, QStringLiteral("y")));
    REQUIRE_FALSE(revised.ok());
    CHECK(revised.error().kind == Error::Kind::Conflict);
    CHECK_FALSE(notes.remove(*id).ok());
    CHECK(count(*day.db, QStringLiteral("note_revision")) == before);
}

TEST_CASE("The list can be narrowed to one LA and to one kind", "[notes]") {
    Day day;
    NoteStore notes(*day.db);
    REQUIRE(notes.capture(day.f.groupA, day.f.kent, content(NoteKind::Ask, QStringLiteral("k ask"))).ok());
    REQUIRE(
        notes.capture(day.f.groupA, day.f.kent, content(NoteKind::Offer, QStringLiteral("k offer"))).ok());
    REQUIRE(notes.capture(day.f.groupA, day.f.surrey, content(NoteKind::Ask, QStringLiteral("s ask"))).ok());

    auto kentOnly = notes.current(day.f.groupA, {.authorityId = day.f.kent, .kind = {}});
    REQUIRE(kentOnly->size() == 2);
    auto asks = notes.current(day.f.groupA, {.authorityId = 0, .kind = NoteKind::Ask});
    REQUIRE(asks->size() == 2);
    CHECK((*asks)[0].current.content.text == QStringLiteral("k ask"));
    CHECK((*asks)[1].current.content.text == QStringLiteral("s ask"));
    auto surreyOffers = notes.current(day.f.groupA, {.authorityId = day.f.surrey, .kind = NoteKind::Offer});
    CHECK(surreyOffers->empty());
}

TEST_CASE("A captured item is on disk for a fresh connection the moment capture returns", "[notes]") {
    Day day;
    NoteStore notes(*day.db);
    auto id =
        notes.capture(day.f.groupA, day.f.surrey, content(NoteKind::Reflection, QStringLiteral("saved")));
    REQUIRE(id.ok());
    auto revised = notes.revise(*id, content(NoteKind::Reflection, QStringLiteral("saved again")));
    REQUIRE(revised.ok());

    // A second connection sees only what was committed.
    auto reader = Database::open(day.path, {.readOnly = true});
    REQUIRE(reader.ok());
    auto seen = NoteStore(**reader).history(*id);
    REQUIRE(seen.ok());
    REQUIRE(seen->size() == 2);
    CHECK(seen->back().content.text == QStringLiteral("saved again"));
}

TEST_CASE("Revisions are stamped in UTC by the clock the store was given", "[notes]") {
    Day day;
    QDateTime now(QDate(2026, 11, 23), QTime(10, 15), Qt::UTC);
    NoteStore notes(*day.db, [&now] { return now; });
    auto id = notes.capture(day.f.groupA, day.f.kent, content(NoteKind::Note, QStringLiteral("a")));
    now = now.addSecs(90);
    REQUIRE(notes.revise(*id, content(NoteKind::Note, QStringLiteral("b"))).ok());

    auto history = notes.history(*id);
    CHECK((*history)[0].savedAtUtc == QDateTime(QDate(2026, 11, 23), QTime(10, 15), Qt::UTC));
    CHECK((*history)[1].savedAtUtc == QDateTime(QDate(2026, 11, 23), QTime(10, 16, 30), Qt::UTC));
    CHECK(notes.item(*id)->capturedAtUtc == (*history)[0].savedAtUtc);
}

TEST_CASE("Capturing for an LA outside the group is refused and writes nothing", "[notes]") {
    Day day;
    NoteStore notes(*day.db);
    auto id =
        notes.capture(day.f.groupA, day.f.brighton, content(NoteKind::Note, QStringLiteral("wrong group")));
    REQUIRE_FALSE(id.ok());
    CHECK(id.error().kind == Error::Kind::InvalidInput);
    CHECK(count(*day.db, QStringLiteral("note_item")) == 0);
    CHECK(count(*day.db, QStringLiteral("note_revision")) == 0);
}

TEST_CASE("Capturing blank text, a negative block or into a missing group is refused and writes nothing",
          "[notes]") {
    Day day;
    NoteStore notes(*day.db);
    CHECK(notes.capture(day.f.groupA, day.f.kent, content(NoteKind::Note, QStringLiteral("  \n")))
              .error()
              .kind == Error::Kind::InvalidInput);
    CHECK(notes.capture(day.f.groupA, day.f.kent, content(NoteKind::Note, QStringLiteral("x"), {}, -1))
              .error()
              .kind == Error::Kind::InvalidInput);
    CHECK(notes.capture(9999, day.f.kent, content(NoteKind::Note, QStringLiteral("x"))).error().kind ==
          Error::Kind::NotFound);
    CHECK(count(*day.db, QStringLiteral("note_item")) == 0);
    CHECK(count(*day.db, QStringLiteral("note_revision")) == 0);
}

TEST_CASE("Revising with blank text or an unknown item is refused and writes nothing", "[notes]") {
    Day day;
    NoteStore notes(*day.db);
    auto id = notes.capture(day.f.groupA, day.f.kent, content(NoteKind::Note, QStringLiteral("x")));
    REQUIRE(id.ok());
    CHECK(notes.revise(*id, content(NoteKind::Note, QString())).error().kind == Error::Kind::InvalidInput);
    CHECK(notes.revise(*id + 100, content(NoteKind::Note, QStringLiteral("y"))).error().kind ==
          Error::Kind::NotFound);
    CHECK(notes.history(*id + 100).error().kind == Error::Kind::NotFound);
    CHECK(count(*day.db, QStringLiteral("note_revision")) == 1);
}

TEST_CASE("The schema refuses an unknown kind even from code that bypasses the store", "[notes][schema]") {
    Day day;
    NoteStore notes(*day.db);
    auto id = notes.capture(day.f.groupA, day.f.kent, content(NoteKind::Note, QStringLiteral("x")));
    REQUIRE(id.ok());
    auto inserted =
        sql::run(*day.db,
                 QStringLiteral("INSERT INTO note_revision(item_id, number, saved_at_utc, kind, body) "
                                "VALUES (?, 2, '2026-11-23T10:00:00.000Z', 'gossip', 'x')"),
                 {*id});
    REQUIRE_FALSE(inserted.ok());
    CHECK(inserted.error().kind == Error::Kind::Conflict);
    CHECK(count(*day.db, QStringLiteral("note_revision")) == 1);
}

TEST_CASE("The schema refuses changing or removing a saved revision", "[notes][schema]") {
    Day day;
    NoteStore notes(*day.db);
    auto id = notes.capture(day.f.groupA, day.f.kent, content(NoteKind::Note, QStringLiteral("original")));
    REQUIRE(id.ok());
    CHECK_FALSE(sql::run(*day.db, QStringLiteral("UPDATE note_revision SET body = 'rewritten'")).ok());
    CHECK_FALSE(sql::run(*day.db, QStringLiteral("DELETE FROM note_revision")).ok());
    CHECK_FALSE(
        sql::run(*day.db, QStringLiteral("UPDATE note_item SET authority_id = ?"), {day.f.medway}).ok());
    CHECK(notes.item(*id)->current.content.text == QStringLiteral("original"));
}

TEST_CASE("An LA with notes cannot be removed from its group, nor the group deleted", "[notes][schema]") {
    Day day;
    NoteStore notes(*day.db);
    REQUIRE(notes.capture(day.f.groupA, day.f.surrey, content(NoteKind::Note, QStringLiteral("x"))).ok());
    ScheduleStore schedule(*day.db);
    CHECK_FALSE(schedule.setMembers(day.f.groupA, {day.f.kent, day.f.medway}).ok());
    CHECK_FALSE(schedule.removeGroup(day.f.groupA).ok());
    CHECK(notes.current(day.f.groupA)->size() == 1);
    // Members without notes can still be changed.
    CHECK(schedule.setMembers(day.f.groupB, {day.f.brighton}).ok());
}

TEST_CASE("Note kinds round-trip through their keys and unknown keys are refused", "[notes]") {
    for (const auto& key : noteKindKeys()) {
        auto kind = noteKindFromKey(key);
        REQUIRE(kind.has_value());
        CHECK(toKey(*kind) == key);
    }
    CHECK(noteKindKeys().size() == 7);
    CHECK_FALSE(noteKindFromKey(QStringLiteral("gossip")).has_value());
    CHECK_FALSE(noteKindFromKey(QString()).has_value());
}

TEST_CASE("A working revision is rewritten in place until it is sealed, and a sealed one never changes",
          "[notes]") {
    Day day;
    NoteStore notes(*day.db);
    auto first = notes.saveWorking(day.f.groupA, day.f.medway, 0,
                                   content(NoteKind::Note, QStringLiteral("Ea"), {}, 2));
    REQUIRE(first.ok());
    CHECK(first->number == 1);
    auto again = notes.saveWorking(day.f.groupA, day.f.medway, first->itemId,
                                   content(NoteKind::Note, QStringLiteral("Early help"), {}, 2));
    REQUIRE(again.ok());
    CHECK(again->number == 1);
    auto history = notes.history(first->itemId);
    REQUIRE(history.ok());
    REQUIRE(history->size() == 1);
    CHECK(history->front().working);
    CHECK(history->front().content.text == QStringLiteral("Early help"));

    REQUIRE(notes.seal(first->itemId).ok());
    auto next = notes.saveWorking(day.f.groupA, day.f.medway, first->itemId,
                                  content(NoteKind::Note, QStringLiteral("Early help works"), {}, 2));
    REQUIRE(next.ok());
    CHECK(next->number == 2);
    // A revision through revise() seals the working one before it.
    REQUIRE(notes.revise(first->itemId, content(NoteKind::Note, QStringLiteral("Edited"), {}, 2)).ok());
    history = notes.history(first->itemId);
    REQUIRE(history.ok());
    REQUIRE(history->size() == 3);
    CHECK_FALSE(history->at(0).working);
    CHECK_FALSE(history->at(1).working);
    CHECK(history->at(1).content.text == QStringLiteral("Early help works"));
    CHECK_FALSE(history->at(2).working);

    // The schema itself refuses a change to a sealed revision.
    auto direct = sql::run(
        *day.db, QStringLiteral("UPDATE note_revision SET body = 'x' WHERE item_id = ? AND number = 1"),
        {first->itemId});
    CHECK_FALSE(direct.ok());
}
