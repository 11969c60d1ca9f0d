#include "outcomes/report_marks.h"

#include "engine/clock.h"
#include "store/database.h"
#include "store/sql.h"

#include <QSqlQuery>

namespace balcony::outcomes {
namespace {

QString storedKey(ReportSection section) {
    return section == ReportSection::BestPractice ? QStringLiteral("best_practice")
                                                  : QStringLiteral("systemic_issue");
}

ReportSection fromStored(const QString& key) {
    if (key == QStringLiteral("best_practice")) {
        return ReportSection::BestPractice;
    }
    if (key == QStringLiteral("systemic_issue")) {
        return ReportSection::SystemicIssue;
    }
    return ReportSection::None;
}

bool markableKind(NoteKind kind) {
    return kind == NoteKind::Strength || kind == NoteKind::Insight || kind == NoteKind::Ask ||
           kind == NoteKind::Offer || kind == NoteKind::Action;
}

// The latest revision of each item of a cycle.
constexpr char latestRevision[] =
    "JOIN note_revision r ON r.item_id = i.id "
    "AND r.number = (SELECT max(number) FROM note_revision WHERE item_id = i.id) "
    "JOIN review_group g ON g.id = i.group_id JOIN authority a ON a.id = i.authority_id ";

} // namespace

QString toKey(ReportSection section) {
    switch (section) {
    case ReportSection::BestPractice:
        return QStringLiteral("best-practice");
    case ReportSection::SystemicIssue:
        return QStringLiteral("systemic-issue");
    case ReportSection::None:
        break;
    }
    return QStringLiteral("none");
}

std::optional<ReportSection> reportSectionFromKey(const QString& key) {
    for (const auto section :
         {ReportSection::None, ReportSection::BestPractice, ReportSection::SystemicIssue}) {
        if (toKey(section) == key) {
            return section;
        }
    }
    return std::nullopt;
}

QString displayName(ReportSection section) {
    switch (section) {
    case ReportSection::BestPractice:
        return QStringLiteral("Best practice");
    case ReportSection::SystemicIssue:
        return QStringLiteral("Common systemic issue");
    case ReportSection::None:
        break;
    }
    return QStringLiteral("Not in the report");
}

ReportMarkStore::ReportMarkStore(Database& db, const Clock& clock)
    : m_db(db)
    , m_clock(clock) {}

Status ReportMarkStore::mark(qint64 itemId, ReportSection section) {
    auto item = sql::run(m_db,
                         QStringLiteral("SELECT r.kind, r.deleted FROM note_revision r WHERE r.item_id = ? "
                                        "ORDER BY r.number DESC LIMIT 1"),
                         {itemId});
    if (!item) {
        return item.error();
    }
    if (!item->next() || item->value(1).toInt() != 0) {
        return failure(
            Error::Kind::NotFound,
            QStringLiteral("There is no captured item %1 (see outcomes list). Nothing was changed.")
                .arg(itemId));
    }
    const auto kind = noteKindFromKey(item->value(0).toString());
    if (!kind || !markableKind(*kind)) {
        return failure(
            Error::Kind::InvalidInput,
            QStringLiteral("Item %1 is a %2; only a strength, insight, ask, offer or action can be "
                           "marked for the report. Nothing was changed.")
                .arg(itemId)
                .arg(kind ? displayName(*kind).toLower() : item->value(0).toString()));
    }
    if (section == ReportSection::None) {
        auto removed = sql::run(m_db, QStringLiteral("DELETE FROM report_mark WHERE item_id = ?"), {itemId});
        return removed ? Status{} : Status{removed.error()};
    }
    auto written =
        sql::run(m_db,
                 QStringLiteral("INSERT INTO report_mark(item_id, section, marked_at_utc) VALUES (?, ?, ?) "
                                "ON CONFLICT (item_id) DO UPDATE SET section = excluded.section, "
                                "marked_at_utc = excluded.marked_at_utc"),
                 {itemId, storedKey(section), m_clock.utcNow().toUTC().toString(Qt::ISODateWithMs)});
    return written ? Status{} : Status{written.error()};
}

Result<ReportSection> ReportMarkStore::markOf(qint64 itemId) const {
    auto q = sql::run(m_db, QStringLiteral("SELECT section FROM report_mark WHERE item_id = ?"), {itemId});
    if (!q) {
        return q.error();
    }
    return q->next() ? fromStored(q->value(0).toString()) : ReportSection::None;
}

Result<std::vector<MarkableItem>> ReportMarkStore::markable(qint64 cycleId) const {
    auto q = sql::run(m_db,
                      QStringLiteral("SELECT i.id, g.id, g.label, a.id, a.name, r.kind, r.theme, r.body, "
                                     "coalesce(m.section, '') FROM note_item i ") +
                          QLatin1String(latestRevision) +
                          QStringLiteral("LEFT JOIN report_mark m ON m.item_id = i.id "
                                         "WHERE g.cycle_id = ? AND r.deleted = 0 "
                                         "AND r.kind IN ('strength', 'insight', 'ask', 'offer', 'action') "
                                         "ORDER BY a.name, g.label, i.id"),
                      {cycleId});
    if (!q) {
        return q.error();
    }
    std::vector<MarkableItem> items;
    while (q->next()) {
        MarkableItem item;
        item.itemId = q->value(0).toLongLong();
        item.groupId = q->value(1).toLongLong();
        item.groupLabel = q->value(2).toString();
        item.authorityId = q->value(3).toLongLong();
        item.authorityName = q->value(4).toString();
        item.kind = noteKindFromKey(q->value(5).toString()).value_or(NoteKind::Strength);
        item.theme = q->value(6).toString();
        item.text = q->value(7).toString();
        item.section = fromStored(q->value(8).toString());
        items.push_back(std::move(item));
    }
    return items;
}

Result<std::vector<MarkedItem>> markedForReport(Database& db, qint64 cycleId) {
    // Starts from report_mark, so that only marked items' texts are ever read.
    auto q = sql::run(db,
                      QStringLiteral("SELECT i.id, a.name, r.kind, r.theme, r.body, m.section "
                                     "FROM report_mark m JOIN note_item i ON i.id = m.item_id ") +
                          QLatin1String(latestRevision) +
                          QStringLiteral("WHERE g.cycle_id = ? AND r.deleted = 0 "
                                         "ORDER BY m.section, a.name, i.id"),
                      {cycleId});
    if (!q) {
        return q.error();
    }
    std::vector<MarkedItem> items;
    while (q->next()) {
        MarkedItem item;
        item.itemId = q->value(0).toLongLong();
        item.authorityName = q->value(1).toString();
        item.kind = noteKindFromKey(q->value(2).toString()).value_or(NoteKind::Strength);
        item.theme = q->value(3).toString();
        item.text = q->value(4).toString();
        item.section = fromStored(q->value(5).toString());
        items.push_back(std::move(item));
    }
    return items;
}

} // namespace balcony::outcomes
