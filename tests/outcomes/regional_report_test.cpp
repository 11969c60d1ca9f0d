#include "helpers/report_region.h"
#include "helpers/temp_dir.h"
#include "notes/note_store.h"
#include "outcomes/regional_report.h"
#include "outcomes/report_marks.h"
#include "store/sql.h"

#include <QFile>
#include <catch2/catch.hpp>

using namespace balcony;
using namespace balcony::outcomes;
using balcony::test::ReportRegion;
using balcony::test::TempDir;

namespace {

// Every text the report holds, joined, so that a search for a distinctive text covers all of it.
QString everyText(const RegionalReport& report) {
    QStringList parts{report.cycleName};
    for (const auto& g : report.groups) {
        parts << g.label << g.authorities;
    }
    for (const auto& t : report.themes) {
        parts << t.theme;
    }
    for (const auto* list : {&report.bestPractice, &report.systemicIssues}) {
        for (const auto& item : *list) {
            parts << item.authorityName << item.theme << item.text;
        }
    }
    for (const auto& p : report.priorities) {
        parts << p.text << p.groups;
    }
    for (const auto& row : report.asksOffersByTheme) {
        parts << row.theme;
    }
    for (const auto& row : report.asksBySupportKind) {
        parts << row.kind;
    }
    for (const auto& m : report.matches) {
        parts << m.askingAuthority << m.offeringAuthority << m.theme << m.askText << m.offerText;
    }
    for (const auto& p : report.plenary) {
        parts << p.groupLabel;
        for (const auto& [question, answer] : p.answers) {
            parts << question << answer;
        }
    }
    return parts.join(u'\n');
}

} // namespace

TEST_CASE("The regional report holds the groups, theme counts, marked items, priorities, matches and plenary",
          "[outcomes][report]") {
    TempDir dir;
    ReportRegion region(dir.path(QStringLiteral("region.balcony")));
    auto report = buildRegionalReport(*region.db, region.cycle);
    REQUIRE(report.ok());
    CHECK(report->cycleName == QStringLiteral("2026-2027"));
    REQUIRE(report->groups.size() == 2);
    CHECK(report->groups[0].label == QStringLiteral("North"));
    CHECK(report->groups[0].heldOn == QDate(2026, 11, 3));
    CHECK(report->groups[0].authorities.size() == 4);

    // Workforce: 5 strength..action items of the 40 rotate onto it, plus 8 lines of enquiry.
    REQUIRE(!report->themes.empty());
    CHECK(report->themes.front().theme == QStringLiteral("Workforce"));
    CHECK(report->themes.front().linesOfEnquiry == 8);
    const auto placements =
        std::find_if(report->themes.begin(), report->themes.end(),
                     [](const ThemeCount& t) { return t.theme == QStringLiteral("Placements"); });
    REQUIRE(placements != report->themes.end());
    CHECK(placements->items == 0);
    CHECK(placements->linesOfEnquiry == 8);
    int items = 0;
    for (const auto& t : report->themes) {
        items += t.items;
    }
    CHECK(items == 8 * 5); // strengths, insights, asks, offers, actions; never notes or reflections

    REQUIRE(report->bestPractice.size() == 2);
    CHECK(report->bestPractice[0].authorityName == QStringLiteral("Brighton"));
    CHECK(report->bestPractice[1].text.startsWith(QStringLiteral("ZqStrengthHartlepool")));
    REQUIRE(report->systemicIssues.size() == 2);

    REQUIRE(report->priorities.size() == 2);
    CHECK(report->priorities[0].text == QStringLiteral("A regional pool of social workers"));
    CHECK(report->priorities[0].groups == QStringList{QStringLiteral("North"), QStringLiteral("South")});

    CHECK(report->asks == 8);
    CHECK(report->offers == 8);
    REQUIRE(report->matches.size() == 1);
    CHECK(report->matches[0].askingAuthority == QStringLiteral("Darlington"));
    CHECK(report->matches[0].offeringAuthority == QStringLiteral("Brighton"));
    CHECK(report->matches[0].askText.isEmpty()); // the ask is not marked
    CHECK(report->matches[0].offerText.startsWith(QStringLiteral("ZqOfferBrighton")));

    REQUIRE(report->plenary.size() == 2);
    CHECK(report->plenary[1].answers.at(0).second ==
          QStringLiteral("Partnership with health needs practitioners' voice"));
}

TEST_CASE("The regional report quotes only the items marked for it and nothing from a session note",
          "[outcomes][report]") {
    TempDir dir;
    ReportRegion region(dir.path(QStringLiteral("region.balcony")));
    auto report = buildRegionalReport(*region.db, region.cycle);
    REQUIRE(report.ok());
    const QString text = everyText(*report);
    for (const auto& distinctive : region.allDistinctive) {
        INFO(distinctive.toStdString());
        CHECK(text.contains(distinctive) == region.marked.contains(distinctive));
    }

    // Taking a mark away takes the text out; a revised marked item shows its latest text.
    ReportMarkStore marks(*region.db, region.clock);
    REQUIRE(marks.mark(region.item.at(QStringLiteral("ZqInsightRedcar")), ReportSection::None).ok());
    NoteStore notes(*region.db);
    REQUIRE(notes
                .revise(region.item.at(QStringLiteral("ZqStrengthHartlepool")),
                        {NoteKind::Strength, QStringLiteral("Workforce"), std::nullopt,
                         QStringLiteral("ZqRevisedHartlepool: a practice academy")})
                .ok());
    auto after = buildRegionalReport(*region.db, region.cycle);
    REQUIRE(after.ok());
    const QString afterText = everyText(*after);
    CHECK_FALSE(afterText.contains(QStringLiteral("ZqInsightRedcar")));
    CHECK_FALSE(afterText.contains(QStringLiteral("ZqStrengthHartlepool")));
    CHECK(afterText.contains(QStringLiteral("ZqRevisedHartlepool")));
}

TEST_CASE("Building the regional report tells its progress and stops when cancelled", "[outcomes][report]") {
    TempDir dir;
    ReportRegion region(dir.path(QStringLiteral("region.balcony")));
    std::vector<int> seen;
    auto built = buildRegionalReport(*region.db, region.cycle, [&](int done, int total) {
        CHECK(total == 7);
        seen.push_back(done);
    });
    REQUIRE(built.ok());
    CHECK(seen == std::vector<int>{1, 2, 3, 4, 5, 6, 7});

    std::atomic<bool> cancel{false};
    int calls = 0;
    auto cancelled = buildRegionalReport(
        *region.db, region.cycle,
        [&](int done, int) {
            ++calls;
            if (done == 2) {
                cancel = true;
            }
        },
        &cancel);
    REQUIRE_FALSE(cancelled.ok());
    CHECK(isReportCancelled(cancelled.error()));
    CHECK(calls == 2);

    auto missing = buildRegionalReport(*region.db, 999);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().kind == Error::Kind::NotFound);
}

TEST_CASE("Marking for the report refuses a note, a reflection and a missing item and changes nothing",
          "[outcomes][report]") {
    TempDir dir;
    ReportRegion region(dir.path(QStringLiteral("region.balcony")));
    ReportMarkStore marks(*region.db, region.clock);
    const qint64 note = region.item.at(QStringLiteral("ZqNoteStockton"));
    auto refused = marks.mark(note, ReportSection::BestPractice);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == Error::Kind::InvalidInput);
    CHECK(refused.message().contains(QStringLiteral("only a strength, insight, ask, offer or action")));
    CHECK(marks.mark(region.item.at(QStringLiteral("ZqReflectionStockton")), ReportSection::SystemicIssue)
              .error()
              .kind == Error::Kind::InvalidInput);
    CHECK(marks.mark(123456, ReportSection::BestPractice).error().kind == Error::Kind::NotFound);
    CHECK(*marks.markOf(note) == ReportSection::None);

    // The schema refuses the same, and a section the report does not have, whatever program writes.
    CHECK_FALSE(sql::run(*region.db,
                         QStringLiteral("INSERT INTO report_mark(item_id, section, marked_at_utc) "
                                        "VALUES (?, 'best_practice', '2026-11-30T12:00:00.000Z')"),
                         {note})
                    .ok());
    const qint64 strength = region.item.at(QStringLiteral("ZqStrengthStockton"));
    CHECK_FALSE(sql::run(*region.db,
                         QStringLiteral("INSERT INTO report_mark(item_id, section, marked_at_utc) "
                                        "VALUES (?, 'gossip', '2026-11-30T12:00:00.000Z')"),
                         {strength})
                    .ok());

    // Marking again moves an item between sections; none takes it out.
    REQUIRE(marks.mark(strength, ReportSection::BestPractice).ok());
    REQUIRE(marks.mark(strength, ReportSection::SystemicIssue).ok());
    CHECK(*marks.markOf(strength) == ReportSection::SystemicIssue);
    REQUIRE(marks.mark(strength, ReportSection::None).ok());
    CHECK(*marks.markOf(strength) == ReportSection::None);

    auto markable = marks.markable(region.cycle);
    REQUIRE(markable.ok());
    CHECK(markable->size() == 8 * 5);
    CHECK(markable->front().authorityName == QStringLiteral("Brighton")); // by LA name
    CHECK(reportSectionFromKey(QStringLiteral("systemic-issue")) == ReportSection::SystemicIssue);
    CHECK_FALSE(reportSectionFromKey(QStringLiteral("best practice")).has_value());
}
