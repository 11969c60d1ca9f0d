#include "engine/day_plan_store.h"

#include "domain/schedule_store.h"
#include "engine/clock.h"
#include "store/backup.h"
#include "store/database.h"
#include "store/sql.h"
#include "store/transaction.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>

namespace balcony {
namespace {

QString clock(const QTime& time) {
    return time.isValid() ? time.toString(QStringLiteral("HH:mm")) : QString();
}

QTime clockFrom(const QVariant& value) {
    const QString text = value.toString();
    return text.isEmpty() ? QTime() : QTime::fromString(text, QStringLiteral("HH:mm"));
}

Status commitOne(Database& db, const QString& statement, std::initializer_list<QVariant> bindings) {
    Transaction tx(db);
    if (!tx.isActive()) {
        return tx.error();
    }
    if (auto query = sql::run(db, statement, bindings); !query) {
        return query.error();
    }
    return tx.commit();
}

} // namespace

Result<DayTemplate> DayPlanStore::importTemplate(const QString& path, const Clock& clock) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return failure(file.exists() ? Error::Kind::Failed : Error::Kind::NotFound,
                       QStringLiteral("Cannot read day template %1: %2.").arg(path, file.errorString()));
    }
    const QByteArray body = file.readAll();
    auto parsed = parseDayTemplate(body, path);
    if (!parsed) {
        return parsed.error();
    }
    // A template returns no outcome to carry a warning: a backup that could not be made is logged.
    (void)backups::beforeChange(m_db, backups::Reason::BeforeImport);
    Transaction tx(m_db);
    if (!tx.isActive()) {
        return tx.error();
    }
    auto query =
        sql::run(m_db,
                 QStringLiteral("INSERT INTO day_template (id, name, body, imported_from, imported_at_utc) "
                                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
                                "body = excluded.body, imported_from = excluded.imported_from, "
                                "imported_at_utc = excluded.imported_at_utc"),
                 {parsed->id, parsed->name, QString::fromUtf8(body), QFileInfo(path).fileName(),
                  clock.utcNow().toUTC().toString(Qt::ISODateWithMs)});
    if (!query) {
        return query.error();
    }
    if (auto saved = tx.commit(); !saved) {
        return saved.error();
    }
    return parsed;
}

Result<DayTemplate> DayPlanStore::findTemplate(const QString& id) const {
    auto query =
        sql::run(m_db, QStringLiteral("SELECT body, imported_from FROM day_template WHERE id = ?"), {id});
    if (!query) {
        return query.error();
    }
    if (query->next()) {
        return parseDayTemplate(
            query->value(0).toString().toUtf8(),
            QStringLiteral("\"%1\" (imported from %2)").arg(id, query->value(1).toString()));
    }
    if (builtInTemplateIds().contains(id)) {
        return builtInTemplate(id);
    }
    auto imported = importedTemplateIds();
    QStringList known = builtInTemplateIds();
    if (imported) {
        known += *imported;
    }
    return failure(Error::Kind::NotFound,
                   QStringLiteral("There is no day template \"%1\"; the region has %2.")
                       .arg(id, known.join(QStringLiteral(", "))));
}

Result<QStringList> DayPlanStore::importedTemplateIds() const {
    auto query = sql::run(m_db, QStringLiteral("SELECT id FROM day_template ORDER BY id"));
    if (!query) {
        return query.error();
    }
    QStringList ids;
    while (query->next()) {
        ids << query->value(0).toString();
    }
    return ids;
}

Result<GroupDayPlan> DayPlanStore::groupPlan(qint64 groupId) const {
    GroupDayPlan plan;
    auto query = sql::run(m_db,
                          QStringLiteral("SELECT p.template_id, g.start_time FROM review_group g "
                                         "LEFT JOIN group_day_plan p ON p.group_id = g.id WHERE g.id = ?"),
                          {groupId});
    if (!query) {
        return query.error();
    }
    if (query->next()) {
        plan.templateId = query->value(0).toString();
        plan.start = clockFrom(query->value(1));
    }
    auto blocks = sql::run(
        m_db,
        QStringLiteral("SELECT block_index, minutes, pinned_at FROM group_block_plan WHERE group_id = ?"),
        {groupId});
    if (!blocks) {
        return blocks.error();
    }
    while (blocks->next()) {
        plan.blocks[blocks->value(0).toInt()] =
            BlockOverride{blocks->value(1).toInt(), clockFrom(blocks->value(2))};
    }
    return plan;
}

Status DayPlanStore::setGroupTemplate(qint64 groupId, const QString& templateId, QTime start) {
    if (!templateId.isEmpty()) {
        if (auto found = findTemplate(templateId); !found) {
            return found.error();
        }
    }
    Transaction tx(m_db);
    if (!tx.isActive()) {
        return tx.error();
    }
    if (auto query = sql::run(m_db,
                              QStringLiteral("INSERT INTO group_day_plan (group_id, template_id) VALUES (?, "
                                             "COALESCE(?, '')) ON CONFLICT (group_id) DO UPDATE SET "
                                             "template_id = excluded.template_id"),
                              {groupId, templateId});
        !query) {
        return query.error();
    }
    if (auto started = ScheduleStore(m_db).setGroupStart(groupId, start); !started) {
        return started;
    }
    return tx.commit();
}

Status DayPlanStore::setBlock(qint64 groupId, int blockIndex, const BlockOverride& change) {
    if (blockIndex < 0 || change.minutes < 0 || change.minutes > 600) {
        return failure(
            Error::Kind::InvalidInput,
            QStringLiteral("Block %1 cannot be given %2 minutes: use 1 to 600, or 0 for the template's.")
                .arg(blockIndex)
                .arg(change.minutes));
    }
    if (change.minutes == 0 && !change.pinnedAt.isValid()) {
        return commitOne(
            m_db, QStringLiteral("DELETE FROM group_block_plan WHERE group_id = ? AND block_index = ?"),
            {groupId, blockIndex});
    }
    return commitOne(
        m_db,
        QStringLiteral("INSERT INTO group_block_plan (group_id, block_index, minutes, pinned_at) "
                       "VALUES (?, ?, ?, COALESCE(?, '')) ON CONFLICT (group_id, block_index) DO UPDATE SET "
                       "minutes = excluded.minutes, pinned_at = excluded.pinned_at"),
        {groupId, blockIndex, change.minutes, clock(change.pinnedAt)});
}

} // namespace balcony
