#pragma once

#include "reports/document_format.h"
#include "support/result.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <memory>
#include <vector>

class QTextDocument;

namespace balcony::reports {

// What a session note's document shows: one revision of one LA's note (issue 10, and the shared
// contract for session notes). Plain values, filled by the caller from the note store, so that this
// library needs no database.
struct NoteDocument {
    QString cycleName;
    QString groupLabel;
    QDate groupDate;
    QString laName;           // the LA the note is about (and the only one whose text it holds)
    QStringList groupLaNames; // every LA that presented in the group, the note's own included
    QString statusText;       // as the user sees it: "Agreed", "Sent for review" ...
    int revision = 0;         // 1, 2, 3 ...
    QString revisionAuthor;   // a person's name
    QDateTime revisionTime;   // UTC; printed in UTC, with the zone named
    QDate dueDate;            // the DCS's answer is due; invalid when none was set
    QString fingerprint;      // lower-case hex SHA-256 of body's UTF-8 bytes, printed in full
    QString body;             // Markdown (CommonMark subset), rendered with QTextDocument::setMarkdown
};

// The note as a document: a title ("Session note: LA"), a table of the facts above with the
// fingerprint in full, the body, and a closing line repeating the revision and fingerprint, so that
// any printed page can be checked against the record. Needs a QGuiApplication (fonts).
std::unique_ptr<QTextDocument> buildNoteDocument(const NoteDocument& note);

// Builds note's document and writes it in format to path (atomic, owner-only; DocumentFormat::write).
Status writeNoteDocument(const NoteDocument& note, const DocumentFormat& format, const QString& path);

// The file name a batch gives a note: the LA's name made safe for every file system ("Isle of Wight"
// -> "isle-of-wight.pdf"): accents dropped ("Southend-on-Sea", "Bórough" -> "borough"), letters and
// digits kept in lower case, every other run of characters made one "-", none at either end, at most
// 80 characters; "la" when nothing is left. Never a path: no "/", "\\", "." or ".." survives.
QString noteFileName(const QString& laName, const DocumentFormat& format);

// What a batch did.
struct NoteBatchReport {
    QStringList files; // the files written, in the order of the notes given (absolute paths)
};

// Writes one file per note into folder, named by noteFileName. The rule against surprises:
//  - two notes whose LA names make the same file name get "-2", "-3" ... in the order given, so no
//    note ever replaces another's file in the same batch;
//  - a file of that name already in the folder is replaced only when replaceExisting is true;
//    otherwise the batch refuses before writing anything, naming the files that are in the way;
//  - the folder must exist and be writable; each file is written atomically and owner-only, and a
//    failure stops the batch with a message naming the file and how many were written before it.
Result<NoteBatchReport> writeNoteDocuments(const std::vector<NoteDocument>& notes,
                                           const DocumentFormat& format, const QString& folder,
                                           bool replaceExisting = false);

} // namespace balcony::reports
