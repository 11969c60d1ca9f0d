#pragma once

#include "support/result.h"

#include <QStringList>
#include <vector>

namespace balcony {
class Database;

namespace migrations {

// One numbered step of the schema. Its statements run together with the recorded schema version
// (PRAGMA user_version on SQLite). They are written once for both engines: dialect.h says how.
struct Migration {
    int version;
    // Statements marked dialect::serverOnly run on PostgreSQL alone, as written.
    QStringList statements;
};

// Defined one per file: migration_NNNN.cpp.
Migration foundation();          // 1: roster, cycles, groups, lead reviewers, self-assessments
Migration dayEngine();           // 2: group day plans and the live event log
Migration notes();               // 3: notes and outcome items captured during a day, as revisions
Migration calendarInvitations(); // 4: cycle organiser, group start time, what invitations were sent
Migration discardDayRun();       // 5: a day's run set aside by an event (a rehearsal, a false start)
Migration questionBank();        // 6: a region's own question bank (themes, balcony, plenary)
Migration dayQuestions();        // 7: a day's focus themes, ratings and plenary answers
Migration workingNotes();        // 8: working note revisions, rewritten in place until sealed
Migration sessionNotes();        // 9: session notes, their revisions and agreement workflow
Migration outcomes();            // 10: asks and offers, matches, priorities, action plans
Migration reportMarks();         // 11: captured items marked for the regional report
Migration roles();               // 12: a server region's logins and who may see what (PostgreSQL)
Migration dayCheckout();         // 13: days taken offline and brought back (both ends' records)
Migration concurrency();         // 14: row versions of session notes and action plan items
Migration dcsAmendment();        // 15: a DCS's working amendment of their note, on a server
Migration outcomeVersions();     // 16: row versions of the asks and offers register and priorities

// The three columns of optimistic concurrency (store/row_version.h) added to table: row_version,
// starting at firstVersion for the rows there, changed_by and changed_at_utc. Migrations 14 and 16;
// the statements must stay exactly as they ran.
QStringList rowVersionColumns(const QString& table, int firstVersion);

const std::vector<Migration>& all();
int latestVersion();

// Brings the database up to latestVersion(); a no-op when it is current. All the steps needed run in
// one transaction: a step that fails rolls the whole upgrade back (user_version included), leaving
// the file byte for byte as it was (tests/store/migration_history_test.cpp).
Status migrate(Database& db);
// The same with a given list of steps, in ascending order (tests use it to prove the rollback).
Status migrate(Database& db, const std::vector<Migration>& steps);

} // namespace migrations
} // namespace balcony
