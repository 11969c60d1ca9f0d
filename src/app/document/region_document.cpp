#include "document/region_document.h"

#include <QUndoStack>

namespace balcony::gui {

RegionDocument::RegionDocument(std::unique_ptr<Database> database, QObject* parent)
    : QObject(parent)
    , m_database(std::move(database))
    , m_undoStack(new QUndoStack(this)) {}

RegionDocument::~RegionDocument() = default;

void RegionDocument::notifyRosterChanged() {
    Q_EMIT rosterChanged();
    Q_EMIT changed();
}

void RegionDocument::notifyScheduleChanged(qint64 cycleId) {
    Q_EMIT scheduleChanged(cycleId);
    Q_EMIT changed();
}

void RegionDocument::notifyAssessmentsChanged(qint64 cycleId) {
    Q_EMIT assessmentsChanged(cycleId);
    Q_EMIT changed();
}

void RegionDocument::notifyCyclesChanged() {
    Q_EMIT cyclesChanged();
    Q_EMIT changed();
}

void RegionDocument::reportEditFailure(const QString& message) {
    Q_EMIT editFailed(message);
}

} // namespace balcony::gui
