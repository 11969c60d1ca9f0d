#include "outcomes/matching.h"

#include "engine/clock.h"
#include "outcomes/text_similarity.h"
#include "questions/question_bank.h"
#include "store/database.h"
#include "store/sql.h"
#include "store/transaction.h"

#include <algorithm>

namespace balcony::outcomes {

QString MatchSuggestion::reason() const {
    QStringList parts;
    if (sameTheme) {
        parts << QStringLiteral("same theme: %1").arg(ask.theme.trimmed());
    }
    if (!sharedWords.isEmpty()) {
        parts << QStringLiteral("shared words: %1").arg(sharedWords.join(QStringLiteral(", ")));
    }
    return parts.join(QStringLiteral("; "));
}

std::vector<MatchSuggestion> suggestMatches(const std::vector<AskOffer>& items, const MatchOptions& options,
                                            const std::set<std::pair<qint64, qint64>>& decided) {
    std::vector<QString> documents;
    documents.reserve(items.size());
    for (const auto& item : items) {
        documents.push_back(item.text);
    }
    const text::TfIdf vectors(documents);
    struct Scored {
        double score;
        double cosine;
        bool sameTheme;
        std::size_t offer;
    };
    std::vector<QString> themeKeys;
    themeKeys.reserve(items.size());
    for (const auto& item : items) {
        themeKeys.push_back(questions::themeKey(item.theme));
    }
    std::vector<MatchSuggestion> out;
    for (std::size_t a = 0; a < items.size(); ++a) {
        if (items[a].kind != NoteKind::Ask) {
            continue;
        }
        std::vector<Scored> scored;
        for (std::size_t o = 0; o < items.size(); ++o) {
            if (items[o].kind != NoteKind::Offer || items[o].authorityId == items[a].authorityId ||
                decided.count({items[a].itemId, items[o].itemId}) != 0) {
                continue;
            }
            const bool sameTheme = !themeKeys[a].isEmpty() && themeKeys[a] == themeKeys[o];
            const double cosine = vectors.cosine(a, o);
            const double score =
                (1.0 - options.themeWeight) * cosine + (sameTheme ? options.themeWeight : 0.0);
            if (score >= options.threshold && score > 0) {
                scored.push_back({score, cosine, sameTheme, o});
            }
        }
        // The ask's best first (ties by the offer's id), then only as many as wanted.
        std::stable_sort(scored.begin(), scored.end(), [&](const Scored& l, const Scored& r) {
            return l.score != r.score ? l.score > r.score : items[l.offer].itemId < items[r.offer].itemId;
        });
        if (options.perAsk > 0 && scored.size() > static_cast<std::size_t>(options.perAsk)) {
            scored.resize(static_cast<std::size_t>(options.perAsk));
        }
        for (const auto& s : scored) {
            MatchSuggestion suggestion;
            suggestion.ask = items[a];
            suggestion.offer = items[s.offer];
            suggestion.score = s.score;
            suggestion.wordSimilarity = s.cosine;
            suggestion.sameTheme = s.sameTheme;
            suggestion.sharedWords = vectors.sharedWords(a, s.offer);
            out.push_back(std::move(suggestion));
        }
    }
    std::sort(out.begin(), out.end(), [](const MatchSuggestion& l, const MatchSuggestion& r) {
        if (l.score != r.score) {
            return l.score > r.score;
        }
        return l.ask.itemId != r.ask.itemId ? l.ask.itemId < r.ask.itemId : l.offer.itemId < r.offer.itemId;
    });
    return out;
}

QString toKey(FollowUpStatus status) {
    return status == FollowUpStatus::Done ? QStringLiteral("done") : QStringLiteral("open");
}

MatchStore::MatchStore(Database& db, const Clock& clock)
    : m_db(db)
    , m_clock(clock) {}

Result<std::vector<MatchSuggestion>> MatchStore::suggestions(qint64 cycleId,
                                                             const MatchOptions& options) const {
    auto items = AskOfferRegister(m_db, m_clock).list(cycleId);
    if (!items) {
        return items.error();
    }
    auto decided = sql::run(m_db, QStringLiteral("SELECT ask_item_id, offer_item_id FROM match_decision"));
    if (!decided) {
        return decided.error();
    }
    std::set<std::pair<qint64, qint64>> seen;
    while (decided->next()) {
        seen.insert({decided->value(0).toLongLong(), decided->value(1).toLongLong()});
    }
    auto all = suggestMatches(*items, options, seen);
    return all;
}

Result<qint64> MatchStore::decide(qint64 askItemId, qint64 offerItemId, const QString& decision) {
    AskOfferRegister items(m_db, m_clock);
    auto ask = items.item(askItemId);
    if (!ask) {
        return ask.error();
    }
    auto offer = items.item(offerItemId);
    if (!offer) {
        return offer.error();
    }
    if (ask->kind != NoteKind::Ask || offer->kind != NoteKind::Offer) {
        return failure(
            Error::Kind::InvalidInput,
            QStringLiteral("A match pairs an ask with an offer: item %1 must be an ask and item %2 "
                           "an offer. Nothing was changed.")
                .arg(askItemId)
                .arg(offerItemId));
    }
    if (ask->authorityId == offer->authorityId) {
        return failure(
            Error::Kind::InvalidInput,
            QStringLiteral("Both items are %1's: a match pairs two different LAs. Nothing was changed.")
                .arg(ask->authorityName));
    }
    auto sameCycle =
        sql::run(m_db, QStringLiteral("SELECT count(DISTINCT cycle_id) FROM review_group WHERE id IN (?, ?)"),
                 {ask->groupId, offer->groupId});
    if (!sameCycle) {
        return sameCycle.error();
    }
    if (sameCycle->next() && sameCycle->value(0).toInt() != 1) {
        return failure(
            Error::Kind::InvalidInput,
            QStringLiteral("The ask and the offer belong to different cycles. Nothing was changed."));
    }
    auto existing = sql::run(
        m_db,
        QStringLiteral("SELECT decision FROM match_decision WHERE ask_item_id = ? AND offer_item_id = ?"),
        {askItemId, offerItemId});
    if (!existing) {
        return existing.error();
    }
    if (existing->next()) {
        return failure(Error::Kind::Conflict,
                       QStringLiteral("The match of ask %1 with offer %2 was %3 already.")
                           .arg(askItemId)
                           .arg(offerItemId)
                           .arg(existing->value(0).toString()));
    }
    auto id = sql::run(
        m_db,
        QStringLiteral("INSERT INTO match_decision(ask_item_id, offer_item_id, decision, decided_at_utc) "
                       "VALUES (?, ?, ?, ?) RETURNING id"),
        {askItemId, offerItemId, decision, m_clock.utcNow().toUTC().toString(Qt::ISODateWithMs)});
    if (!id) {
        return id.error();
    }
    if (!id->next()) {
        return failure(Error::Kind::Failed, QStringLiteral("The decision was not recorded."));
    }
    return id->value(0).toLongLong();
}

Result<qint64> MatchStore::confirm(qint64 askItemId, qint64 offerItemId, const QString& owner,
                                   const QDate& due) {
    if (owner.trimmed().isEmpty()) {
        return failure(
            Error::Kind::InvalidInput,
            QStringLiteral("A confirmed match needs an owner who sees it through. Nothing was changed."));
    }
    Transaction tx(m_db);
    if (!tx.isActive()) {
        return tx.error();
    }
    auto match = decide(askItemId, offerItemId, QStringLiteral("confirmed"));
    if (!match) {
        return match.error();
    }
    auto followUp = sql::run(
        m_db, QStringLiteral("INSERT INTO follow_up(match_id, owner, due_on) VALUES (?, ?, ?) RETURNING id"),
        {*match, owner.trimmed(), sql::isoDate(due)});
    if (!followUp) {
        return followUp.error();
    }
    if (!followUp->next()) {
        return failure(Error::Kind::Failed, QStringLiteral("The follow-up was not recorded."));
    }
    const qint64 followUpId = followUp->value(0).toLongLong();
    followUp->finish();
    AskOfferRegister items(m_db, m_clock);
    for (qint64 item : {askItemId, offerItemId}) {
        if (auto marked = items.setStatus(item, AskOfferStatus::Matched); !marked) {
            return marked.error();
        }
    }
    if (auto saved = tx.commit(); !saved) {
        return saved.error();
    }
    return followUpId;
}

Status MatchStore::dismiss(qint64 askItemId, qint64 offerItemId) {
    auto decided = decide(askItemId, offerItemId, QStringLiteral("dismissed"));
    return decided ? Status{} : Status{decided.error()};
}

Result<std::vector<FollowUp>> MatchStore::followUps(qint64 cycleId) const {
    auto rows = sql::run(
        m_db,
        QStringLiteral(
            "SELECT f.id, m.ask_item_id, m.offer_item_id, aa.name, oa.name, f.owner, f.due_on, f.status "
            "FROM follow_up f JOIN match_decision m ON m.id = f.match_id "
            "JOIN note_item ai ON ai.id = m.ask_item_id JOIN note_item oi ON oi.id = m.offer_item_id "
            "JOIN authority aa ON aa.id = ai.authority_id JOIN authority oa ON oa.id = oi.authority_id "
            "JOIN review_group g ON g.id = ai.group_id WHERE g.cycle_id = ? ORDER BY f.id"),
        {cycleId});
    if (!rows) {
        return rows.error();
    }
    std::vector<FollowUp> out;
    while (rows->next()) {
        FollowUp f;
        f.id = rows->value(0).toLongLong();
        f.askItemId = rows->value(1).toLongLong();
        f.offerItemId = rows->value(2).toLongLong();
        f.askingAuthority = rows->value(3).toString();
        f.offeringAuthority = rows->value(4).toString();
        f.owner = rows->value(5).toString();
        f.due = sql::dateFrom(rows->value(6));
        f.status = rows->value(7).toString() == u"done" ? FollowUpStatus::Done : FollowUpStatus::Open;
        out.push_back(std::move(f));
    }
    return out;
}

Status MatchStore::setFollowUpStatus(qint64 followUpId, FollowUpStatus status) {
    auto updated = sql::run(m_db, QStringLiteral("UPDATE follow_up SET status = ? WHERE id = ? RETURNING id"),
                            {toKey(status), followUpId});
    if (!updated) {
        return updated.error();
    }
    if (!updated->next()) {
        return failure(Error::Kind::NotFound, QStringLiteral("There is no follow-up %1.").arg(followUpId));
    }
    return {};
}

} // namespace balcony::outcomes
