// The region file where the user cannot write it (read-only media, a read-only share), a lock
// carried over from another computer, and a region in a synced folder, as balcony-cli meets them.
// [file]: all of it is about a region FILE (permissions, the lock file, the folder it is in), so these
// run on SQLite only; ctest's cli_tests_on_postgresql leaves them out.
#include "cli_runner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <map>
#include <unistd.h>

using balcony::test::CliRun;
using balcony::test::CliSandbox;

namespace {

QStringList words(const char* text) {
    return QString::fromUtf8(text).split(u' ', Qt::SkipEmptyParts);
}

std::map<QString, QByteArray> folderBytes(const QString& folder) {
    std::map<QString, QByteArray> files;
    for (const QString& name : QDir(folder).entryList(QDir::Files | QDir::Hidden)) {
        files[name] = balcony::test::readAll(QDir(folder).filePath(name));
    }
    return files;
}

// Runs balcony-cli as the user nobody (uid 65534) through setpriv, as on a share that user may only
// read; HOME and the data folder are a folder nobody may write.
CliRun runAsNobody(const QString& home, const QString& db, const QStringList& arguments) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    env.remove(QStringLiteral("BALCONY_DB"));
    QProcess process;
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(home);
    process.start(QStringLiteral("setpriv"),
                  QStringList{QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                              QStringLiteral("--clear-groups"), QStringLiteral(BALCONY_CLI_PATH),
                              QStringLiteral("--db"), db} +
                      arguments);
    REQUIRE((process.waitForStarted() && process.waitForFinished(120000)));
    CliRun result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

struct ReadOnlyShare {
    QString share;
    QString db;
    QString home;
};

// The demo region in a folder nobody may read but not write, and a home nobody may write.
ReadOnlyShare makeShare(const CliSandbox& cli) {
    ReadOnlyShare s{cli.path(QStringLiteral("share")), cli.path(QStringLiteral("share/region.balcony")),
                    cli.path(QStringLiteral("reader"))};
    REQUIRE(QDir().mkpath(s.share));
    REQUIRE(QDir().mkpath(s.home));
    REQUIRE(cli.runOn(s.db, {QStringLiteral("demo")}).exitCode == 0);
    const auto all = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup |
                     QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther | QFile::WriteOther |
                     QFile::ExeOther;
    const auto enterable = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup |
                           QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther;
    REQUIRE(QFile::setPermissions(QFileInfo(s.share).absolutePath(), enterable));
    REQUIRE(QFile::setPermissions(s.home, all));
    REQUIRE(QFile::setPermissions(s.db, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    REQUIRE(QFile::setPermissions(s.share, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup |
                                               QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther));
    return s;
}

bool canRunAsNobody() {
    return geteuid() == 0 && !QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty();
}

} // namespace

TEST_CASE("Every command that only reads works on a region on a read-only share", "[cli][read-only][file]") {
    if (!canRunAsNobody()) {
        WARN("This test runs balcony-cli as the user nobody through setpriv, which needs root.");
        return;
    }
    CliSandbox cli;
    const auto s = makeShare(cli);
    const auto before = folderBytes(s.share);
    const QString out = s.home + QStringLiteral("/out");

    const struct {
        const char* command;
        int exitCode;
        const char* shows;
    } reads[] = {
        {"cycle list", 0, "2022-2023"},
        {"cycle list --json", 0, "\"name\": \"2022-2023\""},
        {"sa list --cycle 2022-2023 --today 2023-01-10", 0, "West Berkshire"},
        {"check --cycle 2022-2023 --today 2022-12-01", 1, "outside cycle 2022-2023"},
        {"timetable --cycle 2022-2023 --group 1", 0, "Plenary"},
        {"session status --cycle 2022-2023 --group 1", 0, "not started"},
        {"session catch-up --cycle 2022-2023 --group 1", 0, "Nothing to catch up"},
        {"notes list --cycle 2022-2023 --group 1", 0, "Wokingham"}, // the demo's asks and offers
        {"outcomes list --cycle 2022-2023", 0, "ask #1  Wokingham"},
        {"outcomes match --cycle 2022-2023", 0, "shared words"},
        {"actions list --cycle 2022-2023 --la Wokingham", 0, "carried from 2021-2022"},
        {"priorities --cycle 2022-2023", 0, "3 groups"},
    };
    for (const auto& r : reads) {
        INFO(r.command);
        const CliRun run = runAsNobody(s.home, s.db, words(r.command));
        CHECK(run.exitCode == r.exitCode);
        CHECK(run.out.contains(QString::fromUtf8(r.shows)));
        CHECK_FALSE(run.err.contains(QStringLiteral("read-only for you")));
    }
    const struct {
        const char* command;
        const char* file;
    } exports[] = {
        {"export roster --out", "roster.csv"},
        {"export schedule --cycle 2022-2023 --out", "schedule.csv"},
        {"export ics --cycle 2022-2023 --out", "cycle.ics"},
    };
    for (const auto& e : exports) {
        INFO(e.command);
        const QString file = s.home + u'/' + QString::fromUtf8(e.file);
        const CliRun run = runAsNobody(s.home, s.db, words(e.command) << file);
        CHECK(run.exitCode == 0);
        CHECK(QFileInfo(file).size() > 0);
    }
    CHECK(runAsNobody(s.home, s.db, words("export ics --cycle 2022-2023 --out") << out)
              .err.contains(QStringLiteral("not recorded")));
    CHECK(folderBytes(s.share) == before); // not a byte, and no -wal, -shm or lock file
}

TEST_CASE("Every command that writes refuses a region on a read-only share, saying why, and changes nothing",
          "[cli][read-only][file]") {
    if (!canRunAsNobody()) {
        WARN("This test runs balcony-cli as the user nobody through setpriv, which needs root.");
        return;
    }
    CliSandbox cli;
    const auto s = makeShare(cli);
    const QString roster = s.home + QStringLiteral("/roster.csv");
    balcony::test::writeFile(roster, "name\nNewtown\n");
    const auto before = folderBytes(s.share);

    const char* writes[] = {
        "init",
        "demo",
        "cycle add 2023-2024 --from 2023-09-01 --to 2024-03-31",
        "sa set --cycle 2022-2023 --la Kent --status distributed --date 2023-01-03",
        "assign --cycle 2022-2023",
        "session start --cycle 2022-2023 --group 1",
        "session catch-up --cycle 2022-2023 --group 1 --accept",
        "capture --cycle 2022-2023 --group 1 --la Surrey --kind note --text Hello",
    };
    for (const char* command : writes) {
        INFO(command);
        const CliRun run = runAsNobody(s.home, s.db, words(command));
        CHECK(run.exitCode == 2);
        CHECK(run.out.isEmpty());
        CHECK(run.err.contains(QStringLiteral("region.balcony is read-only for you")));
        CHECK(run.err.contains(QStringLiteral("can read it but not change it")));
        CHECK(run.err.contains(QStringLiteral("Copy it to a folder you can write")));
        CHECK(run.err.contains(QStringLiteral("Commands that only read")));
    }
    const CliRun import =
        runAsNobody(s.home, s.db, {QStringLiteral("import"), QStringLiteral("roster"), roster});
    CHECK(import.exitCode == 2);
    CHECK(import.err.contains(QStringLiteral("read-only for you")));
    CHECK(folderBytes(s.share) == before);
}

namespace {

// cases/c21-lock-from-other-computer.lock: what the desktop program on another computer left in a
// synced folder.
const QByteArray otherComputersLock = QByteArrayLiteral(
    "4242\nbalcony\nPM-LAPTOP\n0f0e0d0c0b0a09080706050403020100\n11111111-2222-3333-4444-555555555555\n");

void placeLock(const QString& db, qint64 ageSeconds) {
    const QString lock = db + QStringLiteral(".lock");
    balcony::test::writeFile(lock, otherComputersLock);
    QFile file(lock);
    REQUIRE(file.open(QIODevice::ReadWrite));
    REQUIRE(file.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-ageSeconds),
                             QFileDevice::FileModificationTime));
}

} // namespace

TEST_CASE("A lock from another computer stops every write however old it is, until --take-over-lock",
          "[cli][lock][file]") {
    CliSandbox cli;
    REQUIRE(cli.run({QStringLiteral("demo")}).exitCode == 0);
    const QString db = cli.databasePath();
    const QStringList addCycle = words("cycle add 2023-2024 --from 2023-09-01 --to 2024-03-31");

    for (const qint64 age : {10, 45, 600, 7 * 24 * 3600}) {
        INFO(age << " seconds old");
        placeLock(db, age);
        const QByteArray dbBefore = balcony::test::readAll(db);
        const CliRun refused = cli.run(addCycle);
        CHECK(refused.exitCode == 2);
        CHECK(refused.out.isEmpty());
        CHECK(refused.err.contains(QStringLiteral("open on another computer")));
        CHECK(refused.err.contains(QStringLiteral("balcony (process 4242) on PM-LAPTOP")));
        CHECK(refused.err.contains(QStringLiteral("last written at")));
        CHECK(refused.err.contains(QStringLiteral("--take-over-lock")));
        CHECK(balcony::test::readAll(db) == dbBefore);
        CHECK(balcony::test::readAll(db + QStringLiteral(".lock")) == otherComputersLock);
        // Reading needs no lock.
        CHECK(cli.run({QStringLiteral("cycle"), QStringLiteral("list")}).exitCode == 0);
    }

    const CliRun taken = cli.run(QStringList{QStringLiteral("--take-over-lock")} + addCycle);
    CHECK(taken.exitCode == 0);
    CHECK(taken.out.contains(QStringLiteral("Cycle 2023-2024 added")));
    CHECK(taken.err.contains(QStringLiteral("Took over the lock")));
    CHECK(taken.err.contains(QStringLiteral("PM-LAPTOP")));
    CHECK_FALSE(QFileInfo::exists(db + QStringLiteral(".lock"))); // released when the command ended
    CHECK(
        cli.run({QStringLiteral("cycle"), QStringLiteral("list")}).out.contains(QStringLiteral("2023-2024")));
}

TEST_CASE("The --take-over-lock option is in the overview, and without a foreign lock changes nothing",
          "[cli][lock][file]") {
    CliSandbox cli;
    CHECK(cli.run({QStringLiteral("--help")}).out.contains(QStringLiteral("--take-over-lock")));
    REQUIRE(cli.run({QStringLiteral("demo")}).exitCode == 0);
    const CliRun run = cli.run(QStringList{QStringLiteral("--take-over-lock")} +
                               words("cycle add 2023-2024 --from 2023-09-01 --to 2024-03-31"));
    CHECK(run.exitCode == 0);
    CHECK_FALSE(run.err.contains(QStringLiteral("Took over")));
}

TEST_CASE("A region in a synced folder warns on the commands that write, and not on those that read",
          "[cli][synced][file]") {
    CliSandbox cli;
    const QString db = cli.path(QStringLiteral("OneDrive - Kent County Council/region.balcony"));
    REQUIRE(QDir().mkpath(QFileInfo(db).absolutePath()));
    const CliRun demo = cli.runOn(db, {QStringLiteral("demo")});
    CHECK(demo.exitCode == 0);
    CHECK(demo.err.contains(QStringLiteral("warning:")));
    CHECK(demo.err.contains(QStringLiteral("OneDrive folder")));
    CHECK(demo.err.contains(QStringLiteral("one computer at a time")));
    CHECK(demo.err.contains(QStringLiteral("belongs on a PostgreSQL server (balcony-cli region push")));

    const CliRun added = cli.runOn(db, words("cycle add 2023-2024 --from 2023-09-01 --to 2024-03-31"));
    CHECK(added.exitCode == 0);
    CHECK(added.err.contains(QStringLiteral("OneDrive folder")));

    const CliRun listed = cli.runOn(db, words("cycle list"));
    CHECK(listed.exitCode == 0);
    CHECK(listed.err.isEmpty());
}
