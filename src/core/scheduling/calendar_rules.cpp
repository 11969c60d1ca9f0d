#include "scheduling/findings.h"

namespace balcony::checks {
namespace {

void checkDates(Findings& findings) {
    const Cycle& cycle = findings.schedule().cycle;
    for (const Group* group : findings.groupsInOrder()) {
        if (!group->date.isValid()) {
            findings.error(Rule::DateOutsideCycle, group, Problem::Subject::Group, group->id,
                           QStringLiteral("%1 has no date.").arg(groupName(group->label, true)));
        } else if (!cycle.contains(group->date)) {
            findings.error(Rule::DateOutsideCycle, group, Problem::Subject::Group, group->id,
                           QStringLiteral("%1 meets on %2, outside cycle %3 (%4 to %5).")
                               .arg(groupName(group->label, true), dayText(group->date), cycle.name,
                                    dayText(cycle.firstDay), dayText(cycle.lastDay)));
        }
    }
}

void checkFacilitators(Findings& findings) {
    const CycleSchedule& s = findings.schedule();
    // (facilitator, day) -> the first group booked for it, in group order.
    std::map<std::pair<qint64, QDate>, const Group*> booked;
    for (const Group* group : findings.groupsInOrder()) {
        if (group->facilitatorId == 0) {
            findings.warning(Rule::NoFacilitator, group, Problem::Subject::Group, group->id,
                             QStringLiteral("%1 has no facilitator yet.").arg(groupName(group->label, true)));
            continue;
        }
        if (!group->date.isValid()) {
            continue;
        }
        auto [first, isFirst] = booked.emplace(std::pair{group->facilitatorId, group->date}, group);
        if (!isFirst) {
            QString name = s.personName(group->facilitatorId);
            if (name.isEmpty()) {
                name = QStringLiteral("The facilitator");
            }
            findings.error(Rule::FacilitatorTwiceOnDay, group, Problem::Subject::Person, group->facilitatorId,
                           QStringLiteral("%1 is booked to facilitate %2 and %3 on the same day, "
                                          "%4.")
                               .arg(name, groupName(first->second->label, false),
                                    groupName(group->label, false), dayText(group->date)));
        }
    }
}

void checkVenues(Findings& findings) {
    for (const Group* group : findings.groupsInOrder()) {
        if (group->mode == Mode::InPerson && group->venue.trimmed().isEmpty()) {
            findings.warning(Rule::NoVenue, group, Problem::Subject::Group, group->id,
                             QStringLiteral("%1 meets in person but has no venue yet.")
                                 .arg(groupName(group->label, true)));
        }
    }
}

} // namespace

void checkCalendar(Findings& findings) {
    checkDates(findings);
    checkFacilitators(findings);
    checkVenues(findings);
}

} // namespace balcony::checks
