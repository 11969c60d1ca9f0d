#include "store/sql.h"

#include "store/database.h"
#include "support/disk_full.h"

#include <QDate>
#include <QDir>
#include <QSqlDriver>
#include <QSqlError>
#include <sqlite3.h>

namespace balcony::sql {

namespace {

// PostgreSQL reports a five-character SQLSTATE (https://www.postgresql.org/docs/15/errcodes-appendix.html);
// SQLite a number below 10000.
Error errorFromSqlState(const QSqlError& error, const QString& state, const QString& what) {
    Error::Kind kind = Error::Kind::Failed;
    QString reason = error.databaseText().trimmed();
    if (reason.isEmpty()) {
        reason = error.text();
    }
    // QPSQL may append the SQLSTATE in brackets; keep the server's sentence only.
    reason = reason.section(u'\n', 0, 0).trimmed();
    const QString cls = state.left(2);
    if (cls == QStringLiteral("23")) {
        kind = Error::Kind::Conflict; // constraints, and the schema's triggers (check_violation)
    } else if (state == QStringLiteral("25006")) {
        kind = Error::Kind::ReadOnly;
        reason = QStringLiteral("the database cannot be written (it is open read-only)");
    } else if (state == QStringLiteral("40001") || state == QStringLiteral("40P01") ||
               state == QStringLiteral("55P03")) {
        kind = Error::Kind::Locked;
        reason = QStringLiteral("someone else was changing the same data; try again in a moment");
    } else if (cls == QStringLiteral("53") || cls == QStringLiteral("58")) {
        kind = Error::Kind::Storage;
        reason = QStringLiteral("the server could not store it (%1); tell whoever runs the server. Nothing "
                                "was saved")
                     .arg(reason);
    } else if (cls == QStringLiteral("08") || cls == QStringLiteral("57")) {
        reason = QStringLiteral("the connection to the server was lost (%1). Nothing was saved").arg(reason);
    }
    return Error{kind, QStringLiteral("%1 failed: %2").arg(what, reason)};
}

} // namespace

Error errorFrom(const QSqlError& error, const QString& what) {
    if (const QString native = error.nativeErrorCode(); native.size() == 5) {
        return errorFromSqlState(error, native, what);
    }
    // SQLite primary result codes (the extended code's low byte).
    const int code = error.nativeErrorCode().toInt() & 0xff;
    Error::Kind kind = Error::Kind::Failed;
    QString reason = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    switch (code) {
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
        kind = Error::Kind::Locked;
        reason = QStringLiteral("the database is busy in another program; try again in a moment");
        break;
    case 8: // SQLITE_READONLY
        kind = Error::Kind::ReadOnly;
        reason = QStringLiteral("the database cannot be written (it is read-only)");
        break;
    case 10: // SQLITE_IOERR
        kind = Error::Kind::Storage;
        reason = QStringLiteral("a disk read or write failed; check the drive. Nothing was saved");
        break;
    case 13: // SQLITE_FULL: the shared sentence, without the statement, which means nothing to a user
        return disk_full::error(QString());
    case 11: // SQLITE_CORRUPT
    case 26: // SQLITE_NOTADB
        kind = Error::Kind::Corrupt;
        break;
    case 19: // SQLITE_CONSTRAINT
        kind = Error::Kind::Conflict;
        break;
    default:
        break;
    }
    return Error{kind, QStringLiteral("%1 failed: %2").arg(what, reason)};
}

Error errorFrom(Database& db, const QSqlError& error, const QString& what) {
    if (db.isServer()) { // its native codes are SQLSTATEs, read by errorFrom(error, what)
        if (error.nativeErrorCode().size() != 5 && error.type() != QSqlError::NoError) {
            // No SQLSTATE: libpq lost the connection before the server could answer.
            return Error{Error::Kind::Failed,
                         QStringLiteral("%1 failed: the connection to the server was lost (%2). Nothing was "
                                        "saved; Balcony connects again when it next saves")
                             .arg(what, error.text().section(u'\n', 0, 0).trimmed())};
        }
        return errorFrom(error, what);
    }
    const int code = error.nativeErrorCode().toInt() & 0xff;
    bool full = code == SQLITE_FULL;
    if (code == SQLITE_IOERR) {
        // SQLite calls only ENOSPC "full"; a file-size limit (EFBIG) or a quota is an I/O error to it.
        const QVariant handle = db.sql().driver()->handle();
        if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0) {
            full = disk_full::isFullErrno(
                sqlite3_system_errno(*static_cast<sqlite3* const*>(handle.constData())));
        }
    }
    return full ? disk_full::error(db.path()) : errorFrom(error, what);
}
namespace {

// SQLite undoes a failed statement alone and the transaction goes on; PostgreSQL aborts the whole
// transaction, so that even the query that would explain a refusal fails. Inside a transaction on
// PostgreSQL each statement gets a savepoint, so that both engines behave as SQLite does.
class StatementSavepoint final {
public:
    explicit StatementSavepoint(Database& db)
        : m_db(db)
        , m_active(db.isServer() && db.inTransaction()) {
        if (m_active) {
            m_active = QSqlQuery(m_db.sql()).exec(QStringLiteral("SAVEPOINT balcony_statement"));
        }
    }
    ~StatementSavepoint() {
        if (m_active) {
            QSqlQuery undo(m_db.sql());
            if (!m_done) {
                undo.exec(QStringLiteral("ROLLBACK TO SAVEPOINT balcony_statement"));
            }
            undo.exec(QStringLiteral("RELEASE SAVEPOINT balcony_statement"));
        }
    }
    StatementSavepoint(const StatementSavepoint&) = delete;
    StatementSavepoint& operator=(const StatementSavepoint&) = delete;
    void done() { m_done = true; }

private:
    Database& m_db;
    bool m_active = false;
    bool m_done = false;
};

} // namespace

Result<QSqlQuery> run(Database& db, const QString& statement, std::initializer_list<QVariant> bindings) {
    StatementSavepoint savepoint(db);
    QSqlQuery query(db.sql());
    if (!query.prepare(statement)) {
        return errorFrom(db, query.lastError(), statement.simplified());
    }
    for (const auto& value : bindings) {
        // Flags are 0/1 integers on both engines (dialect.h); QPSQL would send a bool as TRUE.
        query.addBindValue(value.typeId() == QMetaType::Bool ? QVariant(value.toBool() ? 1 : 0) : value);
    }
    if (!query.exec()) {
        Error error = errorFrom(db, query.lastError(), statement.simplified());
        if (error.kind == Error::Kind::ReadOnly && db.isReadOnly()) {
            error.message = QStringLiteral("%1 is open read-only, so nothing can be changed. Close it and "
                                           "open it for writing to make changes.")
                                .arg(QDir::toNativeSeparators(db.path()));
        }
        return error;
    }
    savepoint.done();
    return query;
}

Result<qint64> insertReturningId(Database& db, const QString& insert,
                                 std::initializer_list<QVariant> bindings) {
    auto query = run(db, insert + QStringLiteral(" RETURNING id"), bindings);
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return failure(Error::Kind::Failed, QStringLiteral("%1 added no row.").arg(insert.simplified()));
    }
    const qint64 id = query->value(0).toLongLong();
    // SQLite finishes the statement only when it is stepped to the end or reset.
    query->finish();
    return id;
}

QVariant text(const QString& value) {
    return value.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(value);
}

QVariant nullable(qint64 id) {
    return id > 0 ? QVariant(id) : QVariant(QMetaType(QMetaType::LongLong));
}

QVariant isoDate(const QDate& date) {
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant(QMetaType(QMetaType::QString));
}

QDate dateFrom(const QVariant& value) {
    return value.isNull() ? QDate() : QDate::fromString(value.toString(), Qt::ISODate);
}

} // namespace balcony::sql
