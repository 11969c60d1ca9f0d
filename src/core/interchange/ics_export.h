#pragma once

#include "domain/types.h"
#include "support/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QTime>
#include <optional>
#include <utility>
#include <vector>

namespace balcony {
class Database;
}

// Calendar invitations for a cycle's group days as iCalendar (RFC 5545) files written with libical,
// following iTIP (RFC 5546) for what each kind of file may hold:
// - the cycle has an organiser: METHOD:REQUEST, each event with ORGANIZER and its ATTENDEEs (the
//   DCSs and the facilitator), to be sent by the organiser to the attendees; a group day exported
//   before and gone since goes into a separate METHOD:CANCEL file (one METHOD per iTIP object), and
//   so does the withdrawal of an invitation from people a day that goes on no longer invites (an LA
//   moved to another group, a DCS replaced): a CANCEL naming only them, without STATUS (RFC 5546,
//   3.2.5), so that the day does not stay in their calendars;
// - no organiser: a plain METHOD:PUBLISH calendar without ORGANIZER or ATTENDEE, for importing into
//   one's own calendar; days gone since go into the separate file as PUBLISH with STATUS:CANCELLED.
// Times come from each group's own timetable (engine/group_day.h plannedTimetable), in
// TZID=Europe/London with a VTIMEZONE. The UID is the group's; what was exported is recorded by UID
// (table calendar_export), so SEQUENCE rises when anything attendees see changes.
namespace balcony::interchange {

struct IcsOptions {
    QString groupLabel; // one group only (matched ignoring case); empty for the whole cycle
    // Stores this start with each exported group (ScheduleStore::setGroupStart), in the same
    // transaction as the export record, so that timetable and invitation agree. Not set: each
    // group's stored start, else its template's.
    std::optional<QTime> start;
    QDateTime stamp; // DTSTAMP, UTC: the caller's clock's now (required; an invalid one is refused)
};

enum class IcsMethod { Publish, Request, Cancel };
QString methodName(IcsMethod method); // "PUBLISH", "REQUEST", "CANCEL"

// One VEVENT: the content that decides whether an invitation changed.
struct IcsEvent {
    qint64 groupId = 0; // 0 for a cancelled day whose group is gone
    QString uid;
    int sequence = 0;
    bool cancelled = false; // STATUS:CANCELLED
    // A CANCEL that withdraws the invitation of the attendees listed, from a day that goes on without
    // them: no STATUS (RFC 5546, 3.2.5). Never recorded (the day's own event is).
    bool withdrawn = false;
    QString organiser; // "Name <email>" when the cycle has one; it is on every event of the file
    QString summary;
    QString description;
    QString location;
    QDate date;
    QTime start;
    QTime end;
    std::vector<std::pair<QString, QString>> attendees; // (name, email); empty in a PUBLISH file

    // SHA-256 (hex) of everything attendees see, but not DTSTAMP and SEQUENCE.
    QString fingerprint() const;
};

struct IcsReport {
    IcsMethod method = IcsMethod::Publish; // of the invitations file
    QString invitationsPath;               // always written
    QString cancellationsPath;             // written only when cancellations or withdrawals > 0, else empty
    int events = 0;
    int sequencesRaised = 0;      // days whose invitation changed since the last export
    int cancellations = 0;        // days exported before and gone since, cancelled in this export
    int cancellationsPending = 0; // such days left for a whole-cycle export (a one-group export)
    // People invited to a day when it was last exported and no longer invited to it, though it goes
    // on (an LA moved to another group, a DCS replaced); their invitations are withdrawn in the
    // cancellations file, once. Only with an organiser (a PUBLISH file invites nobody).
    int withdrawals = 0;
    int withoutAttendees = 0; // REQUEST days where nobody had an e-mail address: the organiser
                              // is their only ATTENDEE
    // False when the database is open read-only: the files carry the raised SEQUENCE numbers and the
    // cancellations, but nothing is stored, so the next export from a writable copy raises them again
    // (same numbers) and cancels the same days again.
    bool recorded = true;
};

// The cancellations file that goes with an invitations file: "<folder>/<name>-cancelled.ics".
QString cancellationsPathFor(const QString& invitationsPath);

// The events of a cycle (or one group), by date then label, with SEQUENCE 0. Attendees only when
// the cycle has an organiser. NotFound when options.groupLabel names no group of the cycle;
// InvalidInput naming the group when its timetable cannot be built (see plannedTimetable).
Result<std::vector<IcsEvent>> icsEvents(Database& db, const CycleSchedule& schedule,
                                        const IcsOptions& options);

// A VCALENDAR with the given METHOD, a Europe/London VTIMEZONE and the events; ORGANIZER on each
// event when organiser is given (required for Request and Cancel). Times in TZID=Europe/London,
// DTSTAMP in UTC; CRLF line ends, lines folded at 75 octets.
QByteArray icsCalendar(IcsMethod method, const Cycle& organiser, const std::vector<IcsEvent>& events,
                       const QDateTime& stampUtc);

// Writes the invitations to `path` (and the cancellations beside it, see IcsReport), each file
// atomically. Only after the files are written, and in one transaction, the export record is
// brought up to date: SEQUENCE raised for each day whose content changed (a first export keeps 0),
// cancelled days marked so that they are cancelled once, each day's attendees stored so that a
// withdrawal is written once. Nothing is stored when writing fails; the
// Error names the path. Bad input (unknown group, a group whose day cannot be built) writes nothing.
Result<IcsReport> exportIcsFile(Database& db, qint64 cycleId, const QString& path, const IcsOptions& options);

} // namespace balcony::interchange
