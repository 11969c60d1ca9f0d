#include "outcomes/priorities.h"

#include "engine/clock.h"
#include "outcomes/text_similarity.h"
#include "store/database.h"
#include "store/row_version.h"
#include "store/sql.h"
#include "store/transaction.h"

#include <QLocale>
#include <QSet>
#include <algorithm>
#include <map>
#include <numeric>
#include <set>

namespace balcony::outcomes {
namespace {

// Union-find over indices, with the facilitator's splits kept apart.
class Clusters {
public:
    explicit Clusters(std::size_t n)
        : m_parent(n) {
        std::iota(m_parent.begin(), m_parent.end(), std::size_t{0});
    }
    std::size_t find(std::size_t i) {
        while (m_parent[i] != i) {
            m_parent[i] = m_parent[m_parent[i]];
            i = m_parent[i];
        }
        return i;
    }
    void unite(std::size_t a, std::size_t b) { m_parent[find(a)] = find(b); }

private:
    std::vector<std::size_t> m_parent;
};

QDateTime utcFrom(const QVariant& value) {
    if (value.isNull()) {
        return {};
    }
    QDateTime at = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    at.setTimeSpec(Qt::UTC);
    return at;
}

GroupPriority priorityFrom(const QSqlQuery& q) {
    GroupPriority p;
    p.id = q.value(0).toLongLong();
    p.groupId = q.value(1).toLongLong();
    p.groupLabel = q.value(2).toString();
    p.rank = q.value(3).toInt();
    p.text = q.value(4).toString();
    p.rowVersion = q.value(5).toInt();
    p.changedBy = q.value(6).toString();
    p.changedAtUtc = utcFrom(q.value(7));
    return p;
}

constexpr char priorityColumns[] =
    "SELECT p.id, p.group_id, g.label, p.rank, p.body, p.row_version, p.changed_by, p.changed_at_utc "
    "FROM group_priority p JOIN review_group g ON g.id = p.group_id ";

// Reads the rows of a query of priorityColumns, each with its group's list version.
std::vector<GroupPriority> prioritiesFrom(QSqlQuery& rows) {
    std::vector<GroupPriority> out;
    std::map<qint64, int> sums;
    while (rows.next()) {
        out.push_back(priorityFrom(rows));
        sums[out.back().groupId] += out.back().rowVersion;
    }
    for (auto& p : out) {
        p.listVersion = sums[p.groupId];
    }
    return out;
}

QString stampNow(const Clock& clock) {
    return clock.utcNow().toUTC().toString(Qt::ISODateWithMs);
}

// The refusal of a new order made from a stale list: who changed the group's list last, and when.
Error listChanged(Database& db, qint64 groupId) {
    QString label;
    if (auto group = sql::run(db, QStringLiteral("SELECT label FROM review_group WHERE id = ?"), {groupId});
        group && group->next()) {
        label = group->value(0).toString();
    }
    QString who = QStringLiteral("someone else");
    QString when;
    auto latest = sql::run(db,
                           QStringLiteral("SELECT changed_by, changed_at_utc FROM group_priority "
                                          "WHERE group_id = ? AND changed_at_utc IS NOT NULL "
                                          "ORDER BY changed_at_utc DESC LIMIT 1"),
                           {groupId});
    if (latest && latest->next()) {
        if (!latest->value(0).toString().isEmpty()) {
            who = latest->value(0).toString();
        }
        when = QStringLiteral(" at %1").arg(
            QLocale::c().toString(utcFrom(latest->value(1)).toLocalTime(), QStringLiteral("HH:mm")));
    }
    return failure(Error::Kind::Changed,
                   QStringLiteral("The priorities of group %1 were changed by %2%3 after you opened them, "
                                  "so your new order was not saved and nothing was overwritten. Reload to "
                                  "see their change, then put the priorities in order again.")
                       .arg(label, who, when));
}

} // namespace

int listVersion(const std::vector<GroupPriority>& groupPriorities) {
    int sum = 0;
    for (const auto& p : groupPriorities) {
        sum += p.rowVersion;
    }
    return sum;
}

std::vector<MergedPriority> mergePriorities(const std::vector<GroupPriority>& priorities,
                                            const std::vector<PriorityLink>& links,
                                            const MergeOptions& options) {
    const std::size_t n = priorities.size();
    std::map<qint64, std::size_t> indexOf;
    std::vector<QString> texts;
    for (std::size_t i = 0; i < n; ++i) {
        indexOf[priorities[i].id] = i;
        texts.push_back(priorities[i].text);
    }
    std::set<std::pair<std::size_t, std::size_t>> splits;
    Clusters clusters(n);
    for (const auto& link : links) {
        const auto a = indexOf.find(link.firstId);
        const auto b = indexOf.find(link.secondId);
        if (a == indexOf.end() || b == indexOf.end()) {
            continue;
        }
        if (link.join) {
            clusters.unite(a->second, b->second);
        } else {
            splits.insert(std::minmax(a->second, b->second));
        }
    }
    // Candidate pairs from different groups, most alike first, so that a split keeps the closer pair.
    const text::TfIdf vectors(texts);
    std::vector<QString> normal;
    for (const auto& text : texts) {
        normal.push_back(text::normalised(text));
    }
    struct Candidate {
        double similarity;
        std::size_t a;
        std::size_t b;
    };
    std::vector<Candidate> candidates;
    for (std::size_t a = 0; a < n; ++a) {
        for (std::size_t b = a + 1; b < n; ++b) {
            if (priorities[a].groupId == priorities[b].groupId) {
                continue;
            }
            const double similarity =
                (!normal[a].isEmpty() && normal[a] == normal[b]) ? 1.0 : vectors.cosine(a, b);
            if (similarity >= options.threshold) {
                candidates.push_back({similarity, a, b});
            }
        }
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate& l, const Candidate& r) { return l.similarity > r.similarity; });
    for (const auto& c : candidates) {
        const std::size_t ra = clusters.find(c.a);
        const std::size_t rb = clusters.find(c.b);
        if (ra == rb) {
            continue;
        }
        bool kept = false;
        for (const auto& [x, y] : splits) {
            const std::size_t rx = clusters.find(x);
            const std::size_t ry = clusters.find(y);
            if ((rx == ra && ry == rb) || (rx == rb && ry == ra)) {
                kept = true;
                break;
            }
        }
        if (!kept) {
            clusters.unite(c.a, c.b);
        }
    }

    std::map<std::size_t, MergedPriority> byRoot;
    for (std::size_t i = 0; i < n; ++i) {
        byRoot[clusters.find(i)].members.push_back(priorities[i]);
    }
    std::vector<MergedPriority> merged;
    for (auto& [root, entry] : byRoot) {
        std::sort(entry.members.begin(), entry.members.end(),
                  [](const GroupPriority& l, const GroupPriority& r) {
                      return l.rank != r.rank ? l.rank < r.rank : l.id < r.id;
                  });
        entry.text = entry.members.front().text;
        std::map<qint64, int> bestRank; // per group: a group's word counts once
        std::map<qint64, QString> labels;
        for (const auto& member : entry.members) {
            auto [it, inserted] = bestRank.emplace(member.groupId, member.rank);
            if (!inserted) {
                it->second = std::min(it->second, member.rank);
            }
            labels[member.groupId] = member.groupLabel;
        }
        for (const auto& [group, rank] : bestRank) {
            entry.score += 1.0 / rank;
            entry.groups << labels[group];
        }
        entry.groups.sort();
        merged.push_back(std::move(entry));
    }
    std::sort(merged.begin(), merged.end(), [](const MergedPriority& l, const MergedPriority& r) {
        if (l.groups.size() != r.groups.size()) {
            return l.groups.size() > r.groups.size();
        }
        if (l.score != r.score) {
            return l.score > r.score;
        }
        return l.text.localeAwareCompare(r.text) < 0;
    });
    for (std::size_t i = 0; i < merged.size(); ++i) {
        merged[i].position = static_cast<int>(i) + 1;
    }
    return merged;
}

Status PriorityStore::needsClock(const QString& what) const {
    if (m_clock != nullptr) {
        return {};
    }
    return failure(
        Error::Kind::Failed,
        QStringLiteral("%1 was not saved: this priority list was opened for reading only.").arg(what));
}

Result<qint64> PriorityStore::add(qint64 groupId, const QString& text) {
    if (text.trimmed().isEmpty()) {
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("A priority needs some text; nothing was added."));
    }
    if (auto clock = needsClock(QStringLiteral("The priority")); !clock) {
        return clock.error();
    }
    auto added = sql::run(
        m_db,
        QStringLiteral(
            "INSERT INTO group_priority(group_id, rank, body, row_version, changed_by, changed_at_utc) "
            "SELECT ?, coalesce(max(rank), 0) + 1, ?, 1, ?, ? FROM group_priority WHERE group_id = ? "
            "RETURNING id"),
        {groupId, text.trimmed(), m_db.userName(), stampNow(*m_clock), groupId});
    if (!added) {
        if (added.error().kind == Error::Kind::Conflict) {
            return failure(
                Error::Kind::NotFound,
                QStringLiteral("There is no group %1, so the priority was not added.").arg(groupId));
        }
        return added.error();
    }
    if (!added->next()) {
        return failure(Error::Kind::Failed, QStringLiteral("The priority was not added."));
    }
    return added->value(0).toLongLong();
}

Result<GroupPriority> PriorityStore::one(qint64 priorityId) const {
    auto rows =
        sql::run(m_db, QLatin1String(priorityColumns) + QStringLiteral("WHERE p.id = ?"), {priorityId});
    if (!rows) {
        return rows.error();
    }
    if (!rows->next()) {
        return failure(Error::Kind::NotFound, QStringLiteral("There is no priority %1.").arg(priorityId));
    }
    return priorityFrom(*rows);
}

Result<int> PriorityStore::claim(const GroupPriority& priority, std::optional<int> basedOnVersion) {
    return rowversion::claim(
        m_db, *m_clock, QStringLiteral("group_priority"), priority.id, basedOnVersion,
        QStringLiteral("Priority %1 of group %2").arg(priority.id).arg(priority.groupLabel));
}

Status PriorityStore::edit(qint64 priorityId, const QString& text, std::optional<int> basedOnVersion) {
    if (text.trimmed().isEmpty()) {
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("A priority needs some text; nothing was changed."));
    }
    if (auto clock = needsClock(QStringLiteral("The change")); !clock) {
        return clock;
    }
    Transaction tx(m_db);
    if (!tx.isActive()) {
        return tx.error();
    }
    auto current = one(priorityId);
    if (!current) {
        return current.error();
    }
    if (auto claimed = claim(*current, basedOnVersion); !claimed) {
        return claimed.error();
    }
    if (auto updated = sql::run(m_db, QStringLiteral("UPDATE group_priority SET body = ? WHERE id = ?"),
                                {text.trimmed(), priorityId});
        !updated) {
        return updated.error();
    }
    return tx.commit();
}

Status PriorityStore::remove(qint64 priorityId, std::optional<int> basedOnVersion) {
    if (auto clock = needsClock(QStringLiteral("The removal")); !clock) {
        return clock;
    }
    Transaction tx(m_db);
    if (!tx.isActive()) {
        return tx.error();
    }
    auto current = one(priorityId);
    if (!current) {
        return current.error();
    }
    // Claimed first, so that removing a priority someone changed since is refused like an edit.
    if (auto claimed = claim(*current, basedOnVersion); !claimed) {
        return claimed.error();
    }
    if (auto removed =
            sql::run(m_db, QStringLiteral("DELETE FROM group_priority WHERE id = ?"), {priorityId});
        !removed) {
        return removed.error();
    }
    if (auto closed = sql::run(m_db,
                               QStringLiteral("UPDATE group_priority SET rank = rank - 1, "
                                              "row_version = row_version + 1, changed_by = ?, "
                                              "changed_at_utc = ? WHERE group_id = ? AND rank > ?"),
                               {m_db.userName(), stampNow(*m_clock), current->groupId, current->rank});
        !closed) {
        return closed.error();
    }
    return tx.commit();
}

Status PriorityStore::reorder(qint64 groupId, const std::vector<qint64>& idsInOrder,
                              std::optional<int> basedOnListVersion) {
    if (auto clock = needsClock(QStringLiteral("The new order")); !clock) {
        return clock;
    }
    Transaction tx(m_db);
    if (!tx.isActive()) {
        return tx.error();
    }
    auto current = ofGroup(groupId);
    if (!current) {
        return current.error();
    }
    if (basedOnListVersion && listVersion(*current) != *basedOnListVersion) {
        return listChanged(m_db, groupId);
    }
    std::map<qint64, GroupPriority> have;
    for (const auto& p : *current) {
        have.emplace(p.id, p);
    }
    const std::set<qint64> given(idsInOrder.begin(), idsInOrder.end());
    const bool allThere =
        std::all_of(given.begin(), given.end(), [&](qint64 id) { return have.count(id) == 1; });
    // An order made from a list that had a priority removed since: the list changed, not a mistake.
    if (basedOnListVersion && !allThere) {
        return listChanged(m_db, groupId);
    }
    if (given.size() != idsInOrder.size() || given.size() != have.size() || !allThere) {
        return failure(
            Error::Kind::InvalidInput,
            QStringLiteral(
                "A new order must list each of the group's %1 priorities once. Nothing was changed.")
                .arg(have.size()));
    }
    const QString now = stampNow(*m_clock);
    int rank = 1;
    for (qint64 id : idsInOrder) {
        const GroupPriority& was = have.at(id);
        if (was.rank == rank) {
            ++rank;
            continue;
        }
        // Only if the row is still as read: another program's change committed after the read above
        // (on a server) refuses this order instead of being overwritten by it.
        auto set =
            sql::run(m_db,
                     QStringLiteral("UPDATE group_priority SET rank = ?, row_version = row_version + 1, "
                                    "changed_by = ?, changed_at_utc = ? WHERE id = ? AND row_version = ? "
                                    "RETURNING id"),
                     {rank++, m_db.userName(), now, id, was.rowVersion});
        if (!set) {
            return set.error();
        }
        if (!set->next()) {
            set->finish();
            return listChanged(m_db, groupId);
        }
    }
    return tx.commit();
}

Result<std::vector<GroupPriority>> PriorityStore::ofGroup(qint64 groupId) const {
    auto rows = sql::run(
        m_db, QLatin1String(priorityColumns) + QStringLiteral("WHERE p.group_id = ? ORDER BY p.rank, p.id"),
        {groupId});
    if (!rows) {
        return rows.error();
    }
    return prioritiesFrom(*rows);
}

Result<std::vector<GroupPriority>> PriorityStore::ofCycle(qint64 cycleId) const {
    auto rows = sql::run(m_db,
                         QLatin1String(priorityColumns) +
                             QStringLiteral("WHERE g.cycle_id = ? ORDER BY g.label, p.rank, p.id"),
                         {cycleId});
    if (!rows) {
        return rows.error();
    }
    return prioritiesFrom(*rows);
}

Status PriorityStore::join(qint64 firstId, qint64 secondId) {
    return link(firstId, secondId, true);
}

Status PriorityStore::split(qint64 firstId, qint64 secondId) {
    return link(firstId, secondId, false);
}

Status PriorityStore::link(qint64 firstId, qint64 secondId, bool join) {
    if (firstId == secondId) {
        return failure(
            Error::Kind::InvalidInput,
            QStringLiteral("Choose two different priorities to join or split. Nothing was changed."));
    }
    auto cycles = sql::run(m_db,
                           QStringLiteral("SELECT count(*), count(DISTINCT g.cycle_id) FROM group_priority p "
                                          "JOIN review_group g ON g.id = p.group_id WHERE p.id IN (?, ?)"),
                           {firstId, secondId});
    if (!cycles) {
        return cycles.error();
    }
    if (!cycles->next() || cycles->value(0).toInt() != 2) {
        return failure(Error::Kind::NotFound,
                       QStringLiteral("Priority %1 or %2 does not exist. Nothing was changed.")
                           .arg(firstId)
                           .arg(secondId));
    }
    if (cycles->value(1).toInt() != 1) {
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("Priorities %1 and %2 belong to different cycles. Nothing was changed.")
                           .arg(firstId)
                           .arg(secondId));
    }
    cycles->finish();
    const auto [low, high] = std::minmax(firstId, secondId);
    auto saved = sql::run(
        m_db,
        QStringLiteral("INSERT INTO priority_link(first_id, second_id, decision) VALUES (?, ?, ?) "
                       "ON CONFLICT (first_id, second_id) DO UPDATE SET decision = excluded.decision"),
        {low, high, join ? QStringLiteral("join") : QStringLiteral("split")});
    return saved ? Status{} : Status{saved.error()};
}

Result<std::vector<PriorityLink>> PriorityStore::links(qint64 cycleId) const {
    auto rows = sql::run(m_db,
                         QStringLiteral("SELECT l.first_id, l.second_id, l.decision FROM priority_link l "
                                        "JOIN group_priority p ON p.id = l.first_id "
                                        "JOIN review_group g ON g.id = p.group_id WHERE g.cycle_id = ?"),
                         {cycleId});
    if (!rows) {
        return rows.error();
    }
    std::vector<PriorityLink> out;
    while (rows->next()) {
        out.push_back(
            {rows->value(0).toLongLong(), rows->value(1).toLongLong(), rows->value(2).toString() == u"join"});
    }
    return out;
}

Result<std::vector<MergedPriority>> PriorityStore::merged(qint64 cycleId, const MergeOptions& options) const {
    auto priorities = ofCycle(cycleId);
    if (!priorities) {
        return priorities.error();
    }
    auto decided = links(cycleId);
    if (!decided) {
        return decided.error();
    }
    return mergePriorities(*priorities, *decided, options);
}

} // namespace balcony::outcomes
