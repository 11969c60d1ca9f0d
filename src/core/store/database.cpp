#include "store/database.h"

#include "store/migrations.h"
#include "store/sql.h"
#include "support/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace balcony {
namespace {

constexpr char sqliteMagic[] = "SQLite format 3"; // followed by a NUL: 16 bytes in all
constexpr int sqliteHeaderSize = 100;

QString nativePath(const QString& path) {
    return QDir::toNativeSeparators(path);
}

enum class FileState { Missing, Empty, Sqlite, NotSqlite, Unreadable, Directory };

FileState inspectFile(const QString& path) {
    const QFileInfo info(path);
    if (!info.exists()) {
        return FileState::Missing;
    }
    if (info.isDir()) {
        return FileState::Directory;
    }
    if (info.size() == 0) {
        return FileState::Empty;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return FileState::Unreadable;
    }
    const QByteArray header = file.read(sqliteHeaderSize);
    if (header.size() < sqliteHeaderSize || !header.startsWith(QByteArray(sqliteMagic, sizeof sqliteMagic))) {
        return FileState::NotSqlite;
    }
    return FileState::Sqlite;
}

bool canWriteBeside(const QString& path) {
    // WAL needs the -wal and -shm files next to the database, so the folder must be writable too.
    const QFileInfo info(path);
    const QFileInfo folder(info.absolutePath());
    return folder.isWritable() && (!info.exists() || info.isWritable());
}

Result<QVariant> scalar(QSqlDatabase& db, const QString& statement) {
    QSqlQuery query(db);
    if (!query.exec(statement) || !query.next()) {
        return sql::errorFrom(query.lastError(), statement);
    }
    return query.value(0);
}

QString nativeCode(const Error& error) {
    return error.message;
}

} // namespace

int Database::latestSchemaVersion() {
    return migrations::latestVersion();
}

Database::~Database() {
    if (m_db.isOpen()) {
        m_db.close();
    }
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    if (m_lock) {
        m_lock->unlock();
    }
}

int Database::schemaVersion() const {
    QSqlQuery query(m_db);
    if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next()) {
        return query.value(0).toInt();
    }
    return -1;
}

Result<std::unique_ptr<Database>> Database::open(const QString& path, Options options) {
    auto log = logging::get("store");
    const QString shown = nativePath(path);
    const FileState state = inspectFile(path);

    switch (state) {
    case FileState::Directory:
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("%1 is a folder, not a region database file.").arg(shown));
    case FileState::Unreadable:
        return failure(Error::Kind::Failed,
                       QStringLiteral("%1 cannot be read: check its permissions.").arg(shown));
    case FileState::NotSqlite:
        return failure(Error::Kind::NotBalcony,
                       QStringLiteral("%1 is not a Balcony database: it is not an SQLite file. "
                                      "Nothing was changed.")
                           .arg(shown));
    case FileState::Missing:
    case FileState::Empty:
        if (!options.create || options.readOnly) {
            return failure(Error::Kind::NotFound,
                           QStringLiteral("There is no region database at %1. Create one with "
                                          "\"balcony-cli --db %1 init\" or from the desktop program.")
                               .arg(shown));
        }
        if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
            return failure(Error::Kind::ReadOnly,
                           QStringLiteral("The folder for %1 cannot be created.").arg(shown));
        }
        break;
    case FileState::Sqlite:
        break;
    }

    if (!options.readOnly && !canWriteBeside(path)) {
        return failure(Error::Kind::ReadOnly,
                       QStringLiteral("%1 cannot be written (the file or its folder is read-only). "
                                      "You can open it read-only.")
                           .arg(shown));
    }

    std::unique_ptr<Database> db(new Database);
    db->m_path = QFileInfo(path).absoluteFilePath();
    db->m_readOnly = options.readOnly;

    if (!options.readOnly) {
        db->m_lock = std::make_unique<QLockFile>(db->m_path + QStringLiteral(".lock"));
        if (!db->m_lock->tryLock(0)) {
            qint64 pid = 0;
            QString host;
            QString app;
            db->m_lock->getLockInfo(&pid, &host, &app);
            db->m_lock.reset();
            return failure(Error::Kind::Locked,
                           QStringLiteral("%1 is open in another Balcony (process %2 on %3). Close it there "
                                          "first, or open this file read-only.")
                               .arg(shown)
                               .arg(pid)
                               .arg(host.isEmpty() ? QStringLiteral("this computer") : host));
        }
    }

    db->m_connectionName = QStringLiteral("balcony-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    db->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), db->m_connectionName);
    db->m_db.setDatabaseName(db->m_path);
    QString connectOptions = QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000");
    if (options.readOnly) {
        connectOptions += QStringLiteral(";QSQLITE_OPEN_READONLY");
    }
    db->m_db.setConnectOptions(connectOptions);
    if (!db->m_db.open()) {
        return failure(Error::Kind::Failed,
                       QStringLiteral("%1 could not be opened: %2").arg(shown, db->m_db.lastError().text()));
    }

    // Identify the file before anything could write to it.
    auto appId = scalar(db->m_db, QStringLiteral("PRAGMA application_id"));
    if (!appId) {
        return failure(Error::Kind::Corrupt,
                       QStringLiteral("%1 is damaged or not a database (%2). Nothing was changed; "
                                      "restore it from a backup.")
                           .arg(shown, nativeCode(appId.error())));
    }
    auto version = scalar(db->m_db, QStringLiteral("PRAGMA user_version"));
    auto objects = scalar(db->m_db, QStringLiteral("SELECT count(*) FROM sqlite_master"));
    if (!version || !objects) {
        return failure(Error::Kind::Corrupt,
                       QStringLiteral("%1 is damaged: its table of contents cannot be read. Nothing was "
                                      "changed; restore it from a backup.")
                           .arg(shown));
    }

    const qint32 foundId = static_cast<qint32>(appId->toLongLong());
    const int foundVersion = version->toInt();
    const bool blank = foundId == 0 && foundVersion == 0 && objects->toInt() == 0;

    if (blank) {
        if (!options.create || options.readOnly) {
            return failure(
                Error::Kind::NotBalcony,
                QStringLiteral("%1 is an empty SQLite database, not a Balcony region database.").arg(shown));
        }
    } else if (foundId != applicationId) {
        return failure(Error::Kind::NotBalcony,
                       QStringLiteral("%1 is an SQLite database of another program, not a Balcony region "
                                      "database. Nothing was changed.")
                           .arg(shown));
    } else if (foundVersion > latestSchemaVersion()) {
        return failure(Error::Kind::TooNew,
                       QStringLiteral("%1 was written by a newer Balcony (schema %2; this version reads up "
                                      "to %3). Update Balcony to open it. Nothing was changed.")
                           .arg(shown)
                           .arg(foundVersion)
                           .arg(latestSchemaVersion()));
    }

    if (!blank) {
        auto check = scalar(db->m_db, QStringLiteral("PRAGMA quick_check(1)"));
        if (!check || check->toString() != QStringLiteral("ok")) {
            return failure(
                Error::Kind::Corrupt,
                QStringLiteral("%1 is damaged (%2). Nothing was changed; restore it from a backup.")
                    .arg(shown, check ? check->toString() : check.message()));
        }
    }

    QSqlQuery pragma(db->m_db);
    pragma.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    if (!options.readOnly) {
        // WAL keeps readers off the writer's back; FULL makes every commit survive power loss,
        // which the live log and the notes need.
        if (!pragma.exec(QStringLiteral("PRAGMA journal_mode = WAL"))) {
            return sql::errorFrom(pragma.lastError(), QStringLiteral("switching %1 to WAL").arg(shown));
        }
        pragma.exec(QStringLiteral("PRAGMA synchronous = FULL"));
        if (auto migrated = migrations::migrate(*db); !migrated) {
            return migrated.error();
        }
    } else if (blank || foundVersion < latestSchemaVersion()) {
        return failure(Error::Kind::ReadOnly,
                       QStringLiteral("%1 needs upgrading to this version of Balcony, which cannot be done "
                                      "read-only. Open it for writing once.")
                           .arg(shown));
    }

    log->info("opened {} (schema {}{})", db->m_path.toStdString(), db->schemaVersion(),
              options.readOnly ? ", read-only" : "");
    return db;
}

} // namespace balcony
