#include "bench_region.h"
#include "bench_util.h"
#include "engine/day_template.h"
#include "engine/group_day.h"
#include "engine/timetable.h"

#include <QCoreApplication>
#include <QTemporaryDir>

// Computing a timetable: from a template in memory (what every edit of a duration does), and from the
// database (find the group, its plan and template, then build).
using namespace balcony;
using namespace balcony::bench;

namespace {

std::vector<TimetableMember> members(int count) {
    std::vector<TimetableMember> result;
    const char* names[] = {"Kent", "Medway", "Surrey", "Slough"};
    for (int i = 0; i < count; ++i) {
        result.push_back({i + 1, QString::fromUtf8(names[i]), (i + 1) % count + 1});
    }
    return result;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 2000;
    const DayTemplate triad = need(builtInTemplate(QStringLiteral("triad")));
    const DayTemplate quartet = need(builtInTemplate(QStringLiteral("quartet")));
    const auto three = members(3);
    const auto four = members(4);
    std::map<int, BlockOverride> overrides;
    overrides[2] = {60, {}};
    overrides[7] = {0, QTime(12, 30)}; // lunch pinned

    QTemporaryDir dir;
    auto db = createRegion(dir.filePath(QStringLiteral("bench.balcony")));

    std::printf("Computing a timetable (%d runs each)\n\n", runs);
    printHeader();
    printRow("triad from the built-in template",
             measure(runs, [&] { keep(need(buildTimetable(triad, QTime(10, 0), three))); }));
    printRow("quartet from the built-in template",
             measure(runs, [&] { keep(need(buildTimetable(quartet, QTime(9, 30), four))); }));
    printRow("triad with a changed block and a pinned lunch",
             measure(runs, [&] { keep(need(buildTimetable(triad, QTime(10, 0), three, overrides))); }));
    printRow("parse the triad template (JSON)",
             measure(runs, [&] { keep(need(builtInTemplate(QStringLiteral("triad")))); }));
    printRow("load a group's day from the database and build it",
             measure(runs / 10, [&] { keep(need(loadGroupDay(*db, cycleName, groupLabel))); }));
    return 0;
}
