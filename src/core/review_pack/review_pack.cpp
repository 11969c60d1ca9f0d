#include "review_pack/review_pack.h"

#include "review_pack/pack_schema.h"
#include "store/database.h"
#include "store/file_access.h"
#include "store/sql.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryFile>
#include <QUrl>
#include <QtEndian>
#include <cstdio>
#include <utility>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace balcony {
namespace {

constexpr char sqliteMagic[] = "SQLite format 3"; // and a NUL: 16 bytes
constexpr int sqliteHeaderSize = 100;

QString shownPath(const QString& path) {
    return QDir::toNativeSeparators(path);
}

QString utcText(const QDateTime& when) {
    return when.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime utcFrom(const QVariant& value) {
    QDateTime when = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return when.isValid() ? when.toUTC() : when;
}

QString newConnectionName() {
    return QStringLiteral("balcony-pack-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Closes and forgets a connection by name; Qt wants no QSqlDatabase copy alive at removeDatabase.
void dropConnection(const QString& name) {
    if (name.isEmpty()) {
        return;
    }
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen()) {
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
}

// A named connection closed when the guard goes (used by createPack and readPackAnswer).
class ScopedConnection final {
public:
    ScopedConnection()
        : m_name(newConnectionName()) {}
    ~ScopedConnection() { dropConnection(m_name); }
    ScopedConnection(const ScopedConnection&) = delete;
    ScopedConnection& operator=(const ScopedConnection&) = delete;
    const QString& name() const { return m_name; }

private:
    QString m_name;
};

Result<QSqlQuery> exec(QSqlDatabase& db, const QString& statement,
                       std::initializer_list<QVariant> bindings = {}) {
    QSqlQuery query(db);
    if (!query.prepare(statement)) {
        return sql::errorFrom(query.lastError(), statement.simplified());
    }
    for (const auto& value : bindings) {
        query.addBindValue(value);
    }
    if (!query.exec()) {
        return sql::errorFrom(query.lastError(), statement.simplified());
    }
    return query;
}

// The connection settings every pack connection uses (per connection, not stored in the file):
// secure_delete so replaced text is zeroed; a rollback journal, deleted after each commit, so a
// closed pack is one file that can be mailed; FULL so a returned "saved" is on disk.
Status configure(QSqlDatabase& db, bool readOnly, const QString& shown) {
    QStringList pragmas{QStringLiteral("PRAGMA secure_delete = ON")};
    if (!readOnly) {
        pragmas << QStringLiteral("PRAGMA journal_mode = DELETE")
                << QStringLiteral("PRAGMA synchronous = FULL");
    }
    for (const QString& pragma : pragmas) {
        if (auto done = exec(db, pragma); !done) {
            return failure(done.error().kind,
                           QStringLiteral("%1 could not be prepared: %2").arg(shown, done.message()));
        }
    }
    return {};
}

// --- refusals --------------------------------------------------------------------------------

Error damaged(const QString& shown, const QString& reason) {
    return failure(Error::Kind::Corrupt,
                   QStringLiteral("%1 is a damaged review pack (%2). Nothing was changed; "
                                  "ask whoever sent it for a fresh copy.")
                       .arg(shown, reason));
}

Error notAPack(const QString& shown, const QString& what) {
    return failure(Error::Kind::NotBalcony,
                   QStringLiteral("%1 is not a review pack: %2. Nothing was changed.").arg(shown, what));
}

Error tooNew(const QString& shown, int version) {
    return failure(
        Error::Kind::TooNew,
        QStringLiteral("%1 is a review pack from a newer Balcony (pack format %2; this version reads "
                       "up to %3). Update Balcony to open it. Nothing was changed.")
            .arg(shown)
            .arg(version)
            .arg(pack_schema::formatVersion));
}

// Judges a file by its header, read without SQLite, so that a file we refuse is never handed to a
// library that might write beside it (a hot journal rollback, a -shm file).
Status inspect(const QString& path, const QString& shown) {
    const QFileInfo info(path);
    if (!info.exists()) {
        return failure(Error::Kind::NotFound,
                       QStringLiteral("There is no review pack at %1. Check the file name.").arg(shown));
    }
    if (info.isDir()) {
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("%1 is a folder, not a review pack. Choose the pack file itself (its "
                                      "name ends in %2).")
                           .arg(shown, QString::fromLatin1(reviewPackSuffix)));
    }
    if (info.size() == 0) {
        return failure(Error::Kind::NotBalcony,
                       QStringLiteral("%1 is empty (0 bytes), not a review pack: it may not have been copied "
                                      "or saved completely. Ask whoever sent it for a fresh copy. Nothing "
                                      "was changed.")
                           .arg(shown));
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return failure(
            Error::Kind::Failed,
            QStringLiteral("%1 cannot be read (%2): check its permissions.").arg(shown, file.errorString()));
    }
    const QByteArray header = file.read(sqliteHeaderSize);
    const QByteArray magic(sqliteMagic, sizeof sqliteMagic);
    if (header.size() < magic.size() || !header.startsWith(magic)) {
        return notAPack(shown, QStringLiteral("it is not a Balcony file at all"));
    }
    if (header.size() < sqliteHeaderSize) {
        return damaged(shown, QStringLiteral("it is cut off inside its first page"));
    }
    const auto applicationId = qFromBigEndian<qint32>(header.constData() + 68);
    const auto userVersion = qFromBigEndian<qint32>(header.constData() + 60);
    if (applicationId == Database::applicationId) {
        return failure(Error::Kind::NotBalcony,
                       QStringLiteral("%1: this is a region file, not a review pack. Open it as a region "
                                      "instead. Nothing was changed.")
                           .arg(shown));
    }
    if (applicationId != pack_schema::applicationId) {
        return notAPack(shown, QStringLiteral("it is an SQLite database of another program"));
    }
    if (userVersion > pack_schema::formatVersion) {
        return tooNew(shown, userVersion);
    }
    if (userVersion < 1) {
        return damaged(shown, QStringLiteral("it was never finished"));
    }
    if (header.at(18) != 1 || header.at(19) != 1) {
        // Bytes 18 and 19 are 2 in write-ahead-log mode; SQLite would then create -wal and -shm files
        // beside the pack, and the latest changes could be in a -wal that did not travel with it.
        return damaged(shown, QStringLiteral("another program switched it to a write-ahead log, which review "
                                             "packs never use"));
    }
    const quint32 rawPageSize = qFromBigEndian<quint16>(header.constData() + 16);
    const quint32 pageSize = rawPageSize == 1 ? 65536 : rawPageSize;
    const quint32 pages = qFromBigEndian<quint32>(header.constData() + 28);
    if (qFromBigEndian<quint32>(header.constData() + 24) ==
            qFromBigEndian<quint32>(header.constData() + 92) &&
        info.size() < qint64(pages) * pageSize) {
        return damaged(shown, QStringLiteral("it is shorter than its header says: it was cut off"));
    }
    return {};
}

QString readOnlyUri(const QString& path) {
    return QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded) + QStringLiteral("?mode=ro");
}

// Opens the named connection on an inspected pack, checks it with SQLite and configures it.
Status connectPack(const QString& name, const QString& path, const QString& shown, bool readOnly) {
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    if (readOnly) {
        db.setDatabaseName(readOnlyUri(path));
        db.setConnectOptions(
            QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI;QSQLITE_BUSY_TIMEOUT=5000"));
    } else {
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    }
    if (!db.open()) {
        return failure(Error::Kind::Failed,
                       QStringLiteral("%1 could not be opened: %2").arg(shown, db.lastError().text()));
    }
    auto appId = exec(db, QStringLiteral("PRAGMA application_id"));
    auto version = exec(db, QStringLiteral("PRAGMA user_version"));
    if (!appId || !version || !appId->next() || !version->next()) {
        return damaged(shown, QStringLiteral("SQLite cannot read it"));
    }
    if (appId->value(0).toInt() != pack_schema::applicationId) {
        return notAPack(shown, QStringLiteral("it is an SQLite database of another program"));
    }
    if (version->value(0).toInt() > pack_schema::formatVersion) {
        return tooNew(shown, version->value(0).toInt());
    }
    auto check = exec(db, QStringLiteral("PRAGMA integrity_check(1)"));
    if (!check || !check->next()) {
        return damaged(shown, QStringLiteral("SQLite could not check it"));
    }
    if (check->value(0).toString() != QStringLiteral("ok")) {
        return damaged(shown, QStringLiteral("SQLite's check says: %1").arg(check->value(0).toString()));
    }
    return configure(db, readOnly, shown);
}

Result<ReviewPackState> readState(QSqlDatabase& db, const QString& shown) {
    ReviewPackState state;
    state.formatVersion = pack_schema::formatVersion;
    auto pack = exec(db, QStringLiteral("SELECT pack_uuid, region_name, cycle_name, group_label, group_date, "
                                        "authority_name, authority_id, note_id, revision_number, "
                                        "revision_fingerprint, revision_body, due_date FROM pack"));
    if (!pack) {
        return damaged(shown, QStringLiteral("its note cannot be read"));
    }
    if (!pack->next()) {
        return damaged(shown, QStringLiteral("it holds no note"));
    }
    ReviewPackContents& sent = state.sent;
    sent.packUuid = QUuid::fromString(pack->value(0).toString());
    sent.regionName = pack->value(1).toString();
    sent.cycleName = pack->value(2).toString();
    sent.groupLabel = pack->value(3).toString();
    sent.groupDate = sql::dateFrom(pack->value(4));
    sent.authorityName = pack->value(5).toString();
    sent.authorityId = pack->value(6).toLongLong();
    sent.noteId = pack->value(7).toLongLong();
    sent.revisionNumber = pack->value(8).toInt();
    sent.revisionFingerprint = pack->value(9).toString();
    sent.revisionBody = pack->value(10).toString();
    sent.dueDate = sql::dateFrom(pack->value(11));
    if (sent.packUuid.isNull() || !sent.groupDate.isValid() || !sent.dueDate.isValid()) {
        return damaged(shown, QStringLiteral("its identity or dates cannot be read"));
    }
    if (fingerprintOf(sent.revisionBody) != sent.revisionFingerprint) {
        return damaged(shown, QStringLiteral("the note's text does not match its fingerprint: it was changed "
                                             "outside Balcony"));
    }
    auto names = exec(db, QStringLiteral("SELECT name FROM group_authority ORDER BY position"));
    if (!names) {
        return damaged(shown, QStringLiteral("its group's LAs cannot be read"));
    }
    while (names->next()) {
        sent.groupAuthorities << names->value(0).toString();
    }
    // The format allows several amendments; the latest is the working one.
    auto amendment =
        exec(db, QStringLiteral("SELECT body, dcs_name, saved_at FROM amendment ORDER BY id DESC LIMIT 1"));
    if (!amendment) {
        return damaged(shown, QStringLiteral("its amendments cannot be read"));
    }
    if (amendment->next()) {
        state.amendment = PackAmendment{amendment->value(0).toString(), amendment->value(1).toString(),
                                        utcFrom(amendment->value(2))};
    }
    auto decision =
        exec(db, QStringLiteral("SELECT kind, agreed_fingerprint, dcs_name, decided_at FROM decision"));
    if (!decision) {
        return damaged(shown, QStringLiteral("its answer cannot be read"));
    }
    if (decision->next()) {
        state.decision = decision->value(0).toString() == QStringLiteral("agreed") ? PackDecision::Agreed
                                                                                   : PackDecision::Returned;
        state.agreedFingerprint = decision->value(1).toString();
        state.decidedBy = decision->value(2).toString();
        state.decidedAtUtc = utcFrom(decision->value(3));
    }
    return state;
}

Status validateContents(const ReviewPackContents& contents) {
    QStringList problems;
    if (contents.packUuid.isNull()) {
        problems << QStringLiteral("it has no pack UUID");
    }
    if (contents.cycleName.isEmpty() || contents.groupLabel.isEmpty() || contents.authorityName.isEmpty()) {
        problems << QStringLiteral("the cycle, group or LA has no name");
    }
    if (contents.authorityId <= 0 || contents.noteId <= 0) {
        problems << QStringLiteral("the LA or note has no id in the region");
    }
    if (contents.revisionNumber < 1) {
        problems << QStringLiteral("the revision number is below 1");
    }
    if (contents.revisionBody.isEmpty()) {
        problems << QStringLiteral("the note is empty");
    } else if (fingerprintOf(contents.revisionBody) != contents.revisionFingerprint) {
        problems << QStringLiteral("the fingerprint is not the note's");
    }
    if (!contents.groupDate.isValid() || !contents.dueDate.isValid()) {
        problems << QStringLiteral("the group date or due date is missing");
    }
    for (const QString& name : contents.groupAuthorities) {
        if (name.isEmpty()) {
            problems << QStringLiteral("one of the group's LAs has no name");
            break;
        }
    }
    if (problems.isEmpty()) {
        return {};
    }
    return failure(
        Error::Kind::InvalidInput,
        QStringLiteral("The review pack for %1 was not written: %2.")
            .arg(contents.authorityName.isEmpty() ? QStringLiteral("an LA") : contents.authorityName,
                 problems.join(QStringLiteral("; "))));
}

Status fill(QSqlDatabase& db, const ReviewPackContents& contents) {
    if (auto begin = exec(db, QStringLiteral("BEGIN IMMEDIATE")); !begin) {
        return begin.error();
    }
    auto fail = [&db](const Error& error) -> Status {
        QSqlQuery rollback(db);
        rollback.exec(QStringLiteral("ROLLBACK"));
        return error;
    };
    for (const QString& statement : pack_schema::createStatements()) {
        if (auto done = exec(db, statement); !done) {
            return fail(done.error());
        }
    }
    for (const QString& pragma :
         {QStringLiteral("PRAGMA application_id = %1").arg(pack_schema::applicationId),
          QStringLiteral("PRAGMA user_version = %1").arg(pack_schema::formatVersion)}) {
        if (auto done = exec(db, pragma); !done) {
            return fail(done.error());
        }
    }
    // The group's LAs first: once the pack row exists, a trigger closes their list.
    int position = 1;
    for (const QString& name : contents.groupAuthorities) {
        auto added = exec(db, QStringLiteral("INSERT INTO group_authority (position, name) VALUES (?, ?)"),
                          {position++, name});
        if (!added) {
            return fail(added.error());
        }
    }
    auto pack =
        exec(db,
             QStringLiteral("INSERT INTO pack (singleton, pack_uuid, region_name, cycle_name, group_label, "
                            "group_date, authority_name, authority_id, note_id, revision_number, "
                            "revision_fingerprint, revision_body, due_date) "
                            "VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
             {contents.packUuid.toString(QUuid::WithoutBraces), sql::text(contents.regionName),
              contents.cycleName, contents.groupLabel, sql::isoDate(contents.groupDate),
              contents.authorityName, contents.authorityId, contents.noteId, contents.revisionNumber,
              contents.revisionFingerprint, contents.revisionBody, sql::isoDate(contents.dueDate)});
    if (!pack) {
        return fail(pack.error());
    }
    if (auto commit = exec(db, QStringLiteral("COMMIT")); !commit) {
        return fail(commit.error());
    }
    return {};
}

// Makes a rename into folder durable (POSIX: the directory entry is data of the folder).
void syncFolder(const QString& folder) {
#ifdef Q_OS_UNIX
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
#else
    Q_UNUSED(folder);
#endif
}

} // namespace

QString reviewPackFileName(const ReviewPackContents& contents) {
    QString name = contents.cycleName + QStringLiteral(" - ") + contents.authorityName;
    // Characters that Windows, macOS or Linux refuse in a file name, and control characters.
    for (QChar& c : name) {
        if (c.category() == QChar::Other_Control || QStringLiteral("/\\:*?\"<>|").contains(c)) {
            c = u'-';
        }
    }
    name = name.trimmed();
    while (name.endsWith(u'.')) { // Windows drops trailing dots
        name.chop(1);
    }
    if (name.startsWith(u'.')) { // not a hidden file
        name.replace(0, 1, u'-');
    }
    return name + QString::fromLatin1(reviewPackSuffix);
}

Status createPack(const QString& path, const ReviewPackContents& contents, bool replace) {
    const QString target = QFileInfo(path).absoluteFilePath();
    const QString shown = shownPath(path);
    if (auto valid = validateContents(contents); !valid) {
        return valid;
    }
    const QFileInfo targetInfo(target);
    if (targetInfo.isDir()) {
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("%1 is a folder; give the review pack a file name.").arg(shown));
    }
    if (targetInfo.exists() && !replace) {
        return failure(
            Error::Kind::Conflict,
            QStringLiteral("%1 already exists; nothing was written. Move it away or choose another "
                           "folder.")
                .arg(shown));
    }
    const QString folder = targetInfo.absolutePath();
    if (!QFileInfo(folder).isDir()) {
        return failure(Error::Kind::NotFound,
                       QStringLiteral("The folder for %1 does not exist; nothing was written.").arg(shown));
    }

    // QTemporaryFile creates the file owner-only (0600); SQLite gives its journal the same mode.
    QTemporaryFile temporary(folder + QStringLiteral("/.") + targetInfo.fileName() +
                             QStringLiteral(".XXXXXX"));
    if (!temporary.open()) {
        return failure(Error::Kind::ReadOnly,
                       QStringLiteral("The review pack %1 cannot be written there (%2); "
                                      "nothing was written. Choose a folder you can write.")
                           .arg(shown, temporary.errorString()));
    }
    const QString temporaryPath = temporary.fileName();
    temporary.close();
    auto removeLeftovers = [&temporaryPath] { QFile::remove(temporaryPath + QStringLiteral("-journal")); };

    {
        ScopedConnection connection;
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection.name());
        db.setDatabaseName(temporaryPath);
        Status filled;
        if (!db.open()) {
            filled = failure(Error::Kind::Failed, db.lastError().text());
        } else if (auto configured = configure(db, false, shown); !configured) {
            filled = configured;
        } else {
            filled = fill(db, contents);
        }
        db = QSqlDatabase();
        if (!filled) {
            removeLeftovers();
            return failure(
                filled.error().kind,
                QStringLiteral("The review pack %1 was not written: %2").arg(shown, filled.message()));
        }
    }
    QFile::setPermissions(temporaryPath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);

    bool renamed = false;
    if (replace) {
        renamed = std::rename(QFile::encodeName(temporaryPath).constData(),
                              QFile::encodeName(target).constData()) == 0;
    } else {
        // Qt's rename never replaces an existing file (renameat2 RENAME_NOREPLACE or link on Linux).
        renamed = QFile::rename(temporaryPath, target);
    }
    if (!renamed) {
        removeLeftovers();
        return failure(
            targetInfo.exists() || QFileInfo::exists(target) ? Error::Kind::Conflict : Error::Kind::Failed,
            QStringLiteral("The review pack could not be saved as %1 (it may have appeared meanwhile, "
                           "or the folder refused it); nothing was written.")
                .arg(shown));
    }
    temporary.setAutoRemove(false);
    syncFolder(folder);
    return {};
}

// --- ReviewPack ------------------------------------------------------------------------------

struct ReviewPack::Connection {
    QString name;
    QString path;
    QString shown;
    bool readOnly = false;
    QString readOnlyReason;
    ReviewPackState state;

    ~Connection() { dropConnection(name); }
    QSqlDatabase db() const { return QSqlDatabase::database(name, false); }
};

ReviewPack::ReviewPack(std::unique_ptr<Connection> connection)
    : m_connection(std::move(connection)) {}
ReviewPack::ReviewPack(ReviewPack&&) noexcept = default;
ReviewPack& ReviewPack::operator=(ReviewPack&&) noexcept = default;
ReviewPack::~ReviewPack() = default;

const QString& ReviewPack::path() const {
    return m_connection->path;
}
bool ReviewPack::isReadOnly() const {
    return m_connection->readOnly;
}
const QString& ReviewPack::readOnlyReason() const {
    return m_connection->readOnlyReason;
}
const ReviewPackState& ReviewPack::state() const {
    return m_connection->state;
}

Result<ReviewPack> openPack(const QString& path, ReviewPack::Options options) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const QString shown = shownPath(path);
    if (auto inspected = inspect(absolute, shown); !inspected) {
        return inspected.error();
    }
    auto connection = std::make_unique<ReviewPack::Connection>();
    connection->path = absolute;
    connection->shown = shown;
    connection->readOnly = options.readOnly;
    if (!options.readOnly) {
        // A rollback journal is written beside the pack, so the folder must be writable too.
        if (auto writable = file_access::checkWritable(absolute, shown); !writable) {
            connection->readOnly = true;
            connection->readOnlyReason = writable.message();
        }
    }
    const QFileInfo journal(absolute + QStringLiteral("-journal"));
    if (connection->readOnly && journal.exists() && journal.size() > 0) {
        // A change was cut off (a crash, a copy made mid-save); only a writer can finish undoing it,
        // and reading around it could show half a change.
        return failure(Error::Kind::ReadOnly,
                       QStringLiteral("%1 has an unfinished change beside it (%2). Open it once in Balcony "
                                      "where it can be written, with %2 beside it, so that the change is "
                                      "undone; then try again. Nothing was changed.")
                           .arg(shown, shownPath(path + QStringLiteral("-journal"))));
    }
    connection->name = newConnectionName();
    if (auto connected = connectPack(connection->name, absolute, shown, connection->readOnly); !connected) {
        return connected.error();
    }
    QSqlDatabase db = connection->db();
    auto state = readState(db, shown);
    if (!state) {
        return state.error();
    }
    connection->state = std::move(*state);
    return ReviewPack(std::move(connection));
}

Status ReviewPack::refuseChange(const QString& what) const {
    const Connection& c = *m_connection;
    if (c.readOnly) {
        return failure(Error::Kind::ReadOnly,
                       QStringLiteral("%1 is open read-only, so it cannot be %2. %3")
                           .arg(c.shown, what,
                                c.readOnlyReason.isEmpty() ? QStringLiteral("Open it again for writing.")
                                                           : c.readOnlyReason));
    }
    if (c.state.decision != PackDecision::None) {
        const QString answer = c.state.decision == PackDecision::Agreed
                                   ? QStringLiteral("agreed")
                                   : QStringLiteral("returned with amendments");
        return failure(
            Error::Kind::Conflict,
            QStringLiteral("%1 was already %2 by %3 on %4, so it cannot be %5. Nothing was changed.")
                .arg(c.shown, answer, c.state.decidedBy,
                     c.state.decidedAtUtc.toString(QStringLiteral("d MMMM yyyy HH:mm 'UTC'")), what));
    }
    return {};
}

Status ReviewPack::reload() {
    QSqlDatabase db = m_connection->db();
    auto state = readState(db, m_connection->shown);
    if (!state) {
        return state.error();
    }
    m_connection->state = std::move(*state);
    return {};
}

namespace {

Status checkAnswerer(const QString& dcsName, const QDateTime& whenUtc, const QString& shown) {
    if (dcsName.trimmed().isEmpty()) {
        return failure(
            Error::Kind::InvalidInput,
            QStringLiteral("Nothing was saved in %1: give the name of the DCS answering.").arg(shown));
    }
    if (!whenUtc.isValid()) {
        return failure(
            Error::Kind::InvalidInput,
            QStringLiteral("Nothing was saved in %1: the time of the answer is missing.").arg(shown));
    }
    return {};
}

// Runs statements in one write transaction; commits before returning. A refusal of the pack's own
// triggers (another program answered meanwhile) rolls everything back.
Status writeAll(QSqlDatabase& db, const QString& shown, const ReviewPack::Statements& statements) {
    if (auto begin = exec(db, QStringLiteral("BEGIN IMMEDIATE")); !begin) {
        return failure(begin.error().kind,
                       QStringLiteral("Nothing was saved in %1: %2").arg(shown, begin.message()));
    }
    for (const auto& [statement, bindings] : statements) {
        QSqlQuery query(db);
        bool ok = query.prepare(statement);
        for (const QVariant& value : bindings) {
            query.addBindValue(value);
        }
        ok = ok && query.exec();
        if (!ok) {
            const Error error = sql::errorFrom(query.lastError(), QStringLiteral("Saving"));
            QSqlQuery rollback(db);
            rollback.exec(QStringLiteral("ROLLBACK"));
            return failure(error.kind,
                           QStringLiteral("Nothing was saved in %1: %2").arg(shown, error.message));
        }
    }
    if (auto commit = exec(db, QStringLiteral("COMMIT")); !commit) {
        QSqlQuery rollback(db);
        rollback.exec(QStringLiteral("ROLLBACK"));
        return failure(commit.error().kind,
                       QStringLiteral("Nothing was saved in %1: %2").arg(shown, commit.message()));
    }
    return {};
}

} // namespace

Status ReviewPack::apply(const QString& what, const Statements& statements) {
    QSqlDatabase db = m_connection->db();
    const Status written = writeAll(db, m_connection->shown, statements);
    // Reread either way: after a refusal, another Balcony may have answered the pack meanwhile, and
    // state() must not keep showing an answer that was not saved.
    const Status reread = reload();
    if (!written) {
        if (auto refused = refuseChange(what); !refused) {
            return refused;
        }
        return written;
    }
    return reread;
}

Status ReviewPack::saveAmendment(const QString& body, const QString& dcsName, const QDateTime& whenUtc) {
    if (auto refused = refuseChange(QStringLiteral("amended")); !refused) {
        return refused;
    }
    if (auto checked = checkAnswerer(dcsName, whenUtc, m_connection->shown); !checked) {
        return checked;
    }
    if (body.trimmed().isEmpty()) {
        return failure(
            Error::Kind::InvalidInput,
            QStringLiteral("Nothing was saved in %1: the amended note is empty.").arg(m_connection->shown));
    }
    if (body == m_connection->state.sent.revisionBody) {
        return discardAmendment();
    }
    // Delete, then insert: with secure_delete the replaced text is overwritten in the file.
    return apply(QStringLiteral("amended"),
                 {{QStringLiteral("DELETE FROM amendment"), {}},
                  {QStringLiteral("INSERT INTO amendment (body, dcs_name, saved_at) VALUES (?, ?, ?)"),
                   {body, dcsName.trimmed(), utcText(whenUtc)}}});
}

Status ReviewPack::discardAmendment() {
    if (auto refused = refuseChange(QStringLiteral("changed")); !refused) {
        return refused;
    }
    return apply(QStringLiteral("changed"), {{QStringLiteral("DELETE FROM amendment"), {}}});
}

Status ReviewPack::agree(const QString& dcsName, const QDateTime& whenUtc) {
    if (auto refused = refuseChange(QStringLiteral("agreed")); !refused) {
        return refused;
    }
    if (auto checked = checkAnswerer(dcsName, whenUtc, m_connection->shown); !checked) {
        return checked;
    }
    if (m_connection->state.amendment) {
        return failure(
            Error::Kind::Conflict,
            QStringLiteral("%1 holds amendments, so it cannot be agreed as sent. Return it with the "
                           "amendments, or discard them and agree. Nothing was changed.")
                .arg(m_connection->shown));
    }
    return apply(QStringLiteral("agreed"),
                 {{QStringLiteral("INSERT INTO decision (singleton, kind, agreed_fingerprint, dcs_name, "
                                  "decided_at) VALUES (1, 'agreed', ?, ?, ?)"),
                   {m_connection->state.sent.revisionFingerprint, dcsName.trimmed(), utcText(whenUtc)}}});
}

Status ReviewPack::returnWithAmendments(const QString& dcsName, const QDateTime& whenUtc) {
    if (auto refused = refuseChange(QStringLiteral("returned")); !refused) {
        return refused;
    }
    if (auto checked = checkAnswerer(dcsName, whenUtc, m_connection->shown); !checked) {
        return checked;
    }
    if (!m_connection->state.amendment) {
        return failure(
            Error::Kind::Conflict,
            QStringLiteral("%1 holds no amendments to return. Amend the note first, or agree it as "
                           "sent. Nothing was changed.")
                .arg(m_connection->shown));
    }
    return apply(QStringLiteral("returned"),
                 {{QStringLiteral("INSERT INTO decision (singleton, kind, agreed_fingerprint, dcs_name, "
                                  "decided_at) VALUES (1, 'returned', NULL, ?, ?)"),
                   {dcsName.trimmed(), utcText(whenUtc)}}});
}

Result<PackAnswer> readPackAnswer(const QString& path) {
    auto pack = openPack(path, ReviewPack::Options{true});
    if (!pack) {
        return pack.error();
    }
    const ReviewPackState& state = pack->state();
    if (state.decision == PackDecision::None) {
        return failure(
            Error::Kind::InvalidInput,
            QStringLiteral("%1 has not been answered yet: the DCS of %2 has neither agreed the note "
                           "nor returned it with amendments. Nothing was imported.")
                .arg(shownPath(path), state.sent.authorityName));
    }
    PackAnswer returned;
    const ReviewPackContents& sent = state.sent;
    returned.packUuid = sent.packUuid;
    returned.regionName = sent.regionName;
    returned.cycleName = sent.cycleName;
    returned.groupLabel = sent.groupLabel;
    returned.groupDate = sent.groupDate;
    returned.authorityName = sent.authorityName;
    returned.authorityId = sent.authorityId;
    returned.noteId = sent.noteId;
    returned.revisionNumber = sent.revisionNumber;
    returned.revisionFingerprint = sent.revisionFingerprint;
    returned.decision = state.decision;
    returned.dcsName = state.decidedBy;
    returned.decidedAtUtc = state.decidedAtUtc;
    if (state.decision == PackDecision::Returned && state.amendment) {
        returned.amendedBody = state.amendment->body;
        returned.amendedBy = state.amendment->dcsName;
        returned.amendedAtUtc = state.amendment->savedAtUtc;
        returned.amendedFingerprint = fingerprintOf(state.amendment->body);
    }
    return returned;
}

} // namespace balcony
