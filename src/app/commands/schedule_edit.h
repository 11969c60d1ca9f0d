#pragma once

#include "commands/group_snapshot.h"
#include "frame/store_command.h"

#include <QStringList>
#include <memory>

namespace balcony {
class ScheduleStore;
}

namespace balcony::gui {

// Base of the board's edits to the groups of one cycle. The first redo performs the edit through
// the core stores (so the stores' and the schema's rules judge it, and their refusal is the
// message the user sees); it records the affected groups before and after, and later undo and
// redo write those snapshots back. Each run commits in its own transaction (see StoreCommand).
class ScheduleEdit : public StoreCommand {
public:
    // groupUids: every group the edit may touch, by calendar UID.
    ScheduleEdit(RegionDocument& document, qint64 cycleId, QStringList groupUids, const QString& text);

    qint64 cycleId() const { return m_cycleId; }

protected:
    // The edit itself, run once, inside the transaction. before holds the affected groups as
    // they are now, with their current row ids.
    virtual Status perform(ScheduleStore& store, const GroupSnapshot& before) = 0;

private:
    Status apply(bool forward) final;
    void announce() final;

    qint64 m_cycleId;
    QStringList m_groupUids;
    GroupSnapshot m_before;
    GroupSnapshot m_after;
    bool m_performed = false;
};

// Pushes the edit onto the document's undo stack, which performs it. When the stores refuse it,
// nothing is written, nothing is pushed, and the error carries their message (the document has
// also announced it through editFailed).
Status pushEdit(RegionDocument& document, std::unique_ptr<ScheduleEdit> edit);

} // namespace balcony::gui
