#include "domain/self_assessment_store.h"

#include "engine/clock.h"
#include "store/database.h"
#include "store/sql.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>

namespace balcony {

Result<std::vector<SelfAssessment>> SelfAssessmentStore::forCycle(qint64 cycleId) const {
    auto query =
        sql::run(m_db,
                 QStringLiteral("SELECT m.authority_id, s.status, s.draft_received_on, s.signed_off_dcs_on, "
                                "s.signed_off_cx_on, s.distributed_on, s.document_path, s.document_sha256, "
                                "s.moderation_status, s.moderation_requested_on "
                                "FROM group_member m LEFT JOIN self_assessment s "
                                "ON s.cycle_id = m.cycle_id AND s.authority_id = m.authority_id "
                                "WHERE m.cycle_id = ? ORDER BY m.group_id, m.position"),
                 {cycleId});
    if (!query) {
        return query.error();
    }
    std::vector<SelfAssessment> result;
    while (query->next()) {
        SelfAssessment sa;
        sa.cycleId = cycleId;
        sa.authorityId = query->value(0).toLongLong();
        sa.status = saStatusFromKey(query->value(1).toString()).value_or(SaStatus::NotStarted);
        sa.draftReceivedOn = sql::dateFrom(query->value(2));
        sa.signedOffByDcsOn = sql::dateFrom(query->value(3));
        sa.signedOffByChiefExecutiveOn = sql::dateFrom(query->value(4));
        sa.distributedOn = sql::dateFrom(query->value(5));
        sa.documentPath = query->value(6).toString();
        sa.documentSha256 = query->value(7).toString();
        sa.moderation = moderationFromKey(query->value(8).toString()).value_or(ModerationStatus::None);
        sa.moderationRequestedOn = sql::dateFrom(query->value(9));
        result.push_back(std::move(sa));
    }
    return result;
}

Status SelfAssessmentStore::save(const SelfAssessment& sa) {
    auto query = sql::run(
        m_db,
        QStringLiteral(
            "INSERT INTO self_assessment(cycle_id, authority_id, status, draft_received_on, "
            "signed_off_dcs_on, signed_off_cx_on, distributed_on, document_path, document_sha256, "
            "moderation_status, moderation_requested_on) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(cycle_id, authority_id) DO UPDATE SET status = excluded.status, "
            "draft_received_on = excluded.draft_received_on, "
            "signed_off_dcs_on = excluded.signed_off_dcs_on, "
            "signed_off_cx_on = excluded.signed_off_cx_on, distributed_on = excluded.distributed_on, "
            "document_path = excluded.document_path, document_sha256 = excluded.document_sha256, "
            "moderation_status = excluded.moderation_status, "
            "moderation_requested_on = excluded.moderation_requested_on"),
        {sa.cycleId, sa.authorityId, toKey(sa.status), sql::isoDate(sa.draftReceivedOn),
         sql::isoDate(sa.signedOffByDcsOn), sql::isoDate(sa.signedOffByChiefExecutiveOn),
         sql::isoDate(sa.distributedOn), sql::text(sa.documentPath), sql::text(sa.documentSha256),
         toKey(sa.moderation), sql::isoDate(sa.moderationRequestedOn)});
    if (!query) {
        return query.error();
    }
    return {};
}

Status SelfAssessmentStore::setStatus(qint64 cycleId, qint64 authorityId, SaStatus status, const QDate& date,
                                      const QString& documentPath) {
    auto all = forCycle(cycleId);
    if (!all) {
        return all.error();
    }
    SelfAssessment sa;
    bool found = false;
    for (const auto& candidate : *all) {
        if (candidate.authorityId == authorityId) {
            sa = candidate;
            found = true;
        }
    }
    if (!found) {
        return failure(Error::Kind::NotFound,
                       QStringLiteral("That authority is not in any group of this cycle, so it has no "
                                      "self-assessment to track."));
    }
    const QDate when = date.isValid() ? date : SystemClock().utcNow().toLocalTime().date();
    sa.status = status;
    switch (status) {
    case SaStatus::NotStarted:
        sa.draftReceivedOn = sa.signedOffByDcsOn = sa.signedOffByChiefExecutiveOn = sa.distributedOn =
            QDate();
        break;
    case SaStatus::DraftReceived:
        sa.draftReceivedOn = when;
        break;
    case SaStatus::SignedOffByDcs:
        sa.signedOffByDcsOn = when;
        break;
    case SaStatus::SignedOffByChiefExecutive:
        sa.signedOffByChiefExecutiveOn = when;
        break;
    case SaStatus::Distributed:
        sa.distributedOn = when;
        break;
    }
    if (!documentPath.isEmpty()) {
        auto hash = sha256Of(documentPath);
        if (!hash) {
            return hash.error();
        }
        sa.documentPath = QDir::cleanPath(QFileInfo(documentPath).absoluteFilePath());
        sa.documentSha256 = *hash;
    }
    return save(sa);
}

Result<QString> SelfAssessmentStore::sha256Of(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return failure(Error::Kind::NotFound,
                       QStringLiteral("The document %1 cannot be read: %2").arg(path, file.errorString()));
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace balcony
