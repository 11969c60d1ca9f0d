#include "cli_runner.h"
#include "engine/clock.h"
#include "helpers/table_dump.h"
#include "notes/note_fixture.h"
#include "notes/note_store.h"
#include "notes/session_note_store.h"
#include "store/database.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

using namespace balcony;
using balcony::test::CliRun;
using balcony::test::CliSandbox;
using balcony::test::jsonArray;

namespace {

QString q(const char* text) {
    return QString::fromUtf8(text);
}

// A region with group A's day captured (one distinctive item per LA), closed again for the CLI.
struct NoteRegion {
    CliSandbox cli;
    test::NoteFixture f;

    NoteRegion() {
        auto db = Database::open(cli.databasePath(), {.create = true});
        REQUIRE(db.ok());
        f = test::makeNoteFixture(**db);
        NoteStore notes(**db);
        REQUIRE(notes.capture(f.groupA, f.kent, {NoteKind::Strength, {}, {}, q("Kent's stable front door")})
                    .ok());
        REQUIRE(
            notes.capture(f.groupA, f.medway, {NoteKind::Ask, {}, {}, q("Medway asks for help with SEND")})
                .ok());
        REQUIRE(
            notes.capture(f.groupA, f.surrey, {NoteKind::Offer, {}, {}, q("Surrey offers its hubs")}).ok());
    }

    CliRun note(QStringList arguments) const {
        arguments.prepend(q("note"));
        return cli.run(arguments);
    }

    // Runs a core step on the region, as the lead's "note send" will (it is not a command here yet).
    void send(qint64 authorityId, const QDateTime& atUtc) const {
        auto db = Database::open(cli.databasePath());
        REQUIRE(db.ok());
        FakeClock clock(atUtc);
        SessionNoteStore store(**db, clock);
        auto note = store.noteFor(f.cycleId, authorityId);
        REQUIRE(note.ok());
        REQUIRE(note->has_value());
        REQUIRE(store.markSent((*note)->id, q("Ruth Okafor")).ok());
    }

    QStringList dump() const {
        auto db = Database::open(cli.databasePath(), {.readOnly = true});
        REQUIRE(db.ok());
        return test::dumpEveryTable(**db);
    }
};

QJsonObject rowOf(const QJsonArray& rows, const QString& la) {
    for (const auto& row : rows) {
        if (row.toObject().value(q("la")).toString() == la) {
            return row.toObject();
        }
    }
    FAIL("no row for " << la.toStdString());
    return {};
}

} // namespace

TEST_CASE("note draft drafts each LA's session once and lists it", "[cli][session-notes]") {
    NoteRegion r;
    auto drafted = r.note({q("draft"), q("--cycle"), q("2026-2027"), q("--group"), q("A")});
    INFO(drafted.err.toStdString());
    REQUIRE(drafted.exitCode == 0);
    CHECK(drafted.out ==
          q("Kent: drafted (revision 1).\nMedway: drafted (revision 1).\nSurrey: drafted (revision 1).\n"));
    auto again = r.note({q("draft"), q("--cycle"), q("2026-2027")});
    REQUIRE(again.exitCode == 0);
    CHECK(again.out.contains(q("Kent: unchanged (revision 1, draft).")));
    CHECK(again.out.contains(q("Brighton and Hove: drafted (revision 1).")));

    auto list = r.note({q("list"), q("--cycle"), q("2026-2027"), q("--json")});
    REQUIRE(list.exitCode == 0);
    const QJsonArray rows = jsonArray(list);
    REQUIRE(rows.size() == 6);
    const QJsonObject kent = rowOf(rows, q("Kent"));
    CHECK(kent.value(q("status")).toString() == q("draft"));
    CHECK(kent.value(q("revision")).toInt() == 1);
    CHECK(kent.value(q("due")).isNull());
    CHECK(kent.value(q("overdue")).toBool() == false);
    CHECK(kent.value(q("fingerprint")).toString().size() == 64);

    auto text = r.note({q("list"), q("--cycle"), q("2026-2027")});
    CHECK(text.out.contains(q("Kent  group A  Draft  revision 1  due -  ")));
}

TEST_CASE("note draft refuses an LA that is not in the cycle and writes nothing", "[cli][session-notes]") {
    NoteRegion r;
    const auto before = r.dump();
    auto refused = r.note({q("draft"), q("--cycle"), q("2026-2027"), q("--la"), q("Essex")});
    CHECK(refused.exitCode == 2);
    CHECK(refused.err.contains(q("\"Essex\" is not in a group of cycle 2026-2027")));
    CHECK(r.dump() == before);
}

TEST_CASE("note show prints one LA's note with its revision and fingerprint, and nothing of the others",
          "[cli][session-notes]") {
    NoteRegion r;
    REQUIRE(r.note({q("draft"), q("--cycle"), q("2026-2027"), q("--group"), q("A")}).exitCode == 0);
    auto shown = r.note({q("show"), q("--cycle"), q("2026-2027"), q("--la"), q("Kent")});
    REQUIRE(shown.exitCode == 0);
    CHECK(shown.out.startsWith(q("Kent, group A: Draft\nRevision 1 of 1, by Facilitator, ")));
    CHECK(shown.out.contains(q("SHA-256 ")));
    CHECK(shown.out.contains(q("## Strengths affirmed\n\n- Kent's stable front door\n")));
    CHECK_FALSE(shown.out.contains(q("Medway asks")));
    CHECK_FALSE(shown.out.contains(q("Surrey offers")));

    auto missing =
        r.note({q("show"), q("--cycle"), q("2026-2027"), q("--la"), q("Kent"), q("--revision"), q("4")});
    CHECK(missing.exitCode == 2);
    CHECK(missing.err.contains(q("no revision 4")));
    auto undrafted = r.note({q("show"), q("--cycle"), q("2026-2027"), q("--la"), q("West Sussex")});
    CHECK(undrafted.exitCode == 2);
    CHECK(undrafted.err.contains(q("West Sussex has no session note in cycle 2026-2027 yet")));
}

TEST_CASE("note edit saves a file as a revision, note diff compares it word by word, and a re-draft offers "
          "the additions",
          "[cli][session-notes]") {
    NoteRegion r;
    REQUIRE(r.note({q("draft"), q("--cycle"), q("2026-2027"), q("--la"), q("Kent")}).exitCode == 0);
    auto first = r.note({q("show"), q("--cycle"), q("2026-2027"), q("--la"), q("Kent"), q("--json")});
    const QString body = QJsonDocument::fromJson(first.out.toUtf8()).object().value(q("body")).toString();
    QString edited = body;
    edited.replace(q("Kent's stable front door"), q("Kent's steady and trusted front door"));
    const QString file = r.cli.path(q("kent.md"));
    QFile out(file);
    REQUIRE(out.open(QIODevice::WriteOnly));
    out.write(edited.toUtf8());
    out.close();
    auto saved = r.note({q("edit"), q("--cycle"), q("2026-2027"), q("--la"), q("Kent"), q("--file"), file,
                         q("--by"), q("Sam Lee")});
    INFO(saved.err.toStdString());
    REQUIRE(saved.exitCode == 0);
    CHECK(saved.out == q("Kent: saved as revision 2.\n"));

    auto diff = r.note({q("diff"), q("--cycle"), q("2026-2027"), q("--la"), q("Kent"), q("--from"), q("1"),
                        q("--to"), q("2")});
    REQUIRE(diff.exitCode == 0);
    CHECK(diff.out.contains(q("to revision 2 (Sam Lee, ")));
    CHECK(diff.out.contains(q("- Kent's [-stable")));
    CHECK(diff.out.contains(q("{+steady and trusted")));
    CHECK(diff.out.contains(q("front door\n")));
    auto json = r.note({q("diff"), q("--cycle"), q("2026-2027"), q("--la"), q("Kent"), q("--from"), q("1"),
                        q("--to"), q("2"), q("--json")});
    const QJsonObject root = QJsonDocument::fromJson(json.out.toUtf8()).object();
    CHECK(root.value(q("to")).toObject().value(q("author")).toString() == q("Sam Lee"));
    const QJsonArray spans = root.value(q("spans")).toArray();
    REQUIRE(spans.size() == 4);
    CHECK(spans[1].toObject().value(q("kind")).toString() == q("removed"));
    CHECK(spans[2].toObject().value(q("kind")).toString() == q("added"));

    // The day gains an item: the edited note is not re-drafted; the addition is offered, then taken.
    {
        auto db = Database::open(r.cli.databasePath());
        REQUIRE(db.ok());
        REQUIRE(
            NoteStore(**db)
                .capture(r.f.groupA, r.f.kent, {NoteKind::Action, {}, {}, q("Kent will review placements")})
                .ok());
    }
    auto redraft = r.note({q("draft"), q("--cycle"), q("2026-2027"), q("--la"), q("Kent")});
    REQUIRE(redraft.exitCode == 0);
    CHECK(redraft.out.contains(
        q("Kent: edited since it was drafted, so not re-drafted; the day's notes add 1 item")));
    CHECK(redraft.out.contains(q("  + Action points: Kent will review placements")));
    auto take =
        r.note({q("draft"), q("--cycle"), q("2026-2027"), q("--la"), q("Kent"), q("--take-additions")});
    REQUIRE(take.exitCode == 0);
    CHECK(take.out.contains(q("taken into revision 3")));
    auto latest = r.note({q("show"), q("--cycle"), q("2026-2027"), q("--la"), q("Kent")});
    CHECK(latest.out.contains(q("steady and trusted")));
    CHECK(latest.out.contains(q("## Action points\n\n- Kent will review placements\n")));
}

TEST_CASE("note agree needs a note sent for review, locks it, and note reopen needs a reason",
          "[cli][session-notes]") {
    NoteRegion r;
    REQUIRE(r.note({q("draft"), q("--cycle"), q("2026-2027"), q("--group"), q("A")}).exitCode == 0);
    const QStringList agree = {q("agree"), q("--cycle"), q("2026-2027"), q("--la"), q("Kent")};
    auto before = r.dump();
    auto early = r.note(agree);
    CHECK(early.exitCode == 2);
    CHECK(early.err.contains(q("send it for review first")));
    CHECK(r.dump() == before);

    r.send(r.f.kent, QDateTime(QDate(2026, 11, 24), QTime(10, 0), Qt::UTC));
    auto agreed = r.note(agree + QStringList{q("--by"), q("Priya Shah")});
    INFO(agreed.err.toStdString());
    REQUIRE(agreed.exitCode == 0);
    CHECK(agreed.out.startsWith(q("Kent: revision 1 agreed by Priya Shah (SHA-256 ")));
    auto rows = jsonArray(r.note({q("list"), q("--cycle"), q("2026-2027"), q("--json")}));
    CHECK(rowOf(rows, q("Kent")).value(q("status")).toString() == q("agreed"));
    CHECK(rowOf(rows, q("Kent")).value(q("due")).toString() == q("2026-12-08"));

    before = r.dump();
    auto redraft = r.note({q("draft"), q("--cycle"), q("2026-2027"), q("--la"), q("Kent")});
    CHECK(redraft.out == q("Kent: agreed, so left as it is (reopen it to change it).\n"));
    const QString file = r.cli.path(q("k.md"));
    QFile out(file);
    REQUIRE(out.open(QIODevice::WriteOnly));
    out.write("# Kent\n\nQuietly changed.\n");
    out.close();
    auto edit = r.note({q("edit"), q("--cycle"), q("2026-2027"), q("--la"), q("Kent"), q("--file"), file});
    CHECK(edit.exitCode == 2);
    CHECK(edit.err.contains(q("Reopen it")));
    auto again = r.note(agree);
    CHECK(again.exitCode == 2);
    auto noReason = r.note({q("reopen"), q("--cycle"), q("2026-2027"), q("--la"), q("Kent")});
    CHECK(noReason.exitCode == 2);
    CHECK(r.dump() == before);

    auto reopened = r.note({q("reopen"), q("--cycle"), q("2026-2027"), q("--la"), q("Kent"), q("--reason"),
                            q("The DCS found a wrong date")});
    REQUIRE(reopened.exitCode == 0);
    CHECK(reopened.out == q("Kent: reopened as a draft; revision 1 stays in its history as agreed.\n"));
    CHECK(
        r.note({q("edit"), q("--cycle"), q("2026-2027"), q("--la"), q("Kent"), q("--file"), file}).exitCode ==
        0);
}

TEST_CASE("note list marks a note overdue once its due date has passed", "[cli][session-notes]") {
    NoteRegion r;
    REQUIRE(r.note({q("draft"), q("--cycle"), q("2026-2027"), q("--la"), q("Medway")}).exitCode == 0);
    // Sent long ago (a Monday), so due two weeks later and overdue by any clock running today.
    r.send(r.f.medway, QDateTime(QDate(2025, 1, 6), QTime(9, 0), Qt::UTC));
    auto rows = jsonArray(r.note({q("list"), q("--cycle"), q("2026-2027"), q("--json")}));
    const QJsonObject medway = rowOf(rows, q("Medway"));
    CHECK(medway.value(q("status")).toString() == q("sent"));
    CHECK(medway.value(q("due")).toString() == q("2025-01-20"));
    CHECK(medway.value(q("overdue")).toBool());
    auto text = r.note({q("list"), q("--cycle"), q("2026-2027")});
    CHECK(text.out.contains(q("Medway  group A  Sent for review  revision 1  due 2025-01-20 (OVERDUE)")));
}

TEST_CASE("cycle edit --note-due-days sets how many working days a DCS has to answer",
          "[cli][session-notes]") {
    NoteRegion r;
    auto bad = r.cli.run({q("cycle"), q("edit"), q("2026-2027"), q("--note-due-days"), q("0")});
    CHECK(bad.exitCode == 2);
    CHECK(bad.err.contains(q("from 1 to 100")));
    REQUIRE(r.cli.run({q("cycle"), q("edit"), q("2026-2027"), q("--note-due-days"), q("5")}).exitCode == 0);
    REQUIRE(r.note({q("draft"), q("--cycle"), q("2026-2027"), q("--la"), q("Surrey")}).exitCode == 0);
    r.send(r.f.surrey, QDateTime(QDate(2026, 11, 24), QTime(10, 0), Qt::UTC));
    auto rows = jsonArray(r.note({q("list"), q("--cycle"), q("2026-2027"), q("--json")}));
    CHECK(rowOf(rows, q("Surrey")).value(q("due")).toString() == q("2026-12-01"));
}

TEST_CASE("The demo region has a finished day with a session note in every state",
          "[cli][session-notes][demo]") {
    CliSandbox cli;
    REQUIRE(cli.run({q("demo")}).exitCode == 0);
    const auto list = cli.run({q("note"), q("list"), q("--cycle"), q("2021-2022"), q("--json")});
    REQUIRE(list.exitCode == 0);
    const QJsonArray rows = jsonArray(list);
    REQUIRE(rows.size() == 6);
    QStringList statuses;
    for (const auto& row : rows) {
        statuses << row.toObject().value(q("status")).toString();
    }
    statuses.sort();
    statuses.removeDuplicates();
    CHECK(statuses == QStringList{q("agreed"), q("amended"), q("draft"), q("sent"), q("shared")});
    CHECK(rowOf(rows, q("Portsmouth")).value(q("overdue")).toBool());
    const auto diff = cli.run({q("note"), q("diff"), q("--cycle"), q("2021-2022"), q("--la"), q("Wokingham"),
                               q("--from"), q("1"), q("--to"), q("2")});
    REQUIRE(diff.exitCode == 0);
    CHECK(diff.out.contains(q("[-small-]{+compact+}")));
    // Each note holds its own LA's session only.
    const auto kent = cli.run({q("note"), q("show"), q("--cycle"), q("2021-2022"), q("--la"), q("Kent")});
    CHECK(kent.out.contains(q("Strong grip on data at team level")));
    CHECK_FALSE(kent.out.contains(q("settled team of practice leaders")));
}

TEST_CASE(
    "note edit --based-on refuses, with exit code 4 and nothing saved, a note changed since that version",
    "[cli][session-notes]") {
    NoteRegion r;
    REQUIRE(r.note({q("draft"), q("--cycle"), q("2026-2027"), q("--la"), q("Kent")}).exitCode == 0);
    auto shown = r.note({q("show"), q("--cycle"), q("2026-2027"), q("--la"), q("Kent"), q("--json")});
    REQUIRE(shown.exitCode == 0);
    const QJsonObject note = QJsonDocument::fromJson(shown.out.toUtf8()).object();
    const int version = note.value(q("version")).toInt();
    REQUIRE(version >= 1);
    const QString body = note.value(q("body")).toString();
    auto write = [&r](const char* name, const QString& text) {
        const QString file = r.cli.path(q(name));
        QFile out(file);
        REQUIRE(out.open(QIODevice::WriteOnly));
        out.write(text.toUtf8());
        return file;
    };
    // Someone saves first, based on the version shown.
    const QString theirs = write("theirs.md", body + q("\nTheir addition.\n"));
    auto first = r.note({q("edit"), q("--cycle"), q("2026-2027"), q("--la"), q("Kent"), q("--file"), theirs,
                         q("--based-on"), QString::number(version)});
    INFO(first.err.toStdString());
    REQUIRE(first.exitCode == 0);
    // A second save based on the same version is refused.
    const QString mine = write("mine.md", body + q("\nMy addition.\n"));
    auto second = r.note({q("edit"), q("--cycle"), q("2026-2027"), q("--la"), q("Kent"), q("--file"), mine,
                          q("--based-on"), QString::number(version)});
    CHECK(second.exitCode == 4);
    CHECK(second.err.contains(q("The session note for Kent was changed by ")));
    CHECK(second.err.contains(q("Your text is kept")));
    auto latest = r.note({q("show"), q("--cycle"), q("2026-2027"), q("--la"), q("Kent"), q("--json")});
    const QJsonObject after = QJsonDocument::fromJson(latest.out.toUtf8()).object();
    CHECK(after.value(q("body")).toString().contains(q("Their addition.")));
    CHECK(after.value(q("version")).toInt() == version + 1);
    // A version that is not a number is a usage error.
    CHECK(r.note({q("edit"), q("--cycle"), q("2026-2027"), q("--la"), q("Kent"), q("--file"), mine,
                  q("--based-on"), q("latest")})
              .exitCode == 2);
}
