#pragma once

#include "support/result.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace balcony {
class Database;
}

// Each group's suggested actions for next year's regional improvement plan, ranked by the group
// (rank 1 first), and the one cycle-wide list they merge into. The merge joins the same suggestion
// made by several groups: equal texts once common words are dropped and words stemmed, or texts whose
// TF-IDF cosine (outcomes/text_similarity.h) reaches the threshold, and whatever the facilitator
// joined by hand; it never joins two the facilitator split. A merged suggestion counts more the more
// groups made it: the list is ordered by the number of groups, then by the sum over those groups of
// 1 / rank (a group's first counts 1, its second 1/2, ...), then alphabetically.
namespace balcony::outcomes {

struct GroupPriority {
    qint64 id = 0;
    qint64 groupId = 0;
    QString groupLabel;
    int rank = 1; // 1 is the group's first
    QString text;
};

// The facilitator's word on two priorities: one suggestion (join) or two (split).
struct PriorityLink {
    qint64 firstId = 0;
    qint64 secondId = 0;
    bool join = true;
};

struct MergedPriority {
    int position = 0;                   // 1 for the first of the cycle-wide list
    QString text;                       // the wording of the best-ranked member
    QStringList groups;                 // the labels of the groups that made it, sorted
    double score = 0;                   // the sum of 1 / rank, one term per group
    std::vector<GroupPriority> members; // best rank first
};

struct MergeOptions {
    double threshold = 0.5; // cosine at which two texts of different groups count as the same
};

// Pure: merges the priorities given with the facilitator's links.
std::vector<MergedPriority> mergePriorities(const std::vector<GroupPriority>& priorities,
                                            const std::vector<PriorityLink>& links,
                                            const MergeOptions& options = {});

// Borrows the Database. Each write commits before it returns; a refusal writes nothing.
class PriorityStore final {
public:
    explicit PriorityStore(Database& db)
        : m_db(db) {}

    // Adds a suggestion at the end of the group's list; returns its id. InvalidInput for empty text.
    Result<qint64> add(qint64 groupId, const QString& text);
    Status edit(qint64 priorityId, const QString& text);
    // Removes one and closes the gap in its group's ranks.
    Status remove(qint64 priorityId);
    // The group's new order: every one of its priorities' ids, first first (ranks 1..n).
    // InvalidInput when the list is not exactly the group's priorities.
    Status reorder(qint64 groupId, const std::vector<qint64>& idsInOrder);

    Result<std::vector<GroupPriority>> ofGroup(qint64 groupId) const;
    Result<std::vector<GroupPriority>> ofCycle(qint64 cycleId) const; // by group label, then rank

    // The facilitator joins two near-duplicates into one suggestion, or splits two apart; either
    // replaces an earlier word on the same pair. InvalidInput for a priority twice or of another cycle.
    Status join(qint64 firstId, qint64 secondId);
    Status split(qint64 firstId, qint64 secondId);
    Result<std::vector<PriorityLink>> links(qint64 cycleId) const;

    Result<std::vector<MergedPriority>> merged(qint64 cycleId, const MergeOptions& options = {}) const;

private:
    Status link(qint64 firstId, qint64 secondId, bool join);

    Database& m_db;
};

} // namespace balcony::outcomes
