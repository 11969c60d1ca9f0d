// Backups onto a full disk (docs/backups.md, "A full disk"): balcony-cli backup --out into a folder
// that is a tiny tmpfs, and the automatic backups into a full backup folder. The tmpfs lives in a
// mount namespace of the child's own (unshare), so it vanishes with the child and no mount is ever
// left behind; what the folder held is listed from inside before it goes.
// [file]: backups of a region FILE, so these run on SQLite only; ctest's cli_tests_on_postgresql
// leaves them out.
#include "cli_runner.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>

using balcony::test::CliRun;
using balcony::test::CliSandbox;

namespace {

// Mounts a 64 KiB tmpfs on $1 (smaller than any region), runs the rest, then prints "LEFT:" and
// the names in $1, so the test sees whether anything was left there.
const QString script =
    QStringLiteral("dir=$1; shift; mount -t tmpfs -o size=64k,mode=0700 balcony-full \"$dir\" || exit 77; "
                   "\"$@\"; rc=$?; echo \"LEFT:$(ls -A \"$dir\" | tr '\\n' ' ')\"; exit $rc");

// unshare's arguments for a private mount namespace: as any user with a user namespace, or as root
// without one; empty when this kernel or container allows neither.
QStringList privateMounts() {
    if (QStandardPaths::findExecutable(QStringLiteral("unshare")).isEmpty()) {
        return {};
    }
    for (const QStringList& options :
         {QStringList{QStringLiteral("--user"), QStringLiteral("--map-root-user"), QStringLiteral("--mount")},
          QStringList{QStringLiteral("--mount")}}) {
        QProcess probe;
        probe.start(QStringLiteral("unshare"),
                    options + QStringList{QStringLiteral("sh"), QStringLiteral("-c"),
                                          QStringLiteral("mount -t tmpfs -o size=4k t \"$1\""),
                                          QStringLiteral("sh"), QDir::tempPath()});
        if (probe.waitForFinished(30000) && probe.exitStatus() == QProcess::NormalExit &&
            probe.exitCode() == 0) {
            return options;
        }
    }
    return {};
}

CliRun onFullFolder(const CliSandbox& cli, const QStringList& unshare, const QString& folder,
                    const QStringList& arguments) {
    REQUIRE(QDir().mkpath(folder));
    return cli.runWrapped(QStringLiteral("unshare"),
                          unshare + QStringList{QStringLiteral("sh"), QStringLiteral("-c"), script,
                                                QStringLiteral("sh"), folder},
                          arguments);
}

QString leftIn(const CliRun& run) {
    const qsizetype at = run.out.lastIndexOf(QStringLiteral("LEFT:"));
    REQUIRE(at >= 0);
    return run.out.mid(at + 5).trimmed();
}

QString fullSentence(const QString& folder) {
    return QStringLiteral("The disk holding %1 is full: nothing was saved. Free some space and try again.")
        .arg(QDir::toNativeSeparators(folder));
}

} // namespace

TEST_CASE("A backup onto a full disk names the folder, leaves no file there and the region as it was",
          "[cli][backup][disk-full][file]") {
    const QStringList unshare = privateMounts();
    if (unshare.isEmpty()) {
        WARN("This test needs a private mount namespace (unshare), which this system does not allow.");
        return;
    }
    CliSandbox cli;
    REQUIRE(cli.run({QStringLiteral("demo")}).exitCode == 0);
    const QByteArray region = balcony::test::readAll(cli.databasePath());

    SECTION("backup --out FILE") {
        const QString folder = cli.path(QStringLiteral("usb stick"));
        const CliRun run = onFullFolder(
            cli, unshare, folder,
            {QStringLiteral("backup"), QStringLiteral("--out"), folder + QStringLiteral("/copy.balcony")});
        INFO(run.out.toStdString() << run.err.toStdString());
        CHECK(run.exitCode == 3); // failed, not bad input
        CHECK(run.err.contains(fullSentence(folder)));
        CHECK(leftIn(run).isEmpty()); // no partial file that could pass for a backup
        CHECK_FALSE(run.out.contains(QStringLiteral("Backed up")));
    }
    SECTION("the rolling backups, by hand and before a change") {
        const QString folder = cli.databasePath() + QStringLiteral("-backups");
        const CliRun manual = onFullFolder(cli, unshare, folder, {QStringLiteral("backup")});
        INFO(manual.out.toStdString() << manual.err.toStdString());
        CHECK(manual.exitCode == 3);
        CHECK(manual.err.contains(QStringLiteral("No backup of")));
        CHECK(manual.err.contains(fullSentence(folder)));
        CHECK(leftIn(manual).isEmpty());

        // The day's first change keeps a daily backup first; a full folder stops only the backup.
        const CliRun change =
            onFullFolder(cli, unshare, folder,
                         {QStringLiteral("cycle"), QStringLiteral("add"), QStringLiteral("2030-2031"),
                          QStringLiteral("--from"), QStringLiteral("2030-09-01"), QStringLiteral("--to"),
                          QStringLiteral("2031-03-31")});
        INFO(change.out.toStdString() << change.err.toStdString());
        CHECK(change.exitCode == 0);
        CHECK(change.err.contains(QStringLiteral("warning: No backup of")));
        CHECK(change.err.contains(fullSentence(folder)));
        CHECK(leftIn(change).isEmpty());
        CHECK(change.out.contains(QStringLiteral("Cycle 2030-2031 added")));
        return; // the region was changed on purpose here
    }
    CHECK(balcony::test::readAll(cli.databasePath()) == region);
}
