#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <optional>

// Session notes: one per LA that presented in a group of a cycle (docs/session-notes.md). The body
// is Markdown text; like the day's notes it is confidential to the LA it is about and never logged.
namespace balcony {

// The agreement workflow: draft -> sent (for review) -> amended (any number of rounds) -> agreed ->
// shared (with the lead member); a recorded reopen takes an agreed or shared note back to draft.
enum class NoteStatus { Draft, Sent, Amended, Agreed, Shared };

QString toKey(NoteStatus status); // "draft", "sent", "amended", "agreed", "shared"
std::optional<NoteStatus> noteStatusFromKey(const QString& key);
QString displayName(NoteStatus status); // "Draft", "Sent for review", ...
// Agreed and shared notes are the record: no new revision until a recorded reopen.
inline bool isLocked(NoteStatus status) {
    return status == NoteStatus::Agreed || status == NoteStatus::Shared;
}

// Who wrote a revision: the drafter (assembled from the day), the facilitator (an edit, or additions
// taken from the day) or the DCS (amendments returned in a review pack).
enum class RevisionOrigin { Draft, Edit, Dcs };
QString toKey(RevisionOrigin origin); // "draft", "edit", "dcs"

// Lower-case hex SHA-256 of the body's UTF-8 bytes, exactly as stored: the fingerprint every
// exported document and review pack carries.
QString fingerprintOf(const QString& body);

struct SessionNoteRevision {
    qint64 noteId = 0;
    int number = 0; // 1, 2, 3 ... per note
    QString body;   // Markdown
    QString author; // a person's name as text
    QDateTime createdAtUtc;
    QString fingerprint;
    RevisionOrigin origin = RevisionOrigin::Draft;
};

// One recorded step of the workflow. from is empty for the note's first step (drafted).
struct SessionNoteStep {
    int number = 0;
    std::optional<NoteStatus> from;
    NoteStatus to = NoteStatus::Draft;
    QDateTime atUtc;
    QString by;
    QString reason;      // a reopen's reason; empty otherwise
    int revision = 0;    // the revision sent, agreed or amended; 0 when the step names none
    QString fingerprint; // of that revision, for sent and agreed
    QString packUuid;    // the review pack that brought the step, if any
};

// A note as a list shows it.
struct SessionNote {
    qint64 id = 0;
    qint64 cycleId = 0;
    qint64 groupId = 0;
    qint64 authorityId = 0;
    QString authorityName;
    QString groupLabel;
    QDate groupDate;
    NoteStatus status = NoteStatus::Draft;
    QDate dueOn;            // when the DCS's answer is due: set when sent; invalid for a draft
    int latestRevision = 0; // its newest revision's number
    QString latestFingerprint;
    int sentRevision = 0;   // the revision last sent for review; 0 when never sent
    int agreedRevision = 0; // the revision last agreed; 0 when never agreed
    // Raised by one with every change (a revision, a step): a save based on an older one is refused
    // (store/row_version.h). Who made the last change (Database::userName()) and when; changedAtUtc
    // is invalid when the note was not changed since it was made or since migration 14.
    int rowVersion = 1;
    QString changedBy;
    QDateTime changedAtUtc;

    // Sent or amended (not yet agreed) and past its due date on `today` (the UK date).
    bool isOverdue(const QDate& today) const;
};

} // namespace balcony
