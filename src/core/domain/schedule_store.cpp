#include "domain/schedule_store.h"

#include "domain/roster_store.h"
#include "domain/self_assessment_store.h"
#include "store/database.h"
#include "store/sql.h"
#include "store/transaction.h"

#include <QSqlQuery>
#include <QUuid>

namespace balcony {
namespace {

constexpr auto cycleColumns = "SELECT id, name, first_day, last_day, sa_due_days_before, "
                              "moderation_from_weeks, moderation_to_weeks, organiser_name, "
                              "organiser_email, note_due_working_days FROM cycle ";

Cycle cycleFrom(const QSqlQuery& q) {
    Cycle c;
    c.id = q.value(0).toLongLong();
    c.name = q.value(1).toString();
    c.firstDay = sql::dateFrom(q.value(2));
    c.lastDay = sql::dateFrom(q.value(3));
    c.saDueDaysBefore = q.value(4).toInt();
    c.moderationFromWeeks = q.value(5).toInt();
    c.moderationToWeeks = q.value(6).toInt();
    c.organiserName = q.value(7).toString();
    c.organiserEmail = q.value(8).toString();
    c.noteDueWorkingDays = q.value(9).toInt();
    return c;
}

// An address that a calendar program can reply to (RFC 5546 needs a cal-address, mailto:...).
Status validateOrganiser(const Cycle& cycle) {
    const QString email = cycle.organiserEmail.trimmed();
    if (email.isEmpty()) {
        if (!cycle.organiserName.trimmed().isEmpty()) {
            return failure(Error::Kind::InvalidInput,
                           QStringLiteral("Cycle \"%1\": the organiser %2 needs an e-mail address, which "
                                          "attendees' calendars reply to.")
                               .arg(cycle.name, cycle.organiserName.trimmed()));
        }
        return {};
    }
    const qsizetype at = email.indexOf(u'@');
    static const QString forbidden = QStringLiteral(" \t,;:<>\"");
    bool clean = true;
    for (const QChar c : email) {
        clean = clean && !forbidden.contains(c);
    }
    if (at <= 0 || at != email.lastIndexOf(u'@') || at == email.size() - 1 || !clean) {
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("Cycle \"%1\": \"%2\" is not an e-mail address; write the organiser's "
                                      "address as name@example.org.")
                           .arg(cycle.name, email));
    }
    return {};
}

QVariant textOrNull(const QString& value) {
    const QString trimmed = value.trimmed();
    return trimmed.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(trimmed);
}

Status validateCycle(const Cycle& cycle) {
    if (cycle.name.trimmed().isEmpty()) {
        return failure(Error::Kind::InvalidInput, QStringLiteral("A cycle needs a name, such as 2022-2023."));
    }
    if (!cycle.firstDay.isValid() || !cycle.lastDay.isValid()) {
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("Cycle \"%1\" needs a first and a last day.").arg(cycle.name));
    }
    if (cycle.firstDay > cycle.lastDay) {
        return failure(
            Error::Kind::InvalidInput,
            QStringLiteral("Cycle \"%1\" ends (%2) before it starts (%3).")
                .arg(cycle.name, cycle.lastDay.toString(Qt::ISODate), cycle.firstDay.toString(Qt::ISODate)));
    }
    if (cycle.noteDueWorkingDays < 1 || cycle.noteDueWorkingDays > 100) {
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("Cycle \"%1\": session notes must be due between 1 and 100 working "
                                      "days after sending, not %2.")
                           .arg(cycle.name)
                           .arg(cycle.noteDueWorkingDays));
    }
    if (cycle.saDueDaysBefore < 0 || cycle.moderationToWeeks < 0 ||
        cycle.moderationFromWeeks < cycle.moderationToWeeks) {
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("Cycle \"%1\": the due-date settings must not be negative, and the "
                                      "moderation window must open before it closes.")
                           .arg(cycle.name));
    }
    return validateOrganiser(cycle);
}

Status done(const Result<QSqlQuery>& query) {
    if (!query) {
        return query.error();
    }
    return {};
}

QString authorityName(Database& db, qint64 id) {
    auto query = sql::run(db, QStringLiteral("SELECT name FROM authority WHERE id = ?"), {id});
    return query && query->next() ? query->value(0).toString() : QStringLiteral("Authority #%1").arg(id);
}

QString groupLabel(Database& db, qint64 id) {
    auto query = sql::run(db, QStringLiteral("SELECT label FROM review_group WHERE id = ?"), {id});
    return query && query->next() ? query->value(0).toString() : QStringLiteral("group #%1").arg(id);
}

// Whether another group of the cycle has this label; cycleId 0 means "the cycle of group exceptId".
bool labelTaken(Database& db, qint64 cycleId, const QString& label, qint64 exceptId) {
    auto query =
        sql::run(db,
                 QStringLiteral("SELECT 1 FROM review_group WHERE label = ? AND id <> ? AND cycle_id = "
                                "coalesce(nullif(?, 0), (SELECT cycle_id FROM review_group WHERE id = ?))"),
                 {label.trimmed(), exceptId, cycleId, exceptId});
    return query && query->next();
}

bool isMember(Database& db, qint64 groupId, qint64 authorityId) {
    auto query =
        sql::run(db, QStringLiteral("SELECT 1 FROM group_member WHERE group_id = ? AND authority_id = ?"),
                 {groupId, authorityId});
    return query && query->next();
}

// Human words for the schema's refusals, so that a user sees the rule and not the constraint.
Error explainMemberConflict(Database& db, const Error& error, qint64 cycleId, qint64 authorityId) {
    if (error.kind != Error::Kind::Conflict) {
        return error;
    }
    const QString name = authorityName(db, authorityId);
    auto other = sql::run(db,
                          QStringLiteral("SELECT g.label FROM group_member m JOIN review_group g ON "
                                         "g.id = m.group_id WHERE m.cycle_id = ? AND m.authority_id = ?"),
                          {cycleId, authorityId});
    if (!other || !other->next()) {
        return failure(Error::Kind::Conflict,
                       QStringLiteral("%1 cannot join this group: %2").arg(name, error.message));
    }
    return failure(
        Error::Kind::Conflict,
        QStringLiteral("%1 is already in %2 of this cycle: an authority takes part once per cycle.")
            .arg(name, other->value(0).toString()));
}

} // namespace

Result<std::vector<Cycle>> ScheduleStore::cycles() const {
    auto query = sql::run(m_db, QLatin1String(cycleColumns) + QStringLiteral("ORDER BY first_day, name"));
    if (!query) {
        return query.error();
    }
    std::vector<Cycle> result;
    while (query->next()) {
        result.push_back(cycleFrom(*query));
    }
    return result;
}

Result<Cycle> ScheduleStore::cycleByName(const QString& name) const {
    auto query =
        sql::run(m_db, QLatin1String(cycleColumns) + QStringLiteral("WHERE name = ?"), {name.trimmed()});
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return failure(
            Error::Kind::NotFound,
            QStringLiteral("There is no cycle called \"%1\". Add it with \"cycle add\".").arg(name));
    }
    return cycleFrom(*query);
}

Result<Cycle> ScheduleStore::cycleById(qint64 id) const {
    auto query = sql::run(m_db, QLatin1String(cycleColumns) + QStringLiteral("WHERE id = ?"), {id});
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return failure(Error::Kind::NotFound, QStringLiteral("The cycle no longer exists."));
    }
    return cycleFrom(*query);
}

Result<qint64> ScheduleStore::addCycle(const Cycle& cycle) {
    if (auto valid = validateCycle(cycle); !valid) {
        return valid.error();
    }
    if (cycleByName(cycle.name)) {
        return failure(Error::Kind::Conflict,
                       QStringLiteral("There is already a cycle called \"%1\".").arg(cycle.name.trimmed()));
    }
    auto query = sql::run(
        m_db,
        QStringLiteral("INSERT INTO cycle(name, first_day, last_day, sa_due_days_before, "
                       "moderation_from_weeks, moderation_to_weeks, organiser_name, organiser_email, "
                       "note_due_working_days) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {cycle.name.trimmed(), sql::isoDate(cycle.firstDay), sql::isoDate(cycle.lastDay),
         cycle.saDueDaysBefore, cycle.moderationFromWeeks, cycle.moderationToWeeks,
         textOrNull(cycle.organiserName), textOrNull(cycle.organiserEmail), cycle.noteDueWorkingDays});
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return failure(Error::Kind::Failed, QStringLiteral("The new cycle was not stored."));
    }
    return query->value(0).toLongLong();
}

Status ScheduleStore::updateCycle(const Cycle& cycle) {
    if (auto valid = validateCycle(cycle); !valid) {
        return valid;
    }
    return done(sql::run(m_db,
                         QStringLiteral("UPDATE cycle SET name = ?, first_day = ?, last_day = ?, "
                                        "sa_due_days_before = ?, moderation_from_weeks = ?, "
                                        "moderation_to_weeks = ?, organiser_name = ?, organiser_email = ?, "
                                        "note_due_working_days = ? WHERE id = ?"),
                         {cycle.name.trimmed(), sql::isoDate(cycle.firstDay), sql::isoDate(cycle.lastDay),
                          cycle.saDueDaysBefore, cycle.moderationFromWeeks, cycle.moderationToWeeks,
                          textOrNull(cycle.organiserName), textOrNull(cycle.organiserEmail),
                          cycle.noteDueWorkingDays, cycle.id}));
}

Status ScheduleStore::removeCycle(qint64 id) {
    return done(sql::run(m_db, QStringLiteral("DELETE FROM cycle WHERE id = ?"), {id}));
}

Result<std::optional<Cycle>> ScheduleStore::previousCycle(const Cycle& cycle) const {
    auto query =
        sql::run(m_db,
                 QLatin1String(cycleColumns) +
                     QStringLiteral("WHERE first_day < ? AND id <> ? ORDER BY first_day DESC LIMIT 1"),
                 {sql::isoDate(cycle.firstDay), cycle.id});
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return std::optional<Cycle>{};
    }
    return std::optional<Cycle>{cycleFrom(*query)};
}

Result<std::vector<Group>> ScheduleStore::groups(qint64 cycleId) const {
    auto query =
        sql::run(m_db,
                 QStringLiteral("SELECT id, cycle_id, label, held_on, mode, venue, facilitator_id, uid, "
                                "start_time "
                                "FROM review_group WHERE cycle_id = ? ORDER BY held_on, label"),
                 {cycleId});
    if (!query) {
        return query.error();
    }
    std::vector<Group> result;
    while (query->next()) {
        Group g;
        g.id = query->value(0).toLongLong();
        g.cycleId = query->value(1).toLongLong();
        g.label = query->value(2).toString();
        g.date = sql::dateFrom(query->value(3));
        g.mode = modeFromKey(query->value(4).toString()).value_or(Mode::InPerson);
        g.venue = query->value(5).toString();
        g.facilitatorId = query->value(6).toLongLong();
        g.uid = query->value(7).toString();
        if (!query->value(8).isNull()) {
            g.start = QTime::fromString(query->value(8).toString(), QStringLiteral("HH:mm"));
        }
        result.push_back(std::move(g));
    }
    auto members =
        sql::run(m_db,
                 QStringLiteral("SELECT m.group_id, m.authority_id, r.reviewer_id FROM group_member m "
                                "LEFT JOIN lead_review r ON r.group_id = m.group_id "
                                "AND r.reviewee_id = m.authority_id "
                                "WHERE m.cycle_id = ? ORDER BY m.group_id, m.position"),
                 {cycleId});
    if (!members) {
        return members.error();
    }
    while (members->next()) {
        const qint64 groupId = members->value(0).toLongLong();
        for (auto& g : result) {
            if (g.id == groupId) {
                g.members.push_back({members->value(1).toLongLong(), members->value(2).toLongLong()});
                break;
            }
        }
    }
    return result;
}

Result<qint64> ScheduleStore::addGroup(const Group& group) {
    if (group.label.trimmed().isEmpty()) {
        return failure(Error::Kind::InvalidInput, QStringLiteral("A group needs a label."));
    }
    if (!group.date.isValid()) {
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("Group \"%1\" needs a date.").arg(group.label));
    }
    Transaction tx(m_db);
    auto query = sql::insertReturningId(
        m_db,
        QStringLiteral("INSERT INTO review_group(cycle_id, label, held_on, mode, venue, "
                       "facilitator_id, uid) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {group.cycleId, group.label.trimmed(), sql::isoDate(group.date), toKey(group.mode),
         sql::text(group.venue.trimmed()), sql::nullable(group.facilitatorId),
         group.uid.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) + QStringLiteral("@balcony")
                             : group.uid});
    if (!query) {
        if (query.error().kind == Error::Kind::Conflict && labelTaken(m_db, group.cycleId, group.label, 0)) {
            return failure(Error::Kind::Conflict,
                           QStringLiteral("There is already a group \"%1\" in this cycle.").arg(group.label));
        }
        return query.error();
    }
    const qint64 groupId = *query;
    std::vector<qint64> ids;
    for (const auto& m : group.members) {
        ids.push_back(m.authorityId);
    }
    if (auto set = setMembers(groupId, ids); !set) {
        return set.error();
    }
    for (const auto& m : group.members) {
        if (m.leadReviewerId != 0) {
            if (auto set = setLeadReviewer(groupId, m.authorityId, m.leadReviewerId); !set) {
                return set.error();
            }
        }
    }
    if (auto saved = tx.commit(); !saved) {
        return saved.error();
    }
    return groupId;
}

Status ScheduleStore::updateGroup(const Group& group) {
    if (group.label.trimmed().isEmpty() || !group.date.isValid()) {
        return failure(Error::Kind::InvalidInput, QStringLiteral("A group needs a label and a date."));
    }
    auto query =
        sql::run(m_db,
                 QStringLiteral("UPDATE review_group SET label = ?, held_on = ?, mode = ?, venue = ?, "
                                "facilitator_id = ? WHERE id = ?"),
                 {group.label.trimmed(), sql::isoDate(group.date), toKey(group.mode),
                  sql::text(group.venue.trimmed()), sql::nullable(group.facilitatorId), group.id});
    if (!query && query.error().kind == Error::Kind::Conflict && labelTaken(m_db, 0, group.label, group.id)) {
        return failure(Error::Kind::Conflict,
                       QStringLiteral("There is already a group \"%1\" in this cycle.").arg(group.label));
    }
    return done(query);
}

Status ScheduleStore::setGroupStart(qint64 groupId, const QTime& start) {
    auto query = sql::run(m_db, QStringLiteral("UPDATE review_group SET start_time = ? WHERE id = ?"),
                          {start.isValid() ? QVariant(start.toString(QStringLiteral("HH:mm")))
                                           : QVariant(QMetaType::fromType<QString>()),
                           groupId});
    if (!query) {
        return query.error();
    }
    if (query->numRowsAffected() == 0) {
        return failure(Error::Kind::NotFound, QStringLiteral("The group no longer exists."));
    }
    return {};
}

Status ScheduleStore::removeGroup(qint64 groupId) {
    return done(sql::run(m_db, QStringLiteral("DELETE FROM review_group WHERE id = ?"), {groupId}));
}

Status ScheduleStore::setMembers(qint64 groupId, const std::vector<qint64>& authorityIdsInOrder) {
    Transaction tx(m_db);
    auto cycle = sql::run(m_db, QStringLiteral("SELECT cycle_id FROM review_group WHERE id = ?"), {groupId});
    if (!cycle) {
        return cycle.error();
    }
    if (!cycle->next()) {
        return failure(Error::Kind::NotFound, QStringLiteral("The group no longer exists."));
    }
    const qint64 cycleId = cycle->value(0).toLongLong();
    // Members who stay keep their assignments; positions are rewritten in two steps so that no
    // intermediate state collides.
    QStringList keep;
    for (qint64 id : authorityIdsInOrder) {
        keep << QString::number(id);
    }
    const QString keepList = keep.isEmpty() ? QStringLiteral("-1") : keep.join(QLatin1Char(','));
    if (auto removed = sql::run(m_db,
                                QStringLiteral("DELETE FROM group_member WHERE group_id = ? AND authority_id "
                                               "NOT IN (%1)")
                                    .arg(keepList),
                                {groupId});
        !removed) {
        return removed.error();
    }
    int position = 0;
    for (qint64 authorityId : authorityIdsInOrder) {
        auto upsert =
            sql::run(m_db,
                     QStringLiteral("INSERT INTO group_member(group_id, cycle_id, authority_id, position) "
                                    "VALUES (?, ?, ?, ?) ON CONFLICT(group_id, authority_id) "
                                    "DO UPDATE SET position = excluded.position"),
                     {groupId, cycleId, authorityId, position++});
        if (!upsert) {
            return explainMemberConflict(m_db, upsert.error(), cycleId, authorityId);
        }
    }
    return tx.commit();
}

Status ScheduleStore::moveMember(qint64 authorityId, qint64 fromGroupId, qint64 toGroupId) {
    Transaction tx(m_db);
    auto removed =
        sql::run(m_db, QStringLiteral("DELETE FROM group_member WHERE group_id = ? AND authority_id = ?"),
                 {fromGroupId, authorityId});
    if (!removed) {
        return removed.error();
    }
    if (removed->numRowsAffected() == 0) {
        return failure(Error::Kind::NotFound,
                       QStringLiteral("%1 is not in %2, so it cannot be moved from there.")
                           .arg(authorityName(m_db, authorityId), groupLabel(m_db, fromGroupId)));
    }
    auto target =
        sql::run(m_db,
                 QStringLiteral("SELECT g.cycle_id, coalesce(max(m.position) + 1, 0) FROM review_group g "
                                "LEFT JOIN group_member m ON m.group_id = g.id WHERE g.id = ? "
                                "GROUP BY g.id"),
                 {toGroupId});
    if (!target) {
        return target.error();
    }
    if (!target->next()) {
        return failure(Error::Kind::NotFound, QStringLiteral("The target group no longer exists."));
    }
    if (auto added =
            sql::run(m_db,
                     QStringLiteral("INSERT INTO group_member(group_id, cycle_id, authority_id, position) "
                                    "VALUES (?, ?, ?, ?)"),
                     {toGroupId, target->value(0), authorityId, target->value(1)});
        !added) {
        return explainMemberConflict(m_db, added.error(), target->value(0).toLongLong(), authorityId);
    }
    return tx.commit();
}

Status ScheduleStore::setLeadReviewer(qint64 groupId, qint64 revieweeId, qint64 reviewerId) {
    if (reviewerId == 0) {
        return done(sql::run(m_db,
                             QStringLiteral("DELETE FROM lead_review WHERE group_id = ? AND reviewee_id = ?"),
                             {groupId, revieweeId}));
    }
    if (reviewerId == revieweeId) {
        return failure(
            Error::Kind::Conflict,
            QStringLiteral("%1 cannot be its own lead reviewer.").arg(authorityName(m_db, revieweeId)));
    }
    if (!isMember(m_db, groupId, revieweeId)) {
        return failure(Error::Kind::Conflict,
                       QStringLiteral("%1 is not in %2, so it has no lead reviewer there.")
                           .arg(authorityName(m_db, revieweeId), groupLabel(m_db, groupId)));
    }
    if (!isMember(m_db, groupId, reviewerId)) {
        return failure(
            Error::Kind::Conflict,
            QStringLiteral("%1 is not in %2: a lead reviewer must be another member of the same group.")
                .arg(authorityName(m_db, reviewerId), groupLabel(m_db, groupId)));
    }
    return done(sql::run(
        m_db,
        QStringLiteral("INSERT INTO lead_review(group_id, reviewee_id, reviewer_id) VALUES (?, ?, ?) "
                       "ON CONFLICT(group_id, reviewee_id) DO UPDATE SET "
                       "reviewer_id = excluded.reviewer_id"),
        {groupId, revieweeId, reviewerId}));
}

Result<CycleSchedule> ScheduleStore::load(qint64 cycleId) const {
    CycleSchedule schedule;
    auto cycle = cycleById(cycleId);
    if (!cycle) {
        return cycle.error();
    }
    schedule.cycle = *cycle;
    auto groupList = groups(cycleId);
    if (!groupList) {
        return groupList.error();
    }
    schedule.groups = std::move(*groupList);
    RosterStore roster(m_db);
    auto authorities = roster.authorities();
    if (!authorities) {
        return authorities.error();
    }
    for (auto& a : *authorities) {
        schedule.authorities.emplace(a.id, a);
    }
    auto people = roster.people();
    if (!people) {
        return people.error();
    }
    for (auto& p : *people) {
        schedule.people.emplace(p.id, p);
    }
    auto assessments = SelfAssessmentStore(m_db).forCycle(cycleId);
    if (!assessments) {
        return assessments.error();
    }
    for (auto& sa : *assessments) {
        schedule.selfAssessments.emplace(sa.authorityId, sa);
    }
    return schedule;
}

} // namespace balcony
