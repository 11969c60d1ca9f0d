#include "scheduling/conflict_of_interest.h"
#include "scheduling/findings.h"

#include <QStringList>
#include <algorithm>

namespace balcony::checks {
namespace {

bool contains(const std::vector<qint64>& ids, qint64 id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// Each member's distinct lead reviewers, in presenting order. The stored schema allows one, but a
// snapshot edited in memory (or an LA listed twice) can hold more.
std::map<qint64, std::vector<qint64>> reviewersOf(const Group& group) {
    std::map<qint64, std::vector<qint64>> reviewers;
    for (const auto& m : group.members) {
        auto& list = reviewers[m.authorityId];
        if (m.leadReviewerId != 0 && !contains(list, m.leadReviewerId)) {
            list.push_back(m.leadReviewerId);
        }
    }
    return reviewers;
}

void checkEachReviewee(Findings& findings, const Group& group, const std::vector<qint64>& members,
                       std::map<qint64, std::vector<qint64>>& reviewers) {
    const CycleSchedule& s = findings.schedule();
    for (qint64 reviewee : members) {
        const auto& list = reviewers[reviewee];
        const QString name = s.authorityName(reviewee);
        if (list.empty()) {
            findings.error(Rule::NoLeadReviewer, &group, Problem::Subject::Authority, reviewee,
                           QStringLiteral("%1 has no lead reviewer.").arg(name));
        } else if (list.size() > 1) {
            QStringList names;
            for (qint64 id : list) {
                names << s.authorityName(id);
            }
            findings.error(Rule::TwoLeadReviewers, &group, Problem::Subject::Authority, reviewee,
                           QStringLiteral("%1 has %2 lead reviewers (%3); it needs exactly one.")
                               .arg(name,
                                    list.size() == 2 ? QStringLiteral("two") : QStringLiteral("several"),
                                    joinNames(names)));
        }
        for (qint64 reviewer : list) {
            if (reviewer == reviewee) {
                findings.error(Rule::ReviewsItself, &group, Problem::Subject::Authority, reviewee,
                               QStringLiteral("%1 is down as its own lead reviewer.").arg(name));
            } else if (!contains(members, reviewer)) {
                findings.error(Rule::ReviewerOutsideGroup, &group, Problem::Subject::Authority, reviewee,
                               QStringLiteral("%1's lead reviewer, %2, is not in %3.")
                                   .arg(name, s.authorityName(reviewer), groupName(group.label, false)));
            } else if (const PastPost* post = conflictOfInterest(s, reviewer, reviewee)) {
                findings.error(Rule::ConflictOfInterest, &group, Problem::Subject::Authority, reviewee,
                               QStringLiteral("%1 should not be the lead reviewer of %2: %3.")
                                   .arg(s.authorityName(reviewer), name,
                                        describeConflict(s, reviewer, reviewee, *post)));
            }
        }
    }
}

void checkEachReviewer(Findings& findings, const Group& group, const std::vector<qint64>& members,
                       std::map<qint64, std::vector<qint64>>& reviewers) {
    const CycleSchedule& s = findings.schedule();
    for (qint64 reviewer : members) {
        QStringList leads;
        for (qint64 reviewee : members) {
            if (reviewee != reviewer && contains(reviewers[reviewee], reviewer)) {
                leads << s.authorityName(reviewee);
            }
        }
        if (leads.size() == 1) {
            continue;
        }
        const QString what = leads.isEmpty()
                                 ? QStringLiteral("%1's DCS is not the lead reviewer of any LA in %2")
                                       .arg(s.authorityName(reviewer), groupName(group.label, false))
                                 : QStringLiteral("%1's DCS is the lead reviewer of %2")
                                       .arg(s.authorityName(reviewer), joinNames(leads));
        findings.error(Rule::LeadsExactlyOne, &group, Problem::Subject::Authority, reviewer,
                       what + QStringLiteral("; each DCS is the lead reviewer of exactly one other LA."));
    }
}

void checkMutualPairs(Findings& findings, const Group& group, const std::vector<qint64>& members,
                      std::map<qint64, std::vector<qint64>>& reviewers) {
    const CycleSchedule& s = findings.schedule();
    for (std::size_t i = 0; i < members.size(); ++i) {
        for (std::size_t j = i + 1; j < members.size(); ++j) {
            const qint64 a = members[i];
            const qint64 b = members[j];
            if (contains(reviewers[a], b) && contains(reviewers[b], a)) {
                findings.warning(Rule::MutualPair, &group, Problem::Subject::Authority, a,
                                 QStringLiteral("%1 and %2 are each other's lead reviewer; a single ring "
                                                "through the group spreads the challenge wider.")
                                     .arg(s.authorityName(a), s.authorityName(b)));
            }
        }
    }
}

} // namespace

void checkLeadReviewers(Findings& findings) {
    for (const Group* group : findings.groupsInOrder()) {
        const auto members = distinctMembers(*group);
        auto reviewers = reviewersOf(*group);
        checkEachReviewee(findings, *group, members, reviewers);
        checkEachReviewer(findings, *group, members, reviewers);
        checkMutualPairs(findings, *group, members, reviewers);
    }
}

} // namespace balcony::checks
