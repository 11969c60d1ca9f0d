#include "outcomes/outcome_fixture.h"

#include "domain/roster_store.h"
#include "domain/schedule_store.h"
#include "notes/note_types.h"
#include "outcomes/asks_offers.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <catch2/catch.hpp>

namespace balcony::test {

QJsonObject asksOffersFixture() {
    QFile file(QStringLiteral(BALCONY_TEST_DATA_DIR "/outcomes/asks_offers.json"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    return QJsonDocument::fromJson(file.readAll()).object();
}

OutcomeRegion::OutcomeRegion() {
    db = fresh.open();
    RosterStore roster(*db);
    ScheduleStore schedule(*db);
    const auto groups = asksOffersFixture().value(QStringLiteral("groups")).toArray();
    for (const auto& g : groups) {
        for (const auto& name : g.toObject().value(QStringLiteral("members")).toArray()) {
            auto added = roster.addAuthority(name.toString());
            REQUIRE(added.ok());
            la[name.toString()] = *added;
        }
    }
    const auto addCycle = [&](const QString& name, int year, std::map<QString, qint64>& ids) {
        Cycle c;
        c.name = name;
        c.firstDay = QDate(year, 9, 1);
        c.lastDay = QDate(year + 1, 7, 31);
        auto id = schedule.addCycle(c);
        REQUIRE(id.ok());
        int day = 0;
        for (const auto& g : groups) {
            Group added;
            added.cycleId = *id;
            added.label = g.toObject().value(QStringLiteral("label")).toString();
            added.date = QDate(year, 11, 2 + day++);
            added.venue = QStringLiteral("County Hall");
            const auto members = g.toObject().value(QStringLiteral("members")).toArray();
            for (qsizetype i = 0; i < members.size(); ++i) {
                added.members.push_back(
                    {la[members[i].toString()], la[members[(i + 1) % members.size()].toString()]});
            }
            auto stored = schedule.addGroup(added);
            INFO((stored.ok() ? QString() : stored.message()).toStdString());
            REQUIRE(stored.ok());
            ids[added.label] = *stored;
        }
        return *id;
    };
    lastCycle = addCycle(QStringLiteral("2025-2026"), 2025, lastGroup);
    cycle = addCycle(QStringLiteral("2026-2027"), 2026, group);
}

std::map<QString, qint64> OutcomeRegion::addFixtureItems() {
    outcomes::AskOfferRegister items(*db, clock);
    std::map<QString, qint64> ids;
    for (const auto& value : asksOffersFixture().value(QStringLiteral("items")).toArray()) {
        const auto item = value.toObject();
        const auto kind = noteKindFromKey(item.value(QStringLiteral("kind")).toString());
        REQUIRE(kind.has_value());
        auto id = items.add(cycle, la.at(item.value(QStringLiteral("la")).toString()), *kind,
                            item.value(QStringLiteral("theme")).toString(),
                            item.value(QStringLiteral("text")).toString());
        REQUIRE(id.ok());
        ids[item.value(QStringLiteral("ref")).toString()] = *id;
    }
    return ids;
}

} // namespace balcony::test
