#pragma once

#include "domain/types.h"
#include "support/result.h"

#include <vector>

namespace balcony {
class Database;

class SelfAssessmentStore final {
public:
    explicit SelfAssessmentStore(Database& db)
        : m_db(db) {}

    // One entry per authority in the cycle's groups; authorities with nothing recorded come back
    // as NotStarted.
    Result<std::vector<SelfAssessment>> forCycle(qint64 cycleId) const;
    Status save(const SelfAssessment& assessment);

    // Moves to a status and stamps its date (today when date is invalid); the dates of earlier
    // steps stay. A file, when given, is recorded with its SHA-256.
    Status setStatus(qint64 cycleId, qint64 authorityId, SaStatus status, const QDate& date,
                     const QString& documentPath = {});

    static Result<QString> sha256Of(const QString& path);

private:
    Database& m_db;
};

} // namespace balcony
