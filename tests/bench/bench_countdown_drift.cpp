#include "bench_region.h"
#include "engine/clock.h"
#include "engine/day_engine.h"
#include "engine/group_day.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <random>
#include <vector>

// Countdown drift: runs a day on the real clock for a number of seconds while busy-loop processes load
// every core, and polls the remaining time the way the GUI's countdown does (a coarse timer in an
// event loop that is itself stalled by busy work). Reports how far the time shown ever was from the
// true remaining time, next to what a countdown that counts timer ticks would show.
//
// bench_countdown_drift [SECONDS=60] [REPAINT_MS=250] [STALL_MAX_MS=400]
using namespace balcony;
using namespace balcony::bench;
using Steady = std::chrono::steady_clock;

namespace {

double msBetween(Steady::time_point from, Steady::time_point to) {
    return std::chrono::duration<double, std::milli>(to - from).count();
}

struct Drift {
    double computed = 0;  // |engine's remaining - true remaining| at a repaint
    double shown = 0;     // |whole seconds on screen - true| at a repaint
    double stale = 0;     // |what the screen still showed - true| just before a repaint
    double tickCount = 0; // |a tick-counting countdown - true|, largest
    double longestGap = 0;
    int repaints = 0;
    int stalls = 0;
};

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const int seconds = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 60;
    const int repaintMs = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 250;
    const int stallMaxMs = argc > 3 ? QString::fromLocal8Bit(argv[3]).toInt() : 400;

    QTemporaryDir dir;
    auto db = createRegion(dir.filePath(QStringLiteral("bench.balcony")));
    const GroupDay day = need(loadGroupDay(*db, cycleName, groupLabel));
    const qint64 plannedMs = qint64(day.plan.timetable.blocks.front().minutes) * 60 * 1000;
    if (seconds * 1000 >= plannedMs) {
        fail(QStringLiteral("run for less than the first block (%1 s)").arg(plannedMs / 1000));
    }
    SystemClock clock;
    auto engine = need(DayEngine::open(*db, clock, day.group.id, day.plan));

    // One busy loop per core, so the countdown's process competes for every CPU.
    std::vector<std::unique_ptr<QProcess>> load;
    const int cores = QThread::idealThreadCount();
    for (int i = 0; i < cores; ++i) {
        auto p = std::make_unique<QProcess>();
        p->start(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("while :; do :; done")});
        if (!p->waitForStarted()) {
            fail(QStringLiteral("could not start a load process"));
        }
        load.push_back(std::move(p));
    }

    const Steady::time_point before = Steady::now();
    need(engine->start(DayEngine::OtherDate::Confirmed)); // the bench runs on any date
    const Steady::time_point after = Steady::now();
    // True remaining time, from the instant the start was recorded (known to within after - before).
    auto truth = [&](Steady::time_point at) { return double(plannedMs) - msBetween(before, at); };

    Drift drift;
    double shownMs = double(plannedMs);
    double tickCountMs = double(plannedMs);
    Steady::time_point lastRepaint = after;
    std::mt19937 random(7);

    QTimer repaint;
    repaint.setTimerType(Qt::CoarseTimer);
    repaint.setInterval(repaintMs);
    QObject::connect(&repaint, &QTimer::timeout, &app, [&] {
        const Steady::time_point now = Steady::now();
        const double trueMs = truth(now);
        drift.stale = std::max(drift.stale, std::abs(shownMs - trueMs));
        drift.longestGap = std::max(drift.longestGap, msBetween(lastRepaint, now));
        lastRepaint = now;
        const double remaining = double(engine->state().remainingMs);
        drift.computed = std::max(drift.computed, std::abs(remaining - truth(Steady::now())));
        shownMs = std::ceil(remaining / 1000.0) * 1000.0; // mm:ss, rounded up as a countdown shows it
        drift.shown = std::max(drift.shown, std::abs(shownMs - trueMs));
        tickCountMs -= repaintMs;
        drift.tickCount = std::max(drift.tickCount, std::abs(tickCountMs - trueMs));
        ++drift.repaints;
    });
    // The GUI thread is sometimes busy (a big repaint, a report being written): stall it.
    QTimer stall;
    stall.setInterval(1000);
    QObject::connect(&stall, &QTimer::timeout, &app, [&] {
        const auto until =
            Steady::now() + std::chrono::milliseconds(50 + random() % std::max(1, stallMaxMs - 50));
        while (Steady::now() < until) {
        }
        ++drift.stalls;
    });
    QTimer::singleShot(seconds * 1000, &app, &QCoreApplication::quit);
    repaint.start();
    stall.start();
    app.exec();

    for (auto& p : load) {
        p->kill();
        p->waitForFinished();
    }

    std::printf("Countdown drift: %d s on the real clock, %d busy-loop processes on %d cores, a coarse %d ms "
                "repaint timer, the event loop stalled %d times for 50-%d ms\n\n",
                seconds, cores, cores, repaintMs, drift.stalls, stallMaxMs);
    std::printf("| %-72s | %10s |\n", "measure", "ms");
    std::printf("|%s|%s|\n", "--------------------------------------------------------------------------",
                "------------");
    std::printf("| %-72s | %10.1f |\n", "largest |remaining computed by the engine - true remaining|",
                drift.computed);
    std::printf("| %-72s | %10.1f |\n", "largest |time shown (whole seconds) - true| at a repaint",
                drift.shown);
    std::printf("| %-72s | %10.1f |\n",
                "largest |time still shown - true| just before a repaint (stale screen)", drift.stale);
    std::printf("| %-72s | %10.1f |\n", "largest |tick-counting countdown - true| (for comparison)",
                drift.tickCount);
    std::printf("| %-72s | %10.1f |\n", "longest gap between repaints", drift.longestGap);
    std::printf("| %-72s | %10.3f |\n", "uncertainty of the true start (start() took)",
                msBetween(before, after));
    std::printf("\n%d repaints\n", drift.repaints);
    return 0;
}
