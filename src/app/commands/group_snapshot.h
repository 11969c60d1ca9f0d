#pragma once

#include "domain/types.h"
#include "support/result.h"

#include <QStringList>
#include <optional>
#include <vector>

namespace balcony {
class Database;
}

namespace balcony::gui {

// The state of some groups of one cycle, keyed by calendar UID: unlike the row id, the UID
// survives a group being dissolved and created again by undo and redo.
struct GroupState {
    QString uid;
    std::optional<Group> group; // nullopt: no such group exists
};
using GroupSnapshot = std::vector<GroupState>;

// The groups with these UIDs as stored now; a UID that no group has is captured as absent.
Result<GroupSnapshot> captureGroups(Database& db, qint64 cycleId, const QStringList& uids);

// Rewrites the groups to the snapshot (details, members in order, lead reviewers; creates and
// removes groups) through ScheduleStore calls only. Call it inside a Transaction: on failure it
// stops at once and the caller's rollback undoes the partial writes.
Status restoreGroups(Database& db, qint64 cycleId, const GroupSnapshot& snapshot);

// The group with this UID in a snapshot, or nullptr.
const Group* findGroup(const GroupSnapshot& snapshot, const QString& uid);

} // namespace balcony::gui
