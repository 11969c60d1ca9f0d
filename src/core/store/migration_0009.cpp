#include "store/migrations.h"

// Session notes (docs/session-notes.md): one note per LA that presented in a group of a cycle, kept as
// append-only revisions, with every step of the agreement workflow recorded. The rules that make an
// agreed note the record live here, so that no program writing to the file can break them silently:
//  - a revision never changes and is never removed;
//  - revisions are numbered 1, 2, 3 ... with no gap;
//  - a note's status is always the "to" status of its latest recorded step: changing the status
//    means recording a step (when, by whom, why), and inserting the step moves the status;
//  - a step must start from the note's current status and be one the workflow allows; a reopen
//    (agreed or shared back to draft) needs a reason; an agreement names the latest revision and
//    its fingerprint;
//  - an agreed or shared note takes no new revision, and nothing of it changes but its status
//    through a recorded step;
//  - steps and pack imports never change and are never removed.
namespace balcony::migrations {

Migration sessionNotes() {
    const QString statuses = QStringLiteral("('draft', 'sent', 'amended', 'agreed', 'shared')");
    return {
        9,
        {
            // Working days a DCS has to answer a note sent for review (ten by default).
            QStringLiteral("ALTER TABLE cycle ADD COLUMN note_due_working_days INTEGER NOT NULL DEFAULT 10 "
                           "CHECK (note_due_working_days >= 1 AND note_due_working_days <= 100)"),
            QStringLiteral(R"(CREATE TABLE session_note (
            id INTEGER PRIMARY KEY,
            cycle_id INTEGER NOT NULL,
            group_id INTEGER NOT NULL,
            authority_id INTEGER NOT NULL,
            status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN %1),
            due_on TEXT CHECK (due_on IS NULL OR length(due_on) = 10),
            created_at_utc TEXT NOT NULL CHECK (length(created_at_utc) >= 20),
            UNIQUE (cycle_id, authority_id),
            FOREIGN KEY (group_id, cycle_id) REFERENCES review_group(id, cycle_id) ON DELETE RESTRICT,
            FOREIGN KEY (group_id, authority_id) REFERENCES group_member(group_id, authority_id)
                ON DELETE RESTRICT
        ))")
                .arg(statuses),
            QStringLiteral(R"(CREATE TABLE session_note_revision (
            id INTEGER PRIMARY KEY,
            note_id INTEGER NOT NULL REFERENCES session_note(id) ON DELETE RESTRICT,
            number INTEGER NOT NULL CHECK (number >= 1),
            body TEXT NOT NULL,
            author TEXT NOT NULL CHECK (length(trim(author)) > 0),
            created_at_utc TEXT NOT NULL CHECK (length(created_at_utc) >= 20),
            fingerprint TEXT NOT NULL CHECK (length(fingerprint) = 64),
            origin TEXT NOT NULL CHECK (origin IN ('draft', 'edit', 'dcs')),
            UNIQUE (note_id, number)
        ))"),
            QStringLiteral(R"(CREATE TABLE session_note_step (
            id INTEGER PRIMARY KEY,
            note_id INTEGER NOT NULL REFERENCES session_note(id) ON DELETE RESTRICT,
            number INTEGER NOT NULL CHECK (number >= 1),
            from_status TEXT CHECK (from_status IS NULL OR from_status IN %1),
            to_status TEXT NOT NULL CHECK (to_status IN %1),
            at_utc TEXT NOT NULL CHECK (length(at_utc) >= 20),
            by_name TEXT NOT NULL CHECK (length(trim(by_name)) > 0),
            reason TEXT NOT NULL DEFAULT '',
            revision INTEGER,
            fingerprint TEXT CHECK (fingerprint IS NULL OR length(fingerprint) = 64),
            pack_uuid TEXT,
            UNIQUE (note_id, number),
            CHECK ((from_status IS NULL AND to_status = 'draft')
                OR from_status || '>' || to_status IN ('draft>sent', 'sent>amended', 'amended>amended',
                    'amended>sent', 'sent>agreed', 'amended>agreed', 'agreed>shared', 'agreed>draft',
                    'shared>draft')),
            CHECK (from_status IS NULL OR to_status <> 'draft' OR length(trim(reason)) > 0),
            CHECK (to_status NOT IN ('sent', 'agreed') OR (revision IS NOT NULL AND fingerprint IS NOT NULL))
        ))")
                .arg(statuses),
            QStringLiteral(R"(CREATE TABLE session_note_source (
            note_id INTEGER NOT NULL REFERENCES session_note(id) ON DELETE RESTRICT,
            source_key TEXT NOT NULL CHECK (length(source_key) > 0),
            revision INTEGER NOT NULL CHECK (revision >= 1),
            PRIMARY KEY (note_id, source_key)
        ))"),
            QStringLiteral(R"(CREATE TABLE pack_import (
            pack_uuid TEXT PRIMARY KEY CHECK (length(pack_uuid) > 0),
            note_id INTEGER NOT NULL REFERENCES session_note(id) ON DELETE RESTRICT,
            imported_at_utc TEXT NOT NULL CHECK (length(imported_at_utc) >= 20),
            outcome TEXT NOT NULL CHECK (outcome IN ('amended', 'agreed', 'amended_agreed'))
        ))"),
            // A new note starts as a draft; its first step records who drafted it.
            QStringLiteral(R"(CREATE TRIGGER session_note_starts_draft
            BEFORE INSERT ON session_note WHEN NEW.status <> 'draft'
            BEGIN SELECT RAISE(ABORT, 'a session note starts as a draft'); END)"),
            QStringLiteral(R"(CREATE TRIGGER session_note_fixed
            BEFORE UPDATE ON session_note
            WHEN NEW.id IS NOT OLD.id OR NEW.cycle_id IS NOT OLD.cycle_id OR NEW.group_id IS NOT OLD.group_id
                OR NEW.authority_id IS NOT OLD.authority_id OR NEW.created_at_utc IS NOT OLD.created_at_utc
                OR (OLD.status IN ('agreed', 'shared') AND NEW.due_on IS NOT OLD.due_on)
            BEGIN SELECT RAISE(ABORT, 'a session note keeps its cycle and LA, and an agreed note does not change; reopen it first'); END)"),
            QStringLiteral(R"(CREATE TRIGGER session_note_status_by_step
            BEFORE UPDATE OF status ON session_note
            WHEN NEW.status IS NOT (SELECT to_status FROM session_note_step WHERE note_id = NEW.id
                                    ORDER BY number DESC LIMIT 1)
            BEGIN SELECT RAISE(ABORT, 'a session note changes status only through a recorded step'); END)"),
            QStringLiteral(R"(CREATE TRIGGER session_note_kept
            BEFORE DELETE ON session_note
            BEGIN SELECT RAISE(ABORT, 'session notes cannot be removed'); END)"),
            QStringLiteral(R"(CREATE TRIGGER session_note_revision_fixed
            BEFORE UPDATE ON session_note_revision
            BEGIN SELECT RAISE(ABORT, 'session note revisions cannot be changed; add a revision instead'); END)"),
            QStringLiteral(R"(CREATE TRIGGER session_note_revision_kept
            BEFORE DELETE ON session_note_revision
            BEGIN SELECT RAISE(ABORT, 'session note revisions cannot be removed'); END)"),
            QStringLiteral(R"(CREATE TRIGGER session_note_revision_in_order
            BEFORE INSERT ON session_note_revision
            WHEN NEW.number <> 1 + coalesce((SELECT max(number) FROM session_note_revision
                                             WHERE note_id = NEW.note_id), 0)
            BEGIN SELECT RAISE(ABORT, 'session note revisions are numbered in order'); END)"),
            QStringLiteral(R"(CREATE TRIGGER session_note_revision_not_agreed
            BEFORE INSERT ON session_note_revision
            WHEN (SELECT status FROM session_note WHERE id = NEW.note_id) IN ('agreed', 'shared')
            BEGIN SELECT RAISE(ABORT, 'an agreed session note cannot change; reopen it first'); END)"),
            QStringLiteral(R"(CREATE TRIGGER session_note_step_in_order
            BEFORE INSERT ON session_note_step
            WHEN NEW.number <> 1 + coalesce((SELECT max(number) FROM session_note_step
                                             WHERE note_id = NEW.note_id), 0)
                OR NEW.from_status IS NOT (SELECT to_status FROM session_note_step WHERE note_id = NEW.note_id
                                           ORDER BY number DESC LIMIT 1)
            BEGIN SELECT RAISE(ABORT, 'a step starts from the note''s current status'); END)"),
            QStringLiteral(R"(CREATE TRIGGER session_note_step_agrees_latest
            BEFORE INSERT ON session_note_step
            WHEN NEW.to_status = 'agreed' AND NOT EXISTS (
                SELECT 1 FROM session_note_revision r WHERE r.note_id = NEW.note_id
                    AND r.number = NEW.revision AND r.fingerprint = NEW.fingerprint
                    AND r.number = (SELECT max(number) FROM session_note_revision WHERE note_id = NEW.note_id))
            BEGIN SELECT RAISE(ABORT, 'an agreement names the latest revision and its fingerprint'); END)"),
            QStringLiteral(R"(CREATE TRIGGER session_note_step_moves_status
            AFTER INSERT ON session_note_step
            BEGIN UPDATE session_note SET status = NEW.to_status WHERE id = NEW.note_id; END)"),
            QStringLiteral(R"(CREATE TRIGGER session_note_step_fixed
            BEFORE UPDATE ON session_note_step
            BEGIN SELECT RAISE(ABORT, 'workflow steps cannot be changed'); END)"),
            QStringLiteral(R"(CREATE TRIGGER session_note_step_kept
            BEFORE DELETE ON session_note_step
            BEGIN SELECT RAISE(ABORT, 'workflow steps cannot be removed'); END)"),
            QStringLiteral(R"(CREATE TRIGGER pack_import_fixed
            BEFORE UPDATE ON pack_import
            BEGIN SELECT RAISE(ABORT, 'pack imports cannot be changed'); END)"),
            QStringLiteral(R"(CREATE TRIGGER pack_import_kept
            BEFORE DELETE ON pack_import
            BEGIN SELECT RAISE(ABORT, 'pack imports cannot be removed'); END)"),
        }};
}

} // namespace balcony::migrations
