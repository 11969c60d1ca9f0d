#include "schedule_builder.h"

namespace balcony::test {

ScheduleBuilder::ScheduleBuilder() {
    schedule.cycle.id = 1;
    schedule.cycle.name = QStringLiteral("2022-2023");
    schedule.cycle.firstDay = QDate(2022, 4, 1);
    schedule.cycle.lastDay = QDate(2023, 3, 31);
}

qint64 ScheduleBuilder::authority(const QString& name) {
    const qint64 id = m_nextId++;
    schedule.authorities[id] = LocalAuthority{id, name};
    Person dcs;
    dcs.id = m_nextId++;
    dcs.name = QStringLiteral("DCS of ") + name;
    dcs.role = Role::Dcs;
    dcs.authorityId = id;
    schedule.people[dcs.id] = dcs;
    return id;
}

std::size_t ScheduleBuilder::group(const QString& label, const std::vector<qint64>& members,
                                   const QDate& date) {
    Person facilitator;
    facilitator.id = m_nextId++;
    facilitator.name = QStringLiteral("Facilitator of ") + label;
    facilitator.role = Role::Facilitator;
    schedule.people[facilitator.id] = facilitator;

    Group g;
    g.id = m_nextId++;
    g.cycleId = schedule.cycle.id;
    g.label = label;
    g.date = date;
    g.venue = QStringLiteral("County Hall");
    g.facilitatorId = facilitator.id;
    for (qint64 id : members) {
        g.members.push_back({id, 0});
        SelfAssessment sa;
        sa.cycleId = schedule.cycle.id;
        sa.authorityId = id;
        sa.status = SaStatus::Distributed;
        schedule.selfAssessments[id] = sa;
    }
    schedule.groups.push_back(g);
    return schedule.groups.size() - 1;
}

void ScheduleBuilder::review(std::size_t index, qint64 reviewee, qint64 reviewer) {
    for (auto& m : at(index).members) {
        if (m.authorityId == reviewee) {
            m.leadReviewerId = reviewer;
            return;
        }
    }
}

void ScheduleBuilder::ring(std::size_t index, const std::vector<qint64>& order) {
    for (std::size_t i = 0; i < order.size(); ++i) {
        review(index, order[(i + 1) % order.size()], order[i]);
    }
}

void ScheduleBuilder::pastPost(qint64 dcsAuthority, qint64 pastAuthority, bool interim) {
    for (auto& [id, person] : schedule.people) {
        if (person.role == Role::Dcs && person.authorityId == dcsAuthority) {
            PastPost post;
            post.authorityId = pastAuthority;
            post.interim = interim;
            post.title = interim ? QStringLiteral("interim DCS") : QString();
            person.pastPosts.push_back(post);
        }
    }
}

} // namespace balcony::test
