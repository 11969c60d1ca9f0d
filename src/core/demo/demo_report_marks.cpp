#include "demo/demo_report_marks.h"

#include "engine/clock.h"
#include "outcomes/report_marks.h"

#include <algorithm>

namespace balcony {
namespace {

using outcomes::ReportSection;

struct DemoMark {
    const char* la;
    const char* textStart; // the start of the item's text, enough to tell it from the LA's others
    ReportSection section;
};

const DemoMark demoMarks[] = {
    {"Hampshire", "Experienced moderators", ReportSection::BestPractice},
    {"Medway", "A sufficiency strategy and regional commissioning", ReportSection::BestPractice},
    {"West Sussex", "Our front door redesign", ReportSection::BestPractice},
    {"Wokingham", "Recruiting and keeping experienced social workers", ReportSection::SystemicIssue},
    {"Kent", "Bringing down the cost of residential placements", ReportSection::SystemicIssue},
    {"Slough", "Shorter waiting times for children's mental health services", ReportSection::SystemicIssue},
};

} // namespace

Status markDemoItemsForReport(Database& db, qint64 cycleId) {
    const FakeClock clock(QDateTime(QDate(2023, 3, 24), QTime(16, 0), Qt::UTC));
    outcomes::ReportMarkStore marks(db, clock);
    auto items = marks.markable(cycleId);
    if (!items) {
        return items.error();
    }
    for (const auto& mark : demoMarks) {
        const auto it = std::find_if(items->begin(), items->end(), [&](const outcomes::MarkableItem& item) {
            return item.authorityName == QString::fromUtf8(mark.la) &&
                   item.text.startsWith(QString::fromUtf8(mark.textStart));
        });
        if (it == items->end()) {
            return failure(
                Error::Kind::Failed,
                QStringLiteral("The demo region has no item of %1 starting \"%2\" to mark for the report.")
                    .arg(QString::fromUtf8(mark.la), QString::fromUtf8(mark.textStart)));
        }
        if (Status marked = marks.mark(it->itemId, mark.section); !marked) {
            return marked;
        }
    }
    return {};
}

} // namespace balcony
