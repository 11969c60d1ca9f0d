#include "commands/move_authority_to_group.h"

#include "domain/schedule_store.h"

#include <algorithm>

namespace balcony::gui {
namespace {

QStringList nonEmpty(const QString& a, const QString& b) {
    QStringList uids;
    for (const auto& uid : {a, b}) {
        if (!uid.isEmpty()) {
            uids << uid;
        }
    }
    return uids;
}

} // namespace

MoveAuthorityToGroup::MoveAuthorityToGroup(RegionDocument& document, qint64 cycleId, qint64 authorityId,
                                           const QString& authorityName, const QString& fromUid,
                                           const QString& toUid, const QString& toLabel, int position)
    : ScheduleEdit(document, cycleId, nonEmpty(fromUid, toUid),
                   toUid.isEmpty() ? tr("Take %1 out of its group").arg(authorityName)
                                   : tr("Move %1 to %2").arg(authorityName, toLabel))
    , m_authorityId(authorityId)
    , m_fromUid(fromUid)
    , m_toUid(toUid)
    , m_position(position) {}

Status MoveAuthorityToGroup::perform(ScheduleStore& store, const GroupSnapshot& before) {
    const Group* from = m_fromUid.isEmpty() ? nullptr : findGroup(before, m_fromUid);
    const Group* to = m_toUid.isEmpty() ? nullptr : findGroup(before, m_toUid);
    if ((!m_fromUid.isEmpty() && !from) || (!m_toUid.isEmpty() && !to)) {
        return failure(Error::Kind::NotFound,
                       tr("The group no longer exists; the board has been refreshed."));
    }
    if (from == to) {
        return failure(Error::Kind::InvalidInput, tr("The authority is already in that group."));
    }
    if (from) {
        std::vector<qint64> left;
        for (const auto& m : from->members) {
            if (m.authorityId != m_authorityId) {
                left.push_back(m.authorityId);
            }
        }
        if (auto set = store.setMembers(from->id, left); !set) {
            return set;
        }
    }
    if (!to) {
        return {};
    }
    std::vector<qint64> joined;
    for (const auto& m : to->members) {
        joined.push_back(m.authorityId);
    }
    const auto at =
        m_position < 0 || m_position > int(joined.size()) ? joined.end() : joined.begin() + m_position;
    joined.insert(at, m_authorityId);
    return store.setMembers(to->id, joined);
}

} // namespace balcony::gui
