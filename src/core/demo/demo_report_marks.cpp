#include "demo/demo_report_marks.h"

#include "domain/schedule_store.h"
#include "engine/clock.h"
#include "outcomes/report_marks.h"
#include "questions/day_questions.h"

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

// Two groups' plenary answers (groups 5 and 6: the tests of the plenary commands use 1 and 2), so that the
// demo's report has a plenary to show (the questions are the shipped bank's,
// resources/questions/default.json).
struct DemoPlenary {
    const char* group;
    const char* question;
    const char* answer;
};

const DemoPlenary demoPlenary[] = {
    {"5", "What is the main thing each of you will take back to your own local authority from today?",
     "Test what our data means, not only what it shows; and write down who covers each key role."},
    {"5",
     "Which workstreams should the regional programme give priority to next year, for the annual summit in "
     "March?",
     "Recruiting and keeping social workers, with one regional approach to agency staff."},
    {"6", "What is the main thing each of you will take back to your own local authority from today?",
     "Joint commissioning with health shortens waiting times; we will ask partners to share the risk."},
    {"6", "Which problems or topics would be worth a problem-solving group of several local authorities?",
     "Residential placement costs for teenagers: a sufficiency plan across the region."},
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
    auto groups = ScheduleStore(db).groups(cycleId);
    if (!groups) {
        return groups.error();
    }
    questions::DayQuestions day(db);
    for (const auto& answer : demoPlenary) {
        const auto group = std::find_if(groups->begin(), groups->end(), [&](const Group& g) {
            return g.label == QString::fromUtf8(answer.group);
        });
        if (group == groups->end()) {
            return failure(Error::Kind::Failed,
                           QStringLiteral("The demo region has no group %1 for its plenary answers.")
                               .arg(QString::fromUtf8(answer.group)));
        }
        if (Status saved = day.setPlenaryAnswer(group->id, QString::fromUtf8(answer.question),
                                                QString::fromUtf8(answer.answer));
            !saved) {
            return saved;
        }
    }
    return {};
}

} // namespace balcony
