#pragma once

#include "notes/note_types.h"
#include "support/result.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <optional>
#include <vector>

namespace balcony {
class Clock;
class Database;
} // namespace balcony

// The cycle's register of asks (support an LA wants) and offers (practice it can share): every ask
// and offer captured at the cycle's days, and those added afterwards. Both are note items
// (notes/note_store.h), so an edit is a revision and the history stays readable; the register adds
// a status and, for an ask, the kind of help from the region's support menu (outcomes/support_menu.h).
// The texts are confidential to the LA and never logged.
namespace balcony::outcomes {

enum class AskOfferStatus { Open, Matched, Closed };
QString toKey(AskOfferStatus status); // "open", "matched", "closed"
std::optional<AskOfferStatus> askOfferStatusFromKey(const QString& key);

struct AskOffer {
    qint64 itemId = 0;
    NoteKind kind = NoteKind::Ask; // Ask or Offer
    qint64 groupId = 0;
    QString groupLabel;
    qint64 authorityId = 0;
    QString authorityName;
    QString theme; // as written; compare with questions::themeKey
    QString text;
    AskOfferStatus status = AskOfferStatus::Open;
    QString supportKind; // a support menu key, or empty; asks only
    QDateTime capturedAtUtc;
    // Raised by one with every change made through the register (wording, status, kind of help;
    // store/row_version.h); 0 when never changed there. Who made the last one (Database::userName())
    // and when (invalid: never).
    int rowVersion = 0;
    QString changedBy{};
    QDateTime changedAtUtc{};
};

struct RegisterFilter {
    std::optional<NoteKind> kind; // Ask or Offer; both when unset
    qint64 authorityId = 0;       // 0: every LA
    qint64 groupId = 0;           // 0: every group
    QString theme;                // empty: every theme; otherwise compared by themeKey
    std::optional<AskOfferStatus> status;
};

// Borrows the Database and the Clock, which must outlive it. Each write commits before it returns;
// a refusal writes nothing.
class AskOfferRegister final {
public:
    AskOfferRegister(Database& db, const Clock& clock);

    // The cycle's asks and offers that are not deleted, by group label, then capture order.
    Result<std::vector<AskOffer>> list(qint64 cycleId, const RegisterFilter& filter = {}) const;
    // One ask or offer; NotFound when there is none (or the item is another kind of note).
    Result<AskOffer> item(qint64 itemId) const;

    // An ask or offer added after the day, into the session of the LA's group in this cycle.
    // InvalidInput for another kind or empty text; NotFound when the LA is in no group of the cycle.
    Result<qint64> add(qint64 cycleId, qint64 authorityId, NoteKind kind, const QString& theme,
                       const QString& text);
    // The three edits below each raise the item's row version by one. With basedOnVersion (the
    // AskOffer::rowVersion the editor read) an edit is refused with Error::Kind::Changed, naming who
    // changed the item through the register and when, if any of them changed it since; nothing is
    // written, and the caller keeps what the user typed (docs/server.md, "Working at the same time").
    // Without it the edit is not checked. A revision written outside the register (the day's notes)
    // does not raise the version.

    // New theme and text, as a new revision of the note item; returns the revision's number.
    Result<int> edit(qint64 itemId, const QString& theme, const QString& text,
                     std::optional<int> basedOnVersion = std::nullopt);
    Status setStatus(qint64 itemId, AskOfferStatus status, std::optional<int> basedOnVersion = std::nullopt);
    // Tags an ask with a kind of help (a key of the region's menu), or clears the tag with an empty
    // key. InvalidInput for an offer or a key not in the menu (the message lists the menu's keys).
    Status setSupportKind(qint64 itemId, const QString& key,
                          std::optional<int> basedOnVersion = std::nullopt);

private:
    // Inside the caller's transaction: the item's register state row (made if missing), claimed.
    Result<int> claim(const AskOffer& item, std::optional<int> basedOnVersion);

    Database& m_db;
    const Clock& m_clock;
};

} // namespace balcony::outcomes
