#include "scheduling/conflict_of_interest.h"

namespace balcony {

const PastPost* conflictOfInterest(const CycleSchedule& schedule, qint64 reviewerAuthorityId,
                                   qint64 revieweeAuthorityId) {
    const Person* dcs = schedule.dcsOf(reviewerAuthorityId);
    if (!dcs) {
        return nullptr;
    }
    for (const auto& post : dcs->pastPosts) {
        if (post.authorityId == revieweeAuthorityId) {
            return &post;
        }
    }
    return nullptr;
}

QString describeConflict(const CycleSchedule& schedule, qint64 reviewerAuthorityId,
                         qint64 revieweeAuthorityId, const PastPost& post) {
    const Person* dcs = schedule.dcsOf(reviewerAuthorityId);
    const QString who =
        QStringLiteral("%1's DCS, %2,")
            .arg(schedule.authorityName(reviewerAuthorityId), dcs ? dcs->name : QStringLiteral("(unknown)"));
    const QString where = schedule.authorityName(revieweeAuthorityId);
    QString what = post.interim ? QStringLiteral("%1 held an interim post at %2").arg(who, where)
                                : QStringLiteral("%1 used to work at %2").arg(who, where);
    if (!post.title.trimmed().isEmpty()) {
        what += QStringLiteral(" (%1)").arg(post.title.trimmed());
    }
    return what;
}

} // namespace balcony
