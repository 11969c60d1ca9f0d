#pragma once

#include "domain/types.h"
#include "support/result.h"

#include <vector>

namespace balcony {
class Database;

// Cycles, their groups, members in presenting order and lead-reviewer assignments.
// The schema refuses what must never be stored (an LA twice in a cycle, a reviewer from another
// group, an LA reviewing itself); those refusals come back as Error::Kind::Conflict.
class ScheduleStore final {
public:
    explicit ScheduleStore(Database& db)
        : m_db(db) {}

    Result<std::vector<Cycle>> cycles() const;            // by first day
    Result<Cycle> cycleByName(const QString& name) const; // NotFound names the cycle
    Result<Cycle> cycleById(qint64 id) const;
    Result<qint64> addCycle(const Cycle& cycle);
    Status updateCycle(const Cycle& cycle); // name, window, due-date settings and organiser
    Status removeCycle(qint64 id);
    // The latest cycle that starts before this one, if any.
    Result<std::optional<Cycle>> previousCycle(const Cycle& cycle) const;

    Result<std::vector<Group>> groups(qint64 cycleId) const; // by label, members in order
    Result<qint64> addGroup(const Group& group);             // with its members and assignments
    Status updateGroup(const Group& group);                  // label, date, mode, venue, facilitator
    // The group's own start time, which every timetable, invitation and printed schedule of its day
    // uses; an invalid time returns the group to its day template's start. NotFound for no group.
    Status setGroupStart(qint64 groupId, const QTime& start);
    Status removeGroup(qint64 groupId);
    Status setMembers(qint64 groupId, const std::vector<qint64>& authorityIdsInOrder);
    Status moveMember(qint64 authorityId, qint64 fromGroupId, qint64 toGroupId);
    Status setLeadReviewer(qint64 groupId, qint64 revieweeId, qint64 reviewerId); // 0 clears

    // Everything the rules need for one cycle.
    Result<CycleSchedule> load(qint64 cycleId) const;

private:
    Database& m_db;
};

} // namespace balcony
