#include "engine/day_resume.h"

#include "store/database.h"
#include "store/sql.h"

namespace balcony {

namespace {

// Both logs store UTC as Qt::ISODateWithMs ("2026-11-30T10:04:00.000Z"), so the text's maximum is
// the latest instant.
Result<QDateTime> latest(Database& db, const QString& statement, qint64 groupId) {
    auto query = sql::run(db, statement, {groupId});
    if (!query) {
        return query.error();
    }
    if (!query->next() || query->value(0).isNull()) {
        return QDateTime();
    }
    return QDateTime::fromString(query->value(0).toString(), Qt::ISODateWithMs).toUTC();
}

} // namespace

Result<DayResume> dayResume(Database& db, qint64 groupId, const QDateTime& nowUtc) {
    auto event = latest(db, QStringLiteral("SELECT MAX(at_utc) FROM day_event WHERE group_id = ?"), groupId);
    if (!event) {
        return event.error();
    }
    auto note = latest(db,
                       QStringLiteral("SELECT MAX(r.saved_at_utc) FROM note_revision r "
                                      "JOIN note_item i ON i.id = r.item_id WHERE i.group_id = ?"),
                       groupId);
    if (!note) {
        return note.error();
    }
    DayResume resume;
    resume.lastRecordedUtc = !note->isValid() || (event->isValid() && *event > *note) ? *event : *note;
    if (resume.lastRecordedUtc.isValid()) {
        resume.awayMs = std::max<qint64>(0, resume.lastRecordedUtc.msecsTo(nowUtc));
    }
    return resume;
}

bool isLiveToday(const DayPlan& plan, const DayState& state) {
    if (state.status != DayStatus::Running && state.status != DayStatus::Paused) {
        return false;
    }
    const QDate today = state.now.toTimeZone(groupDayZone()).date();
    return (plan.date.isValid() && plan.date == today) ||
           (state.actualStart.isValid() && state.actualStart.toTimeZone(groupDayZone()).date() == today);
}

} // namespace balcony
