#pragma once

#include "support/result.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <optional>
#include <vector>

namespace balcony {
class Clock;
class Database;
} // namespace balcony

// Each LA's action plan after its challenge: actions with an owner, a due date, progress notes, a
// status (open or done) and a RAG rating. A rating always carries a reason and is kept as history:
// the current rating is the latest; the schema refuses a rating without a reason and any change to
// one given (migration 10, plan_action_rag). Open actions are carried into the LA's next cycle.
// "Overdue" is an open action whose due date has passed in England (Europe/London) by the Clock.
namespace balcony::outcomes {

enum class Rag { Red, Amber, Green };
QString toKey(Rag rag); // "red", "amber", "green"
std::optional<Rag> ragFromKey(const QString& key);

enum class ActionStatus { Open, Done };
QString toKey(ActionStatus status); // "open", "done"
std::optional<ActionStatus> actionStatusFromKey(const QString& key);

struct RagRating {
    Rag rag = Rag::Amber;
    QString reason;
    QDateTime ratedAtUtc;
};

struct ProgressNote {
    QDateTime notedAtUtc;
    QString text;
};

struct PlanAction {
    qint64 id = 0;
    qint64 cycleId = 0;
    QString cycleName;
    qint64 authorityId = 0;
    QString authorityName;
    QString text;
    QString owner; // may be empty until someone takes it
    QDate due;     // invalid when none was set
    ActionStatus status = ActionStatus::Open;
    std::optional<RagRating> rating; // none: unrated
    qint64 sourceItemId = 0;         // the action point captured on the day, or 0
    bool overdue = false;            // open and due before today, by the Clock
    // Raised by one with every change, rating or progress note (store/row_version.h); who made the
    // last one (Database::userName()) and when (invalid: not changed since it was added).
    int rowVersion = 1;
    QString changedBy;
    QDateTime changedAtUtc;
};

// What to change in an action; unset fields stay as they are. An invalid due date clears it.
struct ActionChange {
    std::optional<QString> text;
    std::optional<QString> owner;
    std::optional<QDate> due;
    std::optional<ActionStatus> status;
};

// The order a monitoring list is read in: open before done; among open ones red first, then the
// overdue, then the unrated, then amber, then green; then by due date (none last), then by id.
// Pure; `today` is the day overdue is judged on.
void sortForAttention(std::vector<PlanAction>& actions);
QDate todayInEngland(const Clock& clock);

// Borrows the Database and the Clock, which must outlive it. Each write commits before it returns;
// a refusal writes nothing. Texts are never logged.
class ActionPlanStore final {
public:
    ActionPlanStore(Database& db, const Clock& clock);

    // InvalidInput for empty text; NotFound when the LA is in no group of the cycle.
    Result<qint64> add(qint64 cycleId, qint64 authorityId, const QString& text, const QString& owner = {},
                       const QDate& due = {});
    // Adds to each LA's plan the action points captured at the cycle's days that are not in a plan
    // yet; returns how many were added.
    Result<int> addCapturedActionPoints(qint64 cycleId);
    Result<PlanAction> action(qint64 actionId) const;
    // With basedOnVersion (the PlanAction::rowVersion the editor read), change and rate are refused
    // with Error::Kind::Changed, naming who changed the action and when, if it changed since; nothing
    // is written. Each raises the action's row version by one.
    Status change(qint64 actionId, const ActionChange& change,
                  std::optional<int> basedOnVersion = std::nullopt);
    // A new rating with its reason. InvalidInput without a reason (the schema refuses it too).
    Status rate(qint64 actionId, Rag rag, const QString& reason,
                std::optional<int> basedOnVersion = std::nullopt);
    Status addProgress(qint64 actionId, const QString& text);
    Result<std::vector<RagRating>> ratings(qint64 actionId) const;     // oldest first
    Result<std::vector<ProgressNote>> progress(qint64 actionId) const; // oldest first

    // The cycle's actions (one LA's when authorityId is not 0), sorted for attention.
    Result<std::vector<PlanAction>> list(qint64 cycleId, qint64 authorityId = 0) const;
    // The lead reviewer's monitoring view: the actions of the LAs this LA reviewed in the cycle.
    Result<std::vector<PlanAction>> forLeadReviewer(qint64 cycleId, qint64 reviewerAuthorityId) const;
    // The LA's actions from cycles before this one (by first day) that are still open: what the
    // facilitator sees again at the LA's day in this cycle. Marking one done in its own cycle
    // stops it being carried.
    Result<std::vector<PlanAction>> carriedInto(qint64 cycleId, qint64 authorityId) const;
    // The same for the LA's session at a group's day.
    Result<std::vector<PlanAction>> carriedForDay(qint64 groupId, qint64 authorityId) const;

private:
    Result<int> claim(const PlanAction& action, std::optional<int> basedOnVersion);
    Result<std::vector<PlanAction>> select(const QString& where,
                                           std::initializer_list<QVariant> bindings) const;

    Database& m_db;
    const Clock& m_clock;
};

} // namespace balcony::outcomes
