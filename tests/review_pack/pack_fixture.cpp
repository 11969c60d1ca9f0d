#include "review_pack/pack_fixture.h"

#include "helpers/temp_dir.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace balcony::test {

ReviewPackContents packContents(const QString& authorityName, const QString& body) {
    ReviewPackContents contents;
    contents.packUuid = QUuid::createUuid();
    contents.regionName = QStringLiteral("North West");
    contents.cycleName = QStringLiteral("Autumn 2026");
    contents.groupLabel = QStringLiteral("Group 3");
    contents.groupDate = QDate(2026, 11, 20);
    contents.authorityName = authorityName;
    contents.authorityId = 17;
    contents.noteId = 42;
    contents.revisionNumber = 3;
    contents.revisionBody = body;
    contents.revisionFingerprint = fingerprintOf(body);
    contents.dueDate = QDate(2026, 12, 4);
    contents.groupAuthorities = {QStringLiteral("Blackpool"), QStringLiteral("Bolton"),
                                 QStringLiteral("Wigan")};
    return contents;
}

QDateTime packTime(int minutes) {
    return QDateTime(QDate(2026, 12, 2), QTime(9, 0), Qt::UTC).addSecs(qint64(minutes) * 60);
}

QString execRaw(const QString& path, const QString& statement) {
    const QString name = QStringLiteral("pack-test-raw-") + QUuid::createUuid().toString();
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open()) {
            error = db.lastError().text();
        } else {
            QSqlQuery query(db);
            if (!query.exec(statement)) {
                error = query.lastError().text();
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}

QByteArray fileAndJournals(const QString& path) {
    return readAll(path) + readAll(path + QStringLiteral("-journal")) +
           readAll(path + QStringLiteral("-wal"));
}

} // namespace balcony::test
