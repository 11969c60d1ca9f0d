#include "notes/note_store.h"
#include "outcomes/action_plan.h"
#include "outcomes/outcome_fixture.h"
#include "store/sql.h"

#include <catch2/catch.hpp>

using namespace balcony;
using namespace balcony::outcomes;

namespace {

qint64 addAction(test::OutcomeRegion& region, ActionPlanStore& plans, const char* la, const char* text,
                 const QDate& due = {}, qint64 cycle = 0) {
    auto id = plans.add(cycle ? cycle : region.cycle, region.la.at(QString::fromUtf8(la)),
                        QString::fromUtf8(text), QStringLiteral("Head of service"), due);
    REQUIRE(id.ok());
    return *id;
}

ActionChange doneChange() {
    ActionChange change;
    change.status = ActionStatus::Done;
    return change;
}

ActionChange emptyText() {
    ActionChange change;
    change.text = QString();
    return change;
}

int rows(Database& db, const char* table) {
    auto q = sql::run(db, QStringLiteral("SELECT count(*) FROM ") + QLatin1String(table));
    REQUIRE(q.ok());
    REQUIRE(q->next());
    return q->value(0).toInt();
}

} // namespace

TEST_CASE("A RAG rating needs a reason and every rating is kept", "[outcomes][actions]") {
    test::OutcomeRegion region;
    ActionPlanStore plans(*region.db, region.clock);
    const qint64 id = addAction(region, plans, "Kent", "Review the placement panel's terms of reference");

    auto refused = plans.rate(id, Rag::Red, QStringLiteral("   "));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == Error::Kind::InvalidInput);
    CHECK(refused.message().contains(QStringLiteral("reason")));
    CHECK_FALSE(plans.action(id)->rating.has_value());

    REQUIRE(plans.rate(id, Rag::Amber, QStringLiteral("Draft terms written, panel not yet met")).ok());
    region.clock.advanceMinutes(60 * 24 * 14);
    REQUIRE(plans.rate(id, Rag::Green, QStringLiteral("Panel agreed the new terms")).ok());
    const auto action = plans.action(id);
    REQUIRE(action->rating.has_value());
    CHECK(action->rating->rag == Rag::Green);
    CHECK(action->rating->reason == QStringLiteral("Panel agreed the new terms"));
    auto history = plans.ratings(id);
    REQUIRE(history->size() == 2);
    CHECK(history->front().rag == Rag::Amber);
    CHECK(history->front().ratedAtUtc < history->back().ratedAtUtc);
}

TEST_CASE("The schema refuses a RAG rating without a reason and a change to a rating given",
          "[outcomes][actions]") {
    test::OutcomeRegion region;
    ActionPlanStore plans(*region.db, region.clock);
    const qint64 id = addAction(region, plans, "Kent", "Publish the sufficiency strategy");
    REQUIRE(plans.rate(id, Rag::Amber, QStringLiteral("Consultation still open")).ok());

    for (const char* reason : {"''", "'   '", "NULL"}) {
        auto plain =
            sql::run(*region.db,
                     QStringLiteral("INSERT INTO plan_action_rag(action_id, rag, reason, rated_at_utc) "
                                    "VALUES (?, 'red', %1, '2026-11-30T12:00:00.000Z')")
                         .arg(QLatin1String(reason)),
                     {id});
        INFO(reason);
        CHECK_FALSE(plain.ok());
    }
    CHECK_FALSE(sql::run(*region.db, QStringLiteral("UPDATE plan_action_rag SET rag = 'green'")).ok());
    CHECK_FALSE(sql::run(*region.db, QStringLiteral("UPDATE plan_action_rag SET reason = ''")).ok());
    CHECK(rows(*region.db, "plan_action_rag") == 1);
    CHECK(plans.action(id)->rating->rag == Rag::Amber);
}

TEST_CASE("The monitoring list puts red, overdue and unrated actions first, by the Clock",
          "[outcomes][actions]") {
    test::OutcomeRegion region; // today is 2026-11-30
    ActionPlanStore plans(*region.db, region.clock);
    const qint64 green = addAction(region, plans, "Kent", "Green, due long ago", QDate(2026, 10, 1));
    const qint64 amber = addAction(region, plans, "Kent", "Amber, due later", QDate(2027, 2, 1));
    const qint64 unrated = addAction(region, plans, "Kent", "Unrated, due later", QDate(2027, 1, 15));
    const qint64 red = addAction(region, plans, "Kent", "Red, due later", QDate(2027, 6, 1));
    const qint64 done = addAction(region, plans, "Kent", "Done and red", QDate(2026, 9, 1));
    const qint64 soon = addAction(region, plans, "Kent", "Amber, due tomorrow", QDate(2026, 12, 1));
    REQUIRE(plans.rate(green, Rag::Green, QStringLiteral("On track")).ok());
    REQUIRE(plans.rate(amber, Rag::Amber, QStringLiteral("Slipping")).ok());
    REQUIRE(plans.rate(red, Rag::Red, QStringLiteral("No lead officer")).ok());
    REQUIRE(plans.rate(done, Rag::Red, QStringLiteral("Was stuck")).ok());
    REQUIRE(plans.rate(soon, Rag::Amber, QStringLiteral("Waiting for data")).ok());
    REQUIRE(plans.change(done, doneChange()).ok());

    const auto order = [&] {
        std::vector<qint64> ids;
        const auto listed = plans.list(region.cycle, region.la.at(QStringLiteral("Kent")));
        REQUIRE(listed.ok());
        for (const auto& a : *listed) {
            ids.push_back(a.id);
        }
        return ids;
    };
    // The green one is overdue, so it comes straight after the red; done comes last.
    CHECK(order() == std::vector<qint64>{red, green, unrated, soon, amber, done});
    auto list = plans.list(region.cycle);
    CHECK(list->at(1).overdue);
    CHECK_FALSE(list->at(5).overdue); // done is never overdue

    // Two days on, "due tomorrow" has become overdue and moves up.
    region.clock.advanceMinutes(2 * 24 * 60);
    CHECK(order() == std::vector<qint64>{red, green, soon, unrated, amber, done});
}

TEST_CASE("Open actions are carried into the LA's next cycle until done", "[outcomes][actions]") {
    test::OutcomeRegion region;
    ActionPlanStore plans(*region.db, region.clock);
    const qint64 open = addAction(region, plans, "Medway", "Launch the edge-of-care service",
                                  QDate(2026, 6, 1), region.lastCycle);
    const qint64 finished =
        addAction(region, plans, "Medway", "Appoint a principal social worker", {}, region.lastCycle);
    addAction(region, plans, "Kent", "Kent's own open action", {}, region.lastCycle);
    addAction(region, plans, "Medway", "This cycle's action", {}, region.cycle);
    REQUIRE(plans.change(finished, doneChange()).ok());
    REQUIRE(plans.rate(open, Rag::Amber, QStringLiteral("Funding agreed, staff not yet recruited")).ok());

    auto carried =
        plans.carriedForDay(region.group.at(QStringLiteral("A")), region.la.at(QStringLiteral("Medway")));
    REQUIRE(carried.ok());
    REQUIRE(carried->size() == 1);
    CHECK(carried->front().id == open);
    CHECK(carried->front().cycleName == QStringLiteral("2025-2026"));
    CHECK(carried->front().overdue);
    CHECK(carried->front().rating->reason == QStringLiteral("Funding agreed, staff not yet recruited"));
    // Nothing is carried backwards into the earlier cycle.
    CHECK(plans.carriedInto(region.lastCycle, region.la.at(QStringLiteral("Medway")))->empty());

    REQUIRE(plans.change(open, doneChange()).ok());
    CHECK(plans.carriedInto(region.cycle, region.la.at(QStringLiteral("Medway")))->empty());
}

TEST_CASE("The lead reviewer sees the action plan of the LA they reviewed", "[outcomes][actions]") {
    test::OutcomeRegion region; // in group A, Kent is reviewed by Medway, Medway by Surrey
    ActionPlanStore plans(*region.db, region.clock);
    const qint64 kent = addAction(region, plans, "Kent", "Kent's action");
    addAction(region, plans, "Medway", "Medway's action");
    auto view = plans.forLeadReviewer(region.cycle, region.la.at(QStringLiteral("Medway")));
    REQUIRE(view.ok());
    REQUIRE(view->size() == 1);
    CHECK(view->front().id == kent);
    CHECK(plans.forLeadReviewer(region.lastCycle, region.la.at(QStringLiteral("Medway")))->empty());
}

TEST_CASE("Action points captured on the day start the LA's plan once", "[outcomes][actions]") {
    test::OutcomeRegion region;
    NoteStore notes(*region.db);
    REQUIRE(
        notes
            .capture(region.group.at(QStringLiteral("B")), region.la.at(QStringLiteral("Reading")),
                     {NoteKind::Action, {}, std::nullopt, QStringLiteral("Refresh the early help strategy")})
            .ok());
    REQUIRE(notes
                .capture(region.group.at(QStringLiteral("B")), region.la.at(QStringLiteral("Reading")),
                         {NoteKind::Insight, {}, std::nullopt, QStringLiteral("Not an action")})
                .ok());
    ActionPlanStore plans(*region.db, region.clock);
    CHECK(*plans.addCapturedActionPoints(region.cycle) == 1);
    CHECK(*plans.addCapturedActionPoints(region.cycle) == 0);
    auto list = plans.list(region.cycle, region.la.at(QStringLiteral("Reading")));
    REQUIRE(list->size() == 1);
    CHECK(list->front().text == QStringLiteral("Refresh the early help strategy"));
    CHECK(list->front().sourceItemId != 0);

    // Refusals write nothing.
    CHECK_FALSE(plans.add(region.cycle, region.la.at(QStringLiteral("Reading")), QStringLiteral(" ")).ok());
    CHECK_FALSE(plans.change(list->front().id, emptyText()).ok());
    CHECK_FALSE(plans.addProgress(list->front().id, QStringLiteral("")).ok());
    CHECK(plans.action(12345).error().kind == Error::Kind::NotFound);
    CHECK(rows(*region.db, "plan_action") == 1);
    REQUIRE(plans.addProgress(list->front().id, QStringLiteral("Draft to the partnership board in January"))
                .ok());
    CHECK(plans.progress(list->front().id)->size() == 1);
}
