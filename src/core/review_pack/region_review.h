#pragma once

#include "review_pack/dcs_review.h"
#include "support/result.h"

#include <memory>

namespace balcony {
class Clock;
class Database;

// A DCS's review of their own LA's session note straight from the region (docs/server.md, "A DCS on
// the server"), with the same window and rules as a review pack (dcs_review.h). Made for a DCS's
// login to a server region, where PostgreSQL's row-level security shows that login its own LA's rows
// alone (migration 12); it works the same on a region file, which is how the tests run it on both
// engines.
//
// The note is the LA's newest one that was sent for review. What was sent is read from the region
// (the revision the last "sent" step names, its group, due date and the group's LA names); the
// working amendment lives in dcs_amendment (migration 15), one row replaced by each save, for the
// revision last sent only, removed by the step that ends the sending; the answer is recorded as a
// returned pack's is (SessionNoteStore::recordReturn, under a new answer id, one answer per sending):
// "return" adds the DCS's revision (status amended), "agree" the agreed step. A note the facilitator
// has sent again, edited, or recorded an answer for since it was read is not overwritten: the save or
// step is refused (Error::Kind::Changed) with a sentence saying so, and state() shows the note as it
// is now.
//
// Borrows db and clock, which must outlive the review. NotFound when the LA has no note sent for
// review yet (the message names the LA); another error when the region cannot be read.
Result<std::unique_ptr<DcsReview>> openRegionReview(Database& db, const Clock& clock, qint64 authorityId);

} // namespace balcony
