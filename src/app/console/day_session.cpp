#include "console/day_session.h"

#include <QTimeZone>

namespace balcony::gui {

Result<std::unique_ptr<DaySession>> DaySession::open(Database& db, const Clock& clock, qint64 groupId,
                                                     DayPlan plan, QObject* parent) {
    auto engine = DayEngine::open(db, clock, groupId, std::move(plan));
    if (!engine) {
        return engine.error();
    }
    return std::unique_ptr<DaySession>(new DaySession(db, clock, groupId, std::move(*engine), parent));
}

DaySession::DaySession(Database& db, const Clock& clock, qint64 groupId, std::unique_ptr<DayEngine> engine,
                       QObject* parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
    , m_groupId(groupId)
    , m_engine(std::move(engine)) {
    // A coarse timer may fire 5% late (50 ms at one second); a precise one costs the same one wake.
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &DaySession::refresh);
    m_state = m_engine->state();
    m_face = countdownFace(m_state, m_engine->plan().zone);
    arm();
}

DaySession::~DaySession() = default;

QDateTime DaySession::todayAt(const QTime& time) {
    const QDate today = now().toTimeZone(plan().zone).date();
    return QDateTime(today, time, plan().zone).toUTC();
}

int DaySession::msUntilNextTick() const {
    return m_timer.isActive() ? m_timer.remainingTime() : -1;
}

void DaySession::refresh() {
    publish(m_engine->state());
}

void DaySession::publish(DayState state) {
    m_state = std::move(state);
    const CountdownFace face = countdownFace(m_state, plan().zone);
    const CountdownSignal signal = signalBetween(m_face, face);
    m_face = face;
    arm();
    Q_EMIT stateChanged(m_state);
    if (signal != CountdownSignal::None) {
        Q_EMIT countdownSignal(signal);
    }
}

void DaySession::arm() {
    qint64 wait = msUntilShownSecondChanges(m_state);
    if (wait >= 0) {
        // Just after the boundary: the engine's clock counts whole milliseconds, so at +1 ms it has
        // certainly crossed. A timer that fires early only brings the next tick closer.
        wait += 1;
    } else if (m_state.status == DayStatus::Paused || m_state.status == DayStatus::NotStarted) {
        constexpr qint64 minuteMs = 60 * 1000;
        const qint64 finish = m_state.projectedEnd.isValid() ? m_state.projectedEnd.toMSecsSinceEpoch() : 0;
        wait = minuteMs - ((finish % minuteMs) + minuteMs) % minuteMs + 1;
    } else {
        m_timer.stop();
        return;
    }
    m_timer.start(static_cast<int>(wait));
}

Status DaySession::apply(const Result<DayState>& result) {
    if (!result) {
        return result.error();
    }
    publish(*result);
    return {};
}

Status DaySession::start(DayEngine::OtherDate otherDate) {
    return apply(m_engine->start(otherDate));
}

Status DaySession::startedAt(const QDateTime& startedUtc, DayEngine::OtherDate otherDate) {
    return apply(m_engine->startedAt(startedUtc, otherDate));
}

Status DaySession::pause() {
    return apply(m_engine->pause());
}

Status DaySession::resume() {
    return apply(m_engine->resume());
}

Status DaySession::togglePause() {
    return m_engine->state().status == DayStatus::Paused ? resume() : pause();
}

Status DaySession::extend(int minutes) {
    return apply(m_engine->extend(minutes));
}

Status DaySession::shorten(int minutes) {
    return apply(m_engine->extend(-minutes));
}

Status DaySession::next() {
    return apply(m_engine->next());
}

Status DaySession::previous() {
    return apply(m_engine->back());
}

Status DaySession::jump(int blockIndex) {
    return apply(m_engine->jump(blockIndex));
}

Status DaySession::finish() {
    return apply(m_engine->finish());
}

Status DaySession::nextTeam() {
    return apply(m_engine->nextTurn());
}

Status DaySession::setTalker(DayEvent::Talker talker) {
    return apply(m_engine->setTalker(talker));
}

Status DaySession::blockBeganAt(const QDateTime& startedUtc) {
    return apply(m_engine->blockBeganAt(startedUtc));
}

Status DaySession::blockBeganEarlier(int minutes) {
    return apply(m_engine->blockBeganEarlier(minutes));
}

CatchUpProposal DaySession::proposeCatchUp(const CatchUpPolicy& policy) {
    return m_engine->proposeCatchUp(policy);
}

Status DaySession::acceptCatchUp(const CatchUpProposal& proposal) {
    return apply(m_engine->acceptCatchUp(proposal));
}

Status DaySession::reload() {
    auto engine = DayEngine::open(m_db, m_clock, m_groupId, m_engine->plan());
    if (!engine) {
        return engine.error();
    }
    m_engine = std::move(*engine);
    // A reload is not a crossing: the program was away, and a signal now would be about the past.
    DayState state = m_engine->state();
    m_face = countdownFace(state, plan().zone);
    publish(std::move(state));
    return {};
}

} // namespace balcony::gui
