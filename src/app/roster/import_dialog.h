#pragma once

#include "support/problem.h"

#include <QDialog>
#include <QStringList>
#include <memory>
#include <vector>

class QPushButton;

namespace Ui {
class ImportDialog;
}

namespace balcony::gui {

class RegionDocument;

// Shows what a roster or schedule CSV file holds and everything wrong with it (with line numbers)
// before anything is written. Import stays disabled while the file has errors; confirming imports
// the whole file in one transaction and announces the change. Imports are not undoable: the undo
// history is kept, and the file can be imported again.
class ImportDialog final : public QDialog {
    Q_OBJECT

public:
    enum class Kind { Roster, Schedule };

    // The document must outlive the dialog. cycleId is the cycle a schedule goes into.
    ImportDialog(RegionDocument& document, Kind kind, const QString& path, qint64 cycleId = 0,
                 QWidget* parent = nullptr);
    ~ImportDialog() override;

    int previewRowCount() const;
    const Problems& problems() const { return m_problems; }
    bool canImport() const;
    QPushButton* importButton() const { return m_importButton; }
    // What the import wrote, for the status bar; empty before.
    QString summary() const { return m_summary; }

private:
    void load();
    void fill(const QStringList& headers, const std::vector<QStringList>& rows);
    void runImport();

    std::unique_ptr<Ui::ImportDialog> m_ui;
    RegionDocument& m_document;
    Kind m_kind;
    QString m_path;
    qint64 m_cycleId;
    Problems m_problems;
    bool m_readable = false;
    QString m_summary;
    QPushButton* m_importButton;
};

} // namespace balcony::gui
