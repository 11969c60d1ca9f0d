#include "cli_runner.h"
#include "helpers/table_dump.h"
#include "notes/note_fixture.h"
#include "notes/note_store.h"
#include "store/database.h"

#include <QDir>
#include <QFile>
#include <QProcess>

// note send, note pack-amend, note pack-agree, note import-pack, note export, note export-all: a
// session note's way to its DCS and back, and out as documents, through balcony-cli only.
using namespace balcony;
using balcony::test::CliRun;
using balcony::test::CliSandbox;

namespace {

QString q(const char* text) {
    return QString::fromUtf8(text);
}

// Words that appear in one LA's session only, so that any of them in another LA's file is a leak.
const QStringList kentWords{q("Kestrelwood"), q("Kent's front door is steady")};
const QStringList medwayWords{q("Marigoldfen"), q("Medway asks for help with SEND")};
const QStringList surreyWords{q("Sorrelbrook"), q("Surrey offers its family hubs")};

// A region whose group A (Kent, Medway, Surrey) had its day captured and its notes drafted.
struct ExchangeRegion {
    CliSandbox cli;
    test::NoteFixture f;

    ExchangeRegion() {
        {
            auto db = Database::open(cli.databasePath(), {.create = true});
            REQUIRE(db.ok());
            f = test::makeNoteFixture(**db);
            NoteStore notes(**db);
            auto capture = [&](qint64 la, NoteKind kind, const QStringList& words) {
                REQUIRE(notes.capture(f.groupA, la, {kind, {}, {}, words.join(q(": "))}).ok());
            };
            capture(f.kent, NoteKind::Strength, kentWords);
            capture(f.medway, NoteKind::Ask, medwayWords);
            capture(f.surrey, NoteKind::Offer, surreyWords);
        }
        const CliRun drafted = note({q("draft"), q("--cycle"), q("2026-2027"), q("--group"), q("A")});
        INFO(drafted.err.toStdString());
        REQUIRE(drafted.exitCode == 0);
    }

    CliRun note(QStringList arguments) const {
        arguments.prepend(q("note"));
        return cli.run(arguments);
    }

    QString packOf(const char* la) const {
        return QDir(cli.path(q("packs"))).filePath(q("2026-2027 - %1.balcony-review").arg(q(la)));
    }

    QStringList dump() const {
        auto db = Database::open(cli.databasePath(), {.readOnly = true});
        REQUIRE(db.ok());
        return test::dumpEveryTable(**db);
    }
};

QByteArray bytesOf(const QString& path) {
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

// What a reader of the document sees: pdftotext for a PDF, content.xml for an ODT, the file for HTML.
QString readerText(const QString& path) {
    QProcess tool;
    if (path.endsWith(q(".pdf"))) {
        tool.start(q("pdftotext"), {q("-enc"), q("UTF-8"), path, q("-")});
    } else if (path.endsWith(q(".odt"))) {
        tool.start(q("unzip"), {q("-p"), path, q("content.xml")});
    } else {
        return QString::fromUtf8(bytesOf(path));
    }
    REQUIRE(tool.waitForFinished(60000));
    REQUIRE(tool.exitCode() == 0);
    return QString::fromUtf8(tool.readAllStandardOutput()).simplified();
}

void requireOnly(const QString& text, const QStringList& own, const QList<QStringList>& others) {
    CHECK(text.contains(own.first()));
    for (const auto& words : others) {
        for (const auto& word : words) {
            INFO("a text of another LA: " << word.toStdString());
            CHECK_FALSE(text.contains(word));
        }
    }
}

} // namespace

TEST_CASE("note send writes one review pack per LA holding that LA's note alone", "[cli][note-exchange]") {
    ExchangeRegion r;
    REQUIRE(QDir().mkpath(r.cli.path(q("packs"))));
    const CliRun sent = r.note({q("send"), q("--cycle"), q("2026-2027"), q("--dir"), r.cli.path(q("packs"))});
    INFO(sent.err.toStdString());
    REQUIRE(sent.exitCode == 0);
    CHECK(sent.out.contains(q("Kent: revision 1 sent for review, due ")));
    CHECK(QDir(r.cli.path(q("packs"))).entryList(QDir::Files).size() == 3);

    // The raw bytes, free pages included: each pack holds its own LA's text and nobody else's.
    requireOnly(QString::fromUtf8(bytesOf(r.packOf("Kent"))), kentWords, {medwayWords, surreyWords});
    requireOnly(QString::fromUtf8(bytesOf(r.packOf("Medway"))), medwayWords, {kentWords, surreyWords});
    requireOnly(QString::fromUtf8(bytesOf(r.packOf("Surrey"))), surreyWords, {kentWords, medwayWords});

    const CliRun listed = r.note({q("list"), q("--cycle"), q("2026-2027")});
    CHECK(listed.out.count(q("Sent for review")) == 3);

    SECTION("a second send finds nothing to send and writes nothing") {
        const QStringList before = r.dump();
        const CliRun again =
            r.note({q("send"), q("--cycle"), q("2026-2027"), q("--dir"), r.cli.path(q("packs"))});
        CHECK(again.exitCode == 0);
        CHECK(again.out.contains(q("nothing to send")));
        CHECK(r.dump() == before);
    }
}

TEST_CASE("note send refuses a missing folder and a pack already there, and changes nothing",
          "[cli][note-exchange]") {
    ExchangeRegion r;
    const QStringList before = r.dump();
    const CliRun missing = r.note({q("send"), q("--cycle"), q("2026-2027"), q("--la"), q("Kent"), q("--dir"),
                                   r.cli.path(q("no such folder"))});
    CHECK(missing.exitCode != 0);
    CHECK(missing.err.contains(q("no such folder")));
    CHECK(r.dump() == before);

    REQUIRE(QDir().mkpath(r.cli.path(q("packs"))));
    QFile inTheWay(r.packOf("Kent"));
    REQUIRE(inTheWay.open(QIODevice::WriteOnly));
    inTheWay.write("a file of the DCS's own");
    inTheWay.close();
    const CliRun clash = r.note(
        {q("send"), q("--cycle"), q("2026-2027"), q("--la"), q("Kent"), q("--dir"), r.cli.path(q("packs"))});
    CHECK(clash.exitCode != 0);
    CHECK(r.dump() == before); // the note is still a draft: the step was rolled back with the pack
    CHECK(bytesOf(r.packOf("Kent")) == QByteArray("a file of the DCS's own"));
}

TEST_CASE("A DCS's amendments and agreement come back through import-pack, once", "[cli][note-exchange]") {
    ExchangeRegion r;
    REQUIRE(QDir().mkpath(r.cli.path(q("packs"))));
    REQUIRE(r.note({q("send"), q("--cycle"), q("2026-2027"), q("--dir"), r.cli.path(q("packs"))}).exitCode ==
            0);

    // Kent's DCS amends; Medway's agrees; Surrey's has not answered yet.
    QFile amended(r.cli.path(q("kent.md")));
    REQUIRE(amended.open(QIODevice::WriteOnly));
    amended.write("# Kent\n\nKestrelwood: the front door is steady, and the DCS adds a sentence.\n");
    amended.close();
    REQUIRE(r.note({q("pack-amend"), r.packOf("Kent"), q("--file"), amended.fileName(), q("--by"),
                    q("Priti Halloran")})
                .exitCode == 0);
    REQUIRE(r.note({q("pack-agree"), r.packOf("Medway"), q("--by"), q("Mo Adeyemi")}).exitCode == 0);

    const CliRun kent = r.note({q("import-pack"), r.packOf("Kent")});
    INFO(kent.err.toStdString());
    REQUIRE(kent.exitCode == 0);
    CHECK(kent.out.contains(q("Priti Halloran's amendments saved as revision 2")));
    const CliRun shown = r.note({q("show"), q("--cycle"), q("2026-2027"), q("--la"), q("Kent")});
    CHECK(shown.out.contains(q("the DCS adds a sentence")));
    CHECK(shown.out.contains(q("Priti Halloran")));
    const CliRun diff = r.note({q("diff"), q("--cycle"), q("2026-2027"), q("--la"), q("Kent"), q("--from"),
                                q("1"), q("--to"), q("2")});
    CHECK(diff.out.contains(q("{+")));

    const CliRun medway = r.note({q("import-pack"), r.packOf("Medway"), q("--json")});
    REQUIRE(medway.exitCode == 0);
    CHECK(medway.out.contains(q("\"answer\": \"agreed\"")));
    const CliRun listed = r.note({q("list"), q("--cycle"), q("2026-2027")});
    CHECK(listed.out.contains(q("Medway  group A  Agreed")));
    CHECK(listed.out.contains(q("Kent  group A  Amended by the DCS")));

    const QStringList before = r.dump();
    SECTION("a pack imported before is refused") {
        const CliRun again = r.note({q("import-pack"), r.packOf("Kent")});
        CHECK(again.exitCode != 0);
        CHECK(again.err.contains(q("already imported")));
    }
    SECTION("a pack the DCS has not answered is refused") {
        const CliRun unanswered = r.note({q("import-pack"), r.packOf("Surrey")});
        CHECK(unanswered.exitCode != 0);
        CHECK(unanswered.err.contains(q("not been answered")));
    }
    SECTION("a damaged pack is refused") {
        QByteArray bytes = bytesOf(r.packOf("Surrey"));
        bytes.truncate(bytes.size() / 2);
        QFile cut(r.packOf("Surrey"));
        REQUIRE(cut.open(QIODevice::WriteOnly | QIODevice::Truncate));
        cut.write(bytes);
        cut.close();
        const CliRun damaged = r.note({q("import-pack"), r.packOf("Surrey")});
        CHECK(damaged.exitCode != 0);
        CHECK(damaged.err.contains(q("Surrey")));
    }
    SECTION("a region file is not a pack") {
        const CliRun region = r.note({q("import-pack"), r.cli.regionFile()});
        CHECK(region.exitCode != 0);
        CHECK(region.err.contains(q("region file")));
    }
    CHECK(r.dump() == before);

    // balcony-cli's log names what was done, never what a note says.
    const QString log = QString::fromUtf8(bytesOf(r.cli.dataFolder() + q("/balcony/logs/balcony-cli.log")));
    CHECK(log.contains(q("import-pack")));
    for (const auto& words : {kentWords, medwayWords, surreyWords}) {
        for (const auto& word : words) {
            INFO("note text in the log: " << word.toStdString());
            CHECK_FALSE(log.contains(word));
        }
    }
    CHECK_FALSE(log.contains(q("the DCS adds a sentence")));
}

TEST_CASE("note export and export-all write each LA's note in every format, holding no other LA's text",
          "[cli][note-exchange]") {
    ExchangeRegion r;
    for (const auto& format : {q("pdf"), q("odt"), q("html")}) {
        DYNAMIC_SECTION("format " << format.toStdString()) {
            const QString out = r.cli.path(q("kent.") + format);
            const CliRun one = r.note({q("export"), q("--cycle"), q("2026-2027"), q("--la"), q("Kent"),
                                       q("--format"), format, q("--out"), out});
            INFO(one.err.toStdString());
            REQUIRE(one.exitCode == 0);
            const QString kentText = readerText(out);
            requireOnly(kentText, kentWords, {medwayWords, surreyWords});
            CHECK(kentText.contains(q("Draft")));

            const QString folder = r.cli.path(q("all-") + format);
            REQUIRE(QDir().mkpath(folder));
            const CliRun all = r.note(
                {q("export-all"), q("--cycle"), q("2026-2027"), q("--format"), format, q("--dir"), folder});
            INFO(all.err.toStdString());
            REQUIRE(all.exitCode == 0);
            CHECK(all.out.contains(q("Wrote 3 notes")));
            const QDir dir(folder);
            requireOnly(readerText(dir.filePath(q("kent.") + format)), kentWords, {medwayWords, surreyWords});
            requireOnly(readerText(dir.filePath(q("medway.") + format)), medwayWords,
                        {kentWords, surreyWords});
            requireOnly(readerText(dir.filePath(q("surrey.") + format)), surreyWords,
                        {kentWords, medwayWords});

            const CliRun again = r.note(
                {q("export-all"), q("--cycle"), q("2026-2027"), q("--format"), format, q("--dir"), folder});
            CHECK(again.exitCode != 0); // files in the way are never replaced by surprise
        }
    }
    const CliRun unknown = r.note({q("export"), q("--cycle"), q("2026-2027"), q("--la"), q("Kent"),
                                   q("--format"), q("rtf"), q("--out"), r.cli.path(q("kent.rtf"))});
    CHECK(unknown.exitCode == 2);
    CHECK(unknown.err.contains(q("choose pdf, odt or html")));
    CHECK_FALSE(QFile::exists(r.cli.path(q("kent.rtf"))));
}

TEST_CASE("A note that once held another LA's text sends and exports none of it", "[cli][note-exchange]") {
    ExchangeRegion r;
    // The facilitator pastes Medway's words into Kent's note by mistake, saves, then takes them out.
    const CliRun shown = r.note({q("show"), q("--cycle"), q("2026-2027"), q("--la"), q("Kent")});
    const QString kentBody = shown.out.mid(shown.out.indexOf(q("# ")));
    REQUIRE_FALSE(kentBody.isEmpty());
    auto save = [&](const QString& body) {
        QFile file(r.cli.path(q("kent.md")));
        REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(body.toUtf8());
        file.close();
        const CliRun edited = r.note(
            {q("edit"), q("--cycle"), q("2026-2027"), q("--la"), q("Kent"), q("--file"), file.fileName()});
        INFO(edited.err.toStdString());
        REQUIRE(edited.exitCode == 0);
    };
    save(kentBody + q("\n") + medwayWords.join(q(": ")) + q("\n"));
    save(kentBody + q("\nThe facilitator's own second thoughts.\n"));

    REQUIRE(QDir().mkpath(r.cli.path(q("packs"))));
    REQUIRE(r.note({q("send"), q("--cycle"), q("2026-2027"), q("--la"), q("Kent"), q("--dir"),
                    r.cli.path(q("packs"))})
                .exitCode == 0);
    requireOnly(QString::fromUtf8(bytesOf(r.packOf("Kent"))), kentWords, {medwayWords, surreyWords});
    for (const auto& format : {q("pdf"), q("odt"), q("html")}) {
        const QString out = r.cli.path(q("kent-latest.") + format);
        REQUIRE(r.note({q("export"), q("--cycle"), q("2026-2027"), q("--la"), q("Kent"), q("--format"),
                        format, q("--out"), out})
                    .exitCode == 0);
        requireOnly(readerText(out), kentWords, {medwayWords, surreyWords});
    }
}
