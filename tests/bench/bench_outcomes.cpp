// Outcomes at national size: 150 LAs in 50 triads, each LA with ASKS asks and as many offers, five
// priorities per group and five actions per LA. Times the match suggestions (pure, and from the
// database), the priority merge and the monitoring list. Prints medians; never passes or fails.
//
//   bench_outcomes [ASKS_PER_LA] [RUNS]     (defaults 3 and 5)

#include "bench_util.h"
#include "domain/roster_store.h"
#include "domain/schedule_store.h"
#include "engine/clock.h"
#include "helpers/temp_dir.h"
#include "outcomes/action_plan.h"
#include "outcomes/asks_offers.h"
#include "outcomes/matching.h"
#include "outcomes/priorities.h"
#include "store/database.h"
#include "store/transaction.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <cstdio>

using namespace balcony;
using namespace balcony::outcomes;

using bench::fail;
using bench::need;

namespace {

const char* const topics[] = {
    "recruiting and keeping social workers",
    "agency staff costs",
    "residential placement sufficiency",
    "in-house foster carers",
    "reflective supervision",
    "a practice model",
    "caseload data quality",
    "the multi-agency safeguarding hub",
    "thresholds at the front door",
    "family hubs and early help",
    "child exploitation and county lines",
    "mental health waiting times",
    "education, health and care plans",
    "care leavers in education and training",
    "the voice of children in care",
    "learning reviews without blame",
    "case audit that tracks actions",
    "induction for new lead members",
    "management oversight by team managers",
    "self-assessment moderation",
    "corporate understanding of demand",
    "newly qualified social workers",
    "children missing education",
    "domestic abuse with the police",
    "unaccompanied asylum-seeking children",
    "private fostering arrangements",
    "youth justice and diversion",
    "neglect tools for practitioners",
    "contextual safeguarding in schools",
    "a principal social worker network",
};
const char* const themes[] = {
    "workforce",           "budget",           "practice leadership",    "meaningful indicators",
    "leading with others", "learning culture", "challenge and feedback", "service reorganisation",
    "performance"};
const char* const fillers[] = {"across the county",  "with partners",      "this year",
                               "for older children", "in our rural areas", "after an inspection",
                               "with health",        "with schools"};

QString phrase(QRandomGenerator& random) {
    return QString::fromUtf8(topics[random.bounded(static_cast<int>(std::size(topics)))]) +
           QStringLiteral(" ") +
           QString::fromUtf8(fillers[random.bounded(static_cast<int>(std::size(fillers)))]);
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const int perLa = argc > 1 ? std::atoi(argv[1]) : 3;
    const int runs = argc > 2 ? std::atoi(argv[2]) : 5;
    test::TempDir dir;
    auto db = need(Database::open(dir.path(QStringLiteral("national.balcony")), {.create = true}));
    const FakeClock clock(QDateTime(QDate(2026, 11, 30), QTime(12, 0), Qt::UTC));
    QRandomGenerator random(2026);

    qint64 cycleId = 0;
    std::vector<qint64> groups;
    std::vector<qint64> las;
    {
        Transaction tx(*db);
        RosterStore roster(*db);
        ScheduleStore schedule(*db);
        Cycle cycle;
        cycle.name = QStringLiteral("2026-2027");
        cycle.firstDay = QDate(2026, 9, 1);
        cycle.lastDay = QDate(2027, 7, 31);
        cycleId = need(schedule.addCycle(cycle));
        for (int g = 0; g < 50; ++g) {
            Group group;
            group.cycleId = cycleId;
            group.label = QString::number(g + 1);
            group.date = QDate(2026, 10, 1).addDays(g);
            group.venue = QStringLiteral("Town Hall");
            for (int m = 0; m < 3; ++m) {
                const qint64 id =
                    need(roster.addAuthority(QStringLiteral("Authority %1").arg(g * 3 + m + 1)));
                las.push_back(id);
                group.members.push_back({id, 0});
            }
            groups.push_back(need(schedule.addGroup(group)));
        }
        AskOfferRegister items(*db, clock);
        ActionPlanStore plans(*db, clock);
        for (qint64 la : las) {
            for (int i = 0; i < perLa; ++i) {
                for (NoteKind kind : {NoteKind::Ask, NoteKind::Offer}) {
                    need(items.add(
                        cycleId, la, kind,
                        QString::fromUtf8(themes[random.bounded(static_cast<int>(std::size(themes)))]),
                        phrase(random)));
                }
            }
            for (int i = 0; i < 5; ++i) {
                need(plans.add(cycleId, la, phrase(random), QStringLiteral("Owner"),
                               QDate(2026, 12, 1).addDays(i * 30)));
            }
        }
        PriorityStore priorities(*db, clock);
        for (qint64 group : groups) {
            for (int i = 0; i < 5; ++i) {
                need(priorities.add(group, phrase(random)));
            }
        }
        if (!tx.commit()) {
            fail(QStringLiteral("could not save the national region"));
        }
    }

    const auto all = need(AskOfferRegister(*db, clock).list(cycleId));
    std::printf(
        "150 LAs, 50 triads, %d asks and %d offers per LA (%zu items), 250 priorities, 750 actions\n\n",
        perLa, perLa, all.size());
    bench::printHeader();
    std::size_t count = 0;
    bench::printRow("suggestMatches over the items in memory", bench::measure(runs, [&] {
                        auto s = suggestMatches(all);
                        count = s.size();
                        bench::keep(s);
                    }));
    bench::printRow("MatchStore::suggestions (read the register, then match)", bench::measure(runs, [&] {
                        auto s = need(MatchStore(*db, clock).suggestions(cycleId));
                        bench::keep(s);
                    }));
    bench::printRow("PriorityStore::merged (250 priorities)", bench::measure(runs, [&] {
                        auto m = need(PriorityStore(*db).merged(cycleId));
                        bench::keep(m);
                    }));
    bench::printRow("ActionPlanStore::list (750 actions, attention order)", bench::measure(runs, [&] {
                        auto a = need(ActionPlanStore(*db, clock).list(cycleId));
                        bench::keep(a);
                    }));
    std::printf("\n%zu suggestions at the default threshold\n", count);
    return 0;
}
