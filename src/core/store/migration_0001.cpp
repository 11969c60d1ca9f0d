#include "store/migrations.h"

// Plain SQL that PostgreSQL also accepts, apart from SQLite's INTEGER PRIMARY KEY rowid alias.
// Dates are ISO 8601 text (YYYY-MM-DD).
namespace balcony::migrations {

Migration foundation() {
    return {1,
            {
                QStringLiteral(R"(CREATE TABLE authority (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0)
        ))"),
                QStringLiteral(R"(CREATE TABLE person (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            email TEXT NOT NULL DEFAULT '',
            role TEXT NOT NULL CHECK (role IN ('dcs', 'chief_executive', 'lead_member', 'team_member',
                                               'facilitator', 'project_manager')),
            authority_id INTEGER REFERENCES authority(id) ON DELETE CASCADE,
            CHECK (role IN ('facilitator', 'project_manager') OR authority_id IS NOT NULL)
        ))"),
                // One DCS, one chief executive and one lead member per authority.
                QStringLiteral("CREATE UNIQUE INDEX person_one_per_post ON person(authority_id, role) "
                               "WHERE role IN ('dcs', 'chief_executive', 'lead_member')"),
                QStringLiteral("CREATE UNIQUE INDEX person_unique_unattached ON person(name, role) "
                               "WHERE authority_id IS NULL"),
                // Where a person worked before, for conflicts of interest.
                QStringLiteral(R"(CREATE TABLE past_post (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
            authority_id INTEGER NOT NULL REFERENCES authority(id) ON DELETE CASCADE,
            title TEXT NOT NULL DEFAULT '',
            interim INTEGER NOT NULL DEFAULT 0 CHECK (interim IN (0, 1)),
            started_on TEXT,
            ended_on TEXT,
            CHECK (started_on IS NULL OR ended_on IS NULL OR started_on <= ended_on)
        ))"),
                QStringLiteral(R"(CREATE TABLE cycle (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
            first_day TEXT NOT NULL CHECK (length(first_day) = 10),
            last_day TEXT NOT NULL CHECK (length(last_day) = 10),
            sa_due_days_before INTEGER NOT NULL DEFAULT 14 CHECK (sa_due_days_before >= 0),
            moderation_from_weeks INTEGER NOT NULL DEFAULT 12,
            moderation_to_weeks INTEGER NOT NULL DEFAULT 8,
            CHECK (first_day <= last_day),
            CHECK (moderation_to_weeks >= 0 AND moderation_from_weeks >= moderation_to_weeks)
        ))"),
                QStringLiteral(R"(CREATE TABLE review_group (
            id INTEGER PRIMARY KEY,
            cycle_id INTEGER NOT NULL REFERENCES cycle(id) ON DELETE CASCADE,
            label TEXT NOT NULL CHECK (length(trim(label)) > 0),
            held_on TEXT NOT NULL CHECK (length(held_on) = 10),
            mode TEXT NOT NULL DEFAULT 'in_person' CHECK (mode IN ('in_person', 'virtual')),
            venue TEXT NOT NULL DEFAULT '',
            facilitator_id INTEGER REFERENCES person(id) ON DELETE SET NULL,
            -- Calendar identity: a stable UID, and a SEQUENCE that rises when an exported event changes.
            uid TEXT NOT NULL UNIQUE CHECK (length(uid) > 0),
            ics_sequence INTEGER NOT NULL DEFAULT 0 CHECK (ics_sequence >= 0),
            ics_fingerprint TEXT NOT NULL DEFAULT '',
            UNIQUE (cycle_id, label),
            UNIQUE (id, cycle_id)
        ))"),
                // An LA at most once per cycle: cycle_id is repeated here so that UNIQUE can say so.
                QStringLiteral(R"(CREATE TABLE group_member (
            group_id INTEGER NOT NULL,
            cycle_id INTEGER NOT NULL,
            authority_id INTEGER NOT NULL REFERENCES authority(id) ON DELETE CASCADE,
            position INTEGER NOT NULL CHECK (position >= 0),
            PRIMARY KEY (group_id, authority_id),
            UNIQUE (cycle_id, authority_id),
            FOREIGN KEY (group_id, cycle_id) REFERENCES review_group(id, cycle_id) ON DELETE CASCADE
        ))"),
                // Both ends are members of the same group, and nobody reviews itself.
                QStringLiteral(R"(CREATE TABLE lead_review (
            group_id INTEGER NOT NULL,
            reviewee_id INTEGER NOT NULL,
            reviewer_id INTEGER NOT NULL,
            PRIMARY KEY (group_id, reviewee_id),
            CHECK (reviewer_id <> reviewee_id),
            FOREIGN KEY (group_id, reviewee_id) REFERENCES group_member(group_id, authority_id)
                ON DELETE CASCADE,
            FOREIGN KEY (group_id, reviewer_id) REFERENCES group_member(group_id, authority_id)
                ON DELETE CASCADE
        ))"),
                QStringLiteral("CREATE INDEX lead_review_reviewer ON lead_review(group_id, reviewer_id)"),
                QStringLiteral(R"(CREATE TABLE self_assessment (
            cycle_id INTEGER NOT NULL REFERENCES cycle(id) ON DELETE CASCADE,
            authority_id INTEGER NOT NULL REFERENCES authority(id) ON DELETE CASCADE,
            status TEXT NOT NULL DEFAULT 'not_started'
                CHECK (status IN ('not_started', 'draft_received', 'signed_off_dcs', 'signed_off_cx',
                                  'distributed')),
            draft_received_on TEXT,
            signed_off_dcs_on TEXT,
            signed_off_cx_on TEXT,
            distributed_on TEXT,
            document_path TEXT NOT NULL DEFAULT '',
            document_sha256 TEXT NOT NULL DEFAULT ''
                CHECK (document_sha256 = '' OR length(document_sha256) = 64),
            moderation_status TEXT NOT NULL DEFAULT 'none'
                CHECK (moderation_status IN ('none', 'requested', 'agreed', 'completed', 'declined')),
            moderation_requested_on TEXT,
            PRIMARY KEY (cycle_id, authority_id)
        ))"),
            }};
}

} // namespace balcony::migrations
