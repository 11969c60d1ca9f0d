#pragma once

#include "engine/clock.h"
#include "helpers/temp_dir.h"
#include "helpers/test_database.h"
#include "store/database.h"

#include <QJsonObject>
#include <QString>
#include <map>
#include <memory>

namespace balcony::test {

// A region of twelve LAs in three quartets (A, B, C; tests/data/outcomes/asks_offers.json lists
// them), with the same groups in two cycles, "2025-2026" and "2026-2027". In each group every LA
// is reviewed by the next one (the last by the first). The clock stands at 2026-11-30 12:00 UTC.
struct OutcomeRegion {
    TempDir dir;
    FreshDatabase fresh{fixtureEngine()};
    std::unique_ptr<Database> db;
    FakeClock clock{QDateTime(QDate(2026, 11, 30), QTime(12, 0), Qt::UTC)};
    qint64 lastCycle = 0;                // 2025-2026
    qint64 cycle = 0;                    // 2026-2027
    std::map<QString, qint64> la;        // by name
    std::map<QString, qint64> group;     // 2026-2027 groups by label
    std::map<QString, qint64> lastGroup; // 2025-2026 groups by label

    OutcomeRegion();
    // Adds the fixture's asks and offers to 2026-2027; returns their item ids by "ref" (A01, O01...).
    std::map<QString, qint64> addFixtureItems();
};

QJsonObject asksOffersFixture();

} // namespace balcony::test
