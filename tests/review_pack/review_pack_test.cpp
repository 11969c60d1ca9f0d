#include "helpers/temp_dir.h"
#include "review_pack/pack_fixture.h"
#include "review_pack/review_pack.h"

#include <QFile>
#include <QFileInfo>
#include <catch2/catch.hpp>

using namespace balcony;
using namespace balcony::test;

namespace {

const QString sentBody =
    QStringLiteral("# Session note: Bolton\n\n## Strengths affirmed\n\n- Stable workforce\n");

} // namespace

TEST_CASE("A review pack round trip: created, amended, returned and read back for the facilitator",
          "[review_pack]") {
    TempDir dir;
    const QString path = dir.path(QStringLiteral("bolton.balcony-review"));
    const ReviewPackContents contents = packContents(QStringLiteral("Bolton"), sentBody);
    REQUIRE(createPack(path, contents).ok());

    {
        auto pack = openPack(path);
        REQUIRE(pack.ok());
        CHECK_FALSE(pack->isReadOnly());
        const ReviewPackState& state = pack->state();
        CHECK(state.formatVersion == 1);
        CHECK(state.sent.packUuid == contents.packUuid);
        CHECK(state.sent.regionName == QStringLiteral("North West"));
        CHECK(state.sent.cycleName == QStringLiteral("Autumn 2026"));
        CHECK(state.sent.groupLabel == QStringLiteral("Group 3"));
        CHECK(state.sent.groupDate == QDate(2026, 11, 20));
        CHECK(state.sent.authorityName == QStringLiteral("Bolton"));
        CHECK(state.sent.authorityId == 17);
        CHECK(state.sent.noteId == 42);
        CHECK(state.sent.revisionNumber == 3);
        CHECK(state.sent.revisionBody == sentBody);
        CHECK(state.sent.revisionFingerprint == fingerprintOf(sentBody));
        CHECK(state.sent.dueDate == QDate(2026, 12, 4));
        CHECK(state.sent.groupAuthorities == contents.groupAuthorities);
        CHECK_FALSE(state.amendment.has_value());
        CHECK(state.decision == PackDecision::None);

        REQUIRE(pack->saveAmendment(sentBody + QStringLiteral("- Early help hub\n"),
                                    QStringLiteral("Ann Smith"), packTime(5))
                    .ok());
        REQUIRE(pack->state().amendment.has_value());
        CHECK(pack->state().amendment->dcsName == QStringLiteral("Ann Smith"));
        CHECK(pack->state().amendment->savedAtUtc == packTime(5));
    }

    // Saved at once: a second opening (the DCS's Balcony restarted) sees the amendment.
    {
        auto pack = openPack(path);
        REQUIRE(pack.ok());
        REQUIRE(pack->state().amendment.has_value());
        CHECK(pack->state().amendment->body == sentBody + QStringLiteral("- Early help hub\n"));
        REQUIRE(pack->returnWithAmendments(QStringLiteral("Ann Smith"), packTime(9)).ok());
        CHECK(pack->state().decision == PackDecision::Returned);
    }

    auto returned = readPackAnswer(path);
    REQUIRE(returned.ok());
    CHECK(returned->packUuid == contents.packUuid);
    CHECK(returned->cycleName == QStringLiteral("Autumn 2026"));
    CHECK(returned->authorityName == QStringLiteral("Bolton"));
    CHECK(returned->authorityId == 17);
    CHECK(returned->noteId == 42);
    CHECK(returned->revisionNumber == 3);
    CHECK(returned->revisionFingerprint == fingerprintOf(sentBody));
    CHECK(returned->decision == PackDecision::Returned);
    CHECK(returned->dcsName == QStringLiteral("Ann Smith"));
    CHECK(returned->decidedAtUtc == packTime(9));
    CHECK(returned->amendedBody == sentBody + QStringLiteral("- Early help hub\n"));
    CHECK(returned->amendedBy == QStringLiteral("Ann Smith"));
    CHECK(returned->amendedAtUtc == packTime(5));
    CHECK(returned->amendedFingerprint == fingerprintOf(returned->amendedBody));
    // A closed pack is one file: nothing beside it to lose when it is mailed.
    CHECK_FALSE(QFileInfo::exists(path + QStringLiteral("-journal")));
    CHECK_FALSE(QFileInfo::exists(path + QStringLiteral("-wal")));
}

TEST_CASE("A review pack agreed as sent is read back as the agreement of the revision sent",
          "[review_pack]") {
    TempDir dir;
    const QString path = dir.path(QStringLiteral("wigan.balcony-review"));
    REQUIRE(createPack(path, packContents(QStringLiteral("Wigan"), sentBody)).ok());
    {
        auto pack = openPack(path);
        REQUIRE(pack.ok());
        REQUIRE(pack->agree(QStringLiteral("Raj Patel"), packTime(30)).ok());
        CHECK(pack->state().decision == PackDecision::Agreed);
        CHECK(pack->state().agreedFingerprint == fingerprintOf(sentBody));
    }
    auto returned = readPackAnswer(path);
    REQUIRE(returned.ok());
    CHECK(returned->decision == PackDecision::Agreed);
    CHECK(returned->dcsName == QStringLiteral("Raj Patel"));
    CHECK(returned->decidedAtUtc == packTime(30));
    CHECK(returned->revisionFingerprint == fingerprintOf(sentBody));
    CHECK(returned->amendedBody.isEmpty());
}

TEST_CASE("A pack keeps one working amendment: a later save replaces it and the text as sent discards it",
          "[review_pack]") {
    TempDir dir;
    const QString path = dir.path(QStringLiteral("bolton.balcony-review"));
    REQUIRE(createPack(path, packContents(QStringLiteral("Bolton"), sentBody)).ok());
    auto pack = openPack(path);
    REQUIRE(pack.ok());
    REQUIRE(pack->saveAmendment(QStringLiteral("first try"), QStringLiteral("Ann Smith"), packTime(1)).ok());
    REQUIRE(pack->saveAmendment(QStringLiteral("second try"), QStringLiteral("Ann Smith"), packTime(2)).ok());
    REQUIRE(pack->state().amendment.has_value());
    CHECK(pack->state().amendment->body == QStringLiteral("second try"));
    CHECK(pack->state().amendment->savedAtUtc == packTime(2));

    REQUIRE(pack->saveAmendment(sentBody, QStringLiteral("Ann Smith"), packTime(3)).ok());
    CHECK_FALSE(pack->state().amendment.has_value());
    REQUIRE(pack->saveAmendment(QStringLiteral("third try"), QStringLiteral("Ann Smith"), packTime(4)).ok());
    REQUIRE(pack->discardAmendment().ok());
    CHECK_FALSE(pack->state().amendment.has_value());
}

TEST_CASE("Agreeing is refused while amendments wait, and returning is refused without any",
          "[review_pack]") {
    TempDir dir;
    const QString path = dir.path(QStringLiteral("bolton.balcony-review"));
    REQUIRE(createPack(path, packContents(QStringLiteral("Bolton"), sentBody)).ok());
    auto pack = openPack(path);
    REQUIRE(pack.ok());

    const QByteArray before = readAll(path);
    auto returned = pack->returnWithAmendments(QStringLiteral("Ann Smith"), packTime(1));
    REQUIRE_FALSE(returned.ok());
    CHECK(returned.message().contains(QStringLiteral("no amendments")));
    CHECK(readAll(path) == before);

    REQUIRE(pack->saveAmendment(QStringLiteral("changed"), QStringLiteral("Ann Smith"), packTime(2)).ok());
    const QByteArray amended = readAll(path);
    auto agreed = pack->agree(QStringLiteral("Ann Smith"), packTime(3));
    REQUIRE_FALSE(agreed.ok());
    CHECK(agreed.message().contains(QStringLiteral("holds amendments")));
    CHECK(readAll(path) == amended);
    CHECK(pack->state().decision == PackDecision::None);

    // An empty answer, or one without a name or time, is refused too.
    CHECK_FALSE(pack->saveAmendment(QStringLiteral("  "), QStringLiteral("Ann Smith"), packTime(4)).ok());
    CHECK_FALSE(pack->saveAmendment(QStringLiteral("text"), QStringLiteral(" "), packTime(4)).ok());
    CHECK_FALSE(pack->saveAmendment(QStringLiteral("text"), QStringLiteral("Ann Smith"), QDateTime()).ok());
    CHECK(readAll(path) == amended);
}

TEST_CASE("Every change after the DCS's decision is refused and leaves the pack byte-identical",
          "[review_pack]") {
    TempDir dir;
    const QString path = dir.path(QStringLiteral("bolton.balcony-review"));
    REQUIRE(createPack(path, packContents(QStringLiteral("Bolton"), sentBody)).ok());
    auto pack = openPack(path);
    REQUIRE(pack.ok());
    REQUIRE(pack->agree(QStringLiteral("Ann Smith"), packTime(10)).ok());
    const QByteArray decided = readAll(path);

    auto amend =
        pack->saveAmendment(QStringLiteral("late change"), QStringLiteral("Ann Smith"), packTime(11));
    REQUIRE_FALSE(amend.ok());
    CHECK(amend.error().kind == Error::Kind::Conflict);
    CHECK(amend.message().contains(QStringLiteral("already agreed by Ann Smith")));
    CHECK(amend.message().contains(QStringLiteral("bolton.balcony-review")));
    CHECK_FALSE(pack->agree(QStringLiteral("Ann Smith"), packTime(12)).ok());
    CHECK_FALSE(pack->returnWithAmendments(QStringLiteral("Ann Smith"), packTime(12)).ok());
    CHECK_FALSE(pack->discardAmendment().ok());
    CHECK(readAll(path) == decided);

    // The pack's own triggers refuse the same through plain SQL (another program).
    CHECK_FALSE(execRaw(path, QStringLiteral("UPDATE decision SET kind = 'returned'")).isEmpty());
    CHECK_FALSE(execRaw(path, QStringLiteral("DELETE FROM decision")).isEmpty());
    CHECK_FALSE(execRaw(path, QStringLiteral("INSERT INTO amendment (body, dcs_name, saved_at) "
                                             "VALUES ('x', 'y', '2026-12-02T10:00:00.000Z')"))
                    .isEmpty());
    CHECK_FALSE(execRaw(path, QStringLiteral("UPDATE pack SET revision_body = 'forged'")).isEmpty());
    CHECK_FALSE(
        execRaw(path, QStringLiteral("INSERT INTO group_authority (position, name) VALUES (9, 'Salford')"))
            .isEmpty());
    CHECK(readAll(path) == decided);
}

TEST_CASE("The pack's triggers refuse an agreement of another revision through plain SQL", "[review_pack]") {
    TempDir dir;
    const QString path = dir.path(QStringLiteral("bolton.balcony-review"));
    REQUIRE(createPack(path, packContents(QStringLiteral("Bolton"), sentBody)).ok());
    CHECK_FALSE(
        execRaw(path, QStringLiteral("INSERT INTO decision (singleton, kind, agreed_fingerprint, dcs_name, "
                                     "decided_at) VALUES (1, 'agreed', '%1', 'X', "
                                     "'2026-12-02T10:00:00.000Z')")
                          .arg(fingerprintOf(QStringLiteral("another text"))))
            .isEmpty());
    CHECK_FALSE(execRaw(path, QStringLiteral("INSERT INTO decision (singleton, kind, dcs_name, decided_at) "
                                             "VALUES (1, 'returned', 'X', '2026-12-02T10:00:00.000Z')"))
                    .isEmpty());
}

TEST_CASE("A review pack is written owner-only, with no temporary file left beside it", "[review_pack]") {
    TempDir dir;
    const QString path = dir.path(QStringLiteral("bolton.balcony-review"));
    REQUIRE(createPack(path, packContents(QStringLiteral("Bolton"), sentBody)).ok());
    const auto permissions = QFile::permissions(path);
    CHECK(permissions == (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser |
                          QFileDevice::WriteUser));
    CHECK(QDir(dir.path(QString())).entryList(QDir::Files | QDir::Hidden) ==
          QStringList{QStringLiteral("bolton.balcony-review")});

    {
        auto pack = openPack(path);
        REQUIRE(pack.ok());
        REQUIRE(
            pack->saveAmendment(QStringLiteral("changed"), QStringLiteral("Ann Smith"), packTime(1)).ok());
    }
    CHECK(QFile::permissions(path) == permissions);
    CHECK(QDir(dir.path(QString())).entryList(QDir::Files | QDir::Hidden) ==
          QStringList{QStringLiteral("bolton.balcony-review")});
}

TEST_CASE("createPack refuses contents that break the contract and an existing file, writing nothing",
          "[review_pack]") {
    TempDir dir;
    const QString path = dir.path(QStringLiteral("bolton.balcony-review"));

    ReviewPackContents forged = packContents(QStringLiteral("Bolton"), sentBody);
    forged.revisionFingerprint = fingerprintOf(QStringLiteral("another text"));
    auto refused = createPack(path, forged);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.message().contains(QStringLiteral("fingerprint")));

    ReviewPackContents noUuid = packContents(QStringLiteral("Bolton"), sentBody);
    noUuid.packUuid = QUuid();
    CHECK_FALSE(createPack(path, noUuid).ok());

    ReviewPackContents noRevision = packContents(QStringLiteral("Bolton"), sentBody);
    noRevision.revisionNumber = 0;
    CHECK_FALSE(createPack(path, noRevision).ok());
    CHECK(QDir(dir.path(QString())).entryList(QDir::Files | QDir::Hidden).isEmpty());

    auto noFolder = createPack(dir.path(QStringLiteral("absent/bolton.balcony-review")),
                               packContents(QStringLiteral("Bolton"), sentBody));
    REQUIRE_FALSE(noFolder.ok());
    CHECK(noFolder.message().contains(QStringLiteral("does not exist")));
    CHECK(QDir(dir.path(QString()))
              .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)
              .isEmpty());

    REQUIRE(createPack(path, packContents(QStringLiteral("Bolton"), sentBody)).ok());
    const QByteArray first = readAll(path);
    auto exists = createPack(path, packContents(QStringLiteral("Bolton"), QStringLiteral("other")));
    REQUIRE_FALSE(exists.ok());
    CHECK(exists.error().kind == Error::Kind::Conflict);
    CHECK(exists.message().contains(QStringLiteral("already exists")));
    CHECK(readAll(path) == first);

    // Replacing, when asked, is atomic and leaves only the new pack.
    REQUIRE(createPack(path, packContents(QStringLiteral("Bolton"), QStringLiteral("other")), true).ok());
    auto replaced = openPack(path);
    REQUIRE(replaced.ok());
    CHECK(replaced->state().sent.revisionBody == QStringLiteral("other"));
    CHECK(QDir(dir.path(QString())).entryList(QDir::Files | QDir::Hidden).size() == 1);
}

TEST_CASE("readPackAnswer refuses a pack the DCS has not answered", "[review_pack]") {
    TempDir dir;
    const QString path = dir.path(QStringLiteral("bolton.balcony-review"));
    REQUIRE(createPack(path, packContents(QStringLiteral("Bolton"), sentBody)).ok());
    const QByteArray before = readAll(path);
    auto returned = readPackAnswer(path);
    REQUIRE_FALSE(returned.ok());
    CHECK(returned.message().contains(QStringLiteral("not been answered")));
    CHECK(returned.message().contains(QStringLiteral("bolton.balcony-review")));
    CHECK(readAll(path) == before);
}

TEST_CASE("A pack answered in another window refuses this window's later change and shows the answer",
          "[review_pack]") {
    TempDir dir;
    const QString path = dir.path(QStringLiteral("bolton.balcony-review"));
    REQUIRE(createPack(path, packContents(QStringLiteral("Bolton"), sentBody)).ok());
    auto first = openPack(path);
    auto second = openPack(path);
    REQUIRE(first.ok());
    REQUIRE(second.ok());
    REQUIRE(first->agree(QStringLiteral("Ann Smith"), packTime(1)).ok());
    const QByteArray agreed = readAll(path);

    CHECK(second->state().decision == PackDecision::None);
    auto late = second->saveAmendment(QStringLiteral("late"), QStringLiteral("Ann Smith"), packTime(2));
    REQUIRE_FALSE(late.ok());
    CHECK(late.error().kind == Error::Kind::Conflict);
    CHECK(late.message().contains(QStringLiteral("already agreed by Ann Smith")));
    CHECK(second->state().decision == PackDecision::Agreed);
    CHECK(readAll(path) == agreed);
}

TEST_CASE("A review pack's file name names the cycle and the LA without characters file systems refuse",
          "[review_pack]") {
    ReviewPackContents contents = packContents(QStringLiteral("Bolton"), sentBody);
    CHECK(reviewPackFileName(contents) == QStringLiteral("Autumn 2026 - Bolton.balcony-review"));
    contents.cycleName = QStringLiteral("2026/27: \"spring\"");
    contents.authorityName = QStringLiteral("Bath and North East Somerset?");
    CHECK(reviewPackFileName(contents) ==
          QStringLiteral("2026-27- -spring- - Bath and North East Somerset-.balcony-review"));
    contents.cycleName = QStringLiteral(".hidden");
    contents.authorityName = QStringLiteral("Wigan.");
    CHECK(reviewPackFileName(contents) == QStringLiteral("-hidden - Wigan.balcony-review"));
}
