#include "outcomes/action_plan.h"

#include "engine/clock.h"
#include "store/database.h"
#include "store/row_version.h"
#include "store/sql.h"
#include "store/transaction.h"

#include <QTimeZone>
#include <algorithm>

namespace balcony::outcomes {
namespace {

QString stamp(const QDateTime& utc) {
    return utc.toUTC().toString(Qt::ISODateWithMs);
}

Error noSuchAction(qint64 id) {
    return failure(
        Error::Kind::NotFound,
        QStringLiteral("There is no action %1. List the cycle's actions (actions list) to find its "
                       "number.")
            .arg(id));
}

// The latest rating of each action, with the action, its cycle and its LA.
constexpr char actionQuery[] =
    "SELECT p.id, p.cycle_id, c.name, p.authority_id, a.name, p.body, p.owner, p.due_on, p.status, "
    "coalesce(p.source_item_id, 0), r.rag, r.reason, r.rated_at_utc, p.row_version, p.changed_by, "
    "p.changed_at_utc "
    "FROM plan_action p JOIN cycle c ON c.id = p.cycle_id JOIN authority a ON a.id = p.authority_id "
    "LEFT JOIN plan_action_rag r ON r.id = (SELECT max(id) FROM plan_action_rag WHERE action_id = p.id) ";

int attentionBucket(const PlanAction& a) {
    if (a.status == ActionStatus::Done) {
        return 5;
    }
    if (a.rating && a.rating->rag == Rag::Red) {
        return 0;
    }
    if (a.overdue) {
        return 1;
    }
    if (!a.rating) {
        return 2;
    }
    return a.rating->rag == Rag::Amber ? 3 : 4;
}

} // namespace

QString toKey(Rag rag) {
    switch (rag) {
    case Rag::Red:
        return QStringLiteral("red");
    case Rag::Amber:
        return QStringLiteral("amber");
    case Rag::Green:
        return QStringLiteral("green");
    }
    return {};
}

std::optional<Rag> ragFromKey(const QString& key) {
    for (auto rag : {Rag::Red, Rag::Amber, Rag::Green}) {
        if (toKey(rag) == key) {
            return rag;
        }
    }
    return std::nullopt;
}

QString toKey(ActionStatus status) {
    return status == ActionStatus::Done ? QStringLiteral("done") : QStringLiteral("open");
}

std::optional<ActionStatus> actionStatusFromKey(const QString& key) {
    if (key == u"open") {
        return ActionStatus::Open;
    }
    if (key == u"done") {
        return ActionStatus::Done;
    }
    return std::nullopt;
}

QDate todayInEngland(const Clock& clock) {
    // Falls back to UTC where the system has no time-zone data; the two differ by an hour at most.
    const QTimeZone london(QByteArrayLiteral("Europe/London"));
    const QDateTime now = clock.utcNow();
    return london.isValid() ? now.toTimeZone(london).date() : now.toUTC().date();
}

void sortForAttention(std::vector<PlanAction>& actions) {
    std::stable_sort(actions.begin(), actions.end(), [](const PlanAction& l, const PlanAction& r) {
        const int bl = attentionBucket(l);
        const int br = attentionBucket(r);
        if (bl != br) {
            return bl < br;
        }
        if (l.due.isValid() != r.due.isValid()) {
            return l.due.isValid();
        }
        if (l.due != r.due) {
            return l.due < r.due;
        }
        return l.id < r.id;
    });
}

ActionPlanStore::ActionPlanStore(Database& db, const Clock& clock)
    : m_db(db)
    , m_clock(clock) {}

Result<std::vector<PlanAction>> ActionPlanStore::select(const QString& where,
                                                        std::initializer_list<QVariant> bindings) const {
    auto rows = sql::run(m_db, QLatin1String(actionQuery) + where, bindings);
    if (!rows) {
        return rows.error();
    }
    const QDate today = todayInEngland(m_clock);
    std::vector<PlanAction> out;
    while (rows->next()) {
        PlanAction a;
        a.id = rows->value(0).toLongLong();
        a.cycleId = rows->value(1).toLongLong();
        a.cycleName = rows->value(2).toString();
        a.authorityId = rows->value(3).toLongLong();
        a.authorityName = rows->value(4).toString();
        a.text = rows->value(5).toString();
        a.owner = rows->value(6).toString();
        a.due = sql::dateFrom(rows->value(7));
        a.status = actionStatusFromKey(rows->value(8).toString()).value_or(ActionStatus::Open);
        a.sourceItemId = rows->value(9).toLongLong();
        if (!rows->value(10).isNull()) {
            a.rating = RagRating{ragFromKey(rows->value(10).toString()).value_or(Rag::Amber),
                                 rows->value(11).toString(),
                                 QDateTime::fromString(rows->value(12).toString(), Qt::ISODateWithMs)};
        }
        a.rowVersion = rows->value(13).toInt();
        a.changedBy = rows->value(14).toString();
        if (!rows->value(15).isNull()) {
            a.changedAtUtc = QDateTime::fromString(rows->value(15).toString(), Qt::ISODateWithMs);
            a.changedAtUtc.setTimeSpec(Qt::UTC);
        }
        a.overdue = a.status == ActionStatus::Open && a.due.isValid() && a.due < today;
        out.push_back(std::move(a));
    }
    return out;
}

Result<qint64> ActionPlanStore::add(qint64 cycleId, qint64 authorityId, const QString& text,
                                    const QString& owner, const QDate& due) {
    if (text.trimmed().isEmpty()) {
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("An action needs some text; nothing was added."));
    }
    auto member =
        sql::run(m_db, QStringLiteral("SELECT 1 FROM group_member WHERE cycle_id = ? AND authority_id = ?"),
                 {cycleId, authorityId});
    if (!member) {
        return member.error();
    }
    if (!member->next()) {
        return failure(Error::Kind::NotFound,
                       QStringLiteral("That LA is in no group of this cycle, so it has no action plan in it. "
                                      "Nothing was added."));
    }
    member->finish();
    auto added =
        sql::run(m_db,
                 QStringLiteral("INSERT INTO plan_action(cycle_id, authority_id, body, owner, due_on, "
                                "created_at_utc) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"),
                 {cycleId, authorityId, text.trimmed(), sql::text(owner.trimmed()), sql::isoDate(due),
                  stamp(m_clock.utcNow())});
    if (!added) {
        return added.error();
    }
    if (!added->next()) {
        return failure(Error::Kind::Failed, QStringLiteral("The action was not added."));
    }
    return added->value(0).toLongLong();
}

Result<int> ActionPlanStore::addCapturedActionPoints(qint64 cycleId) {
    auto added = sql::run(
        m_db,
        QStringLiteral(
            "INSERT INTO plan_action(cycle_id, authority_id, source_item_id, body, created_at_utc) "
            "SELECT g.cycle_id, i.authority_id, i.id, r.body, ? FROM note_item i "
            "JOIN note_revision r ON r.item_id = i.id "
            "AND r.number = (SELECT max(number) FROM note_revision WHERE item_id = i.id) "
            "JOIN review_group g ON g.id = i.group_id "
            "WHERE g.cycle_id = ? AND r.kind = 'action' AND r.deleted = 0 "
            "AND NOT EXISTS (SELECT 1 FROM plan_action p WHERE p.source_item_id = i.id) ORDER BY i.id "
            "RETURNING id"),
        {stamp(m_clock.utcNow()), cycleId});
    if (!added) {
        return added.error();
    }
    int count = 0;
    while (added->next()) {
        ++count;
    }
    return count;
}

Result<PlanAction> ActionPlanStore::action(qint64 actionId) const {
    auto found = select(QStringLiteral("WHERE p.id = ?"), {actionId});
    if (!found) {
        return found.error();
    }
    if (found->empty()) {
        return noSuchAction(actionId);
    }
    return found->front();
}

Result<int> ActionPlanStore::claim(const PlanAction& action, std::optional<int> basedOnVersion) {
    return rowversion::claim(m_db, m_clock, QStringLiteral("plan_action"), action.id, basedOnVersion,
                             QStringLiteral("Action %1 of %2").arg(action.id).arg(action.authorityName));
}

Status ActionPlanStore::change(qint64 actionId, const ActionChange& change,
                               std::optional<int> basedOnVersion) {
    Transaction tx(m_db);
    if (!tx.isActive()) {
        return tx.error();
    }
    auto current = action(actionId);
    if (!current) {
        return current.error();
    }
    if (change.text && change.text->trimmed().isEmpty()) {
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("An action needs some text; nothing was changed."));
    }
    const QString text = change.text ? change.text->trimmed() : current->text;
    const QString owner = change.owner ? change.owner->trimmed() : current->owner;
    const QDate due = change.due ? *change.due : current->due;
    const ActionStatus status = change.status ? *change.status : current->status;
    if (auto claimed = claim(*current, basedOnVersion); !claimed) {
        return claimed.error();
    }
    auto updated = sql::run(
        m_db,
        QStringLiteral("UPDATE plan_action SET body = ?, owner = ?, due_on = ?, status = ? WHERE id = ?"),
        {text, sql::text(owner), sql::isoDate(due), toKey(status), actionId});
    if (!updated) {
        return updated.error();
    }
    return tx.commit();
}

Status ActionPlanStore::rate(qint64 actionId, Rag rag, const QString& reason,
                             std::optional<int> basedOnVersion) {
    if (reason.trimmed().isEmpty()) {
        return failure(
            Error::Kind::InvalidInput,
            QStringLiteral("A RAG rating needs a reason: say why action %1 is %2 now. Nothing was changed.")
                .arg(actionId)
                .arg(toKey(rag)));
    }
    Transaction tx(m_db);
    if (!tx.isActive()) {
        return tx.error();
    }
    auto current = action(actionId);
    if (!current) {
        return current.error();
    }
    if (auto claimed = claim(*current, basedOnVersion); !claimed) {
        return claimed.error();
    }
    auto added = sql::run(m_db,
                          QStringLiteral("INSERT INTO plan_action_rag(action_id, rag, reason, rated_at_utc) "
                                         "VALUES (?, ?, ?, ?)"),
                          {actionId, toKey(rag), reason.trimmed(), stamp(m_clock.utcNow())});
    if (!added) {
        return added.error();
    }
    return tx.commit();
}

Status ActionPlanStore::addProgress(qint64 actionId, const QString& text) {
    if (text.trimmed().isEmpty()) {
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("A progress note needs some text; nothing was added."));
    }
    Transaction tx(m_db);
    if (!tx.isActive()) {
        return tx.error();
    }
    auto current = action(actionId);
    if (!current) {
        return current.error();
    }
    // A progress note adds to the action and overwrites nothing: not checked, but it changes the
    // version, so that an edit based on the action before it is checked against it.
    if (auto claimed = claim(*current, std::nullopt); !claimed) {
        return claimed.error();
    }
    auto added = sql::run(
        m_db,
        QStringLiteral("INSERT INTO plan_action_progress(action_id, noted_at_utc, body) VALUES (?, ?, ?)"),
        {actionId, stamp(m_clock.utcNow()), text});
    if (!added) {
        return added.error();
    }
    return tx.commit();
}

Result<std::vector<RagRating>> ActionPlanStore::ratings(qint64 actionId) const {
    auto rows =
        sql::run(m_db,
                 QStringLiteral(
                     "SELECT rag, reason, rated_at_utc FROM plan_action_rag WHERE action_id = ? ORDER BY id"),
                 {actionId});
    if (!rows) {
        return rows.error();
    }
    std::vector<RagRating> out;
    while (rows->next()) {
        out.push_back({ragFromKey(rows->value(0).toString()).value_or(Rag::Amber), rows->value(1).toString(),
                       QDateTime::fromString(rows->value(2).toString(), Qt::ISODateWithMs)});
    }
    return out;
}

Result<std::vector<ProgressNote>> ActionPlanStore::progress(qint64 actionId) const {
    auto rows = sql::run(
        m_db,
        QStringLiteral("SELECT noted_at_utc, body FROM plan_action_progress WHERE action_id = ? ORDER BY id"),
        {actionId});
    if (!rows) {
        return rows.error();
    }
    std::vector<ProgressNote> out;
    while (rows->next()) {
        out.push_back(
            {QDateTime::fromString(rows->value(0).toString(), Qt::ISODateWithMs), rows->value(1).toString()});
    }
    return out;
}

Result<std::vector<PlanAction>> ActionPlanStore::list(qint64 cycleId, qint64 authorityId) const {
    auto found = authorityId == 0 ? select(QStringLiteral("WHERE p.cycle_id = ?"), {cycleId})
                                  : select(QStringLiteral("WHERE p.cycle_id = ? AND p.authority_id = ?"),
                                           {cycleId, authorityId});
    if (found) {
        sortForAttention(*found);
    }
    return found;
}

Result<std::vector<PlanAction>> ActionPlanStore::forLeadReviewer(qint64 cycleId,
                                                                 qint64 reviewerAuthorityId) const {
    auto found = select(QStringLiteral("WHERE p.cycle_id = ? AND p.authority_id IN (SELECT l.reviewee_id "
                                       "FROM lead_review l JOIN review_group g ON g.id = l.group_id "
                                       "WHERE g.cycle_id = ? AND l.reviewer_id = ?)"),
                        {cycleId, cycleId, reviewerAuthorityId});
    if (found) {
        sortForAttention(*found);
    }
    return found;
}

Result<std::vector<PlanAction>> ActionPlanStore::carriedInto(qint64 cycleId, qint64 authorityId) const {
    auto found = select(QStringLiteral("WHERE p.authority_id = ? AND p.status = 'open' "
                                       "AND c.first_day < (SELECT first_day FROM cycle WHERE id = ?)"),
                        {authorityId, cycleId});
    if (found) {
        sortForAttention(*found);
    }
    return found;
}

Result<std::vector<PlanAction>> ActionPlanStore::carriedForDay(qint64 groupId, qint64 authorityId) const {
    auto group = sql::run(m_db, QStringLiteral("SELECT cycle_id FROM review_group WHERE id = ?"), {groupId});
    if (!group) {
        return group.error();
    }
    if (!group->next()) {
        return failure(Error::Kind::NotFound, QStringLiteral("There is no group %1.").arg(groupId));
    }
    return carriedInto(group->value(0).toLongLong(), authorityId);
}

} // namespace balcony::outcomes
