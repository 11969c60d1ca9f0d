#include "store/row_version.h"

#include "engine/clock.h"
#include "store/database.h"
#include "store/sql.h"

#include <QLocale>
#include <QSqlQuery>

namespace balcony::rowversion {

Error changedError(const QString& what, const Stamp& stamp) {
    const QString who = stamp.changedBy.isEmpty() ? QStringLiteral("someone else") : stamp.changedBy;
    const QString when = stamp.changedAtUtc.isValid()
                             ? QStringLiteral(" at %1").arg(QLocale::c().toString(
                                   stamp.changedAtUtc.toLocalTime(), QStringLiteral("HH:mm")))
                             : QString();
    return failure(Error::Kind::Changed,
                   QStringLiteral("%1 was changed by %2%3 after you opened it, so your change was not "
                                  "saved and nothing was overwritten. Your text is kept: reload to see "
                                  "their change, then make yours again.")
                       .arg(what, who, when));
}

Result<int> claim(Database& db, const Clock& clock, const QString& table, qint64 id,
                  std::optional<int> basedOn, const QString& what) {
    return claim(db, clock, table, QStringLiteral("id"), id, basedOn, what);
}

Result<int> claim(Database& db, const Clock& clock, const QString& table, const QString& keyColumn, qint64 id,
                  std::optional<int> basedOn, const QString& what) {
    const QString now = clock.utcNow().toUTC().toString(Qt::ISODateWithMs);
    QString statement = QStringLiteral("UPDATE %1 SET row_version = row_version + 1, changed_by = ?, "
                                       "changed_at_utc = ? WHERE %2 = ?")
                            .arg(table, keyColumn);
    if (basedOn) {
        statement += QStringLiteral(" AND row_version = ?");
    }
    statement += QStringLiteral(" RETURNING row_version");
    auto claimed = basedOn ? sql::run(db, statement, {db.userName(), now, id, *basedOn})
                           : sql::run(db, statement, {db.userName(), now, id});
    if (!claimed) {
        return claimed.error();
    }
    if (claimed->next()) {
        return claimed->value(0).toInt();
    }
    auto current =
        sql::run(db,
                 QStringLiteral("SELECT row_version, changed_by, changed_at_utc FROM %1 WHERE %2 = ?")
                     .arg(table, keyColumn),
                 {id});
    if (!current) {
        return current.error();
    }
    if (!current->next()) {
        return failure(Error::Kind::NotFound, QStringLiteral("%1 is not in this region.").arg(what));
    }
    Stamp stamp;
    stamp.version = current->value(0).toInt();
    stamp.changedBy = current->value(1).toString();
    if (!current->value(2).isNull()) {
        stamp.changedAtUtc = QDateTime::fromString(current->value(2).toString(), Qt::ISODateWithMs);
        stamp.changedAtUtc.setTimeSpec(Qt::UTC);
    }
    return changedError(what, stamp);
}

} // namespace balcony::rowversion
