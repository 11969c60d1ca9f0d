#include "store/backup.h"

#include "engine/clock.h"
#include "store/database.h"
#include "store/location.h"
#include "store/region_lock.h"
#include "support/disk_full.h"
#include "support/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>
#include <algorithm>
#include <cstdio>
#include <sqlite3.h>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace balcony::backups {
namespace {

QString shown(const QString& path) {
    return QDir::toNativeSeparators(path);
}

constexpr QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

// An SQLite URI that opens path read-only; immutable when nobody can be writing it (no -wal beside
// it: Balcony's writers always keep one), so that nothing is created beside a file we only read.
QString readOnlyUri(const QString& path) {
    const bool immutable = !QFileInfo::exists(path + QStringLiteral("-wal"));
    return QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded) +
           (immutable ? QStringLiteral("?mode=ro&immutable=1") : QStringLiteral("?mode=ro"));
}

// A raw connection closed on every path out.
struct Sqlite {
    sqlite3* db = nullptr;
    ~Sqlite() {
        if (db != nullptr) {
            sqlite3_close_v2(db);
        }
    }
    QString error() const { return QString::fromUtf8(db != nullptr ? sqlite3_errmsg(db) : "out of memory"); }
};

// The first column of the first row of statement, as text; nullopt when it fails (error set).
std::optional<QString> firstValue(sqlite3* db, const char* statement, int* code = nullptr) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(db, statement, -1, &stmt, nullptr);
    std::optional<QString> value;
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW) {
            value = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
            rc = SQLITE_OK;
        }
    }
    sqlite3_finalize(stmt);
    if (code != nullptr) {
        *code = rc;
    }
    return value;
}

// Flushes a file (or a folder's entry list) to disk: a rename is only durable once both are.
void flushToDisk(const QString& path) {
#ifdef Q_OS_UNIX
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
#else
    Q_UNUSED(path)
#endif
}

// Renames from over to (replacing it) in one step, as the operating system allows.
bool replaceFile(const QString& from, const QString& to) {
    return std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0;
}

const QRegularExpression& namePattern() {
    static const QRegularExpression pattern(
        QStringLiteral("^(\\d{4}-\\d\\d-\\d\\dT\\d{6})Z-([a-z]+(?:-[a-z]+)*?)(?:-(\\d+))?\\.balcony$"));
    return pattern;
}

std::optional<Reason> reasonFromName(const QString& name) {
    for (Reason r : {Reason::BeforeMigration, Reason::BeforeImport, Reason::BeforeRestore, Reason::Daily,
                     Reason::Manual}) {
        if (reasonName(r) == name) {
            return r;
        }
    }
    return std::nullopt;
}

struct Parsed {
    BackupFile file;
    int sequence = 1;
    QDateTime modified; // breaks a tie between two reasons in the same second
};

std::vector<Parsed> parsedBackups(const QString& folder) {
    std::vector<Parsed> found;
    const QDir dir(folder);
    const auto entries = dir.entryInfoList({QStringLiteral("*.balcony")}, QDir::Files, QDir::Name);
    for (const QFileInfo& info : entries) {
        const auto match = namePattern().match(info.fileName());
        if (!match.hasMatch()) {
            continue;
        }
        const auto reason = reasonFromName(match.captured(2));
        QDateTime made = QDateTime::fromString(match.captured(1), QStringLiteral("yyyy-MM-ddTHHmmss"));
        if (!reason || !made.isValid()) {
            continue;
        }
        made.setTimeSpec(Qt::UTC);
        Parsed parsed;
        parsed.file = BackupFile{info.absoluteFilePath(), made, *reason, info.size()};
        parsed.sequence = match.captured(3).isEmpty() ? 1 : match.captured(3).toInt();
        parsed.modified = info.lastModified();
        found.push_back(parsed);
    }
    std::sort(found.begin(), found.end(), [](const Parsed& a, const Parsed& b) {
        if (a.file.madeUtc != b.file.madeUtc) {
            return a.file.madeUtc > b.file.madeUtc;
        }
        if (a.sequence != b.sequence) {
            return a.sequence > b.sequence;
        }
        return a.modified > b.modified;
    });
    return found;
}

Error cannotBackUp(const QString& regionPath, const QString& why) {
    return failure(Error::Kind::ReadOnly,
                   QStringLiteral("No backup of %1 could be made: %2. Your work is not affected; to have "
                                  "backups again, make that folder writable or free some space.")
                       .arg(shown(regionPath), why));
}

// Makes folder (owner-only when new) and checks that a file can be created in it.
Status prepareFolder(const QString& regionPath, const QString& folder) {
    const QFileInfo info(folder);
    if (info.exists() && !info.isDir()) {
        return cannotBackUp(regionPath, QStringLiteral("%1 is a file, not a folder").arg(shown(folder)));
    }
    if (!info.exists()) {
        if (!QDir().mkpath(folder)) {
            return cannotBackUp(regionPath,
                                QStringLiteral("the backup folder %1 cannot be created").arg(shown(folder)));
        }
        QFile::setPermissions(folder, ownerOnly | QFileDevice::ExeOwner);
    }
    QFile probe(QDir(folder).filePath(QStringLiteral(".write-test-") +
                                      QUuid::createUuid().toString(QUuid::WithoutBraces)));
    if (!probe.open(QIODevice::WriteOnly)) {
        return cannotBackUp(regionPath, QStringLiteral("the backup folder %1 cannot be written (%2)")
                                            .arg(shown(folder), probe.errorString()));
    }
    probe.close();
    probe.remove();
    return {};
}

// The source side of a copy: a read-only Qt connection of its own on the region file, whose
// sqlite3 handle the backup reads through (Debian's QSQLITE links the same system libsqlite3).
class Source final {
public:
    explicit Source(const QString& path)
        : m_name(QStringLiteral("balcony-backup-") + QUuid::createUuid().toString(QUuid::WithoutBraces)) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(readOnlyUri(path));
        db.setConnectOptions(
            QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI;QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            m_error = db.lastError().text();
        }
    }
    ~Source() {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    Source(const Source&) = delete;
    Source& operator=(const Source&) = delete;

    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    const QString& error() const { return m_error; }
    sqlite3* handle() const {
        const QVariant handle = db().driver()->handle();
        if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
            return nullptr;
        }
        return *static_cast<sqlite3* const*>(handle.constData());
    }

private:
    QString m_name;
    QString m_error;
};

// Copies source into the (new, empty) file at target with the online backup API, inside one read
// transaction on the source: its snapshot stays fixed while other connections write, so the steps
// never restart and the copy is one committed state.
Status onlineCopy(const QString& sourcePath, const QString& target, const Progress& progress) {
    const Source source(sourcePath);
    if (!source.error().isEmpty()) {
        return failure(
            Error::Kind::Failed,
            QStringLiteral("%1 could not be read for a backup: %2").arg(shown(sourcePath), source.error()));
    }
    sqlite3* from = source.handle();
    if (from == nullptr) {
        return failure(Error::Kind::Failed, QStringLiteral("The database driver is not SQLite's."));
    }
    QSqlDatabase db = source.db();
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("BEGIN")) ||
        !query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !query.next()) {
        return failure(
            Error::Kind::Corrupt,
            QStringLiteral("%1 cannot be read: %2").arg(shown(sourcePath), query.lastError().text()));
    }
    query.finish();
    Sqlite to;
    if (sqlite3_open_v2(QFile::encodeName(target).constData(), &to.db, SQLITE_OPEN_READWRITE, nullptr) !=
        SQLITE_OK) {
        return failure(Error::Kind::ReadOnly,
                       QStringLiteral("%1 cannot be written: %2").arg(shown(target), to.error()));
    }
    sqlite3_backup* backup = sqlite3_backup_init(to.db, "main", from, "main");
    if (backup == nullptr) {
        return failure(
            Error::Kind::Failed,
            QStringLiteral("The backup of %1 could not start: %2").arg(shown(sourcePath), to.error()));
    }
    int rc = SQLITE_OK;
    int busyTries = 0;
    do {
        rc = sqlite3_backup_step(backup, 256);
        if (progress) {
            const int total = sqlite3_backup_pagecount(backup);
            progress(total - sqlite3_backup_remaining(backup), total);
        }
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
            sqlite3_sleep(20);
            ++busyTries;
        }
    } while ((rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && busyTries < 250);
    sqlite3_backup_finish(backup);
    const int finished = sqlite3_errcode(to.db);
    query.exec(QStringLiteral("ROLLBACK"));
    if (rc != SQLITE_DONE || (finished != SQLITE_OK && finished != SQLITE_DONE)) {
        const int failed = rc != SQLITE_DONE ? rc : finished;
        // SQLite calls only ENOSPC "full"; a file-size limit (EFBIG) or a quota is an I/O error to it.
        if ((failed & 0xff) == SQLITE_FULL ||
            ((failed & 0xff) == SQLITE_IOERR && disk_full::isFullErrno(sqlite3_system_errno(to.db)))) {
            return disk_full::error(QFileInfo(target).absolutePath());
        }
        const QString why = QString::fromUtf8(sqlite3_errstr(rc != SQLITE_DONE ? rc : finished));
        const Error::Kind kind = rc == SQLITE_FULL || rc == SQLITE_IOERR       ? Error::Kind::Storage
                                 : rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB ? Error::Kind::Corrupt
                                                                               : Error::Kind::Failed;
        return failure(kind, QStringLiteral("The backup of %1 failed: %2").arg(shown(sourcePath), why));
    }
    return {};
}

QString nameFor(const QDateTime& utc, Reason reason, int sequence) {
    return utc.toUTC().toString(QStringLiteral("yyyy-MM-ddTHHmmss")) + QStringLiteral("Z-") +
           reasonName(reason) + (sequence > 1 ? QStringLiteral("-%1").arg(sequence) : QString()) +
           QStringLiteral(".balcony");
}

void deleteOldest(const QString& folder, int keep) {
    const auto found = parsedBackups(folder);
    for (size_t i = static_cast<size_t>(std::max(keep, 1)); i < found.size(); ++i) {
        if (!QFile::remove(found[i].file.path)) {
            logging::get("store")->warn("could not delete the old backup {}",
                                        found[i].file.path.toStdString());
        }
    }
}

// A plain copy of the region's bytes (and its -wal), for a region too damaged for the backup API.
Result<QString> rawCopy(const QString& regionPath, const QString& folder, const QDateTime& utc) {
    const QString base = QDir(folder).filePath(utc.toUTC().toString(QStringLiteral("yyyy-MM-ddTHHmmss")) +
                                               QStringLiteral("Z-before-restore.damaged"));
    QString target = base;
    for (int n = 2; QFileInfo::exists(target); ++n) {
        target = base + QStringLiteral("-%1").arg(n);
    }
    if (!QFile::copy(regionPath, target)) {
        return failure(Error::Kind::Failed,
                       QStringLiteral("%1 could not be copied to %2").arg(shown(regionPath), shown(target)));
    }
    QFile::setPermissions(target, ownerOnly);
    const QString wal = regionPath + QStringLiteral("-wal");
    if (QFileInfo::exists(wal)) {
        QFile::copy(wal, target + QStringLiteral("-wal"));
        QFile::setPermissions(target + QStringLiteral("-wal"), ownerOnly);
    }
    return target;
}

} // namespace

QString reasonName(Reason reason) {
    switch (reason) {
    case Reason::BeforeMigration:
        return QStringLiteral("before-migration");
    case Reason::BeforeImport:
        return QStringLiteral("before-import");
    case Reason::BeforeRestore:
        return QStringLiteral("before-restore");
    case Reason::Daily:
        return QStringLiteral("daily");
    case Reason::Manual:
        break;
    }
    return QStringLiteral("manual");
}

QString reasonText(Reason reason) {
    switch (reason) {
    case Reason::BeforeMigration:
        return QStringLiteral("before an upgrade");
    case Reason::BeforeImport:
        return QStringLiteral("before an import");
    case Reason::BeforeRestore:
        return QStringLiteral("before a restore");
    case Reason::Daily:
        return QStringLiteral("daily");
    case Reason::Manual:
        break;
    }
    return QStringLiteral("made by hand");
}

Policy policyFromSettings() {
    Policy policy;
    const QSettings settings(QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("Balcony"),
                             QStringLiteral("balcony"));
    bool ok = false;
    const int keep = settings.value(QLatin1String(keepSettingsKey)).toInt(&ok);
    if (ok && keep >= 1) {
        policy.keep = keep;
    }
    return policy;
}

QString folderFor(const QString& regionPath, const Policy& policy) {
    if (!policy.folder.isEmpty()) {
        return QFileInfo(policy.folder).absoluteFilePath();
    }
    return QFileInfo(regionPath).absoluteFilePath() + QStringLiteral("-backups");
}

QString shownTime(const QDateTime& utc) {
    return utc.toUTC().toString(QStringLiteral("d MMM yyyy HH:mm")) + QStringLiteral(" UTC");
}

Result<int> checkFile(const QString& path) {
    const QString name = shown(path);
    const QFileInfo info(path);
    if (!info.exists()) {
        return failure(Error::Kind::NotFound, QStringLiteral("There is no file %1.").arg(name));
    }
    if (info.isDir()) {
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("%1 is a folder, not a Balcony database.").arg(name));
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return failure(Error::Kind::Failed,
                       QStringLiteral("%1 cannot be read: %2").arg(name, file.errorString()));
    }
    const QByteArray magic = file.read(16);
    file.close();
    if (magic != QByteArray("SQLite format 3", 16)) {
        return failure(Error::Kind::NotBalcony,
                       QStringLiteral("%1 is not a Balcony database: it is not an SQLite file.").arg(name));
    }
    Sqlite db;
    const QByteArray uri = (QUrl::fromLocalFile(info.absoluteFilePath()).toString(QUrl::FullyEncoded) +
                            QStringLiteral("?mode=ro&immutable=1"))
                               .toUtf8();
    if (sqlite3_open_v2(uri.constData(), &db.db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr) !=
        SQLITE_OK) {
        return failure(Error::Kind::Corrupt, QStringLiteral("%1 cannot be opened: %2").arg(name, db.error()));
    }
    int code = SQLITE_OK;
    const auto appId = firstValue(db.db, "PRAGMA application_id", &code);
    const auto version = firstValue(db.db, "PRAGMA user_version", &code);
    if (!appId || !version) {
        return failure(Error::Kind::Corrupt,
                       QStringLiteral("%1 is damaged: SQLite cannot read it (%2).").arg(name, db.error()));
    }
    if (appId->toLongLong() != Database::applicationId) {
        return failure(
            Error::Kind::NotBalcony,
            QStringLiteral("%1 is an SQLite database of another program, not a Balcony database.").arg(name));
    }
    const int schema = version->toInt();
    if (schema > Database::latestSchemaVersion()) {
        return failure(
            Error::Kind::TooNew,
            QStringLiteral("%1 was written by a newer Balcony (schema %2; this version reads up to "
                           "%3). Update Balcony first.")
                .arg(name)
                .arg(schema)
                .arg(Database::latestSchemaVersion()));
    }
    const auto check = firstValue(db.db, "PRAGMA integrity_check(1)", &code);
    if (!check || *check != QStringLiteral("ok")) {
        return failure(Error::Kind::Corrupt, QStringLiteral("%1 is damaged: SQLite's check says \"%2\".")
                                                 .arg(name, check ? *check : db.error()));
    }
    return schema;
}

Status fileRegionOnly(const QString& regionPath, const QString& what) {
    if (!Location::looksLikeUrl(regionPath)) {
        return {};
    }
    auto location = Location::parse(regionPath);
    return failure(
        Error::Kind::InvalidInput,
        QStringLiteral("%1 is a region on a PostgreSQL server, so %2 cannot be done here: Balcony's "
                       "backups are copies of region files. Back the server's database up with "
                       "pg_dump (docs/server.md), or copy the region into a file with "
                       "balcony-cli region pull. Nothing was changed.")
            .arg(location ? location->shown() : regionPath, what));
}

Status copyTo(const QString& sourcePath, const QString& target, const Progress& progress) {
    if (auto file = fileRegionOnly(sourcePath, QStringLiteral("a backup")); !file) {
        return file;
    }
    const QString absoluteTarget = QFileInfo(target).absoluteFilePath();
    if (QFileInfo::exists(absoluteTarget)) {
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("%1 already exists; choose a new file name for the backup.")
                           .arg(shown(absoluteTarget)));
    }
    const QString folder = QFileInfo(absoluteTarget).absolutePath();
    const QString temporary = QDir(folder).filePath(
        QStringLiteral(".") + QFileInfo(absoluteTarget).fileName() + QStringLiteral(".partial-") +
        QUuid::createUuid().toString(QUuid::WithoutBraces));
    {
        // Created owner-only before any page of the region reaches it: notes are confidential.
        QFile file(temporary);
        if (!file.open(QIODevice::WriteOnly)) {
            return failure(
                Error::Kind::ReadOnly,
                QStringLiteral("%1 cannot be written: %2").arg(shown(absoluteTarget), file.errorString()));
        }
        file.setPermissions(ownerOnly);
    }
    auto cleanUp = [&temporary] {
        QFile::remove(temporary);
        QFile::remove(temporary + QStringLiteral("-journal"));
    };
    if (auto copied = onlineCopy(QFileInfo(sourcePath).absoluteFilePath(), temporary, progress); !copied) {
        cleanUp();
        return copied;
    }
    flushToDisk(temporary);
    if (auto checked = checkFile(temporary); !checked) {
        cleanUp();
        return failure(Error::Kind::Corrupt,
                       QStringLiteral("The backup of %1 did not pass its check, so it was not kept: %2")
                           .arg(shown(sourcePath), checked.message()));
    }
    if (!replaceFile(temporary, absoluteTarget)) {
        cleanUp();
        return failure(Error::Kind::Failed,
                       QStringLiteral("%1 could not be written.").arg(shown(absoluteTarget)));
    }
    flushToDisk(folder);
    return {};
}

Result<BackupFile> make(const QString& regionPath, Reason reason, const Policy& policy, const Clock& clock,
                        const Progress& progress) {
    if (auto file = fileRegionOnly(regionPath, QStringLiteral("a backup")); !file) {
        return file.error();
    }
    const QString region = QFileInfo(regionPath).absoluteFilePath();
    const QString folder = folderFor(region, policy);
    if (auto ready = prepareFolder(region, folder); !ready) {
        return ready.error();
    }
    const QDateTime now = clock.utcNow().toUTC();
    QDateTime made = now;
    made.setTime(QTime(now.time().hour(), now.time().minute(), now.time().second()));
    QString target;
    for (int sequence = 1;; ++sequence) {
        target = QDir(folder).filePath(nameFor(made, reason, sequence));
        if (!QFileInfo::exists(target)) {
            break;
        }
    }
    if (auto copied = copyTo(region, target, progress); !copied) {
        Error error = copied.error();
        if (disk_full::isDiskFull(error)) {
            return failure(Error::Kind::Storage,
                           QStringLiteral("No backup of %1 was made. %2 Your work is not affected.")
                               .arg(shown(region), error.message));
        }
        if (error.kind == Error::Kind::ReadOnly || error.kind == Error::Kind::Storage) {
            return cannotBackUp(region, error.message);
        }
        return error;
    }
    deleteOldest(folder, policy.keep);
    logging::get("store")->info("backed up {} ({}) to {}", region.toStdString(),
                                reasonName(reason).toStdString(), target.toStdString());
    return BackupFile{target, made, reason, QFileInfo(target).size()};
}

std::vector<BackupFile> list(const QString& regionPath, const Policy& policy) {
    std::vector<BackupFile> files;
    if (Location::looksLikeUrl(regionPath)) {
        return files; // a server region has no backup folder (fileRegionOnly)
    }
    for (auto& parsed : parsedBackups(folderFor(regionPath, policy))) {
        files.push_back(std::move(parsed.file));
    }
    return files;
}

std::optional<BackupFile> newestGood(const QString& regionPath, const Policy& policy) {
    for (const auto& file : list(regionPath, policy)) {
        if (checkFile(file.path)) {
            return file;
        }
    }
    return std::nullopt;
}

bool dailyDue(const QString& regionPath, const Policy& policy, const Clock& clock) {
    const QDate today = clock.utcNow().toUTC().date();
    const auto files = list(regionPath, policy);
    return std::none_of(files.begin(), files.end(),
                        [&today](const BackupFile& f) { return f.madeUtc.date() == today; });
}

QString beforeChange(Database& db, Reason reason) {
    if (!db.backupPolicy().automatic || db.isReadOnly() || db.isNew()) {
        return {};
    }
    auto made = make(db.path(), reason, db.backupPolicy(), db.clock());
    if (!made) {
        logging::get("store")->warn("{}", made.message().toStdString());
        return made.message();
    }
    return {};
}

Result<RestoreOutcome> restore(const QString& regionPath, const QString& backupPath, const Policy& policy,
                               const Clock& clock, bool takeOverLock) {
    if (auto file = fileRegionOnly(regionPath, QStringLiteral("a restore")); !file) {
        return file.error();
    }
    const QString region = QFileInfo(regionPath).absoluteFilePath();
    const QString source = QFileInfo(backupPath).absoluteFilePath();
    if (QFileInfo(region).canonicalFilePath() == QFileInfo(source).canonicalFilePath() &&
        QFileInfo::exists(source)) {
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("%1 is the region database itself; choose a backup to restore.")
                           .arg(shown(source)));
    }
    auto checked = checkFile(source);
    if (!checked) {
        Error error = checked.error();
        error.message += QStringLiteral(" It cannot be restored; %1 was not changed.").arg(shown(region));
        return error;
    }
    auto lock = RegionLock::take(region, shown(region),
                                 takeOverLock ? RegionLock::TakeOver::Confirmed : RegionLock::TakeOver::No,
                                 clock.utcNow());
    if (!lock) {
        Error error = lock.error();
        error.message += QStringLiteral(" Nothing was restored.");
        return error;
    }
    RestoreOutcome outcome;
    outcome.schemaVersion = *checked;
    const QString temporary =
        region + QStringLiteral(".restoring-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QFile::remove(temporary);
    // The backup is copied first: keeping the current region may delete the oldest backups, and the
    // one being restored may be among them.
    if (auto copied = copyTo(source, temporary); !copied) {
        return failure(copied.error().kind,
                       copied.message() + QStringLiteral(" %1 was not changed.").arg(shown(region)));
    }
    const QFileInfo current(region);
    if (current.exists()) {
        // The restored file may be read by whoever could read the old one (a team's shared folder),
        // and by nobody else.
        QFile::setPermissions(temporary, current.permissions());
    }
    if (current.exists() && current.size() > 0) {
        auto kept = make(region, Reason::BeforeRestore, policy, clock);
        if (kept) {
            outcome.keptAs = kept->path;
        } else {
            const QString folder = folderFor(region, policy);
            if (auto ready = prepareFolder(region, folder); !ready) {
                QFile::remove(temporary);
                return failure(ready.error().kind,
                               ready.message() + QStringLiteral(" So nothing was restored: the current "
                                                                "region must be kept first."));
            }
            auto raw = rawCopy(region, folder, clock.utcNow());
            if (!raw) {
                QFile::remove(temporary);
                return failure(raw.error().kind, raw.message() + QStringLiteral(" Nothing was restored."));
            }
            outcome.keptAs = *raw;
        }
    }
    // The old region's journal belongs to the old file; left beside the restored one, SQLite would
    // replay it into it. Its committed pages are in the copy kept above.
    for (const char* suffix : {"-wal", "-shm", "-journal"}) {
        const QString companion = region + QLatin1String(suffix);
        if (QFileInfo::exists(companion) && !QFile::remove(companion)) {
            QFile::remove(temporary);
            return failure(
                Error::Kind::Failed,
                QStringLiteral("%1 could not be removed, so nothing was restored.").arg(shown(companion)));
        }
    }
    if (!replaceFile(temporary, region)) {
        QFile::remove(temporary);
        return failure(Error::Kind::Failed,
                       QStringLiteral("%1 could not be replaced; the backup is still at %2.")
                           .arg(shown(region), shown(source)));
    }
    flushToDisk(QFileInfo(region).absolutePath());
    logging::get("store")->info("restored {} from {}", region.toStdString(), source.toStdString());
    return outcome;
}

std::optional<Recovery> recoveryOffer(const QString& regionPath, const Policy& policy) {
    const auto good = newestGood(regionPath, policy);
    if (!good) {
        return std::nullopt;
    }
    const QFileInfo damaged(regionPath);
    QDateTime lastChange = damaged.lastModified().toUTC();
    const QFileInfo wal(regionPath + QStringLiteral("-wal"));
    if (wal.exists() && wal.lastModified() > lastChange) {
        lastChange = wal.lastModified().toUTC();
    }
    QString message = QStringLiteral("The newest good backup is %1, made %2 (%3). Restoring it would lose "
                                     "whatever was changed after %2")
                          .arg(shown(good->path), shownTime(good->madeUtc), reasonText(good->reason));
    if (lastChange.isValid() && lastChange > good->madeUtc) {
        message += QStringLiteral(" (the damaged file was last changed %1)").arg(shownTime(lastChange));
    }
    message += u'.';
    return Recovery{*good, message};
}

} // namespace balcony::backups
