#pragma once

#include "store/database.h"
#include "store/location.h"

#include <QString>
#include <QStringList>
#include <QVariant>
#include <memory>
#include <vector>

namespace balcony::test {

// The engines a test runs on, for Catch2's GENERATE: SQLite always, and PostgreSQL when the
// throwaway test server is up (tools/test-postgres, started by ctest's "postgres" fixture; its
// address is read from BALCONY_TEST_PG, else from the url file the fixture writes in the build
// folder). Without a server the PostgreSQL variants are left out, with a warning.
std::vector<Engine> engines();
QString engineName(Engine engine);

// The engine the shared region fixtures (tests/domain, tests/notes, tests/outcomes) open their region
// on: PostgreSQL when BALCONY_TEST_ENGINE is "postgresql" (ctest runs those tests once more so), else
// SQLite. One parameter for a whole run, not a second copy of each test.
Engine fixtureEngine();

// The test server's address (a postgresql:// URL of its "postgres" database), or empty.
QString testServer();

// Runs statements on the test server's "postgres" database as its superuser, all of them; false,
// with a warning naming each failure, when one fails. The test server must be up.
bool asSuperuser(const QStringList& statements);
// The first value of the first row of query, run so; an invalid QVariant when it fails.
QVariant superuserValue(const QString& query);

// A new, empty database on engine: an SQLite file name in a temporary folder, or a new database on
// the test server, dropped (with its connections) when this goes. location() is what --db takes.
class FreshDatabase {
public:
    explicit FreshDatabase(Engine engine);
    ~FreshDatabase();
    FreshDatabase(const FreshDatabase&) = delete;
    FreshDatabase& operator=(const FreshDatabase&) = delete;

    Engine engine() const { return m_engine; }
    const QString& location() const { return m_location; }
    // Opens it, creating the region (Database::Options::create); fails the test when it cannot.
    std::unique_ptr<Database> open(Database::Options options = {.create = true});
    // PostgreSQL only: makes this database anew as a copy of the test server's database named
    // templateDatabase (CREATE DATABASE ... TEMPLATE; nobody may be connected to either), so that a
    // region made once is given to many tests at the cost of a file copy. Fails the test otherwise.
    void copyFrom(const QString& templateDatabase);
    const QString& databaseName() const { return m_database; }

private:
    Engine m_engine;
    QString m_location;
    QString m_folder;   // SQLite
    QString m_database; // PostgreSQL
};

} // namespace balcony::test
