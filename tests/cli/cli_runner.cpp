#include "cli_runner.h"

#include "helpers/table_dump.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QProcessEnvironment>
#include <catch2/catch.hpp>

namespace balcony::test {

CliSandbox::CliSandbox() {
    QDir().mkpath(m_dir.path(QStringLiteral("home")));
    QDir().mkpath(dataFolder());
    if (fixtureEngine() == Engine::PostgreSQL) {
        m_server = std::make_unique<FreshDatabase>(Engine::PostgreSQL);
    }
}

CliSandbox::~CliSandbox() = default;

void CliSandbox::makeDemoRegion() const {
    if (!m_server) {
        const CliRun demo = run({QStringLiteral("demo")});
        INFO(demo.err.toStdString());
        REQUIRE(demo.exitCode == 0);
        return;
    }
    // Made once per process and never dropped here: the test server itself goes when ctest's
    // postgres fixture stops it.
    static FreshDatabase* demoTemplate = nullptr;
    if (demoTemplate == nullptr) {
        auto* made = new FreshDatabase(Engine::PostgreSQL);
        const CliRun demo = runOn(made->location(), {QStringLiteral("demo")});
        INFO(demo.err.toStdString());
        REQUIRE(demo.exitCode == 0);
        demoTemplate = made;
    }
    m_server->copyFrom(demoTemplate->databaseName());
}

QString CliSandbox::databasePath() const {
    return m_server ? m_server->location() : m_dir.path(QStringLiteral("region.balcony"));
}

QByteArray CliSandbox::regionDigest() const {
    if (!m_server) {
        const QString file = databasePath();
        QByteArray bytes = readAll(file);
        // An empty log holds nothing: SQLite leaves one behind after some refusals.
        if (const QByteArray log = readAll(file + QStringLiteral("-wal")); !log.isEmpty()) {
            bytes += "|wal|" + log;
        }
        return bytes.isEmpty() ? QByteArray() : QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
    }
    auto opened = Database::open(databasePath(), {.readOnly = true});
    if (!opened && opened.error().kind == Error::Kind::NotFound) {
        return {}; // an empty database: no region yet
    }
    INFO((opened ? std::string() : opened.message().toStdString()));
    REQUIRE(opened.ok());
    // The schema version first: a region with no rows yet (after init) is not nothing.
    const QStringList rows =
        QStringList{QStringLiteral("schema %1").arg((*opened)->schemaVersion())} + dumpEveryTable(**opened);
    return QCryptographicHash::hash(rows.join(u'\n').toUtf8(), QCryptographicHash::Sha256);
}

bool CliSandbox::regionExists() const {
    return m_server ? !regionDigest().isEmpty() : QFileInfo::exists(databasePath());
}

QString CliSandbox::regionFile() const {
    if (!m_server) {
        return databasePath();
    }
    const QString file = path(QStringLiteral("region-file.balcony"));
    if (!QFileInfo::exists(file)) {
        const CliRun made = runOn(file, {QStringLiteral("init")});
        INFO(made.err.toStdString());
        REQUIRE(made.exitCode == 0);
    }
    return file;
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
