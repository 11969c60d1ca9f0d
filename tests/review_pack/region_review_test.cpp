// A DCS reviewing their own note straight from the region (review_pack/region_review.h), on both
// engines: ctest runs the [notes] tests once more with the region on the test server.
#include "notes/session_note_fixture.h"
#include "review_pack/region_review.h"

#include <catch2/catch.hpp>

using namespace balcony;

namespace {

const QString facilitator = QStringLiteral("Ruth Okafor");
const QString dcs = QStringLiteral("Priya Shah");
const QString drafted = QStringLiteral("# Kent\n\nThe budget is stable.\n");
const QString amendedText = QStringLiteral("# Kent\n\nThe budget is under pressure from placements.\n");

// Kent's note, drafted and sent for review.
qint64 sentNote(test::SessionNoteRegion& r) {
    auto store = r.store();
    auto id = store.create(r.f.groupA, r.f.kent, drafted, facilitator);
    REQUIRE(id.ok());
    REQUIRE(store.markSent(*id, facilitator).ok());
    return *id;
}

std::unique_ptr<DcsReview> review(test::SessionNoteRegion& r) {
    auto opened = openRegionReview(*r.db, r.clock, r.f.kent);
    INFO((opened ? std::string() : opened.message().toStdString()));
    REQUIRE(opened.ok());
    return std::move(*opened);
}

} // namespace

TEST_CASE("A DCS sees their note as it was sent, from the region", "[notes][dcs-review]") {
    test::SessionNoteRegion r;
    SECTION("nothing sent yet is said plainly") {
        auto store = r.store();
        REQUIRE(store.create(r.f.groupA, r.f.kent, drafted, facilitator).ok());
        auto opened = openRegionReview(*r.db, r.clock, r.f.kent);
        REQUIRE_FALSE(opened.ok());
        CHECK(opened.error().kind == Error::Kind::NotFound);
        CHECK(opened.message().contains(QStringLiteral("No session note for Kent has been sent")));
    }
    SECTION("the sent revision, its group and due date") {
        const qint64 id = sentNote(r);
        auto mine = review(r);
        const ReviewPackState& state = mine->state();
        CHECK(state.sent.noteId == id);
        CHECK(state.sent.authorityName == QStringLiteral("Kent"));
        CHECK(state.sent.revisionNumber == 1);
        CHECK(state.sent.revisionBody == drafted);
        CHECK(state.sent.revisionFingerprint == fingerprintOf(drafted));
        CHECK(state.sent.groupAuthorities.contains(QStringLiteral("Medway")));
        CHECK(state.sent.dueDate.isValid());
        CHECK(state.decision == PackDecision::None);
        CHECK_FALSE(state.amendment.has_value());
        CHECK_FALSE(mine->isReadOnly());
    }
}

TEST_CASE(
    "A DCS's amendment is kept in the region until returned, and the return is the facilitator's to see",
    "[notes][dcs-review]") {
    test::SessionNoteRegion r;
    const qint64 id = sentNote(r);
    auto mine = review(r);
    REQUIRE(mine->saveAmendment(amendedText, dcs, r.clock.utcNow()).ok());

    // Another window (another day) finds the amendment where it was left; the note is still as sent.
    auto later = review(r);
    REQUIRE(later->state().amendment.has_value());
    CHECK(later->state().amendment->body == amendedText);
    CHECK(later->state().amendment->dcsName == dcs);
    auto note = r.store().note(id);
    REQUIRE(note.ok());
    CHECK(note->status == NoteStatus::Sent);
    CHECK(note->latestRevision == 1);

    // Agreeing as sent is refused while the amendment waits, and nothing changes.
    const QStringList before = r.snapshot();
    auto agreed = later->agree(dcs, r.clock.utcNow());
    REQUIRE_FALSE(agreed.ok());
    CHECK(agreed.message().contains(QStringLiteral("amendments are waiting")));
    CHECK(r.snapshot() == before);

    r.clock.advanceMinutes(5);
    auto returned = later->returnWithAmendments(dcs, r.clock.utcNow());
    INFO(returned.message().toStdString());
    REQUIRE(returned.ok());
    CHECK(later->state().decision == PackDecision::Returned);
    CHECK(later->state().decidedBy == dcs);
    note = r.store().note(id);
    REQUIRE(note.ok());
    CHECK(note->status == NoteStatus::Amended);
    auto latest = r.store().revision(id);
    REQUIRE(latest.ok());
    CHECK(latest->body == amendedText);
    CHECK(latest->author == dcs);
    CHECK(latest->origin == RevisionOrigin::Dcs);
    CHECK(r.count(QStringLiteral("dcs_amendment")) == 0);

    // Answered: nothing more changes, here or in a window opened afterwards.
    CHECK_FALSE(
        later->saveAmendment(QStringLiteral("# Kent\n\nOne more thought.\n"), dcs, r.clock.utcNow()).ok());
    auto after = review(r);
    CHECK(after->state().decision == PackDecision::Returned);
    CHECK(after->state().amendment->body == amendedText);
}

TEST_CASE("A DCS agrees their note as sent from the region", "[notes][dcs-review]") {
    test::SessionNoteRegion r;
    const qint64 id = sentNote(r);
    auto mine = review(r);
    SECTION("back to the text as sent removes the amendment, then the note is agreed") {
        REQUIRE(mine->saveAmendment(amendedText, dcs, r.clock.utcNow()).ok());
        REQUIRE(mine->saveAmendment(drafted, dcs, r.clock.utcNow()).ok());
        CHECK_FALSE(mine->state().amendment.has_value());
        CHECK(r.count(QStringLiteral("dcs_amendment")) == 0);
    }
    SECTION("straight away") {}
    REQUIRE(mine->agree(dcs, r.clock.utcNow()).ok());
    CHECK(mine->state().decision == PackDecision::Agreed);
    CHECK(mine->state().agreedFingerprint == fingerprintOf(drafted));
    auto note = r.store().note(id);
    REQUIRE(note.ok());
    CHECK(note->status == NoteStatus::Agreed);
    CHECK(note->agreedRevision == 1);
    auto steps = r.store().steps(id);
    REQUIRE(steps.ok());
    CHECK(steps->back().by == dcs);
}

TEST_CASE("A DCS's answer never overwrites what the facilitator did after the window opened",
          "[notes][dcs-review]") {
    test::SessionNoteRegion r;
    const qint64 id = sentNote(r);
    auto mine = review(r);
    REQUIRE(mine->saveAmendment(amendedText, dcs, r.clock.utcNow()).ok());
    auto store = r.store();
    SECTION("the facilitator recorded the DCS's agreement by phone") {
        REQUIRE(store.agree(id, facilitator).ok());
        CHECK(r.count(QStringLiteral("dcs_amendment")) == 0); // the sending's draft went with it
        const QStringList before = r.snapshot();
        auto returned = mine->returnWithAmendments(dcs, r.clock.utcNow());
        REQUIRE_FALSE(returned.ok());
        CHECK(returned.error().kind == Error::Kind::Changed);
        CHECK(returned.message().contains(QStringLiteral("answered meanwhile")));
        CHECK(r.snapshot() == before);
        CHECK(mine->state().decision == PackDecision::Agreed);
    }
    SECTION("the facilitator saved a new revision after sending it") {
        REQUIRE(store.edit(id, QStringLiteral("# Kent\n\nThe budget is stable. Added later.\n"), facilitator)
                    .ok());
        const QStringList before = r.snapshot();
        auto returned = mine->returnWithAmendments(dcs, r.clock.utcNow());
        REQUIRE_FALSE(returned.ok());
        CHECK(returned.error().kind == Error::Kind::Changed);
        CHECK(returned.message().contains(QStringLiteral("saved revision 2 after sending it")));
        CHECK(r.snapshot() == before);
        // The DCS's text is still theirs, saved in the region.
        REQUIRE(mine->state().amendment.has_value());
        CHECK(mine->state().amendment->body == amendedText);
    }
}

TEST_CASE("The schema takes a DCS's working amendment only while the note is out for review",
          "[notes][dcs-review][schema]") {
    test::SessionNoteRegion r;
    auto store = r.store();
    auto id = store.create(r.f.groupA, r.f.kent, drafted, facilitator);
    REQUIRE(id.ok());
    const QString insert = QStringLiteral("INSERT INTO dcs_amendment(note_id, revision_sent, body, dcs_name, "
                                          "saved_at_utc) VALUES (?, 1, 'Typed', 'Priya Shah', "
                                          "'2026-11-24T10:00:00.000Z')");
    CHECK_FALSE(sql::run(*r.db, insert, {*id}).ok()); // a draft
    REQUIRE(store.markSent(*id, facilitator).ok());
    CHECK(sql::run(*r.db, insert, {*id}).ok());
    REQUIRE(sql::run(*r.db, QStringLiteral("DELETE FROM dcs_amendment")).ok());
    REQUIRE(store.agree(*id, dcs).ok());
    auto refused = sql::run(*r.db, insert, {*id});
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.message().contains(QStringLiteral("only while it is out for review")));
}

TEST_CASE("A DCS's draft for a revision sent before is refused once the note was sent again",
          "[notes][dcs-review]") {
    test::SessionNoteRegion r;
    const qint64 id = sentNote(r);
    auto mine = review(r);
    auto store = r.store();
    // Meanwhile a pack came back with amendments, and the facilitator sent the note again.
    REQUIRE(store
                .recordAmendment(id, 1, fingerprintOf(drafted), amendedText, dcs, r.clock.utcNow(),
                                 QStringLiteral("pack-1"))
                .ok());
    REQUIRE(store.markSent(id, facilitator).ok());

    auto saved =
        mine->saveAmendment(QStringLiteral("# Kent\n\nTyped against revision 1.\n"), dcs, r.clock.utcNow());
    REQUIRE_FALSE(saved.ok());
    CHECK(saved.error().kind == Error::Kind::Changed);
    CHECK(saved.message().contains(QStringLiteral("sent the session note for Kent again (revision 2)")));
    CHECK(r.count(QStringLiteral("dcs_amendment")) == 0);
    // The window's state is the new sending's, with nothing answered yet.
    CHECK(mine->state().sent.revisionNumber == 2);
    CHECK(mine->state().sent.revisionBody == amendedText);
    CHECK(mine->state().decision == PackDecision::None);
    CHECK(mine->saveAmendment(QStringLiteral("# Kent\n\nTyped against revision 2.\n"), dcs, r.clock.utcNow())
              .ok());
}

TEST_CASE("One answer to each sending: a pack after the DCS answered in the region is refused",
          "[notes][dcs-review]") {
    test::SessionNoteRegion r;
    const qint64 id = sentNote(r);
    auto mine = review(r);
    REQUIRE(mine->saveAmendment(amendedText, dcs, r.clock.utcNow()).ok());
    REQUIRE(mine->returnWithAmendments(dcs, r.clock.utcNow()).ok());
    const QStringList before = r.snapshot();
    auto late = r.store().recordAmendment(id, 1, fingerprintOf(drafted),
                                          QStringLiteral("# Kent\n\nThe pack's other text.\n"), dcs,
                                          r.clock.utcNow(), QStringLiteral("pack-late"));
    REQUIRE_FALSE(late.ok());
    CHECK(
        late.message().contains(QStringLiteral("answer to revision 1 was recorded already (by Priya Shah")));
    CHECK(r.snapshot() == before);
}
