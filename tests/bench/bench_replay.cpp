#include "bench_region.h"
#include "bench_util.h"
#include "engine/day_event.h"
#include "engine/day_state.h"
#include "engine/group_day.h"
#include "store/transaction.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <random>

// Replaying a day's log: what every repaint of the countdown does (computeDayState on the log in
// memory), and what a restart after a crash does (load the log from the file, then replay it).
using namespace balcony;
using namespace balcony::bench;

namespace {

// A busy but valid day: start, then per block talker taps, turns, pauses and extensions, then next.
// Events that do not fit the state would be ignored by the replay; this log has none of those that
// matter for cost, and its length is exactly `count`.
std::vector<DayEvent> syntheticLog(int blocks, int count, QDateTime at) {
    std::vector<DayEvent> log;
    std::mt19937 random(42);
    auto add = [&](DayEvent::Kind kind) -> DayEvent& {
        at = at.addMSecs(500 + static_cast<qint64>(random() % 4000));
        DayEvent e;
        e.atUtc = at;
        e.kind = kind;
        log.push_back(e);
        return log.back();
    };
    add(DayEvent::Kind::Started);
    int block = 0;
    int forward = 1;
    while (static_cast<int>(log.size()) < count) {
        switch (random() % 8) {
        case 0:
            add(DayEvent::Kind::Paused);
            if (static_cast<int>(log.size()) < count) {
                add(DayEvent::Kind::Resumed);
            }
            break;
        case 1:
            add(DayEvent::Kind::Extended).minutes = 1 + static_cast<int>(random() % 5);
            break;
        case 2:
            add(DayEvent::Kind::NextTurn);
            break;
        case 3: {
            // Back and forth through the day so that every block is visited many times.
            if (block + forward < 0 || block + forward >= blocks) {
                forward = -forward;
            }
            block += forward;
            add(forward > 0 ? DayEvent::Kind::Next : DayEvent::Kind::Back);
            break;
        }
        default:
            add(DayEvent::Kind::SpeakerChanged).talker =
                random() % 2 ? DayEvent::Talker::Presenting : DayEvent::Talker::Visiting;
            break;
        }
    }
    return log;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const int events = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 10000;
    const int runs = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 50;
    QTemporaryDir dir;
    auto db = createRegion(dir.filePath(QStringLiteral("bench.balcony")));
    const GroupDay day = need(loadGroupDay(*db, cycleName, groupLabel));
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-8 * 3600);
    const std::vector<DayEvent> log =
        syntheticLog(static_cast<int>(day.plan.timetable.blocks.size()), events, start);
    {
        Transaction tx(*db);
        DayEventLog store(*db);
        for (const auto& e : log) {
            need(store.append(day.group.id, e));
        }
        if (auto saved = tx.commit(); !saved) {
            fail(saved.message());
        }
    }
    const QDateTime now = log.back().atUtc.addSecs(30);
    const DayState final = computeDayState(day.plan, log, now);
    std::printf("Replaying a day's log of %d events (%zu blocks; the replay ends in block %d, %s)\n\n",
                events, day.plan.timetable.blocks.size(), final.blockIndex, qPrintable(toKey(final.status)));
    printHeader();
    printRow("replay in memory (computeDayState: each repaint)",
             measure(runs, [&] { keep(computeDayState(day.plan, log, now)); }));
    printRow("load the log from the database",
             measure(runs, [&] { keep(need(DayEventLog(*db).load(day.group.id))); }));
    printRow("load and replay (a restart after a crash)", measure(runs, [&] {
                 const auto loaded = need(DayEventLog(*db).load(day.group.id));
                 keep(computeDayState(day.plan, loaded, now));
             }));
    return 0;
}
