#pragma once

#include "support/result.h"

#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <initializer_list>

class QSqlError;

namespace balcony {

class Database;

namespace sql {

// Prepares and runs a statement with positional (?) bindings. On failure the Error says which
// statement failed and the database's reason, mapped to a kind (Conflict for constraints,
// Storage for full disk or I/O, ReadOnly, Locked).
Result<QSqlQuery> run(Database& db, const QString& statement, std::initializer_list<QVariant> bindings = {});

// Runs an INSERT (given without a RETURNING clause) and returns the id of the row it added, through
// INSERT ... RETURNING id, which both engines answer for this statement alone. (lastInsertId() is
// not used: on PostgreSQL it is the session's lastval(), wrong once a trigger inserts elsewhere.)
Result<qint64> insertReturningId(Database& db, const QString& insert,
                                 std::initializer_list<QVariant> bindings = {});

Error errorFrom(const QSqlError& error, const QString& what);

// errorFrom for a write on db: a full disk (SQLITE_FULL, or an I/O error whose system errno is
// ENOSPC, EFBIG or EDQUOT) becomes disk_full::error naming db's file (support/disk_full.h), the one
// sentence every caller shows; anything else is errorFrom(error, what).
Error errorFrom(Database& db, const QSqlError& error, const QString& what);

// Text for a NOT NULL column: an empty string, never NULL. (A null QString, as from QString() or
// a default-constructed field, is bound as NULL by Qt Sql, which a NOT NULL column refuses.)
QVariant text(const QString& value);

// NULL for an invalid QDate or an empty optional id.
QVariant nullable(qint64 id);
QVariant isoDate(const class QDate& date);
class QDate dateFrom(const QVariant& value);

} // namespace sql
} // namespace balcony
