// Drafting the session notes of a national-size cycle: 150 LAs in 50 triads, each session with full
// notes (twelve captured items, two focus themes, two ratings). Prints medians; never fails on time.
#include "bench_region.h"
#include "bench_util.h"
#include "engine/clock.h"
#include "notes/note_diff.h"
#include "notes/note_store.h"
#include "notes/session_note_draft.h"
#include "notes/session_note_store.h"
#include "questions/day_questions.h"

#include <QCoreApplication>
#include <QTemporaryDir>

using namespace balcony;
using namespace balcony::bench;

namespace {

constexpr int groupCount = 50;

struct National {
    QTemporaryDir dir;
    std::unique_ptr<Database> db;
    qint64 cycleId = 0;
    std::vector<std::pair<qint64, qint64>> sessions; // group, LA
};

void fill(National& n) {
    n.db = need(Database::open(n.dir.filePath(QStringLiteral("national.balcony")), {.create = true}));
    Database& db = *n.db;
    RosterStore roster(db);
    ScheduleStore schedule(db);
    Cycle cycle;
    cycle.name = cycleName;
    cycle.firstDay = QDate(2026, 9, 1);
    cycle.lastDay = QDate(2027, 7, 31);
    n.cycleId = need(schedule.addCycle(cycle));
    NoteStore notes(db);
    questions::DayQuestions questions(db);
    const NoteKind kinds[] = {NoteKind::Strength, NoteKind::Note,    NoteKind::Note,   NoteKind::Note,
                              NoteKind::Insight,  NoteKind::Insight, NoteKind::Note,   NoteKind::Reflection,
                              NoteKind::Ask,      NoteKind::Offer,   NoteKind::Action, NoteKind::Action};
    for (int g = 0; g < groupCount; ++g) {
        Group group;
        group.cycleId = n.cycleId;
        group.label = QString::number(g + 1);
        group.date = QDate(2026, 10, 1).addDays(g);
        group.venue = QStringLiteral("County Hall");
        for (int m = 0; m < 3; ++m) {
            group.members.push_back(
                {need(roster.addAuthority(QStringLiteral("Authority %1").arg(g * 3 + m + 1))), 0});
        }
        group.id = need(schedule.addGroup(group));
        for (const auto& member : group.members) {
            n.sessions.emplace_back(group.id, member.authorityId);
            for (int i = 0; i < 12; ++i) {
                NoteContent content{
                    kinds[i],
                    i % 2 ? QStringLiteral("Budget") : QStringLiteral("Workforce"),
                    {},
                    QStringLiteral("Item %1 of authority %2: a line of the kind a facilitator types "
                                   "during the session, about forty words long so that the note "
                                   "has a realistic size once it is drafted and compared.")
                        .arg(i)
                        .arg(member.authorityId)};
                need(notes.capture(group.id, member.authorityId, content));
            }
            if (!questions.setFocusThemes(group.id, member.authorityId,
                                          {QStringLiteral("Budget"), QStringLiteral("Workforce")})) {
                fail(QStringLiteral("focus themes"));
            }
            (void)questions.setRating(group.id, member.authorityId,
                                      QStringLiteral("Confidence in the budget"), 6);
            (void)questions.setRating(group.id, member.authorityId, QStringLiteral("Learning culture"), 7);
        }
    }
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    FakeClock clock(QDateTime(QDate(2026, 11, 24), QTime(10, 0), Qt::UTC));
    printHeader();
    std::vector<std::unique_ptr<National>> regions;
    for (int i = 0; i < 5; ++i) {
        regions.push_back(std::make_unique<National>());
        fill(*regions.back());
    }
    std::size_t next = 0;
    printRow("draft every note of 150 LAs (first draft)", measure(5, [&] {
                 National& n = *regions[next++];
                 SessionNoteDrafter drafter(*n.db, clock);
                 for (const auto& [group, la] : n.sessions) {
                     keep(need(drafter.draft(group, la, QStringLiteral("Facilitator"))));
                 }
             }));
    National& n = *regions.front();
    SessionNoteDrafter drafter(*n.db, clock);
    printRow("re-draft every note of 150 LAs (nothing new)", measure(5, [&] {
                 for (const auto& [group, la] : n.sessions) {
                     keep(need(drafter.draft(group, la, QStringLiteral("Facilitator"))));
                 }
             }));
    SessionNoteStore store(*n.db, clock);
    printRow("list the cycle's 150 notes", measure(50, [&] { keep(need(store.notes(n.cycleId))); }));
    const auto first = need(store.noteFor(n.cycleId, n.sessions.front().second));
    QString edited = need(store.revision(first->id)).body;
    edited.replace(QStringLiteral("realistic"), QStringLiteral("believable"));
    edited += QStringLiteral("\nA closing paragraph the facilitator added.\n");
    need(store.edit(first->id, edited, QStringLiteral("Facilitator")));
    printRow("compare two revisions of one full note word by word",
             measure(200, [&] { keep(need(compareRevisions(store, first->id, 1, 2))); }));
    return 0;
}
