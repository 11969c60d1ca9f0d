#pragma once

#include "notes/session_note_types.h"
#include "support/result.h"

#include <QDateTime>
#include <optional>
#include <vector>

namespace balcony {
class Clock;
class Database;

// What a returned review pack says about the note it was made for, as the pack's reader found it.
// Empty fields are not checked.
struct PackSubject {
    QString cycleName;      // the cycle the pack was made in
    qint64 authorityId = 0; // the LA's id in the region
    QString authorityName;  // the LA's name
};

// What a save made: the revision's number and the note's row version after it.
struct SavedNote {
    int revision = 0;
    int rowVersion = 0;
};

// One amended body the DCS saved in a review pack.
struct DcsAmendment {
    QString body;
    QString dcsName;
    QDateTime whenUtc;
};

// The DCS's agreement in a review pack: the fingerprint of the text agreed (the revision sent, or
// the DCS's own last amendment).
struct DcsAgreement {
    QString fingerprintAgreed;
    QString dcsName;
    QDateTime whenUtc;
};

// Everything a returned pack brings back, for recordReturn().
struct ReturnedPack {
    QString packUuid;
    qint64 noteId = 0;
    int revisionSent = 0;
    QString fingerprintSent;
    PackSubject subject;
    std::vector<DcsAmendment> amendments; // in the order the DCS saved them
    std::optional<DcsAgreement> agreement;
};

// Session notes of a region: their revisions (append-only), the workflow's recorded steps and the
// review packs imported. Borrows the Database and the Clock, which must outlive it.
//
// Every write runs in one transaction (a savepoint inside a caller's) and returns after it was
// committed. A refused step or import returns an error whose message a user can act on
// (Error::Kind::Conflict for a step the workflow does not allow, InvalidInput for bad input,
// NotFound for no such note) and writes nothing. The schema (migration 9) enforces the same rules,
// so a program that bypasses this class cannot change an agreed note silently either.
// Note bodies are never logged.
class SessionNoteStore final {
public:
    SessionNoteStore(Database& db, const Clock& clock)
        : m_db(db)
        , m_clock(clock) {}

    // The cycle's notes, by group label and then presenting order.
    Result<std::vector<SessionNote>> notes(qint64 cycleId) const;
    // NotFound when there is no such note.
    Result<SessionNote> note(qint64 noteId) const;
    // The note of an LA in a cycle, if it has one.
    Result<std::optional<SessionNote>> noteFor(qint64 cycleId, qint64 authorityId) const;

    // Every revision, oldest first.
    Result<std::vector<SessionNoteRevision>> revisions(qint64 noteId) const;
    // One revision; number 0 is the latest. NotFound names the revisions that exist.
    Result<SessionNoteRevision> revision(qint64 noteId, int number = 0) const;
    // Every recorded step, oldest first.
    Result<std::vector<SessionNoteStep>> steps(qint64 noteId) const;

    // A new note for an LA that is a member of the group, with revision 1 (origin draft) and its
    // first step (drafted). Conflict when the LA has a note in this cycle already.
    Result<qint64> create(qint64 groupId, qint64 authorityId, const QString& body, const QString& author);
    // Saves a body as a new revision and returns its number. Refused (Conflict) for an agreed or
    // shared note, InvalidInput for an empty body or author. A body equal to the latest revision's
    // adds nothing and returns the latest number.
    Result<int> saveRevision(qint64 noteId, const QString& body, const QString& author,
                             RevisionOrigin origin);
    // saveRevision for an editor that read the note at row version basedOnVersion (SessionNote::
    // rowVersion): refused with Error::Kind::Changed, naming who changed the note and when, if the
    // note changed since (another person's save, a step, a returned pack), and nothing is written.
    // Without basedOnVersion the save is not checked. A save that adds a revision raises the row
    // version by one; one equal to the latest revision returns the latest and the current version.
    Result<SavedNote> save(qint64 noteId, const QString& body, const QString& author, RevisionOrigin origin,
                           std::optional<int> basedOnVersion);
    // The facilitator's edit: saveRevision with origin edit, checked against basedOnVersion if given.
    Result<int> edit(qint64 noteId, const QString& body, const QString& author,
                     std::optional<int> basedOnVersion = std::nullopt) {
        auto saved = save(noteId, body, author, RevisionOrigin::Edit, basedOnVersion);
        if (!saved) {
            return saved.error();
        }
        return saved->revision;
    }

    // Workflow steps, each recorded with the clock's time and the name given.
    // Sent for review: from draft or amended; records the latest revision and its fingerprint and
    // sets the due date (Cycle::noteDueWorkingDays working days after today's UK date). Returns it.
    Result<QDate> markSent(qint64 noteId, const QString& by);
    // The DCS's agreement recorded by the facilitator (by e-mail, by phone): from sent or amended,
    // of the latest revision, which must be one the DCS has seen (the one sent or the DCS's own).
    Status agree(qint64 noteId, const QString& by);
    // Shared with the lead member: from agreed.
    Status share(qint64 noteId, const QString& by);
    // Back to draft from agreed or shared, with a reason (required). The agreed revision stays.
    Status reopen(qint64 noteId, const QString& by, const QString& reason);

    // Import of a returned review pack. Refused, with nothing changed, when the pack was imported
    // before ("already imported on DATE"), the note does not exist, the pack is for another cycle
    // or LA, the note is agreed or shared, was not sent (a draft), the last sending was answered
    // already (one answer per sending: a pack after the DCS answered in the region, or a second
    // pack), the revision is not the one last sent, its fingerprint does not match that revision's,
    // or the agreement names another text.
    // Amendments become revisions by the DCS (origin dcs, status amended); an agreement records
    // the agreed step. The pack uuid is kept so that a second import is refused.
    Status recordReturn(const ReturnedPack& pack);
    Status recordAmendment(qint64 noteId, int revisionSent, const QString& fingerprintSent,
                           const QString& body, const QString& dcsName, const QDateTime& whenUtc,
                           const QString& packUuid, const PackSubject& subject = {});
    Status recordAgreement(qint64 noteId, int revisionSent, const QString& fingerprintSent,
                           const QString& dcsName, const QDateTime& whenUtc, const QString& packUuid,
                           const PackSubject& subject = {});
    // When a pack was imported, if it was.
    Result<std::optional<QDateTime>> packImportedAt(const QString& packUuid) const;

    // Today's date in the UK, by the clock.
    QDate today() const;

private:
    Status addStep(qint64 noteId, NoteStatus from, NoteStatus to, const QString& by, const QDateTime& atUtc,
                   const QString& reason, int revision, const QString& fingerprint, const QString& packUuid);
    Status touch(qint64 noteId, std::optional<int> basedOnVersion, const QString& authorityName);
    Result<int> insertRevision(qint64 noteId, const QString& body, const QString& author,
                               const QDateTime& atUtc, RevisionOrigin origin);

    Database& m_db;
    const Clock& m_clock;
};

} // namespace balcony
