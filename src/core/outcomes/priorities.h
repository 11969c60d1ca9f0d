#pragma once

#include "support/result.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace balcony {
class Clock;
class Database;
} // namespace balcony

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
    // Raised by one with every change to this priority: its text, its rank (a new order, or the gap
    // a removal closes) and its adding (store/row_version.h, migration 16); 0 for one never changed
    // since. Who made the last change (Database::userName()) and when (invalid: never).
    int rowVersion = 0;
    QString changedBy{};
    QDateTime changedAtUtc{};
    // The version of the group's whole list as read with it: the sum of its priorities' row versions
    // (listVersion below). What a new order is based on.
    int listVersion = 0;
};

// The version of a group's list: the sum of its priorities' row versions. Every change to one of
// them raises it, so for the same priorities an equal sum means nothing changed; a list that lost or
// gained priorities is told apart by its ids (PriorityStore::reorder checks both).
int listVersion(const std::vector<GroupPriority>& groupPriorities);

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

// Borrows the Database and the Clock, which must outlive it. Each write commits before it returns;
// a refusal writes nothing.
//
// Optimistic concurrency (docs/server.md, "Working at the same time"): edit and remove take the
// GroupPriority::rowVersion the editor read, reorder the GroupPriority::listVersion. Given, the write
// is refused with Error::Kind::Changed, naming who changed it and when, if it changed since; nothing
// is written and the caller keeps what the user typed. Not given, the write is not checked.
class PriorityStore final {
public:
    // For reading, joining and splitting only: add, edit, remove and reorder, which stamp when a
    // priority changed, are refused (Error::Kind::Failed) by a store made without a Clock.
    explicit PriorityStore(Database& db)
        : m_db(db) {}
    PriorityStore(Database& db, const Clock& clock)
        : m_db(db)
        , m_clock(&clock) {}

    // Adds a suggestion at the end of the group's list; returns its id. InvalidInput for empty text.
    // Raises the group's list version (the new priority starts at row version 1).
    Result<qint64> add(qint64 groupId, const QString& text);
    Status edit(qint64 priorityId, const QString& text, std::optional<int> basedOnVersion = std::nullopt);
    // Removes one and closes the gap in its group's ranks (raising the row versions of those after it).
    Status remove(qint64 priorityId, std::optional<int> basedOnVersion = std::nullopt);
    // The group's new order: every one of its priorities' ids, first first (ranks 1..n); raises the row
    // version of each priority whose rank changes. InvalidInput when the list is not exactly the group's
    // priorities. With basedOnListVersion, Changed when the group's list version is not that one or
    // a priority listed was removed since (one was added, edited, moved or removed), so that a new
    // order made from a stale list never silently replaces someone else's.
    Status reorder(qint64 groupId, const std::vector<qint64>& idsInOrder,
                   std::optional<int> basedOnListVersion = std::nullopt);

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
    Result<GroupPriority> one(qint64 priorityId) const;
    // Inside the caller's transaction (needs the Clock).
    Result<int> claim(const GroupPriority& priority, std::optional<int> basedOnVersion);
    Status needsClock(const QString& what) const;

    Database& m_db;
    const Clock* m_clock = nullptr;
};

} // namespace balcony::outcomes
