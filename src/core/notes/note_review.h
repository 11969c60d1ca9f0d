#pragma once

#include "notes/session_note_types.h"
#include "support/result.h"

#include <QDate>
#include <QString>
#include <QStringList>

namespace balcony {
class Clock;
class Database;
struct ReviewPackContents;

// "Send for review" and the import of a returned review pack: the session-note store
// (session_note_store.h) and the pack file (review_pack/review_pack.h) put together, so that the
// desktop program and balcony-cli do it the same way (issue 10, docs/session-notes.md).

// The names of the LAs that presented in the note's group, in presenting order (names only, never
// another LA's text), and the name of its cycle when cycleName is given.
Result<QStringList> groupAuthorityNames(Database& db, const SessionNote& note, QString* cycleName = nullptr);

// What a review of revision of note shows its DCS (a pack's contents, or a note on the server,
// review_pack/region_review.h): the region, cycle, group and its LAs' names, the LA, the revision and
// its fingerprint, and dueOn. Built from this note and its group alone; packUuid is left empty.
Result<ReviewPackContents> reviewContents(Database& db, const SessionNote& note,
                                          const SessionNoteRevision& revision, const QDate& dueOn);

// What sending one note did.
struct SentForReview {
    qint64 noteId = 0;
    QString authorityName;
    QString packPath; // absolute
    int revision = 0; // the revision sent
    QString fingerprint;
    QDate dueOn; // when the DCS's answer is due (UK date)
};

// Sends the note for review by `by` (a person's name): records the step (SessionNoteStore::markSent)
// and writes the LA's review pack into folder under reviewPackFileName(). The pack is built from
// this note's latest revision and its group's names alone (never from the region file). Both or
// neither: the step's transaction commits only after the pack is on disk, and a pack whose step
// could not be committed is removed. Refused, with nothing changed: a note the workflow does not
// let be sent (only a draft or an amended note), a missing or unwritable folder, and a pack of the
// same name already in the folder unless replace is set.
Result<SentForReview> sendForReview(Database& db, const Clock& clock, qint64 noteId, const QString& folder,
                                    const QString& by, bool replace = false);

// What importing a returned pack recorded.
struct ImportedReviewPack {
    qint64 noteId = 0;
    QString authorityName;
    QString cycleName;
    bool agreed = false;    // false: the DCS returned amendments, now the note's latest revision
    int latestRevision = 0; // the note's newest revision after the import
    QString dcsName;
};

// Reads a returned pack (readPackAnswer) and records the DCS's answer (SessionNoteStore::
// recordReturn), checking it was made for this region's note of that cycle and LA. Refused with a
// plain message naming the file and nothing changed: a file that is not a good review pack, a pack
// the DCS has not answered, one imported before, for another cycle or LA, for a revision that is not
// the one last sent or whose fingerprint differs, or for a note agreed since.
Result<ImportedReviewPack> importReviewPack(Database& db, const Clock& clock, const QString& packPath);

} // namespace balcony
