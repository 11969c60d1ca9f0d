#include "notes/note_store.h"
#include "outcomes/asks_offers.h"
#include "outcomes/outcome_fixture.h"
#include "outcomes/support_menu.h"

#include <catch2/catch.hpp>

using namespace balcony;
using namespace balcony::outcomes;

TEST_CASE("The shipped support menu lists the seven kinds of help", "[outcomes][register]") {
    auto menu = defaultSupportMenu();
    REQUIRE(menu.ok());
    REQUIRE(menu->size() == 7);
    QStringList keys;
    for (const auto& kind : *menu) {
        keys << kind.key;
        CHECK_FALSE(kind.label.isEmpty());
        CHECK_FALSE(kind.description.isEmpty());
    }
    CHECK(keys.contains(QStringLiteral("further-peer-challenge")));
    CHECK(keys.contains(QStringLiteral("national-bodies")));
    CHECK(keys.contains(QStringLiteral("self-assessment-moderation")));
}

TEST_CASE("A region edits its support menu and asks are tagged from it", "[outcomes][register]") {
    test::OutcomeRegion region;
    const auto ids = region.addFixtureItems();
    AskOfferRegister items(*region.db, region.clock);
    const qint64 ask = ids.at(QStringLiteral("A15"));
    REQUIRE(items.setSupportKind(ask, QStringLiteral("self-assessment-moderation")).ok());
    CHECK(items.item(ask)->supportKind == QStringLiteral("self-assessment-moderation"));

    auto offer = items.setSupportKind(ids.at(QStringLiteral("O15")), QStringLiteral("national-bodies"));
    REQUIRE_FALSE(offer.ok());
    CHECK(offer.message().contains(QStringLiteral("offer")));

    // The region's own menu replaces the default; an unknown key is refused with the menu's keys.
    REQUIRE(setSupportMenu(*region.db, {{QStringLiteral("buddy"), QStringLiteral("A buddy LA"), {}}}).ok());
    auto unknown = items.setSupportKind(ask, QStringLiteral("national-bodies"));
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.message().contains(QStringLiteral("buddy")));
    CHECK(items.item(ask)->supportKind == QStringLiteral("self-assessment-moderation"));
    REQUIRE(items.setSupportKind(ask, QStringLiteral("Buddy")).ok());
    CHECK(items.item(ask)->supportKind == QStringLiteral("buddy"));

    auto twice = setSupportMenu(*region.db, {{QStringLiteral("a"), QStringLiteral("One"), {}},
                                             {QStringLiteral("A"), QStringLiteral("Two"), {}}});
    REQUIRE_FALSE(twice.ok());
    CHECK(twice.message().contains(QStringLiteral("entry 2")));
    CHECK(supportMenu(*region.db)->size() == 1);
    REQUIRE(setSupportMenu(*region.db, {}).ok());
    CHECK(supportMenu(*region.db)->size() == 7);
}

TEST_CASE("The register filters by LA, group, theme, kind and status", "[outcomes][register]") {
    test::OutcomeRegion region;
    const auto ids = region.addFixtureItems();
    AskOfferRegister items(*region.db, region.clock);
    CHECK(items.list(region.cycle)->size() == 45);
    RegisterFilter filter;
    filter.kind = NoteKind::Ask;
    CHECK(items.list(region.cycle, filter)->size() == 22);

    filter = {};
    filter.authorityId = region.la.at(QStringLiteral("Kent"));
    auto kent = items.list(region.cycle, filter);
    REQUIRE(kent.ok());
    CHECK(kent->size() == 5); // A01, A13, O02, O16, O23
    for (const auto& item : *kent) {
        CHECK(item.authorityName == QStringLiteral("Kent"));
    }
    filter = {};
    filter.groupId = region.group.at(QStringLiteral("C"));
    auto groupC = items.list(region.cycle, filter);
    CHECK(groupC->size() == 13);
    for (const auto& item : *groupC) {
        CHECK(item.groupLabel == QStringLiteral("C"));
    }
    filter = {};
    filter.theme = QStringLiteral(" BUDGET ");
    auto budget = items.list(region.cycle, filter);
    REQUIRE(budget.ok());
    CHECK(budget->size() == 5); // A04, A14, O04, O14, O22

    REQUIRE(items.setStatus(ids.at(QStringLiteral("A04")), AskOfferStatus::Closed).ok());
    filter = {};
    filter.status = AskOfferStatus::Closed;
    auto closed = items.list(region.cycle, filter);
    REQUIRE(closed->size() == 1);
    CHECK(closed->front().itemId == ids.at(QStringLiteral("A04")));
    // Another cycle's register is its own.
    CHECK(items.list(region.lastCycle)->empty());
}

TEST_CASE("An ask added after the day is a note item of the LA's session and edits are revisions",
          "[outcomes][register]") {
    test::OutcomeRegion region;
    AskOfferRegister items(*region.db, region.clock);
    auto id = items.add(region.cycle, region.la.at(QStringLiteral("Reading")), NoteKind::Ask,
                        QStringLiteral("workforce"),
                        QStringLiteral("Help to set up a principal social worker network"));
    REQUIRE(id.ok());
    auto item = items.item(*id);
    CHECK(item->groupLabel == QStringLiteral("B"));
    CHECK(item->status == AskOfferStatus::Open);
    REQUIRE(
        items.edit(*id, QStringLiteral("learning culture"), QStringLiteral("A principal social worker forum"))
            .ok());
    auto history = NoteStore(*region.db).history(*id);
    REQUIRE(history.ok());
    REQUIRE(history->size() == 2);
    CHECK(history->front().content.text ==
          QStringLiteral("Help to set up a principal social worker network"));
    CHECK(items.item(*id)->theme == QStringLiteral("learning culture"));

    // Refusals write nothing.
    CHECK(items
              .add(region.cycle, region.la.at(QStringLiteral("Reading")), NoteKind::Strength, {},
                   QStringLiteral("x"))
              .error()
              .kind == Error::Kind::InvalidInput);
    CHECK(items
              .add(region.cycle, region.la.at(QStringLiteral("Reading")), NoteKind::Offer, {},
                   QStringLiteral("  "))
              .error()
              .kind == Error::Kind::InvalidInput);
    CHECK(items.list(region.cycle)->size() == 1);
}
