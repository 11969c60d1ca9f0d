// Writes a national-size batch of session notes (150 LAs, each note about two A4 pages) in each
// document format and prints the medians. Not a test: it never passes or fails on time.
//
//   bench_reports [NOTES [RUNS]]     defaults: 150 notes, 5 runs per format
#include "bench_util.h"
#include "reports/note_document.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QTemporaryDir>
#include <QTextDocument>
#include <cstdio>

using namespace balcony;
using namespace balcony::reports;

namespace {

// A full note as the drafting produces it: every heading of the day with a few paragraphs and lists.
QString body(int n) {
    QString text = QStringLiteral("# Session note\n\n");
    const char* headings[] = {"Themes the DCS flagged",    "Strengths affirmed", "Lines of enquiry",
                              "Insights from the balcony", "The reaction",       "Reflections",
                              "Asks and offers",           "Action points"};
    for (const char* heading : headings) {
        text += QStringLiteral("## %1\n\n").arg(QString::fromLatin1(heading));
        text += QStringLiteral(
                    "The group discussed how the service for LA %1 knows that children are safer, and "
                    "what the leadership team has learned from its most recent audits. The DCS described "
                    "the **early help** offer, the work at the *edge of care*, and how partners share "
                    "information at the front door.\n\n")
                    .arg(n);
        text += QStringLiteral("- Placement sufficiency and the use of unregistered provision\n"
                               "- Caseloads in the assessment teams and the stability of the workforce\n"
                               "- How the voice of the child shapes plans and reviews\n\n");
    }
    return text;
}

NoteDocument note(int n) {
    NoteDocument d;
    d.cycleName = QStringLiteral("2026-2027");
    d.groupLabel = QStringLiteral("Group %1").arg(n / 3 + 1);
    d.groupDate = QDate(2026, 10, 1).addDays(n / 3);
    d.laName = QStringLiteral("Authority %1").arg(n, 3, 10, QLatin1Char('0'));
    d.groupLaNames = {d.laName, QStringLiteral("Neighbour A"), QStringLiteral("Neighbour B")};
    d.statusText = QStringLiteral("Agreed");
    d.revision = 4;
    d.revisionAuthor = QStringLiteral("Alex Morgan");
    d.revisionTime = QDateTime(QDate(2026, 10, 20), QTime(9, 30), Qt::UTC);
    d.dueDate = QDate(2026, 11, 3);
    d.body = body(n);
    d.fingerprint =
        QString::fromLatin1(QCryptographicHash::hash(d.body.toUtf8(), QCryptographicHash::Sha256).toHex());
    return d;
}

qint64 folderBytes(const QString& folder) {
    qint64 total = 0;
    for (const QFileInfo& file : QDir(folder).entryInfoList(QDir::Files)) {
        total += file.size();
    }
    return total;
}

} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QGuiApplication app(argc, argv);
    const int notes = argc > 1 ? std::atoi(argv[1]) : 150;
    const int runs = argc > 2 ? std::atoi(argv[2]) : 5;
    std::vector<NoteDocument> batch;
    for (int i = 0; i < notes; ++i) {
        batch.push_back(note(i));
    }
    {
        // How long a note is, in the PDF's own pages.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("one.pdf"));
        if (!writeNoteDocument(batch.front(), *findDocumentFormat(QStringLiteral("pdf")), path)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
            return 1;
        }
        QFile file(path);
        file.open(QIODevice::ReadOnly);
        const QByteArray bytes = file.readAll();
        std::printf("one note: %lld characters of Markdown, %lld PDF pages\n",
                    static_cast<long long>(batch.front().body.size()),
                    static_cast<long long>(bytes.count("/Type /Page\n") + bytes.count("/Type /Page ")));
    }
    bench::printHeader();
    const bench::Timing build = bench::measure(runs, [&] {
        for (const auto& n : batch) {
            bench::keep(buildNoteDocument(n));
        }
    });
    const QByteArray buildLabel = QStringLiteral("build %1 note documents (no file)").arg(notes).toUtf8();
    bench::printRow(buildLabel.constData(), build);
    for (const DocumentFormat* format : documentFormats()) {
        qint64 bytes = 0;
        const bench::Timing t = bench::measure(runs, [&] {
            QTemporaryDir dir;
            auto report = writeNoteDocuments(batch, *format, dir.path());
            if (!report) {
                std::fprintf(stderr, "%s\n", qPrintable(report.message()));
                std::exit(1);
            }
            bytes = folderBytes(dir.path());
        });
        const QByteArray label = QStringLiteral("write %1 notes as %2 (%3 KiB in all)")
                                     .arg(notes)
                                     .arg(format->name())
                                     .arg(bytes / 1024)
                                     .toUtf8();
        bench::printRow(label.constData(), t);
    }
    return 0;
}
