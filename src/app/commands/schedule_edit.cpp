#include "commands/schedule_edit.h"

#include "document/region_document.h"
#include "domain/schedule_store.h"

#include <QCoreApplication>
#include <QUndoStack>

namespace balcony::gui {

ScheduleEdit::ScheduleEdit(RegionDocument& document, qint64 cycleId, QStringList groupUids,
                           const QString& text)
    : StoreCommand(document, text)
    , m_cycleId(cycleId)
    , m_groupUids(std::move(groupUids)) {}

Status ScheduleEdit::apply(bool forward) {
    Database& db = document().database();
    if (!forward) {
        return restoreGroups(db, m_cycleId, m_before);
    }
    if (m_performed) {
        return restoreGroups(db, m_cycleId, m_after);
    }
    auto before = captureGroups(db, m_cycleId, m_groupUids);
    if (!before) {
        return before.error();
    }
    ScheduleStore store(db);
    if (auto done = perform(store, *before); !done) {
        return done;
    }
    auto after = captureGroups(db, m_cycleId, m_groupUids);
    if (!after) {
        return after.error();
    }
    m_before = std::move(*before);
    m_after = std::move(*after);
    m_performed = true;
    return {};
}

void ScheduleEdit::announce() {
    document().notifyScheduleChanged(m_cycleId);
}

Status pushEdit(RegionDocument& document, std::unique_ptr<ScheduleEdit> edit) {
    if (document.isReadOnly()) {
        return failure(Error::Kind::ReadOnly,
                       QCoreApplication::translate("ScheduleEdit",
                                                   "This region is open read-only: nothing can be changed."));
    }
    QString message;
    auto listener = QObject::connect(&document, &RegionDocument::editFailed, &document,
                                     [&message](const QString& m) { message = m; });
    // A command whose first redo fails marks itself obsolete, and QUndoStack then drops it.
    document.undoStack()->push(edit.release());
    QObject::disconnect(listener);
    if (!message.isEmpty()) {
        return failure(Error::Kind::Conflict, message);
    }
    return {};
}

} // namespace balcony::gui
