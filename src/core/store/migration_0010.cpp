#include "store/migrations.h"

// What a cycle's days lead to (docs/guide-outcomes.md): the state of each ask and offer in the
// register and the kind of help an ask was tagged with; the facilitator's decisions on suggested
// matches and the follow-ups a confirmed match became; each group's ranked priorities for the
// regional plan and the facilitator's joins and splits of near-duplicates; each LA's action plan,
// with its progress notes and its RAG ratings. Asks and offers themselves stay note items
// (migration 3), so that one added after the day has revisions like one captured on it.
//
// The rules that must hold whatever program writes: a match pairs an ask with an offer of two
// different LAs; a RAG rating is a row of its own that always carries a reason (the current rating is
// the latest row), and a rating once given is never changed or removed, so the history stays whole.
namespace balcony::migrations {

Migration outcomes() {
    return {10,
            {
                // The region's own post-challenge support menu; empty means the shipped default.
                QStringLiteral(R"(CREATE TABLE support_kind (
            key TEXT PRIMARY KEY CHECK (length(trim(key)) > 0),
            label TEXT NOT NULL CHECK (length(trim(label)) > 0),
            description TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL CHECK (position >= 0)
        ))"),
                // One row per ask or offer whose state differs from the default (open, untagged).
                // The kind of help is kept by its key, so that a menu edited later keeps the tag.
                QStringLiteral(R"(CREATE TABLE ask_offer_state (
            item_id INTEGER PRIMARY KEY REFERENCES note_item(id) ON DELETE RESTRICT,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'matched', 'closed')),
            support_kind TEXT NOT NULL DEFAULT ''
        ))"),
                QStringLiteral(R"(CREATE TABLE match_decision (
            id INTEGER PRIMARY KEY,
            ask_item_id INTEGER NOT NULL REFERENCES note_item(id) ON DELETE RESTRICT,
            offer_item_id INTEGER NOT NULL REFERENCES note_item(id) ON DELETE RESTRICT,
            decision TEXT NOT NULL CHECK (decision IN ('confirmed', 'dismissed')),
            decided_at_utc TEXT NOT NULL CHECK (length(decided_at_utc) >= 20),
            CHECK (ask_item_id <> offer_item_id),
            UNIQUE (ask_item_id, offer_item_id)
        ))"),
                QStringLiteral(R"(CREATE TRIGGER match_decision_two_las
            BEFORE INSERT ON match_decision
            WHEN (SELECT authority_id FROM note_item WHERE id = NEW.ask_item_id)
               = (SELECT authority_id FROM note_item WHERE id = NEW.offer_item_id)
            BEGIN SELECT RAISE(ABORT, 'an ask and an offer of the same LA cannot be matched'); END)"),
                QStringLiteral(R"(CREATE TABLE follow_up (
            id INTEGER PRIMARY KEY,
            match_id INTEGER NOT NULL UNIQUE REFERENCES match_decision(id) ON DELETE CASCADE,
            owner TEXT NOT NULL CHECK (length(trim(owner)) > 0),
            due_on TEXT CHECK (due_on IS NULL OR length(due_on) = 10),
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done'))
        ))"),
                // A group's suggested actions for next year's regional plan, rank 1 first.
                QStringLiteral(R"(CREATE TABLE group_priority (
            id INTEGER PRIMARY KEY,
            group_id INTEGER NOT NULL REFERENCES review_group(id) ON DELETE CASCADE,
            rank INTEGER NOT NULL CHECK (rank >= 1),
            body TEXT NOT NULL CHECK (length(trim(body)) > 0)
        ))"),
                QStringLiteral("CREATE INDEX group_priority_group ON group_priority(group_id, rank)"),
                // The facilitator's word on two priorities: one suggestion (join) or two (split).
                QStringLiteral(R"(CREATE TABLE priority_link (
            first_id INTEGER NOT NULL REFERENCES group_priority(id) ON DELETE CASCADE,
            second_id INTEGER NOT NULL REFERENCES group_priority(id) ON DELETE CASCADE,
            decision TEXT NOT NULL CHECK (decision IN ('join', 'split')),
            PRIMARY KEY (first_id, second_id),
            CHECK (first_id < second_id)
        ))"),
                QStringLiteral(R"(CREATE TABLE plan_action (
            id INTEGER PRIMARY KEY,
            cycle_id INTEGER NOT NULL REFERENCES cycle(id) ON DELETE CASCADE,
            authority_id INTEGER NOT NULL REFERENCES authority(id) ON DELETE CASCADE,
            source_item_id INTEGER UNIQUE REFERENCES note_item(id) ON DELETE SET NULL,
            body TEXT NOT NULL CHECK (length(trim(body)) > 0),
            owner TEXT NOT NULL DEFAULT '',
            due_on TEXT CHECK (due_on IS NULL OR length(due_on) = 10),
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
            created_at_utc TEXT NOT NULL CHECK (length(created_at_utc) >= 20)
        ))"),
                QStringLiteral("CREATE INDEX plan_action_la ON plan_action(authority_id, cycle_id)"),
                QStringLiteral(R"(CREATE TABLE plan_action_progress (
            id INTEGER PRIMARY KEY,
            action_id INTEGER NOT NULL REFERENCES plan_action(id) ON DELETE CASCADE,
            noted_at_utc TEXT NOT NULL CHECK (length(noted_at_utc) >= 20),
            body TEXT NOT NULL CHECK (length(trim(body)) > 0)
        ))"),
                QStringLiteral(R"(CREATE TABLE plan_action_rag (
            id INTEGER PRIMARY KEY,
            action_id INTEGER NOT NULL REFERENCES plan_action(id) ON DELETE CASCADE,
            rag TEXT NOT NULL CHECK (rag IN ('red', 'amber', 'green')),
            reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
            rated_at_utc TEXT NOT NULL CHECK (length(rated_at_utc) >= 20)
        ))"),
                QStringLiteral("CREATE INDEX plan_action_rag_action ON plan_action_rag(action_id, id)"),
                QStringLiteral(R"(CREATE TRIGGER plan_action_rag_kept
            BEFORE UPDATE ON plan_action_rag
            BEGIN SELECT RAISE(ABORT, 'a RAG rating is history; rate the action again, with a reason'); END)"),
            }};
}

} // namespace balcony::migrations
