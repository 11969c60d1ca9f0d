#include "reports/note_document.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QSet>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextDocumentFragment>

namespace balcony::reports {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("balcony::reports::NoteDocument", text);
}

// Dates as an English reader writes them, whatever the machine's locale: "Tuesday 14 March 2023".
QString longDate(const QDate& date) {
    return date.isValid() ? QLocale(QLocale::English, QLocale::UnitedKingdom)
                                .toString(date, QStringLiteral("dddd d MMMM yyyy"))
                          : tr("not set");
}

QString row(const QString& label, const QString& valueHtml) {
    return QStringLiteral("<tr><td style=\"padding-right:12px\"><b>%1</b></td><td>%2</td></tr>")
        .arg(label.toHtmlEscaped(), valueHtml);
}

QString fingerprintHtml(const QString& fingerprint) {
    // Monospace and a little smaller, so that all 64 digits fit on one line of an A4 page.
    return QStringLiteral("<span style=\"font-family:'DejaVu Sans Mono',monospace; font-size:8pt\">%1</span>")
        .arg(fingerprint.toHtmlEscaped());
}

QString revisionText(const NoteDocument& note) {
    return tr("%1 by %2, %3")
        .arg(QString::number(note.revision), note.revisionAuthor,
             note.revisionTime.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")));
}
void leaveOutPictures(QTextDocument& document) {
    std::vector<int> positions;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.charFormat().isImageFormat()) {
                for (int i = 0; i < fragment.length(); ++i) {
                    positions.push_back(fragment.position() + i);
                }
            }
        }
    }
    // From the end, so that the earlier positions stay where they were.
    for (auto it = positions.rbegin(); it != positions.rend(); ++it) {
        QTextCursor cursor(&document);
        cursor.setPosition(*it);
        cursor.setPosition(*it + 1, QTextCursor::KeepAnchor);
        cursor.insertText(tr("[picture left out]"), QTextCharFormat());
    }
}
} // namespace

std::unique_ptr<QTextDocument> buildNoteDocument(const NoteDocument& note) {
    auto document = std::make_unique<QTextDocument>();
    const QString title = tr("Session note: %1").arg(note.laName);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(10);
    document->setDefaultFont(font);

    QString header = QStringLiteral("<h1>%1</h1>").arg(title.toHtmlEscaped()) +
                     QStringLiteral("<table cellspacing=\"0\" cellpadding=\"3\">");
    header += row(tr("Cycle"), note.cycleName.toHtmlEscaped());
    header += row(tr("Group"), tr("%1, %2").arg(note.groupLabel, longDate(note.groupDate)).toHtmlEscaped());
    header += row(tr("LAs in the group"), note.groupLaNames.join(QStringLiteral(", ")).toHtmlEscaped());
    header += row(tr("Status"), note.statusText.toHtmlEscaped());
    header += row(tr("Revision"), revisionText(note).toHtmlEscaped());
    header += row(tr("Answer due"), longDate(note.dueDate).toHtmlEscaped());
    header += row(tr("Fingerprint (SHA-256)"), fingerprintHtml(note.fingerprint));
    header += QStringLiteral("</table><hr/>");
    document->setHtml(header);

    // The body comes from people (and from returned review packs), so it is text and formatting
    // only: raw HTML is dropped, and a picture, which Qt would load from any local path or resource
    // named, is left out, so that nothing but the note's own text can reach the document.
    // A drafted body opens with the same title as the document's; it is shown once, above the facts.
    QString text = note.body;
    const QString titleLine = QStringLiteral("# ") + title;
    if (text.startsWith(titleLine + u'\n') || text.trimmed() == titleLine) {
        text.remove(0, titleLine.size());
    }
    QTextDocument body;
    body.setMarkdown(text, QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub |
                                                           QTextDocument::MarkdownNoHTML));
    leaveOutPictures(body);
    QTextCursor cursor(document.get());
    cursor.movePosition(QTextCursor::End);
    // A plain block: one that kept the header's rule would be written to HTML as <hr/> alone,
    // losing the body's first paragraph.
    cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
    cursor.insertFragment(QTextDocumentFragment(&body));
    cursor.insertBlock();
    cursor.insertHtml(QStringLiteral("<hr/><p style=\"font-size:8pt\">%1 %2</p>")
                          .arg(tr("Revision %1. SHA-256 fingerprint of the note's text:")
                                   .arg(revisionText(note))
                                   .toHtmlEscaped(),
                               fingerprintHtml(note.fingerprint)));
    // Last: setHtml resets the title.
    document->setMetaInformation(QTextDocument::DocumentTitle, title);
    return document;
}

Status writeNoteDocument(const NoteDocument& note, const DocumentFormat& format, const QString& path) {
    const auto document = buildNoteDocument(note);
    return format.write(*document, path);
}

QString noteFileName(const QString& laName, const DocumentFormat& format) {
    QString stem;
    bool gap = false;
    for (const QChar c : laName.normalized(QString::NormalizationForm_KD)) {
        if (c.isMark()) {
            continue; // the accent of a decomposed letter
        }
        if (c.unicode() < 128 && c.isLetterOrNumber()) {
            if (gap && !stem.isEmpty()) {
                stem += u'-';
            }
            stem += c.toLower();
            gap = false;
        } else {
            gap = true;
        }
    }
    stem.truncate(80);
    while (stem.endsWith(u'-')) {
        stem.chop(1);
    }
    if (stem.isEmpty()) {
        stem = QStringLiteral("la");
    }
    return stem + u'.' + format.extension();
}

Result<NoteBatchReport> writeNoteDocuments(const std::vector<NoteDocument>& notes,
                                           const DocumentFormat& format, const QString& folder,
                                           bool replaceExisting) {
    const QFileInfo folderInfo(folder);
    if (!folderInfo.isDir()) {
        return failure(Error::Kind::NotFound,
                       tr("%1 is not a folder: create it, or choose the folder the notes should go to.")
                           .arg(QDir::toNativeSeparators(folder)));
    }
    const QDir dir(folderInfo.absoluteFilePath());

    // Names first, for the whole batch, so that nothing is written when one is in the way.
    QStringList paths;
    QSet<QString> taken;
    QStringList inTheWay;
    for (const NoteDocument& note : notes) {
        const QString name = noteFileName(note.laName, format);
        const QString stem = name.chopped(format.extension().size() + 1);
        QString candidate = name;
        for (int n = 2; taken.contains(candidate.toLower()); ++n) {
            candidate = QStringLiteral("%1-%2.%3").arg(stem).arg(n).arg(format.extension());
        }
        taken.insert(candidate.toLower());
        const QString path = dir.filePath(candidate);
        if (QFileInfo::exists(path)) {
            inTheWay << candidate;
        }
        paths << path;
    }
    if (!inTheWay.isEmpty() && !replaceExisting) {
        return failure(Error::Kind::Conflict,
                       tr("%1 already holds %2 of the files this batch would write (%3%4). Nothing was "
                          "written: choose an empty folder, or replace them.")
                           .arg(QDir::toNativeSeparators(dir.path()))
                           .arg(inTheWay.size())
                           .arg(QStringList(inTheWay.mid(0, 3)).join(QStringLiteral(", ")))
                           .arg(inTheWay.size() > 3 ? QStringLiteral(" ...") : QString()));
    }

    NoteBatchReport report;
    for (std::size_t i = 0; i < notes.size(); ++i) {
        const QString& path = paths.at(static_cast<qsizetype>(i));
        if (Status written = writeNoteDocument(notes[i], format, path); !written) {
            return failure(
                written.error().kind,
                written.message() + u' ' +
                    (report.files.isEmpty()
                         ? tr("No note was written.")
                         : QCoreApplication::translate("balcony::reports::NoteDocument",
                                                       "%n note(s) had been written before it.", nullptr,
                                                       static_cast<int>(report.files.size()))));
        }
        report.files << path;
    }
    return report;
}

} // namespace balcony::reports
