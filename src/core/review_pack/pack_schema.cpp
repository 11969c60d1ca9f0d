#include "review_pack/pack_schema.h"

namespace balcony::pack_schema {

// STRICT tables (SQLite 3.37) so that a value of the wrong type is refused, not converted. The
// rules that make a pack a pack are here as CHECKs and triggers, so that another program writing
// the file cannot record an answer our own code would refuse.
QStringList createStatements() {
    return {
        QStringLiteral(R"(CREATE TABLE pack (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    pack_uuid TEXT NOT NULL CHECK (length(pack_uuid) = 36),
    region_name TEXT NOT NULL,
    cycle_name TEXT NOT NULL CHECK (cycle_name <> ''),
    group_label TEXT NOT NULL CHECK (group_label <> ''),
    group_date TEXT NOT NULL CHECK (group_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    authority_name TEXT NOT NULL CHECK (authority_name <> ''),
    authority_id INTEGER NOT NULL CHECK (authority_id > 0),
    note_id INTEGER NOT NULL CHECK (note_id > 0),
    revision_number INTEGER NOT NULL CHECK (revision_number >= 1),
    revision_fingerprint TEXT NOT NULL
        CHECK (length(revision_fingerprint) = 64 AND revision_fingerprint NOT GLOB '*[^0-9a-f]*'),
    revision_body TEXT NOT NULL CHECK (revision_body <> ''),
    due_date TEXT NOT NULL CHECK (due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
) STRICT)"),
        QStringLiteral(R"(CREATE TABLE group_authority (
    position INTEGER PRIMARY KEY CHECK (position >= 1),
    name TEXT NOT NULL CHECK (name <> '')
) STRICT)"),
        QStringLiteral(R"(CREATE TABLE amendment (
    id INTEGER PRIMARY KEY,
    body TEXT NOT NULL CHECK (body <> ''),
    dcs_name TEXT NOT NULL CHECK (dcs_name <> ''),
    saved_at TEXT NOT NULL CHECK (saved_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z')
) STRICT)"),
        QStringLiteral(R"(CREATE TABLE decision (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    kind TEXT NOT NULL CHECK (kind IN ('agreed', 'returned')),
    agreed_fingerprint TEXT,
    dcs_name TEXT NOT NULL CHECK (dcs_name <> ''),
    decided_at TEXT NOT NULL CHECK (decided_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
    CHECK ((kind = 'agreed') = (agreed_fingerprint IS NOT NULL))
) STRICT)"),
        // What was sent never changes.
        QStringLiteral("CREATE TRIGGER pack_sent_is_fixed BEFORE UPDATE ON pack BEGIN "
                       "SELECT RAISE(ABORT, 'what was sent in a review pack cannot change'); END"),
        QStringLiteral("CREATE TRIGGER pack_sent_is_kept BEFORE DELETE ON pack BEGIN "
                       "SELECT RAISE(ABORT, 'what was sent in a review pack cannot change'); END"),
        // createPack() adds the group's LAs before the pack row, which closes the list.
        QStringLiteral("CREATE TRIGGER group_authority_is_closed BEFORE INSERT ON group_authority "
                       "WHEN EXISTS (SELECT 1 FROM pack) BEGIN "
                       "SELECT RAISE(ABORT, 'what was sent in a review pack cannot change'); END"),
        QStringLiteral("CREATE TRIGGER group_authority_is_fixed BEFORE UPDATE ON group_authority BEGIN "
                       "SELECT RAISE(ABORT, 'what was sent in a review pack cannot change'); END"),
        QStringLiteral("CREATE TRIGGER group_authority_is_kept BEFORE DELETE ON group_authority BEGIN "
                       "SELECT RAISE(ABORT, 'what was sent in a review pack cannot change'); END"),
        // Once answered, a pack is closed.
        QStringLiteral("CREATE TRIGGER amendment_insert_after_decision BEFORE INSERT ON amendment "
                       "WHEN EXISTS (SELECT 1 FROM decision) BEGIN "
                       "SELECT RAISE(ABORT, 'the review pack was already answered'); END"),
        QStringLiteral("CREATE TRIGGER amendment_update_after_decision BEFORE UPDATE ON amendment "
                       "WHEN EXISTS (SELECT 1 FROM decision) BEGIN "
                       "SELECT RAISE(ABORT, 'the review pack was already answered'); END"),
        QStringLiteral("CREATE TRIGGER amendment_delete_after_decision BEFORE DELETE ON amendment "
                       "WHEN EXISTS (SELECT 1 FROM decision) BEGIN "
                       "SELECT RAISE(ABORT, 'the review pack was already answered'); END"),
        QStringLiteral("CREATE TRIGGER decision_is_final_update BEFORE UPDATE ON decision BEGIN "
                       "SELECT RAISE(ABORT, 'the review pack was already answered'); END"),
        QStringLiteral("CREATE TRIGGER decision_is_final_delete BEFORE DELETE ON decision BEGIN "
                       "SELECT RAISE(ABORT, 'the review pack was already answered'); END"),
        // Returned needs an amendment; agreed needs none, and agrees the revision sent.
        QStringLiteral("CREATE TRIGGER decision_returned_needs_amendment BEFORE INSERT ON decision "
                       "WHEN NEW.kind = 'returned' AND NOT EXISTS (SELECT 1 FROM amendment) BEGIN "
                       "SELECT RAISE(ABORT, 'a pack returned with amendments needs an amendment'); END"),
        QStringLiteral("CREATE TRIGGER decision_agreed_as_sent BEFORE INSERT ON decision "
                       "WHEN NEW.kind = 'agreed' AND (EXISTS (SELECT 1 FROM amendment) OR "
                       "NEW.agreed_fingerprint IS NOT (SELECT revision_fingerprint FROM pack)) BEGIN "
                       "SELECT RAISE(ABORT, 'an agreement is of the revision sent, without amendments'); "
                       "END"),
    };
}

} // namespace balcony::pack_schema
