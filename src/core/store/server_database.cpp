#include "store/database.h"
#include "store/dialect.h"
#include "store/migrations.h"
#include "store/sql.h"
#include "support/logging.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <optional>

// Opening a region on a PostgreSQL server (docs/server.md). The file's checks (header, lock file,
// WAL, backups) have no meaning here; the server keeps the data whole, and the IT team's pg_dump
// keeps the backups.
namespace balcony {
namespace {

QString where(const Location& location) {
    const QString host = location.host.isEmpty() ? QStringLiteral("localhost (the default)") : location.host;
    const QString port =
        location.port > 0 ? QString::number(location.port) : QStringLiteral("5432 (the default)");
    return QStringLiteral("database \"%1\" on the PostgreSQL server %2, port %3")
        .arg(location.database, host, port);
}

// libpq's own words, first line only: it never contains the password.
QString reason(const QSqlError& error) {
    QString text = error.databaseText().trimmed();
    if (text.isEmpty()) {
        text = error.driverText().trimmed();
    }
    return text.section(u'\n', 0, 0).trimmed();
}

// libpq's words when the server wants a password it was not given, or refused the one it got
// (PGPASSWORD, ~/.pgpass). libpq's messages are not translated unless its locale files are
// installed and LANG asks for them; in another language the refusal is the general one below.
enum class PasswordRefusal { None, Missing, Wrong };
PasswordRefusal passwordRefusal(const QSqlError& error) {
    const QString text = error.databaseText() + u' ' + error.driverText();
    if (text.contains(QStringLiteral("no password supplied"))) {
        return PasswordRefusal::Missing;
    }
    if (text.contains(QStringLiteral("password authentication failed"))) {
        return PasswordRefusal::Wrong;
    }
    return PasswordRefusal::None;
}

QString whom(const Location& location) {
    return location.user.isEmpty() ? QStringLiteral("your user name")
                                   : QStringLiteral("the user \"%1\"").arg(location.user);
}

// Run on every connection, at open() and after a lost connection.
constexpr const char* sessionSetup[] = {"SET client_min_messages = warning",
                                        "SET standard_conforming_strings = on"};
constexpr char readOnlySession[] = "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY";

} // namespace

Result<std::unique_ptr<Database>> Database::openServer(const Location& location, Options options) {
    auto log = logging::get("store");
    const QString shown = location.shown();
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        return failure(
            Error::Kind::Failed,
            QStringLiteral("Balcony cannot reach PostgreSQL servers on this computer: Qt's PostgreSQL "
                           "driver is missing. Install the Debian package libqt6sql6-psql."));
    }
    std::unique_ptr<Database> db(new Database);
    db->m_engine = Engine::PostgreSQL;
    db->m_path = shown;
    db->m_readOnly = options.readOnly;
    db->m_backupPolicy = options.backups;
    db->m_backupPolicy.automatic = false; // the server's backups are pg_dump's, not ours
    db->m_clock = options.clock;
    db->m_connectionName = QStringLiteral("balcony-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    db->m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), db->m_connectionName);
    if (!location.host.isEmpty()) {
        db->m_db.setHostName(location.host);
    }
    if (location.port > 0) {
        db->m_db.setPort(location.port);
    }
    db->m_db.setDatabaseName(location.database);
    if (!location.user.isEmpty()) {
        db->m_db.setUserName(location.user);
    }
    // No password is set here: libpq reads PGPASSWORD or ~/.pgpass itself. Only a refusal for want
    // of one asks Options::password, below.
    QString connectOptions = location.connectOptions;
    if (!connectOptions.contains(QStringLiteral("connect_timeout="))) {
        connectOptions += (connectOptions.isEmpty() ? QString() : QStringLiteral(";")) +
                          QStringLiteral("connect_timeout=10");
    }
    db->m_db.setConnectOptions(connectOptions);
    bool opened = db->m_db.open();
    if (!opened && options.password && passwordRefusal(db->m_db.lastError()) != PasswordRefusal::None) {
        // Asked once. A password that opened the connection stays with it, in memory only, so that
        // a connection lost later is made again without asking (reconnectIfLost); one refused is
        // dropped at once (Options::password).
        if (std::optional<QString> password = options.password(shown); password && !password->isEmpty()) {
            db->m_db.setPassword(*password);
            opened = db->m_db.open();
            if (!opened) {
                db->m_db.setPassword(QString());
            }
            password->fill(u' ');
        }
    }
    if (!opened) {
        switch (passwordRefusal(db->m_db.lastError())) {
        case PasswordRefusal::Missing:
            return failure(
                Error::Kind::Failed,
                QStringLiteral("The %1 wants a password for %2, and none was given. Put it in "
                               "~/.pgpass or the PGPASSWORD variable "
                               "(https://www.postgresql.org/docs/15/libpq-pgpass.html); Balcony asks "
                               "for it only where someone can answer (the desktop program, "
                               "balcony-cli at a terminal). Nothing was created.")
                    .arg(where(location), whom(location)));
        case PasswordRefusal::Wrong:
            return failure(Error::Kind::Failed,
                           QStringLiteral("The %1 refused the password for %2. Check the password (in "
                                          "~/.pgpass, the PGPASSWORD variable, or as typed) with whoever "
                                          "runs the server. Nothing was created.")
                               .arg(where(location), whom(location)));
        case PasswordRefusal::None:
            break;
        }
        return failure(
            Error::Kind::Failed,
            QStringLiteral("Balcony could not reach the %1: %2. Check the address, that the server "
                           "is running and lets you in (your password goes in ~/.pgpass or the "
                           "PGPASSWORD variable). Nothing was created.")
                .arg(where(location), reason(db->m_db.lastError())));
    }
    QSqlQuery setup(db->m_db);
    for (const char* statement : sessionSetup) {
        if (!setup.exec(QString::fromLatin1(statement))) {
            return sql::errorFrom(setup.lastError(), QStringLiteral("Preparing %1").arg(shown));
        }
    }

    auto version = dialect::schemaVersion(Engine::PostgreSQL, db->m_db);
    if (!version) {
        return failure(
            version.error().kind,
            QStringLiteral("The %1 could not be read: %2").arg(where(location), version.error().message));
    }
    bool blank = false;
    if (*version == 0) {
        QSqlQuery tables(db->m_db);
        if (!tables.exec(
                QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()")) ||
            !tables.next()) {
            return sql::errorFrom(tables.lastError(), QStringLiteral("Looking into %1").arg(shown));
        }
        QSqlQuery marked(db->m_db);
        const bool hasMarker =
            marked.exec(QStringLiteral("SELECT to_regclass('balcony_schema') IS NOT NULL")) &&
            marked.next() && marked.value(0).toBool();
        blank = tables.value(0).toLongLong() == 0;
        if (!blank && !hasMarker) {
            return failure(
                Error::Kind::NotBalcony,
                QStringLiteral("The %1 holds tables of another program, not a Balcony region. Nothing "
                               "was changed; give Balcony a database of its own.")
                    .arg(where(location)));
        }
    } else {
        QSqlQuery marker(db->m_db);
        if (!marker.exec(QStringLiteral("SELECT application_id FROM balcony_schema")) || !marker.next() ||
            marker.value(0).toLongLong() != applicationId) {
            return failure(
                Error::Kind::NotBalcony,
                QStringLiteral("The %1 is marked as another program's, not a Balcony region. Nothing "
                               "was changed.")
                    .arg(where(location)));
        }
        if (*version > latestSchemaVersion()) {
            return failure(
                Error::Kind::TooNew,
                QStringLiteral("The %1 was written by a newer Balcony (schema %2; this version reads up "
                               "to %3). Update Balcony to open it. Nothing was changed.")
                    .arg(where(location))
                    .arg(*version)
                    .arg(latestSchemaVersion()));
        }
    }
    if (blank && !options.create) {
        return failure(
            Error::Kind::NotFound,
            QStringLiteral("The %1 holds no region yet. Create one with \"balcony-cli --db %2 init\".")
                .arg(where(location), shown));
    }
    if (options.readOnly) {
        if (blank || *version < latestSchemaVersion()) {
            return failure(
                Error::Kind::ReadOnly,
                QStringLiteral("The %1 needs upgrading to this version of Balcony, which cannot be "
                               "done read-only. Open it for writing once.")
                    .arg(where(location)));
        }
        if (!setup.exec(QString::fromLatin1(readOnlySession))) {
            return sql::errorFrom(setup.lastError(), QStringLiteral("Opening %1 read-only").arg(shown));
        }
    } else {
        db->m_new = blank;
        if (options.leaveEmpty) {
            log->info("opened {} without creating or upgrading its schema", shown.toStdString());
            return db;
        }
        if (auto migrated = migrations::migrate(*db); !migrated) {
            return migrated.error();
        }
    }
    QSqlQuery login(db->m_db);
    db->m_userName = login.exec(QStringLiteral("SELECT current_user")) && login.next()
                         ? login.value(0).toString()
                         : QStringLiteral("someone");
    log->info("opened {} (schema {}{})", shown.toStdString(), db->schemaVersion(),
              options.readOnly ? ", read-only" : "");
    return db;
}

Result<bool> Database::reconnectIfLost() {
    if (!isServer() || m_transactionDepth > 0) {
        return false;
    }
    {
        QSqlQuery probe(m_db);
        if (probe.exec(QStringLiteral("SELECT 1"))) {
            return false;
        }
    }
    QSqlDriver* driver = m_db.driver();
    const QStringList channels = driver != nullptr ? driver->subscribedToNotifications() : QStringList();
    m_db.close();
    if (!m_db.open()) {
        return failure(Error::Kind::Failed,
                       QStringLiteral("The connection to %1 was lost and cannot be made again now (%2). "
                                      "Nothing was saved; Balcony tries again.")
                           .arg(m_path, m_db.lastError().text().section(u'\n', 0, 0).trimmed()));
    }
    QSqlQuery setup(m_db);
    for (const char* statement : sessionSetup) {
        if (!setup.exec(QString::fromLatin1(statement))) {
            return sql::errorFrom(setup.lastError(), QStringLiteral("Connecting again to %1").arg(m_path));
        }
    }
    if (m_readOnly && !setup.exec(QString::fromLatin1(readOnlySession))) {
        return sql::errorFrom(setup.lastError(), QStringLiteral("Connecting again to %1").arg(m_path));
    }
    for (const QString& channel : channels) {
        driver->subscribeToNotification(channel);
    }
    logging::get("store")->warn("connected again to {} after the connection was lost", m_path.toStdString());
    return true;
}

} // namespace balcony
