#include "notes/session_note_fixture.h"

#include <catch2/catch.hpp>

using namespace balcony;

namespace {

const QString facilitator = QStringLiteral("Ruth Okafor");
const QString dcs = QStringLiteral("Priya Shah");
const QString sentBody = QStringLiteral("# Kent\n\nThe budget is stable.\n");
const QString amendedBody = QStringLiteral("# Kent\n\nThe budget is under pressure this year.\n");

struct SentNote {
    test::SessionNoteRegion r;
    qint64 id = 0;
    QString fingerprint;

    SentNote() {
        auto store = r.store();
        auto created = store.create(r.f.groupA, r.f.kent, sentBody, facilitator);
        REQUIRE(created.ok());
        id = *created;
        REQUIRE(store.markSent(id, facilitator).ok());
        fingerprint = fingerprintOf(sentBody);
    }

    QDateTime later(int minutes) const { return r.clock.utcNow().addSecs(minutes * 60); }
};

} // namespace

TEST_CASE("A returned amendment becomes a revision by the DCS and the note is amended",
          "[notes][session][pack]") {
    SentNote s;
    auto store = s.r.store();
    auto done =
        store.recordAmendment(s.id, 1, s.fingerprint, amendedBody, dcs, s.later(60), QStringLiteral("pack-1"),
                              {QStringLiteral("2026-2027"), s.r.f.kent, QStringLiteral("Kent")});
    INFO(done.message().toStdString());
    REQUIRE(done.ok());
    auto note = store.note(s.id);
    REQUIRE(note.ok());
    CHECK(note->status == NoteStatus::Amended);
    auto latest = store.revision(s.id);
    REQUIRE(latest.ok());
    CHECK(latest->number == 2);
    CHECK(latest->body == amendedBody);
    CHECK(latest->author == dcs);
    CHECK(latest->origin == RevisionOrigin::Dcs);
    CHECK(latest->createdAtUtc == s.later(60));
    CHECK(store.steps(s.id)->back().packUuid == QStringLiteral("pack-1"));
    CHECK(store.packImportedAt(QStringLiteral("pack-1"))->has_value());

    // Sent again, then agreed in a second pack.
    REQUIRE(store.markSent(s.id, facilitator).ok());
    auto agreed = store.recordAgreement(s.id, 2, fingerprintOf(amendedBody), dcs, s.later(120),
                                        QStringLiteral("pack-2"));
    INFO(agreed.message().toStdString());
    REQUIRE(agreed.ok());
    note = store.note(s.id);
    CHECK(note->status == NoteStatus::Agreed);
    CHECK(note->agreedRevision == 2);
    auto steps = store.steps(s.id);
    CHECK(steps->back().by == dcs);
    CHECK(steps->back().atUtc == s.later(120));
    CHECK(steps->back().fingerprint == fingerprintOf(amendedBody));
}

TEST_CASE("A pack holding amendments and the agreement of the last one is recorded in one import",
          "[notes][session][pack]") {
    SentNote s;
    auto store = s.r.store();
    ReturnedPack pack;
    pack.packUuid = QStringLiteral("pack-both");
    pack.noteId = s.id;
    pack.revisionSent = 1;
    pack.fingerprintSent = s.fingerprint;
    pack.amendments = {{amendedBody, dcs, s.later(10)},
                       {amendedBody + QStringLiteral("\nOne more line.\n"), dcs, s.later(20)}};
    pack.agreement =
        DcsAgreement{fingerprintOf(amendedBody + QStringLiteral("\nOne more line.\n")), dcs, s.later(30)};
    auto done = store.recordReturn(pack);
    INFO(done.message().toStdString());
    REQUIRE(done.ok());
    auto note = store.note(s.id);
    CHECK(note->status == NoteStatus::Agreed);
    CHECK(note->latestRevision == 3);
    CHECK(note->agreedRevision == 3);
}

TEST_CASE("Every refused pack import says why and changes nothing", "[notes][session][pack]") {
    SentNote s;
    auto store = s.r.store();
    // One pack imported already, for the duplicate case.
    REQUIRE(store
                .recordAmendment(s.id, 1, s.fingerprint, amendedBody, dcs, s.later(5),
                                 QStringLiteral("pack-done"))
                .ok());
    REQUIRE(store.markSent(s.id, facilitator).ok()); // revision 2 is now the one sent
    const QString sent2 = fingerprintOf(amendedBody);

    struct Case {
        const char* name;
        std::function<Status()> import;
        QString expected;
    };
    const std::vector<Case> cases = {
        {"already imported",
         [&] { return store.recordAgreement(s.id, 2, sent2, dcs, s.later(9), QStringLiteral("pack-done")); },
         QStringLiteral("already imported on 24 November 2026")},
        {"fingerprint does not match",
         [&] {
             return store.recordAgreement(s.id, 2, QString(64, u'f'), dcs, s.later(9), QStringLiteral("p-a"));
         },
         QStringLiteral("fingerprint differs")},
        {"an older revision than the one last sent",
         [&] {
             return store.recordAgreement(s.id, 1, s.fingerprint, dcs, s.later(9), QStringLiteral("p-b"));
         },
         QStringLiteral("revision 2 was sent since")},
        {"another LA",
         [&] {
             return store.recordAgreement(
                 s.id, 2, sent2, dcs, s.later(9), QStringLiteral("p-c"),
                 {QStringLiteral("2026-2027"), s.r.f.medway, QStringLiteral("Medway")});
         },
         QStringLiteral("another LA or cycle")},
        {"another cycle",
         [&] {
             return store.recordAgreement(s.id, 2, sent2, dcs, s.later(9), QStringLiteral("p-d"),
                                          {QStringLiteral("2025-2026"), s.r.f.kent, QStringLiteral("Kent")});
         },
         QStringLiteral("another LA or cycle")},
        {"a note this region does not have",
         [&] { return store.recordAgreement(s.id + 100, 2, sent2, dcs, s.later(9), QStringLiteral("p-e")); },
         QStringLiteral("another region")},
        {"an agreement of another text",
         [&] {
             ReturnedPack pack{QStringLiteral("p-f"),
                               s.id,
                               2,
                               sent2,
                               {},
                               {},
                               DcsAgreement{QString(64, u'1'), dcs, s.later(9)}};
             return store.recordReturn(pack);
         },
         QStringLiteral("agrees a text")},
        {"no answer at all",
         [&] {
             return store.recordReturn(ReturnedPack{QStringLiteral("p-g"), s.id, 2, sent2, {}, {}, {}});
         },
         QStringLiteral("no answer")},
    };
    for (const auto& c : cases) {
        DYNAMIC_SECTION(c.name) {
            const auto before = s.r.snapshot();
            auto refused = c.import();
            REQUIRE_FALSE(refused.ok());
            CHECK(refused.message().contains(c.expected));
            CHECK(refused.message().contains(QStringLiteral("Nothing was changed")));
            CHECK(s.r.snapshot() == before);
        }
    }
}

TEST_CASE("A pack cannot change an agreed note, nor a note reopened or edited since it was sent",
          "[notes][session][pack]") {
    SentNote s;
    auto store = s.r.store();
    SECTION("agreed") {
        REQUIRE(store.agree(s.id, dcs).ok());
        const auto before = s.r.snapshot();
        auto refused =
            store.recordAmendment(s.id, 1, s.fingerprint, amendedBody, dcs, s.later(9), QStringLiteral("p"));
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.message().contains(QStringLiteral("agreed already")));
        CHECK(s.r.snapshot() == before);
    }
    SECTION("edited after sending") {
        REQUIRE(
            store.edit(s.id, QStringLiteral("# Kent\n\nThe facilitator's second thoughts.\n"), facilitator)
                .ok());
        const auto before = s.r.snapshot();
        auto refused =
            store.recordAmendment(s.id, 1, s.fingerprint, amendedBody, dcs, s.later(9), QStringLiteral("p"));
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.message().contains(QStringLiteral("overwrite")));
        CHECK(s.r.snapshot() == before);
    }
}
