#include "review_pack/region_review.h"

#include "engine/clock.h"
#include "notes/note_review.h"
#include "notes/session_note_store.h"
#include "store/database.h"
#include "store/sql.h"
#include "store/transaction.h"
#include "support/logging.h"

#include <QUuid>

namespace balcony {
namespace {

QString stamp(const QDateTime& utc) {
    return utc.toUTC().toString(Qt::ISODateWithMs);
}

class RegionReview final : public DcsReview {
public:
    RegionReview(Database& db, const Clock& clock, qint64 noteId)
        : m_db(db)
        , m_store(db, clock)
        , m_noteId(noteId) {}

    bool isInRegion() const override { return true; }
    QString where() const override { return m_db.path(); }
    const ReviewPackState& state() const override { return m_state; }
    bool isReadOnly() const override { return m_db.isReadOnly(); }
    // A region is read-only here only when it was opened so (Database::Options::readOnly).
    QString readOnlyReason() const override { return {}; }

    Status saveAmendment(const QString& body, const QString& dcsName, const QDateTime& whenUtc) override {
        if (auto open = mayChange(); !open) {
            return open;
        }
        if (body.trimmed().isEmpty() || dcsName.trimmed().isEmpty() || !whenUtc.isValid()) {
            return failure(Error::Kind::InvalidInput,
                           QStringLiteral("An amendment needs its text, your name and the time. Nothing was "
                                          "saved."));
        }
        if (body == m_state.sent.revisionBody) {
            return discardAmendment();
        }
        if (Status written = writeAmendment(body, dcsName.trimmed(), whenUtc); !written) {
            return changedMeanwhile(written.error());
        }
        m_state.amendment = PackAmendment{body, dcsName.trimmed(), whenUtc.toUTC()};
        return {};
    }

    Status discardAmendment() override {
        if (auto open = mayChange(); !open) {
            return open;
        }
        auto removed =
            sql::run(m_db, QStringLiteral("DELETE FROM dcs_amendment WHERE note_id = ?"), {m_noteId});
        if (!removed) {
            return removed.error();
        }
        m_state.amendment.reset();
        return {};
    }

    Status agree(const QString& dcsName, const QDateTime& whenUtc) override {
        if (auto open = mayChange(); !open) {
            return open;
        }
        if (m_state.amendment) {
            return failure(
                Error::Kind::Conflict,
                QStringLiteral("Your amendments are waiting, so the note cannot be agreed as sent. "
                               "Return it with your amendments, or discard them first. Nothing "
                               "was changed."));
        }
        if (auto current = stillAsRead(); !current) {
            return current;
        }
        const ReviewPackContents& sent = m_state.sent;
        Status agreed = m_store.recordAgreement(m_noteId, sent.revisionNumber, sent.revisionFingerprint,
                                                dcsName.trimmed(), whenUtc, answerId(), subject());
        if (!agreed) {
            return changedMeanwhile(agreed.error());
        }
        logging::get("notes")->info("session note {} agreed by its DCS in the region", m_noteId);
        return reload();
    }

    Status returnWithAmendments(const QString& dcsName, const QDateTime& whenUtc) override {
        if (auto open = mayChange(); !open) {
            return open;
        }
        if (!m_state.amendment) {
            return failure(Error::Kind::Conflict,
                           QStringLiteral("You have not amended the note, so there is nothing to return. "
                                          "Nothing was changed."));
        }
        if (auto current = stillAsRead(); !current) {
            return current;
        }
        if (!m_state.amendment) { // discarded meanwhile, in another window
            return failure(Error::Kind::Changed,
                           QStringLiteral("Your amendments were discarded in another window after you opened "
                                          "this one, so there is nothing to return. Nothing was changed."));
        }
        if (Status returned = recordReturned(dcsName.trimmed(), whenUtc); !returned) {
            return changedMeanwhile(returned.error());
        }
        logging::get("notes")->info("session note {} returned with amendments by its DCS in the region",
                                    m_noteId);
        return reload();
    }

    Status reload() override {
        auto read = readState();
        if (!read) {
            return read.error();
        }
        m_state = std::move(*read);
        return {};
    }

private:
    // The working amendment replaced, in one transaction (rolled back, whole, on a refusal).
    Status writeAmendment(const QString& body, const QString& dcsName, const QDateTime& whenUtc) {
        Transaction tx(m_db);
        if (!tx.isActive()) {
            return tx.error();
        }
        auto removed =
            sql::run(m_db, QStringLiteral("DELETE FROM dcs_amendment WHERE note_id = ?"), {m_noteId});
        if (!removed) {
            return removed.error();
        }
        auto added =
            sql::run(m_db,
                     QStringLiteral("INSERT INTO dcs_amendment(note_id, revision_sent, body, dcs_name, "
                                    "saved_at_utc) VALUES (?, ?, ?, ?, ?)"),
                     {m_noteId, m_state.sent.revisionNumber, body, dcsName, stamp(whenUtc)});
        if (!added) {
            return added.error();
        }
        return tx.commit();
    }

    // The working amendment recorded as the DCS's revision and removed, in one transaction.
    Status recordReturned(const QString& dcsName, const QDateTime& whenUtc) {
        Transaction tx(m_db);
        if (!tx.isActive()) {
            return tx.error();
        }
        const ReviewPackContents& sent = m_state.sent;
        if (Status returned =
                m_store.recordAmendment(m_noteId, sent.revisionNumber, sent.revisionFingerprint,
                                        m_state.amendment->body, dcsName, whenUtc, answerId(), subject());
            !returned) {
            return returned;
        }
        // The answer's step removed the draft (migration 15's trigger).
        return tx.commit();
    }

    Status mayChange() const {
        if (m_db.isReadOnly()) {
            return failure(
                Error::Kind::Conflict,
                QStringLiteral("The region %1 was opened read-only, so the note cannot change here.")
                    .arg(m_db.path()));
        }
        if (m_state.decision != PackDecision::None) {
            return failure(Error::Kind::Conflict,
                           QStringLiteral("You have answered this note already, so it cannot change here. "
                                          "Nothing was changed."));
        }
        return {};
    }

    // Refused, with state() brought up to date, when the note is no longer the one read: answered,
    // sent again, or edited by the facilitator since.
    Status stillAsRead() {
        const ReviewPackState before = m_state;
        if (auto read = reload(); !read) {
            return read;
        }
        auto note = m_store.note(m_noteId);
        if (!note) {
            return note.error();
        }
        const bool answered = m_state.decision != PackDecision::None;
        const bool sentAgain = m_state.sent.revisionNumber != before.sent.revisionNumber;
        const bool edited = note->latestRevision != m_state.sent.revisionNumber;
        if (!answered && !sentAgain && !edited) {
            return {};
        }
        QString why;
        if (answered) {
            why = QStringLiteral("it was answered meanwhile (by %1)").arg(m_state.decidedBy);
        } else if (sentAgain) {
            why =
                QStringLiteral("the facilitator sent revision %1 meanwhile").arg(m_state.sent.revisionNumber);
        } else {
            why =
                QStringLiteral("the facilitator saved revision %1 after sending it to you; ask them to send "
                               "it again")
                    .arg(note->latestRevision);
        }
        return failure(Error::Kind::Changed,
                       QStringLiteral("The session note for %1 changed after you opened it: %2. Nothing was "
                                      "changed; the window shows the note as it is now.")
                           .arg(m_state.sent.authorityName, why));
    }

    // A refusal from the region: when the note changed meanwhile (the schema refuses an amendment of a
    // note no longer out for review), say that rather than the schema's words.
    Status changedMeanwhile(const Error& error) {
        const ReviewPackState before = m_state;
        if (auto read = reload(); !read) {
            return error;
        }
        if (m_state.decision == PackDecision::None &&
            m_state.sent.revisionNumber == before.sent.revisionNumber) {
            return error;
        }
        if (m_state.decision != PackDecision::None) {
            return failure(Error::Kind::Changed,
                           QStringLiteral("The session note for %1 was answered (by %2) after you opened it, "
                                          "so your change was not saved.")
                               .arg(m_state.sent.authorityName, m_state.decidedBy));
        }
        return failure(
            Error::Kind::Changed,
            QStringLiteral("The facilitator sent the session note for %1 again (revision %2) after "
                           "you opened it, so your change was not saved. Compare your text with the "
                           "new revision before you save it again.")
                .arg(m_state.sent.authorityName)
                .arg(m_state.sent.revisionNumber));
    }

    QString answerId() const { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

    PackSubject subject() const {
        return PackSubject{m_state.sent.cycleName, m_state.sent.authorityId, m_state.sent.authorityName};
    }

    Result<ReviewPackState> readState() const {
        auto note = m_store.note(m_noteId);
        if (!note) {
            return note.error();
        }
        auto steps = m_store.steps(m_noteId);
        if (!steps) {
            return steps.error();
        }
        std::size_t lastSent = steps->size();
        for (std::size_t i = 0; i < steps->size(); ++i) {
            if ((*steps)[i].to == NoteStatus::Sent) {
                lastSent = i;
            }
        }
        if (lastSent == steps->size()) {
            return failure(Error::Kind::NotFound,
                           QStringLiteral("The session note for %1 has not been sent for review.")
                               .arg(note->authorityName));
        }
        const SessionNoteStep& sentStep = (*steps)[lastSent];
        auto revision = m_store.revision(m_noteId, sentStep.revision);
        if (!revision) {
            return revision.error();
        }
        auto contents = reviewContents(m_db, *note, *revision, note->dueOn);
        if (!contents) {
            return contents.error();
        }
        ReviewPackState state;
        state.formatVersion = 0;
        state.sent = std::move(*contents);
        if (lastSent + 1 < steps->size()) {
            const SessionNoteStep& answer = (*steps)[lastSent + 1];
            state.decidedBy = answer.by;
            state.decidedAtUtc = answer.atUtc;
            if (answer.to == NoteStatus::Agreed) {
                state.decision = PackDecision::Agreed;
                state.agreedFingerprint = answer.fingerprint;
            } else {
                state.decision = PackDecision::Returned;
                auto amended = m_store.revision(m_noteId, answer.revision);
                if (!amended) {
                    return amended.error();
                }
                state.amendment = PackAmendment{amended->body, answer.by, answer.atUtc};
            }
            return state;
        }
        auto working = sql::run(m_db,
                                QStringLiteral("SELECT body, dcs_name, saved_at_utc FROM dcs_amendment "
                                               "WHERE note_id = ? AND revision_sent = ?"),
                                {m_noteId, state.sent.revisionNumber});
        if (!working) {
            return working.error();
        }
        if (working->next()) {
            state.amendment =
                PackAmendment{working->value(0).toString(), working->value(1).toString(),
                              QDateTime::fromString(working->value(2).toString(), Qt::ISODateWithMs)};
        }
        return state;
    }

    Database& m_db;
    SessionNoteStore m_store;
    qint64 m_noteId;
    ReviewPackState m_state;
};

} // namespace

Result<std::unique_ptr<DcsReview>> openRegionReview(Database& db, const Clock& clock, qint64 authorityId) {
    auto found = sql::run(
        db,
        QStringLiteral("SELECT n.id FROM session_note n JOIN session_note_step s ON s.note_id = n.id "
                       "WHERE n.authority_id = ? AND s.to_status = 'sent' ORDER BY s.at_utc DESC, n.id DESC"),
        {authorityId});
    if (!found) {
        return found.error();
    }
    if (!found->next()) {
        auto name = sql::run(db, QStringLiteral("SELECT name FROM authority WHERE id = ?"), {authorityId});
        const QString authority =
            name && name->next() ? name->value(0).toString() : QStringLiteral("your local authority");
        return failure(Error::Kind::NotFound,
                       QStringLiteral("No session note for %1 has been sent for your review yet. When the "
                                      "facilitator sends it, it appears here.")
                           .arg(authority));
    }
    auto review = std::make_unique<RegionReview>(db, clock, found->value(0).toLongLong());
    if (auto read = review->reload(); !read) {
        return read.error();
    }
    return std::unique_ptr<DcsReview>(std::move(review));
}

} // namespace balcony
