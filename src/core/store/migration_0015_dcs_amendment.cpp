#include "store/dialect.h"
#include "store/migrations.h"

// A DCS reviewing their own LA's session note straight from a server region (docs/server.md, "A DCS
// on the server"; review_pack/region_review.h), the review pack's working amendment kept in the region:
// at most one per note, the text the DCS would send back, replaced with each save. It belongs to one
// sending: it is taken only while the note is out for review (status sent) and for the revision last
// sent, and the step that ends that sending (the DCS's answer, or the facilitator's record of one)
// removes it, so an agreed or re-sent note never keeps an old draft, here or by plain SQL.
//
// On a server only the DCS of the note's LA (and the region's project manager and read-only logins)
// can see it: the facilitator sees the DCS's answer when it is returned, not the text half typed. So
// the step's removal runs as the tables' owner (SECURITY DEFINER) on a server, where the facilitator
// recording an answer can neither see nor delete the row.
namespace balcony::migrations {

Migration dcsAmendment() {
    return {
        15,
        {
            QStringLiteral(R"(CREATE TABLE dcs_amendment (
            note_id INTEGER NOT NULL REFERENCES session_note(id) ON DELETE CASCADE,
            revision_sent INTEGER NOT NULL CHECK (revision_sent >= 1),
            body TEXT NOT NULL CHECK (length(trim(body)) > 0),
            dcs_name TEXT NOT NULL CHECK (length(trim(dcs_name)) > 0),
            saved_at_utc TEXT NOT NULL CHECK (length(saved_at_utc) >= 20),
            PRIMARY KEY (note_id)
        ))"),
            QStringLiteral(R"(CREATE TRIGGER dcs_amendment_while_sent
            BEFORE INSERT ON dcs_amendment
            WHEN (SELECT status FROM session_note WHERE id = NEW.note_id) IS NOT 'sent'
                OR NEW.revision_sent IS NOT (SELECT max(revision) FROM session_note_step
                                             WHERE note_id = NEW.note_id AND to_status = 'sent')
            BEGIN SELECT RAISE(ABORT, 'a DCS amends a session note only while it is out for review, and only the revision last sent'); END)"),
            QStringLiteral(R"(CREATE TRIGGER dcs_amendment_while_sent_update
            BEFORE UPDATE ON dcs_amendment
            WHEN (SELECT status FROM session_note WHERE id = NEW.note_id) IS NOT 'sent'
                OR NEW.revision_sent IS NOT (SELECT max(revision) FROM session_note_step
                                             WHERE note_id = NEW.note_id AND to_status = 'sent')
                OR NEW.note_id IS NOT OLD.note_id
            BEGIN SELECT RAISE(ABORT, 'a DCS amends a session note only while it is out for review, and only the revision last sent'); END)"),
            // The step that ends a sending removes its draft.
            dialect::fileOnly(QStringLiteral(R"(CREATE TRIGGER dcs_amendment_ends_with_sending
            AFTER INSERT ON session_note_step WHEN NEW.from_status = 'sent'
            BEGIN DELETE FROM dcs_amendment WHERE note_id = NEW.note_id; END)")),
            dialect::serverOnly(QStringLiteral(
                "CREATE FUNCTION balcony_end_dcs_amendment() RETURNS trigger LANGUAGE plpgsql SECURITY "
                "DEFINER SET search_path FROM CURRENT AS $balcony$ BEGIN DELETE FROM dcs_amendment WHERE "
                "note_id = NEW.note_id; RETURN NULL; END $balcony$")),
            dialect::serverOnly(QStringLiteral(
                "CREATE TRIGGER dcs_amendment_ends_with_sending AFTER INSERT ON session_note_step FOR EACH "
                "ROW WHEN (NEW.from_status = 'sent') EXECUTE FUNCTION balcony_end_dcs_amendment()")),
            dialect::serverOnly(QStringLiteral("ALTER TABLE dcs_amendment ENABLE ROW LEVEL SECURITY")),
            dialect::serverOnly(QStringLiteral(
                "CREATE POLICY balcony_rows ON dcs_amendment USING ((SELECT balcony_sees_all(current_user)) "
                "OR note_id IN (SELECT n.id FROM session_note n WHERE n.authority_id = "
                "(SELECT balcony_own_authority(current_user))))")),
            // Logins made before this step have their rights through their group roles
            // (server_roles.h); the new table is granted to those that exist, as add-user would.
            dialect::serverOnly(QStringLiteral(
                "DO $balcony$ DECLARE grants text[][] := ARRAY[['pm', 'SELECT, INSERT, UPDATE, DELETE'], "
                "['dcs', 'SELECT, INSERT, UPDATE, DELETE'], ['facilitator', 'SELECT'], ['read_only', "
                "'SELECT']]; pair text[]; BEGIN FOREACH pair SLICE 1 IN ARRAY grants LOOP IF EXISTS "
                "(SELECT 1 FROM pg_roles WHERE rolname = current_database() || '_' || pair[1]) THEN "
                "EXECUTE format('GRANT %s ON dcs_amendment TO %I', pair[2], current_database() || '_' || "
                "pair[1]); END IF; END LOOP; END $balcony$")),
        }};
}

} // namespace balcony::migrations
