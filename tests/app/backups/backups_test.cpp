// The desktop program's backups: File > Back Up Now on a worker with the status bar's progress,
// Restore from Backup... with its list and confirmation, and a damaged region offered its backup.
#include "app/frame/fake_prompter.h"
#include "app/frame/qt_catch.h"
#include "app/frame/region_fixture.h"
#include "backups/backup_controller.h"
#include "backups/restore_backup_dialog.h"
#include "document/region_document.h"
#include "domain/roster_store.h"
#include "engine/clock.h"
#include "frame/main_window.h"
#include "helpers/test_database.h"
#include "store/backup.h"
#include "store/database.h"

#include <QAction>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <catch2/catch.hpp>

using namespace balcony;
using namespace balcony::test;

namespace {

struct Settings {
    TempDir dir;
    QSettings settings{dir.path(QStringLiteral("settings.ini")), QSettings::IniFormat};
};

int authorityCount(gui::RegionDocument& document) {
    auto all = RosterStore(document.database()).authorities();
    REQUIRE(all.ok());
    return static_cast<int>(all->size());
}

void waitForBackup(gui::BackupController& controller, QSignalSpy& finished) {
    if (controller.isBusy()) {
        REQUIRE(finished.wait(20000));
    }
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

} // namespace

TEST_CASE("Back Up Now copies in the background and Restore from Backup lists the backups and asks first",
          "[app][backups]") {
    RegionFixture region;
    Settings settings;
    FakePrompter prompter;
    gui::MainWindow window(prompter, settings.settings);
    gui::BackupController& controller = *window.backups();
    QSignalSpy finished(&controller, &gui::BackupController::backupFinished);
    REQUIRE(window.openDatabase(region.path));
    // The day's first opening for writing keeps a backup, off the window's thread.
    waitForBackup(controller, finished);
    REQUIRE(finished.size() == 1);
    CHECK(finished.takeFirst().at(0).toBool());

    REQUIRE(controller.backUpNowAction()->isEnabled());
    controller.backUpNowAction()->trigger();
    CHECK(controller.isBusy());
    CHECK_FALSE(controller.statusWidget()->isHidden());     // the status bar's progress
    CHECK_FALSE(controller.backUpNowAction()->isEnabled()); // one copy at a time
    waitForBackup(controller, finished);
    REQUIRE(finished.size() == 1);
    const QList<QVariant> made = finished.takeFirst();
    REQUIRE(made.at(0).toBool());
    CHECK(window.statusBar()->currentMessage().contains(QStringLiteral("Backed up to")));
    CHECK(controller.statusWidget()->isHidden());

    // A change after the backups, which restoring will undo.
    REQUIRE(RosterStore(window.document()->database()).addAuthority(QStringLiteral("Slough")).ok());
    const int withSlough = authorityCount(*window.document());

    QStringList rows;
    int listed = 0;
    controller.setDialogRunner([&](gui::RestoreBackupDialog& dialog) {
        listed = dialog.count();
        rows = dialog.rowText(0);
        dialog.selectRow(0);
        return int(QDialog::Accepted);
    });
    prompter.confirmAnswer = false;
    controller.restoreAction()->trigger();
    CHECK(listed == 2);
    REQUIRE(rows.size() == 4);
    CHECK(rows.at(0).endsWith(QStringLiteral("UTC")));
    CHECK(rows.at(1) == QStringLiteral("made by hand"));
    CHECK(rows.at(3) == QFileInfo(made.at(1).toString()).fileName());
    // Declined: the question named the backup's time and what would be lost, and nothing changed.
    REQUIRE(prompter.confirmations.size() == 1);
    CHECK(prompter.confirmations.first().contains(rows.at(0)));
    CHECK(prompter.confirmations.first().contains(QStringLiteral("will be lost")));
    REQUIRE(window.document() != nullptr);
    CHECK(authorityCount(*window.document()) == withSlough);

    prompter.confirmAnswer = true;
    controller.restoreAction()->trigger();
    CHECK(prompter.errors.isEmpty());
    REQUIRE(window.document() != nullptr);
    CHECK(authorityCount(*window.document()) == withSlough - 1);
    CHECK(window.statusBar()->currentMessage().contains(QStringLiteral("Restored the backup made")));
    // The region as it was before the restore is one of the backups now.
    const auto after = backups::list(region.path, {});
    REQUIRE(after.size() == 3);
    CHECK(after.front().reason == backups::Reason::BeforeRestore);
}

TEST_CASE("A damaged region is offered its newest good backup with what would be lost", "[app][backups]") {
    RegionFixture region;
    const SystemClock clock;
    auto backup = backups::make(region.path, backups::Reason::Manual, {}, clock);
    REQUIRE(backup.ok());
    scribble(region.path);
    const QByteArray damaged = readAll(region.path);

    Settings settings;
    FakePrompter prompter;
    gui::MainWindow window(prompter, settings.settings);
    prompter.confirmAnswer = false;
    CHECK_FALSE(window.openDatabase(region.path));
    REQUIRE(prompter.confirmations.size() == 1);
    const QString offer = prompter.confirmations.first();
    CHECK(offer.contains(QStringLiteral("is damaged")));
    CHECK(offer.contains(QStringLiteral("The newest good backup is")));
    CHECK(offer.contains(backups::shownTime(backup->madeUtc)));
    CHECK(offer.contains(QStringLiteral("would lose whatever was changed after")));
    CHECK(readAll(region.path) == damaged);

    prompter.confirmAnswer = true;
    REQUIRE(window.openDatabase(region.path));
    CHECK(prompter.errors.isEmpty());
    CHECK(authorityCount(*window.document()) == 6);
}

TEST_CASE("A region on a server is not backed up from the File menu, which says to use pg_dump",
          "[app][backups][server]") {
    if (test::testServer().isEmpty()) {
        WARN("No PostgreSQL test server (ctest runs this as gui_on_server)");
        return;
    }
    test::FreshDatabase fresh(Engine::PostgreSQL);
    fresh.open();
    Settings settings;
    FakePrompter prompter;
    gui::MainWindow window(prompter, settings.settings);
    gui::BackupController& controller = *window.backups();
    REQUIRE(window.openDatabase(fresh.location()));
    CHECK_FALSE(controller.isBusy()); // no daily backup of a server region
    CHECK_FALSE(controller.backUpNowAction()->isEnabled());
    CHECK_FALSE(controller.restoreAction()->isEnabled());
    CHECK(controller.backUpNowAction()->toolTip().contains(QStringLiteral("pg_dump")));
    CHECK(controller.restoreAction()->toolTip().contains(QStringLiteral("pg_dump")));
    CHECK(backups::list(fresh.location(), backups::policyFromSettings()).empty());
}
