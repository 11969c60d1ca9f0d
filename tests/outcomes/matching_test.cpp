#include "outcomes/matching.h"
#include "outcomes/outcome_fixture.h"
#include "store/sql.h"

#include <QJsonArray>
#include <catch2/catch.hpp>

using namespace balcony;
using namespace balcony::outcomes;

namespace {

using Pair = std::pair<qint64, qint64>;

std::vector<Pair> pairsOf(const QJsonObject& fixture, const char* key, const std::map<QString, qint64>& ids) {
    std::vector<Pair> out;
    for (const auto& value : fixture.value(QLatin1String(key)).toArray()) {
        const auto pair = value.toArray();
        out.emplace_back(ids.at(pair[0].toString()), ids.at(pair[1].toString()));
    }
    return out;
}

const MatchSuggestion* find(const std::vector<MatchSuggestion>& suggestions, Pair pair) {
    for (const auto& s : suggestions) {
        if (s.ask.itemId == pair.first && s.offer.itemId == pair.second) {
            return &s;
        }
    }
    return nullptr;
}

int rankForAsk(const std::vector<MatchSuggestion>& suggestions, Pair pair) {
    int rank = 0;
    for (const auto& s : suggestions) {
        if (s.ask.itemId == pair.first) {
            ++rank;
            if (s.offer.itemId == pair.second) {
                return rank;
            }
        }
    }
    return 0;
}

} // namespace

TEST_CASE("Matching finds the fixture's true matches and leaves the unrelated pairs out",
          "[outcomes][matching]") {
    test::OutcomeRegion region;
    const auto ids = region.addFixtureItems();
    const auto fixture = test::asksOffersFixture();
    REQUIRE(fixture.value(QStringLiteral("items")).toArray().size() >= 44);
    auto suggestions = MatchStore(*region.db, region.clock).suggestions(region.cycle);
    REQUIRE(suggestions.ok());

    for (const auto& pair : pairsOf(fixture, "trueMatches", ids)) {
        const auto* found = find(*suggestions, pair);
        INFO("ask " << pair.first << " with offer " << pair.second);
        REQUIRE(found != nullptr);
        CHECK(found->score >= MatchOptions{}.threshold);
        // The true offer is among the first three suggested for its ask.
        CHECK(rankForAsk(*suggestions, pair) <= 3);
        CHECK_FALSE(found->reason().isEmpty());
    }
    for (const auto& pair : pairsOf(fixture, "unrelated", ids)) {
        INFO("ask " << pair.first << " with offer " << pair.second);
        CHECK(find(*suggestions, pair) == nullptr);
    }
    for (const auto& pair : pairsOf(fixture, "sameLa", ids)) {
        CHECK(find(*suggestions, pair) == nullptr);
    }
    for (const auto& s : *suggestions) {
        CHECK(s.ask.authorityId != s.offer.authorityId);
        CHECK(s.ask.kind == NoteKind::Ask);
        CHECK(s.offer.kind == NoteKind::Offer);
    }
    // Best first.
    for (std::size_t i = 1; i < suggestions->size(); ++i) {
        CHECK((*suggestions)[i - 1].score >= (*suggestions)[i].score);
    }
}

TEST_CASE("A suggestion's reason names the shared theme and the shared words", "[outcomes][matching]") {
    test::OutcomeRegion region;
    const auto ids = region.addFixtureItems();
    auto suggestions = MatchStore(*region.db, region.clock).suggestions(region.cycle);
    REQUIRE(suggestions.ok());
    const auto* academy = find(*suggestions, {ids.at(QStringLiteral("A09")), ids.at(QStringLiteral("O09"))});
    REQUIRE(academy != nullptr);
    CHECK(academy->sameTheme);
    const QString reason = academy->reason();
    CHECK(reason.startsWith(QStringLiteral("same theme: workforce; shared words: ")));
    CHECK(reason.contains(QStringLiteral("academy")));
    CHECK(reason.contains(QStringLiteral("qualified")));
    CHECK_FALSE(reason.contains(QStringLiteral(" the,"))); // stop words are not "shared words"

    // Similar words under different themes still match, and the reason says only the words.
    std::vector<AskOffer> items = {
        {1,
         NoteKind::Ask,
         1,
         QStringLiteral("A"),
         10,
         QStringLiteral("Kent"),
         QStringLiteral("budget"),
         QStringLiteral("Foster carer recruitment"),
         AskOfferStatus::Open,
         {},
         {}},
        {2,
         NoteKind::Offer,
         1,
         QStringLiteral("A"),
         11,
         QStringLiteral("Medway"),
         QStringLiteral("workforce"),
         QStringLiteral("Recruiting foster carers"),
         AskOfferStatus::Open,
         {},
         {}},
    };
    const auto pure = suggestMatches(items);
    REQUIRE(pure.size() == 1);
    CHECK_FALSE(pure.front().sameTheme);
    CHECK(pure.front().reason() == QStringLiteral("shared words: carer, foster, recruitment"));
}

TEST_CASE("An ask and an offer of the same LA are never suggested, confirmed or stored as a match",
          "[outcomes][matching]") {
    test::OutcomeRegion region;
    const auto ids = region.addFixtureItems();
    const qint64 ask = ids.at(QStringLiteral("A01"));
    const qint64 ownOffer = ids.at(QStringLiteral("O23"));
    MatchStore matches(*region.db, region.clock);
    auto refused = matches.confirm(ask, ownOffer, QStringLiteral("Programme office"), {});
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == Error::Kind::InvalidInput);
    CHECK(refused.message().contains(QStringLiteral("Kent")));
    // The schema says so too, whatever program writes.
    auto plain =
        sql::run(*region.db,
                 QStringLiteral("INSERT INTO match_decision(ask_item_id, offer_item_id, decision, "
                                "decided_at_utc) VALUES (?, ?, 'confirmed', '2026-11-30T12:00:00.000Z')"),
                 {ask, ownOffer});
    CHECK_FALSE(plain.ok());
    auto count = sql::run(*region.db, QStringLiteral("SELECT count(*) FROM match_decision"));
    REQUIRE(count.ok());
    REQUIRE(count->next());
    CHECK(count->value(0).toInt() == 0);
}

TEST_CASE("A confirmed match becomes a follow-up and a dismissed one is not suggested again",
          "[outcomes][matching]") {
    test::OutcomeRegion region;
    const auto ids = region.addFixtureItems();
    MatchStore matches(*region.db, region.clock);
    const Pair academy{ids.at(QStringLiteral("A09")), ids.at(QStringLiteral("O09"))};
    const Pair foster{ids.at(QStringLiteral("A14")), ids.at(QStringLiteral("O14"))};

    auto followUp =
        matches.confirm(academy.first, academy.second, QStringLiteral("Priya Shah"), QDate(2027, 3, 31));
    REQUIRE(followUp.ok());
    REQUIRE(matches.dismiss(foster.first, foster.second).ok());

    auto suggestions = matches.suggestions(region.cycle);
    REQUIRE(suggestions.ok());
    CHECK(find(*suggestions, academy) == nullptr);
    CHECK(find(*suggestions, foster) == nullptr);

    auto followUps = matches.followUps(region.cycle);
    REQUIRE(followUps.ok());
    REQUIRE(followUps->size() == 1);
    const auto& f = followUps->front();
    CHECK(f.id == *followUp);
    CHECK(f.askingAuthority == QStringLiteral("Oxfordshire"));
    CHECK(f.offeringAuthority == QStringLiteral("Milton Keynes"));
    CHECK(f.owner == QStringLiteral("Priya Shah"));
    CHECK(f.due == QDate(2027, 3, 31));
    CHECK(f.status == FollowUpStatus::Open);

    AskOfferRegister items(*region.db, region.clock);
    CHECK(items.item(academy.first)->status == AskOfferStatus::Matched);
    CHECK(items.item(academy.second)->status == AskOfferStatus::Matched);
    CHECK(items.item(foster.first)->status == AskOfferStatus::Open);

    // Deciding twice is refused and changes nothing.
    auto again = matches.confirm(academy.first, academy.second, QStringLiteral("Someone else"), {});
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().kind == Error::Kind::Conflict);
    CHECK(matches.followUps(region.cycle)->front().owner == QStringLiteral("Priya Shah"));

    // An owner is required; an offer cannot stand as the ask.
    CHECK(matches
              .confirm(ids.at(QStringLiteral("A01")), ids.at(QStringLiteral("O01")), QStringLiteral("  "), {})
              .error()
              .kind == Error::Kind::InvalidInput);
    CHECK(
        matches.confirm(ids.at(QStringLiteral("O01")), ids.at(QStringLiteral("O02")), QStringLiteral("X"), {})
            .error()
            .kind == Error::Kind::InvalidInput);

    REQUIRE(matches.setFollowUpStatus(*followUp, FollowUpStatus::Done).ok());
    CHECK(matches.followUps(region.cycle)->front().status == FollowUpStatus::Done);
}

TEST_CASE("Each ask gets at most five suggestions and a decided pair makes room for the next",
          "[outcomes][matching]") {
    std::vector<AskOffer> items;
    items.push_back({1,
                     NoteKind::Ask,
                     1,
                     QStringLiteral("A"),
                     10,
                     QStringLiteral("Kent"),
                     QStringLiteral("workforce"),
                     QStringLiteral("Keeping experienced social workers"),
                     AskOfferStatus::Open,
                     {},
                     {}});
    for (qint64 i = 0; i < 7; ++i) {
        // Offer 2 says the most in common with the ask; the rest share only the theme.
        items.push_back({2 + i,
                         NoteKind::Offer,
                         1,
                         QStringLiteral("A"),
                         11 + i,
                         QStringLiteral("LA %1").arg(i),
                         QStringLiteral("workforce"),
                         i == 0 ? QStringLiteral("Keeping experienced social workers in post")
                                : QStringLiteral("Offer %1").arg(i),
                         AskOfferStatus::Open,
                         {},
                         {}});
    }
    auto five = suggestMatches(items);
    REQUIRE(five.size() == 5);
    CHECK(five.front().offer.itemId == 2);
    CHECK(five.back().offer.itemId == 6); // equal scores: by the offer's id

    auto afterDismissal = suggestMatches(items, {}, {{1, 2}});
    REQUIRE(afterDismissal.size() == 5);
    CHECK(afterDismissal.front().offer.itemId == 3);
    CHECK(afterDismissal.back().offer.itemId == 7);

    MatchOptions unlimited;
    unlimited.perAsk = 0;
    CHECK(suggestMatches(items, unlimited).size() == 7);
}
