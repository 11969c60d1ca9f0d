#pragma once

#include "scheduling/lead_reviewer_plan.h"
#include "support/result.h"

namespace balcony {
class Database;

// Runs the lead-reviewer generator on a stored cycle. The previous cycle (the latest one starting
// before it) supplies the assignments to avoid repeating.
class LeadReviewerService final {
public:
    explicit LeadReviewerService(Database& db)
        : m_db(db) {}

    // The plan, without writing anything (a view can show it and call assign() with the same seed).
    Result<AssignmentPlan> preview(qint64 cycleId, quint64 seed) const;

    // Plans as preview() does and writes every added assignment in one transaction. On any failure
    // nothing at all is written and the Error says why; on success the plan says what was added per
    // group and which groups could not be filled.
    Result<AssignmentPlan> assign(qint64 cycleId, quint64 seed);

private:
    Database& m_db;
};

} // namespace balcony
