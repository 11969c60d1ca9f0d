#pragma once

#include "domain/roster_store.h"
#include "domain/schedule_store.h"
#include "store/database.h"

#include <QDate>
#include <catch2/catch.hpp>

namespace balcony::test {

// A cycle "2026-2027" with one triad "A" (Kent, Medway, Surrey, presenting in that order) and one
// other group "B" (Brighton and Hove, East Sussex, West Sussex).
struct NoteFixture {
    qint64 cycleId = 0;
    qint64 groupA = 0;
    qint64 groupB = 0;
    qint64 kent = 0;
    qint64 medway = 0;
    qint64 surrey = 0;
    qint64 brighton = 0;
};

inline qint64 addTriad(ScheduleStore& schedule, qint64 cycleId, const QString& label,
                       std::vector<qint64> ids) {
    Group group;
    group.cycleId = cycleId;
    group.label = label;
    group.date = QDate(2026, 11, 23);
    group.venue = QStringLiteral("County Hall"); // a null venue is refused as NULL by addGroup
    for (qint64 id : ids) {
        group.members.push_back({id, 0});
    }
    auto added = schedule.addGroup(group);
    INFO((added.ok() ? QString() : added.message()).toStdString());
    REQUIRE(added.ok());
    return *added;
}

inline NoteFixture makeNoteFixture(Database& db) {
    RosterStore roster(db);
    ScheduleStore schedule(db);
    NoteFixture f;
    auto id = [&](const char* name) {
        auto added = roster.addAuthority(QString::fromUtf8(name));
        REQUIRE(added.ok());
        return *added;
    };
    f.kent = id("Kent");
    f.medway = id("Medway");
    f.surrey = id("Surrey");
    f.brighton = id("Brighton and Hove");
    const qint64 eastSussex = id("East Sussex");
    const qint64 westSussex = id("West Sussex");
    Cycle cycle;
    cycle.name = QStringLiteral("2026-2027");
    cycle.firstDay = QDate(2026, 9, 1);
    cycle.lastDay = QDate(2027, 7, 31);
    auto cycleId = schedule.addCycle(cycle);
    REQUIRE(cycleId.ok());
    f.cycleId = *cycleId;
    f.groupA = addTriad(schedule, f.cycleId, QStringLiteral("A"), {f.kent, f.medway, f.surrey});
    f.groupB = addTriad(schedule, f.cycleId, QStringLiteral("B"), {f.brighton, eastSussex, westSussex});
    return f;
}

} // namespace balcony::test
