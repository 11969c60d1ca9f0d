#include "engine/clock.h"

#include "support/logging.h"

#include <cstdlib>

namespace balcony {

SystemClock::SystemClock() {
    m_timer.start();
}

QDateTime SystemClock::utcNow() const {
    return QDateTime::currentDateTimeUtc();
}

qint64 SystemClock::monotonicMs() const {
    return m_timer.elapsed();
}

FakeClock::FakeClock(QDateTime utcStart)
    : m_utc(utcStart.toUTC()) {}

void FakeClock::advanceMs(qint64 ms) {
    m_utc = m_utc.addMSecs(ms);
    m_monotonic += ms;
}

AnchoredClock::AnchoredClock(const Clock& clock, qint64 toleranceMs)
    : m_clock(clock)
    , m_toleranceMs(toleranceMs) {
    anchor();
}

void AnchoredClock::anchor() {
    m_anchorUtc = m_clock.utcNow();
    m_anchorMonotonic = m_clock.monotonicMs();
}

QDateTime AnchoredClock::now() {
    const QDateTime counted = m_anchorUtc.addMSecs(m_clock.monotonicMs() - m_anchorMonotonic);
    const qint64 disagreement = counted.msecsTo(m_clock.utcNow());
    if (std::llabs(disagreement) > m_toleranceMs) {
        logging::get("engine")->info("wall clock and monotonic clock differ by {} ms; re-anchoring",
                                     disagreement);
        ++m_reanchors;
        anchor();
        return m_anchorUtc;
    }
    return counted;
}

} // namespace balcony
