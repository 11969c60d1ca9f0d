#include "helpers/temp_dir.h"
#include "store/database.h"
#include "store/sql.h"

#include <QSqlQuery>
#include <catch2/catch.hpp>

// The rules the schema itself enforces, tried in plain SQL: they hold whatever code touches the data.
using namespace balcony;

namespace {

class Region {
public:
    Region() {
        auto opened = Database::open(m_dir.path(QStringLiteral("region.balcony")), {.create = true});
        REQUIRE(opened.ok());
        m_db = std::move(*opened);
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
    test::TempDir m_dir;
    std::unique_ptr<Database> m_db;
};

QString q(const char* text) {
    return QString::fromLatin1(text);
}

} // namespace

TEST_CASE("Schema: an authority takes part at most once per cycle", "[store][schema]") {
    Region region;
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
    Region region;
    CHECK(region.refused(q("UPDATE lead_review SET reviewer_id = 1 WHERE group_id = 1 AND reviewee_id = 1")));
    CHECK(region.refused(q("UPDATE lead_review SET reviewer_id = 4 WHERE group_id = 1 AND reviewee_id = 1")));
    CHECK(region.refused(q("INSERT INTO lead_review(group_id, reviewee_id, reviewer_id) VALUES (2, 4, 1)")));
    // One lead reviewer per reviewee in a group.
    CHECK(region.refused(q("INSERT INTO lead_review(group_id, reviewee_id, reviewer_id) VALUES (1, 1, 3)")));
    CHECK(
        region.exec(q("INSERT INTO lead_review(group_id, reviewee_id, reviewer_id) VALUES (2, 4, 5)")).ok());
}

TEST_CASE("Schema: modes, roles and statuses outside their lists are refused", "[store][schema]") {
    Region region;
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
    Region region;
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
    Region region;
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
    Region region;
    REQUIRE(region.exec(q("DELETE FROM review_group WHERE id = 1")).ok());
    CHECK(region.count(q("SELECT count(*) FROM group_member WHERE group_id = 1")) == 0);
    CHECK(region.count(q("SELECT count(*) FROM lead_review WHERE group_id = 1")) == 0);
    CHECK(region.count(q("SELECT count(*) FROM group_member WHERE group_id = 2")) == 2);
    CHECK(region.count(q("SELECT count(*) FROM authority")) == 5);
}

TEST_CASE("Schema: taking an authority out of a group removes the assignments that involved it",
          "[store][schema]") {
    Region region;
    // Medway (2) reviews Kent (1) and is reviewed by Surrey (3).
    REQUIRE(region.exec(q("DELETE FROM group_member WHERE group_id = 1 AND authority_id = 2")).ok());
    CHECK(region.count(q("SELECT count(*) FROM lead_review WHERE reviewee_id = 2 OR reviewer_id = 2")) == 0);
    // Kent's review of Surrey does not involve Medway and stays.
    CHECK(region.count(q("SELECT count(*) FROM lead_review WHERE reviewee_id = 3 AND reviewer_id = 1")) == 1);
    CHECK(region.count(q("SELECT count(*) FROM lead_review")) == 1);
}

TEST_CASE("Schema: removing an authority from the roster removes it everywhere", "[store][schema]") {
    Region region;
    REQUIRE(region.exec(q("DELETE FROM authority WHERE id = 1")).ok());
    CHECK(region.count(q("SELECT count(*) FROM group_member WHERE authority_id = 1")) == 0);
    CHECK(region.count(q("SELECT count(*) FROM lead_review WHERE reviewee_id = 1 OR reviewer_id = 1")) == 0);
}
