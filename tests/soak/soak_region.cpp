#include "crash_soak.h"
#include "domain/roster_store.h"
#include "domain/schedule_store.h"

#include <QDate>

namespace balcony::soak {

QString soakText(const QString& tag) {
    const int filler = static_cast<int>(qHash(tag) % 400);
    return QStringLiteral("soak revision %1 ").arg(tag) + QString(filler, u'x');
}

bool createRegion(const QString& path, QString& error) {
    auto db = Database::open(path, {.create = true});
    if (!db) {
        error = db.message();
        return false;
    }
    RosterStore roster(**db);
    ScheduleStore schedule(**db);
    Group group;
    group.label = groupLabel;
    group.date = QDate::currentDate();
    group.venue = QStringLiteral("County Hall"); // a null venue is refused as NULL by addGroup
    for (const char* name : {"Kent", "Medway", "Surrey"}) {
        auto id = roster.addAuthority(QString::fromUtf8(name));
        if (!id) {
            error = id.message();
            return false;
        }
        group.members.push_back({*id, 0});
    }
    Cycle cycle;
    cycle.name = cycleName;
    cycle.firstDay = QDate::currentDate().addDays(-30);
    cycle.lastDay = QDate::currentDate().addDays(300);
    auto cycleId = schedule.addCycle(cycle);
    if (!cycleId) {
        error = cycleId.message();
        return false;
    }
    group.cycleId = *cycleId;
    auto groupId = schedule.addGroup(group);
    if (!groupId) {
        error = groupId.message();
        return false;
    }
    return true;
}

} // namespace balcony::soak
