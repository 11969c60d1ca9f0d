#pragma once

#include "support/result.h"

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <map>
#include <memory>
#include <optional>

// Helpers for the store's tests: what a folder holds byte for byte, and a second Balcony process
// (balcony_store_probe) to run as another program or another user.
namespace balcony::test {

// Every file in a folder, by name, with its bytes: equal snapshots mean nothing was written,
// created or removed.
using FolderSnapshot = std::map<QString, QByteArray>;
FolderSnapshot snapshot(const QString& folder);

// A region database with these authorities, closed again; returns false if it could not be made.
bool makeRegion(const QString& path, const QStringList& authorities);

// Runs the SQL statements on the file through a plain SQLite connection (not Balcony's open).
bool runRaw(const QString& path, const QStringList& statements);

struct ProbeRun {
    int exitCode = -1;
    QStringList lines;

    bool privilegesUnavailable() const { return exitCode == 77; }
    // The kind reported on a line that starts with prefix ("refused", "write-refused").
    std::optional<Error::Kind> kind(const QString& prefix) const;
    QString line(const QString& prefix) const;
};

// Runs balcony_store_probe with these arguments to the end.
ProbeRun runProbe(const QStringList& arguments);

// A second Balcony process holding a database open for writing until release() or kill().
class HeldDatabase {
public:
    explicit HeldDatabase(const QStringList& arguments);
    ~HeldDatabase();
    HeldDatabase(const HeldDatabase&) = delete;
    HeldDatabase& operator=(const HeldDatabase&) = delete;

    bool isHolding() const { return m_holding; }
    qint64 processId() const { return m_process.processId(); }
    void release(); // lets it close the database and exit normally
    void kill();    // SIGKILL, as a crash or a flat battery would

private:
    QProcess m_process;
    bool m_holding = false;
};

} // namespace balcony::test
