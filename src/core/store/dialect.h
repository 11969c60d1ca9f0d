#pragma once

#include "store/location.h"
#include "support/result.h"

#include <QString>
#include <QStringList>
#include <vector>

class QSqlDatabase;

namespace balcony {
class Database;
}

namespace balcony::dialect {

// What differs between the two engines, in one place (docs/architecture.md, "The dialect seam").
// The migrations are written once, in SQL both engines read, with SQLite's spelling for the few
// things that have none in common; on PostgreSQL these become:
//   - "id INTEGER PRIMARY KEY" (SQLite's row id): an identity column, and a trigger that moves the
//     column's sequence past an id given explicitly (imports keep ids), as SQLite's max+1 does;
//   - CREATE TRIGGER ... [WHEN cond] BEGIN ... END: a PL/pgSQL function with the condition inside
//     (PostgreSQL allows no subquery in a trigger's WHEN) and the trigger calling it;
//     SELECT RAISE(ABORT, 'why') becomes RAISE EXCEPTION 'why' with SQLSTATE 23514
//     (check_violation), so a refusal is a constraint error on both engines;
//   - DROP TRIGGER name: dropped on whichever table holds it;
//   - "a IS NOT b" (other than IS NOT NULL): "a IS DISTINCT FROM b"; instr(): strpos().
// Dates and times stay ISO 8601 text and flags stay 0/1 integers on both, so that every query, CHECK
// and comparison means the same on both engines.

// The statements that carry out one migration statement on engine (SQLite: itself, or none for a
// statement marked serverOnly()).
QStringList migrationStatements(Engine engine, const QString& statement);

// Marks a migration statement that has meaning on PostgreSQL alone (row-level security, roles,
// policies: SQLite has no logins, so there is nothing for it to do): SQLite drops it, and PostgreSQL
// runs it exactly as written, without the translations above.
QString serverOnly(const QString& statement);
// The other way round: a statement SQLite alone runs, for a rule PostgreSQL keeps with a statement of
// its own (serverOnly), such as a trigger whose function must run as the tables' owner.
QString fileOnly(const QString& statement);

// The statements that mark a blank database as Balcony's (schema version 0): SQLite's
// application_id; on PostgreSQL a one-row table balcony_schema(application_id, version).
QStringList markAsBalcony(Engine engine, qint32 applicationId);
// The statement that records the schema version, in the same transaction as the step.
QString recordVersion(Engine engine, int version);
// Statements run first in an upgrade's transaction: on PostgreSQL a transaction-scoped advisory
// lock, so two programs connecting at once do not both upgrade (the second waits, then finds the
// schema current). None on SQLite, where the region lock file does that.
QStringList upgradeLock(Engine engine, qint32 applicationId);

// The schema version recorded in db, 0 for a blank database, or an error.
Result<int> schemaVersion(Engine engine, QSqlDatabase& db);

// The region's tables (not the engine's own, nor balcony_schema), sorted by name.
Result<QStringList> tableNames(Database& db);

// One column of a table, as the engine's catalogue lists it.
struct Column {
    QString name;
    bool primaryKey = false; // part of the table's primary key
};
// The columns of table in the table's own order (pragma_table_info; pg_attribute and pg_index),
// empty when there is no such table.
Result<std::vector<Column>> columns(Database& db, const QString& table);

// One column of a foreign key: table.column refers to the given table's referencedColumn.
struct ForeignKeyColumn {
    QString table;
    QString column;
    QString referencedColumn;
};
// Every foreign-key column of the schema that refers to table, read from the engine's catalogue
// (sqlite_master and pragma_foreign_key_list; pg_constraint), in no particular order.
Result<std::vector<ForeignKeyColumn>> foreignKeysInto(Database& db, const QString& table);

} // namespace balcony::dialect
