#include "backups/restore_backup_dialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace balcony::gui {

namespace {
QString sizeText(qint64 bytes) {
    return bytes < 1024 * 1024 ? QStringLiteral("%1 KB").arg((bytes + 1023) / 1024)
                               : QStringLiteral("%1 MB").arg(double(bytes) / (1024 * 1024), 0, 'f', 1);
}
} // namespace

RestoreBackupDialog::RestoreBackupDialog(const QString& regionPath, std::vector<backups::BackupFile> files,
                                         const QString& folder, QWidget* parent)
    : QDialog(parent)
    , m_files(std::move(files))
    , m_list(new QTreeWidget(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("restoreBackupDialog"));
    setWindowTitle(tr("Restore from Backup"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
        m_files.empty()
            ? tr("There are no backups of %1 yet (they are kept in %2).")
                  .arg(QDir::toNativeSeparators(regionPath), QDir::toNativeSeparators(folder))
            : tr("Choose the backup to put in place of %1. Whatever was changed after the backup was made "
                 "will be lost; the region as it is now is kept as a backup first.")
                  .arg(QDir::toNativeSeparators(regionPath)),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_list->setObjectName(QStringLiteral("backupList"));
    m_list->setAccessibleName(tr("Backups"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Made (UTC)"), tr("Why"), tr("Size"), tr("File")});
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    for (const auto& file : m_files) {
        auto* item =
            new QTreeWidgetItem(m_list, {backups::shownTime(file.madeUtc), backups::reasonText(file.reason),
                                         sizeText(file.bytes), QFileInfo(file.path).fileName()});
        item->setToolTip(3, QDir::toNativeSeparators(file.path));
    }
    layout->addWidget(m_list, 1);

    QPushButton* restore = m_buttons->addButton(tr("&Restore..."), QDialogButtonBox::AcceptRole);
    restore->setObjectName(QStringLiteral("restoreButton"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &RestoreBackupDialog::updateButtons);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, &QDialog::accept);
    if (!m_files.empty()) {
        selectRow(0);
    }
    updateButtons();
    resize(640, 360);
}

QStringList RestoreBackupDialog::rowText(int row) const {
    QStringList text;
    if (QTreeWidgetItem* item = m_list->topLevelItem(row)) {
        for (int column = 0; column < item->columnCount(); ++column) {
            text << item->text(column);
        }
    }
    return text;
}

void RestoreBackupDialog::selectRow(int row) {
    if (QTreeWidgetItem* item = m_list->topLevelItem(row)) {
        m_list->setCurrentItem(item);
    }
}

std::optional<backups::BackupFile> RestoreBackupDialog::chosen() const {
    const int row = m_list->indexOfTopLevelItem(m_list->currentItem());
    if (row < 0 || row >= count() || !m_list->currentItem()->isSelected()) {
        return std::nullopt;
    }
    return m_files[static_cast<size_t>(row)];
}

void RestoreBackupDialog::updateButtons() {
    for (QAbstractButton* button : m_buttons->buttons()) {
        if (m_buttons->buttonRole(button) == QDialogButtonBox::AcceptRole) {
            button->setEnabled(chosen().has_value());
        }
    }
}

} // namespace balcony::gui
