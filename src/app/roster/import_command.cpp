#include "roster/import_command.h"

#include "document/region_document.h"
#include "support/logging.h"

namespace balcony::gui {

ImportCommand::ImportCommand(RegionDocument& document, Kind kind, qint64 cycleId, ChangeSet changes,
                             ChangeSet inverse, const QString& text)
    : QUndoCommand(text)
    , m_document(document)
    , m_kind(kind)
    , m_cycleId(cycleId)
    , m_changes(std::move(changes))
    , m_inverse(std::move(inverse)) {}

void ImportCommand::redo() {
    if (m_firstRedo) {
        m_firstRedo = false; // the import wrote it already
        return;
    }
    run(true);
}

void ImportCommand::undo() {
    run(false);
}

void ImportCommand::run(bool forward) {
    const Status status = (forward ? m_changes : m_inverse).apply(m_document.database());
    if (!status) {
        logging::get("app")->warn("{} of \"{}\" refused: {}", forward ? "Redo" : "Undo", text().toStdString(),
                                  status.message().toStdString());
        const QString message =
            status.error().kind == Error::Kind::Conflict ? refusal(forward) : status.message();
        setObsolete(true);
        m_document.reportEditFailure(message);
        return;
    }
    announce();
}

QString ImportCommand::refusal(bool forward) const {
    if (m_kind == Kind::Roster) {
        return forward
                   ? tr("The roster changed after the import was undone; the import can no longer be redone.")
                   : tr("The roster changed after the import; the import can no longer be undone.");
    }
    return forward
               ? tr("The schedule changed after the import was undone; the import can no longer be redone.")
               : tr("The schedule changed after the import; the import can no longer be undone.");
}

void ImportCommand::announce() {
    m_document.notifyRosterChanged();
    if (m_kind == Kind::Schedule) {
        m_document.notifyScheduleChanged(m_cycleId);
        m_document.notifyAssessmentsChanged(m_cycleId);
    }
}

} // namespace balcony::gui
