#include "store/dialect.h"
#include "store/migrations.h"

// Who may see what on a server (docs/server.md, "Who may see what"; store/server_roles.h).
//
// region_login lists the region's PostgreSQL logins and their roles; it exists on both engines so the
// schema stays the same, but only `server add-user` on a server writes it. Everything else here is
// PostgreSQL's row-level security (https://www.postgresql.org/docs/15/ddl-rowsecurity.html) and is
// dropped on SQLite, which has no logins.
//
// Every policy asks, for the login running the query (current_user), whether its row in region_login
// lets it see the row: a project manager and a read-only login see every row; a DCS sees the rows of
// their own LA (and the groups their LA is in); a facilitator sees the groups they facilitate (their
// person is the group's facilitator_id) and those groups' LAs. A row that belongs to another row (a
// revision to its item, a step to its session note) is visible when that row is: the subquery in its
// policy is itself bound by the parent table's policy. What a login may write is its GRANTs (made by
// `server add-user`); the same policies then stop a write to, or a new row for, a row it cannot see.
//
// The tables' owner (who ran the migrations: the regional IT team's admin or project manager login)
// is not bound by the policies (no FORCE ROW LEVEL SECURITY), as PostgreSQL's owner is not by
// default: it is the region's administrator. The lookups run as that owner (SECURITY DEFINER), so a
// policy on review_group can ask about group_member, whose policy asks about review_group, without
// PostgreSQL refusing the loop as infinite recursion; they take the login as an argument because
// current_user inside a SECURITY DEFINER function is its owner. (So a login may call one with
// another login's name: it learns whether that login sees a group or an LA, never a row.)
namespace balcony::migrations {
namespace {

QString lookup(const QString& name, const QString& arguments, const QString& body) {
    return dialect::serverOnly(
        QStringLiteral(
            "CREATE OR REPLACE FUNCTION %1(%2) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER "
            "SET search_path FROM CURRENT AS $balcony$\n"
            "SELECT EXISTS (SELECT 1 FROM region_login l WHERE l.login = who AND (\n"
            "  l.role IN ('pm', 'read_only') OR %3))\n"
            "$balcony$")
            .arg(name, arguments, body));
}

QStringList policy(const QString& table, const QString& condition) {
    return {dialect::serverOnly(QStringLiteral("ALTER TABLE %1 ENABLE ROW LEVEL SECURITY").arg(table)),
            dialect::serverOnly(
                QStringLiteral("CREATE POLICY balcony_rows ON %1 USING (%2)").arg(table, condition))};
}

} // namespace

Migration roles() {
    QStringList statements = {
        QStringLiteral(R"(CREATE TABLE region_login (
            login TEXT PRIMARY KEY CHECK (length(login) > 0),
            role TEXT NOT NULL CHECK (role IN ('pm', 'facilitator', 'dcs', 'read_only')),
            authority_id INTEGER REFERENCES authority(id) ON DELETE CASCADE,
            person_id INTEGER REFERENCES person(id) ON DELETE CASCADE,
            created_at_utc TEXT NOT NULL CHECK (length(created_at_utc) >= 20),
            CHECK ((role = 'dcs') = (authority_id IS NOT NULL)),
            CHECK (role <> 'facilitator' OR person_id IS NOT NULL)
        ))"),
        // A group this login sees: every group for a PM or read-only login; a DCS's LA's groups; a
        // facilitator's own groups.
        lookup(QStringLiteral("balcony_sees_group"), QStringLiteral("g integer, who name"),
               QStringLiteral("(l.role = 'dcs' AND EXISTS (SELECT 1 FROM group_member m WHERE m.group_id = g "
                              "AND m.authority_id = l.authority_id))\n"
                              "  OR (l.role = 'facilitator' AND EXISTS (SELECT 1 FROM review_group r "
                              "WHERE r.id = g AND r.facilitator_id = l.person_id))")),
        // One LA's rows in a group (notes, items, session notes, focus themes, ratings).
        lookup(QStringLiteral("balcony_sees_la"), QStringLiteral("g integer, a integer, who name"),
               QStringLiteral("(l.role = 'dcs' AND l.authority_id = a)\n"
                              "  OR (l.role = 'facilitator' AND EXISTS (SELECT 1 FROM review_group r "
                              "WHERE r.id = g AND r.facilitator_id = l.person_id))")),
        // One LA's rows in a cycle (self-assessment, action plan): a facilitator sees the LAs of the
        // cycle's groups they facilitate.
        lookup(QStringLiteral("balcony_sees_la_in_cycle"), QStringLiteral("c integer, a integer, who name"),
               QStringLiteral("(l.role = 'dcs' AND l.authority_id = a)\n"
                              "  OR (l.role = 'facilitator' AND EXISTS (SELECT 1 FROM group_member m "
                              "JOIN review_group r ON r.id = m.group_id WHERE m.cycle_id = c "
                              "AND m.authority_id = a AND r.facilitator_id = l.person_id))")),
        lookup(QStringLiteral("balcony_sees_all"), QStringLiteral("who name"), QStringLiteral("false")),
    };
    const QString group = QStringLiteral("balcony_sees_group(group_id, current_user)");
    const QString la = QStringLiteral("balcony_sees_la(group_id, authority_id, current_user)");
    const QString laInCycle =
        QStringLiteral("balcony_sees_la_in_cycle(cycle_id, authority_id, current_user)");
    const QString item = QStringLiteral("EXISTS (SELECT 1 FROM note_item i WHERE i.id = item_id)");
    const QString sessionNote = QStringLiteral("EXISTS (SELECT 1 FROM session_note n WHERE n.id = note_id)");
    const QString action = QStringLiteral("EXISTS (SELECT 1 FROM plan_action a WHERE a.id = action_id)");
    const std::vector<std::pair<const char*, QString>> tables = {
        {"review_group", QStringLiteral("balcony_sees_group(id, current_user)")},
        {"group_member", group},
        {"lead_review", group},
        {"group_day_plan", group},
        {"group_block_plan", group},
        {"day_event", group},
        {"plenary_answer", group},
        {"group_priority", group},
        {"priority_link", QStringLiteral("EXISTS (SELECT 1 FROM group_priority p WHERE p.id = first_id)")},
        {"note_item", la},
        {"question_focus", la},
        {"question_rating", la},
        {"session_note", la},
        {"note_revision", item},
        {"ask_offer_state", item},
        {"report_mark", item},
        {"match_decision", QStringLiteral("EXISTS (SELECT 1 FROM note_item i WHERE i.id IN (ask_item_id, "
                                          "offer_item_id))")},
        {"follow_up", QStringLiteral("EXISTS (SELECT 1 FROM match_decision d WHERE d.id = match_id)")},
        {"session_note_revision", sessionNote},
        {"session_note_step", sessionNote},
        {"session_note_source", sessionNote},
        {"pack_import", sessionNote},
        {"self_assessment", laInCycle},
        {"plan_action", laInCycle},
        {"plan_action_progress", action},
        {"plan_action_rag", action},
        // A login sees its own row; a PM or read-only login sees them all.
        {"region_login", QStringLiteral("login = current_user OR balcony_sees_all(current_user)")},
    };
    for (const auto& [table, condition] : tables) {
        statements += policy(QString::fromLatin1(table), condition);
    }
    // A login's role and LA are what its server rights (its group role) were granted for: changing them
    // here would leave the two apart, so they are fixed; a new role is a new login.
    statements += QStringLiteral(R"(CREATE TRIGGER region_login_fixed
            BEFORE UPDATE ON region_login
            BEGIN SELECT RAISE(ABORT, 'a login keeps its role and LA; add another login for another role'); END)");
    return {12, statements};
}

} // namespace balcony::migrations
