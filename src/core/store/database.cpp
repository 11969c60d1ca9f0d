#include "store/database.h"

#include "engine/clock.h"
#include "store/dialect.h"
#include "store/file_access.h"
#include "store/migrations.h"
#include "store/sql.h"
#include "support/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>
#include <QtEndian>

namespace balcony {
namespace {

constexpr char sqliteMagic[] = "SQLite format 3"; // followed by a NUL: 16 bytes in all
constexpr int sqliteHeaderSize = 100;

QString nativePath(const QString& path) {
    return QDir::toNativeSeparators(path);
}

enum class FileState { Missing, Empty, Sqlite, NotSqlite, Damaged, Unreadable, Directory };

// What the first 100 bytes of an SQLite file say, read without SQLite so that a file we refuse is
// never opened by a library that might write beside it.
struct Header {
    quint32 pageSize = 0;
    quint32 pages = 0; // 0 when the header's own count is stale (written by an old SQLite)
    qint32 userVersion = 0;
    qint32 applicationId = 0;
};

struct Inspection {
    FileState state = FileState::Missing;
    Header header;
    QString damage; // why a Damaged file is damaged
};

quint32 bigEndian32(const QByteArray& bytes, int offset) {
    return qFromBigEndian<quint32>(bytes.constData() + offset);
}

Inspection inspectFile(const QString& path) {
    Inspection result;
    const QFileInfo info(path);
    if (!info.exists()) {
        return result;
    }
    if (info.isDir()) {
        result.state = FileState::Directory;
        return result;
    }
    if (info.size() == 0) {
        result.state = FileState::Empty;
        return result;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.state = FileState::Unreadable;
        return result;
    }
    const QByteArray header = file.read(sqliteHeaderSize);
    const QByteArray magic(sqliteMagic, sizeof sqliteMagic);
    if (!header.startsWith(magic.left(header.size())) || header.size() < 16) {
        result.state = FileState::NotSqlite;
        return result;
    }
    result.state = FileState::Damaged;
    if (header.size() < sqliteHeaderSize) {
        result.damage = QStringLiteral("it is cut off inside its first page");
        return result;
    }
    const quint32 rawPageSize = qFromBigEndian<quint16>(header.constData() + 16);
    const quint32 pageSize = rawPageSize == 1 ? 65536 : rawPageSize;
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) != 0) {
        result.damage = QStringLiteral("its header names an impossible page size");
        return result;
    }
    result.header.pageSize = pageSize;
    // The page count in the header is trustworthy only when its "valid for" stamp matches the
    // change counter (SQLite file format, section 1.3.7).
    if (bigEndian32(header, 24) == bigEndian32(header, 92)) {
        result.header.pages = bigEndian32(header, 28);
    }
    result.header.userVersion = static_cast<qint32>(bigEndian32(header, 60));
    result.header.applicationId = static_cast<qint32>(bigEndian32(header, 68));
    if (result.header.pages > 0 && info.size() < qint64(result.header.pages) * pageSize) {
        result.damage = QStringLiteral("it is shorter than its header says (%1 of %2 bytes): it was cut off")
                            .arg(info.size())
                            .arg(qint64(result.header.pages) * pageSize);
        return result;
    }
    result.state = FileState::Sqlite;
    return result;
}

bool exists(const QString& path) {
    return QFileInfo::exists(path);
}

bool canWriteBeside(const QString& path) {
    return file_access::checkWritable(path, path).ok();
}

Result<QVariant> scalar(QSqlDatabase& db, const QString& statement) {
    QSqlQuery query(db);
    if (!query.exec(statement) || !query.next()) {
        return sql::errorFrom(query.lastError(), statement);
    }
    return query.value(0);
}

// A read-only SQLite URI. "immutable" makes SQLite take no locks and create no -wal/-shm files;
// it is only right when nobody else writes the file, which the caller decides.
QString readOnlyUri(const QString& path, bool immutable) {
    return QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded) +
           (immutable ? QStringLiteral("?mode=ro&immutable=1") : QStringLiteral("?mode=ro"));
}

QString newConnectionName() {
    return QStringLiteral("balcony-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// A short-lived read-only connection that answers "whose file is this, and is it whole?" before
// the real connection could write anything (a WAL switch, a migration, a hot-journal rollback).
class Probe final {
public:
    Probe(const QString& path, bool immutable)
        : m_name(newConnectionName()) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(readOnlyUri(path, immutable));
        db.setConnectOptions(
            QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI;QSQLITE_BUSY_TIMEOUT=5000"));
        m_opened = db.open();
        if (!m_opened) {
            m_openError = db.lastError();
        }
    }
    ~Probe() {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    Probe(const Probe&) = delete;
    Probe& operator=(const Probe&) = delete;

    bool opened() const { return m_opened; }
    const QSqlError& openError() const { return m_openError; }
    Result<QVariant> scalar(const QString& statement) const {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        return balcony::scalar(db, statement);
    }

private:
    QString m_name;
    bool m_opened = false;
    QSqlError m_openError;
};

struct Identity {
    qint32 applicationId = 0;
    int userVersion = 0;
    bool blank = false; // no schema at all: a file we may initialise
};

Error damaged(const QString& shown, const QString& reason) {
    return failure(Error::Kind::Corrupt,
                   QStringLiteral("%1 is damaged (%2). Nothing was changed; restore it from a backup.")
                       .arg(shown, reason));
}

Error notBalcony(const QString& shown) {
    return failure(Error::Kind::NotBalcony,
                   QStringLiteral("%1 is an SQLite database of another program, not a Balcony region "
                                  "database. Nothing was changed.")
                       .arg(shown));
}

Error tooNew(const QString& shown, int version) {
    return failure(Error::Kind::TooNew,
                   QStringLiteral("%1 was written by a newer Balcony (schema %2; this version reads up "
                                  "to %3). Update Balcony to open it. Nothing was changed.")
                       .arg(shown)
                       .arg(version)
                       .arg(Database::latestSchemaVersion()));
}

// The refusals the header alone can justify. When a -wal file sits beside the database its header
// may be stale (the newest page 1 can live in the WAL), so then only SQLite may judge.
Status judgeHeader(const Header& header, const QString& shown) {
    if (header.applicationId != 0 && header.applicationId != Database::applicationId) {
        return notBalcony(shown);
    }
    if (header.applicationId == 0 && header.userVersion != 0) {
        return notBalcony(shown);
    }
    if (header.applicationId == Database::applicationId &&
        header.userVersion > Database::latestSchemaVersion()) {
        return tooNew(shown, header.userVersion);
    }
    return {};
}

Result<Identity> identify(const QString& path, const QString& shown, bool immutable) {
    const Probe probe(path, immutable);
    if (!probe.opened()) {
        const Error error = sql::errorFrom(probe.openError(), QStringLiteral("Opening"));
        if (error.kind == Error::Kind::Corrupt) {
            return damaged(shown, QStringLiteral("SQLite cannot read it"));
        }
        return failure(error.kind, QStringLiteral("%1 could not be opened: %2").arg(shown, error.message));
    }
    auto appId = probe.scalar(QStringLiteral("PRAGMA application_id"));
    auto version = probe.scalar(QStringLiteral("PRAGMA user_version"));
    auto objects = probe.scalar(QStringLiteral("SELECT count(*) FROM sqlite_master"));
    if (!appId || !version || !objects) {
        const Error& error = !appId ? appId.error() : !version ? version.error() : objects.error();
        if (error.kind == Error::Kind::Locked) {
            return failure(
                Error::Kind::Locked,
                QStringLiteral("%1 is busy in another program. Close it there and try again.").arg(shown));
        }
        return damaged(shown, QStringLiteral("its table of contents cannot be read"));
    }
    Identity identity;
    identity.applicationId = static_cast<qint32>(appId->toLongLong());
    identity.userVersion = version->toInt();
    identity.blank = identity.applicationId == 0 && identity.userVersion == 0 && objects->toInt() == 0;
    if (identity.blank) {
        return identity;
    }
    if (identity.applicationId != Database::applicationId) {
        return notBalcony(shown);
    }
    if (identity.userVersion > Database::latestSchemaVersion()) {
        return tooNew(shown, identity.userVersion);
    }
    auto check = probe.scalar(QStringLiteral("PRAGMA quick_check(1)"));
    if (!check) {
        return damaged(shown, QStringLiteral("SQLite could not check it"));
    }
    if (check->toString() != QStringLiteral("ok")) {
        return damaged(shown, QStringLiteral("SQLite's check says: %1").arg(check->toString()));
    }
    return identity;
}

// Runs a pragma on the real connection and returns its answer, or an error naming the file.
Result<QString> pragma(QSqlDatabase& db, const QString& statement, const QString& shown) {
    QSqlQuery query(db);
    if (!query.exec(statement)) {
        return sql::errorFrom(query.lastError(), QStringLiteral("Preparing %1 (%2)").arg(shown, statement));
    }
    return query.next() ? query.value(0).toString() : QString();
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
    if (!m_connectionName.isEmpty()) {
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    m_lock.reset();
}

std::optional<LockHolder> Database::lockTakenOverFrom() const {
    return m_lock ? m_lock->takenOverFrom() : std::nullopt;
}

Status Database::renewLock(const QDateTime& nowUtc) {
    return m_lock ? m_lock->renew(nowUtc) : Status{};
}

int Database::schemaVersion() const {
    QSqlDatabase db = m_db;
    auto version = dialect::schemaVersion(m_engine, db);
    return version ? *version : -1;
}

Result<std::unique_ptr<Database>> Database::open(const QString& path, Options options) {
    auto location = Location::parse(path);
    if (!location) {
        return location.error();
    }
    if (location->isServer()) {
        return openServer(*location, options);
    }
    return openFile(location->file, options);
}

Result<std::unique_ptr<Database>> Database::openFile(const QString& path, Options options) {
    auto log = logging::get("store");
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const QString shown = nativePath(path);
    const Inspection inspection = inspectFile(absolute);
    const bool walBeside = exists(absolute + QStringLiteral("-wal"));

    switch (inspection.state) {
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
    case FileState::Damaged:
        return damaged(shown, inspection.damage);
    case FileState::Missing:
    case FileState::Empty:
        if (walBeside) {
            // Only a crash leaves an empty database beside its WAL; SQLite must not guess here.
            return damaged(shown, QStringLiteral("the file is empty but its -wal journal is not"));
        }
        if (!options.create || options.readOnly) {
            return failure(Error::Kind::NotFound,
                           QStringLiteral("There is no region database at %1. Create one with "
                                          "\"balcony-cli --db %1 init\" or from the desktop program.")
                               .arg(shown));
        }
        if (!QDir().mkpath(QFileInfo(absolute).absolutePath())) {
            return failure(Error::Kind::ReadOnly,
                           QStringLiteral("The folder for %1 cannot be created.").arg(shown));
        }
        break;
    case FileState::Sqlite:
        if (!walBeside) {
            if (auto judged = judgeHeader(inspection.header, shown); !judged) {
                return judged.error();
            }
        }
        break;
    }

    if (!options.readOnly) {
        if (auto writable = file_access::checkWritable(absolute, shown); !writable) {
            return writable.error();
        }
    }

    // SQLite reads a database in WAL mode through its -shm file, which it must create if missing;
    // in a folder it cannot write (read-only media, a read-only share) that is impossible. Without
    // a -wal file, or with an empty one, nothing waits in the log and "immutable" reads the file
    // alone, creating nothing. With a -wal that holds commits, reading the file alone would show an
    // older region as if it were current, so that is refused.
    const bool folderWritable = QFileInfo(QFileInfo(absolute).absolutePath()).isWritable();
    const bool cannotShare = !folderWritable && !exists(absolute + QStringLiteral("-shm"));
    const bool walPending = walBeside && QFileInfo(absolute + QStringLiteral("-wal")).size() > 0;
    if (options.readOnly && cannotShare && walPending) {
        return failure(Error::Kind::ReadOnly,
                       QStringLiteral("%1 cannot be read here: the latest changes are still in its journal "
                                      "(%1-wal), and reading the two together needs a -shm file that cannot "
                                      "be created in this read-only folder. Copy %1 and %1-wal together to "
                                      "a folder you can write and open the copy, or ask whoever shares it to "
                                      "close Balcony so that the journal is merged into the file.")
                           .arg(shown));
    }
    const bool immutable = !walBeside || cannotShare;

    std::unique_ptr<Database> db(new Database);
    db->m_path = absolute;
    db->m_readOnly = options.readOnly;
    db->m_backupPolicy = options.backups;
    db->m_clock = options.clock;
    const Clock& clock = db->clock();

    if (!options.readOnly) {
        auto lock = RegionLock::take(absolute, shown,
                                     options.takeOverLock ? RegionLock::TakeOver::Confirmed
                                                          : RegionLock::TakeOver::No,
                                     clock.utcNow());
        if (!lock) {
            return lock.error();
        }
        db->m_lock = std::move(*lock);
        if (const auto& from = db->m_lock->takenOverFrom()) {
            db->m_warnings << QStringLiteral("Took over the lock of %1 from %2. If Balcony is still open "
                                             "there, close it without saving anything more.")
                                  .arg(shown, from->describe());
        }
    }
    if (const QString synced = file_access::syncedFolderWarning(absolute, shown); !synced.isEmpty()) {
        db->m_warnings << synced;
    }

    Identity identity;
    identity.blank = true;
    if (inspection.state == FileState::Sqlite) {
        // Immutable when no WAL exists: nothing is created beside a file we may yet refuse.
        auto identified = identify(absolute, shown, immutable);
        if (!identified) {
            return identified.error();
        }
        identity = *identified;
    }
    if (options.readOnly && (identity.blank || identity.userVersion < latestSchemaVersion())) {
        return failure(Error::Kind::ReadOnly,
                       QStringLiteral("%1 needs upgrading to this version of Balcony, which cannot be done "
                                      "read-only. Open it for writing once.")
                           .arg(shown));
    }
    if (identity.blank && !options.create) {
        return failure(
            Error::Kind::NotBalcony,
            QStringLiteral("%1 is an empty SQLite database, not a Balcony region database.").arg(shown));
    }

    db->m_connectionName = newConnectionName();
    db->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), db->m_connectionName);
    if (options.readOnly) {
        // A reader creates no -wal/-shm files where it cannot (a read-only folder); where it can, it
        // shares them so that it sees what a live writer commits.
        db->m_db.setDatabaseName(
            readOnlyUri(absolute, (!walBeside && !canWriteBeside(absolute)) || cannotShare));
        db->m_db.setConnectOptions(
            QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI;QSQLITE_BUSY_TIMEOUT=5000"));
    } else {
        db->m_db.setDatabaseName(absolute);
        db->m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    }
    if (!db->m_db.open()) {
        return failure(Error::Kind::Failed,
                       QStringLiteral("%1 could not be opened: %2").arg(shown, db->m_db.lastError().text()));
    }

    if (auto on = pragma(db->m_db, QStringLiteral("PRAGMA foreign_keys = ON"), shown); !on) {
        return on.error();
    }
    if (!options.readOnly) {
        // WAL keeps readers off the writer's back; FULL makes every commit survive power loss,
        // which the live log and the notes need. journal_mode answers with the mode it ended in.
        auto mode = pragma(db->m_db, QStringLiteral("PRAGMA journal_mode = WAL"), shown);
        if (!mode) {
            return mode.error();
        }
        if (mode->toLower() != QStringLiteral("wal")) {
            return failure(Error::Kind::Storage,
                           QStringLiteral("%1 cannot use a write-ahead log (it stayed in \"%2\" mode); is it "
                                          "on a network drive? Copy it to a local folder.")
                               .arg(shown, *mode));
        }
        if (auto full = pragma(db->m_db, QStringLiteral("PRAGMA synchronous = FULL"), shown); !full) {
            return full.error();
        }
        const int before = identity.blank ? 0 : identity.userVersion;
        db->m_new = identity.blank;
        if (options.leaveEmpty) {
            log->info("opened {} without creating or upgrading its schema", absolute.toStdString());
            return db;
        }
        if (!identity.blank && before < latestSchemaVersion() && options.backups.automatic) {
            // Only now, with the lock held and the file known to be whole: an upgrade rewrites tables.
            if (auto kept = backups::make(absolute, backups::Reason::BeforeMigration, options.backups, clock);
                !kept) {
                log->warn("{}", kept.message().toStdString());
                db->m_warnings << kept.message();
            }
        }
        if (auto migrated = migrations::migrate(*db); !migrated) {
            return migrated.error();
        }
        if (before < latestSchemaVersion()) {
            // Copies the new header (application_id, user_version) into the file itself, so that the
            // file alone says what it is even if the WAL is lost or left behind.
            QSqlQuery checkpoint(db->m_db);
            if (!checkpoint.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"))) {
                log->warn("checkpoint after upgrading {} failed: {}", absolute.toStdString(),
                          checkpoint.lastError().text().toStdString());
            }
        }
    }

    db->m_userName = QStringLiteral("someone on this computer");
    for (const char* name : {"USER", "LOGNAME", "USERNAME"}) {
        if (const QString value = qEnvironmentVariable(name); !value.isEmpty()) {
            db->m_userName = value;
            break;
        }
    }
    log->info("opened {} (schema {}{})", absolute.toStdString(), db->schemaVersion(),
              options.readOnly ? ", read-only" : "");
    return db;
}

} // namespace balcony
