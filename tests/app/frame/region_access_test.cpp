// How the desktop program opens a region it may not write (read-only media, a read-only share), one
// whose lock came from another computer, and one in a synced folder; and that it keeps its lock fresh.
#include "document/region_document.h"
#include "fake_prompter.h"
#include "frame/main_window.h"
#include "frame/standard_workspaces.h"
#include "qt_catch.h"
#include "region_fixture.h"
#include "store/database.h"
#include "store/region_lock.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QSettings>
#include <QTest>
#include <QTimer>
#include <catch2/catch.hpp>
#include <grp.h>
#include <unistd.h>

using namespace balcony;
using namespace balcony::test;

namespace {

struct Settings {
    TempDir dir;
    QSettings settings{dir.path(QStringLiteral("settings.ini")), QSettings::IniFormat};
};

QAction* fileAction(QMainWindow& window, const QString& text) {
    for (QAction* menu : window.menuBar()->actions()) {
        if (menu->text() == QStringLiteral("&File") && menu->menu() != nullptr) {
            for (QAction* action : menu->menu()->actions()) {
                if (action->text() == text) {
                    return action;
                }
            }
        }
    }
    return nullptr;
}

// cases/c21-lock-from-other-computer.lock, ten minutes old.
const QByteArray otherComputersLock = QByteArrayLiteral(
    "4242\nbalcony\nPM-LAPTOP\n0f0e0d0c0b0a09080706050403020100\n11111111-2222-3333-4444-555555555555\n");

void placeForeignLock(const QString& db) {
    const QString lock = db + QStringLiteral(".lock");
    writeFile(lock, otherComputersLock);
    QFile file(lock);
    REQUIRE(file.open(QIODevice::ReadWrite));
    REQUIRE(
        file.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-600), QFileDevice::FileModificationTime));
}

const char* const readOnlyRegionVariable = "BALCONY_TEST_READ_ONLY_REGION";

} // namespace

TEST_CASE(
    "Another computer's lock is taken over only when the user chooses to, after being told whose it is") {
    RegionFixture region;
    placeForeignLock(region.path);
    FakePrompter prompter;
    prompter.foreignLockAnswer = gui::Prompter::ForeignLock::TakeOver;
    Settings s;
    gui::MainWindow window(prompter, s.settings);
    gui::installStandardWorkspaces(window, prompter);

    REQUIRE(window.openDatabase(region.path));

    REQUIRE(prompter.foreignLockMessages.size() == 1);
    const QString asked = prompter.foreignLockMessages.first();
    CHECK(asked.contains(QStringLiteral("region.balcony")));
    CHECK(asked.contains(QStringLiteral("another computer")));
    CHECK(asked.contains(QStringLiteral("PM-LAPTOP")));
    CHECK(asked.contains(QStringLiteral("(10 minutes ago)")));
    CHECK(prompter.readOnlyMessages.isEmpty());
    REQUIRE(window.document() != nullptr);
    CHECK_FALSE(window.document()->isReadOnly());
    CHECK(window.bannerText().contains(QStringLiteral("Took over the lock")));
    const auto holder = readLockHolder(region.path + QStringLiteral(".lock"));
    REQUIRE(holder.has_value());
    CHECK(holder->processId == QCoreApplication::applicationPid());
}

TEST_CASE("Another computer's lock can be left alone: read-only, with a banner saying why, or nothing") {
    RegionFixture region;
    placeForeignLock(region.path);
    const QByteArray dbBefore = readAll(region.path);
    Settings s;

    FakePrompter readOnly;
    readOnly.foreignLockAnswer = gui::Prompter::ForeignLock::OpenReadOnly;
    {
        gui::MainWindow window(readOnly, s.settings);
        gui::installStandardWorkspaces(window, readOnly);
        REQUIRE(window.openDatabase(region.path));
        REQUIRE(window.document() != nullptr);
        CHECK(window.document()->isReadOnly());
        CHECK(window.bannerText().startsWith(QStringLiteral("Read-only")));
        CHECK(window.bannerText().contains(QStringLiteral("PM-LAPTOP")));
        CHECK_FALSE(fileAction(window, QStringLiteral("Import &Roster CSV..."))->isEnabled());
        CHECK_FALSE(window.document()->lockRenewalTimer()->isActive());
    }
    CHECK(readAll(region.path + QStringLiteral(".lock")) == otherComputersLock);

    FakePrompter cancel;
    cancel.foreignLockAnswer = gui::Prompter::ForeignLock::Cancel;
    gui::MainWindow window(cancel, s.settings);
    gui::installStandardWorkspaces(window, cancel);
    CHECK_FALSE(window.openDatabase(region.path));
    CHECK(window.document() == nullptr);
    CHECK(cancel.foreignLockMessages.size() == 1);
    CHECK(readAll(region.path + QStringLiteral(".lock")) == otherComputersLock);
    CHECK(readAll(region.path) == dbBefore);
}

TEST_CASE("A region in a synced folder opens with a banner that says one computer at a time") {
    RegionFixture region;
    const QString synced = region.dir.path(QStringLiteral("Dropbox/region.balcony"));
    REQUIRE(QDir().mkpath(QFileInfo(synced).absolutePath()));
    REQUIRE(QFile::copy(region.path, synced));
    FakePrompter prompter;
    Settings s;
    gui::MainWindow window(prompter, s.settings);
    gui::installStandardWorkspaces(window, prompter);

    REQUIRE(window.openDatabase(synced));
    CHECK_FALSE(window.document()->isReadOnly());
    CHECK(window.bannerText().contains(QStringLiteral("Dropbox folder")));
    CHECK(window.bannerText().contains(QStringLiteral("one computer at a time")));
    CHECK(window.bannerText().contains(
        QStringLiteral("belongs on a PostgreSQL server (balcony-cli region push")));

    REQUIRE(window.openDatabase(region.path)); // an ordinary folder: no banner
    CHECK(window.bannerText().isEmpty());
}

TEST_CASE("While the program has a region open for writing it renews the lock every minute") {
    RegionFixture region;
    FakePrompter prompter;
    Settings s;
    gui::MainWindow window(prompter, s.settings);
    gui::installStandardWorkspaces(window, prompter);
    REQUIRE(window.openDatabase(region.path));
    QTimer* timer = window.document()->lockRenewalTimer();
    CHECK(timer->isActive());
    CHECK(timer->interval() == 60 * 1000);

    const QString lock = region.path + QStringLiteral(".lock");
    {
        QFile file(lock);
        REQUIRE(file.open(QIODevice::ReadWrite | QIODevice::Append));
        REQUIRE(file.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-3600),
                                 QFileDevice::FileModificationTime));
    }
    const QByteArray content = readAll(lock);
    timer->setInterval(10); // the same slot as every minute, sooner
    CHECK(QTest::qWaitFor(
        [&] { return QFileInfo(lock).lastModified().toUTC().secsTo(QDateTime::currentDateTimeUtc()) < 60; },
        5000));
    CHECK(readAll(lock) == content);
}

// Runs in a child process (below) as the user nobody: tests run as root, whom permissions do not stop.
TEST_CASE("(child) a region on a read-only share opens read-only with a banner", "[.read-only-child]") {
    const QString path = qEnvironmentVariable(readOnlyRegionVariable);
    if (path.isEmpty()) {
        return; // only the test below runs this, in its child process
    }
    REQUIRE((setgroups(0, nullptr) == 0 && setgid(65534) == 0 && setuid(65534) == 0));
    FakePrompter prompter;
    TempDir settingsDir;
    QSettings settings(settingsDir.path(QStringLiteral("settings.ini")), QSettings::IniFormat);
    gui::MainWindow window(prompter, settings);
    gui::installStandardWorkspaces(window, prompter);

    REQUIRE(window.openDatabase(path));
    CHECK(prompter.readOnlyMessages.isEmpty()); // nothing to decide: writing is impossible
    CHECK(prompter.errors.isEmpty());
    REQUIRE(window.document() != nullptr);
    CHECK(window.document()->isReadOnly());
    CHECK(window.bannerText().startsWith(QStringLiteral("Read-only")));
    CHECK(window.bannerText().contains(QStringLiteral("region.balcony is read-only for you")));
    CHECK(window.bannerText().contains(QStringLiteral("can read it but not change it")));
    CHECK_FALSE(fileAction(window, QStringLiteral("Import &Roster CSV..."))->isEnabled());
    CHECK_FALSE(fileAction(window, QStringLiteral("Import &Schedule CSV..."))->isEnabled());
    CHECK(fileAction(window, QStringLiteral("Export Roster CS&V..."))->isEnabled());
}

TEST_CASE("A region on a read-only share opens read-only at once, with a banner saying why") {
    if (geteuid() != 0) {
        WARN("This test starts a process that becomes the user nobody, which needs root.");
        return;
    }
    RegionFixture region;
    const QString folder = QFileInfo(region.path).absolutePath();
    REQUIRE(QFile::setPermissions(region.path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    REQUIRE(QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                              QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther |
                                              QFile::ExeOther));
    const QStringList before = QDir(folder).entryList(QDir::Files);
    const QByteArray bytes = readAll(region.path);

    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(readOnlyRegionVariable), region.path);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    child.setProcessEnvironment(env);
    child.setWorkingDirectory(QDir::tempPath());
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("[.read-only-child]")});
    REQUIRE((child.waitForStarted() && child.waitForFinished(120000)));
    const QString output = QString::fromUtf8(child.readAllStandardOutput() + child.readAllStandardError());
    INFO(output.toStdString());
    CHECK(child.exitStatus() == QProcess::NormalExit);
    CHECK(child.exitCode() == 0);
    CHECK(output.contains(QStringLiteral("in 1 test case"))); // the child test ran, and passed
    CHECK(QDir(folder).entryList(QDir::Files) == before);     // no -wal, -shm or lock file
    CHECK(readAll(region.path) == bytes);
}
