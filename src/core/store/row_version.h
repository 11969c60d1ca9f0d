#pragma once

#include "support/result.h"

#include <QDateTime>
#include <QString>
#include <optional>

namespace balcony {
class Clock;
class Database;
} // namespace balcony

// Optimistic concurrency for what two people may edit at the same time on a server (docs/server.md,
// "Working at the same time"): session notes and action plan items carry a row version, raised by
// one with every change, and who made the last change and when (migration 14; the asks and offers
// register and the groups' priorities since migration 16). A save carries the
// version it was based on; the row is claimed with
//     UPDATE t SET row_version = row_version + 1, changed_by = ?, changed_at_utc = ?
//     WHERE id = ? AND row_version = ?
// and no row updated means someone else saved first: the save is refused, nothing is written, and
// the caller keeps the user's text (never a silent overwrite).
namespace balcony::rowversion {

// Who changed a row last, and the version that change made.
struct Stamp {
    int version = 0;
    QString changedBy;      // Database::userName() of the program that saved
    QDateTime changedAtUtc; // invalid when the row was never changed since migration 14
};

// Claims row id of table (a name this program spells, never user input) for a change, inside the
// caller's transaction: raises its version by one and records db.userName() and the clock's time.
// With basedOn, the claim holds only if the row is still at that version; otherwise the result is
// Error::Kind::Changed, with the message "<what> was changed by NAME at HH:MM (local time, by the
// clock) after you opened it ..." (what: e.g. "The session note for Kent"). NotFound when there is
// no such row. Returns the row's new version.
Result<int> claim(Database& db, const Clock& clock, const QString& table, qint64 id,
                  std::optional<int> basedOn, const QString& what);
// The same for a table whose key column is not id (ask_offer_state's item_id).
Result<int> claim(Database& db, const Clock& clock, const QString& table, const QString& keyColumn, qint64 id,
                  std::optional<int> basedOn, const QString& what);

// The refusal claim() returns, for a stamp read from the row.
Error changedError(const QString& what, const Stamp& stamp);

} // namespace balcony::rowversion
