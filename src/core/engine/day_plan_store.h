#pragma once

#include "engine/day_template.h"
#include "engine/timetable.h"
#include "support/result.h"

#include <QTime>
#include <map>
#include <vector>

namespace balcony {
class Clock;
class Database;

// A group's own version of its day: which template, what start, which blocks changed or pinned.
struct GroupDayPlan {
    QString templateId; // empty: the built-in template for the group's size ("triad", "quartet")
    QTime start;        // the group's own (stored with the group); invalid: the template's start
    std::map<int, BlockOverride> blocks; // by block index in running order
};

// Day templates a region imported, and each group's plan. Writes are one committed transaction each.
class DayPlanStore final {
public:
    explicit DayPlanStore(Database& db)
        : m_db(db) {}

    // Validates the file (see parseDayTemplate) and stores it under its id, replacing an imported one
    // of the same id, stamped with the clock's UTC now. Returns the template. Nothing is stored when
    // the file is refused.
    Result<DayTemplate> importTemplate(const QString& path, const Clock& clock);
    // An imported template by id, else a built-in one; NotFound lists what exists.
    Result<DayTemplate> findTemplate(const QString& id) const;
    Result<QStringList> importedTemplateIds() const;

    Result<GroupDayPlan> groupPlan(qint64 groupId) const; // a default plan when the group has none
    // Sets the template and the group's own start (ScheduleStore::setGroupStart) in one transaction.
    Status setGroupTemplate(qint64 groupId, const QString& templateId, QTime start);
    // minutes 0 restores the template's duration; an invalid pinnedAt unpins.
    Status setBlock(qint64 groupId, int blockIndex, const BlockOverride& change);

private:
    Database& m_db;
};

} // namespace balcony
