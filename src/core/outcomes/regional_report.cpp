#include "outcomes/regional_report.h"

#include "outcomes/support_menu.h"
#include "questions/question_bank.h"
#include "store/database.h"
#include "store/sql.h"

#include <QSqlQuery>
#include <algorithm>
#include <map>

namespace balcony::outcomes {
namespace {

constexpr int stepCount = 7;

// The latest, not deleted revision of an item i.
constexpr char latestLiveRevision[] =
    "JOIN note_revision r ON r.item_id = i.id AND r.deleted = 0 "
    "AND r.number = (SELECT max(number) FROM note_revision WHERE item_id = i.id) ";

// Themes joined by their key; the wording shown is the one used most (then the first in order).
class ThemeTally {
public:
    void add(const QString& written, int items, int lines) {
        const QString key = questions::themeKey(written);
        if (key.isEmpty()) {
            return;
        }
        auto& entry = m_entries[key];
        entry.items += items;
        entry.lines += lines;
        entry.wordings[written.trimmed()] += items + lines;
    }
    std::vector<ThemeCount> counts() const {
        std::vector<ThemeCount> result;
        for (const auto& [key, entry] : m_entries) {
            const auto most =
                std::max_element(entry.wordings.begin(), entry.wordings.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; });
            result.push_back({most->first, entry.items, entry.lines});
        }
        std::sort(result.begin(), result.end(), [](const ThemeCount& a, const ThemeCount& b) {
            if (a.total() != b.total()) {
                return a.total() > b.total();
            }
            return a.theme.localeAwareCompare(b.theme) < 0;
        });
        return result;
    }

private:
    struct Entry {
        int items = 0;
        int lines = 0;
        std::map<QString, int> wordings;
    };
    std::map<QString, Entry> m_entries;
};

Status groups(Database& db, qint64 cycleId, RegionalReport& report) {
    auto q = sql::run(db,
                      QStringLiteral("SELECT g.id, g.label, g.held_on, g.mode, a.name FROM review_group g "
                                     "LEFT JOIN group_member m ON m.group_id = g.id "
                                     "LEFT JOIN authority a ON a.id = m.authority_id "
                                     "WHERE g.cycle_id = ? ORDER BY g.held_on, g.label, a.name"),
                      {cycleId});
    if (!q) {
        return q.error();
    }
    qint64 current = 0;
    while (q->next()) {
        if (report.groups.empty() || q->value(0).toLongLong() != current) {
            current = q->value(0).toLongLong();
            report.groups.push_back({q->value(1).toString(),
                                     sql::dateFrom(q->value(2)),
                                     q->value(3).toString() == QStringLiteral("virtual"),
                                     {}});
        }
        if (!q->value(4).isNull()) {
            report.groups.back().authorities << q->value(4).toString();
        }
    }
    return {};
}

Status themes(Database& db, qint64 cycleId, RegionalReport& report) {
    ThemeTally tally;
    // Counts only: the theme column and a count, never a body.
    auto items = sql::run(
        db,
        QStringLiteral("SELECT r.theme, count(*) FROM note_item i ") + QLatin1String(latestLiveRevision) +
            QStringLiteral("JOIN review_group g ON g.id = i.group_id "
                           "WHERE g.cycle_id = ? AND r.kind <> 'note' AND r.kind <> 'reflection' "
                           "GROUP BY r.theme"),
        {cycleId});
    if (!items) {
        return items.error();
    }
    while (items->next()) {
        tally.add(items->value(0).toString(), items->value(1).toInt(), 0);
    }
    auto lines = sql::run(db,
                          QStringLiteral("SELECT f.theme, count(*) FROM question_focus f "
                                         "JOIN review_group g ON g.id = f.group_id WHERE g.cycle_id = ? "
                                         "GROUP BY f.theme"),
                          {cycleId});
    if (!lines) {
        return lines.error();
    }
    while (lines->next()) {
        tally.add(lines->value(0).toString(), 0, lines->value(1).toInt());
    }
    report.themes = tally.counts();
    return {};
}

Status asksAndOffers(Database& db, qint64 cycleId, RegionalReport& report) {
    auto q = sql::run(db,
                      QStringLiteral("SELECT r.kind, r.theme, coalesce(s.support_kind, ''), count(*) "
                                     "FROM note_item i ") +
                          QLatin1String(latestLiveRevision) +
                          QStringLiteral("JOIN review_group g ON g.id = i.group_id "
                                         "LEFT JOIN ask_offer_state s ON s.item_id = i.id "
                                         "WHERE g.cycle_id = ? AND r.kind IN ('ask', 'offer') "
                                         "GROUP BY r.kind, r.theme, coalesce(s.support_kind, '')"),
                      {cycleId});
    if (!q) {
        return q.error();
    }
    std::map<QString, AskOfferThemeCount> byTheme;
    std::map<QString, int> byKind;
    while (q->next()) {
        const bool ask = q->value(0).toString() == QStringLiteral("ask");
        const QString theme = q->value(1).toString().trimmed();
        const int n = q->value(3).toInt();
        QString key = questions::themeKey(theme);
        auto& entry = byTheme[key];
        if (entry.theme.isEmpty()) {
            entry.theme = theme.isEmpty() ? QStringLiteral("(no theme)") : theme;
        }
        (ask ? entry.asks : entry.offers) += n;
        (ask ? report.asks : report.offers) += n;
        if (ask) {
            byKind[q->value(2).toString()] += n;
        }
    }
    for (auto& [key, entry] : byTheme) {
        report.asksOffersByTheme.push_back(entry);
    }
    std::sort(report.asksOffersByTheme.begin(), report.asksOffersByTheme.end(),
              [](const auto& a, const auto& b) { return a.theme.localeAwareCompare(b.theme) < 0; });
    auto menu = supportMenu(db);
    if (!menu) {
        return menu.error();
    }
    for (const auto& kind : *menu) {
        if (const auto it = byKind.find(kind.key); it != byKind.end()) {
            report.asksBySupportKind.push_back({kind.label, it->second});
            byKind.erase(it);
        }
    }
    int untagged = 0;
    for (const auto& [key, n] : byKind) {
        if (key.isEmpty()) {
            untagged += n;
        } else {
            report.asksBySupportKind.push_back({key, n}); // a tag whose key left the menu
        }
    }
    if (untagged > 0) {
        report.asksBySupportKind.push_back({QStringLiteral("Not yet tagged"), untagged});
    }
    return {};
}

Status matches(Database& db, qint64 cycleId, RegionalReport& report) {
    // A text is selected only through its item's mark (CASE on the joined report_mark row).
    auto q = sql::run(
        db,
        QStringLiteral(
            "SELECT aa.name, oa.name, ra.theme, "
            "CASE WHEN ma.item_id IS NULL THEN '' ELSE ra.body END, "
            "CASE WHEN mo.item_id IS NULL THEN '' ELSE ro.body END, coalesce(f.status, 'open') "
            "FROM match_decision d "
            "JOIN note_item ia ON ia.id = d.ask_item_id JOIN note_item io ON io.id = d.offer_item_id "
            "JOIN note_revision ra ON ra.item_id = ia.id "
            "AND ra.number = (SELECT max(number) FROM note_revision WHERE item_id = ia.id) "
            "JOIN note_revision ro ON ro.item_id = io.id "
            "AND ro.number = (SELECT max(number) FROM note_revision WHERE item_id = io.id) "
            "JOIN authority aa ON aa.id = ia.authority_id JOIN authority oa ON oa.id = io.authority_id "
            "JOIN review_group g ON g.id = ia.group_id "
            "LEFT JOIN report_mark ma ON ma.item_id = ia.id LEFT JOIN report_mark mo ON mo.item_id = io.id "
            "LEFT JOIN follow_up f ON f.match_id = d.id "
            "WHERE g.cycle_id = ? AND d.decision = 'confirmed' AND ra.deleted = 0 AND ro.deleted = 0 "
            "ORDER BY aa.name, oa.name, d.id"),
        {cycleId});
    if (!q) {
        return q.error();
    }
    while (q->next()) {
        report.matches.push_back({q->value(0).toString(), q->value(1).toString(),
                                  q->value(2).toString().trimmed(), q->value(3).toString(),
                                  q->value(4).toString(), q->value(5).toString() == QStringLiteral("done")});
    }
    return {};
}

Status plenary(Database& db, qint64 cycleId, RegionalReport& report) {
    auto q = sql::run(db,
                      QStringLiteral("SELECT g.label, p.question, p.answer FROM plenary_answer p "
                                     "JOIN review_group g ON g.id = p.group_id "
                                     "WHERE g.cycle_id = ? AND length(trim(p.answer)) > 0 "
                                     "ORDER BY g.label, p.question"),
                      {cycleId});
    if (!q) {
        return q.error();
    }
    while (q->next()) {
        const QString label = q->value(0).toString();
        if (report.plenary.empty() || report.plenary.back().groupLabel != label) {
            report.plenary.push_back({label, {}});
        }
        report.plenary.back().answers.emplace_back(q->value(1).toString(), q->value(2).toString());
    }
    return {};
}

} // namespace

namespace {
const QString cancelledMessage = QStringLiteral("The regional report was cancelled; nothing was written.");
}

Error reportCancelled() {
    return failure(Error::Kind::Failed, cancelledMessage);
}

bool isReportCancelled(const Error& error) {
    return error.kind == Error::Kind::Failed && error.message == cancelledMessage;
}

Result<RegionalReport> buildRegionalReport(Database& db, qint64 cycleId, const ReportProgress& progress,
                                           const std::atomic<bool>* cancel) {
    RegionalReport report;
    auto cycle =
        sql::run(db, QStringLiteral("SELECT name, first_day, last_day FROM cycle WHERE id = ?"), {cycleId});
    if (!cycle) {
        return cycle.error();
    }
    if (!cycle->next()) {
        return failure(
            Error::Kind::NotFound,
            QStringLiteral("There is no cycle %1 for a regional report (see cycles list).").arg(cycleId));
    }
    report.cycleName = cycle->value(0).toString();
    report.firstDay = sql::dateFrom(cycle->value(1));
    report.lastDay = sql::dateFrom(cycle->value(2));

    const std::vector<std::function<Status()>> steps = {
        [&] { return groups(db, cycleId, report); },
        [&] { return themes(db, cycleId, report); },
        [&]() -> Status {
            auto marked = markedForReport(db, cycleId);
            if (!marked) {
                return marked.error();
            }
            for (auto& item : *marked) {
                (item.section == ReportSection::BestPractice ? report.bestPractice : report.systemicIssues)
                    .push_back(std::move(item));
            }
            return {};
        },
        [&]() -> Status {
            auto merged = PriorityStore(db).merged(cycleId);
            if (!merged) {
                return merged.error();
            }
            report.priorities = std::move(*merged);
            return {};
        },
        [&] { return asksAndOffers(db, cycleId, report); },
        [&] { return matches(db, cycleId, report); },
        [&] { return plenary(db, cycleId, report); },
    };
    static_assert(stepCount == 7);
    int done = 0;
    for (const auto& step : steps) {
        if (cancel != nullptr && cancel->load()) {
            return reportCancelled();
        }
        if (Status status = step(); !status) {
            return status.error();
        }
        ++done;
        if (progress) {
            progress(done, stepCount);
        }
    }
    return report;
}

} // namespace balcony::outcomes
