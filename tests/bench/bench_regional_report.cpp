// The regional report at national size: 150 LAs in 50 triads, each LA with a session note of about
// 6 KB, twenty captured items (notes, strengths, insights, reflections, three asks, three offers and
// three actions), two focus themes; each group with five priorities and four plenary answers; two
// items per group marked for the report and fifty confirmed matches. Times the report's content
// (core), its chart, the whole export to PDF and to ODT, and the match suggestions over the cycle's
// asks and offers. Prints medians; never passes or fails.
//
//   QT_QPA_PLATFORM=offscreen bench_regional_report [RUNS] [--db postgresql://USER@HOST/EMPTY_DATABASE]
//
// RUNS defaults to 5. The region is built in a temporary SQLite file; with --db it is then pushed
// (region_copy) into that empty server database and every figure is measured on the server.

#include "bench_util.h"
#include "domain/roster_store.h"
#include "domain/schedule_store.h"
#include "engine/clock.h"
#include "helpers/temp_dir.h"
#include "notes/note_store.h"
#include "notes/session_note_store.h"
#include "outcomes/matching.h"
#include "outcomes/priorities.h"
#include "outcomes/regional_report.h"
#include "outcomes/report_marks.h"
#include "questions/day_questions.h"
#include "reports/document_format.h"
#include "reports/regional_report_export.h"
#include "reports/theme_chart.h"
#include "store/database.h"
#include "store/region_copy.h"
#include "store/transaction.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <cstdio>

using namespace balcony;
using namespace balcony::outcomes;

using bench::fail;
using bench::need;

namespace {

void need(const Status& status) {
    if (!status) {
        fail(status.message());
    }
}

const char* const topics[] = {"recruiting and keeping social workers",
                              "agency staff costs",
                              "residential placement sufficiency",
                              "in-house foster carers",
                              "reflective supervision",
                              "a practice model",
                              "caseload data quality",
                              "the multi-agency safeguarding hub",
                              "thresholds at the front door",
                              "management oversight",
                              "self-assessment moderation",
                              "newly qualified social workers",
                              "domestic abuse with the police",
                              "youth justice and diversion",
                              "neglect tools for practitioners",
                              "contextual safeguarding"};
const char* const themes[] = {"Workforce",
                              "Budget",
                              "Practice leadership",
                              "Meaningful indicators",
                              "Leading with others",
                              "Learning culture",
                              "Challenge and feedback",
                              "Service reorganisation",
                              "Performance",
                              "Placements",
                              "Early help",
                              "Partnerships"};
const char* const fillers[] = {"across the county",  "with partners",      "this year",
                               "for older children", "in our rural areas", "after an inspection",
                               "with health",        "with schools"};

template <std::size_t N>
QString pick(QRandomGenerator& random, const char* const (&list)[N]) {
    return QString::fromUtf8(list[random.bounded(static_cast<int>(N))]);
}

QString phrase(QRandomGenerator& random) {
    return pick(random, topics) + u' ' + pick(random, fillers);
}

} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv); // the chart is a QGraphicsWidget
    int runs = 5;
    QString server; // an empty PostgreSQL database to measure on, or none (SQLite)
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--db") == 0 && i + 1 < argc) {
            server = QString::fromLocal8Bit(argv[++i]);
        } else {
            runs = std::atoi(argv[i]);
        }
    }
    if (runs < 1) {
        fail(QStringLiteral("usage: bench_regional_report [RUNS] [--db postgresql://...]"));
    }
    test::TempDir dir;
    auto db = need(Database::open(dir.path(QStringLiteral("national.balcony")), {.create = true}));
    const FakeClock clock(QDateTime(QDate(2026, 11, 30), QTime(12, 0), Qt::UTC));
    QRandomGenerator random(2026);

    qint64 cycleId = 0;
    int items = 0;
    {
        Transaction tx(*db);
        RosterStore roster(*db);
        ScheduleStore schedule(*db);
        NoteStore notes(*db, [&] { return clock.utcNow(); });
        SessionNoteStore sessionNotes(*db, clock);
        questions::DayQuestions day(*db);
        ReportMarkStore marks(*db, clock);
        MatchStore matches(*db, clock);
        PriorityStore priorities(*db, clock);
        Cycle cycle;
        cycle.name = QStringLiteral("2026-2027");
        cycle.firstDay = QDate(2026, 9, 1);
        cycle.lastDay = QDate(2027, 7, 31);
        cycleId = need(schedule.addCycle(cycle));
        qint64 previousOffer = 0; // the last offer of the group before, for a match
        qint64 lastOffer = 0;
        for (int g = 0; g < 50; ++g) {
            Group group;
            group.cycleId = cycleId;
            group.label = QString::number(g + 1);
            group.date = QDate(2026, 10, 1).addDays(g);
            group.venue = QStringLiteral("Town Hall");
            std::vector<qint64> las;
            for (int m = 0; m < 3; ++m) {
                las.push_back(need(roster.addAuthority(QStringLiteral("Authority %1").arg(g * 3 + m + 1))));
                group.members.push_back({las.back(), 0});
            }
            const qint64 groupId = need(schedule.addGroup(group));
            std::vector<qint64> groupItems;
            for (qint64 la : las) {
                const std::pair<NoteKind, int> kinds[] = {{NoteKind::Note, 4},    {NoteKind::Strength, 3},
                                                          {NoteKind::Insight, 3}, {NoteKind::Reflection, 1},
                                                          {NoteKind::Ask, 3},     {NoteKind::Offer, 3},
                                                          {NoteKind::Action, 3}};
                qint64 ask = 0;
                for (const auto& [kind, count] : kinds) {
                    for (int i = 0; i < count; ++i) {
                        const qint64 id = need(notes.capture(
                            groupId, la, {kind, pick(random, themes), std::nullopt, phrase(random) + u'.'}));
                        groupItems.push_back(id);
                        ++items;
                        if (kind == NoteKind::Ask && ask == 0) {
                            ask = id;
                        }
                        if (kind == NoteKind::Offer) {
                            lastOffer = id;
                        }
                    }
                }
                QString body = QStringLiteral("# Session note\n\n");
                while (body.size() < 6000) {
                    body += QStringLiteral("- %1, %2.\n").arg(phrase(random), phrase(random));
                }
                need(sessionNotes.create(groupId, la, body, QStringLiteral("Facilitator")));
                need(day.setFocusThemes(groupId, la, {pick(random, themes), pick(random, themes)}));
                if (la == las.front() && g > 0) {
                    need(matches.confirm(ask, previousOffer, QStringLiteral("Programme office"),
                                         QDate(2027, 3, 31)));
                }
            }
            previousOffer = lastOffer;
            need(marks.mark(groupItems[5], ReportSection::BestPractice));  // a strength
            need(marks.mark(groupItems[8], ReportSection::SystemicIssue)); // an insight
            for (int i = 0; i < 5; ++i) {
                need(priorities.add(groupId, phrase(random)));
            }
            for (const char* question :
                 {"Key learning", "Workstream priorities", "Problem-solving groups", "Networking groups"}) {
                need(day.setPlenaryAnswer(groupId, QString::fromUtf8(question), phrase(random)));
            }
        }
        if (!tx.commit()) {
            fail(QStringLiteral("could not save the national region"));
        }
    }

    std::printf("150 LAs, 50 triads, %d captured items, 150 session notes of ~6 KB, 100 marked items, "
                "49 confirmed matches, 250 priorities, 200 plenary answers\n\n",
                items);
    if (!server.isEmpty()) {
        QElapsedTimer pushed;
        pushed.start();
        const auto copied = need(region_copy::copy(*db, server));
        std::printf("pushed to %s in %lld ms (%lld rows, checked); measuring on PostgreSQL\n\n",
                    qPrintable(copied.target), static_cast<long long>(pushed.elapsed()),
                    static_cast<long long>(copied.rows));
        db = need(Database::open(server));
    } else {
        std::printf("measuring on SQLite\n\n");
    }
    bench::printHeader();
    RegionalReport report;
    bench::printRow("buildRegionalReport (the content, core)",
                    bench::measure(runs, [&] { report = need(buildRegionalReport(*db, cycleId)); }));
    bench::printRow("renderThemeChart (Qt Charts, 1700 x 950 image)", bench::measure(runs, [&] {
                        auto image = reports::renderThemeChart(report.themes);
                        bench::keep(image);
                    }));
    for (const char* name : {"pdf", "odt"}) {
        const auto* format = reports::findDocumentFormat(QString::fromUtf8(name));
        const QString path = dir.path(QStringLiteral("report.") + QString::fromUtf8(name));
        const QByteArray label =
            QByteArray("exportRegionalReport to ") + QByteArray(name).toUpper() + " (whole)";
        bench::printRow(label.constData(), bench::measure(runs, [&] {
                            need(reports::exportRegionalReport(*db, cycleId, *format, path));
                        }));
        std::printf("  %s: %lld bytes\n", name, static_cast<long long>(QFileInfo(path).size()));
    }
    std::size_t suggestions = 0;
    bench::printRow("MatchStore::suggestions (450 asks, 450 offers)", bench::measure(runs, [&] {
                        auto s = need(MatchStore(*db, clock).suggestions(cycleId));
                        suggestions = s.size();
                        bench::keep(s);
                    }));
    std::printf("\n%zu themes, %zu priorities, %zu suggestions at the default threshold\n",
                report.themes.size(), report.priorities.size(), suggestions);
    return 0;
}
