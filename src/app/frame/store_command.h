#pragma once

#include "support/result.h"

#include <QUndoCommand>

namespace balcony::gui {

class RegionDocument;

// Base of every undoable edit that writes the region database. redo() and undo() each run apply()
// inside one transaction and commit it before anything is announced, so a view only ever shows
// what is saved. When a write fails the transaction rolls back, the command marks itself obsolete
// (QUndoStack then drops it) and the document reports the message.
class StoreCommand : public QUndoCommand {
public:
    StoreCommand(RegionDocument& document, const QString& text);

    void redo() final;
    void undo() final;

protected:
    // Writes the edit (forward) or takes it back; runs inside a transaction.
    virtual Status apply(bool forward) = 0;
    // Tells the document what changed, after the commit.
    virtual void announce() = 0;

    RegionDocument& document() { return m_document; }

private:
    void run(bool forward);

    RegionDocument& m_document;
};

} // namespace balcony::gui
