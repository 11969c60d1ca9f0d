#pragma once

#include "support/problem.h"
#include "support/result.h"

#include <QByteArray>
#include <QDialog>
#include <QStringList>
#include <memory>
#include <vector>

class QPushButton;

namespace Ui {
class ImportDialog;
}

namespace balcony {
class ChangeRecorder;
}

namespace balcony::gui {

class RegionDocument;

// Shows what a roster or schedule CSV file holds and everything wrong with it (with line numbers)
// before anything is written; for a roster, also the posts that would change hands (a DCS, chief
// executive or lead member replaced by someone else), worked out by a dry run of the import itself,
// and its warnings (a holder's new email). Importing then writes the file as previewed. Import stays disabled
// while the file has errors; confirming imports the whole file in one transaction, records the rows it wrote
// (ChangeRecorder) and pushes one ImportCommand onto the document's undo stack, so Edit > Undo takes the
// whole import back and Redo brings it again. Should the recording fail, the import stands without an undo
// step and the summary says so.
class ImportDialog final : public QDialog {
    Q_OBJECT

public:
    enum class Kind { Roster, Schedule };

    // The document must outlive the dialog. cycleId is the cycle a schedule goes into.
    ImportDialog(RegionDocument& document, Kind kind, const QString& path, qint64 cycleId = 0,
                 QWidget* parent = nullptr);
    ~ImportDialog() override;

    int previewRowCount() const;
    // A roster import's posts changing hands, as listed before the user confirms (describe()).
    QStringList postChanges() const;
    const Problems& problems() const { return m_problems; }
    bool canImport() const;
    QPushButton* importButton() const { return m_importButton; }
    // What the import wrote, for the status bar; empty before.
    QString summary() const { return m_summary; }

private:
    void load();
    void fill(const QStringList& headers, const std::vector<QStringList>& rows);
    void runImport();
    // Finishes the recording and pushes the import's undo step.
    void pushUndoStep(Result<ChangeRecorder>& recorder, const QString& text);

    std::unique_ptr<Ui::ImportDialog> m_ui;
    RegionDocument& m_document;
    Kind m_kind;
    QString m_path;
    qint64 m_cycleId;
    Problems m_problems;
    QByteArray m_bytes; // the file as previewed: what Import writes is what was shown
    bool m_readable = false;
    QString m_summary;
    QPushButton* m_importButton;
};

} // namespace balcony::gui
