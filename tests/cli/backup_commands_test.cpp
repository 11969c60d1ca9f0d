// balcony-cli backup and restore (docs/backups.md): a round trip, every refusal leaving the region
// as it was, the offer of a backup for a damaged region, and a backup folder the user cannot write.
// [file]: backups are copies of a region FILE (a server's are the IT team's pg_dump, docs/server.md),
// so these run on SQLite only; ctest's cli_tests_on_postgresql leaves them out.
#include "cli_runner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStandardPaths>
#include <map>
#include <unistd.h>

using balcony::test::CliRun;
using balcony::test::CliSandbox;

namespace {

std::map<QString, QByteArray> folderBytes(const QString& folder) {
    std::map<QString, QByteArray> files;
    for (const QString& name : QDir(folder).entryList(QDir::Files | QDir::Hidden)) {
        files[name] = balcony::test::readAll(QDir(folder).filePath(name));
    }
    return files;
}

// Overwrites bytes in the middle of every page after the first.
void scribble(const QString& path) {
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadWrite));
    for (qint64 page = 1; page * 4096 < file.size(); ++page) {
        file.seek(page * 4096 + 8);
        file.write(QByteArray(200, '\x07'));
    }
}

// The file's path from "... to FILE (" in a backup's message.
QString backupPathIn(const QString& out) {
    const auto match = QRegularExpression(QStringLiteral(" to (\\S+) \\(")).match(out);
    return match.captured(1);
}

} // namespace

TEST_CASE("Backup, backup --list and restore go round trip", "[cli][backup][file]") {
    CliSandbox cli;
    const QString db = cli.databasePath();
    REQUIRE(cli.run({QStringLiteral("demo")}).exitCode == 0);

    // The day's first writing command keeps a daily backup before it changes anything.
    REQUIRE(cli.run({QStringLiteral("cycle"), QStringLiteral("add"), QStringLiteral("2030-2031"),
                     QStringLiteral("--from"), QStringLiteral("2030-09-01"), QStringLiteral("--to"),
                     QStringLiteral("2031-03-31")})
                .exitCode == 0);
    const auto daily = balcony::test::jsonArray(
        cli.run({QStringLiteral("backup"), QStringLiteral("--list"), QStringLiteral("--json")}));
    REQUIRE(daily.size() == 1);
    CHECK(daily.at(0).toObject().value(QStringLiteral("reason")).toString() == QStringLiteral("daily"));
    const QString restorePoint = daily.at(0).toObject().value(QStringLiteral("file")).toString();
    CHECK(QFileInfo(restorePoint).absolutePath() ==
          QFileInfo(db).absoluteFilePath() + QStringLiteral("-backups"));

    const CliRun backup = cli.run({QStringLiteral("backup")});
    REQUIRE(backup.exitCode == 0);
    CHECK(backup.out.contains(QStringLiteral("checked")));
    CHECK(QFileInfo(backupPathIn(backup.out)).fileName().endsWith(QStringLiteral("Z-manual.balcony")));
    const CliRun list = cli.run({QStringLiteral("backup"), QStringLiteral("--list")});
    REQUIRE(list.exitCode == 0);
    CHECK(list.out.contains(QStringLiteral("2 backups")));
    CHECK(list.out.contains(QStringLiteral("made by hand")));
    CHECK(list.out.contains(QStringLiteral("daily")));
    CHECK(list.out.contains(QStringLiteral(" UTC")));

    const CliRun restored = cli.run({QStringLiteral("restore"), restorePoint});
    INFO(restored.err.toStdString());
    REQUIRE(restored.exitCode == 0);
    CHECK(restored.out.contains(QStringLiteral("Restored")));
    CHECK(restored.out.contains(QStringLiteral("kept at")));
    const CliRun cycles = cli.run({QStringLiteral("cycle"), QStringLiteral("list")});
    REQUIRE(cycles.exitCode == 0);
    CHECK(cycles.out.contains(QStringLiteral("2022-2023")));
    CHECK_FALSE(cycles.out.contains(QStringLiteral("2030-2031")));

    const auto rows = balcony::test::jsonArray(
        cli.run({QStringLiteral("backup"), QStringLiteral("--list"), QStringLiteral("--json")}));
    REQUIRE(rows.size() == 3);
    CHECK(rows.at(0).toObject().value(QStringLiteral("reason")).toString() ==
          QStringLiteral("before-restore"));
    // The copy kept before the restore still has the change.
    const QString kept = rows.at(0).toObject().value(QStringLiteral("file")).toString();
    const CliRun keptCycles = cli.runOn(kept, {QStringLiteral("cycle"), QStringLiteral("list")});
    CHECK(keptCycles.out.contains(QStringLiteral("2030-2031")));

    // --out writes a checked copy wherever the user says, never over a file.
    const QString out = cli.path(QStringLiteral("usb/copy.balcony"));
    REQUIRE(QDir().mkpath(cli.path(QStringLiteral("usb"))));
    REQUIRE(cli.run({QStringLiteral("backup"), QStringLiteral("--out"), out}).exitCode == 0);
    CHECK(QFileInfo(out).permissions().testFlag(QFileDevice::ReadOther) == false);
    const CliRun again = cli.run({QStringLiteral("backup"), QStringLiteral("--out"), out});
    CHECK(again.exitCode == 2);
    CHECK(again.err.contains(QStringLiteral("already exists")));
}

TEST_CASE("Every restore refusal names the file and leaves the region byte-identical",
          "[cli][backup][file]") {
    CliSandbox cli;
    const QString db = cli.databasePath();
    REQUIRE(cli.run({QStringLiteral("demo")}).exitCode == 0);
    const CliRun made = cli.run({QStringLiteral("backup")});
    REQUIRE(made.exitCode == 0);
    const QString good = backupPathIn(made.out);

    const QString text = cli.path(QStringLiteral("minutes.txt"));
    balcony::test::writeFile(text, "Minutes of the meeting\n");
    const QString empty = cli.path(QStringLiteral("empty.balcony"));
    balcony::test::writeFile(empty, QByteArray());
    const QString foreign = cli.path(QStringLiteral("places.sqlite"));
    {
        QProcess sqlite;
        sqlite.start(QStringLiteral("sqlite3"),
                     {foreign, QStringLiteral("CREATE TABLE t(x); PRAGMA application_id = 7;")});
        REQUIRE((sqlite.waitForFinished() && sqlite.exitCode() == 0));
    }
    const QString newer = cli.path(QStringLiteral("newer.balcony"));
    REQUIRE(QFile::copy(good, newer));
    {
        QProcess sqlite;
        sqlite.start(QStringLiteral("sqlite3"), {newer, QStringLiteral("PRAGMA user_version = 999;")});
        REQUIRE((sqlite.waitForFinished() && sqlite.exitCode() == 0));
    }
    const QString damaged = cli.path(QStringLiteral("damaged.balcony"));
    REQUIRE(QFile::copy(good, damaged));
    QFile::setPermissions(damaged, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    scribble(damaged);
    const QString folder = cli.path(QStringLiteral("a-folder"));
    REQUIRE(QDir().mkpath(folder));

    const struct {
        QString file;
        const char* says;
    } refusals[] = {
        {text, "not an SQLite file"}, {empty, "not an SQLite file"},
        {foreign, "another program"}, {newer, "newer Balcony"},
        {damaged, "damaged"},         {cli.path(QStringLiteral("missing.balcony")), "There is no file"},
        {folder, "is a folder"},      {db, "the region database itself"},
    };
    const auto before = folderBytes(cli.path(QString()));
    for (const auto& r : refusals) {
        INFO(r.file.toStdString());
        const CliRun run = cli.run({QStringLiteral("restore"), r.file});
        CHECK(run.exitCode == 2);
        CHECK(run.err.contains(QDir::toNativeSeparators(r.file)));
        CHECK(run.err.contains(QString::fromUtf8(r.says)));
        CHECK(folderBytes(cli.path(QString())) == before);
    }

    // A region another computer holds is not replaced (nor is its lock taken) without --take-over-lock.
    balcony::test::writeFile(db + QStringLiteral(".lock"),
                             "4242\nbalcony\nPM-LAPTOP\n0f0e0d0c0b0a09080706050403020100\n"
                             "11111111-2222-3333-4444-555555555555\n");
    const auto locked = folderBytes(cli.path(QString()));
    const CliRun run = cli.run({QStringLiteral("restore"), good});
    CHECK(run.exitCode == 2);
    CHECK(run.err.contains(QStringLiteral("PM-LAPTOP")));
    CHECK(folderBytes(cli.path(QString())) == locked);
}

TEST_CASE("A damaged region names its newest good backup and the command that restores it",
          "[cli][backup][file]") {
    CliSandbox cli;
    const QString db = cli.databasePath();
    REQUIRE(cli.run({QStringLiteral("demo")}).exitCode == 0);
    const CliRun made = cli.run({QStringLiteral("backup")});
    REQUIRE(made.exitCode == 0);
    const QString good = backupPathIn(made.out);
    scribble(db);
    const QByteArray damaged = balcony::test::readAll(db);

    const CliRun refused = cli.run({QStringLiteral("cycle"), QStringLiteral("list")});
    CHECK(refused.exitCode == 2);
    CHECK(refused.err.contains(QStringLiteral("is damaged")));
    CHECK(
        refused.err.contains(QStringLiteral("The newest good backup is ") + QDir::toNativeSeparators(good)));
    CHECK(refused.err.contains(QStringLiteral("would lose whatever was changed after")));
    CHECK(refused.err.contains(QStringLiteral("restore \"") + QDir::toNativeSeparators(good) + u'"'));
    CHECK(balcony::test::readAll(db) == damaged);

    const CliRun restored = cli.run({QStringLiteral("restore"), good});
    INFO(restored.err.toStdString());
    REQUIRE(restored.exitCode == 0);
    CHECK(restored.out.contains(QStringLiteral(".damaged"))); // the damaged file is kept, as it was
    const CliRun cycles = cli.run({QStringLiteral("cycle"), QStringLiteral("list")});
    CHECK(cycles.exitCode == 0);
    CHECK(cycles.out.contains(QStringLiteral("2022-2023")));
}

TEST_CASE("A backup folder the user cannot write is reported and the command still works",
          "[cli][backup][file]") {
    if (geteuid() != 0 || QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty()) {
        WARN("This test runs balcony-cli as the user nobody through setpriv, which needs root.");
        return;
    }
    CliSandbox cli;
    const QString team = cli.path(QStringLiteral("team"));
    const QString db = team + QStringLiteral("/region.balcony");
    REQUIRE(QDir().mkpath(team));
    REQUIRE(cli.runOn(db, {QStringLiteral("demo")}).exitCode == 0);
    // The region and its folder belong to nobody; the backup folder beside it to root alone.
    const QString backupsFolder = db + QStringLiteral("-backups");
    REQUIRE(QDir().mkpath(backupsFolder));
    QFile::setPermissions(backupsFolder, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                             QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                             QFileDevice::ExeOther);
    const auto open = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                      QFileDevice::ReadOther | QFileDevice::ExeOther;
    QFile::setPermissions(cli.path(QString()), open);
    for (const QString& name : QDir(team).entryList(QDir::Files | QDir::Hidden)) {
        REQUIRE(::chown(QFile::encodeName(team + u'/' + name).constData(), 65534, 65534) == 0);
    }
    REQUIRE(::chown(QFile::encodeName(team).constData(), 65534, 65534) == 0);
    const QString home = cli.path(QStringLiteral("home-nobody"));
    REQUIRE(QDir().mkpath(home));
    REQUIRE(::chown(QFile::encodeName(home).constData(), 65534, 65534) == 0);

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    env.remove(QStringLiteral("BALCONY_DB"));
    QProcess process;
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(home);
    process.start(QStringLiteral("setpriv"),
                  {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                   QStringLiteral("--clear-groups"), QStringLiteral(BALCONY_CLI_PATH), QStringLiteral("--db"),
                   db, QStringLiteral("cycle"), QStringLiteral("add"), QStringLiteral("2030-2031"),
                   QStringLiteral("--from"), QStringLiteral("2030-09-01"), QStringLiteral("--to"),
                   QStringLiteral("2031-03-31")});
    REQUIRE((process.waitForStarted() && process.waitForFinished(120000)));
    const QString err = QString::fromUtf8(process.readAllStandardError());
    INFO(err.toStdString());
    CHECK(process.exitCode() == 0);
    CHECK(
        QString::fromUtf8(process.readAllStandardOutput()).contains(QStringLiteral("Cycle 2030-2031 added")));
    CHECK(err.contains(QStringLiteral("warning: No backup of")));
    CHECK(err.contains(QStringLiteral("cannot be written")));
    CHECK(QDir(backupsFolder).isEmpty());
}

TEST_CASE("The number of backups kept follows the backups/keep setting", "[cli][backup][file]") {
    CliSandbox cli;
    REQUIRE(cli.run({QStringLiteral("demo")}).exitCode == 0);
    REQUIRE(QDir().mkpath(cli.path(QStringLiteral("config/Balcony"))));
    balcony::test::writeFile(cli.path(QStringLiteral("config/Balcony/balcony.conf")), "[backups]\nkeep=2\n");
    for (int i = 0; i < 3; ++i) {
        REQUIRE(cli.run({QStringLiteral("backup")}).exitCode == 0);
    }
    const CliRun list = cli.run({QStringLiteral("backup"), QStringLiteral("--list")});
    CHECK(list.out.contains(QStringLiteral("2 backups")));
    CHECK(list.out.contains(QStringLiteral("2 are kept")));
    CHECK(QDir(cli.databasePath() + QStringLiteral("-backups")).entryList(QDir::Files).size() == 2);
}
