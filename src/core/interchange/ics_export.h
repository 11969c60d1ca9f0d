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

// Calendar invitations for a cycle's group days as iCalendar (RFC 5545) files, written with libical.
namespace balcony::interchange {

struct IcsOptions {
    QString groupLabel;         // one group only (matched ignoring case); empty for the whole cycle
    std::optional<QTime> start; // 10:00 when not given
    // The default day's length when not given: 7 h 35 for a triad (10:00 to 17:35), 9 h 50 for a
    // quartet (one more session and one more break).
    std::optional<QTime> end;
    QDateTime stamp; // DTSTAMP; the current time when invalid (tests pass a fixed one)
};

// One VEVENT: the content that decides whether an invitation changed.
struct IcsEvent {
    qint64 groupId = 0;
    QString uid;
    int sequence = 0;
    QString summary;
    QString description;
    QString location;
    QDate date;
    QTime start;
    QTime end;
    std::vector<std::pair<QString, QString>> attendees; // (name, email)

    // SHA-256 (hex) of everything but DTSTAMP and SEQUENCE.
    QString fingerprint() const;
};

struct IcsReport {
    int events = 0;
    int sequencesRaised = 0; // groups whose invitation changed since the last export
    // False when the database is open read-only: the file carries the raised SEQUENCE numbers, but
    // they are not stored, so the next export from a writable copy raises them again (same numbers).
    bool recorded = true;
};

// The events of a cycle (or one group), by date then label, with the stored UID and SEQUENCE.
// NotFound when options.groupLabel names no group of the cycle; InvalidInput when the end is not
// after the start.
Result<std::vector<IcsEvent>> icsEvents(const CycleSchedule& schedule, const IcsOptions& options);

// A VCALENDAR (METHOD:PUBLISH) with a Europe/London VTIMEZONE and the events, times in
// TZID=Europe/London, DTSTAMP in UTC; CRLF line ends, lines folded at 75 octets.
QByteArray icsCalendar(const std::vector<IcsEvent>& events, const QDateTime& stampUtc);

// Writes the calendar to `path` atomically. Only after the file is written, and in one transaction,
// each group whose event content differs from the stored fingerprint gets its SEQUENCE raised and
// the new fingerprint stored (a first export stores the fingerprint and keeps SEQUENCE 0), so that
// calendar programs replace changed invitations and leave the others alone. Nothing is stored when
// writing fails; the Error names the path. A database open read-only is exported all the same, with
// nothing stored (IcsReport::recorded false).
Result<IcsReport> exportIcsFile(Database& db, qint64 cycleId, const QString& path, const IcsOptions& options);

} // namespace balcony::interchange
