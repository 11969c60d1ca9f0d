#pragma once

#include "outcomes/priorities.h"
#include "outcomes/report_marks.h"
#include "support/result.h"

#include <QDate>
#include <QString>
#include <QStringList>
#include <atomic>
#include <functional>
#include <utility>
#include <vector>

namespace balcony {
class Database;
}

// The content of a cycle's regional report (issue 11, docs/guide-outcomes.md "The regional report"):
// what the whole region learned, for the region to send round. The reports library turns it into a
// PDF or ODT (reports/regional_report_document.h).
//
// ANONYMISED BY CONSTRUCTION. The builder reads no text of a session note, ever, and reads the text of
// a captured item only when the facilitator marked that item for the report (outcomes/report_marks.h):
// its queries select by the mark, they never read every item and filter. Everything else is a count
// (themes raised, asks and offers by theme and kind of help), a name of an LA or a group, or what the
// region wrote for the region itself (the groups' priorities and plenary answers).
namespace balcony::outcomes {

struct ReportGroup {
    QString label;
    QDate heldOn;
    bool virtualDay = false;
    QStringList authorities; // the LAs that presented, by name
};

// A theme raised across the region: how many captured items were about it and how many times the
// DCSs asked a group to focus on it (question_focus, the day's lines of enquiry). Themes are joined by
// questions::themeKey; the wording shown is the one written most often.
struct ThemeCount {
    QString theme;
    int items = 0;
    int linesOfEnquiry = 0;
    int total() const { return items + linesOfEnquiry; }
};

struct AskOfferThemeCount {
    QString theme; // "(no theme)" for items without one
    int asks = 0;
    int offers = 0;
};

struct SupportKindCount {
    QString kind; // the support menu's label, or "Not yet tagged"
    int asks = 0;
};

// A confirmed match: "LA asked / LA offered" on a theme. The texts are empty unless that item is
// marked for the report.
struct ReportMatch {
    QString askingAuthority;
    QString offeringAuthority;
    QString theme;
    QString askText;
    QString offerText;
    bool done = false; // the follow-up's status
};

struct ReportPlenary {
    QString groupLabel;
    std::vector<std::pair<QString, QString>> answers; // question, answer; by question
};

struct RegionalReport {
    QString cycleName;
    QDate firstDay;
    QDate lastDay;
    std::vector<ReportGroup> groups; // by date, then label
    std::vector<ThemeCount> themes;  // most raised first, then by name
    std::vector<MarkedItem> bestPractice;
    std::vector<MarkedItem> systemicIssues;
    std::vector<MergedPriority> priorities; // PriorityStore::merged, ranked
    int asks = 0;
    int offers = 0;
    std::vector<AskOfferThemeCount> asksOffersByTheme; // by theme
    std::vector<SupportKindCount> asksBySupportKind;   // in the support menu's order, untagged last
    std::vector<ReportMatch> matches;                  // by asking LA, then offering LA
    std::vector<ReportPlenary> plenary;                // by group label
};

// Told after each step: done of total steps (done = total at the end).
using ReportProgress = std::function<void(int done, int total)>;

// Builds the report of cycleId. Reads only; writes nothing. NotFound for no such cycle. When cancel
// is given and becomes true, the builder stops at its next step and returns reportCancelled().
// progress may be empty; it is called on the caller's thread.
Result<RegionalReport> buildRegionalReport(Database& db, qint64 cycleId, const ReportProgress& progress = {},
                                           const std::atomic<bool>* cancel = nullptr);

// The error a cancelled build returns ("The regional report was cancelled; nothing was written."), and
// the test for it: a front end says nothing more about a cancel the user asked for.
Error reportCancelled();
bool isReportCancelled(const Error& error);

} // namespace balcony::outcomes
