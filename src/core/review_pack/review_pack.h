#pragma once

#include "notes/session_note_types.h" // fingerprintOf: a revision's fingerprint (notes contract)
#include "support/result.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QUuid>
#include <QVariant>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

// A review pack: the small SQLite file that carries one LA's session note to its DCS and brings
// the DCS's answer back (issue 10, "The DCS's review, in Balcony"; format in docs/review-pack.md).
//
// A pack is built from scratch from a ReviewPackContents value, never copied from the region file:
// a copy with the other LAs deleted would keep their text in free pages. It holds exactly what the
// notes contract lists (docs/review-pack.md) and nothing of any other LA but the group's LA names.
namespace balcony {

// The suffix a pack's file name ends with, for file dialogs and "note send".
inline constexpr char reviewPackSuffix[] = ".balcony-review";

// What the facilitator sends: one LA's note, at one revision. All text is plain UTF-8 text; the
// body is the note's Markdown exactly as stored in the region.
struct ReviewPackContents {
    QUuid packUuid; // chosen by the sender (recorded in the region, so that an import is matched once)
    QString regionName;
    QString cycleName;
    QString groupLabel;
    QDate groupDate;
    QString authorityName;       // the LA whose note this is
    qint64 authorityId = 0;      // its id in the region
    qint64 noteId = 0;           // the note's id in the region
    int revisionNumber = 0;      // the revision sent (1, 2, 3 ...)
    QString revisionFingerprint; // lower-case hex SHA-256 of the body's UTF-8 bytes
    QString revisionBody;
    QDate dueDate;                // when the DCS's answer is due
    QStringList groupAuthorities; // the names of the group's LAs, in the order shown
};

// A file name for contents' pack, "CYCLE - LA.balcony-review", with the characters file systems
// refuse (/ \ : * ? " < > | and control characters) replaced by "-". A name only, no folder.
QString reviewPackFileName(const ReviewPackContents& contents);

enum class PackDecision {
    None,     // the DCS has not answered yet
    Agreed,   // the DCS agreed the revision sent
    Returned, // the DCS sent the note back with amendments
};

// The DCS's working amendment: the text they would send back, by whom and when it was last saved.
struct PackAmendment {
    QString body;
    QString dcsName;
    QDateTime savedAtUtc;
};

// Everything a pack says: what was sent and the DCS's answer so far.
struct ReviewPackState {
    int formatVersion = 0;
    ReviewPackContents sent;
    std::optional<PackAmendment> amendment; // the working (or, once returned, the returned) one
    PackDecision decision = PackDecision::None;
    QString decidedBy;
    QDateTime decidedAtUtc;
    QString agreedFingerprint; // for Agreed: the fingerprint of the revision agreed (the one sent)
};

// Writes a new pack at path. The file is built under a temporary name beside path (owner-only,
// 0600), committed with synchronous FULL and renamed into place, so path never holds half a pack.
// Refused, with nothing written: contents that break the contract (no UUID, an empty body or name, a
// revision below 1, a fingerprint that is not the body's, invalid dates), and, unless replace is
// set, an existing path. With replace an existing file is replaced atomically.
Status createPack(const QString& path, const ReviewPackContents& contents, bool replace = false);

// One open pack, as the DCS's Balcony holds it. Every change is committed before it returns (a
// rollback journal, synchronous FULL, PRAGMA secure_delete=ON: replaced text is overwritten with
// zeros, not left in free pages). Move-only; closes the file when destroyed.
//
// The amendment rule: a pack holds at most one working amendment. saveAmendment() replaces it
// (the previous text is overwritten and gone); saving the body exactly as sent, or
// discardAmendment(), removes it. returnWithAmendments() sends the working amendment back; agree()
// agrees the revision as sent and is refused while an amendment is waiting (return it or discard
// it first). After either decision every change is refused, here and by the pack's own triggers.
// whenUtc is the caller's clock reading (a UtcClock, std::function<QDateTime()>, in the front ends);
// nothing here reads the system clock. A change refused because another Balcony answered the pack
// meanwhile says so, and state() then shows that answer.
class ReviewPack final {
public:
    struct Options {
        bool readOnly = false; // open without writing even when the file could be written
    };

    ReviewPack(ReviewPack&&) noexcept;
    ReviewPack& operator=(ReviewPack&&) noexcept;
    ~ReviewPack();

    const QString& path() const;
    // True when opened read-only, asked for or because the file or its folder cannot be written;
    // readOnlyReason() then says so in a sentence naming the file (empty when asked for).
    bool isReadOnly() const;
    const QString& readOnlyReason() const;

    // The pack as last read or written; every change below updates it after its commit.
    const ReviewPackState& state() const;

    // Saves body as the DCS's working amendment (trimmed of nothing: stored exactly). Refused for an
    // empty body or name, an invalid time, a read-only pack, or a pack already decided.
    Status saveAmendment(const QString& body, const QString& dcsName, const QDateTime& whenUtc);
    // Removes the working amendment; nothing to do when there is none.
    Status discardAmendment();
    // Agrees the revision sent; refused while a working amendment is waiting.
    Status agree(const QString& dcsName, const QDateTime& whenUtc);
    // Sends the working amendment back; refused when there is none.
    Status returnWithAmendments(const QString& dcsName, const QDateTime& whenUtc);

    // Statements with their positional bindings, run in one transaction (review_pack.cpp).
    using Statements = std::vector<std::pair<QString, std::vector<QVariant>>>;

private:
    friend Result<ReviewPack> openPack(const QString& path, ReviewPack::Options options);
    struct Connection;
    explicit ReviewPack(std::unique_ptr<Connection> connection);
    Status refuseChange(const QString& what) const;
    Status reload();
    Status apply(const QString& what, const Statements& statements);

    std::unique_ptr<Connection> m_connection;
};

// Opens a pack. Refused with a message naming the file, changing nothing: a missing file, a folder,
// an unreadable or empty file, a file that is not SQLite, a region database ("this is a region
// file, not a review pack"), another program's SQLite file, a pack of a newer format, a damaged
// pack (SQLite's integrity_check, or contents that break the format's rules), and, read-only, a
// pack with an unfinished change's -journal beside it (only a writer can undo that change).
Result<ReviewPack> openPack(const QString& path, ReviewPack::Options options);
inline Result<ReviewPack> openPack(const QString& path) {
    return openPack(path, ReviewPack::Options{});
}

// What the facilitator's import needs from a returned pack, read without writing a byte.
// For Agreed: record the agreement of revision `revisionNumber` (fingerprint `revisionFingerprint`)
// by dcsName at decidedAtUtc. For Returned: record amendedBody as a new revision authored by
// dcsName at amendedAtUtc (its fingerprint amendedFingerprint), status amended. Either way the
// pack's UUID is recorded so that a second import is refused.
struct PackAnswer {
    QUuid packUuid;
    QString regionName;
    QString cycleName;
    QString groupLabel;
    QDate groupDate;
    QString authorityName;
    qint64 authorityId = 0;
    qint64 noteId = 0;
    int revisionNumber = 0;                     // the revision sent
    QString revisionFingerprint;                // the fingerprint sent (and, for Agreed, the one agreed)
    PackDecision decision = PackDecision::None; // Agreed or Returned, never None
    QString dcsName;                            // who decided
    QDateTime decidedAtUtc;
    QString amendedBody; // Returned only
    QString amendedBy;
    QDateTime amendedAtUtc;
    QString amendedFingerprint;
};

// Reads a pack the DCS has answered. Refused as openPack() refuses, and for a pack not yet agreed
// or returned ("the DCS has not answered yet").
Result<PackAnswer> readPackAnswer(const QString& path);

} // namespace balcony
