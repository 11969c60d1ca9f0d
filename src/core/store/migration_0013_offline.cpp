#include "store/dialect.h"
#include "store/migrations.h"

// A day taken offline (docs/server.md, "A day offline at the venue"; offline/day_offline.h). A
// facilitator copies one group's day from the region (a server or a file) into a region file of its
// own, runs the day on it at the venue, and brings the day's work back. Both ends keep a record:
//  - the region, one row per day taken out (day_checkout): the random checkout id, the group, where
//    the file was written, when (UTC), the group's latest day event at that moment (a later event in
//    the region means someone else ran the day there meanwhile), and when it came back;
//  - the file, one row saying where it came from (day_checkout_origin): the same id, the region's
//    shown location (never a password), the cycle and group, when, the highest ids copied (what is
//    above them was made on the day), and as JSON (at_checkout) the day's question answers and the
//    working note revisions as they were, so that only what changed on the day is brought back.
namespace balcony::migrations {

Migration dayCheckout() {
    return {13,
            {
                QStringLiteral(R"(CREATE TABLE day_checkout (
            checkout_id TEXT PRIMARY KEY CHECK (length(checkout_id) = 32),
            group_id INTEGER NOT NULL REFERENCES review_group(id) ON DELETE CASCADE,
            file TEXT NOT NULL,
            checked_out_at_utc TEXT NOT NULL CHECK (length(checked_out_at_utc) >= 20),
            last_event_id INTEGER NOT NULL CHECK (last_event_id >= 0),
            checked_in_at_utc TEXT CHECK (checked_in_at_utc IS NULL OR length(checked_in_at_utc) >= 20)
        ))"),
                QStringLiteral("CREATE INDEX day_checkout_group ON day_checkout(group_id)"),
                QStringLiteral(R"(CREATE TABLE day_checkout_origin (
            checkout_id TEXT PRIMARY KEY CHECK (length(checkout_id) = 32),
            source TEXT NOT NULL CHECK (length(source) > 0),
            cycle_name TEXT NOT NULL,
            group_label TEXT NOT NULL,
            group_id INTEGER NOT NULL,
            checked_out_at_utc TEXT NOT NULL CHECK (length(checked_out_at_utc) >= 20),
            last_event_id INTEGER NOT NULL CHECK (last_event_id >= 0),
            last_item_id INTEGER NOT NULL CHECK (last_item_id >= 0),
            last_revision_id INTEGER NOT NULL CHECK (last_revision_id >= 0),
            at_checkout TEXT NOT NULL DEFAULT '{}'
        ))"),
                // On a server, a login sees the checkouts of the groups it sees (migration 12's policy
                // on review_group binds the subquery); a file's origin row is the file's own.
                dialect::serverOnly(QStringLiteral("ALTER TABLE day_checkout ENABLE ROW LEVEL SECURITY")),
                dialect::serverOnly(QStringLiteral("CREATE POLICY balcony_rows ON day_checkout USING "
                                                   "(group_id IN (SELECT r.id FROM review_group r))")),
                // A checkout comes back once: its return is recorded and never undone.
                QStringLiteral(R"(CREATE TRIGGER day_checkout_returned_once
            BEFORE UPDATE ON day_checkout
            WHEN OLD.checked_in_at_utc IS NOT NULL OR NEW.checkout_id IS NOT OLD.checkout_id
                OR NEW.group_id IS NOT OLD.group_id OR NEW.checked_out_at_utc IS NOT OLD.checked_out_at_utc
            BEGIN SELECT RAISE(ABORT, 'a day taken offline comes back once'); END)"),
            }};
}

} // namespace balcony::migrations
