#include "cli_runner.h"

#include <QJsonDocument>
#include <QProcess>
#include <QProcessEnvironment>
#include <catch2/catch.hpp>

namespace balcony::test {

CliSandbox::CliSandbox() {
    QDir().mkpath(m_dir.path(QStringLiteral("home")));
    QDir().mkpath(dataFolder());
}

CliRun CliSandbox::run(const QStringList& arguments) const {
    return runWrapped(QStringLiteral(BALCONY_CLI_PATH), {}, arguments);
}

CliRun CliSandbox::runWrapped(const QString& program, const QStringList& wrapperArguments,
                              const QStringList& arguments) const {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_dir.path(QStringLiteral("home")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), dataFolder());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.path(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), m_dir.path(QStringLiteral("cache")));
    env.insert(QStringLiteral("XDG_STATE_HOME"), m_dir.path(QStringLiteral("state")));
    env.insert(QStringLiteral("BALCONY_DB"), databasePath());
    QProcess process;
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(m_dir.path(QStringLiteral("home")));
    const QStringList all =
        program == QStringLiteral(BALCONY_CLI_PATH)
            ? arguments
            : wrapperArguments + QStringList{QStringLiteral(BALCONY_CLI_PATH)} + arguments;
    process.start(program, all);
    // Only a guard against a hung child; no assertion depends on how long a run takes.
    const bool finished = process.waitForStarted() && process.waitForFinished(600000);
    REQUIRE(finished);
    CliRun result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

CliRun CliSandbox::runOn(const QString& databasePath, const QStringList& arguments) const {
    return run(QStringList{QStringLiteral("--db"), databasePath} + arguments);
}

QJsonArray jsonArray(const CliRun& run) {
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(run.out.toUtf8(), &error);
    CHECK(error.error == QJsonParseError::NoError);
    CHECK(doc.isArray());
    return doc.array();
}

} // namespace balcony::test
