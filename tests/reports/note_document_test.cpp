#include "helpers/temp_dir.h"
#include "reports/document_text.h"
#include "reports/note_document.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QTextDocument>
#include <catch2/catch.hpp>

using namespace balcony;
using namespace balcony::reports;
using balcony::test::TempDir;

namespace {

const QStringList groupLas{QStringLiteral("Hartlepool"), QStringLiteral("Isle of Wight"),
                           QStringLiteral("Southend-on-Sea"), QStringLiteral("St Helens")};

// Each LA's session has a text no other session has, so that a leak shows.
QString distinctive(const QString& la) {
    return QStringLiteral("Only-%1-heard-this").arg(QString(la).remove(u' ').remove(u'-'));
}

NoteDocument noteFor(const QString& la) {
    NoteDocument note;
    note.cycleName = QStringLiteral("2025-2026");
    note.groupLabel = QStringLiteral("North 2");
    note.groupDate = QDate(2026, 3, 17);
    note.laName = la;
    note.groupLaNames = groupLas;
    note.statusText = QStringLiteral("Sent for review");
    note.revision = 3;
    note.revisionAuthor = QStringLiteral("Priya Raman");
    note.revisionTime = QDateTime(QDate(2026, 3, 20), QTime(14, 5), Qt::UTC);
    note.dueDate = QDate(2026, 4, 3);
    note.body =
        QStringLiteral("# Session note\n\n## Strengths affirmed\n\n"
                       "- **Early help** reaches families quickly.\n- *Edge of care* work is steady.\n\n"
                       "## Lines of enquiry\n\nThe panel asked about %1 and about placement "
                       "sufficiency.\n")
            .arg(distinctive(la));
    note.fingerprint =
        QString::fromLatin1(QCryptographicHash::hash(note.body.toUtf8(), QCryptographicHash::Sha256).toHex());
    return note;
}

std::vector<NoteDocument> groupNotes() {
    std::vector<NoteDocument> notes;
    for (const QString& la : groupLas) {
        notes.push_back(noteFor(la));
    }
    return notes;
}

} // namespace

TEST_CASE("A note's document carries its facts, its fingerprint in full and its body, in every format",
          "[reports][notes]") {
    TempDir dir;
    const NoteDocument note = noteFor(QStringLiteral("Isle of Wight"));
    REQUIRE(note.fingerprint.size() == 64);
    for (const DocumentFormat* format : documentFormats()) {
        INFO(format->name().toStdString());
        const QString path = dir.path(QStringLiteral("note.") + format->extension());
        REQUIRE(writeNoteDocument(note, *format, path));
        CHECK(test::permissionBits(path) == 0600U);
        const QString text = test::documentText(path);
        INFO(text.right(400).toStdString());
        for (const char* fact :
             {"Session note: Isle of Wight", "2025-2026", "North 2, Tuesday 17 March 2026",
              "Hartlepool, Isle of Wight, Southend-on-Sea, St Helens", "Sent for review",
              "3 by Priya Raman, 2026-03-20 14:05 UTC", "Friday 3 April 2026", "Strengths affirmed",
              "Early help reaches families quickly.", "Only-IsleofWight-heard-this"}) {
            CHECK(text.contains(QString::fromUtf8(fact)));
        }
        CHECK(text.count(note.fingerprint) == 2); // in the header and in the closing line
        CHECK_FALSE(text.contains(QStringLiteral("**")));
        CHECK_FALSE(text.contains(QStringLiteral("## ")));
    }
    CHECK(test::documentText(dir.path(QStringLiteral("note.pdf"))).contains(QStringLiteral("Page 1 of 1")));
}

TEST_CASE("A long note runs over pages numbered in the footer", "[reports][notes]") {
    TempDir dir;
    NoteDocument note = noteFor(QStringLiteral("Hartlepool"));
    for (int i = 1; i <= 60; ++i) {
        note.body +=
            QStringLiteral("\nParagraph %1 of the reflections, long enough to need a line of its own.\n")
                .arg(i);
    }
    const QString path = dir.path(QStringLiteral("long.pdf"));
    REQUIRE(writeNoteDocument(note, *findDocumentFormat(QStringLiteral("pdf")), path));
    const QString text = test::documentText(path);
    CHECK(text.contains(QStringLiteral("Page 1 of 2")));
    CHECK(text.contains(QStringLiteral("Page 2 of 2")));
    CHECK(text.contains(QStringLiteral("Paragraph 60 of the reflections")));
    CHECK(text.count(QStringLiteral("Session note: Hartlepool")) >= 3); // the title, and each footer
}

TEST_CASE("A drafted note's own title is shown once, above the facts", "[reports][notes]") {
    TempDir dir;
    NoteDocument note = noteFor(QStringLiteral("Rutland"));
    note.body =
        QStringLiteral("# Session note: Rutland\n\nGroup 4, 2 March 2027.\n\n## Asks\n\n- A peer review\n");
    const QString path = dir.path(QStringLiteral("rutland.html"));
    REQUIRE(writeNoteDocument(note, *findDocumentFormat(QStringLiteral("html")), path));
    const QString text = test::documentText(path);
    CHECK(text.count(QStringLiteral("Session note: Rutland")) == 1);
    CHECK(text.indexOf(QStringLiteral("Session note: Rutland")) <
          text.indexOf(QStringLiteral("Fingerprint")));
    INFO(text.right(400).toStdString());
    CHECK(text.contains(QStringLiteral("Group 4, 2 March 2027.")));
}

TEST_CASE("A batch's file names come from the LA's name, safe on any file system", "[reports][notes]") {
    const DocumentFormat& pdf = *findDocumentFormat(QStringLiteral("pdf"));
    CHECK(noteFileName(QStringLiteral("Isle of Wight"), pdf) == QStringLiteral("isle-of-wight.pdf"));
    CHECK(noteFileName(QStringLiteral("  Southend-on-Sea "), pdf) == QStringLiteral("southend-on-sea.pdf"));
    CHECK(noteFileName(QStringLiteral("Bath & North East Somerset"), pdf) ==
          QStringLiteral("bath-north-east-somerset.pdf"));
    CHECK(noteFileName(QString::fromUtf8("Ynys Môn (Anglesey)"), pdf) ==
          QStringLiteral("ynys-mon-anglesey.pdf"));
    CHECK(noteFileName(QStringLiteral("../../etc/passwd"), pdf) == QStringLiteral("etc-passwd.pdf"));
    CHECK(noteFileName(QStringLiteral("St. Helens"), *findDocumentFormat(QStringLiteral("odt"))) ==
          QStringLiteral("st-helens.odt"));
    CHECK(noteFileName(QString::fromUtf8("…"), pdf) == QStringLiteral("la.pdf"));
    CHECK(noteFileName(QString(200, u'a'), pdf).size() == 84);
}

TEST_CASE("A batch writes each LA's note to its own file, holding that LA's text and no other's",
          "[reports][notes][confidentiality]") {
    const auto notes = groupNotes();
    for (const DocumentFormat* format : documentFormats()) {
        INFO(format->name().toStdString());
        TempDir dir;
        const QString folder = dir.path(QStringLiteral("out"));
        REQUIRE(QDir().mkpath(folder));
        auto report = writeNoteDocuments(notes, *format, folder);
        REQUIRE(report);
        REQUIRE(report->files.size() == 4);
        CHECK(QDir(folder).entryList(QDir::Files, QDir::Name).size() == 4);
        for (std::size_t i = 0; i < notes.size(); ++i) {
            const QString& file = report->files.at(static_cast<qsizetype>(i));
            CHECK(QFileInfo(file).fileName() == noteFileName(notes[i].laName, *format));
            CHECK(test::permissionBits(file) == 0600U);
            const QString text = test::documentText(file);
            for (const auto& other : notes) {
                INFO(file.toStdString() << " and the note of " << other.laName.toStdString());
                CHECK(text.contains(distinctive(other.laName)) == (other.laName == notes[i].laName));
                CHECK(text.contains(other.fingerprint) == (other.laName == notes[i].laName));
            }
            // The raw bytes too (an ODT is compressed, so its text was checked unzipped above).
            if (format->name() != QStringLiteral("odt")) {
                const QByteArray bytes = test::readAll(file);
                for (const auto& other : notes) {
                    if (other.laName != notes[i].laName) {
                        CHECK_FALSE(bytes.contains(other.fingerprint.toLatin1()));
                    }
                }
            }
        }
    }
}

TEST_CASE("A batch never replaces a file by surprise", "[reports][notes]") {
    TempDir dir;
    const DocumentFormat& html = *findDocumentFormat(QStringLiteral("html"));
    const QString folder = dir.path(QStringLiteral("out"));
    REQUIRE(QDir().mkpath(folder));
    test::writeFile(folder + QStringLiteral("/isle-of-wight.html"), "sent last week");

    const auto notes = groupNotes();
    auto refused = writeNoteDocuments(notes, html, folder);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().kind == Error::Kind::Conflict);
    CHECK(refused.message() == folder + QStringLiteral(" already holds 1 of the files this batch would write "
                                                       "(isle-of-wight.html). Nothing was written: choose an "
                                                       "empty folder, or replace them."));
    CHECK(QDir(folder).entryList(QDir::Files) == QStringList{QStringLiteral("isle-of-wight.html")});
    CHECK(test::readAll(folder + QStringLiteral("/isle-of-wight.html")) == "sent last week");

    auto replaced = writeNoteDocuments(notes, html, folder, true);
    REQUIRE(replaced);
    CHECK(test::documentText(folder + QStringLiteral("/isle-of-wight.html"))
              .contains(distinctive(QStringLiteral("Isle of Wight"))));

    // Two LAs whose names make the same file name: the second gets "-2", neither is lost.
    std::vector<NoteDocument> alike{noteFor(QStringLiteral("St Helens")),
                                    noteFor(QStringLiteral("St. Helens"))};
    const QString other = dir.path(QStringLiteral("alike"));
    REQUIRE(QDir().mkpath(other));
    auto both = writeNoteDocuments(alike, html, other);
    REQUIRE(both);
    CHECK(QDir(other).entryList(QDir::Files, QDir::Name) ==
          QStringList{QStringLiteral("st-helens-2.html"), QStringLiteral("st-helens.html")});
    CHECK(test::documentText(other + QStringLiteral("/st-helens-2.html"))
              .contains(QStringLiteral("Session note: St. Helens")));

    auto missing = writeNoteDocuments(notes, html, dir.path(QStringLiteral("nowhere")));
    REQUIRE_FALSE(missing);
    CHECK(missing.error().kind == Error::Kind::NotFound);
}

TEST_CASE("A note's body is text and formatting only: raw HTML shown as typed, no picture loaded from a path",
          "[reports][notes][confidentiality]") {
    TempDir dir;
    const QString secret = dir.path(QStringLiteral("other-la.html"));
    test::writeFile(secret, "Secret-of-another-LA");
    NoteDocument note = noteFor(QStringLiteral("Hartlepool"));
    note.body +=
        QStringLiteral("\nBefore the picture ![plan](%1) after it.\n\n"
                       "A raw <img src=\"%1\"> tag and <span style=\"color:red\">styled</span> text.\n")
            .arg(secret);
    for (const DocumentFormat* format : documentFormats()) {
        INFO(format->name().toStdString());
        const QString path = dir.path(QStringLiteral("note.") + format->extension());
        REQUIRE(writeNoteDocument(note, *format, path));
        const QString text = test::documentText(path);
        INFO(text.right(400).toStdString());
        CHECK(text.contains(QStringLiteral("Before the picture [picture left out] after it.")));
        CHECK(text.contains(
            QStringLiteral("A raw <img src=\"%1\"> tag and <span style=\"color:red\">styled</span> "
                           "text.")
                .arg(secret)));
        CHECK_FALSE(text.contains(QStringLiteral("Secret-of-another-LA")));
        CHECK_FALSE(test::readAll(path).contains("<img")); // in the HTML file, only as escaped text
    }
}
