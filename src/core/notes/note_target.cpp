#include "notes/note_target.h"

#include "domain/authority_name.h"
#include "domain/roster_store.h"
#include "domain/schedule_store.h"

#include <QStringList>

namespace balcony {

Result<NoteTarget> findNoteTarget(Database& db, const QString& cycleName, const QString& groupLabel,
                                  const QString& authorityName) {
    ScheduleStore schedule(db);
    auto cycle = schedule.cycleByName(cycleName);
    if (!cycle) {
        return cycle.error();
    }
    auto groups = schedule.groups(cycle->id);
    if (!groups) {
        return groups.error();
    }
    const Group* group = nullptr;
    QStringList labels;
    for (const auto& g : *groups) {
        labels << g.label;
        if (g.label.compare(groupLabel.trimmed(), Qt::CaseInsensitive) == 0) {
            group = &g;
        }
    }
    if (!group) {
        return failure(Error::Kind::NotFound, QStringLiteral("Cycle %1 has no group \"%2\" (its groups: %3).")
                                                  .arg(cycle->name, groupLabel,
                                                       labels.isEmpty() ? QStringLiteral("none yet")
                                                                        : labels.join(QStringLiteral(", "))));
    }
    NoteTarget target{cycle->id, group->id, 0, group->label, {}};
    if (authorityName.trimmed().isEmpty()) {
        return target;
    }
    RosterStore roster(db);
    auto authorities = roster.authorities();
    if (!authorities) {
        return authorities.error();
    }
    const QString wanted = authorityKey(authorityName);
    QStringList members;
    for (const auto& m : group->members) {
        for (const auto& a : *authorities) {
            if (a.id != m.authorityId) {
                continue;
            }
            members << a.name;
            if (authorityKey(a.name) == wanted) {
                target.authorityId = a.id;
                target.authorityName = a.name;
            }
        }
    }
    if (target.authorityId == 0) {
        return failure(
            Error::Kind::InvalidInput,
            QStringLiteral("\"%1\" is not a member of group %2 (its members: %3).")
                .arg(authorityName, group->label,
                     members.isEmpty() ? QStringLiteral("none yet") : members.join(QStringLiteral(", "))));
    }
    return target;
}

} // namespace balcony
