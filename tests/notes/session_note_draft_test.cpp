#include "engine/group_day.h"
#include "notes/note_store.h"
#include "notes/session_note_draft.h"
#include "notes/session_note_fixture.h"
#include "questions/day_questions.h"

#include <catch2/catch.hpp>

using namespace balcony;

namespace {

const QString facilitator = QStringLiteral("Ruth Okafor");

// The block of the day where kind is held in the session of the LA presenting at `session`.
int blockOf(Database& db, const QString& group, int session, BlockKind kind) {
    auto day = loadGroupDay(db, QStringLiteral("2026-2027"), group);
    INFO((day ? QString() : day.message()).toStdString());
    REQUIRE(day.ok());
    for (const auto& block : day->plan.timetable.blocks) {
        if (block.session == session && block.kind == kind) {
            return block.index;
        }
    }
    FAIL("no such block");
    return -1;
}

// Distinctive texts in every session of both groups: each LA's words carry its tag (KENT, MEDWAY...).
void captureDay(test::SessionNoteRegion& r) {
    NoteStore notes(*r.db);
    questions::DayQuestions day(*r.db);
    struct Session {
        qint64 group;
        const char* groupLabel;
        qint64 la;
        const char* tag;
        int session;
    };
    const qint64 eastSussex = r.f.brighton + 1;
    const std::vector<Session> sessions = {
        {r.f.groupA, "A", r.f.kent, "KENT", 0},         {r.f.groupA, "A", r.f.medway, "MEDWAY", 1},
        {r.f.groupA, "A", r.f.surrey, "SURREY", 2},     {r.f.groupB, "B", r.f.brighton, "BRIGHTON", 0},
        {r.f.groupB, "B", eastSussex, "EASTSUSSEX", 1},
    };
    for (const auto& s : sessions) {
        const QString tag = QString::fromLatin1(s.tag);
        auto add = [&](NoteKind kind, const QString& text, const QString& theme = {},
                       std::optional<int> block = {}) {
            auto id = notes.capture(s.group, s.la, NoteContent{kind, theme, block, text});
            REQUIRE(id.ok());
        };
        const QString label = QString::fromLatin1(s.groupLabel);
        add(NoteKind::Strength, tag + QStringLiteral(" strength: a stable front door"));
        add(NoteKind::Note, tag + QStringLiteral(" question on budget pressure"), QStringLiteral("Budget"),
            blockOf(*r.db, label, s.session, BlockKind::Questions));
        add(NoteKind::Note, tag + QStringLiteral(" question on agency staff"), QStringLiteral("Workforce"),
            blockOf(*r.db, label, s.session, BlockKind::Questions));
        add(NoteKind::Insight, tag + QStringLiteral(" insight: the story assumes growth"));
        add(NoteKind::Note, tag + QStringLiteral(" reaction: surprised by the caseload view"), {},
            blockOf(*r.db, label, s.session, BlockKind::Reaction));
        add(NoteKind::Reflection, tag + QStringLiteral(" reflection: look again at supervision"));
        add(NoteKind::Ask, tag + QStringLiteral(" ask: help with recruitment"));
        add(NoteKind::Offer, tag + QStringLiteral(" offer: our edge-of-care model"));
        add(NoteKind::Action, tag + QStringLiteral(" action: review the workforce plan"));
        REQUIRE(
            day.setFocusThemes(s.group, s.la, {QStringLiteral("Workforce"), tag + QStringLiteral(" theme")})
                .ok());
        REQUIRE(day.setRating(s.group, s.la, tag + QStringLiteral(" confidence in the budget"), 6).ok());
    }
    // An item captured for Medway while Kent presented: it is Medway's, never Kent's.
    auto stray = notes.capture(r.f.groupA, r.f.medway,
                               NoteContent{NoteKind::Note, QStringLiteral("Budget"),
                                           blockOf(*r.db, QStringLiteral("A"), 0, BlockKind::Questions),
                                           QStringLiteral("STRAYMEDWAY remark")});
    REQUIRE(stray.ok());
}

} // namespace

TEST_CASE("A draft gathers the LA's session under the handbook's headings", "[notes][draft]") {
    test::SessionNoteRegion r;
    captureDay(r);
    auto draft = assembleDraft(*r.db, r.f.groupA, r.f.kent);
    REQUIRE(draft.ok());
    const QString& body = draft->body;
    INFO(body.toStdString());
    CHECK(body.startsWith(
        QStringLiteral("# Session note: Kent\n\nGroup A, 23 November 2026. LAs attending: Kent, "
                       "Medway and Surrey.\n")));
    CHECK(body.contains(QStringLiteral("## Themes the DCS flagged\n\n- Workforce\n- KENT theme\n")));
    CHECK(body.contains(QStringLiteral("## Strengths affirmed\n\n- KENT strength: a stable front door\n")));
    // Lines of enquiry: the flagged theme first, then the others, then the ratings.
    CHECK(body.contains(
        QStringLiteral("## Lines of enquiry\n\n### Workforce\n\n- KENT question on agency staff\n\n"
                       "### Budget\n\n- KENT question on budget pressure\n\n### Ratings (0 to 10)\n\n"
                       "- KENT confidence in the budget (rated 6 out of 10)\n")));
    CHECK(body.contains(
        QStringLiteral("## Insights from the balcony\n\n- KENT insight: the story assumes growth\n")));
    CHECK(body.contains(QStringLiteral("## Reaction\n\n- KENT reaction: surprised by the caseload view\n")));
    CHECK(body.contains(QStringLiteral("## Reflections\n\n- KENT reflection: look again at supervision\n")));
    CHECK(body.contains(QStringLiteral("## Asks\n\n- KENT ask: help with recruitment\n")));
    CHECK(body.contains(QStringLiteral("## Offers\n\n- KENT offer: our edge-of-care model\n")));
    CHECK(body.contains(QStringLiteral("## Action points\n\n- KENT action: review the workforce plan\n")));
}

TEST_CASE("A draft holds no text of another LA's session, not even an item captured during its own",
          "[notes][draft][confidential]") {
    test::SessionNoteRegion r;
    captureDay(r);
    SessionNoteDrafter drafter(*r.db, r.clock);
    const std::vector<std::pair<qint64, QString>> las = {{r.f.kent, QStringLiteral("KENT")},
                                                         {r.f.medway, QStringLiteral("MEDWAY")},
                                                         {r.f.surrey, QStringLiteral("SURREY")}};
    const QStringList everyTag = {QStringLiteral("KENT"), QStringLiteral("MEDWAY"), QStringLiteral("SURREY"),
                                  QStringLiteral("BRIGHTON"), QStringLiteral("EASTSUSSEX")};
    for (const auto& [la, tag] : las) {
        auto drafted = drafter.draft(r.f.groupA, la, facilitator);
        REQUIRE(drafted.ok());
        REQUIRE(drafted->outcome == SessionNoteDrafter::Outcome::Created);
        auto body = r.store().revision(drafted->noteId)->body;
        INFO(body.toStdString());
        CHECK(body.count(tag + u' ') >= 9);
        for (const QString& other : everyTag) {
            if (other != tag) {
                CHECK_FALSE(body.contains(other + u' '));
            }
        }
        if (tag == QStringLiteral("MEDWAY")) {
            CHECK(body.contains(QStringLiteral("STRAYMEDWAY")));
        } else {
            CHECK_FALSE(body.contains(QStringLiteral("STRAYMEDWAY")));
        }
    }
}

TEST_CASE("Re-drafting an untouched draft replaces it, and an edited note only reports the additions",
          "[notes][draft]") {
    test::SessionNoteRegion r;
    NoteStore notes(*r.db);
    SessionNoteDrafter drafter(*r.db, r.clock);
    auto store = r.store();
    REQUIRE(notes
                .capture(r.f.groupA, r.f.kent,
                         {NoteKind::Strength, {}, {}, QStringLiteral("Strong early help offer")})
                .ok());
    auto first = drafter.draft(r.f.groupA, r.f.kent, facilitator);
    REQUIRE(first.ok());
    const qint64 id = first->noteId;

    auto same = drafter.draft(r.f.groupA, r.f.kent, facilitator);
    REQUIRE(same.ok());
    CHECK(same->outcome == SessionNoteDrafter::Outcome::Unchanged);
    CHECK(store.note(id)->latestRevision == 1);

    REQUIRE(
        notes.capture(r.f.groupA, r.f.kent, {NoteKind::Ask, {}, {}, QStringLiteral("Peer support on SEND")})
            .ok());
    auto second = drafter.draft(r.f.groupA, r.f.kent, facilitator);
    REQUIRE(second.ok());
    CHECK(second->outcome == SessionNoteDrafter::Outcome::Redrafted);
    CHECK(store.revision(id)->body.contains(QStringLiteral("## Asks\n\n- Peer support on SEND\n")));

    // The facilitator rewrites the note; the day then gains an offer and a revised strength.
    QString edited = store.revision(id)->body;
    edited.replace(QStringLiteral("Strong early help offer"),
                   QStringLiteral("An early help offer the group admired"));
    edited += QStringLiteral("\nThe facilitator's own closing words.\n");
    REQUIRE(store.edit(id, edited, facilitator).ok());
    auto offer = notes.capture(r.f.groupA, r.f.kent,
                               {NoteKind::Offer, {}, {}, QStringLiteral("Our family hubs model")});
    REQUIRE(offer.ok());
    auto theme = notes.capture(
        r.f.groupA, r.f.kent,
        {NoteKind::Note, QStringLiteral("budget"), {}, QStringLiteral("Overspend on placements")});
    REQUIRE(theme.ok());
    const auto before = r.snapshot();
    auto third = drafter.draft(r.f.groupA, r.f.kent, facilitator);
    REQUIRE(third.ok());
    CHECK(third->outcome == SessionNoteDrafter::Outcome::Additions);
    REQUIRE(third->additions.size() == 2);
    CHECK(third->additions[0].section == QStringLiteral("Lines of enquiry"));
    CHECK(third->additions[1].text == QStringLiteral("Our family hubs model"));
    CHECK(r.snapshot() == before); // reported, not written

    // Taking only the offer keeps every word of the edit and adds it under Offers.
    auto taken = drafter.takeAdditions(id, {QStringLiteral("item:%1").arg(*offer)}, facilitator);
    REQUIRE(taken.ok());
    const QString body = store.revision(id)->body;
    INFO(body.toStdString());
    CHECK(body.contains(QStringLiteral("An early help offer the group admired")));
    CHECK(body.contains(QStringLiteral("The facilitator's own closing words.")));
    CHECK(body.contains(QStringLiteral("## Offers\n\n- Our family hubs model\n")));
    CHECK_FALSE(body.contains(QStringLiteral("_Nothing recorded._\n\n## Action points")));
    CHECK(store.revision(id)->origin == RevisionOrigin::Edit);
    auto left = drafter.additions(id);
    REQUIRE(left.ok());
    REQUIRE(left->size() == 1);
    CHECK(left->front().key == QStringLiteral("item:%1").arg(*theme));

    // The rest, into a theme heading the note did not have yet.
    REQUIRE(drafter.takeAdditions(id, {}, facilitator).ok());
    CHECK(store.revision(id)->body.contains(QStringLiteral("### Budget\n\n- Overspend on placements\n")));
    CHECK(drafter.additions(id)->empty());

    auto unknown = drafter.takeAdditions(id, {QStringLiteral("item:999")}, facilitator);
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.message().contains(QStringLiteral("item:999")));
}

TEST_CASE("Re-drafting never touches an agreed note", "[notes][draft]") {
    test::SessionNoteRegion r;
    NoteStore notes(*r.db);
    SessionNoteDrafter drafter(*r.db, r.clock);
    auto store = r.store();
    REQUIRE(notes
                .capture(r.f.groupA, r.f.kent,
                         {NoteKind::Strength, {}, {}, QStringLiteral("Strong early help offer")})
                .ok());
    auto first = drafter.draft(r.f.groupA, r.f.kent, facilitator);
    REQUIRE(first.ok());
    REQUIRE(store.markSent(first->noteId, facilitator).ok());
    REQUIRE(store.agree(first->noteId, QStringLiteral("Priya Shah")).ok());
    REQUIRE(notes.capture(r.f.groupA, r.f.kent, {NoteKind::Ask, {}, {}, QStringLiteral("Late ask")}).ok());
    const auto before = r.snapshot();
    auto again = drafter.draft(r.f.groupA, r.f.kent, facilitator);
    REQUIRE(again.ok());
    CHECK(again->outcome == SessionNoteDrafter::Outcome::Locked);
    CHECK(r.snapshot() == before);
    auto refused = drafter.takeAdditions(first->noteId, {}, facilitator);
    REQUIRE_FALSE(refused.ok());
    CHECK(r.snapshot() == before);
}

TEST_CASE("Lines are inserted at the end of their section, or under a new heading at the end",
          "[notes][draft]") {
    const QString body = QStringLiteral("# Note\n\n## Asks\n\n- One\n\n## Offers\n\n_Nothing recorded._\n");
    const QString out = insertLines(
        body, {{QStringLiteral("a"), 1, QStringLiteral("Asks"), {}, QStringLiteral("Two")},
               {QStringLiteral("b"), 1, QStringLiteral("Offers"), {}, QStringLiteral("Three")},
               {QStringLiteral("c"), 1, QStringLiteral("Action points"), {}, QStringLiteral("Four\nmore")}});
    CHECK(out == QStringLiteral("# Note\n\n## Asks\n\n- One\n- Two\n\n## Offers\n\n- Three\n\n## Action "
                                "points\n\n- Four\n  more\n"));
}
