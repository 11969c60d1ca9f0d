#include "store_probe_helpers.h"

#include "domain/roster_store.h"
#include "store/database.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

namespace balcony::test {
namespace {

constexpr int probeTimeoutMs = 60000;

} // namespace

FolderSnapshot snapshot(const QString& folder) {
    FolderSnapshot result;
    const QDir dir(folder);
    for (const QString& name : dir.entryList(QDir::Files | QDir::Hidden | QDir::System)) {
        QFile file(dir.filePath(name));
        result[name] = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
    }
    return result;
}

bool makeRegion(const QString& path, const QStringList& authorities) {
    auto db = Database::open(path, {.create = true});
    if (!db) {
        return false;
    }
    RosterStore roster(**db);
    for (const QString& name : authorities) {
        if (!roster.addAuthority(name)) {
            return false;
        }
    }
    return true;
}

bool runRaw(const QString& path, const QStringList& statements) {
    const QString name = QUuid::createUuid().toString();
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        ok = db.open();
        if (ok) {
            QSqlQuery query(db);
            for (const QString& statement : statements) {
                ok = ok && query.exec(statement);
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

std::optional<Error::Kind> ProbeRun::kind(const QString& prefix) const {
    const QString found = line(prefix);
    if (found.isEmpty()) {
        return std::nullopt;
    }
    return static_cast<Error::Kind>(found.section(QLatin1Char(' '), 1, 1).toInt());
}

QString ProbeRun::line(const QString& prefix) const {
    for (const QString& candidate : lines) {
        if (candidate.startsWith(prefix + QLatin1Char(' ')) || candidate == prefix) {
            return candidate;
        }
    }
    return {};
}

ProbeRun runProbe(const QStringList& arguments) {
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(QStringLiteral(BALCONY_STORE_PROBE), arguments);
    process.closeWriteChannel();
    ProbeRun run;
    if (!process.waitForFinished(probeTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.lines =
        QString::fromUtf8(process.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return run;
}

HeldDatabase::HeldDatabase(const QStringList& arguments) {
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(QStringLiteral(BALCONY_STORE_PROBE), QStringList{QStringLiteral("--hold")} + arguments);
    QByteArray output;
    while (!output.contains("holding\n") && m_process.waitForReadyRead(probeTimeoutMs)) {
        output += m_process.readAllStandardOutput();
    }
    m_holding = output.contains("holding\n");
}

HeldDatabase::~HeldDatabase() {
    if (m_process.state() != QProcess::NotRunning) {
        release();
    }
}

void HeldDatabase::release() {
    m_process.closeWriteChannel();
    if (!m_process.waitForFinished(probeTimeoutMs)) {
        kill();
    }
    m_holding = false;
}

void HeldDatabase::kill() {
    m_process.kill();
    m_process.waitForFinished(probeTimeoutMs);
    m_holding = false;
}

} // namespace balcony::test
