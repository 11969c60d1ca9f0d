#pragma once

#include "domain/types.h"
#include "support/problem.h"

#include <QLocale>
#include <map>
#include <vector>

// Internal to scheduling: what the individual rules share while checking one cycle.
namespace balcony::checks {

// The order in which a group's problems are listed; earlier rules are the ones to fix first.
enum class Rule {
    NoGroups,
    TwoGroups,
    GroupSize,
    SameAuthorities,
    DateOutsideCycle,
    FacilitatorTwiceOnDay,
    NoLeadReviewer,
    TwoLeadReviewers,
    ReviewsItself,
    ReviewerOutsideGroup,
    ConflictOfInterest,
    LeadsExactlyOne,
    MutualPair,
    NoFacilitator,
    NoVenue,
    SelfAssessment,
};

class Findings {
public:
    explicit Findings(const CycleSchedule& schedule);

    // group may be nullptr for a cycle-wide problem.
    void add(Rule rule, Problem::Severity severity, const Group* group, Problem::Subject subject,
             qint64 subjectId, QString message);
    void error(Rule rule, const Group* group, Problem::Subject subject, qint64 subjectId, QString message) {
        add(rule, Problem::Severity::Error, group, subject, subjectId, std::move(message));
    }
    void warning(Rule rule, const Group* group, Problem::Subject subject, qint64 subjectId, QString message) {
        add(rule, Problem::Severity::Warning, group, subject, subjectId, std::move(message));
    }

    // Groups by date, then label, then their place in the snapshot.
    const std::vector<const Group*>& groupsInOrder() const { return m_ordered; }
    const CycleSchedule& schedule() const { return m_schedule; }

    Problems sorted() const;

private:
    struct Entry {
        int groupRank; // -1 for cycle-wide
        Rule rule;
        Problem problem;
    };

    const CycleSchedule& m_schedule;
    std::vector<const Group*> m_ordered;
    std::map<const Group*, int> m_rank;
    std::vector<Entry> m_entries;
};

// Each member once, in presenting order.
std::vector<qint64> distinctMembers(const Group& group);

// "Kent", "Kent and Surrey", "Kent, Medway and Surrey".
QString joinNames(const QStringList& names);

// "Group A" (or "group A" mid-sentence); a label that already says "Group 5" is used as it is.
QString groupName(const QString& label, bool capital);

// "12 October 2022", whatever the user's locale, so that CLI output is stable.
inline QString dayText(const QDate& day) {
    return day.isValid() ? QLocale::c().toString(day, QStringLiteral("d MMMM yyyy"))
                         : QStringLiteral("(no date)");
}

void checkMembership(Findings& findings);
void checkCalendar(Findings& findings);
void checkLeadReviewers(Findings& findings);
void checkSelfAssessments(Findings& findings, const QDate& today);

} // namespace balcony::checks
