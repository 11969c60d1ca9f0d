#include "store/dialect.h"
#include "store/migrations.h"

// Optimistic concurrency (store/row_version.h, docs/server.md "Working at the same time"): what two
// people may edit at the same time on a server carries a row version, raised with every change, and
// who changed it last and when. Existing rows start at version 1, changed by nobody yet. On a server
// it also adds the triggers that tell other programs of a change (LISTEN/NOTIFY).
namespace balcony::migrations {

QStringList rowVersionColumns(const QString& table, int firstVersion) {
    return {QStringLiteral("ALTER TABLE %1 ADD COLUMN row_version INTEGER NOT NULL DEFAULT %2 "
                           "CHECK (row_version >= %2)")
                .arg(table)
                .arg(firstVersion),
            QStringLiteral("ALTER TABLE %1 ADD COLUMN changed_by TEXT NOT NULL DEFAULT ''").arg(table),
            QStringLiteral("ALTER TABLE %1 ADD COLUMN changed_at_utc TEXT "
                           "CHECK (changed_at_utc IS NULL OR length(changed_at_utc) >= 20)")
                .arg(table)};
}

Migration concurrency() {
    QStringList statements;
    for (const char* table : {"session_note", "plan_action"}) {
        statements += rowVersionColumns(QString::fromLatin1(table), 1);
    }
    // On a server, a committed change to what people see together notifies the programs listening on
    // the channel balcony_changed, the table's name as payload (store/change_feed.h). PostgreSQL
    // sends it at commit, once per transaction and table; a rolled-back change sends nothing.
    statements += dialect::serverOnly(
        QStringLiteral("CREATE FUNCTION balcony_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$ "
                       "BEGIN PERFORM pg_notify('balcony_changed', TG_TABLE_NAME); RETURN NULL; END $$"));
    for (const char* table : {"cycle",
                              "review_group",
                              "group_member",
                              "lead_review",
                              "authority",
                              "person",
                              "group_day_plan",
                              "group_block_plan",
                              "day_event",
                              "note_item",
                              "note_revision",
                              "session_note",
                              "session_note_revision",
                              "session_note_step",
                              "ask_offer_state",
                              "match_decision",
                              "follow_up",
                              "group_priority",
                              "priority_link",
                              "plan_action",
                              "plan_action_progress",
                              "plan_action_rag"}) {
        statements += dialect::serverOnly(
            QStringLiteral("CREATE TRIGGER %1_notify AFTER INSERT OR UPDATE OR DELETE ON %1 "
                           "FOR EACH STATEMENT EXECUTE FUNCTION balcony_notify_change()")
                .arg(QString::fromLatin1(table)));
    }
    return {14, statements};
}

} // namespace balcony::migrations
