#include "scheduling/findings.h"

#include <QStringList>
#include <algorithm>

namespace balcony::checks {
namespace {

void checkTwoGroups(Findings& findings) {
    const CycleSchedule& s = findings.schedule();
    std::map<qint64, const Group*> firstGroupOf;
    for (const Group* group : findings.groupsInOrder()) {
        std::vector<qint64> seenHere;
        for (const auto& member : group->members) {
            const qint64 id = member.authorityId;
            if (std::find(seenHere.begin(), seenHere.end(), id) != seenHere.end()) {
                findings.error(Rule::TwoGroups, group, Problem::Subject::Authority, id,
                               QStringLiteral("%1 is listed more than once in %2.")
                                   .arg(s.authorityName(id), groupName(group->label, false)));
                continue;
            }
            seenHere.push_back(id);
            auto [earlier, isFirst] = firstGroupOf.emplace(id, group);
            if (!isFirst) {
                findings.error(Rule::TwoGroups, group, Problem::Subject::Authority, id,
                               QStringLiteral("%1 is in %2 and in %3; an LA takes part in one "
                                              "group per cycle.")
                                   .arg(s.authorityName(id), groupName(earlier->second->label, false),
                                        groupName(group->label, false)));
            }
        }
    }
}

void checkGroupSize(Findings& findings) {
    for (const Group* group : findings.groupsInOrder()) {
        const auto size = distinctMembers(*group).size();
        if (size >= 3 && size <= 4) {
            continue;
        }
        const QString message =
            size < 3 ? QStringLiteral("%1 has %2 LA%3; a group needs 3 (a triad) or 4 (a quartet).")
                           .arg(groupName(group->label, true), QString::number(size),
                                size == 1 ? QString() : QStringLiteral("s"))
                     : QStringLiteral("%1 has %2 LAs; a group has at most 4 (a quartet).")
                           .arg(groupName(group->label, true), QString::number(size));
        findings.error(Rule::GroupSize, group, Problem::Subject::Group, group->id, message);
    }
}

void checkSameAuthorities(Findings& findings) {
    const CycleSchedule& s = findings.schedule();
    const auto& ordered = findings.groupsInOrder();
    for (std::size_t i = 0; i < ordered.size(); ++i) {
        auto members = distinctMembers(*ordered[i]);
        if (members.empty()) {
            continue;
        }
        std::sort(members.begin(), members.end());
        for (std::size_t j = 0; j < i; ++j) {
            auto earlier = distinctMembers(*ordered[j]);
            std::sort(earlier.begin(), earlier.end());
            if (earlier != members) {
                continue;
            }
            QStringList names;
            for (qint64 id : distinctMembers(*ordered[i])) {
                names << s.authorityName(id);
            }
            findings.error(Rule::SameAuthorities, ordered[i], Problem::Subject::Group, ordered[i]->id,
                           QStringLiteral("%1 and %2 have the same LAs (%3).")
                               .arg(groupName(ordered[j]->label, true), groupName(ordered[i]->label, false),
                                    joinNames(names)));
            break;
        }
    }
}

} // namespace

void checkMembership(Findings& findings) {
    const CycleSchedule& s = findings.schedule();
    if (s.groups.empty()) {
        findings.warning(Rule::NoGroups, nullptr, Problem::Subject::Cycle, s.cycle.id,
                         QStringLiteral("Cycle %1 has no groups yet.").arg(s.cycle.name));
    }
    checkTwoGroups(findings);
    checkGroupSize(findings);
    checkSameAuthorities(findings);
}

} // namespace balcony::checks
