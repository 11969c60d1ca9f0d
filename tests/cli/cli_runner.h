#pragma once

#include "helpers/temp_dir.h"
#include "helpers/test_database.h"

#include <QByteArray>
#include <QJsonArray>
#include <QString>
#include <QStringList>
#include <catch2/catch.hpp>
#include <memory>

namespace balcony::test {

// What one run of balcony-cli left behind.
struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs the freshly built balcony-cli in a sealed environment: its own temporary folder as HOME and
// the XDG folders (so logs and default paths never touch the user's), and BALCONY_DB pointing at the
// sandbox's region. The region is on test::fixtureEngine(): on SQLite a file region.balcony in the
// folder, which does not exist until a command creates it; on PostgreSQL (BALCONY_TEST_ENGINE=
// postgresql, ctest's cli_tests_on_postgresql) a new, empty database on the test server (a
// test::FreshDatabase), dropped when the sandbox goes. Tests about the region FILE itself (backups,
// locks, permissions, damaged files) carry the tag [file] and run on SQLite only.
class CliSandbox {
public:
    CliSandbox();
    ~CliSandbox();
    CliSandbox(const CliSandbox&) = delete;
    CliSandbox& operator=(const CliSandbox&) = delete;

    CliRun run(const QStringList& arguments) const;
    // balcony-cli run by another program: program wrapperArguments... balcony-cli arguments...
    // (for instance unshare, to give it a folder of its own).
    CliRun runWrapped(const QString& program, const QStringList& wrapperArguments,
                      const QStringList& arguments) const;
    // The same, with --db FILE (or a server's URL) in front of the command.
    CliRun runOn(const QString& databasePath, const QStringList& arguments) const;

    // Where BALCONY_DB points: the region file's path, or the server database's postgresql:// URL
    // (what --db takes, and what balcony-cli names it by).
    QString databasePath() const;
    bool onServer() const { return m_server != nullptr; }
    // What the region holds, as a SHA-256 for "changed nothing" checks (a short message when they
    // fail): of the file's bytes and those of its write-ahead log, if it holds any; on a server, of
    // its schema version and every row of every table (test::dumpEveryTable). Empty when there is no
    // region yet (no file, or a server database that holds none).
    QByteArray regionDigest() const;
    // The sandbox's region exists: the file is there, or the server database holds a region.
    bool regionExists() const;
    // A region FILE, for commands that take one whatever the engine (a region given where a review
    // pack or a day's file belongs): the sandbox's region on SQLite; on a server, an empty region
    // made by "init" in the sandbox folder (the first call makes it).
    QString regionFile() const;
    // Makes the sandbox's region the demo region, as "balcony-cli demo" does. On a server the demo
    // is made once per test process, into a database of its own, and each sandbox gets a copy of it
    // (FreshDatabase::copyFrom): "demo" takes 0.5 s on the test server, and the bad-input matrix
    // needs it 72 times.
    void makeDemoRegion() const;
    QString path(const QString& name) const { return m_dir.path(name); }
    QString dataFolder() const { return m_dir.path(QStringLiteral("data")); }

private:
    TempDir m_dir;
    std::unique_ptr<FreshDatabase> m_server; // on PostgreSQL only
};

// The JSON array a --json command printed; empty (and a failed CHECK) when stdout is not one.
QJsonArray jsonArray(const CliRun& run);

} // namespace balcony::test

namespace Catch {
template <>
struct StringMaker<QString> {
    static std::string convert(const QString& value) { return '"' + value.toStdString() + '"'; }
};
} // namespace Catch
