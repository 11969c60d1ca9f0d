#include "helpers/test_database.h"
#include "store/database.h"
#include "store/sql.h"

#include <QSqlQuery>
#include <catch2/catch.hpp>

// The rules the schema itself enforces, tried in plain SQL: they hold whatever code touches the data,
// on SQLite and on PostgreSQL alike (each test runs on every engine test::engines() offers).
using namespace balcony;

namespace {

class Region {
public:
    explicit Region(Engine engine)
        : m_fresh(engine) {
        UNSCOPED_INFO("on " << test::engineName(engine).toStdString());
        m_db = m_fresh.open();
        for (const char* statement : {
                 "INSERT INTO authority(id, name) VALUES (1, 'Kent'), (2, 'Medway'), (3, 'Surrey'), "
                 "(4, 'Slough'), (5, 'Reading')",
                 "INSERT INTO cycle(id, name, first_day, last_day) VALUES (1, '2022-2023', '2022-09-01', "
                 "'2023-03-31'), (2, '2023-2024', '2023-09-01', '2024-03-31')",
                 "INSERT INTO review_group(id, cycle_id, label, held_on, uid) VALUES "
                 "(1, 1, 'Triad 1', '2022-11-10', 'g1'), (2, 1, 'Pair 2', '2022-11-17', 'g2'), "
                 "(3, 2, 'Triad 1', '2023-11-09', 'g3')",
                 "INSERT INTO group_member(group_id, cycle_id, authority_id, position) VALUES "
                 "(1, 1, 1, 0), (1, 1, 2, 1), (1, 1, 3, 2), (2, 1, 4, 0), (2, 1, 5, 1)",
                 "INSERT INTO lead_review(group_id, reviewee_id, reviewer_id) VALUES (1, 1, 2), (1, 2, 3), "
                 "(1, 3, 1)",
             }) {
            REQUIRE(exec(QString::fromLatin1(statement)).ok());
        }
    }

    Status exec(const QString& statement) {
        auto query = sql::run(*m_db, statement);
        if (!query) {
            return query.error();
        }
        return {};
    }

    int count(const QString& statement) {
        auto query = sql::run(*m_db, statement);
        REQUIRE(query.ok());
        REQUIRE(query->next());
        return query->value(0).toInt();
    }

    // A refusal by the schema: a constraint, reported as a Conflict.
    bool refused(const QString& statement) {
        auto done = exec(statement);
        return !done.ok() && done.error().kind == Error::Kind::Conflict;
    }

private:
    test::FreshDatabase m_fresh;
    std::unique_ptr<Database> m_db;
};

QString q(const char* text) {
    return QString::fromLatin1(text);
}

} // namespace

TEST_CASE("Schema: an authority takes part at most once per cycle", "[store][schema]") {
    Region region(GENERATE(from_range(test::engines())));
    CHECK(region.refused(q("INSERT INTO group_member(group_id, cycle_id, authority_id, position) "
                           "VALUES (2, 1, 1, 2)")));
    // A member row that lies about its group's cycle is refused too, so the rule cannot be dodged.
    CHECK(region.refused(q("INSERT INTO group_member(group_id, cycle_id, authority_id, position) "
                           "VALUES (2, 2, 1, 2)")));
    // The next cycle is free to have it again.
    CHECK(region
              .exec(q("INSERT INTO group_member(group_id, cycle_id, authority_id, position) "
                      "VALUES (3, 2, 1, 0)"))
              .ok());
}

TEST_CASE("Schema: a lead reviewer is another member of the same group", "[store][schema]") {
    Region region(GENERATE(from_range(test::engines())));
    CHECK(region.refused(q("UPDATE lead_review SET reviewer_id = 1 WHERE group_id = 1 AND reviewee_id = 1")));
    CHECK(region.refused(q("UPDATE lead_review SET reviewer_id = 4 WHERE group_id = 1 AND reviewee_id = 1")));
    CHECK(region.refused(q("INSERT INTO lead_review(group_id, reviewee_id, reviewer_id) VALUES (2, 4, 1)")));
    // One lead reviewer per reviewee in a group.
    CHECK(region.refused(q("INSERT INTO lead_review(group_id, reviewee_id, reviewer_id) VALUES (1, 1, 3)")));
    CHECK(
        region.exec(q("INSERT INTO lead_review(group_id, reviewee_id, reviewer_id) VALUES (2, 4, 5)")).ok());
}

TEST_CASE("Schema: modes, roles and statuses outside their lists are refused", "[store][schema]") {
    Region region(GENERATE(from_range(test::engines())));
    CHECK(region.refused(q("UPDATE review_group SET mode = 'hybrid' WHERE id = 1")));
    CHECK(region.exec(q("UPDATE review_group SET mode = 'virtual' WHERE id = 1")).ok());
    CHECK(region.refused(q("INSERT INTO person(name, role, authority_id) VALUES ('Ann', 'boss', 1)")));
    CHECK(region.refused(
        q("INSERT INTO self_assessment(cycle_id, authority_id, status) VALUES (1, 1, 'done')")));
    CHECK(region.refused(
        q("INSERT INTO self_assessment(cycle_id, authority_id, moderation_status) VALUES (1, 1, 'maybe')")));
    CHECK(region
              .exec(q("INSERT INTO self_assessment(cycle_id, authority_id, status, moderation_status) "
                      "VALUES (1, 1, 'signed_off_dcs', 'requested')"))
              .ok());
    // A role that belongs to an authority needs one.
    CHECK(region.refused(q("INSERT INTO person(name, role) VALUES ('Ann', 'dcs')")));
    CHECK(region.exec(q("INSERT INTO person(name, role) VALUES ('Fran', 'facilitator')")).ok());
}

TEST_CASE("Schema: an authority has one DCS, one chief executive and one lead member", "[store][schema]") {
    Region region(GENERATE(from_range(test::engines())));
    REQUIRE(region.exec(q("INSERT INTO person(name, role, authority_id) VALUES ('Ann', 'dcs', 1)")).ok());
    CHECK(region.refused(q("INSERT INTO person(name, role, authority_id) VALUES ('Bea', 'dcs', 1)")));
    CHECK(region.exec(q("INSERT INTO person(name, role, authority_id) VALUES ('Bea', 'dcs', 2)")).ok());
    REQUIRE(region.exec(q("INSERT INTO person(name, role, authority_id) VALUES ('Cy', 'chief_executive', 1)"))
                .ok());
    CHECK(region.refused(
        q("INSERT INTO person(name, role, authority_id) VALUES ('Di', 'chief_executive', 1)")));
    // Team members are many.
    CHECK(region
              .exec(q("INSERT INTO person(name, role, authority_id) VALUES ('Ed', 'team_member', 1), "
                      "('Flo', 'team_member', 1)"))
              .ok());
}

TEST_CASE("Schema: a cycle ends on or after the day it starts", "[store][schema]") {
    Region region(GENERATE(from_range(test::engines())));
    CHECK(region.refused(
        q("INSERT INTO cycle(name, first_day, last_day) VALUES ('Backwards', '2024-03-31', '2023-09-01')")));
    CHECK(region.refused(q("UPDATE cycle SET last_day = '2022-08-31' WHERE id = 1")));
    CHECK(region.refused(
        q("UPDATE cycle SET moderation_from_weeks = 6 WHERE id = 1"))); // opens after it closes
    CHECK(region
              .exec(q("INSERT INTO cycle(name, first_day, last_day) VALUES ('One day', '2025-01-01', "
                      "'2025-01-01')"))
              .ok());
}

TEST_CASE("Schema: deleting a group deletes its members and assignments", "[store][schema]") {
    Region region(GENERATE(from_range(test::engines())));
    REQUIRE(region.exec(q("DELETE FROM review_group WHERE id = 1")).ok());
    CHECK(region.count(q("SELECT count(*) FROM group_member WHERE group_id = 1")) == 0);
    CHECK(region.count(q("SELECT count(*) FROM lead_review WHERE group_id = 1")) == 0);
    CHECK(region.count(q("SELECT count(*) FROM group_member WHERE group_id = 2")) == 2);
    CHECK(region.count(q("SELECT count(*) FROM authority")) == 5);
}

TEST_CASE("Schema: taking an authority out of a group removes the assignments that involved it",
          "[store][schema]") {
    Region region(GENERATE(from_range(test::engines())));
    // Medway (2) reviews Kent (1) and is reviewed by Surrey (3).
    REQUIRE(region.exec(q("DELETE FROM group_member WHERE group_id = 1 AND authority_id = 2")).ok());
    CHECK(region.count(q("SELECT count(*) FROM lead_review WHERE reviewee_id = 2 OR reviewer_id = 2")) == 0);
    // Kent's review of Surrey does not involve Medway and stays.
    CHECK(region.count(q("SELECT count(*) FROM lead_review WHERE reviewee_id = 3 AND reviewer_id = 1")) == 1);
    CHECK(region.count(q("SELECT count(*) FROM lead_review")) == 1);
}

TEST_CASE("Schema: removing an authority from the roster removes it everywhere", "[store][schema]") {
    Region region(GENERATE(from_range(test::engines())));
    REQUIRE(region.exec(q("DELETE FROM authority WHERE id = 1")).ok());
    CHECK(region.count(q("SELECT count(*) FROM group_member WHERE authority_id = 1")) == 0);
    CHECK(region.count(q("SELECT count(*) FROM lead_review WHERE reviewee_id = 1 OR reviewer_id = 1")) == 0);
}

TEST_CASE("Schema: the day's event log is append-only and a discard needs a run", "[store][schema]") {
    Region region(GENERATE(from_range(test::engines())));
    CHECK(region.refused(q("INSERT INTO day_event(group_id, at_utc, kind) VALUES "
                           "(1, '2022-11-10T09:00:00.000Z', 'discarded')")));
    REQUIRE(region
                .exec(q("INSERT INTO day_event(group_id, at_utc, kind) VALUES "
                        "(1, '2022-11-10T09:00:00.000Z', 'started')"))
                .ok());
    CHECK(region.refused(q("UPDATE day_event SET kind = 'paused'")));
    CHECK(region
              .exec(q("INSERT INTO day_event(group_id, at_utc, kind) VALUES "
                      "(1, '2022-11-10T09:05:00.000Z', 'discarded')"))
              .ok());
    CHECK(region.count(q("SELECT count(*) FROM day_event WHERE kind = 'started'")) == 1);
}

TEST_CASE("Schema: note revisions cannot change or go, and an item keeps its LA", "[store][schema]") {
    Region region(GENERATE(from_range(test::engines())));
    REQUIRE(region
                .exec(q("INSERT INTO note_item(id, group_id, authority_id, created_at_utc) VALUES "
                        "(1, 1, 1, '2022-11-10T09:00:00.000Z')"))
                .ok());
    REQUIRE(
        region
            .exec(q("INSERT INTO note_revision(item_id, number, saved_at_utc, kind, body, working) VALUES "
                    "(1, 1, '2022-11-10T09:00:00.000Z', 'note', 'Sealed text', 0), "
                    "(1, 2, '2022-11-10T09:01:00.000Z', 'note', 'Working text', 1)"))
            .ok());
    CHECK(region.refused(q("UPDATE note_revision SET body = 'Rewritten' WHERE number = 1")));
    CHECK(region.refused(q("DELETE FROM note_revision WHERE number = 1")));
    CHECK(region.refused(q("UPDATE note_item SET authority_id = 2")));
    // The working revision is rewritten in place, but keeps its number.
    CHECK(region.exec(q("UPDATE note_revision SET body = 'Working text, more' WHERE number = 2")).ok());
    CHECK(region.refused(q("UPDATE note_revision SET number = 3 WHERE number = 2")));
    CHECK(region.refused(q("INSERT INTO note_revision(item_id, number, saved_at_utc, kind, body) VALUES "
                           "(1, 3, '2022-11-10T09:02:00.000Z', 'note', '   ')")));
}

TEST_CASE("Schema: an agreed session note cannot change and its history stays", "[store][schema]") {
    Region region(GENERATE(from_range(test::engines())));
    const QString fingerprint(64, u'a');
    CHECK(region.refused(q("INSERT INTO session_note(id, cycle_id, group_id, authority_id, status, "
                           "created_at_utc) VALUES (1, 1, 1, 1, 'agreed', '2022-11-11T09:00:00.000Z')")));
    REQUIRE(region
                .exec(q("INSERT INTO session_note(id, cycle_id, group_id, authority_id, created_at_utc) "
                        "VALUES (1, 1, 1, 1, '2022-11-11T09:00:00.000Z')"))
                .ok());
    REQUIRE(region
                .exec(q("INSERT INTO session_note_step(note_id, number, from_status, to_status, at_utc, "
                        "by_name) VALUES (1, 1, NULL, 'draft', '2022-11-11T09:00:00.000Z', 'Facilitator')"))
                .ok());
    REQUIRE(region
                .exec(QStringLiteral("INSERT INTO session_note_revision(note_id, number, body, author, "
                                     "created_at_utc, fingerprint, origin) VALUES (1, 1, 'Text', 'F', "
                                     "'2022-11-11T09:00:00.000Z', '%1', 'draft')")
                          .arg(fingerprint))
                .ok());
    // Numbered in order, and the status moves only through a step.
    CHECK(region.refused(QStringLiteral("INSERT INTO session_note_revision(note_id, number, body, author, "
                                        "created_at_utc, fingerprint, origin) VALUES (1, 3, 'Text', 'F', "
                                        "'2022-11-11T09:00:00.000Z', '%1', 'edit')")
                             .arg(fingerprint)));
    CHECK(region.refused(q("UPDATE session_note SET status = 'sent'")));
    REQUIRE(region
                .exec(QStringLiteral("INSERT INTO session_note_step(note_id, number, from_status, to_status, "
                                     "at_utc, by_name, revision, fingerprint) VALUES (1, 2, 'draft', 'sent', "
                                     "'2022-11-12T09:00:00.000Z', 'Facilitator', 1, '%1')")
                          .arg(fingerprint))
                .ok());
    CHECK(region.count(q("SELECT count(*) FROM session_note WHERE status = 'sent'")) == 1);
    // An agreement names the latest revision's fingerprint.
    CHECK(region.refused(
        QStringLiteral("INSERT INTO session_note_step(note_id, number, from_status, to_status, "
                       "at_utc, by_name, revision, fingerprint) VALUES (1, 3, 'sent', "
                       "'agreed', '2022-11-13T09:00:00.000Z', 'DCS', 1, '%1')")
            .arg(QString(64, u'b'))));
    REQUIRE(
        region
            .exec(QStringLiteral("INSERT INTO session_note_step(note_id, number, from_status, to_status, "
                                 "at_utc, by_name, revision, fingerprint) VALUES (1, 3, 'sent', 'agreed', "
                                 "'2022-11-13T09:00:00.000Z', 'DCS', 1, '%1')")
                      .arg(fingerprint))
            .ok());
    CHECK(region.refused(QStringLiteral("INSERT INTO session_note_revision(note_id, number, body, author, "
                                        "created_at_utc, fingerprint, origin) VALUES (1, 2, 'Later', 'F', "
                                        "'2022-11-14T09:00:00.000Z', '%1', 'edit')")
                             .arg(fingerprint)));
    CHECK(region.refused(q("UPDATE session_note_revision SET body = 'Quieter'")));
    CHECK(region.refused(q("DELETE FROM session_note_step")));
    CHECK(region.refused(q("DELETE FROM session_note")));
    // A reopening needs a reason.
    CHECK(region.refused(q("INSERT INTO session_note_step(note_id, number, from_status, to_status, at_utc, "
                           "by_name) VALUES (1, 4, 'agreed', 'draft', '2022-11-15T09:00:00.000Z', 'PM')")));
}

TEST_CASE("Schema: a RAG rating needs a reason and is never changed, and a match pairs two LAs",
          "[store][schema]") {
    Region region(GENERATE(from_range(test::engines())));
    REQUIRE(region
                .exec(q("INSERT INTO plan_action(id, cycle_id, authority_id, body, created_at_utc) VALUES "
                        "(1, 1, 1, 'Recruit social workers', '2022-12-01T09:00:00.000Z')"))
                .ok());
    CHECK(region.refused(q("INSERT INTO plan_action_rag(action_id, rag, reason, rated_at_utc) VALUES "
                           "(1, 'red', ' ', '2022-12-02T09:00:00.000Z')")));
    REQUIRE(region
                .exec(q("INSERT INTO plan_action_rag(action_id, rag, reason, rated_at_utc) VALUES "
                        "(1, 'red', 'No applicants yet', '2022-12-02T09:00:00.000Z')"))
                .ok());
    CHECK(region.refused(q("UPDATE plan_action_rag SET rag = 'green'")));

    REQUIRE(region
                .exec(q("INSERT INTO note_item(id, group_id, authority_id, created_at_utc) VALUES "
                        "(1, 1, 1, '2022-11-10T09:00:00.000Z'), (2, 1, 1, '2022-11-10T09:00:00.000Z'), "
                        "(3, 1, 2, '2022-11-10T09:00:00.000Z')"))
                .ok());
    CHECK(region.refused(q("INSERT INTO match_decision(ask_item_id, offer_item_id, decision, decided_at_utc) "
                           "VALUES (1, 2, 'confirmed', '2022-12-01T09:00:00.000Z')")));
    CHECK(region
              .exec(q("INSERT INTO match_decision(ask_item_id, offer_item_id, decision, decided_at_utc) "
                      "VALUES (1, 3, 'confirmed', '2022-12-01T09:00:00.000Z')"))
              .ok());
}
