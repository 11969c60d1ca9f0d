#include "engine/engine_fixture.h"
#include "questions/day_questions.h"
#include "store/sql.h"

#include <catch2/catch.hpp>

// What the facilitator records from the question bank during a day: focus themes and ratings per
// presenting LA, the plenary's answers per group; the schema itself refuses a rating outside 0..10.
using namespace balcony;
using namespace balcony::questions;

namespace {

qint64 memberId(test::EngineRegion& region, int position) {
    auto id =
        sql::run(*region.db,
                 QStringLiteral("SELECT authority_id FROM group_member WHERE group_id = ? AND position = ?"),
                 {region.groupId, position});
    REQUIRE(id.ok());
    REQUIRE(id->next());
    return id->value(0).toLongLong();
}

} // namespace

TEST_CASE("Focus themes, ratings and plenary answers are stored and read back after a restart",
          "[questions][day]") {
    test::EngineRegion region{test::triadNames()};
    const qint64 slough = memberId(region, 0);
    const qint64 reading = memberId(region, 1);
    {
        DayQuestions store(*region.db);
        REQUIRE(store
                    .setFocusThemes(region.groupId, slough,
                                    {QStringLiteral("Budget"), QStringLiteral(" budget."),
                                     QStringLiteral(" "), QStringLiteral("Workforce")})
                    .ok());
        REQUIRE(store.setRating(region.groupId, slough, QStringLiteral("How confident?"), 7).ok());
        REQUIRE(store.setRating(region.groupId, slough, QStringLiteral("How confident?"), 8).ok());
        REQUIRE(store.setRating(region.groupId, slough, QStringLiteral("How sure?"), 0).ok());
        REQUIRE(store
                    .setPlenaryAnswer(region.groupId, QStringLiteral("Key learning?"),
                                      QStringLiteral("Early help\nfirst."))
                    .ok());
    }
    region.reopen();
    DayQuestions store(*region.db);
    CHECK(*store.focusThemes(region.groupId, slough) ==
          QStringList{QStringLiteral("Budget"), QStringLiteral("Workforce")});
    CHECK(store.focusThemes(region.groupId, reading)->isEmpty()); // another LA's session has its own
    const auto ratings = *store.ratings(region.groupId, slough);
    CHECK(ratings.size() == 2);
    CHECK(ratings.at(QStringLiteral("How confident?")) == 8);
    CHECK(ratings.at(QStringLiteral("How sure?")) == 0);
    CHECK(store.ratings(region.groupId, reading)->empty());
    CHECK(store.plenaryAnswers(region.groupId)->at(QStringLiteral("Key learning?")) ==
          QStringLiteral("Early help\nfirst."));

    REQUIRE(store.clearRating(region.groupId, slough, QStringLiteral("How sure?")).ok());
    CHECK(store.ratings(region.groupId, slough)->size() == 1);
    REQUIRE(store.setFocusThemes(region.groupId, slough, {}).ok());
    CHECK(store.focusThemes(region.groupId, slough)->isEmpty());
    REQUIRE(
        store.setPlenaryAnswer(region.groupId, QStringLiteral("Key learning?"), QStringLiteral("  ")).ok());
    CHECK(store.plenaryAnswers(region.groupId)->empty()); // a blank answer forgets it
}

TEST_CASE("A rating outside 0 to 10 is refused by the store and by the schema itself", "[questions][day]") {
    test::EngineRegion region{test::triadNames()};
    const qint64 slough = memberId(region, 0);
    DayQuestions store(*region.db);
    for (int wrong : {11, -1}) {
        const auto refused = store.setRating(region.groupId, slough, QStringLiteral("How confident?"), wrong);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().kind == Error::Kind::InvalidInput);
        // Plain SQL, as another program might write: the CHECK in the schema refuses it.
        auto direct =
            sql::run(*region.db,
                     QStringLiteral("INSERT INTO question_rating (group_id, authority_id, question, "
                                    "rating) VALUES (?, ?, 'How confident?', ?)"),
                     {region.groupId, slough, wrong});
        REQUIRE_FALSE(direct.ok());
        CHECK(direct.error().kind == Error::Kind::Conflict);
    }
    for (int right : {0, 10}) {
        CHECK(sql::run(
                  *region.db,
                  QStringLiteral("INSERT OR REPLACE INTO question_rating (group_id, authority_id, question, "
                                 "rating) VALUES (?, ?, 'How confident?', ?)"),
                  {region.groupId, slough, right})
                  .ok());
    }
    CHECK(store.ratings(region.groupId, slough)->at(QStringLiteral("How confident?")) == 10);
    // A rating for an LA outside the group is refused too.
    CHECK_FALSE(store.setRating(region.groupId, 999999, QStringLiteral("How confident?"), 5).ok());
}

TEST_CASE("One group's plenary answers are never shown for another group", "[questions][day]") {
    test::EngineRegion region{test::triadNames()};
    auto created =
        sql::run(*region.db,
                 QStringLiteral("INSERT INTO review_group (cycle_id, label, held_on, uid) SELECT cycle_id, "
                                "'B', held_on, 'group-b-uid' FROM review_group WHERE id = ? RETURNING id"),
                 {region.groupId});
    REQUIRE(created.ok());
    REQUIRE(created->next());
    const qint64 other = created->value(0).toLongLong();
    created->finish();

    DayQuestions store(*region.db);
    REQUIRE(
        store.setPlenaryAnswer(region.groupId, QStringLiteral("Key learning?"), QStringLiteral("Ours")).ok());
    REQUIRE(store.setPlenaryAnswer(other, QStringLiteral("Key learning?"), QStringLiteral("Theirs")).ok());
    CHECK(store.plenaryAnswers(region.groupId)->at(QStringLiteral("Key learning?")) ==
          QStringLiteral("Ours"));
    CHECK(store.plenaryAnswers(other)->at(QStringLiteral("Key learning?")) == QStringLiteral("Theirs"));
    REQUIRE(store.setPlenaryAnswer(other, QStringLiteral("Key learning?"), QString()).ok());
    CHECK(store.plenaryAnswers(other)->empty());
    CHECK(store.plenaryAnswers(region.groupId)->size() == 1);
}
