#include "notes/session_note_store.h"

#include "domain/authority_name.h"
#include "domain/schedule_store.h"
#include "engine/clock.h"
#include "engine/day_state.h"
#include "notes/working_days.h"
#include "store/database.h"
#include "store/row_version.h"
#include "store/sql.h"
#include "store/transaction.h"
#include "support/logging.h"

#include <QSqlQuery>

namespace balcony {
namespace {

QString stamp(const QDateTime& utc) {
    return utc.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime fromStamp(const QVariant& value) {
    QDateTime t = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    t.setTimeSpec(Qt::UTC);
    return t;
}

QString dayWords(const QDate& day) {
    return day.toString(QStringLiteral("d MMMM yyyy"));
}

constexpr char noteColumns[] =
    "SELECT n.id, n.cycle_id, n.group_id, n.authority_id, a.name, g.label, g.held_on, n.status, n.due_on, "
    "(SELECT max(number) FROM session_note_revision WHERE note_id = n.id), "
    "(SELECT fingerprint FROM session_note_revision WHERE note_id = n.id ORDER BY number DESC LIMIT 1), "
    "(SELECT revision FROM session_note_step WHERE note_id = n.id AND to_status = 'sent' "
    " ORDER BY number DESC LIMIT 1), "
    "(SELECT revision FROM session_note_step WHERE note_id = n.id AND to_status = 'agreed' "
    " ORDER BY number DESC LIMIT 1), n.row_version, n.changed_by, n.changed_at_utc "
    "FROM session_note n JOIN authority a ON a.id = n.authority_id JOIN review_group g ON g.id = n.group_id "
    "JOIN group_member m ON m.group_id = n.group_id AND m.authority_id = n.authority_id ";

SessionNote noteFrom(const QSqlQuery& q) {
    SessionNote n;
    n.id = q.value(0).toLongLong();
    n.cycleId = q.value(1).toLongLong();
    n.groupId = q.value(2).toLongLong();
    n.authorityId = q.value(3).toLongLong();
    n.authorityName = q.value(4).toString();
    n.groupLabel = q.value(5).toString();
    n.groupDate = sql::dateFrom(q.value(6));
    // The schema admits only known statuses.
    n.status = noteStatusFromKey(q.value(7).toString()).value_or(NoteStatus::Draft);
    // A draft (never sent, or reopened) awaits no answer, whatever an earlier sending set.
    n.dueOn = n.status == NoteStatus::Draft ? QDate() : sql::dateFrom(q.value(8));
    n.latestRevision = q.value(9).toInt();
    n.latestFingerprint = q.value(10).toString();
    n.sentRevision = q.value(11).toInt();
    n.agreedRevision = q.value(12).toInt();
    n.rowVersion = q.value(13).toInt();
    n.changedBy = q.value(14).toString();
    if (!q.value(15).isNull()) {
        n.changedAtUtc = fromStamp(q.value(15));
    }
    return n;
}

RevisionOrigin originFrom(const QString& key) {
    if (key == QLatin1String("edit")) {
        return RevisionOrigin::Edit;
    }
    if (key == QLatin1String("dcs")) {
        return RevisionOrigin::Dcs;
    }
    return RevisionOrigin::Draft;
}

Error noSuchNote(qint64 noteId) {
    return failure(Error::Kind::NotFound,
                   QStringLiteral("There is no session note %1 in this region. List the cycle's notes with "
                                  "\"note list\" to find it.")
                       .arg(noteId));
}

Error refused(const SessionNote& note, const QString& what) {
    return failure(Error::Kind::Conflict,
                   QStringLiteral("The note of %1 is %2: %3 Nothing was changed.")
                       .arg(note.authorityName, displayName(note.status).toLower(), what));
}

Status needName(const QString& name, const char* who) {
    if (name.trimmed().isEmpty()) {
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("Give the name of %1; nothing was changed.").arg(QLatin1String(who)));
    }
    return {};
}

} // namespace

QDate SessionNoteStore::today() const {
    return m_clock.utcNow().toTimeZone(groupDayZone()).date();
}

Result<std::vector<SessionNote>> SessionNoteStore::notes(qint64 cycleId) const {
    auto query = sql::run(m_db,
                          QLatin1String(noteColumns) +
                              QStringLiteral("WHERE n.cycle_id = ? ORDER BY g.label, m.position"),
                          {cycleId});
    if (!query) {
        return query.error();
    }
    std::vector<SessionNote> result;
    while (query->next()) {
        result.push_back(noteFrom(*query));
    }
    return result;
}

Result<SessionNote> SessionNoteStore::note(qint64 noteId) const {
    auto query = sql::run(m_db, QLatin1String(noteColumns) + QStringLiteral("WHERE n.id = ?"), {noteId});
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return noSuchNote(noteId);
    }
    return noteFrom(*query);
}

Result<std::optional<SessionNote>> SessionNoteStore::noteFor(qint64 cycleId, qint64 authorityId) const {
    auto query = sql::run(
        m_db, QLatin1String(noteColumns) + QStringLiteral("WHERE n.cycle_id = ? AND n.authority_id = ?"),
        {cycleId, authorityId});
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return std::optional<SessionNote>();
    }
    return std::optional<SessionNote>(noteFrom(*query));
}

Result<std::vector<SessionNoteRevision>> SessionNoteStore::revisions(qint64 noteId) const {
    auto query =
        sql::run(m_db,
                 QStringLiteral("SELECT note_id, number, body, author, created_at_utc, fingerprint, "
                                "origin FROM session_note_revision WHERE note_id = ? ORDER BY number"),
                 {noteId});
    if (!query) {
        return query.error();
    }
    std::vector<SessionNoteRevision> result;
    while (query->next()) {
        SessionNoteRevision r;
        r.noteId = query->value(0).toLongLong();
        r.number = query->value(1).toInt();
        r.body = query->value(2).toString();
        r.author = query->value(3).toString();
        r.createdAtUtc = fromStamp(query->value(4));
        r.fingerprint = query->value(5).toString();
        r.origin = originFrom(query->value(6).toString());
        result.push_back(std::move(r));
    }
    if (result.empty()) {
        return noSuchNote(noteId);
    }
    return result;
}

Result<SessionNoteRevision> SessionNoteStore::revision(qint64 noteId, int number) const {
    auto all = revisions(noteId);
    if (!all) {
        return all.error();
    }
    if (number == 0) {
        return all->back();
    }
    for (const auto& r : *all) {
        if (r.number == number) {
            return r;
        }
    }
    return failure(Error::Kind::NotFound,
                   QStringLiteral("This note has no revision %1; its revisions are 1 to %2.")
                       .arg(number)
                       .arg(all->back().number));
}

Result<std::vector<SessionNoteStep>> SessionNoteStore::steps(qint64 noteId) const {
    auto query = sql::run(m_db,
                          QStringLiteral("SELECT number, from_status, to_status, at_utc, by_name, reason, "
                                         "revision, fingerprint, pack_uuid FROM session_note_step "
                                         "WHERE note_id = ? ORDER BY number"),
                          {noteId});
    if (!query) {
        return query.error();
    }
    std::vector<SessionNoteStep> result;
    while (query->next()) {
        SessionNoteStep s;
        s.number = query->value(0).toInt();
        if (!query->value(1).isNull()) {
            s.from = noteStatusFromKey(query->value(1).toString());
        }
        s.to = noteStatusFromKey(query->value(2).toString()).value_or(NoteStatus::Draft);
        s.atUtc = fromStamp(query->value(3));
        s.by = query->value(4).toString();
        s.reason = query->value(5).toString();
        s.revision = query->value(6).toInt();
        s.fingerprint = query->value(7).toString();
        s.packUuid = query->value(8).toString();
        result.push_back(std::move(s));
    }
    return result;
}

Result<int> SessionNoteStore::insertRevision(qint64 noteId, const QString& body, const QString& author,
                                             const QDateTime& atUtc, RevisionOrigin origin) {
    auto inserted = sql::run(
        m_db,
        QStringLiteral("INSERT INTO session_note_revision(note_id, number, body, author, created_at_utc, "
                       "fingerprint, origin) VALUES (?, 1 + coalesce((SELECT max(number) FROM "
                       "session_note_revision WHERE note_id = ?), 0), ?, ?, ?, ?, ?) RETURNING number"),
        {noteId, noteId, body, author.trimmed(), stamp(atUtc), fingerprintOf(body), toKey(origin)});
    if (!inserted) {
        return inserted.error();
    }
    if (!inserted->next()) {
        return failure(Error::Kind::Failed, QStringLiteral("The revision was not stored."));
    }
    return inserted->value(0).toInt();
}

Status SessionNoteStore::addStep(qint64 noteId, NoteStatus from, NoteStatus to, const QString& by,
                                 const QDateTime& atUtc, const QString& reason, int revision,
                                 const QString& fingerprint, const QString& packUuid) {
    if (auto touched = touch(noteId, std::nullopt, {}); !touched) {
        return touched;
    }
    auto inserted = sql::run(
        m_db,
        QStringLiteral(
            "INSERT INTO session_note_step(note_id, number, from_status, to_status, at_utc, by_name, "
            "reason, revision, fingerprint, pack_uuid) VALUES (?, 1 + coalesce((SELECT max(number) "
            "FROM session_note_step WHERE note_id = ?), 0), ?, ?, ?, ?, ?, ?, ?, ?)"),
        {noteId, noteId, toKey(from), toKey(to), stamp(atUtc), by.trimmed(), sql::text(reason.trimmed()),
         revision > 0 ? QVariant(revision) : QVariant(QMetaType(QMetaType::Int)),
         fingerprint.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(fingerprint),
         packUuid.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(packUuid)});
    if (!inserted) {
        return inserted.error();
    }
    logging::get("notes")->info("session note {}: {} -> {}", noteId, toKey(from).toStdString(),
                                toKey(to).toStdString());
    return {};
}

Result<qint64> SessionNoteStore::create(qint64 groupId, qint64 authorityId, const QString& body,
                                        const QString& author) {
    if (body.trimmed().isEmpty()) {
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("A session note needs some text; nothing was saved."));
    }
    if (auto named = needName(author, "the note's author"); !named) {
        return named.error();
    }
    Transaction tx(m_db);
    if (!tx.isActive()) {
        return tx.error();
    }
    auto member =
        sql::run(m_db,
                 QStringLiteral("SELECT m.cycle_id, a.name FROM group_member m JOIN authority a ON "
                                "a.id = m.authority_id WHERE m.group_id = ? AND m.authority_id = ?"),
                 {groupId, authorityId});
    if (!member) {
        return member.error();
    }
    if (!member->next()) {
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("That LA is not a member of this group, so no note was drafted."));
    }
    const qint64 cycleId = member->value(0).toLongLong();
    const QString name = member->value(1).toString();
    member->finish(); // a statement left open would keep the commit waiting
    auto existing = noteFor(cycleId, authorityId);
    if (!existing) {
        return existing.error();
    }
    if (*existing) {
        return failure(Error::Kind::Conflict,
                       QStringLiteral("%1 has a session note in this cycle already (revision %2).")
                           .arg(name)
                           .arg((*existing)->latestRevision));
    }
    const QDateTime now = m_clock.utcNow();
    auto inserted =
        sql::run(m_db,
                 QStringLiteral("INSERT INTO session_note(cycle_id, group_id, authority_id, status, "
                                "created_at_utc) VALUES (?, ?, ?, 'draft', ?) RETURNING id"),
                 {cycleId, groupId, authorityId, stamp(now)});
    if (!inserted) {
        return inserted.error();
    }
    if (!inserted->next()) {
        return failure(Error::Kind::Failed, QStringLiteral("The session note was not stored."));
    }
    const qint64 noteId = inserted->value(0).toLongLong();
    inserted->finish();
    auto step =
        sql::run(m_db,
                 QStringLiteral("INSERT INTO session_note_step(note_id, number, from_status, to_status, "
                                "at_utc, by_name) VALUES (?, 1, NULL, 'draft', ?, ?)"),
                 {noteId, stamp(now), author.trimmed()});
    if (!step) {
        return step.error();
    }
    if (auto number = insertRevision(noteId, body, author, now, RevisionOrigin::Draft); !number) {
        return number.error();
    }
    if (auto committed = tx.commit(); !committed) {
        return committed.error();
    }
    logging::get("notes")->info("session note {} drafted", noteId);
    return noteId;
}

Status SessionNoteStore::touch(qint64 noteId, std::optional<int> basedOnVersion,
                               const QString& authorityName) {
    const QString what = authorityName.isEmpty()
                             ? QStringLiteral("Session note %1").arg(noteId)
                             : QStringLiteral("The session note for %1").arg(authorityName);
    auto claimed =
        rowversion::claim(m_db, m_clock, QStringLiteral("session_note"), noteId, basedOnVersion, what);
    if (!claimed) {
        return claimed.error();
    }
    return {};
}

Result<int> SessionNoteStore::saveRevision(qint64 noteId, const QString& body, const QString& author,
                                           RevisionOrigin origin) {
    auto saved = save(noteId, body, author, origin, std::nullopt);
    if (!saved) {
        return saved.error();
    }
    return saved->revision;
}

Result<SavedNote> SessionNoteStore::save(qint64 noteId, const QString& body, const QString& author,
                                         RevisionOrigin origin, std::optional<int> basedOnVersion) {
    if (body.trimmed().isEmpty()) {
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("A session note needs some text; nothing was saved."));
    }
    if (auto named = needName(author, "the revision's author"); !named) {
        return named.error();
    }
    Transaction tx(m_db);
    if (!tx.isActive()) {
        return tx.error();
    }
    auto current = note(noteId);
    if (!current) {
        return current.error();
    }
    if (isLocked(current->status)) {
        return refused(*current,
                       QStringLiteral("an agreed note is the record and does not change. Reopen it, "
                                      "with a reason, to change it."));
    }
    if (current->latestFingerprint == fingerprintOf(body)) {
        return SavedNote{current->latestRevision, current->rowVersion};
    }
    const QString what = QStringLiteral("The session note for %1").arg(current->authorityName);
    auto version =
        rowversion::claim(m_db, m_clock, QStringLiteral("session_note"), noteId, basedOnVersion, what);
    if (!version) {
        return version.error();
    }
    auto number = insertRevision(noteId, body, author, m_clock.utcNow(), origin);
    if (!number) {
        return number.error();
    }
    if (auto committed = tx.commit(); !committed) {
        return committed.error();
    }
    return SavedNote{*number, *version};
}

Result<QDate> SessionNoteStore::markSent(qint64 noteId, const QString& by) {
    if (auto named = needName(by, "who sends the note"); !named) {
        return named.error();
    }
    Transaction tx(m_db);
    if (!tx.isActive()) {
        return tx.error();
    }
    auto current = note(noteId);
    if (!current) {
        return current.error();
    }
    if (current->status != NoteStatus::Draft && current->status != NoteStatus::Amended) {
        return refused(*current, QStringLiteral("only a draft or an amended note can be sent for review."));
    }
    auto cycle = ScheduleStore(m_db).cycleById(current->cycleId);
    if (!cycle) {
        return cycle.error();
    }
    const QDate due = workingdays::addWorkingDays(today(), cycle->noteDueWorkingDays);
    auto dated = sql::run(m_db, QStringLiteral("UPDATE session_note SET due_on = ? WHERE id = ?"),
                          {sql::isoDate(due), noteId});
    if (!dated) {
        return dated.error();
    }
    if (auto step = addStep(noteId, current->status, NoteStatus::Sent, by, m_clock.utcNow(), {},
                            current->latestRevision, current->latestFingerprint, {});
        !step) {
        return step.error();
    }
    if (auto committed = tx.commit(); !committed) {
        return committed.error();
    }
    return due;
}

Status SessionNoteStore::agree(qint64 noteId, const QString& by) {
    if (auto named = needName(by, "who records the agreement"); !named) {
        return named;
    }
    Transaction tx(m_db);
    if (!tx.isActive()) {
        return tx.error();
    }
    auto current = note(noteId);
    if (!current) {
        return current.error();
    }
    if (current->status != NoteStatus::Sent && current->status != NoteStatus::Amended) {
        return refused(*current, current->status == NoteStatus::Draft
                                     ? QStringLiteral("send it for review first; the DCS agrees a note they "
                                                      "have seen.")
                                     : QStringLiteral("it was agreed already."));
    }
    auto latest = revision(noteId);
    if (!latest) {
        return latest.error();
    }
    if (latest->number != current->sentRevision && latest->origin != RevisionOrigin::Dcs) {
        return refused(*current,
                       QStringLiteral("revision %1 was saved after revision %2 was sent, and the DCS "
                                      "has not seen it. Send it again for review first.")
                           .arg(latest->number)
                           .arg(current->sentRevision));
    }
    if (auto step = addStep(noteId, current->status, NoteStatus::Agreed, by, m_clock.utcNow(), {},
                            latest->number, latest->fingerprint, {});
        !step) {
        return step;
    }
    return tx.commit();
}

Status SessionNoteStore::share(qint64 noteId, const QString& by) {
    if (auto named = needName(by, "who shares the note"); !named) {
        return named;
    }
    Transaction tx(m_db);
    if (!tx.isActive()) {
        return tx.error();
    }
    auto current = note(noteId);
    if (!current) {
        return current.error();
    }
    if (current->status != NoteStatus::Agreed) {
        return refused(*current, QStringLiteral("only an agreed note can be shared with the lead member."));
    }
    if (auto step = addStep(noteId, NoteStatus::Agreed, NoteStatus::Shared, by, m_clock.utcNow(), {},
                            current->agreedRevision, {}, {});
        !step) {
        return step;
    }
    return tx.commit();
}

Status SessionNoteStore::reopen(qint64 noteId, const QString& by, const QString& reason) {
    if (auto named = needName(by, "who reopens the note"); !named) {
        return named;
    }
    if (reason.trimmed().isEmpty()) {
        return failure(
            Error::Kind::InvalidInput,
            QStringLiteral("Reopening an agreed note needs a reason, which is kept with the note's "
                           "history. Nothing was changed."));
    }
    Transaction tx(m_db);
    if (!tx.isActive()) {
        return tx.error();
    }
    auto current = note(noteId);
    if (!current) {
        return current.error();
    }
    if (!isLocked(current->status)) {
        return refused(*current, QStringLiteral("only an agreed or shared note is reopened; this one can be "
                                                "edited as it is."));
    }
    if (auto step = addStep(noteId, current->status, NoteStatus::Draft, by, m_clock.utcNow(), reason,
                            current->agreedRevision, {}, {});
        !step) {
        return step;
    }
    return tx.commit();
}

Result<std::optional<QDateTime>> SessionNoteStore::packImportedAt(const QString& packUuid) const {
    auto query = sql::run(m_db, QStringLiteral("SELECT imported_at_utc FROM pack_import WHERE pack_uuid = ?"),
                          {packUuid});
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return std::optional<QDateTime>();
    }
    return std::optional<QDateTime>(fromStamp(query->value(0)));
}

Status SessionNoteStore::recordReturn(const ReturnedPack& pack) {
    if (pack.packUuid.trimmed().isEmpty()) {
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("The review pack has no identifier, so it cannot be imported. Nothing "
                                      "was changed."));
    }
    if (pack.amendments.empty() && !pack.agreement) {
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("The review pack holds no answer from the DCS yet (no amendment, no "
                                      "agreement). Nothing was changed."));
    }
    for (const auto& amendment : pack.amendments) {
        if (amendment.body.trimmed().isEmpty() || amendment.dcsName.trimmed().isEmpty() ||
            !amendment.whenUtc.isValid()) {
            return failure(Error::Kind::InvalidInput,
                           QStringLiteral("An amendment in the review pack has no text, no name or no time. "
                                          "Nothing was changed."));
        }
    }
    if (pack.agreement &&
        (pack.agreement->dcsName.trimmed().isEmpty() || !pack.agreement->whenUtc.isValid())) {
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("The agreement in the review pack has no name or no time. Nothing was "
                                      "changed."));
    }
    Transaction tx(m_db);
    if (!tx.isActive()) {
        return tx.error();
    }
    auto imported = packImportedAt(pack.packUuid);
    if (!imported) {
        return imported.error();
    }
    if (*imported) {
        return failure(Error::Kind::Conflict,
                       QStringLiteral("This review pack was already imported on %1. Nothing was changed.")
                           .arg(dayWords((*imported)->toTimeZone(groupDayZone()).date())));
    }
    auto current = note(pack.noteId);
    if (!current) {
        return failure(Error::Kind::NotFound,
                       QStringLiteral("This review pack is for note %1, which this region does not have: it "
                                      "was made from another region's file. Nothing was changed.")
                           .arg(pack.noteId));
    }
    const PackSubject& subject = pack.subject;
    if (!subject.cycleName.isEmpty() || subject.authorityId != 0 || !subject.authorityName.isEmpty()) {
        auto cycle = ScheduleStore(m_db).cycleById(current->cycleId);
        if (!cycle) {
            return cycle.error();
        }
        const bool otherCycle = !subject.cycleName.isEmpty() && subject.cycleName.trimmed() != cycle->name;
        const bool otherLa = (subject.authorityId != 0 && subject.authorityId != current->authorityId) ||
                             (!subject.authorityName.isEmpty() &&
                              authorityKey(subject.authorityName) != authorityKey(current->authorityName));
        if (otherCycle || otherLa) {
            return failure(
                Error::Kind::Conflict,
                QStringLiteral("This review pack is for %1 in cycle %2, but note %3 here is %4's in "
                               "cycle %5: it belongs to another LA or cycle. Nothing was changed.")
                    .arg(subject.authorityName.isEmpty() ? QStringLiteral("another LA")
                                                         : subject.authorityName,
                         subject.cycleName.isEmpty() ? cycle->name : subject.cycleName)
                    .arg(pack.noteId)
                    .arg(current->authorityName, cycle->name));
        }
    }
    if (isLocked(current->status)) {
        return refused(*current, QStringLiteral("it was agreed already, so the pack cannot change it. Reopen "
                                                "it first if it must change."));
    }
    if (current->status == NoteStatus::Draft) {
        return refused(*current,
                       QStringLiteral("it is not out for review (it was reopened or never sent), so "
                                      "this pack's answer no longer applies."));
    }
    // One answer to each sending: a pack returned after the DCS answered in the region (or a second
    // pack for the same sending) would record a second answer over the first.
    auto history = steps(pack.noteId);
    if (!history) {
        return history.error();
    }
    for (auto step = history->rbegin(); step != history->rend(); ++step) {
        if (step->to == NoteStatus::Sent) {
            if (step != history->rbegin()) {
                const SessionNoteStep& answer = *(step - 1);
                return refused(
                    *current, QStringLiteral("the DCS's answer to revision %1 was recorded already (by %2 on "
                                             "%3), so this one would overwrite it. Send the note again if "
                                             "it must change.")
                                  .arg(step->revision)
                                  .arg(answer.by, dayWords(answer.atUtc.toTimeZone(groupDayZone()).date())));
            }
            break;
        }
    }
    if (pack.revisionSent != current->sentRevision) {
        return refused(*current, QStringLiteral("this pack answers revision %1, but revision %2 was sent "
                                                "since. Import the pack for revision %2.")
                                     .arg(pack.revisionSent)
                                     .arg(current->sentRevision));
    }
    auto sent = revision(pack.noteId, pack.revisionSent);
    if (!sent) {
        return sent.error();
    }
    if (sent->fingerprint != pack.fingerprintSent.trimmed().toLower()) {
        return refused(*current,
                       QStringLiteral("the pack's text does not match revision %1 as it was sent "
                                      "(its fingerprint differs), so it was changed outside Balcony "
                                      "or made from another file.")
                           .arg(pack.revisionSent));
    }
    NoteStatus status = current->status;
    QString latestFingerprint = current->latestFingerprint;
    int latestNumber = current->latestRevision;
    RevisionOrigin latestOrigin = RevisionOrigin::Draft;
    if (auto latest = revision(pack.noteId); latest) {
        latestOrigin = latest->origin;
    }
    if (latestNumber != pack.revisionSent && latestOrigin != RevisionOrigin::Dcs) {
        return refused(*current,
                       QStringLiteral("revision %1 was saved here after revision %2 was sent, so the "
                                      "DCS's answer would overwrite it. Compare the two, then send "
                                      "the note again.")
                           .arg(latestNumber)
                           .arg(pack.revisionSent));
    }
    for (const auto& amendment : pack.amendments) {
        if (fingerprintOf(amendment.body) == latestFingerprint) {
            continue; // saved unchanged: nothing to record
        }
        auto number = insertRevision(pack.noteId, amendment.body, amendment.dcsName, amendment.whenUtc,
                                     RevisionOrigin::Dcs);
        if (!number) {
            return number.error();
        }
        if (auto step = addStep(pack.noteId, status, NoteStatus::Amended, amendment.dcsName,
                                amendment.whenUtc, {}, *number, {}, pack.packUuid);
            !step) {
            return step;
        }
        status = NoteStatus::Amended;
        latestNumber = *number;
        latestFingerprint = fingerprintOf(amendment.body);
    }
    QString outcome = QStringLiteral("amended");
    if (pack.agreement) {
        if (pack.agreement->fingerprintAgreed.trimmed().toLower() != latestFingerprint) {
            return refused(*current,
                           QStringLiteral("the pack agrees a text that is neither the revision sent nor "
                                          "the DCS's last amendment (its fingerprint differs)."));
        }
        if (auto step = addStep(pack.noteId, status, NoteStatus::Agreed, pack.agreement->dcsName,
                                pack.agreement->whenUtc, {}, latestNumber, latestFingerprint, pack.packUuid);
            !step) {
            return step;
        }
        outcome = status == NoteStatus::Amended ? QStringLiteral("amended_agreed") : QStringLiteral("agreed");
    }
    auto recorded =
        sql::run(m_db,
                 QStringLiteral("INSERT INTO pack_import(pack_uuid, note_id, imported_at_utc, outcome) "
                                "VALUES (?, ?, ?, ?)"),
                 {pack.packUuid, pack.noteId, stamp(m_clock.utcNow()), outcome});
    if (!recorded) {
        return recorded.error();
    }
    if (auto committed = tx.commit(); !committed) {
        return committed;
    }
    logging::get("notes")->info("review pack imported for session note {} ({})", pack.noteId,
                                outcome.toStdString());
    return {};
}

Status SessionNoteStore::recordAmendment(qint64 noteId, int revisionSent, const QString& fingerprintSent,
                                         const QString& body, const QString& dcsName,
                                         const QDateTime& whenUtc, const QString& packUuid,
                                         const PackSubject& subject) {
    ReturnedPack pack{packUuid, noteId, revisionSent, fingerprintSent, subject, {{body, dcsName, whenUtc}},
                      {}};
    return recordReturn(pack);
}

Status SessionNoteStore::recordAgreement(qint64 noteId, int revisionSent, const QString& fingerprintSent,
                                         const QString& dcsName, const QDateTime& whenUtc,
                                         const QString& packUuid, const PackSubject& subject) {
    ReturnedPack pack{packUuid,
                      noteId,
                      revisionSent,
                      fingerprintSent,
                      subject,
                      {},
                      DcsAgreement{fingerprintSent, dcsName, whenUtc}};
    return recordReturn(pack);
}

} // namespace balcony
