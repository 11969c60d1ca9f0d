#include "notes/note_store.h"

#include "engine/clock.h"
#include "store/database.h"
#include "store/sql.h"
#include "store/transaction.h"
#include "support/logging.h"

#include <QSqlQuery>

namespace balcony {
namespace {

// Columns of note_revision in the order revisionFrom() reads them, for a table aliased r.
constexpr char revisionColumns[] =
    "r.id, r.item_id, r.number, r.saved_at_utc, r.deleted, r.kind, r.theme, r.block_index, r.body, "
    "r.working";

// The latest revision of item i.
constexpr char latestOfItem[] = "r.number = (SELECT max(number) FROM note_revision WHERE item_id = i.id)";

QString stamp(const QDateTime& utc) {
    return utc.toUTC().toString(Qt::ISODateWithMs);
}

NoteRevision revisionFrom(const QSqlQuery& q, int first = 0) {
    NoteRevision r;
    r.id = q.value(first).toLongLong();
    r.itemId = q.value(first + 1).toLongLong();
    r.number = q.value(first + 2).toInt();
    r.savedAtUtc = QDateTime::fromString(q.value(first + 3).toString(), Qt::ISODateWithMs);
    r.deleted = q.value(first + 4).toInt() != 0;
    // The schema admits only known kinds, so the fallback is never taken for stored rows.
    r.content.kind = noteKindFromKey(q.value(first + 5).toString()).value_or(NoteKind::Note);
    r.content.theme = q.value(first + 6).toString();
    if (!q.value(first + 7).isNull()) {
        r.content.blockIndex = q.value(first + 7).toInt();
    }
    r.content.text = q.value(first + 8).toString();
    r.working = q.value(first + 9).toInt() != 0;
    return r;
}

NoteItem itemFrom(const QSqlQuery& q) {
    // i.id, i.group_id, i.authority_id, i.created_at_utc, then the revision's columns.
    NoteItem item;
    item.id = q.value(0).toLongLong();
    item.groupId = q.value(1).toLongLong();
    item.authorityId = q.value(2).toLongLong();
    item.capturedAtUtc = QDateTime::fromString(q.value(3).toString(), Qt::ISODateWithMs);
    item.current = revisionFrom(q, 4);
    return item;
}

QString itemQuery(const QString& where) {
    return QStringLiteral("SELECT i.id, i.group_id, i.authority_id, i.created_at_utc, ") +
           QLatin1String(revisionColumns) +
           QStringLiteral(" FROM note_item i JOIN note_revision r ON r.item_id = i.id AND ") +
           QLatin1String(latestOfItem) + QStringLiteral(" WHERE ") + where;
}

Error noSuchItem(qint64 itemId) {
    return failure(
        Error::Kind::NotFound,
        QStringLiteral("There is no note item %1. List the group's items to find its number.").arg(itemId));
}

} // namespace

Status validate(const NoteContent& content) {
    if (content.text.trimmed().isEmpty()) {
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("A note needs some text; nothing was saved."));
    }
    if (content.blockIndex && *content.blockIndex < 0) {
        return failure(
            Error::Kind::InvalidInput,
            QStringLiteral("Block %1 does not exist: blocks are numbered from 0. Nothing was saved.")
                .arg(*content.blockIndex));
    }
    return {};
}

NoteStore::NoteStore(Database& db, UtcClock now)
    : m_db(db)
    , m_now(now ? std::move(now) : UtcClock([] {
        static const SystemClock clock;
        return clock.utcNow();
    })) {}

Result<qint64> NoteStore::capture(qint64 groupId, qint64 authorityId, const NoteContent& content) {
    if (auto valid = validate(content); !valid) {
        return valid.error();
    }
    return insertItem(groupId, authorityId, content, false);
}

Result<qint64> NoteStore::insertItem(qint64 groupId, qint64 authorityId, const NoteContent& content,
                                     bool working) {
    Transaction tx(m_db);
    if (!tx.isActive()) {
        return tx.error();
    }
    auto member =
        sql::run(m_db,
                 QStringLiteral("SELECT g.id, m.authority_id FROM review_group g LEFT JOIN group_member m "
                                "ON m.group_id = g.id AND m.authority_id = ? WHERE g.id = ?"),
                 {authorityId, groupId});
    if (!member) {
        return member.error();
    }
    if (!member->next()) {
        return failure(Error::Kind::NotFound,
                       QStringLiteral("The group no longer exists, so the note was not saved."));
    }
    if (member->value(1).isNull()) {
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("That LA is not a member of this group, so the note was not saved."));
    }
    const QString now = stamp(m_now());
    auto item =
        sql::insertReturningId(m_db,
                               QStringLiteral("INSERT INTO note_item(group_id, authority_id, created_at_utc) "
                                              "VALUES (?, ?, ?)"),
                               {groupId, authorityId, now});
    if (!item) {
        return item.error();
    }
    const qint64 itemId = *item;
    auto revision =
        sql::run(m_db,
                 QStringLiteral("INSERT INTO note_revision(item_id, number, saved_at_utc, kind, theme, "
                                "block_index, body, deleted, working) VALUES (?, 1, ?, ?, ?, ?, ?, 0, ?)"),
                 {itemId, now, toKey(content.kind), sql::text(content.theme.trimmed()),
                  content.blockIndex ? QVariant(*content.blockIndex) : QVariant(QMetaType(QMetaType::Int)),
                  content.text, working ? 1 : 0});
    if (!revision) {
        return revision.error();
    }
    if (auto saved = tx.commit(); !saved) {
        return saved.error();
    }
    logging::get("notes")->info("captured note item {} ({}) in group {}", itemId,
                                toKey(content.kind).toStdString(), groupId);
    return itemId;
}

Result<int> NoteStore::revise(qint64 itemId, const NoteContent& content) {
    if (auto valid = validate(content); !valid) {
        return valid.error();
    }
    return addRevision(itemId, content, false);
}

Result<int> NoteStore::remove(qint64 itemId) {
    return addRevision(itemId, {}, true);
}

Result<NoteStore::WorkingRevision> NoteStore::saveWorking(qint64 groupId, qint64 authorityId, qint64 itemId,
                                                          const NoteContent& content) {
    if (auto valid = validate(content); !valid) {
        return valid.error();
    }
    if (itemId == 0) {
        auto id = insertItem(groupId, authorityId, content, true);
        if (!id) {
            return id.error();
        }
        return WorkingRevision{*id, 1};
    }
    Transaction tx(m_db);
    if (!tx.isActive()) {
        return tx.error();
    }
    auto latest = item(itemId);
    if (!latest) {
        return latest.error();
    }
    if (!latest->current.working || latest->current.deleted) {
        auto number = addRevision(itemId, content, false, true);
        if (!number) {
            return number.error();
        }
        if (auto committed = tx.commit(); !committed) {
            return committed.error();
        }
        return WorkingRevision{itemId, *number};
    }
    const int number = latest->current.number;
    auto updated =
        sql::run(m_db,
                 QStringLiteral("UPDATE note_revision SET saved_at_utc = ?, kind = ?, theme = ?, "
                                "block_index = ?, body = ? WHERE item_id = ? AND number = ? AND working = 1"),
                 {stamp(m_now()), toKey(content.kind), sql::text(content.theme.trimmed()),
                  content.blockIndex ? QVariant(*content.blockIndex) : QVariant(QMetaType(QMetaType::Int)),
                  content.text, itemId, number});
    if (!updated) {
        return updated.error();
    }
    if (auto committed = tx.commit(); !committed) {
        return committed.error();
    }
    return WorkingRevision{itemId, number};
}

Status NoteStore::seal(qint64 itemId) {
    Transaction tx(m_db);
    if (!tx.isActive()) {
        return tx.error();
    }
    auto sealed = sql::run(
        m_db, QStringLiteral("UPDATE note_revision SET working = 0 WHERE item_id = ? AND working = 1"),
        {itemId});
    if (!sealed) {
        return sealed.error();
    }
    return tx.commit();
}

Result<int> NoteStore::addRevision(qint64 itemId, const NoteContent& content, bool deleted, bool working) {
    Transaction tx(m_db);
    if (!tx.isActive()) {
        return tx.error();
    }
    auto latest = item(itemId);
    if (!latest) {
        return latest.error();
    }
    if (latest->current.deleted) {
        return failure(Error::Kind::Conflict,
                       QStringLiteral("Note item %1 was deleted, so it cannot be changed or deleted again.")
                           .arg(itemId));
    }
    // A deletion keeps the last content, so the history shows what was deleted.
    const NoteContent& saved = deleted ? latest->current.content : content;
    const int number = latest->current.number + 1;
    if (latest->current.working) {
        auto sealed = sql::run(
            m_db, QStringLiteral("UPDATE note_revision SET working = 0 WHERE item_id = ? AND working = 1"),
            {itemId});
        if (!sealed) {
            return sealed.error();
        }
    }
    auto revision =
        sql::run(m_db,
                 QStringLiteral("INSERT INTO note_revision(item_id, number, saved_at_utc, kind, theme, "
                                "block_index, body, deleted, working) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                 {itemId, number, stamp(m_now()), toKey(saved.kind), sql::text(saved.theme.trimmed()),
                  saved.blockIndex ? QVariant(*saved.blockIndex) : QVariant(QMetaType(QMetaType::Int)),
                  saved.text, deleted ? 1 : 0, working ? 1 : 0});
    if (!revision) {
        return revision.error();
    }
    if (auto committed = tx.commit(); !committed) {
        return committed.error();
    }
    logging::get("notes")->info("{} note item {} (revision {})", deleted ? "deleted" : "revised", itemId,
                                number);
    return number;
}

Result<std::vector<NoteItem>> NoteStore::current(qint64 groupId, const Filter& filter) const {
    const QString kind =
        filter.kind ? toKey(*filter.kind) : QStringLiteral(""); // not null: NULL = '' is not true
    auto query = sql::run(m_db,
                          itemQuery(QStringLiteral("i.group_id = ? AND r.deleted = 0 "
                                                   "AND (? = 0 OR i.authority_id = ?) "
                                                   "AND (? = '' OR r.kind = ?) ORDER BY i.id")),
                          {groupId, filter.authorityId, filter.authorityId, kind, kind});
    if (!query) {
        return query.error();
    }
    std::vector<NoteItem> items;
    while (query->next()) {
        items.push_back(itemFrom(*query));
    }
    return items;
}

Result<NoteItem> NoteStore::item(qint64 itemId) const {
    auto query = sql::run(m_db, itemQuery(QStringLiteral("i.id = ?")), {itemId});
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return noSuchItem(itemId);
    }
    return itemFrom(*query);
}

Result<std::vector<NoteRevision>> NoteStore::history(qint64 itemId) const {
    auto query = sql::run(m_db,
                          QStringLiteral("SELECT ") + QLatin1String(revisionColumns) +
                              QStringLiteral(" FROM note_revision r WHERE r.item_id = ? ORDER BY r.number"),
                          {itemId});
    if (!query) {
        return query.error();
    }
    std::vector<NoteRevision> revisions;
    while (query->next()) {
        revisions.push_back(revisionFrom(*query));
    }
    if (revisions.empty()) {
        return noSuchItem(itemId);
    }
    return revisions;
}

} // namespace balcony
