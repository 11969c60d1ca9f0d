#include "scheduling/findings.h"

#include <QStringList>
#include <algorithm>

namespace balcony::checks {

Findings::Findings(const CycleSchedule& schedule)
    : m_schedule(schedule) {
    for (const auto& group : schedule.groups) {
        m_ordered.push_back(&group);
    }
    // Stable, so that groups alike in date and label keep the snapshot's order.
    std::stable_sort(m_ordered.begin(), m_ordered.end(), [](const Group* a, const Group* b) {
        if (a->date != b->date) {
            return a->date < b->date;
        }
        return a->label < b->label;
    });
    for (std::size_t i = 0; i < m_ordered.size(); ++i) {
        m_rank[m_ordered[i]] = static_cast<int>(i);
    }
}

void Findings::add(Rule rule, Problem::Severity severity, const Group* group, Problem::Subject subject,
                   qint64 subjectId, QString message) {
    Problem problem;
    problem.severity = severity;
    problem.message = std::move(message);
    problem.subject = subject;
    problem.subjectId = subjectId;
    int rank = -1;
    if (group) {
        problem.groupLabel = group->label;
        auto found = m_rank.find(group);
        rank = found == m_rank.end() ? -1 : found->second;
    }
    m_entries.push_back({rank, rule, std::move(problem)});
}

Problems Findings::sorted() const {
    std::vector<Entry> entries = m_entries;
    std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        if (a.groupRank != b.groupRank) {
            return a.groupRank < b.groupRank;
        }
        return a.rule < b.rule;
    });
    Problems problems;
    problems.reserve(entries.size());
    for (auto& e : entries) {
        problems.push_back(std::move(e.problem));
    }
    return problems;
}

std::vector<qint64> distinctMembers(const Group& group) {
    std::vector<qint64> ids;
    for (const auto& m : group.members) {
        if (std::find(ids.begin(), ids.end(), m.authorityId) == ids.end()) {
            ids.push_back(m.authorityId);
        }
    }
    return ids;
}

QString groupName(const QString& label, bool capital) {
    const QString trimmed = label.trimmed();
    if (trimmed.startsWith(QStringLiteral("group "), Qt::CaseInsensitive)) {
        return capital ? trimmed.left(1).toUpper() + trimmed.mid(1) : trimmed;
    }
    return (capital ? QStringLiteral("Group ") : QStringLiteral("group ")) + trimmed;
}

QString joinNames(const QStringList& names) {
    if (names.size() <= 1) {
        return names.value(0);
    }
    return QStringList(names.mid(0, names.size() - 1)).join(QStringLiteral(", ")) + QStringLiteral(" and ") +
           names.last();
}

} // namespace balcony::checks
