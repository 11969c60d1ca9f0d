#include "commands/group_snapshot.h"

#include "domain/schedule_store.h"

#include <algorithm>
#include <map>

namespace balcony::gui {
namespace {

std::vector<qint64> memberIds(const Group& group) {
    std::vector<qint64> ids;
    for (const auto& m : group.members) {
        ids.push_back(m.authorityId);
    }
    return ids;
}

bool contains(const std::vector<qint64>& ids, qint64 id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

} // namespace

Result<GroupSnapshot> captureGroups(Database& db, qint64 cycleId, const QStringList& uids) {
    auto groups = ScheduleStore(db).groups(cycleId);
    if (!groups) {
        return groups.error();
    }
    GroupSnapshot snapshot;
    for (const auto& uid : uids) {
        GroupState state{uid, std::nullopt};
        for (const auto& g : *groups) {
            if (g.uid == uid) {
                state.group = g;
            }
        }
        snapshot.push_back(std::move(state));
    }
    return snapshot;
}

const Group* findGroup(const GroupSnapshot& snapshot, const QString& uid) {
    for (const auto& state : snapshot) {
        if (state.uid == uid && state.group) {
            return &*state.group;
        }
    }
    return nullptr;
}

Status restoreGroups(Database& db, qint64 cycleId, const GroupSnapshot& snapshot) {
    ScheduleStore store(db);
    auto current = store.groups(cycleId);
    if (!current) {
        return current.error();
    }
    std::map<QString, Group> now;
    for (auto& g : *current) {
        now.emplace(g.uid, std::move(g));
    }
    // Order matters: an authority sits in one group per cycle, so every group first lets go of
    // the members it must lose before any group takes on new ones.
    for (const auto& state : snapshot) {
        auto have = now.find(state.uid);
        if (have == now.end()) {
            continue;
        }
        if (!state.group) {
            if (auto removed = store.removeGroup(have->second.id); !removed) {
                return removed;
            }
            continue;
        }
        Group details = *state.group;
        details.id = have->second.id;
        if (auto updated = store.updateGroup(details); !updated) {
            return updated;
        }
        const auto wanted = memberIds(*state.group);
        std::vector<qint64> kept;
        for (qint64 id : memberIds(have->second)) {
            if (contains(wanted, id)) {
                kept.push_back(id);
            }
        }
        if (auto set = store.setMembers(details.id, kept); !set) {
            return set;
        }
    }
    for (const auto& state : snapshot) {
        auto have = now.find(state.uid);
        if (!state.group || have == now.end()) {
            continue;
        }
        if (auto set = store.setMembers(have->second.id, memberIds(*state.group)); !set) {
            return set;
        }
    }
    for (const auto& state : snapshot) {
        if (!state.group) {
            continue;
        }
        auto have = now.find(state.uid);
        if (have == now.end()) {
            Group recreated = *state.group;
            recreated.id = 0;
            if (auto added = store.addGroup(recreated); !added) {
                return added.error();
            }
            continue;
        }
        // Clear first, then set: a ring may swap two reviewers, which never collides this way.
        for (const auto& m : state.group->members) {
            if (auto cleared = store.setLeadReviewer(have->second.id, m.authorityId, 0); !cleared) {
                return cleared;
            }
        }
        for (const auto& m : state.group->members) {
            if (m.leadReviewerId == 0) {
                continue;
            }
            if (auto set = store.setLeadReviewer(have->second.id, m.authorityId, m.leadReviewerId); !set) {
                return set;
            }
        }
    }
    return {};
}

} // namespace balcony::gui
