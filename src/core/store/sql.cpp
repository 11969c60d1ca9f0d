#include "store/sql.h"

#include "store/database.h"

#include <QDate>
#include <QDir>
#include <QSqlError>

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
    case 13: // SQLITE_FULL
        kind = Error::Kind::Storage;
        reason = code == 13
                     ? QStringLiteral("the disk is full; free some space and try again. Nothing was saved")
                     : QStringLiteral("a disk read or write failed; check the drive. Nothing was saved");
        break;
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

Result<QSqlQuery> run(Database& db, const QString& statement, std::initializer_list<QVariant> bindings) {
    QSqlQuery query(db.sql());
    if (!query.prepare(statement)) {
        return errorFrom(query.lastError(), statement.simplified());
    }
    for (const auto& value : bindings) {
        query.addBindValue(value);
    }
    if (!query.exec()) {
        Error error = errorFrom(query.lastError(), statement.simplified());
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
