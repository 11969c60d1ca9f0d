#pragma once

#include "outcomes/asks_offers.h"
#include "support/result.h"

#include <QDate>
#include <QString>
#include <QStringList>
#include <set>
#include <utility>
#include <vector>

namespace balcony {
class Clock;
class Database;
} // namespace balcony

// Suggested matches between an ask of one LA and an offer of another, and what the facilitator
// decides about them. A suggestion is explainable: its score is
//     score = (1 - themeWeight) x cosine(TF-IDF of the two texts) + themeWeight x (same theme ? 1 : 0)
// (outcomes/text_similarity.h), and its reason names the shared theme and the shared words.
namespace balcony::outcomes {

struct MatchOptions {
    double threshold = 0.2;   // suggestions scoring below this are left out
    double themeWeight = 0.3; // how much a shared theme counts against the words
    int perAsk = 5;           // at most this many suggestions for one ask, the best; 0: no limit
};

struct MatchSuggestion {
    AskOffer ask;
    AskOffer offer;
    double score = 0;          // 0..1
    double wordSimilarity = 0; // the cosine, 0..1
    bool sameTheme = false;
    QStringList sharedWords; // heaviest first, as written
    // "same theme: workforce; shared words: recruitment, social" (or "similar words: ..." alone).
    QString reason() const;
};

// The pairs of an ask and an offer of two different LAs scoring at least the threshold, at most
// perAsk for each ask (its best), best first (ties: ask, then offer, by item id). Pure; the IDF is
// taken over all the items given. Pairs in `decided` (ask id, offer id) are left out before the
// limit is applied, so a dismissed pair makes room for the next best.
std::vector<MatchSuggestion> suggestMatches(const std::vector<AskOffer>& items,
                                            const MatchOptions& options = {},
                                            const std::set<std::pair<qint64, qint64>>& decided = {});

enum class FollowUpStatus { Open, Done };
QString toKey(FollowUpStatus status); // "open", "done"

// What a confirmed match became: the two LAs, who sees it through, by when, and how far it got.
struct FollowUp {
    qint64 id = 0;
    qint64 askItemId = 0;
    qint64 offerItemId = 0;
    QString askingAuthority;
    QString offeringAuthority;
    QString owner;
    QDate due; // invalid when none was set
    FollowUpStatus status = FollowUpStatus::Open;
};

// Borrows the Database and the Clock (which stamps decisions), which must outlive it.
class MatchStore final {
public:
    MatchStore(Database& db, const Clock& clock);

    // The cycle's suggestions that nobody has confirmed or dismissed yet.
    Result<std::vector<MatchSuggestion>> suggestions(qint64 cycleId, const MatchOptions& options = {}) const;
    // Confirms a match and makes it a follow-up; both items become "matched". Refused (InvalidInput)
    // unless the first is an ask and the second an offer of another LA in the same cycle, with an
    // owner; Conflict when the pair was decided already. Returns the follow-up's id.
    Result<qint64> confirm(qint64 askItemId, qint64 offerItemId, const QString& owner, const QDate& due);
    // Dismisses a suggestion, so it is not suggested again.
    Status dismiss(qint64 askItemId, qint64 offerItemId);
    Result<std::vector<FollowUp>> followUps(qint64 cycleId) const;
    Status setFollowUpStatus(qint64 followUpId, FollowUpStatus status);

private:
    Result<qint64> decide(qint64 askItemId, qint64 offerItemId, const QString& decision);

    Database& m_db;
    const Clock& m_clock;
};

} // namespace balcony::outcomes
