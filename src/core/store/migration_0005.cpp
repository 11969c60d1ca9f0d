#include "store/migrations.h"

// A run of a day can be discarded (a rehearsal the evening before, a false start): the discard is one
// more event in the append-only log, never a deletion. The step adds the schema's half of the rule,
// and its number is what keeps an older Balcony, which would skip the unknown "discarded" event and
// read the set-aside run as the live day, from opening a file that has one (it refuses a newer schema).
namespace balcony::migrations {

Migration discardDayRun() {
    return {5,
            {
                // A discard needs a run to discard: a "started" event after the group's last discard.
                QStringLiteral(R"(CREATE TRIGGER day_event_discard_needs_run BEFORE INSERT ON day_event
            WHEN NEW.kind = 'discarded' AND NOT EXISTS (
                SELECT 1 FROM day_event s
                WHERE s.group_id = NEW.group_id AND s.kind = 'started' AND s.id > coalesce(
                    (SELECT max(d.id) FROM day_event d
                     WHERE d.group_id = NEW.group_id AND d.kind = 'discarded'), 0))
            BEGIN SELECT RAISE(ABORT, 'there is no run of this day to discard'); END)"),
            }};
}

} // namespace balcony::migrations
