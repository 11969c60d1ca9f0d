#pragma once

#include "store/backup.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>

class QAction;
class QProgressBar;
class QThread;
class QWidget;

namespace balcony {
class Clock;
}

namespace balcony::gui {

class Prompter;
class RegionDocument;
class RestoreBackupDialog;

// The File menu's backups (docs/backups.md): Back Up Now, Restore from Backup..., and the day's first
// backup of a region opened for writing. Copies run on a worker thread with a connection of their own
// (backups::make), so the window stays responsive; the status bar shows their progress
// (statusWidget()) and outcome (statusMessage). Restoring replaces the open region: the controller
// asks the Prompter for confirmation, naming the backup's time and that what changed after it will
// be lost, then closes the region through the hooks the window gives it, restores (core's
// backups::restore), and opens the region again.
//
// The prompter and the clock must outlive the controller; the dialog is parented to dialogParent.
class BackupController final : public QObject {
    Q_OBJECT

public:
    BackupController(Prompter& prompter, const Clock& clock, QWidget* dialogParent);
    ~BackupController() override; // waits for a copy in progress to finish

    // The open document (nullptr: none). A writable region that is not new gets its daily backup
    // now, in the background, when none was made today (UTC, by the clock).
    void setDocument(RegionDocument* document);
    // Off for the program's tool modes (--screenshot, --exit-after-first-paint), which only look at
    // a region: then opening one makes no daily backup. On by default.
    void setDailyBackups(bool on) { m_dailyBackups = on; }
    // How the window closes the open region (it must let go of its lock) and opens one by path.
    void setRegionHooks(std::function<void()> closeRegion, std::function<bool(const QString&)> openRegion);
    // Runs the restore dialog; exec() unless a test answers it.
    void setDialogRunner(std::function<int(RestoreBackupDialog&)> runner) { m_runDialog = std::move(runner); }

    QAction* backUpNowAction() const { return m_backUpNow; }
    QAction* restoreAction() const { return m_restore; }
    // A progress bar for the status bar, shown only while a copy runs.
    QWidget* statusWidget() const;
    bool isBusy() const { return m_worker != nullptr; }

    void backUpNow();
    void restoreFromBackup();

Q_SIGNALS:
    void statusMessage(const QString& text, int timeoutMs);
    // A background copy ended: the backup's path, or the message saying why none was made.
    void backupFinished(bool made, const QString& pathOrMessage);

private:
    bool m_dailyBackups = true;
    void start(backups::Reason reason);
    void finish(const Result<backups::BackupFile>& made, backups::Reason reason);
    void updateActions();

    Prompter& m_prompter;
    const Clock& m_clock;
    QWidget* m_dialogParent;
    RegionDocument* m_document = nullptr;
    std::function<void()> m_closeRegion;
    std::function<bool(const QString&)> m_openRegion;
    std::function<int(RestoreBackupDialog&)> m_runDialog;
    QThread* m_worker = nullptr;
    QProgressBar* m_progress;
    QAction* m_backUpNow;
    QAction* m_restore;
};

} // namespace balcony::gui
