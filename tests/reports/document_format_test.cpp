#include "helpers/temp_dir.h"
#include "reports/document_format.h"
#include "reports/document_text.h"
#include "reports/file_writer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTextDocument>
#include <catch2/catch.hpp>
#include <grp.h>
#include <optional>
#include <unistd.h>

using namespace balcony;
using namespace balcony::reports;
using balcony::test::TempDir;

namespace {

constexpr const char* readOnlyFolderVariable = "BALCONY_TEST_READ_ONLY_FOLDER";

std::unique_ptr<QTextDocument> sampleDocument() {
    auto document = std::make_unique<QTextDocument>();
    document->setMarkdown(QStringLiteral("# Heading\n\nThe marmalade-heron paragraph.\n\n- one\n- two\n"));
    document->setMetaInformation(QTextDocument::DocumentTitle, QStringLiteral("Sample for Hartlepool"));
    return document;
}

QStringList folderEntries(const QString& folder) {
    return QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
}

} // namespace

TEST_CASE("One list of document formats serves the save dialog and --format", "[reports]") {
    QStringList names;
    for (const DocumentFormat* format : documentFormats()) {
        names << format->name();
    }
    CHECK(names == QStringList{QStringLiteral("pdf"), QStringLiteral("odt"), QStringLiteral("html")});
    REQUIRE(findDocumentFormat(QStringLiteral("ODT")) != nullptr);
    CHECK(findDocumentFormat(QStringLiteral("ODT"))->extension() == QStringLiteral("odt"));
    CHECK(findDocumentFormat(QStringLiteral("docx")) == nullptr);
    CHECK(unknownDocumentFormat(QStringLiteral("docx")).message ==
          QStringLiteral("\"docx\" is not a document format Balcony writes: choose pdf, odt or html."));
    CHECK(documentNameFilters() ==
          QStringLiteral("PDF document (*.pdf);;OpenDocument text (Word, LibreOffice) "
                         "(*.odt);;Web page (HTML) (*.html)"));
    const DocumentFormat* odt =
        formatForNameFilter(QStringLiteral("OpenDocument text (Word, LibreOffice) (*.odt)"));
    REQUIRE(odt != nullptr);
    CHECK(odt->name() == QStringLiteral("odt"));
    CHECK(odt->withExtension(QStringLiteral("/tmp/note")) == QStringLiteral("/tmp/note.odt"));
    CHECK(odt->withExtension(QStringLiteral("/tmp/note.ODT")) == QStringLiteral("/tmp/note.ODT"));
    CHECK(odt->withExtension(QStringLiteral("/tmp/note.pdf")) == QStringLiteral("/tmp/note.pdf.odt"));
}

TEST_CASE("Every format writes an owner-only file that reads back, replacing an older one", "[reports]") {
    TempDir dir;
    const auto document = sampleDocument();
    for (const DocumentFormat* format : documentFormats()) {
        INFO(format->name().toStdString());
        const QString path = dir.path(QStringLiteral("sample.") + format->extension());
        test::writeFile(path, "old");
        REQUIRE(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                                QFile::ReadOther));
        REQUIRE(format->write(*document, path));
        CHECK(test::permissionBits(path) == 0600U);
        const QString text = test::documentText(path);
        CHECK(text.contains(QStringLiteral("The marmalade-heron paragraph.")));
        CHECK(text.contains(QStringLiteral("Heading")));
        CHECK_FALSE(text.contains(QStringLiteral("# Heading"))); // rendered, not the Markdown source
    }
    CHECK(folderEntries(dir.path(QString())) == QStringList{QStringLiteral("sample.html"),
                                                            QStringLiteral("sample.odt"),
                                                            QStringLiteral("sample.pdf")});

    const QByteArray pdf = test::readAll(dir.path(QStringLiteral("sample.pdf")));
    CHECK(pdf.startsWith("%PDF"));
    CHECK(test::documentText(dir.path(QStringLiteral("sample.pdf"))).contains(QStringLiteral("Page 1 of 1")));
    CHECK(test::documentText(dir.path(QStringLiteral("sample.pdf")))
              .contains(QStringLiteral("Sample for Hartlepool")));
    const QByteArray odt = test::readAll(dir.path(QStringLiteral("sample.odt")));
    CHECK(odt.startsWith("PK"));
    CHECK(odt.contains("application/vnd.oasis.opendocument.text"));
    const QByteArray html = test::readAll(dir.path(QStringLiteral("sample.html")));
    CHECK(html.contains("<meta charset=\"utf-8\" />"));
    CHECK(html.contains("<title>Sample for Hartlepool</title>"));
    CHECK_FALSE(html.contains("src=")); // self-contained: nothing fetched from elsewhere
}

TEST_CASE("A document is refused on a folder path or a missing folder, and nothing changes", "[reports]") {
    TempDir dir;
    const auto document = sampleDocument();
    const QString folder = dir.path(QStringLiteral("notes.pdf"));
    REQUIRE(QDir().mkpath(folder));
    for (const DocumentFormat* format : documentFormats()) {
        const Status onFolder = format->write(*document, folder);
        REQUIRE_FALSE(onFolder);
        CHECK(onFolder.error().kind == Error::Kind::InvalidInput);
        CHECK(onFolder.message() ==
              folder + QStringLiteral(" is a folder, so the document cannot be written there: "
                                      "give a file name inside it."));
        const Status missing =
            format->write(*document, dir.path(QStringLiteral("nowhere/note.") + format->extension()));
        REQUIRE_FALSE(missing);
        CHECK(missing.error().kind == Error::Kind::NotFound);
        CHECK(missing.message().contains(QStringLiteral("nowhere does not exist")));
    }
    CHECK(folderEntries(folder).isEmpty());
    CHECK(folderEntries(dir.path(QString())) == QStringList{QStringLiteral("notes.pdf")});
}

TEST_CASE("A write that fails part-way leaves the old file as it was and no temporary file", "[reports]") {
    TempDir dir;
    const QString path = dir.path(QStringLiteral("note.html"));
    test::writeFile(path, "the agreed revision");
    const Status failed = writeFileAtomically(path, [](QIODevice& device) -> Status {
        device.write("half a docu");
        return failure(Error::Kind::Failed, QStringLiteral("The document could not be rendered."));
    });
    REQUIRE_FALSE(failed);
    CHECK(failed.message() == QStringLiteral("The document could not be rendered."));
    CHECK(test::readAll(path) == "the agreed revision");
    CHECK(folderEntries(dir.path(QString())) == QStringList{QStringLiteral("note.html")});
}

TEST_CASE("A full disk is reported with the file's name and leaves the old file as it was", "[reports]") {
    if (geteuid() != 0) {
        WARN("This test mounts a small tmpfs to fill, which needs root.");
        return;
    }
    TempDir dir;
    const QString mountPoint = dir.path(QStringLiteral("small"));
    REQUIRE(QDir().mkpath(mountPoint));
    if (QProcess::execute(QStringLiteral("mount"),
                          {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                           QStringLiteral("size=64k"), QStringLiteral("tmpfs"), mountPoint}) != 0) {
        WARN("This test needs to mount a tmpfs, which this machine does not allow.");
        return;
    }
    // Unmounted however the test ends, so that the temporary folder can go.
    class Unmount {
    public:
        explicit Unmount(QString path)
            : m_path(std::move(path)) {}
        Unmount(const Unmount&) = delete;
        Unmount& operator=(const Unmount&) = delete;
        ~Unmount() { QProcess::execute(QStringLiteral("umount"), {m_path}); }

    private:
        QString m_path;
    };
    std::optional<Unmount> unmount(std::in_place, mountPoint);
    const QString path = mountPoint + QStringLiteral("/note.pdf");
    test::writeFile(path, "the agreed revision");
    {
        // Fill what is left, so that no new document fits.
        QFile filler(mountPoint + QStringLiteral("/filler"));
        REQUIRE(filler.open(QIODevice::WriteOnly));
        const QByteArray block(1024, 'x');
        while (filler.write(block) == block.size() && filler.flush()) {
        }
    }
    const auto document = sampleDocument();
    const Status written = findDocumentFormat(QStringLiteral("pdf"))->write(*document, path);
    const QByteArray after = test::readAll(path);
    const QStringList entries = folderEntries(mountPoint);
    unmount.reset();
    REQUIRE_FALSE(written);
    CHECK(written.error().kind == Error::Kind::Storage);
    CHECK(written.message().startsWith(path + QStringLiteral(" was not written: ")));
    CHECK(written.message().contains(QStringLiteral("free some space on the disk or choose another place")));
    CHECK(after == "the agreed revision");
    CHECK(entries == QStringList{QStringLiteral("filler"), QStringLiteral("note.pdf")});
}

// Runs in a child process (below) as the user nobody: tests run as root, whom permissions do not stop.
TEST_CASE("(child) a document in a read-only folder is refused", "[.reports-read-only-child]") {
    const QString folder = qEnvironmentVariable(readOnlyFolderVariable);
    if (folder.isEmpty()) {
        return; // only the test below runs this, in its child process
    }
    REQUIRE((setgroups(0, nullptr) == 0 && setgid(65534) == 0 && setuid(65534) == 0));
    const auto document = sampleDocument();
    for (const DocumentFormat* format : documentFormats()) {
        const QString path = folder + QStringLiteral("/note.") + format->extension();
        const Status written = format->write(*document, path);
        REQUIRE_FALSE(written);
        CHECK(written.error().kind == Error::Kind::ReadOnly);
        CHECK(written.message() == path + QStringLiteral(" cannot be written: the folder ") + folder +
                                       QStringLiteral(" is read-only for you. Choose another folder; nothing "
                                                      "was changed."));
    }
}

TEST_CASE("A document in a read-only folder is refused and the old file stays", "[reports]") {
    if (geteuid() != 0) {
        WARN("This test starts a process that becomes the user nobody, which needs root.");
        return;
    }
    TempDir dir;
    const QString folder = dir.path(QStringLiteral("shared"));
    REQUIRE(QDir().mkpath(folder));
    for (const DocumentFormat* format : documentFormats()) {
        test::writeFile(folder + QStringLiteral("/note.") + format->extension(), "the agreed revision");
    }
    // Everyone may enter the folders and read, nobody but root may write.
    const auto readable = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup |
                          QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther;
    REQUIRE(QFile::setPermissions(dir.path(QString()), readable));
    REQUIRE(QFile::setPermissions(folder, readable));

    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(readOnlyFolderVariable), folder);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    child.setProcessEnvironment(env);
    child.setWorkingDirectory(QDir::tempPath());
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("[.reports-read-only-child]")});
    REQUIRE((child.waitForStarted() && child.waitForFinished(120000)));
    const QString output = QString::fromUtf8(child.readAllStandardOutput() + child.readAllStandardError());
    INFO(output.toStdString());
    CHECK(child.exitStatus() == QProcess::NormalExit);
    CHECK(child.exitCode() == 0);
    CHECK(output.contains(QStringLiteral("in 1 test case"))); // the child test ran, and passed
    CHECK(folderEntries(folder) ==
          QStringList{QStringLiteral("note.html"), QStringLiteral("note.odt"), QStringLiteral("note.pdf")});
    for (const DocumentFormat* format : documentFormats()) {
        CHECK(test::readAll(folder + QStringLiteral("/note.") + format->extension()) ==
              "the agreed revision");
    }
}
