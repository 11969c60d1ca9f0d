// The session extension's declarations are only visible with these defined; Debian's libsqlite3
// is built with both (check: SELECT * FROM pragma_compile_options).
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1

#include "store/change_set.h"

#include "store/database.h"
#include "store/sql.h"
#include "store/transaction.h"

#include <QSqlDriver>
#include <QVariant>
#include <sqlite3.h>

namespace balcony {
namespace {

// The connection's own sqlite3 handle. Qt's QSQLITE driver on Debian links the system libsqlite3,
// the same library this file links, so the handle may be used with its functions.
sqlite3* handleOf(Database& db) {
    const QVariant handle = db.sql().driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        return nullptr;
    }
    return *static_cast<sqlite3* const*>(handle.constData());
}

Error noHandle() {
    return failure(Error::Kind::Failed,
                   QStringLiteral("The region database is not an SQLite connection, so changes cannot be "
                                  "recorded or replayed."));
}

Error sqliteError(int code, const QString& what) {
    const Error::Kind kind = (code & 0xff) == SQLITE_NOMEM ? Error::Kind::Storage : Error::Kind::Failed;
    return failure(kind, QStringLiteral("%1 failed: %2").arg(what, QString::fromUtf8(sqlite3_errstr(code))));
}

int recordTable(void* context, const char* table) {
    static_cast<QStringList*>(context)->append(QString::fromUtf8(table));
    return 1; // record every table
}

struct ConflictSeen {
    bool seen = false;
    QString table;
    int kind = 0;
};

int refuseConflict(void* context, int kind, sqlite3_changeset_iter* iterator) {
    auto* seen = static_cast<ConflictSeen*>(context);
    if (!seen->seen) {
        seen->seen = true;
        seen->kind = kind;
        const char* table = nullptr;
        int columns = 0;
        int op = 0;
        int indirect = 0;
        if (sqlite3changeset_op(iterator, &table, &columns, &op, &indirect) == SQLITE_OK &&
            table != nullptr) {
            seen->table = QString::fromUtf8(table);
        }
    }
    return SQLITE_CHANGESET_ABORT;
}

QString conflictReason(int kind) {
    switch (kind) {
    case SQLITE_CHANGESET_DATA:
        return QStringLiteral("a row no longer holds the values recorded");
    case SQLITE_CHANGESET_NOTFOUND:
        return QStringLiteral("a row to change is no longer there");
    case SQLITE_CHANGESET_CONFLICT:
        return QStringLiteral("a row to add is already there");
    case SQLITE_CHANGESET_CONSTRAINT:
        return QStringLiteral("the result would break a rule of the schema");
    case SQLITE_CHANGESET_FOREIGN_KEY:
        return QStringLiteral("the result would leave a reference to a missing row");
    default:
        return QStringLiteral("the data changed");
    }
}

Error conflict(const QString& detail) {
    return failure(Error::Kind::Conflict,
                   QStringLiteral("The data changed after these changes were made (%1), so they cannot be "
                                  "applied. Nothing was changed.")
                       .arg(detail));
}

// Switches foreign-key enforcement (and with it ON DELETE actions) off, and back to what it was.
// PRAGMA foreign_keys does nothing inside a transaction, so this wraps the whole transaction.
class ForeignKeysOff final {
public:
    explicit ForeignKeysOff(Database& db)
        : m_db(db) {
        auto query = sql::run(m_db, QStringLiteral("PRAGMA foreign_keys"));
        m_wasOn = query && query->next() && query->value(0).toInt() == 1;
        if (m_wasOn) {
            m_status = sql::run(m_db, QStringLiteral("PRAGMA foreign_keys = OFF")).ok()
                           ? Status()
                           : Status(failure(Error::Kind::Failed,
                                            QStringLiteral("Foreign keys could not be switched off to replay "
                                                           "the changes. Nothing was changed.")));
        }
    }
    ~ForeignKeysOff() {
        if (m_wasOn) {
            (void)sql::run(m_db, QStringLiteral("PRAGMA foreign_keys = ON"));
        }
    }
    ForeignKeysOff(const ForeignKeysOff&) = delete;
    ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;

    const Status& status() const { return m_status; }

private:
    Database& m_db;
    bool m_wasOn = false;
    Status m_status;
};

// Applies inside an open transaction; the caller rolls back on failure.
Status applyInTransaction(Database& db, sqlite3* handle, QByteArray bytes) {
    ConflictSeen seen;
    const int rc = sqlite3changeset_apply(handle, static_cast<int>(bytes.size()), bytes.data(), nullptr,
                                          refuseConflict, &seen);
    if (seen.seen) {
        return conflict(QStringLiteral("table %1: %2").arg(seen.table, conflictReason(seen.kind)));
    }
    if (rc != SQLITE_OK) {
        if ((rc & 0xff) == SQLITE_CONSTRAINT) {
            return conflict(conflictReason(SQLITE_CHANGESET_CONSTRAINT));
        }
        return sqliteError(rc, QStringLiteral("Applying recorded changes"));
    }
    // Foreign keys were off while the rows went in: check them all now.
    auto check = sql::run(db, QStringLiteral("PRAGMA foreign_key_check"));
    if (!check) {
        return check.error();
    }
    if (check->next()) {
        return conflict(QStringLiteral("table %1: %2")
                            .arg(check->value(0).toString(), conflictReason(SQLITE_CHANGESET_FOREIGN_KEY)));
    }
    return {};
}

} // namespace

Result<ChangeSet> ChangeSet::inverted() const {
    if (m_bytes.isEmpty()) {
        return ChangeSet();
    }
    int size = 0;
    void* out = nullptr;
    const int rc =
        sqlite3changeset_invert(static_cast<int>(m_bytes.size()), m_bytes.constData(), &size, &out);
    if (rc != SQLITE_OK) {
        sqlite3_free(out);
        return sqliteError(rc, QStringLiteral("Inverting recorded changes"));
    }
    ChangeSet result(QByteArray(static_cast<const char*>(out), size));
    sqlite3_free(out);
    return result;
}

Status ChangeSet::apply(Database& db) const {
    if (m_bytes.isEmpty()) {
        return {};
    }
    sqlite3* handle = handleOf(db);
    if (handle == nullptr) {
        return noHandle();
    }
    if (sqlite3_get_autocommit(handle) == 0) {
        return failure(Error::Kind::Failed,
                       QStringLiteral("Recorded changes can only be applied outside a transaction."));
    }
    ForeignKeysOff foreignKeysOff(db);
    if (!foreignKeysOff.status()) {
        return foreignKeysOff.status();
    }
    Transaction tx(db);
    if (!tx.isActive()) {
        return tx.error();
    }
    // sqlite3changeset_apply takes a writable buffer; give it a copy of its own.
    if (Status applied = applyInTransaction(db, handle, QByteArray(m_bytes.constData(), m_bytes.size()));
        !applied) {
        return applied;
    }
    return tx.commit();
}

void ChangeRecorder::SessionDeleter::operator()(sqlite3_session* session) const {
    sqlite3session_delete(session);
}

ChangeRecorder::ChangeRecorder(Database& db)
    : m_db(&db)
    , m_tables(std::make_unique<QStringList>()) {}

ChangeRecorder::ChangeRecorder(ChangeRecorder&&) noexcept = default;
ChangeRecorder& ChangeRecorder::operator=(ChangeRecorder&&) noexcept = default;
ChangeRecorder::~ChangeRecorder() = default;

Status ChangeRecorder::available(const Database& db) {
    if (db.isServer()) {
        return failure(
            Error::Kind::Failed,
            QStringLiteral("An import into a region on a server cannot be undone in Balcony: undoing "
                           "one needs SQLite's session extension, which only a region file has. "
                           "Check the preview before importing; the server's backups (pg_dump) "
                           "keep the region as it was."));
    }
    return {};
}

Result<ChangeRecorder> ChangeRecorder::start(Database& db) {
    if (auto possible = available(db); !possible) {
        return possible.error();
    }
    sqlite3* handle = handleOf(db);
    if (handle == nullptr) {
        return noHandle();
    }
    ChangeRecorder recorder(db);
    sqlite3_session* session = nullptr;
    int rc = sqlite3session_create(handle, "main", &session);
    recorder.m_session.reset(session);
    if (rc != SQLITE_OK) {
        return sqliteError(rc, QStringLiteral("Starting to record changes"));
    }
    sqlite3session_table_filter(session, recordTable, recorder.m_tables.get());
    rc = sqlite3session_attach(session, nullptr);
    if (rc != SQLITE_OK) {
        return sqliteError(rc, QStringLiteral("Starting to record changes"));
    }
    return recorder;
}

Result<ChangeSet> ChangeRecorder::finish() {
    if (!m_session) {
        return failure(Error::Kind::Failed, QStringLiteral("The recording of changes was already finished."));
    }
    int size = 0;
    void* out = nullptr;
    const int rc = sqlite3session_changeset(m_session.get(), &size, &out);
    m_session.reset();
    if (rc != SQLITE_OK) {
        sqlite3_free(out);
        return sqliteError(rc, QStringLiteral("Collecting recorded changes"));
    }
    ChangeSet changes(QByteArray(static_cast<const char*>(out), size));
    sqlite3_free(out);

    for (const QString& table : *m_tables) {
        auto keys = sql::run(*m_db, QStringLiteral("SELECT count(*) FROM pragma_table_info(?) WHERE pk > 0"),
                             {table});
        if (!keys) {
            return keys.error();
        }
        if (keys->next() && keys->value(0).toInt() == 0) {
            return failure(
                Error::Kind::Failed,
                QStringLiteral("The changes to table %1 cannot be recorded: it has no primary key.")
                    .arg(table));
        }
    }
    return changes;
}

} // namespace balcony
