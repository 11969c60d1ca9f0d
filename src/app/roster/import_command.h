#pragma once

#include "store/change_set.h"

#include <QCoreApplication>
#include <QUndoCommand>

namespace balcony::gui {

class RegionDocument;

// A whole roster or schedule CSV import as one step on the undo stack. The import has already
// been written when the command is pushed (the first redo does nothing); undo applies the inverse
// of the changes the import recorded, and redo applies them again, each in one transaction. When
// the data changed since in a way that meets the import's rows (an imported LA renamed, a person
// added to an imported LA), undo or redo refuses, changes nothing, reports the reason through the
// document and leaves the undo stack (QUndoStack drops the obsolete command).
class ImportCommand final : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(ImportCommand)

public:
    enum class Kind { Roster, Schedule };

    // changes are what the import wrote; undoing applies changes.inverted(). cycleId is the cycle
    // a schedule went into (0 for a roster).
    ImportCommand(RegionDocument& document, Kind kind, qint64 cycleId, ChangeSet changes, ChangeSet inverse,
                  const QString& text);

    void redo() override;
    void undo() override;

private:
    void run(bool forward);
    void announce();
    QString refusal(bool forward) const;

    RegionDocument& m_document;
    Kind m_kind;
    qint64 m_cycleId;
    ChangeSet m_changes;
    ChangeSet m_inverse;
    bool m_firstRedo = true;
};

} // namespace balcony::gui
