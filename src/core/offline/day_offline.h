#pragma once

#include "support/result.h"

#include <QDateTime>
#include <QString>

namespace balcony {
class Clock;
class Database;

namespace offline {

// A day offline at the venue (docs/server.md, "A day offline at the venue"). The facilitator takes
// one group's day out of the region (a PostgreSQL server or a region file) into a new region file of
// its own, runs the day on that file with the console as usual, and brings the day's work back.
//
// Confidential by construction: the file is built from the group's own rows alone (the cycle, the
// group, its members and lead reviewers, the people of those LAs and the group's facilitator, their
// self-assessment records, the group's day plan and template, its day log, notes and day question
// answers) plus the region's question bank. Nothing of another group or another LA is ever written
// to it; it is never a copy of the region with the rest deleted.
//
// Both ends keep a record (migration 13): the file says where it came from (CheckoutOrigin), the
// region says that the day went out and whether it came back.

// The record a file taken offline keeps of where it came from.
struct CheckoutOrigin {
    QString checkoutId; // 32 random hexadecimal digits, also recorded in the region
    QString source;     // the region's location as shown (a file's path, a URL without a password)
    QString cycleName;
    QString groupLabel;
    qint64 groupId = 0; // the group's id in the region (the file keeps the region's ids)
    QDateTime checkedOutUtc;
};

// What checkOut wrote.
struct Checkout {
    CheckoutOrigin origin;
    QString file; // absolute path
    int authorities = 0;
    int events = 0; // day events already in the region's log (a rehearsal, an earlier start)
    int items = 0;  // notes and captured items already made
};

// Writes the day of the group (cycle by name, group by label) from source into a new region file at
// file (created by Database::open with create, the same schema), and records the checkout in source,
// stamped with clock's UTC now. Refuses, writing nothing anywhere: a file that exists already, an
// address instead of a file name (InvalidInput), an unknown cycle or group (NotFound), a source
// opened read-only (ReadOnly). When the file was written but the region could not record the
// checkout, the file is removed again and the error says why.
Result<Checkout> checkOut(Database& source, const QString& cycleName, const QString& groupLabel,
                          const QString& file, const Clock& clock);

// The file's record of where it came from; InvalidInput, naming the file, when it is not a day taken
// offline (a region file of its own, or one that was never checked out).
Result<CheckoutOrigin> originOf(Database& file);

// What bringing a day back merges (or merged) into the region.
struct CheckinSummary {
    CheckoutOrigin origin;
    QString file;
    int events = 0;           // day events recorded on the file since it was taken out
    int items = 0;            // notes and captured items (asks, offers, actions ...) made on the day
    int revisions = 0;        // note revisions: of those new items and of items that existed before
    int answers = 0;          // day question answers changed (focus themes of an LA, ratings, plenary)
    QString describe() const; // one plain sentence, "Group 1 of 2022-2023: 12 day events, ..."
};

// Reads what checkIn would merge, and refuses as checkIn does, writing nothing.
Result<CheckinSummary> previewCheckIn(Database& source, Database& file);

// Merges into source, in ONE transaction, what was done on the file since the checkout: the day's
// events, the notes and captured items with their revisions, and changed day question answers.
// Ids of new rows are the source's own (INSERT ... RETURNING); references are mapped. The log and
// revisions are append-only, so the merge is a union: what the region had at checkout is not added
// again. Records the checkout as brought back (clock's UTC now).
//
// Refuses, changing nothing: a file that is not a day taken offline (InvalidInput); a checkout the
// source has no record of, taken from another region (InvalidInput, naming where the file came
// from); one brought back already (Conflict); a day also run on the source since the checkout, that
// is events of the group recorded there after it (Conflict). A file from a newer Balcony is refused
// when it is opened (Database::open, Error::Kind::TooNew).
Result<CheckinSummary> checkIn(Database& source, Database& file, const Clock& clock);

} // namespace offline
} // namespace balcony
