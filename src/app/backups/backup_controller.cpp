#include "backups/backup_controller.h"

#include "backups/restore_backup_dialog.h"
#include "document/region_document.h"
#include "engine/clock.h"
#include "frame/prompter.h"
#include "store/database.h"
#include "support/logging.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QProgressBar>
#include <QThread>

namespace balcony::gui {

BackupController::BackupController(Prompter& prompter, const Clock& clock, QWidget* dialogParent)
    : QObject(dialogParent)
    , m_prompter(prompter)
    , m_clock(clock)
    , m_dialogParent(dialogParent)
    , m_runDialog([](RestoreBackupDialog& dialog) { return dialog.exec(); })
    , m_progress(new QProgressBar(dialogParent))
    , m_backUpNow(new QAction(tr("&Back Up Now"), this))
    , m_restore(new QAction(tr("Restore from Bac&kup..."), this)) {
    m_backUpNow->setObjectName(QStringLiteral("backUpNowAction"));
    m_backUpNow->setStatusTip(tr("Make a checked copy of the region in its backup folder"));
    m_restore->setObjectName(QStringLiteral("restoreFromBackupAction"));
    m_restore->setStatusTip(tr("Put one of the region's backups in its place"));
    m_progress->setObjectName(QStringLiteral("backupProgress"));
    m_progress->setAccessibleName(tr("Backup progress"));
    m_progress->setRange(0, 100);
    m_progress->setMaximumWidth(160);
    m_progress->setFormat(tr("Backing up %p%"));
    m_progress->hide();
    connect(m_backUpNow, &QAction::triggered, this, &BackupController::backUpNow);
    connect(m_restore, &QAction::triggered, this, &BackupController::restoreFromBackup);
    updateActions();
}

BackupController::~BackupController() {
    if (m_worker != nullptr) {
        m_worker->wait();
    }
}

QWidget* BackupController::statusWidget() const {
    return m_progress;
}

void BackupController::setRegionHooks(std::function<void()> closeRegion,
                                      std::function<bool(const QString&)> openRegion) {
    m_closeRegion = std::move(closeRegion);
    m_openRegion = std::move(openRegion);
}

void BackupController::setDocument(RegionDocument* document) {
    m_document = document;
    updateActions();
    if (m_document == nullptr || m_document->isReadOnly()) {
        return;
    }
    const Database& db = m_document->database();
    if (m_dailyBackups && !db.isNew() && db.backupPolicy().automatic &&
        backups::dailyDue(db.path(), db.backupPolicy(), m_clock)) {
        start(backups::Reason::Daily);
    }
}

void BackupController::updateActions() {
    const bool open = m_document != nullptr;
    // A server region's backups are the server's (pg_dump), not copies of a file (backups::fileRegionOnly).
    const bool onServer = open && m_document->database().isServer();
    const QString serverReason =
        tr("The region is on a PostgreSQL server: back it up with pg_dump (docs/server.md).");
    m_backUpNow->setEnabled(open && !onServer && !isBusy());
    m_backUpNow->setToolTip(onServer ? serverReason : QString());
    m_restore->setEnabled(open && !onServer && !isBusy() && !m_document->isReadOnly() && m_closeRegion &&
                          m_openRegion);
    m_restore->setToolTip(onServer                           ? serverReason
                          : open && m_document->isReadOnly() ? tr("The region is open read-only.")
                                                             : QString());
}

void BackupController::backUpNow() {
    if (m_document != nullptr && !isBusy()) {
        start(backups::Reason::Manual);
    }
}

void BackupController::start(backups::Reason reason) {
    const QString path = m_document->path();
    const backups::Policy policy = m_document->database().backupPolicy();
    // The worker gets the time now, not the clock: a clock is read on the thread that owns it.
    const QDateTime now = m_clock.utcNow();
    m_progress->setValue(0);
    m_progress->show();
    Q_EMIT statusMessage(tr("Backing up %1...").arg(QFileInfo(path).fileName()), 0);
    m_worker = QThread::create([this, path, policy, now, reason] {
        const FakeClock at(now);
        auto made = backups::make(path, reason, policy, at, [bar = m_progress](int done, int total) {
            const int percent = total > 0 ? done * 100 / total : 0;
            QMetaObject::invokeMethod(
                bar, [bar, percent] { bar->setValue(percent); }, Qt::QueuedConnection);
        });
        QMetaObject::invokeMethod(
            this, [this, made, reason] { finish(made, reason); }, Qt::QueuedConnection);
    });
    connect(m_worker, &QThread::finished, m_worker, &QObject::deleteLater);
    updateActions();
    m_worker->start();
}

void BackupController::finish(const Result<backups::BackupFile>& made, backups::Reason reason) {
    if (m_worker != nullptr) {
        m_worker->wait();
        m_worker = nullptr;
    }
    m_progress->hide();
    updateActions();
    if (!made) {
        logging::get("app")->warn("{}", made.message().toStdString());
        Q_EMIT statusMessage(made.message(), 0);
        if (reason == backups::Reason::Manual) {
            m_prompter.showError(tr("No backup was made"), made.message());
        }
        Q_EMIT backupFinished(false, made.message());
        return;
    }
    Q_EMIT statusMessage(tr("Backed up to %1 (checked).").arg(QDir::toNativeSeparators(made->path)), 10000);
    Q_EMIT backupFinished(true, made->path);
}

void BackupController::restoreFromBackup() {
    if (m_document == nullptr || isBusy() || !m_closeRegion || !m_openRegion) {
        return;
    }
    const QString path = m_document->path();
    const backups::Policy policy = m_document->database().backupPolicy();
    RestoreBackupDialog dialog(path, backups::list(path, policy), backups::folderFor(path, policy),
                               m_dialogParent);
    if (m_runDialog(dialog) != QDialog::Accepted) {
        return;
    }
    const auto chosen = dialog.chosen();
    if (!chosen) {
        return;
    }
    if (auto checked = backups::checkFile(chosen->path); !checked) {
        m_prompter.showError(tr("This backup cannot be restored"), checked.message());
        return;
    }
    const QString when = backups::shownTime(chosen->madeUtc);
    if (!m_prompter.askConfirm(
            tr("Restore from Backup"),
            tr("Put the backup made %1 (%2) in place of %3?\n\nEverything changed in the "
               "region after %1 will be lost. The region as it is now is kept as a backup "
               "first, so you can go back to it the same way.")
                .arg(when, backups::reasonText(chosen->reason), QDir::toNativeSeparators(path)),
            tr("Restore"))) {
        return;
    }
    m_closeRegion(); // lets go of the region's lock; m_document is gone now
    auto restored = backups::restore(path, chosen->path, policy, m_clock);
    if (!restored) {
        m_prompter.showError(tr("The backup was not restored"), restored.message());
    }
    m_openRegion(path);
    if (restored) {
        Q_EMIT statusMessage(tr("Restored the backup made %1. The region as it was is kept at %2.")
                                 .arg(when, QDir::toNativeSeparators(restored->keptAs)),
                             0);
    }
}

} // namespace balcony::gui
