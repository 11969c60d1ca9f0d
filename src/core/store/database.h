#pragma once

#include "engine/clock.h"
#include "store/backup.h"
#include "store/location.h"
#include "store/region_lock.h"
#include "support/result.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>

namespace balcony {

class Clock;

// One open region database: one SQLite file per region (the default), or a database on a PostgreSQL
// server (docs/server.md). open() takes either; Location::parse tells them apart, so a URL is never
// taken for a file name. Only src/core/store knows which engine it talks to (engine(), dialect.h).
//
// A server that cannot be reached is refused (Error::Kind::Failed) with a message naming the host,
// port and database, never a password, and nothing is created. A server database that holds tables
// of another program is refused like a foreign file; an empty one is initialised only with
// Options::create. Backups, the region lock file and the file checks below are the file's; on a
// server the IT team's pg_dump keeps the backups, and upgrades are serialised by an advisory lock.
//
// open() refuses, with a message naming the file and the reason, and without changing a byte of it:
// a file that is not SQLite, a SQLite file that is not Balcony's, one from a newer Balcony, a corrupt
// one, one the user cannot write (Error::Kind::ReadOnly, the message saying why: read-only media, a
// read-only folder or file; the caller may retry with readOnly), and one that another Balcony holds
// (Error::Kind::Locked, naming the holder; see RegionLock for when a lock is stale).
//
// Read-only opening works on read-only media and in folders the user cannot write, where SQLite
// cannot create the -shm file its write-ahead log needs: see docs/architecture.md, "Opening".
class Database final {
public:
    struct Options {
        bool create = false;   // create (and initialise) the file when it does not exist or is empty
        bool readOnly = false; // open without writing; no lock, no migrations
        // Take over a lock written on another computer (or one that cannot be read). Set only after
        // the user confirmed it; a live lock of this computer is never taken over.
        bool takeOverLock = false;
        // For the age of a foreign lock and the times of backups; the system clock when null. When
        // given, it must outlive the Database (imports name their backups by it).
        const Clock* clock = nullptr;
        // Where backups go and how many are kept. Opening an existing file that needs upgrading
        // makes a before-migration backup first (unless backups.automatic is false); a backup that
        // cannot be made is a warning (warnings()), never a refusal.
        backups::Policy backups = {};
        // Asked, at most once per open, when a PostgreSQL server refuses for want of a password
        // (libpq's "no password supplied" or "password authentication failed": PGPASSWORD and
        // ~/.pgpass, which libpq reads itself, gave none or a wrong one). It gets the server's
        // address as Location::shown() names it and returns the password, or nothing when the user
        // gives none (a front end that cannot ask returns nothing). Core never prompts: front ends
        // fill this (balcony-cli at a terminal, the desktop program's password dialog). The password
        // goes to libpq and stays in this Database's memory while it is open, so that a lost
        // connection is made again without asking (reconnectIfLost); it is never stored, logged or
        // shown in a message. Not used for files.
        std::function<std::optional<QString>(const QString& server)> password = {};
        // With create, on a database that holds nothing yet: open it without creating the region's
        // schema (schemaVersion() is 0), for a caller that runs migrations::migrate inside a
        // transaction of its own, so that a failure leaves the database as empty as it was (the
        // region copy, store/region_copy.h). On a database that holds a schema, nothing is
        // upgraded either. Not with readOnly.
        bool leaveEmpty = false;
    };

    // The SQLite application_id that marks a Balcony database ("BALC").
    static constexpr qint32 applicationId = 0x42414C43;

    // path: a file name, or a postgresql:// URL (store/location.h).
    static Result<std::unique_ptr<Database>> open(const QString& path, Options options);
    static Result<std::unique_ptr<Database>> open(const QString& path) { return open(path, Options{}); }

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    QSqlDatabase& sql() { return m_db; }
    // The file's absolute path, or the server's URL without a password (Location::shown()).
    const QString& path() const { return m_path; }
    Engine engine() const { return m_engine; }
    bool isServer() const { return m_engine == Engine::PostgreSQL; }
    bool isReadOnly() const { return m_readOnly; }
    int schemaVersion() const;
    // Whom changes are recorded as (store/row_version.h): the server login (current_user) on
    // PostgreSQL; the computer's login name (USER, LOGNAME, USERNAME) for a file. Never empty.
    const QString& userName() const { return m_userName; }

    // Created or initialised by this open (it held no region before): there is nothing to back up.
    bool isNew() const { return m_new; }
    const backups::Policy& backupPolicy() const { return m_backupPolicy; }
    // The clock given in Options, or the system clock.
    const Clock& clock() const { return m_clock != nullptr ? *m_clock : m_systemClock; }

    // Things the user should know about this file that do not stop it opening (a synced folder, a
    // lock taken over from another computer), one message each, naming the file.
    const QStringList& warnings() const { return m_warnings; }
    // The holder whose lock was taken over (Options::takeOverLock), if any.
    std::optional<LockHolder> lockTakenOverFrom() const;
    // Renews the write lock (RegionLock::renew); nothing to do, and success, when read-only.
    Status renewLock(const QDateTime& nowUtc);

    // On a server, when the connection was lost (the server restarted, the network dropped, an
    // administrator ended the session): connects again, as open() did, and listens again on the
    // channels it listened on (store/change_feed.h). Returns true when it connected again, false
    // when the connection was fine (or on a file); an error when it cannot connect now (the caller
    // keeps what it was saving and tries later). Never inside a transaction: what the lost
    // connection had not committed is gone, and the caller saves it again as a whole.
    Result<bool> reconnectIfLost();

    // Inside a Transaction (store/transaction.h).
    bool inTransaction() const { return m_transactionDepth > 0; }

    // The schema version this build writes; a file with a higher one is refused.
    static int latestSchemaVersion();

private:
    friend class Transaction; // keeps the nesting depth: inner transactions become savepoints
    int m_transactionDepth = 0;

    Database() = default;
    static Result<std::unique_ptr<Database>> openFile(const QString& path, Options options);
    static Result<std::unique_ptr<Database>> openServer(const Location& location, Options options);

    QSqlDatabase m_db;
    QString m_connectionName;
    QString m_path;
    QString m_userName;
    Engine m_engine = Engine::SQLite;
    bool m_readOnly = false;
    bool m_new = false;
    backups::Policy m_backupPolicy;
    const Clock* m_clock = nullptr;
    SystemClock m_systemClock;
    QStringList m_warnings;
    std::unique_ptr<RegionLock> m_lock;
};

} // namespace balcony
