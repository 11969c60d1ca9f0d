#pragma once

#include <QDateTime>
#include <QElapsedTimer>

namespace balcony {

// Where the engine gets time from. Passed in through constructors so that tests can drive a whole
// day in microseconds. utcNow() is the wall clock (persisted in the event log); monotonicMs() never
// goes backwards and is what a running process counts down with.
class Clock {
public:
    virtual ~Clock() = default;
    virtual QDateTime utcNow() const = 0;
    virtual qint64 monotonicMs() const = 0;
};

// The computer's clocks: QDateTime::currentDateTimeUtc() and a QElapsedTimer started at construction.
class SystemClock final : public Clock {
public:
    SystemClock();
    QDateTime utcNow() const override;
    qint64 monotonicMs() const override;

private:
    QElapsedTimer m_timer;
};

// A clock a test moves by hand. Both readings advance together unless a test makes them disagree
// (suspendFor: the wall clock moves, the monotonic one does not, as on a laptop asleep).
class FakeClock final : public Clock {
public:
    explicit FakeClock(QDateTime utcStart);
    QDateTime utcNow() const override { return m_utc; }
    qint64 monotonicMs() const override { return m_monotonic; }

    void advanceMs(qint64 ms);
    void advanceSeconds(qint64 s) { advanceMs(s * 1000); }
    void advanceMinutes(qint64 m) { advanceMs(m * 60 * 1000); }
    void suspendFor(qint64 ms) { m_utc = m_utc.addMSecs(ms); }
    void setUtc(const QDateTime& utc) { m_utc = utc.toUTC(); }

private:
    QDateTime m_utc;
    qint64 m_monotonic = 1000;
};

// The day's "now" inside one process: the monotonic clock anchored to UTC when first read, so a
// countdown cannot drift with timer ticks or jump with small wall-clock corrections. When the wall
// clock runs ahead of the count by more than tolerance (the laptop slept, or the user set the clock
// forward) it re-anchors on the wall clock: the day's clock is the wall clock, so suspended time
// counts. When the wall clock falls behind by more than tolerance (set back by hand) it keeps
// counting from the monotonic clock: time never runs backwards within a day (docs/day-engine.md,
// "Time").
class AnchoredClock final {
public:
    explicit AnchoredClock(const Clock& clock, qint64 toleranceMs = 5000);
    QDateTime now();
    int reanchorCount() const { return m_reanchors; }

private:
    void anchor();

    const Clock& m_clock;
    qint64 m_toleranceMs;
    QDateTime m_anchorUtc;
    qint64 m_anchorMonotonic = 0;
    int m_reanchors = 0;
    bool m_wallBehind = false; // warned once per setting back
};

} // namespace balcony
