#pragma once

#include "helpers/temp_dir.h"

#include <QJsonArray>
#include <QString>
#include <QStringList>
#include <catch2/catch.hpp>

namespace balcony::test {

// What one run of balcony-cli left behind.
struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs the freshly built balcony-cli in a sealed environment: its own temporary folder as HOME and
// the XDG folders (so logs and default paths never touch the user's), and BALCONY_DB pointing at a
// region database inside it that does not exist until a command creates it.
class CliSandbox {
public:
    CliSandbox();

    CliRun run(const QStringList& arguments) const;
    // balcony-cli run by another program: program wrapperArguments... balcony-cli arguments...
    // (for instance unshare, to give it a folder of its own).
    CliRun runWrapped(const QString& program, const QStringList& wrapperArguments,
                      const QStringList& arguments) const;
    // The same, with --db FILE in front of the command.
    CliRun runOn(const QString& databasePath, const QStringList& arguments) const;

    QString databasePath() const { return m_dir.path(QStringLiteral("region.balcony")); }
    QString path(const QString& name) const { return m_dir.path(name); }
    QString dataFolder() const { return m_dir.path(QStringLiteral("data")); }

private:
    TempDir m_dir;
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
