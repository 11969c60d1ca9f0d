#include "helpers/test_database.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <atomic>
#include <catch2/catch.hpp>

namespace balcony::test {
namespace {

// A connection to the server's "postgres" database, for creating and dropping test databases.
class Admin {
public:
    Admin()
        : m_name(QStringLiteral("balcony-test-admin-") + QUuid::createUuid().toString(QUuid::WithoutBraces)) {
        const auto location = Location::parse(testServer());
        REQUIRE(location.ok());
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
        db.setHostName(location->host);
        if (location->port > 0) {
            db.setPort(location->port);
        }
        db.setDatabaseName(location->database);
        db.setUserName(location->user);
        INFO(db.lastError().text().toStdString());
        REQUIRE(db.open());
        QSqlQuery(db).exec(QStringLiteral("SET client_min_messages = warning"));
    }
    ~Admin() {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    bool exec(const QString& statement) {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        const bool done = query.exec(statement);
        if (!done) {
            WARN(query.lastError().text().toStdString());
        }
        return done;
    }
    QVariant value(const QString& statement) {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(statement) || !query.next()) {
            WARN(query.lastError().text().toStdString());
            return {};
        }
        return query.value(0);
    }

private:
    QString m_name;
};

QString urlFileServer() {
    QFile file(QStringLiteral(BALCONY_TEST_PG_STATE "/url"));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QString::fromUtf8(file.readAll()).trimmed();
}

} // namespace

QString testServer() {
    const QString fromEnv = qEnvironmentVariable("BALCONY_TEST_PG");
    return fromEnv.isEmpty() ? urlFileServer() : fromEnv;
}

bool asSuperuser(const QStringList& statements) {
    Admin admin;
    bool done = true;
    for (const auto& statement : statements) {
        done = admin.exec(statement) && done;
    }
    return done;
}

QVariant superuserValue(const QString& query) {
    return Admin().value(query);
}

std::vector<Engine> engines() {
    if (testServer().isEmpty()) {
        static bool warned = false;
        if (!warned) {
            warned = true;
            WARN("No PostgreSQL test server (run the tests through ctest, or tools/test-postgres "
                 "start " BALCONY_TEST_PG_STATE "): testing on SQLite only");
        }
        return {Engine::SQLite};
    }
    return {Engine::SQLite, Engine::PostgreSQL};
}

Engine fixtureEngine() {
    return qEnvironmentVariable("BALCONY_TEST_ENGINE") == QStringLiteral("postgresql") ? Engine::PostgreSQL
                                                                                       : Engine::SQLite;
}

QString engineName(Engine engine) {
    return engine == Engine::SQLite ? QStringLiteral("SQLite") : QStringLiteral("PostgreSQL");
}

FreshDatabase::FreshDatabase(Engine engine)
    : m_engine(engine) {
    static std::atomic<int> counter{0};
    if (engine == Engine::SQLite) {
        m_folder = QDir::tempPath() + QStringLiteral("/balcony-test-") +
                   QUuid::createUuid().toString(QUuid::WithoutBraces);
        REQUIRE(QDir().mkpath(m_folder));
        m_location = m_folder + QStringLiteral("/region.balcony");
        return;
    }
    REQUIRE_FALSE(testServer().isEmpty());
    m_database = QStringLiteral("balcony_test_%1_%2").arg(QCoreApplication::applicationPid()).arg(++counter);
    Admin admin;
    REQUIRE(admin.exec(
        QStringLiteral("CREATE DATABASE %1 TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'").arg(m_database)));
    auto server = Location::parse(testServer());
    REQUIRE(server.ok());
    server->database = m_database;
    m_location = server->shown();
}

FreshDatabase::~FreshDatabase() {
    if (m_engine == Engine::SQLite) {
        QDir(m_folder).removeRecursively();
        return;
    }
    Admin admin;
    admin.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_database));
}

void FreshDatabase::copyFrom(const QString& templateDatabase) {
    REQUIRE(m_engine == Engine::PostgreSQL);
    Admin admin;
    REQUIRE(admin.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_database)));
    REQUIRE(admin.exec(QStringLiteral("CREATE DATABASE %1 TEMPLATE %2").arg(m_database, templateDatabase)));
}

std::unique_ptr<Database> FreshDatabase::open(Database::Options options) {
    auto opened = Database::open(m_location, options);
    INFO(engineName(m_engine).toStdString()
         << ": " << (opened ? std::string() : opened.message().toStdString()));
    REQUIRE(opened.ok());
    return std::move(*opened);
}

} // namespace balcony::test
