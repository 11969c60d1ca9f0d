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
// another login's name: it learns which groups or LA that login sees, never what a row holds.)
namespace balcony::migrations {
namespace {

// A lookup in region_login (and the groups) for the login who, run as the tables' owner.
QString lookup(const QString& signature, const QString& returns, const QString& body) {
    return dialect::serverOnly(
        QStringLiteral("CREATE OR REPLACE FUNCTION %1 RETURNS %2 LANGUAGE sql STABLE "
                       "SECURITY DEFINER SET search_path FROM CURRENT AS $balcony$\n%3\n"
                       "$balcony$")
            .arg(signature, returns, body));
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
        // A project manager or read-only login sees every row.
        lookup(QStringLiteral("balcony_sees_all(who name)"), QStringLiteral("boolean"),
               QStringLiteral("SELECT EXISTS (SELECT 1 FROM region_login WHERE login = who "
                              "AND role IN ('pm', 'read_only'))")),
        // A DCS's LA (NULL for the other roles).
        lookup(QStringLiteral("balcony_own_authority(who name)"), QStringLiteral("integer"),
               QStringLiteral("SELECT authority_id FROM region_login WHERE login = who AND role = 'dcs'")),
        // The groups a DCS's LA is in.
        lookup(QStringLiteral("balcony_member_groups(who name)"), QStringLiteral("SETOF integer"),
               QStringLiteral("SELECT m.group_id FROM group_member m JOIN region_login l "
                              "ON l.authority_id = m.authority_id WHERE l.login = who AND l.role = 'dcs'")),
        // The groups a facilitator facilitates (their person is the group's facilitator_id).
        lookup(QStringLiteral("balcony_facilitated_groups(who name)"), QStringLiteral("SETOF integer"),
               QStringLiteral(
                   "SELECT r.id FROM review_group r JOIN region_login l ON l.person_id = r.facilitator_id "
                   "WHERE l.login = who AND l.role = 'facilitator'")),
        // The LAs (by cycle) of the groups a facilitator facilitates.
        lookup(QStringLiteral("balcony_facilitated_members(who name)"),
               QStringLiteral("TABLE (member_cycle integer, member_authority integer)"),
               QStringLiteral("SELECT m.cycle_id, m.authority_id FROM group_member m JOIN review_group r "
                              "ON r.id = m.group_id JOIN region_login l ON l.person_id = r.facilitator_id "
                              "WHERE l.login = who AND l.role = 'facilitator'")),
    };
    // Each lookup is wrapped in a subquery of its own that does not depend on the row, so PostgreSQL
    // runs it once per query (an InitPlan or a hashed subplan), not once per row.
    const QString all = QStringLiteral("(SELECT balcony_sees_all(current_user))");
    const QString group =
        all + QStringLiteral(" OR group_id IN (SELECT balcony_member_groups(current_user)) "
                             "OR group_id IN (SELECT balcony_facilitated_groups(current_user))");
    const QString la =
        all + QStringLiteral(" OR authority_id = (SELECT balcony_own_authority(current_user)) "
                             "OR group_id IN (SELECT balcony_facilitated_groups(current_user))");
    const QString laInCycle =
        all + QStringLiteral(" OR authority_id = (SELECT balcony_own_authority(current_user)) "
                             "OR (cycle_id, authority_id) IN (SELECT member_cycle, member_authority "
                             "FROM balcony_facilitated_members(current_user))");
    // A row of another row's is visible when that row is: the subquery is bound by its table's policy.
    const QString item = QStringLiteral("item_id IN (SELECT i.id FROM note_item i)");
    const QString sessionNote = QStringLiteral("note_id IN (SELECT n.id FROM session_note n)");
    const QString action = QStringLiteral("action_id IN (SELECT a.id FROM plan_action a)");
    const std::vector<std::pair<const char*, QString>> tables = {
        {"review_group", all + QStringLiteral(" OR id IN (SELECT balcony_member_groups(current_user)) "
                                              "OR id IN (SELECT balcony_facilitated_groups(current_user))")},
        {"group_member", group},
        {"lead_review", group},
        {"group_day_plan", group},
        {"group_block_plan", group},
        {"day_event", group},
        {"plenary_answer", group},
        {"group_priority", group},
        {"priority_link", QStringLiteral("first_id IN (SELECT p.id FROM group_priority p)")},
        {"note_item", la},
        {"question_focus", la},
        {"question_rating", la},
        {"session_note", la},
        {"note_revision", item},
        {"ask_offer_state", item},
        {"report_mark", item},
        {"match_decision", QStringLiteral("ask_item_id IN (SELECT i.id FROM note_item i) "
                                          "OR offer_item_id IN (SELECT i.id FROM note_item i)")},
        {"follow_up", QStringLiteral("match_id IN (SELECT d.id FROM match_decision d)")},
        {"session_note_revision", sessionNote},
        {"session_note_step", sessionNote},
        {"session_note_source", sessionNote},
        {"pack_import", sessionNote},
        {"self_assessment", laInCycle},
        {"plan_action", laInCycle},
        {"plan_action_progress", action},
        {"plan_action_rag", action},
        // A login sees its own row; a PM or read-only login sees them all.
        {"region_login", QStringLiteral("login = current_user OR ") + all},
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
