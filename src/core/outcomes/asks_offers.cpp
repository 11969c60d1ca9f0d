#include "outcomes/asks_offers.h"

#include "engine/clock.h"
#include "notes/note_store.h"
#include "outcomes/support_menu.h"
#include "questions/question_bank.h"
#include "store/database.h"
#include "store/row_version.h"
#include "store/sql.h"
#include "store/transaction.h"

#include <QSqlQuery>

namespace balcony::outcomes {
namespace {

// The latest revision of each ask or offer of a cycle, with its group, LA and register state.
QString registerQuery(const QString& where) {
    return QStringLiteral(
               "SELECT i.id, r.kind, g.id, g.label, a.id, a.name, r.theme, r.body, "
               "coalesce(s.status, 'open'), coalesce(s.support_kind, ''), i.created_at_utc, "
               "coalesce(s.row_version, 0), coalesce(s.changed_by, ''), s.changed_at_utc "
               "FROM note_item i "
               "JOIN note_revision r ON r.item_id = i.id "
               "AND r.number = (SELECT max(number) FROM note_revision WHERE item_id = i.id) "
               "JOIN review_group g ON g.id = i.group_id JOIN authority a ON a.id = i.authority_id "
               "LEFT JOIN ask_offer_state s ON s.item_id = i.id "
               "WHERE r.deleted = 0 AND r.kind IN ('ask', 'offer') AND ") +
           where + QStringLiteral(" ORDER BY g.label, i.id");
}

AskOffer rowFrom(const QSqlQuery& q) {
    AskOffer item;
    item.itemId = q.value(0).toLongLong();
    item.kind = noteKindFromKey(q.value(1).toString()).value_or(NoteKind::Ask);
    item.groupId = q.value(2).toLongLong();
    item.groupLabel = q.value(3).toString();
    item.authorityId = q.value(4).toLongLong();
    item.authorityName = q.value(5).toString();
    item.theme = q.value(6).toString();
    item.text = q.value(7).toString();
    item.status = askOfferStatusFromKey(q.value(8).toString()).value_or(AskOfferStatus::Open);
    item.supportKind = q.value(9).toString();
    item.capturedAtUtc = QDateTime::fromString(q.value(10).toString(), Qt::ISODateWithMs);
    item.rowVersion = q.value(11).toInt();
    item.changedBy = q.value(12).toString();
    if (!q.value(13).isNull()) {
        item.changedAtUtc = QDateTime::fromString(q.value(13).toString(), Qt::ISODateWithMs);
        item.changedAtUtc.setTimeSpec(Qt::UTC);
    }
    return item;
}

NoteStore::UtcClock utcOf(const Clock& clock) {
    return [&clock] { return clock.utcNow(); };
}

} // namespace

QString toKey(AskOfferStatus status) {
    switch (status) {
    case AskOfferStatus::Open:
        return QStringLiteral("open");
    case AskOfferStatus::Matched:
        return QStringLiteral("matched");
    case AskOfferStatus::Closed:
        return QStringLiteral("closed");
    }
    return {};
}

std::optional<AskOfferStatus> askOfferStatusFromKey(const QString& key) {
    for (auto status : {AskOfferStatus::Open, AskOfferStatus::Matched, AskOfferStatus::Closed}) {
        if (toKey(status) == key) {
            return status;
        }
    }
    return std::nullopt;
}

AskOfferRegister::AskOfferRegister(Database& db, const Clock& clock)
    : m_db(db)
    , m_clock(clock) {}

Result<std::vector<AskOffer>> AskOfferRegister::list(qint64 cycleId, const RegisterFilter& filter) const {
    auto rows = sql::run(m_db, registerQuery(QStringLiteral("g.cycle_id = ?")), {cycleId});
    if (!rows) {
        return rows.error();
    }
    const QString theme = filter.theme.trimmed().isEmpty() ? QString() : questions::themeKey(filter.theme);
    std::vector<AskOffer> items;
    while (rows->next()) {
        AskOffer item = rowFrom(*rows);
        if ((filter.kind && item.kind != *filter.kind) ||
            (filter.authorityId != 0 && item.authorityId != filter.authorityId) ||
            (filter.groupId != 0 && item.groupId != filter.groupId) ||
            (!theme.isEmpty() && questions::themeKey(item.theme) != theme) ||
            (filter.status && item.status != *filter.status)) {
            continue;
        }
        items.push_back(std::move(item));
    }
    return items;
}

Result<AskOffer> AskOfferRegister::item(qint64 itemId) const {
    auto rows = sql::run(m_db, registerQuery(QStringLiteral("i.id = ?")), {itemId});
    if (!rows) {
        return rows.error();
    }
    if (!rows->next()) {
        return failure(Error::Kind::NotFound,
                       QStringLiteral("There is no ask or offer %1. List the cycle's outcomes "
                                      "(outcomes list) to find its number.")
                           .arg(itemId));
    }
    return rowFrom(*rows);
}

Result<qint64> AskOfferRegister::add(qint64 cycleId, qint64 authorityId, NoteKind kind, const QString& theme,
                                     const QString& text) {
    if (kind != NoteKind::Ask && kind != NoteKind::Offer) {
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("The register holds asks and offers only; nothing was added."));
    }
    NoteContent content{kind, theme.trimmed(), std::nullopt, text};
    if (auto valid = validate(content); !valid) {
        return valid.error();
    }
    auto group = sql::run(
        m_db, QStringLiteral("SELECT group_id FROM group_member WHERE cycle_id = ? AND authority_id = ?"),
        {cycleId, authorityId});
    if (!group) {
        return group.error();
    }
    if (!group->next()) {
        return failure(Error::Kind::NotFound,
                       QStringLiteral("That LA is in no group of this cycle, so the %1 was not added. "
                                      "Put it in a group first.")
                           .arg(displayName(kind).toLower()));
    }
    return NoteStore(m_db, utcOf(m_clock)).capture(group->value(0).toLongLong(), authorityId, content);
}

Result<int> AskOfferRegister::claim(const AskOffer& item, std::optional<int> basedOnVersion) {
    // An item never changed through the register has no state row yet: it reads as version 0.
    if (auto made =
            sql::run(m_db,
                     QStringLiteral(
                         "INSERT INTO ask_offer_state(item_id) VALUES (?) ON CONFLICT (item_id) DO NOTHING"),
                     {item.itemId});
        !made) {
        return made.error();
    }
    return rowversion::claim(
        m_db, m_clock, QStringLiteral("ask_offer_state"), QStringLiteral("item_id"), item.itemId,
        basedOnVersion,
        QStringLiteral("%1 %2 of %3").arg(displayName(item.kind)).arg(item.itemId).arg(item.authorityName));
}

Result<int> AskOfferRegister::edit(qint64 itemId, const QString& theme, const QString& text,
                                   std::optional<int> basedOnVersion) {
    Transaction tx(m_db);
    if (!tx.isActive()) {
        return tx.error();
    }
    auto current = item(itemId);
    if (!current) {
        return current.error();
    }
    const NoteContent content{current->kind, theme.trimmed(), std::nullopt, text};
    if (auto valid = validate(content); !valid) {
        return valid.error();
    }
    if (auto claimed = claim(*current, basedOnVersion); !claimed) {
        return claimed.error();
    }
    auto revision = NoteStore(m_db, utcOf(m_clock)).revise(itemId, content);
    if (!revision) {
        return revision.error();
    }
    if (auto committed = tx.commit(); !committed) {
        return committed.error();
    }
    return *revision;
}

Status AskOfferRegister::setStatus(qint64 itemId, AskOfferStatus status, std::optional<int> basedOnVersion) {
    Transaction tx(m_db);
    if (!tx.isActive()) {
        return tx.error();
    }
    auto current = item(itemId);
    if (!current) {
        return current.error();
    }
    if (auto claimed = claim(*current, basedOnVersion); !claimed) {
        return claimed.error();
    }
    auto saved = sql::run(m_db, QStringLiteral("UPDATE ask_offer_state SET status = ? WHERE item_id = ?"),
                          {toKey(status), itemId});
    if (!saved) {
        return saved.error();
    }
    return tx.commit();
}

Status AskOfferRegister::setSupportKind(qint64 itemId, const QString& key,
                                        std::optional<int> basedOnVersion) {
    Transaction tx(m_db);
    if (!tx.isActive()) {
        return tx.error();
    }
    auto current = item(itemId);
    if (!current) {
        return current.error();
    }
    if (current->kind != NoteKind::Ask) {
        return failure(
            Error::Kind::InvalidInput,
            QStringLiteral("Item %1 is an offer; only an ask is tagged with the help it needs.").arg(itemId));
    }
    const QString wanted = key.trimmed().toLower();
    if (!wanted.isEmpty()) {
        auto menu = supportMenu(m_db);
        if (!menu) {
            return menu.error();
        }
        QStringList keys;
        for (const auto& kind : *menu) {
            keys << kind.key;
        }
        if (!keys.contains(wanted)) {
            return failure(Error::Kind::InvalidInput,
                           QStringLiteral("\"%1\" is not on the region's support menu; use one of %2.")
                               .arg(key, keys.join(QStringLiteral(", "))));
        }
    }
    if (auto claimed = claim(*current, basedOnVersion); !claimed) {
        return claimed.error();
    }
    auto saved =
        sql::run(m_db, QStringLiteral("UPDATE ask_offer_state SET support_kind = ? WHERE item_id = ?"),
                 {sql::text(wanted), itemId});
    if (!saved) {
        return saved.error();
    }
    return tx.commit();
}

} // namespace balcony::outcomes
