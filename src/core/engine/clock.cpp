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
    if (disagreement < -m_toleranceMs) {
        // The wall clock was set back by hand: the day did not go back with it. Keep counting from the
        // monotonic clock so that the countdown and the times recorded in the log carry on forwards.
        if (!m_wallBehind) {
            logging::get("engine")->warn("wall clock set back by {} ms; the day keeps its own count",
                                         -disagreement);
        }
        m_wallBehind = true;
        return counted;
    }
    m_wallBehind = false;
    if (disagreement > m_toleranceMs) {
        logging::get("engine")->info("wall clock ahead of the monotonic clock by {} ms; re-anchoring",
                                     disagreement);
        ++m_reanchors;
        anchor();
        return m_anchorUtc;
    }
    return counted;
}

} // namespace balcony
