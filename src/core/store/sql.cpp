#include "store/sql.h"

#include "store/database.h"
#include "support/disk_full.h"

#include <QDate>
#include <QDir>
#include <QSqlDriver>
#include <QSqlError>
#include <sqlite3.h>

namespace balcony::sql {

Error errorFrom(const QSqlError& error, const QString& what) {
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

Result<QSqlQuery> run(Database& db, const QString& statement, std::initializer_list<QVariant> bindings) {
    QSqlQuery query(db.sql());
    if (!query.prepare(statement)) {
        return errorFrom(db, query.lastError(), statement.simplified());
    }
    for (const auto& value : bindings) {
        query.addBindValue(value);
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
    return query;
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
