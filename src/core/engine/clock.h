#pragma once

#include <QDateTime>
#include <QElapsedTimer>

namespace balcony {

// Where the engine gets time from. Passed in through constructors so that tests can drive a whole
// day in microseconds. utcNow() is the wall clock (persisted in the event log); the user or NTP may
// set it either way at any moment. monotonicMs() is milliseconds since an arbitrary start, never
// going back, counting time the computer was suspended; a running process counts the day with it.
class Clock {
public:
    virtual ~Clock() = default;
    virtual QDateTime utcNow() const = 0;
    virtual qint64 monotonicMs() const = 0;
};

// The computer's clocks: QDateTime::currentDateTimeUtc() and Linux's CLOCK_BOOTTIME (clock_gettime),
// which, unlike CLOCK_MONOTONIC, keeps counting while the computer is suspended. Where there is no
// CLOCK_BOOTTIME it falls back to a QElapsedTimer, which may stop during a suspend.
class SystemClock final : public Clock {
public:
    SystemClock();
    QDateTime utcNow() const override;
    qint64 monotonicMs() const override;

private:
    QElapsedTimer m_timer;
};

// A clock a test moves by hand. advanceMs and suspendFor move both readings (a suspend is counted by
// the boot-time clock); setWallClock changes only the wall clock, as a user setting the clock by
// hand. setUtc moves to an instant: forward as time passing (both readings), back as the wall clock
// set back by hand (the monotonic reading never goes back).
class FakeClock final : public Clock {
public:
    explicit FakeClock(QDateTime utcStart);
    QDateTime utcNow() const override { return m_utc; }
    qint64 monotonicMs() const override { return m_monotonic; }

    void advanceMs(qint64 ms);
    void advanceSeconds(qint64 s) { advanceMs(s * 1000); }
    void advanceMinutes(qint64 m) { advanceMs(m * 60 * 1000); }
    void suspendFor(qint64 ms) { advanceMs(ms); }
    void setWallClock(const QDateTime& utc) { m_utc = utc.toUTC(); }
    void setUtc(const QDateTime& utc);

private:
    QDateTime m_utc;
    qint64 m_monotonic = 1000;
};

// The day's "now" inside one process: the monotonic (boot-time) clock anchored to UTC when first
// read. A countdown cannot drift with timer ticks, a suspend counts (the boot-time clock counts it),
// and a change of the wall clock either way, by hand or by NTP, does not move the day: the count
// carries on. When the wall clock and the count disagree by more than tolerance the disagreement is
// logged once and offered as wallClockOffsetMs() so that the console can say so
// (docs/day-engine.md, "Time").
class AnchoredClock final {
public:
    explicit AnchoredClock(const Clock& clock, qint64 toleranceMs = 5000);
    QDateTime now();
    // How far the wall clock is from the day's count, in milliseconds (positive: the wall clock is
    // ahead, set forward), as of the last now(); 0 while within tolerance.
    qint64 wallClockOffsetMs() const { return m_offsetMs; }
    bool wallClockChanged() const { return m_offsetMs != 0; }

private:
    const Clock& m_clock;
    qint64 m_toleranceMs;
    QDateTime m_anchorUtc;
    qint64 m_anchorMonotonic = 0;
    qint64 m_offsetMs = 0;
    qint64 m_loggedOffsetMs = 0; // logged once per change of the wall clock
};

} // namespace balcony
