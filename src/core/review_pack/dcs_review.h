#pragma once

#include "review_pack/review_pack.h"
#include "support/result.h"

#include <QDateTime>
#include <QString>
#include <memory>

// What the DCS's window works on (issue 10's review, issue 13's server): one LA's session note as it
// was sent for review, the DCS's working amendment, and their answer. Two kinds:
//  - a review pack file (review_pack.h), sent by e-mail and returned the same way;
//  - the note itself in a region on a PostgreSQL server, read and answered by the DCS's own login
//    (region_review.h), where the server shows that login nothing of another LA.
// Both keep the same rules: at most one working amendment, replaced by each save; agreeing the note as
// sent is refused while an amendment waits; after an answer nothing changes. Every change is committed
// before it returns; a refusal changes nothing and says why in a sentence a DCS can act on. whenUtc is
// the caller's clock reading (UTC); nothing here reads the system clock.
namespace balcony {

class DcsReview {
public:
    virtual ~DcsReview() = default;

    // True for the note in the region itself (a server's, or a region file's), false for a pack file.
    virtual bool isInRegion() const = 0;
    // Where the note is, as the window names it: the pack file's path, or the region's address
    // (Location::shown(): never a password).
    virtual QString where() const = 0;
    // The note as sent, the working amendment and the answer, as last read or written.
    virtual const ReviewPackState& state() const = 0;
    // True when nothing may be changed here (a read-only pack or login); readOnlyReason() says why,
    // or is empty when read-only was asked for.
    virtual bool isReadOnly() const = 0;
    virtual QString readOnlyReason() const = 0;

    virtual Status saveAmendment(const QString& body, const QString& dcsName, const QDateTime& whenUtc) = 0;
    virtual Status discardAmendment() = 0;
    virtual Status agree(const QString& dcsName, const QDateTime& whenUtc) = 0;
    virtual Status returnWithAmendments(const QString& dcsName, const QDateTime& whenUtc) = 0;
    // Reads the note again (someone else may have answered or sent it again); an error leaves
    // state() as it was.
    virtual Status reload() = 0;
};

// The review of an open pack; owns it.
std::unique_ptr<DcsReview> reviewOfPack(ReviewPack pack);

} // namespace balcony
