#pragma once

#include "notes/note_types.h"
#include "support/result.h"

#include <QDateTime>
#include <QString>
#include <optional>
#include <vector>

namespace balcony {
class Clock;
class Database;
} // namespace balcony

// The facilitator's marks on captured items for the regional report (migration 11, report_mark).
// The regional report is anonymised by construction: no text of a captured item reaches it unless
// the item is marked here, and then it appears in the section the mark names. Only a strength,
// insight, ask, offer or action can be marked (the schema refuses the others): a private note and a
// reflection stay with the group. The texts are confidential to the LA and never logged.
namespace balcony::outcomes {

enum class ReportSection { None, BestPractice, SystemicIssue };
// "none", "best-practice", "systemic-issue": what the CLI's --for-report takes.
QString toKey(ReportSection section);
std::optional<ReportSection> reportSectionFromKey(const QString& key); // exact, lower case
QString displayName(ReportSection section); // "Not in the report", "Best practice", ...

// One captured item of a cycle that can be marked, as the facilitator sees it when choosing.
struct MarkableItem {
    qint64 itemId = 0;
    qint64 groupId = 0;
    QString groupLabel;
    qint64 authorityId = 0;
    QString authorityName;
    NoteKind kind = NoteKind::Strength;
    QString theme;
    QString text;
    ReportSection section = ReportSection::None;
};

// A marked item as the report shows it (only what the mark makes public).
struct MarkedItem {
    qint64 itemId = 0;
    QString authorityName;
    NoteKind kind = NoteKind::Strength;
    QString theme;
    QString text;
    ReportSection section = ReportSection::BestPractice;
};

// The cycle's marked items only (not deleted), by section, then LA name, then capture order. The
// query starts from the marks: an unmarked item's text is never read.
Result<std::vector<MarkedItem>> markedForReport(Database& db, qint64 cycleId);

// Borrows the Database and the Clock (which stamps each mark), which must outlive it. Each write
// commits before it returns; a refusal writes nothing.
class ReportMarkStore final {
public:
    ReportMarkStore(Database& db, const Clock& clock);

    // Marks an item for a section of the report, or takes it out (None). NotFound for no such item
    // or a deleted one; InvalidInput for a kind that cannot be marked (a note or a reflection).
    Status mark(qint64 itemId, ReportSection section);
    Result<ReportSection> markOf(qint64 itemId) const;

    // The cycle's items that can be marked (not deleted; strengths, insights, asks, offers and
    // actions), by LA name, then group label, then capture order.
    Result<std::vector<MarkableItem>> markable(qint64 cycleId) const;

    Result<std::vector<MarkedItem>> marked(qint64 cycleId) const { return markedForReport(m_db, cycleId); }

private:
    Database& m_db;
    const Clock& m_clock;
};

} // namespace balcony::outcomes
