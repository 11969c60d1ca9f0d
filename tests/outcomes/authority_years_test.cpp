#include "demo/demo_region.h"
#include "domain/roster_store.h"
#include "domain/schedule_store.h"
#include "engine/clock.h"
#include "helpers/temp_dir.h"
#include "notes/note_store.h"
#include "notes/session_note_draft.h"
#include "notes/session_note_store.h"
#include "outcomes/authority_years.h"
#include "questions/day_questions.h"
#include "store/database.h"

#include <catch2/catch.hpp>
#include <map>
#include <memory>

using namespace balcony;
using namespace balcony::outcomes;

namespace {

// A region whose triad (Northam, Southby, Eastwick) met in three cycles, 2023-2024 to 2025-2026,
// and in 2026-2027 without Northam (a triad of Southby, Eastwick and Westford). Each session is
// captured as a facilitator would (strengths at the affirmation, lines of enquiry by theme, the
// DCS's focus themes), drafted into a session note and, unless a test says otherwise, agreed.
struct YearsRegion {
    test::TempDir dir;
    std::unique_ptr<Database> db;
    FakeClock clock{QDateTime(QDate(2023, 11, 1), QTime(9, 0), Qt::UTC)};
    std::map<QString, qint64> la;
    std::map<QString, qint64> cycle; // by name
    std::map<QString, qint64> group; // by cycle name

    YearsRegion() {
        auto opened = Database::open(dir.path(QStringLiteral("region.balcony")), {.create = true});
        REQUIRE(opened.ok());
        db = std::move(*opened);
        RosterStore roster(*db);
        for (const char* name : {"Northam", "Southby", "Eastwick", "Westford"}) {
            auto id = roster.addAuthority(QString::fromUtf8(name));
            REQUIRE(id.ok());
            la[QString::fromUtf8(name)] = *id;
        }
        for (int year = 2023; year <= 2026; ++year) {
            const QStringList members =
                year < 2026 ? QStringList{QStringLiteral("Northam"), QStringLiteral("Southby"),
                                          QStringLiteral("Eastwick")}
                            : QStringList{QStringLiteral("Southby"), QStringLiteral("Eastwick"),
                                          QStringLiteral("Westford")};
            addCycle(year, members);
        }
    }

    void addCycle(int year, const QStringList& members) {
        ScheduleStore schedule(*db);
        Cycle c;
        c.name = QStringLiteral("%1-%2").arg(year).arg(year + 1);
        c.firstDay = QDate(year, 9, 1);
        c.lastDay = QDate(year + 1, 3, 31);
        auto id = schedule.addCycle(c);
        REQUIRE(id.ok());
        cycle[c.name] = *id;
        Group g;
        g.cycleId = *id;
        g.label = QStringLiteral("1");
        g.date = QDate(year, 11, 14);
        g.venue = QStringLiteral("County Hall");
        for (qsizetype i = 0; i < members.size(); ++i) {
            g.members.push_back({la.at(members[i]), la.at(members[(i + 1) % members.size()])});
        }
        auto added = schedule.addGroup(g);
        REQUIRE(added.ok());
        group[c.name] = *added;
    }

    // One LA's session in a cycle: its focus themes, a strength, a line of enquiry on each theme
    // given, and a note drafted from them; agreed when `agree`.
    qint64 session(const QString& cycleName, const QString& authority, const QStringList& focus,
                   const QStringList& strengths, const QStringList& enquiryThemes, bool agree = true) {
        const qint64 groupId = group.at(cycleName);
        const qint64 laId = la.at(authority);
        NoteStore notes(*db, [this] { return clock.utcNow(); });
        for (const QString& s : strengths) {
            REQUIRE(notes.capture(groupId, laId, {NoteKind::Strength, {}, {}, s}).ok());
        }
        for (const QString& theme : enquiryThemes) {
            REQUIRE(notes
                        .capture(groupId, laId,
                                 {NoteKind::Note, theme, {}, QStringLiteral("How do you know it works?")})
                        .ok());
        }
        REQUIRE(questions::DayQuestions(*db).setFocusThemes(groupId, laId, focus).ok());
        auto drafted =
            SessionNoteDrafter(*db, clock).draft(groupId, laId, QStringLiteral("Fran Facilitator"));
        REQUIRE(drafted.ok());
        SessionNoteStore store(*db, clock);
        REQUIRE(store.markSent(drafted->noteId, QStringLiteral("Fran Facilitator")).ok());
        if (agree) {
            REQUIRE(store.agree(drafted->noteId, QStringLiteral("Dana DCS")).ok());
        }
        return drafted->noteId;
    }

    // The usual three years: Northam's workforce raised in 2023-2024, budget in 2024-2025 and again,
    // written differently, in 2025-2026; Southby's 2024-2025 note never agreed; Eastwick's texts are
    // distinctive so that their absence from Northam's years can be checked.
    void threeYears() {
        session(QStringLiteral("2023-2024"), QStringLiteral("Northam"), {QStringLiteral("Workforce")},
                {QStringLiteral("A stable senior team")}, {QStringLiteral("workforce")});
        session(QStringLiteral("2024-2025"), QStringLiteral("Northam"), {QStringLiteral("Budget")},
                {QStringLiteral("Strong partnership with schools")}, {QStringLiteral("learning_culture")});
        session(
            QStringLiteral("2025-2026"), QStringLiteral("Northam"),
            {QStringLiteral("BUDGET "), QStringLiteral("Practice leadership")},
            {QStringLiteral("A clear model of practice"), QStringLiteral("Managers who know their families")},
            {QStringLiteral("workforce")});
        session(QStringLiteral("2024-2025"), QStringLiteral("Southby"), {QStringLiteral("Political climate")},
                {QStringLiteral("A brave lead member")}, {}, false);
        session(QStringLiteral("2025-2026"), QStringLiteral("Southby"), {QStringLiteral("Political climate")},
                {}, {});
        session(QStringLiteral("2025-2026"), QStringLiteral("Eastwick"),
                {QStringLiteral("Corporate support")},
                {QStringLiteral("EASTWICK ONLY: a generous finance director")},
                {QStringLiteral("Corporate support")});
    }
};

QStringList titles(const std::vector<YearTheme>& areas) {
    QStringList out;
    for (const auto& a : areas) {
        out << a.title;
    }
    return out;
}

} // namespace

TEST_CASE("An LA's three years show each cycle's affirmed strengths and its agreed note's themes",
          "[outcomes][years]") {
    YearsRegion r;
    r.threeYears();
    auto years =
        authorityYears(*r.db, r.la.at(QStringLiteral("Northam")), r.cycle.at(QStringLiteral("2025-2026")));
    REQUIRE(years.ok());
    CHECK(years->authorityName == QStringLiteral("Northam"));
    REQUIRE(years->years.size() == 3);
    const AuthorityYear& first = years->years[0];
    const AuthorityYear& second = years->years[1];
    const AuthorityYear& third = years->years[2];
    CHECK(first.cycleName == QStringLiteral("2023-2024"));
    CHECK(second.cycleName == QStringLiteral("2024-2025"));
    CHECK(third.cycleName == QStringLiteral("2025-2026"));
    CHECK(third.groupDate == QDate(2025, 11, 14));
    CHECK(first.strengths == QStringList{QStringLiteral("A stable senior team")});
    CHECK(third.strengths == QStringList{QStringLiteral("A clear model of practice"),
                                         QStringLiteral("Managers who know their families")});
    CHECK(titles(first.areas) == QStringList{QStringLiteral("Workforce")});
    CHECK(titles(second.areas) == QStringList{QStringLiteral("Budget"), QStringLiteral("Learning culture")});
    CHECK(titles(third.areas) == QStringList{QStringLiteral("BUDGET"), QStringLiteral("Practice leadership"),
                                             QStringLiteral("Workforce")});
}

TEST_CASE("A theme raised this year and the year before stands out, one raised two years ago does not",
          "[outcomes][years]") {
    YearsRegion r;
    r.threeYears();
    auto years =
        authorityYears(*r.db, r.la.at(QStringLiteral("Northam")), r.cycle.at(QStringLiteral("2025-2026")));
    REQUIRE(years.ok());
    // "BUDGET " this year and "Budget" last year are the same theme; workforce skipped a year.
    CHECK(years->years[2].recurringThemes() == QStringList{QStringLiteral("BUDGET")});
    CHECK(years->years[1].recurringThemes().isEmpty());
    CHECK(years->years[0].recurringThemes().isEmpty());
}

TEST_CASE("A note that is not agreed gives no areas for development, its strengths still count",
          "[outcomes][years]") {
    YearsRegion r;
    r.threeYears();
    auto years =
        authorityYears(*r.db, r.la.at(QStringLiteral("Southby")), r.cycle.at(QStringLiteral("2025-2026")));
    REQUIRE(years.ok());
    REQUIRE(years->years.size() == 3);
    const AuthorityYear& sent = years->years[1];
    CHECK(sent.cycleName == QStringLiteral("2024-2025"));
    REQUIRE(sent.noteStatus.has_value());
    CHECK(*sent.noteStatus == NoteStatus::Sent);
    CHECK(sent.areas.empty());
    CHECK(sent.strengths == QStringList{QStringLiteral("A brave lead member")});
    // So the same theme agreed this year does not recur: the year before has no agreed themes.
    CHECK(titles(years->years[2].areas) == QStringList{QStringLiteral("Political climate")});
    CHECK(years->years[2].recurringThemes().isEmpty());
    // 2023-2024: a session but nothing captured and no note.
    CHECK(years->years[0].hadSession());
    CHECK_FALSE(years->years[0].noteStatus.has_value());
}

TEST_CASE("A reopened note stops counting until it is agreed again", "[outcomes][years]") {
    YearsRegion r;
    r.threeYears();
    const qint64 eastwick = r.la.at(QStringLiteral("Eastwick"));
    SessionNoteStore store(*r.db, r.clock);
    auto note = store.noteFor(r.cycle.at(QStringLiteral("2025-2026")), eastwick);
    REQUIRE(note.ok());
    REQUIRE(note->has_value());
    REQUIRE(store.reopen((*note)->id, QStringLiteral("Fran Facilitator"), QStringLiteral("A date was wrong"))
                .ok());
    auto years = authorityYears(*r.db, eastwick, r.cycle.at(QStringLiteral("2025-2026")));
    REQUIRE(years.ok());
    CHECK(years->years.back().areas.empty());
    CHECK(years->years.back().strengths.size() == 1);
}

TEST_CASE("Another LA's strengths and themes never reach an LA's years", "[outcomes][years]") {
    YearsRegion r;
    r.threeYears();
    for (const char* name : {"Northam", "Southby"}) {
        auto years =
            authorityYears(*r.db, r.la.at(QString::fromUtf8(name)), r.cycle.at(QStringLiteral("2025-2026")));
        REQUIRE(years.ok());
        for (const auto& year : years->years) {
            for (const QString& s : year.strengths) {
                CHECK_FALSE(s.contains(QStringLiteral("EASTWICK")));
            }
            CHECK_FALSE(titles(year.areas).contains(QStringLiteral("Corporate support")));
        }
    }
}

TEST_CASE("The cycle asked for is the last year even without a session, and no cycle means the latest",
          "[outcomes][years]") {
    YearsRegion r;
    r.threeYears();
    const qint64 northam = r.la.at(QStringLiteral("Northam"));
    auto later = authorityYears(*r.db, northam, r.cycle.at(QStringLiteral("2026-2027")));
    REQUIRE(later.ok());
    REQUIRE(later->years.size() == 3);
    CHECK(later->years[0].cycleName == QStringLiteral("2024-2025"));
    CHECK(later->years[2].cycleName == QStringLiteral("2026-2027"));
    CHECK_FALSE(later->years[2].hadSession());
    CHECK(later->years[2].strengths.isEmpty());

    auto latest = authorityYears(*r.db, northam, 0);
    REQUIRE(latest.ok());
    CHECK(latest->years.back().cycleName == QStringLiteral("2025-2026"));

    // The first cycle: one year only.
    auto first = authorityYears(*r.db, northam, r.cycle.at(QStringLiteral("2023-2024")));
    REQUIRE(first.ok());
    CHECK(first->years.size() == 1);

    auto unknown = authorityYears(*r.db, northam, 9999);
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().kind == Error::Kind::NotFound);
    auto nobody = authorityYears(*r.db, 9999, 0);
    REQUIRE_FALSE(nobody.ok());
    CHECK(nobody.error().kind == Error::Kind::NotFound);
    auto never =
        authorityYears(*r.db, r.la.at(QStringLiteral("Westford")), r.cycle.at(QStringLiteral("2023-2024")));
    REQUIRE(never.ok());
    REQUIRE(never->years.size() == 1);
    CHECK_FALSE(never->years[0].hadSession());
}

TEST_CASE("The LA shown first is the one whose themes recur", "[outcomes][years]") {
    YearsRegion r;
    r.threeYears();
    auto choice = yearsChoice(*r.db, r.cycle.at(QStringLiteral("2025-2026")));
    REQUIRE(choice.ok());
    REQUIRE(choice->authorities.size() == 3);
    CHECK(choice->authorities[0].second == QStringLiteral("Eastwick"));
    CHECK(choice->suggested == r.la.at(QStringLiteral("Northam")));
}

TEST_CASE("A note's themes are read from its flagged themes and its lines of enquiry", "[outcomes][years]") {
    const QString body =
        QStringLiteral("# Session note: Northam\n\nGroup 1.\n\n"
                       "## Themes the DCS flagged\n\n- Budget\n- Workforce\n\n"
                       "## Strengths affirmed\n\n- Budget discipline\n\n"
                       "## Lines of enquiry\n\n### Workforce\n\n- A question\n\n"
                       "### Learning culture\n\n- Another\n\n### Other lines of enquiry\n\n"
                       "- Loose\n\n### Ratings (0 to 10)\n\n- Confidence (rated 6 out of 10)\n\n"
                       "## Insights from the balcony\n\n### Not a theme\n\n- x\n");
    CHECK(noteThemes(body) == QStringList{QStringLiteral("Budget"), QStringLiteral("Workforce"),
                                          QStringLiteral("Learning culture")});
    CHECK(noteThemes(QStringLiteral("## Themes the DCS flagged\n\n_Nothing recorded._\n")).isEmpty());
}

TEST_CASE("The demo region shows three years for the LAs of 2021-2022's group 1", "[outcomes][years][demo]") {
    test::TempDir dir;
    auto opened = Database::open(dir.path(QStringLiteral("demo.balcony")), {.create = true});
    REQUIRE(opened.ok());
    Database& db = **opened;
    REQUIRE(createDemoRegion(db).ok());
    auto cycle = ScheduleStore(db).cycleByName(QStringLiteral("2021-2022"));
    REQUIRE(cycle.ok());
    auto surrey = RosterStore(db).authorityByName(QStringLiteral("Surrey"));
    REQUIRE(surrey.ok());
    auto years = authorityYears(db, surrey->id, cycle->id);
    REQUIRE(years.ok());
    REQUIRE(years->years.size() == 3);
    CHECK(years->years[0].cycleName == QStringLiteral("2019-2020"));
    CHECK(years->years[1].cycleName == QStringLiteral("2020-2021"));
    for (const auto& year : years->years) {
        CHECK_FALSE(year.strengths.isEmpty());
        CHECK(year.noteAgreed());
    }
    CHECK(years->years[2].recurringThemes() ==
          QStringList{QStringLiteral("Workforce"), QStringLiteral("Budget")});
    CHECK(years->years[1].recurringThemes() == QStringList{QStringLiteral("Workforce")});

    // Kent's 2021-2022 note was reopened: its strengths show, its themes wait for a new agreement.
    auto kent = RosterStore(db).authorityByName(QStringLiteral("Kent"));
    REQUIRE(kent.ok());
    auto kents = authorityYears(db, kent->id, cycle->id);
    REQUIRE(kents.ok());
    REQUIRE(kents->years.size() == 3);
    CHECK_FALSE(kents->years[2].strengths.isEmpty());
    CHECK(kents->years[2].areas.empty());

    auto choice = yearsChoice(db, cycle->id);
    REQUIRE(choice.ok());
    CHECK(choice->suggested == surrey->id);
}
