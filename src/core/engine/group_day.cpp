#include "engine/group_day.h"

#include "domain/schedule_store.h"
#include "store/database.h"

namespace balcony {

Result<Timetable> plannedTimetable(Database& db, const CycleSchedule& schedule, const Group& group,
                                   std::optional<QTime> startOverride) {
    if (group.members.size() < 2) {
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("Group %1 has %2 LA(s); a day needs at least two.")
                           .arg(group.label)
                           .arg(group.members.size()));
    }
    DayPlanStore plans(db);
    auto groupPlan = plans.groupPlan(group.id);
    if (!groupPlan) {
        return groupPlan.error();
    }
    QString templateId = groupPlan->templateId;
    if (templateId.isEmpty()) {
        templateId = group.members.size() == 4 ? QStringLiteral("quartet") : QStringLiteral("triad");
    }
    auto dayTemplate = plans.findTemplate(templateId);
    if (!dayTemplate) {
        return dayTemplate.error();
    }
    std::vector<TimetableMember> members;
    for (const auto& m : group.members) {
        members.push_back({m.authorityId, schedule.authorityName(m.authorityId), m.leadReviewerId});
    }
    QTime start = group.start.isValid() ? group.start : dayTemplate->start;
    if (startOverride && startOverride->isValid()) {
        start = *startOverride;
    }
    auto timetable = buildTimetable(*dayTemplate, start, members, groupPlan->blocks);
    if (!timetable) {
        return failure(timetable.error().kind,
                       QStringLiteral("Group %1: %2").arg(group.label, timetable.message()));
    }
    return timetable;
}

Result<GroupDay> loadGroupDay(Database& db, const QString& cycleName, const QString& groupLabel,
                              std::optional<QTime> startOverride) {
    ScheduleStore schedule(db);
    auto cycle = schedule.cycleByName(cycleName);
    if (!cycle) {
        return cycle.error();
    }
    auto loaded = schedule.load(cycle->id);
    if (!loaded) {
        return loaded.error();
    }
    const Group* group = nullptr;
    for (const auto& g : loaded->groups) {
        if (g.label.compare(groupLabel, Qt::CaseInsensitive) == 0) {
            group = &g;
        }
    }
    if (!group) {
        QStringList labels;
        for (const auto& g : loaded->groups) {
            labels << g.label;
        }
        labels.sort(Qt::CaseInsensitive);
        return failure(
            Error::Kind::NotFound,
            QStringLiteral("Cycle %1 has no group \"%2\"; its groups are: %3.")
                .arg(cycle->name, groupLabel,
                     labels.isEmpty() ? QStringLiteral("none yet") : labels.join(QStringLiteral(", "))));
    }
    GroupDay day;
    day.cycle = *cycle;
    day.group = *group;
    auto timetable = plannedTimetable(db, *loaded, *group, startOverride);
    if (!timetable) {
        return timetable.error();
    }
    DayPlanStore plans(db);
    auto groupPlan = plans.groupPlan(group->id);
    if (!groupPlan) {
        return groupPlan.error();
    }
    day.groupPlan = *groupPlan;
    auto dayTemplate = plans.findTemplate(timetable->templateId);
    if (!dayTemplate) {
        return dayTemplate.error();
    }
    day.dayTemplate = *dayTemplate;
    day.plan.timetable = std::move(*timetable);
    day.plan.date = group->date;
    return day;
}

} // namespace balcony
