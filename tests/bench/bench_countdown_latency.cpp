#include "bench_region.h"
#include "console/countdown_face.h"
#include "console/day_session.h"
#include "engine/clock.h"
#include "engine/group_day.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <chrono>
#include <ctime>
#include <vector>

// Countdown latency: runs a DaySession on the real clock for a number of seconds and records how late
// each shown second reaches the session's observers after the true second boundary (the instant the
// day's clock reached it), and the process's CPU time per wall second while the countdown runs. The
// observers learn of a second when stateChanged is emitted; a view then repaints in the next frame.
// Load the machine from outside for a figure under load (see docs/performance.md).
//
// bench_countdown_latency [SECONDS=60]
using namespace balcony;
using namespace balcony::bench;
using Steady = std::chrono::steady_clock;

namespace {

double msBetween(Steady::time_point from, Steady::time_point to) {
    return std::chrono::duration<double, std::milli>(to - from).count();
}

double processCpuMs() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1000.0 + double(t.tv_nsec) / 1e6;
}

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    const auto at = static_cast<std::size_t>(p * double(values.size() - 1) + 0.5);
    return values[std::min(at, values.size() - 1)];
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const int seconds = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 60;
    if (seconds < 2) {
        fail(QStringLiteral("run for at least 2 seconds"));
    }

    QTemporaryDir dir;
    auto db = createRegion(dir.filePath(QStringLiteral("bench.balcony")));
    const GroupDay day = need(loadGroupDay(*db, cycleName, groupLabel));
    SystemClock clock;
    auto session = need(gui::DaySession::open(*db, clock, day.group.id, day.plan));
    if (auto started = session->start(DayEngine::OtherDate::Confirmed); !started) {
        fail(started.message());
    }
    // The first block must outlast the run, so that every second is a countdown second in one block.
    if (auto longer = session->extend(seconds / 60 + 1); !longer) {
        fail(longer.message());
    }

    // The day's clock against the steady clock, read together (the engine counts whole ms).
    const Steady::time_point before = Steady::now();
    const QDateTime dayNow = session->now();
    const Steady::time_point after = Steady::now();
    const Steady::time_point dayNowSteady = before + (after - before) / 2;
    const QDateTime blockStart = session->state().current().actualStart;
    const qint64 plannedMs = qint64(session->state().current().plannedMinutes) * 60 * 1000;
    // The steady instant at which the block's remaining time is remainingMs (no pauses in this run).
    const auto boundary = [&](qint64 remainingMs) {
        const qint64 dayMs = dayNow.msecsTo(blockStart.addMSecs(plannedMs - remainingMs));
        return dayNowSteady + std::chrono::milliseconds(dayMs);
    };

    std::vector<double> lateMs;
    int wakes = 0;
    int missed = 0; // shown seconds the screen never showed (the countdown jumped over them)
    qint64 shown = session->face().shownSeconds;
    QObject::connect(session.get(), &gui::DaySession::stateChanged, &app, [&](const DayState& state) {
        const Steady::time_point now = Steady::now();
        ++wakes;
        const qint64 second = gui::shownSecondsFor(state.remainingMs);
        if (second == shown) {
            return; // a wake that found the same second (a timer that fired early)
        }
        if (shown - second > 1) {
            missed += int(shown - second - 1);
        }
        // It became `second` when the remaining time reached second * 1000 ms.
        lateMs.push_back(msBetween(boundary(second * 1000), now));
        shown = second;
    });

    const double cpuStart = processCpuMs();
    const Steady::time_point wallStart = Steady::now();
    QTimer::singleShot(seconds * 1000, &app, &QCoreApplication::quit);
    app.exec();
    const double cpuMs = processCpuMs() - cpuStart;
    const double wallS = msBetween(wallStart, Steady::now()) / 1000.0;

    if (lateMs.empty()) {
        fail(QStringLiteral("no second changed"));
    }
    std::printf("Countdown latency: a DaySession on the real clock for %d s; %zu shown seconds, %d wakes\n\n",
                seconds, lateMs.size(), wakes);
    std::printf("| %-62s | %10s |\n", "measure", "value");
    std::printf("|%s|%s|\n", "----------------------------------------------------------------",
                "------------");
    std::printf("| %-62s | %10.2f |\n", "shown second late after the true boundary, median (ms)",
                percentile(lateMs, 0.5));
    std::printf("| %-62s | %10.2f |\n", "... 95th percentile (ms)", percentile(lateMs, 0.95));
    std::printf("| %-62s | %10.2f |\n", "... max (ms)", percentile(lateMs, 1.0));
    std::printf("| %-62s | %10.2f |\n", "... min (ms)", percentile(lateMs, 0.0));
    std::printf("| %-62s | %10d |\n", "shown seconds skipped (never shown)", missed);
    std::printf("| %-62s | %10.3f |\n", "CPU time per wall second while counting down (ms/s)", cpuMs / wallS);
    std::printf("| %-62s | %10.3f |\n", "... as a share of one core (%)", cpuMs / wallS / 10.0);
    std::printf("| %-62s | %10.3f |\n", "uncertainty of the clocks' pairing (ms, plus 1 ms rounding)",
                msBetween(before, after));
    return 0;
}
