#include "document/region_document.h"

#include "engine/clock.h"
#include "engine/day_state.h"
#include "store/region_lock.h"
#include "support/logging.h"

#include <QTimer>
#include <QUndoStack>
#include <chrono>

namespace balcony::gui {

namespace {

// The computer's clock, for a document no window has given its clock.
const Clock& computerClock() {
    static const SystemClock clock;
    return clock;
}

} // namespace

RegionDocument::RegionDocument(std::unique_ptr<Database> database, QObject* parent)
    : QObject(parent)
    , m_database(std::move(database))
    , m_undoStack(new QUndoStack(this))
    , m_lockRenewal(new QTimer(this)) {
    m_lockRenewal->setObjectName(QStringLiteral("lockRenewalTimer"));
    m_lockRenewal->setInterval(
        std::chrono::duration_cast<std::chrono::milliseconds>(RegionLock::renewalPeriod));
    connect(m_lockRenewal, &QTimer::timeout, this, &RegionDocument::renewLock);
    if (!m_database->isReadOnly()) {
        m_lockRenewal->start();
    }
    if (m_database->isServer()) {
        m_changeFeed = std::make_unique<ChangeFeed>(*m_database);
        connect(m_changeFeed.get(), &ChangeFeed::changed, this,
                [this](ChangeFeed::Area area, const QString&) { Q_EMIT changedElsewhere(area); });
    }
}

const Clock& RegionDocument::clock() const {
    return m_clock != nullptr ? *m_clock : computerClock();
}

QDate RegionDocument::today() const {
    return clock().utcNow().toTimeZone(groupDayZone()).date();
}

void RegionDocument::renewLock() {
    if (auto renewed = m_database->renewLock(clock().utcNow()); !renewed) {
        logging::get("app")->warn("{}", renewed.message().toStdString());
    }
}

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

void RegionDocument::notifyNotesChanged(qint64 cycleId, qint64 groupId) {
    Q_EMIT notesChanged(cycleId, groupId);
}

void RegionDocument::notifyDayChanged(qint64 groupId) {
    Q_EMIT dayChanged(groupId);
}

void RegionDocument::reportEditFailure(const QString& message) {
    Q_EMIT editFailed(message);
}

} // namespace balcony::gui
