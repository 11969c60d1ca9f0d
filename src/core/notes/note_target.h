#pragma once

#include "support/result.h"

#include <QString>

namespace balcony {
class Database;

// Where a note goes, found from the names a user types: a cycle, a group label and (optionally)
// an LA, which must be a member of that group.
struct NoteTarget {
    qint64 cycleId = 0;
    qint64 groupId = 0;
    qint64 authorityId = 0; // 0 when no LA was named
    QString groupLabel;
    QString authorityName;
};

// NotFound names the cycle or group that does not exist; InvalidInput names an LA that is not a
// member of the group (and lists the members). Reads only.
Result<NoteTarget> findNoteTarget(Database& db, const QString& cycleName, const QString& groupLabel,
                                  const QString& authorityName = {});

} // namespace balcony
