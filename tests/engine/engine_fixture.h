#pragma once

#include "engine/clock.h"
#include "engine/day_engine.h"
#include "engine/group_day.h"
#include "helpers/temp_dir.h"
#include "store/database.h"

#include <QDateTime>
#include <QStringList>
#include <memory>

namespace balcony::test {

// A region database with one cycle ("2022-2023") and one group ("A") of the given LAs in presenting
// order. Each LA's lead reviewer is the LA after it (the last is reviewed by the first), so the
// assignments form a single cycle through the group, as in the real tables.
struct EngineRegion {
    TempDir dir;
    std::unique_ptr<Database> db;
    qint64 groupId = 0;
    QStringList las;

    explicit EngineRegion(const QStringList& authorities);
    QString databasePath() const { return dir.path(QStringLiteral("region.balcony")); }
    GroupDay day(); // loads the group's day with the plan's zone set to UTC
    void reopen();  // closes and opens the file again, as a restarted program would
};

QStringList triadNames();   // Slough, Reading, Bracknell Forest
QStringList quartetNames(); // ... plus Wokingham

// 2023-01-18 at the given UTC clock time.
QDateTime dayAt(int hour, int minute, int second = 0);

QString dataFile(const QString& name);

} // namespace balcony::test
