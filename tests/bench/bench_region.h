#pragma once

#include "bench_util.h"
#include "domain/roster_store.h"
#include "domain/schedule_store.h"
#include "store/database.h"

#include <QDate>
#include <cstdio>
#include <cstdlib>

namespace balcony::bench {

inline const QString cycleName = QStringLiteral("2026-2027");
inline const QString groupLabel = QStringLiteral("A");

// A region with one cycle and one group of `size` LAs meeting today.
inline std::unique_ptr<Database> createRegion(const QString& path, int size = 3) {
    auto db = need(Database::open(path, {.create = true}));
    RosterStore roster(*db);
    ScheduleStore schedule(*db);
    Cycle cycle;
    cycle.name = cycleName;
    cycle.firstDay = QDate::currentDate().addDays(-30);
    cycle.lastDay = QDate::currentDate().addDays(300);
    Group group;
    group.cycleId = need(schedule.addCycle(cycle));
    group.label = groupLabel;
    group.date = QDate::currentDate();
    group.venue = QStringLiteral("County Hall"); // a null venue is refused as NULL by addGroup
    const char* names[] = {"Kent", "Medway", "Surrey", "Slough"};
    for (int i = 0; i < size; ++i) {
        group.members.push_back({need(roster.addAuthority(QString::fromUtf8(names[i]))), 0});
    }
    need(schedule.addGroup(group));
    return db;
}

} // namespace balcony::bench
