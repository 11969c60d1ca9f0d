#pragma once

#include "engine/clock.h"
#include "store/database.h"

#include <QString>
#include <QStringList>
#include <map>
#include <memory>

namespace balcony::test {

// A region for the regional report's tests: eight LAs in two quartets ("North", "South") of cycle
// "2026-2027". Every LA has one captured item of every kind and a session note, each carrying a text
// no other has ("ZqStrengthHartlepool", "ZqSessionHartlepool" ...), focus themes, and a few items are
// marked for the report; one ask is matched with an offer; each group has priorities and plenary
// answers. So a leak of any unmarked text into a report shows.
struct ReportRegion {
    explicit ReportRegion(const QString& path);

    std::unique_ptr<Database> db;
    FakeClock clock{QDateTime(QDate(2026, 11, 30), QTime(12, 0), Qt::UTC)};
    qint64 cycle = 0;
    std::map<QString, qint64> la;
    std::map<QString, qint64> group;
    std::map<QString, qint64> item; // by its distinctive text

    // Every distinctive text, and those marked for the report (which must appear).
    QStringList allDistinctive;
    QStringList marked;

    static QStringList authorities();
};

} // namespace balcony::test
