#include "engine/clock.h"

#include "support/logging.h"

#include <cstdlib>
#include <ctime>

namespace balcony {

SystemClock::SystemClock() {
    m_timer.start();
}

QDateTime SystemClock::utcNow() const {
    return QDateTime::currentDateTimeUtc();
}

qint64 SystemClock::monotonicMs() const {
#ifdef CLOCK_BOOTTIME
    timespec ts{};
    if (clock_gettime(CLOCK_BOOTTIME, &ts) == 0) {
        return qint64(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
    }
#endif
    return m_timer.elapsed();
}

FakeClock::FakeClock(QDateTime utcStart)
    : m_utc(utcStart.toUTC()) {}

void FakeClock::advanceMs(qint64 ms) {
    m_utc = m_utc.addMSecs(ms);
    m_monotonic += ms;
}

void FakeClock::setUtc(const QDateTime& utc) {
    const qint64 step = m_utc.msecsTo(utc);
    if (step > 0) {
        advanceMs(step);
    } else {
        setWallClock(utc);
    }
}

AnchoredClock::AnchoredClock(const Clock& clock, qint64 toleranceMs)
    : m_clock(clock)
    , m_toleranceMs(toleranceMs)
    , m_anchorUtc(clock.utcNow())
    , m_anchorMonotonic(clock.monotonicMs()) {}

QDateTime AnchoredClock::now() {
    const QDateTime counted = m_anchorUtc.addMSecs(m_clock.monotonicMs() - m_anchorMonotonic);
    const qint64 disagreement = counted.msecsTo(m_clock.utcNow());
    if (std::llabs(disagreement) <= m_toleranceMs) {
        m_offsetMs = 0;
        m_loggedOffsetMs = 0;
        return counted;
    }
    // The wall clock was changed (by hand, or a large NTP step): the day did not move with it. A
    // suspend cannot cause this, the boot-time clock counts it. Log once per change, not per tick.
    m_offsetMs = disagreement;
    if (std::llabs(disagreement - m_loggedOffsetMs) > m_toleranceMs) {
        logging::get("engine")->warn(
            "wall clock changed: {} ms from the day's count; the day keeps its own count", disagreement);
        m_loggedOffsetMs = disagreement;
    }
    return counted;
}

} // namespace balcony
