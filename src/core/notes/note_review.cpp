#include "notes/note_review.h"

#include "domain/schedule_store.h"
#include "notes/session_note_store.h"
#include "review_pack/review_pack.h"
#include "store/database.h"
#include "store/location.h"
#include "store/transaction.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUuid>

namespace balcony {
namespace {

// A file's name without its suffix, or a server region's database name.
QString regionNameOf(const Database& db) {
    if (db.isServer()) {
        if (auto location = Location::parse(db.path())) {
            return location->database;
        }
    }
    return QFileInfo(db.path()).completeBaseName();
}

} // namespace

Result<QStringList> groupAuthorityNames(Database& db, const SessionNote& note, QString* cycleName) {
    auto schedule = ScheduleStore(db).load(note.cycleId);
    if (!schedule) {
        return schedule.error();
    }
    if (cycleName) {
        *cycleName = schedule->cycle.name;
    }
    QStringList names;
    for (const auto& group : schedule->groups) {
        if (group.id == note.groupId) {
            for (const auto& member : group.members) {
                names << schedule->authorityName(member.authorityId);
            }
        }
    }
    return names;
}

Result<ReviewPackContents> reviewContents(Database& db, const SessionNote& note,
                                          const SessionNoteRevision& revision, const QDate& dueOn) {
    ReviewPackContents contents;
    auto names = groupAuthorityNames(db, note, &contents.cycleName);
    if (!names) {
        return names.error();
    }
    contents.regionName = regionNameOf(db);
    contents.groupLabel = note.groupLabel;
    contents.groupDate = note.groupDate;
    contents.authorityName = note.authorityName;
    contents.authorityId = note.authorityId;
    contents.noteId = note.id;
    contents.revisionNumber = revision.number;
    contents.revisionFingerprint = revision.fingerprint;
    contents.revisionBody = revision.body;
    contents.dueDate = dueOn;
    contents.groupAuthorities = *names;
    return contents;
}

Result<SentForReview> sendForReview(Database& db, const Clock& clock, qint64 noteId, const QString& folder,
                                    const QString& by, bool replace) {
    const QFileInfo place(folder);
    if (!place.isDir()) {
        return failure(Error::Kind::NotFound,
                       QStringLiteral("%1 is not a folder. Create it first, or choose another.")
                           .arg(QDir::toNativeSeparators(folder)));
    }
    SessionNoteStore store(db, clock);
    Transaction tx(db);
    if (!tx.isActive()) {
        return tx.error();
    }
    auto due = store.markSent(noteId, by);
    if (!due) {
        return due.error();
    }
    auto note = store.note(noteId);
    if (!note) {
        return note.error();
    }
    auto revision = store.revision(noteId, note->latestRevision);
    if (!revision) {
        return revision.error();
    }
    auto built = reviewContents(db, *note, *revision, *due);
    if (!built) {
        return built.error();
    }
    ReviewPackContents contents = std::move(*built);
    contents.packUuid = QUuid::createUuid();

    const QString path = QDir(place.absoluteFilePath()).filePath(reviewPackFileName(contents));
    if (Status written = createPack(path, contents, replace); !written) {
        return written.error(); // the transaction rolls back: the note stays as it was
    }
    if (Status committed = tx.commit(); !committed) {
        QFile::remove(path); // a pack for a step that was not recorded must not reach a DCS
        return committed.error();
    }
    SentForReview sent;
    sent.noteId = note->id;
    sent.authorityName = note->authorityName;
    sent.packPath = path;
    sent.revision = revision->number;
    sent.fingerprint = revision->fingerprint;
    sent.dueOn = *due;
    return sent;
}

Result<ImportedReviewPack> importReviewPack(Database& db, const Clock& clock, const QString& packPath) {
    auto answer = readPackAnswer(packPath);
    if (!answer) {
        return answer.error();
    }
    ReturnedPack returned;
    returned.packUuid = answer->packUuid.toString(QUuid::WithoutBraces);
    returned.noteId = answer->noteId;
    returned.revisionSent = answer->revisionNumber;
    returned.fingerprintSent = answer->revisionFingerprint;
    returned.subject.cycleName = answer->cycleName;
    returned.subject.authorityId = answer->authorityId;
    returned.subject.authorityName = answer->authorityName;
    const bool agreed = answer->decision == PackDecision::Agreed;
    if (agreed) {
        returned.agreement = DcsAgreement{answer->revisionFingerprint, answer->dcsName, answer->decidedAtUtc};
    } else {
        returned.amendments.push_back(
            DcsAmendment{answer->amendedBody, answer->amendedBy, answer->amendedAtUtc});
    }
    SessionNoteStore store(db, clock);
    if (Status recorded = store.recordReturn(returned); !recorded) {
        const Error& why = recorded.error();
        return failure(why.kind,
                       QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(packPath), why.message));
    }
    auto note = store.note(answer->noteId);
    if (!note) {
        return note.error();
    }
    ImportedReviewPack imported;
    imported.noteId = note->id;
    imported.authorityName = note->authorityName;
    imported.cycleName = answer->cycleName;
    imported.agreed = agreed;
    imported.latestRevision = note->latestRevision;
    imported.dcsName = answer->dcsName;
    return imported;
}

} // namespace balcony
