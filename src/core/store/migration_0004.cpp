#include "store/migrations.h"

// Calendar invitations (docs/guide-project-manager.md, "Calendar invitations"):
// - a cycle's organiser (the project manager), whom RFC 5546 requires on an invitation that lists
//   attendees; NULL when the cycle has none, and then only a plain calendar without attendees is
//   written;
// - a group's own start time, stored with the group so that every place that shows the day's times
//   (invitations, the timetable, the printable schedule) reads the same one; NULL is the template's
//   start. It moves here from group_day_plan, which keeps the template and the blocks;
// - what each export wrote, by UID, so that the next export raises SEQUENCE for what changed and
//   cancels a group day that has gone since. It has no foreign key to review_group on purpose: the
//   record must outlive the group it cancels.
namespace balcony::migrations {

Migration calendarInvitations() {
    return {
        4,
        {
            QStringLiteral("ALTER TABLE cycle ADD COLUMN organiser_name TEXT "
                           "CHECK (organiser_name IS NULL OR length(trim(organiser_name)) > 0)"),
            QStringLiteral("ALTER TABLE cycle ADD COLUMN organiser_email TEXT "
                           "CHECK (organiser_email IS NULL OR (instr(organiser_email, '@') > 1 "
                           "AND instr(organiser_email, ' ') = 0))"),
            QStringLiteral("ALTER TABLE review_group ADD COLUMN start_time TEXT "
                           "CHECK (start_time IS NULL OR (length(start_time) = 5 "
                           "AND start_time BETWEEN '00:00' AND '23:59'))"),
            QStringLiteral("UPDATE review_group SET start_time = (SELECT p.start_time FROM group_day_plan p "
                           "WHERE p.group_id = review_group.id AND p.start_time <> '')"),
            QStringLiteral("ALTER TABLE group_day_plan DROP COLUMN start_time"),
            QStringLiteral(R"(CREATE TABLE calendar_export (
            uid TEXT PRIMARY KEY CHECK (length(uid) > 0),
            cycle_id INTEGER NOT NULL REFERENCES cycle(id) ON DELETE CASCADE,
            sequence INTEGER NOT NULL CHECK (sequence >= 0),
            fingerprint TEXT NOT NULL,
            summary TEXT NOT NULL,
            held_on TEXT NOT NULL CHECK (length(held_on) = 10),
            start_time TEXT NOT NULL CHECK (length(start_time) = 5),
            end_time TEXT NOT NULL CHECK (length(end_time) = 5),
            location TEXT NOT NULL DEFAULT '',
            attendees TEXT NOT NULL DEFAULT '[]',
            cancelled INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1)),
            exported_at_utc TEXT NOT NULL
        ))"),
            QStringLiteral("CREATE INDEX calendar_export_cycle ON calendar_export(cycle_id)"),
            // Invitations written before this step used the fixed default day (10:00, 7 h 35, or
            // 9 h 50 for four LAs): that is what the attendees' calendars hold.
            QStringLiteral(R"(INSERT INTO calendar_export (uid, cycle_id, sequence, fingerprint, summary,
            held_on, start_time, end_time, location, exported_at_utc)
            SELECT g.uid, g.cycle_id, g.ics_sequence, g.ics_fingerprint, 'Peer challenge, group ' || g.label,
                g.held_on, '10:00',
                CASE WHEN (SELECT count(*) FROM group_member m WHERE m.group_id = g.id) = 4
                    THEN '19:50' ELSE '17:35' END,
                CASE WHEN g.mode = 'virtual' THEN 'Online' ELSE g.venue END, ''
            FROM review_group g WHERE g.ics_fingerprint <> '')"),
            QStringLiteral("ALTER TABLE review_group DROP COLUMN ics_sequence"),
            QStringLiteral("ALTER TABLE review_group DROP COLUMN ics_fingerprint"),
        }};
}

} // namespace balcony::migrations
