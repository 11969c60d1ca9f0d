#pragma once

#include "store/backup.h"

#include <QDialog>
#include <vector>

class QDialogButtonBox;
class QLabel;
class QTreeWidget;

namespace balcony::gui {

// File > Restore from Backup...: the region's backups, newest first, with when each was made (UTC),
// why, and its size. The user picks one; the dialog only chooses (BackupController asks for
// confirmation and restores), so it changes nothing itself.
class RestoreBackupDialog final : public QDialog {
    Q_OBJECT

public:
    RestoreBackupDialog(const QString& regionPath, std::vector<backups::BackupFile> files,
                        const QString& folder, QWidget* parent = nullptr);

    int count() const { return static_cast<int>(m_files.size()); }
    // The row's text as shown ("30 Nov 2026 19:13 UTC", "daily", "208 KB").
    QStringList rowText(int row) const;
    void selectRow(int row);
    // The chosen backup; nothing until a row is selected.
    std::optional<backups::BackupFile> chosen() const;

private:
    void updateButtons();

    std::vector<backups::BackupFile> m_files;
    QTreeWidget* m_list;
    QDialogButtonBox* m_buttons;
};

} // namespace balcony::gui
