#include "interchange/ics_export.h"

#include "domain/schedule_store.h"
#include "engine/group_day.h"
#include "interchange/file_io.h"
#include "interchange/london_timezone.h"
#include "store/database.h"
#include "store/sql.h"
#include "store/transaction.h"
#include "support/logging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <algorithm>
#include <libical/ical.h>
#include <map>
#include <set>

namespace balcony::interchange {
namespace {

// What an earlier export wrote for one UID (table calendar_export).
struct Record {
    int sequence = 0;
    QString fingerprint;
    bool cancelled = false;
    IcsEvent last; // enough to cancel it: summary, date, times, location, attendees
};

QString hhmm(const QTime& time) {
    return time.toString(QStringLiteral("HH:mm"));
}

QString describe(const CycleSchedule& schedule, const Group& group, const Timetable& timetable) {
    QStringList lines;
    const QString kind = group.isQuartet() ? QStringLiteral("quartet")
                         : group.isTriad() ? QStringLiteral("triad")
                                           : QStringLiteral("group of %1").arg(group.members.size());
    lines << QStringLiteral("Peer challenge day of group %1 (%2), cycle %3.")
                 .arg(group.label, kind, schedule.cycle.name);
    lines << QStringLiteral("Times: %1 to %2, from the group's timetable (%3).")
                 .arg(clockText(timetable.startMinute()), clockText(timetable.endMinute()),
                      timetable.templateName);
    lines << QStringLiteral("Mode: %1").arg(displayName(group.mode));
    if (group.mode == Mode::InPerson) {
        lines << QStringLiteral("Venue: %1")
                     .arg(group.venue.isEmpty() ? QStringLiteral("to be confirmed") : group.venue);
    }
    const QString facilitator = schedule.personName(group.facilitatorId);
    lines << QStringLiteral("Facilitator: %1")
                 .arg(facilitator.isEmpty() ? QStringLiteral("to be confirmed") : facilitator);
    lines << QString() << QStringLiteral("Presenting order, with each LA's lead review:");
    int position = 1;
    for (const auto& member : group.members) {
        QStringList reviews;
        for (const auto& other : group.members) {
            if (other.leadReviewerId == member.authorityId) {
                reviews << schedule.authorityName(other.authorityId);
            }
        }
        QString line =
            QStringLiteral("%1. %2").arg(position++).arg(schedule.authorityName(member.authorityId));
        if (!reviews.isEmpty()) {
            line += QStringLiteral(", lead reviewer for ") + reviews.join(QStringLiteral(" and "));
        }
        if (member.leadReviewerId != 0) {
            line += QStringLiteral("; reviewed by ") + schedule.authorityName(member.leadReviewerId);
        }
        lines << line;
    }
    return lines.join(u'\n');
}

icaltimetype localTime(const QDate& date, const QTime& time) {
    icaltimetype t = icaltime_null_time();
    t.year = date.year();
    t.month = date.month();
    t.day = date.day();
    t.hour = time.hour();
    t.minute = time.minute();
    t.second = 0;
    t.is_date = 0;
    return t;
}

icalproperty* withLondonZone(icalproperty* property) {
    icalproperty_add_parameter(property, icalparameter_new_tzid(londonTzid));
    return property;
}

QByteArray mailto(const QString& email) {
    return QByteArray("mailto:") + email.trimmed().toUtf8();
}

QString attendeesJson(const IcsEvent& e) {
    QJsonArray array;
    for (const auto& [name, email] : e.attendees) {
        array.append(QJsonArray{name, email});
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

std::vector<std::pair<QString, QString>> attendeesFrom(const QString& json) {
    std::vector<std::pair<QString, QString>> result;
    for (const auto& value : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonArray pair = value.toArray();
        if (pair.size() == 2 && !pair[1].toString().isEmpty()) {
            result.emplace_back(pair[0].toString(), pair[1].toString());
        }
    }
    return result;
}

Result<std::map<QString, Record>> loadRecords(Database& db, qint64 cycleId) {
    auto query = sql::run(db,
                          QStringLiteral("SELECT uid, sequence, fingerprint, cancelled, summary, held_on, "
                                         "start_time, end_time, location, attendees FROM calendar_export "
                                         "WHERE cycle_id = ? ORDER BY held_on, uid"),
                          {cycleId});
    if (!query) {
        return query.error();
    }
    std::map<QString, Record> records;
    while (query->next()) {
        Record r;
        r.sequence = query->value(1).toInt();
        r.fingerprint = query->value(2).toString();
        r.cancelled = query->value(3).toInt() != 0;
        r.last.uid = query->value(0).toString();
        r.last.summary = query->value(4).toString();
        r.last.date = sql::dateFrom(query->value(5));
        r.last.start = QTime::fromString(query->value(6).toString(), QStringLiteral("HH:mm"));
        r.last.end = QTime::fromString(query->value(7).toString(), QStringLiteral("HH:mm"));
        r.last.location = query->value(8).toString();
        r.last.attendees = attendeesFrom(query->value(9).toString());
        records.emplace(r.last.uid, std::move(r));
    }
    return records;
}

} // namespace

QString methodName(IcsMethod method) {
    switch (method) {
    case IcsMethod::Publish:
        return QStringLiteral("PUBLISH");
    case IcsMethod::Request:
        return QStringLiteral("REQUEST");
    case IcsMethod::Cancel:
        return QStringLiteral("CANCEL");
    }
    return {};
}

QString cancellationsPathFor(const QString& invitationsPath) {
    const QFileInfo info(invitationsPath);
    const QString stem = info.suffix().compare(QStringLiteral("ics"), Qt::CaseInsensitive) == 0
                             ? info.completeBaseName()
                             : info.fileName();
    return info.dir().filePath(stem + QStringLiteral("-cancelled.ics"));
}

QString IcsEvent::fingerprint() const {
    QStringList parts{uid,
                      cancelled ? QStringLiteral("cancelled") : QStringLiteral("confirmed"),
                      organiser,
                      summary,
                      description,
                      location,
                      date.toString(Qt::ISODate),
                      hhmm(start),
                      hhmm(end)};
    for (const auto& [name, email] : attendees) {
        parts << name << email;
    }
    return QString::fromLatin1(
        QCryptographicHash::hash(parts.join(QChar(0x1f)).toUtf8(), QCryptographicHash::Sha256).toHex());
}

Result<std::vector<IcsEvent>> icsEvents(Database& db, const CycleSchedule& schedule,
                                        const IcsOptions& options) {
    std::vector<const Group*> groups;
    for (const auto& g : schedule.groups) {
        if (options.groupLabel.isEmpty() ||
            g.label.compare(options.groupLabel.trimmed(), Qt::CaseInsensitive) == 0) {
            groups.push_back(&g);
        }
    }
    if (groups.empty() && !options.groupLabel.isEmpty()) {
        return failure(
            Error::Kind::NotFound,
            QStringLiteral("Cycle %1 has no group \"%2\".").arg(schedule.cycle.name, options.groupLabel));
    }
    std::stable_sort(groups.begin(), groups.end(), [](const Group* a, const Group* b) {
        return a->date != b->date ? a->date < b->date : a->label < b->label;
    });
    const Cycle& cycle = schedule.cycle;
    std::vector<IcsEvent> events;
    for (const Group* g : groups) {
        auto timetable = plannedTimetable(db, schedule, *g, options.start);
        if (!timetable) {
            return failure(timetable.error().kind,
                           QStringLiteral("No invitations were written: the times of a day come from its "
                                          "timetable, and %1 Correct the group and export again.")
                               .arg(timetable.message()));
        }
        IcsEvent e;
        e.groupId = g->id;
        e.uid = g->uid;
        e.date = g->date;
        e.start = QTime(0, 0).addSecs(60 * timetable->startMinute());
        e.end = QTime(0, 0).addSecs(60 * timetable->endMinute());
        QStringList names;
        for (const auto& m : g->members) {
            names << schedule.authorityName(m.authorityId);
            if (const Person* dcs = schedule.dcsOf(m.authorityId);
                cycle.hasOrganiser() && dcs && !dcs->email.isEmpty()) {
                e.attendees.emplace_back(dcs->name, dcs->email);
            }
        }
        if (auto f = schedule.people.find(g->facilitatorId);
            cycle.hasOrganiser() && f != schedule.people.end() && !f->second.email.isEmpty()) {
            e.attendees.emplace_back(f->second.name, f->second.email);
        }
        if (cycle.hasOrganiser()) {
            e.organiser = QStringLiteral("%1 <%2>").arg(cycle.organiserName, cycle.organiserEmail);
            // A REQUEST needs at least one ATTENDEE (RFC 5546, 3.2.2).
            if (e.attendees.empty()) {
                e.attendees.emplace_back(cycle.organiserName, cycle.organiserEmail);
            }
        }
        e.summary =
            QStringLiteral("Peer challenge, group %1: %2").arg(g->label, names.join(QStringLiteral(", ")));
        e.description = describe(schedule, *g, *timetable);
        e.location = g->mode == Mode::Virtual ? QStringLiteral("Online") : g->venue;
        events.push_back(std::move(e));
    }
    return events;
}

QByteArray icsCalendar(IcsMethod method, const Cycle& organiser, const std::vector<IcsEvent>& events,
                       const QDateTime& stampUtc) {
    icalcomponent* calendar = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
    const QByteArray prodid = QByteArrayLiteral("-//Balcony//Balcony " BALCONY_VERSION "//EN");
    icalcomponent_add_property(calendar, icalproperty_new_prodid(prodid.constData()));
    icalcomponent_add_property(calendar, icalproperty_new_version("2.0"));
    icalcomponent_add_property(calendar, icalproperty_new_calscale("GREGORIAN"));
    icalcomponent_add_property(calendar,
                               icalproperty_new_method(method == IcsMethod::Request  ? ICAL_METHOD_REQUEST
                                                       : method == IcsMethod::Cancel ? ICAL_METHOD_CANCEL
                                                                                     : ICAL_METHOD_PUBLISH));
    icalcomponent_add_component(calendar, newLondonTimezone());

    // iTIP: attendees and an organiser only in a scheduling message, never in a PUBLISH.
    const bool scheduling = method != IcsMethod::Publish && organiser.hasOrganiser();
    const QDateTime stamp = stampUtc.toUTC();
    const icaltimetype dtstamp =
        icaltime_from_timet_with_zone(stamp.toSecsSinceEpoch(), 0, icaltimezone_get_utc_timezone());
    for (const auto& e : events) {
        icalcomponent* event = icalcomponent_new(ICAL_VEVENT_COMPONENT);
        icalcomponent_add_property(event, icalproperty_new_uid(e.uid.toUtf8().constData()));
        icalcomponent_add_property(event, icalproperty_new_sequence(e.sequence));
        icalcomponent_add_property(event, icalproperty_new_dtstamp(dtstamp));
        icalcomponent_add_property(event,
                                   withLondonZone(icalproperty_new_dtstart(localTime(e.date, e.start))));
        icalcomponent_add_property(event, withLondonZone(icalproperty_new_dtend(localTime(e.date, e.end))));
        icalcomponent_add_property(event, icalproperty_new_summary(e.summary.toUtf8().constData()));
        if (!e.description.isEmpty()) {
            icalcomponent_add_property(event,
                                       icalproperty_new_description(e.description.toUtf8().constData()));
        }
        if (!e.location.isEmpty()) {
            icalcomponent_add_property(event, icalproperty_new_location(e.location.toUtf8().constData()));
        }
        if (!e.withdrawn) {
            icalcomponent_add_property(
                event, icalproperty_new_status(e.cancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
        }
        if (scheduling) {
            icalproperty* org = icalproperty_new_organizer(mailto(organiser.organiserEmail).constData());
            if (!organiser.organiserName.trimmed().isEmpty()) {
                icalproperty_add_parameter(
                    org, icalparameter_new_cn(organiser.organiserName.trimmed().toUtf8().constData()));
            }
            icalcomponent_add_property(event, org);
            for (const auto& [name, email] : e.attendees) {
                icalproperty* attendee = icalproperty_new_attendee(mailto(email).constData());
                if (!name.isEmpty()) {
                    icalproperty_add_parameter(attendee, icalparameter_new_cn(name.toUtf8().constData()));
                }
                icalproperty_add_parameter(attendee, icalparameter_new_cutype(ICAL_CUTYPE_INDIVIDUAL));
                const bool chair =
                    email.trimmed().compare(organiser.organiserEmail.trimmed(), Qt::CaseInsensitive) == 0;
                icalproperty_add_parameter(
                    attendee, icalparameter_new_role(chair ? ICAL_ROLE_CHAIR : ICAL_ROLE_REQPARTICIPANT));
                if (method == IcsMethod::Request) {
                    icalproperty_add_parameter(attendee,
                                               icalparameter_new_partstat(chair ? ICAL_PARTSTAT_ACCEPTED
                                                                                : ICAL_PARTSTAT_NEEDSACTION));
                    if (!chair) {
                        icalproperty_add_parameter(attendee, icalparameter_new_rsvp(ICAL_RSVP_TRUE));
                    }
                }
                icalcomponent_add_property(event, attendee);
            }
        }
        icalcomponent_add_component(calendar, event);
    }
    char* text = icalcomponent_as_ical_string_r(calendar);
    QByteArray result(text);
    icalmemory_free_buffer(text);
    icalcomponent_free(calendar);
    return result;
}

Result<IcsReport> exportIcsFile(Database& db, qint64 cycleId, const QString& path,
                                const IcsOptions& options) {
    if (!options.stamp.isValid()) {
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("The calendar for %1 was not written: it needs the time of the export "
                                      "(DTSTAMP), and none was given.")
                           .arg(path));
    }
    auto schedule = ScheduleStore(db).load(cycleId);
    if (!schedule) {
        return schedule.error();
    }
    auto events = icsEvents(db, *schedule, options);
    if (!events) {
        return events.error();
    }
    auto records = loadRecords(db, cycleId);
    if (!records) {
        return records.error();
    }
    const Cycle& cycle = schedule->cycle;
    IcsReport report;
    report.method = cycle.hasOrganiser() ? IcsMethod::Request : IcsMethod::Publish;
    report.invitationsPath = path;
    for (auto& e : *events) {
        auto found = records->find(e.uid);
        if (found == records->end()) {
            continue; // first export: SEQUENCE 0
        }
        e.sequence = found->second.sequence;
        if (found->second.cancelled || found->second.fingerprint != e.fingerprint()) {
            ++e.sequence;
            ++report.sequencesRaised;
        }
    }
    for (const auto& e : *events) {
        if (cycle.hasOrganiser() && e.attendees.size() == 1 &&
            e.attendees.front().second == cycle.organiserEmail) {
            ++report.withoutAttendees;
        }
    }
    // Days exported before whose group has gone: their UID is no group's any more.
    std::set<QString> liveUids;
    for (const auto& g : schedule->groups) {
        liveUids.insert(g.uid);
    }
    std::vector<IcsEvent> cancellations;
    for (const auto& [uid, record] : *records) {
        if (record.cancelled || liveUids.count(uid) != 0) {
            continue;
        }
        if (!options.groupLabel.isEmpty()) {
            ++report.cancellationsPending;
            continue;
        }
        IcsEvent c = record.last;
        c.cancelled = true;
        c.sequence = record.sequence + 1;
        if (cycle.hasOrganiser()) {
            c.organiser = QStringLiteral("%1 <%2>").arg(cycle.organiserName, cycle.organiserEmail);
            if (c.attendees.empty()) {
                c.attendees.emplace_back(cycle.organiserName, cycle.organiserEmail);
            }
        } else {
            c.attendees.clear();
        }
        c.description = QStringLiteral("Cancelled: this peer challenge day of cycle %1 no longer takes "
                                       "place.")
                            .arg(cycle.name);
        cancellations.push_back(std::move(c));
    }
    // People a day that goes on no longer invites: RFC 5546 asks the organiser to send them a CANCEL,
    // or the day stays in their calendars (an LA moved to another group would be expected on two days).
    std::vector<IcsEvent> withdrawals;
    if (cycle.hasOrganiser()) {
        auto sameEmail = [](const QString& a, const QString& b) {
            return a.trimmed().compare(b.trimmed(), Qt::CaseInsensitive) == 0;
        };
        for (const auto& e : *events) {
            auto found = records->find(e.uid);
            if (found == records->end() || found->second.cancelled) {
                continue;
            }
            IcsEvent w = e;
            w.withdrawn = true;
            w.attendees.clear();
            for (const auto& before : found->second.last.attendees) {
                const bool stillInvited =
                    std::any_of(e.attendees.begin(), e.attendees.end(),
                                [&](const auto& now) { return sameEmail(now.second, before.second); });
                if (!stillInvited && !sameEmail(before.second, cycle.organiserEmail)) {
                    w.attendees.push_back(before);
                }
            }
            if (w.attendees.empty()) {
                continue;
            }
            report.withdrawals += int(w.attendees.size());
            w.description = QStringLiteral("Your invitation to this peer challenge day of cycle %1 is "
                                           "withdrawn: the day still takes place, but you are no longer "
                                           "invited to it (the schedule or the roster changed).")
                                .arg(cycle.name);
            withdrawals.push_back(std::move(w));
        }
    }
    report.events = int(events->size());
    report.cancellations = int(cancellations.size());

    const QDateTime stamp = options.stamp.toUTC();
    if (auto written = writeFileAtomically(path, icsCalendar(report.method, cycle, *events, stamp));
        !written) {
        return written.error();
    }
    if (!cancellations.empty() || !withdrawals.empty()) {
        report.cancellationsPath = cancellationsPathFor(path);
        const IcsMethod method = cycle.hasOrganiser() ? IcsMethod::Cancel : IcsMethod::Publish;
        std::vector<IcsEvent> cancelFile = cancellations;
        cancelFile.insert(cancelFile.end(), withdrawals.begin(), withdrawals.end());
        if (auto written =
                writeFileAtomically(report.cancellationsPath, icsCalendar(method, cycle, cancelFile, stamp));
            !written) {
            return written.error();
        }
    }

    if (db.isReadOnly()) {
        report.recorded = false;
        return report;
    }
    Transaction tx(db);
    if (!tx.isActive()) {
        return tx.error();
    }
    const QString exportedAt = stamp.toUTC().toString(Qt::ISODateWithMs);
    auto record = [&](const IcsEvent& e) -> Status {
        auto saved = sql::run(
            db,
            QStringLiteral("INSERT INTO calendar_export (uid, cycle_id, sequence, fingerprint, summary, "
                           "held_on, start_time, end_time, location, attendees, cancelled, exported_at_utc) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (uid) DO UPDATE SET "
                           "sequence = excluded.sequence, fingerprint = excluded.fingerprint, "
                           "summary = excluded.summary, held_on = excluded.held_on, "
                           "start_time = excluded.start_time, end_time = excluded.end_time, "
                           "location = excluded.location, attendees = excluded.attendees, "
                           "cancelled = excluded.cancelled, exported_at_utc = excluded.exported_at_utc"),
            {e.uid, cycleId, e.sequence, e.fingerprint(), e.summary, sql::isoDate(e.date), hhmm(e.start),
             hhmm(e.end), e.location, attendeesJson(e), e.cancelled ? 1 : 0, exportedAt});
        if (!saved) {
            return saved.error();
        }
        return {};
    };
    ScheduleStore store(db);
    for (const auto& e : *events) {
        if (auto saved = record(e); !saved) {
            return saved.error();
        }
        if (options.start) {
            if (auto started = store.setGroupStart(e.groupId, *options.start); !started) {
                return started.error();
            }
        }
    }
    for (const auto& c : cancellations) {
        if (auto saved = record(c); !saved) {
            return saved.error();
        }
    }
    if (auto saved = tx.commit(); !saved) {
        return saved.error();
    }
    logging::get("balcony.interchange")
        ->info(
            "calendar exported ({}): {} events, {} sequences raised, {} cancelled, {} invitations withdrawn",
            methodName(report.method).toStdString(), report.events, report.sequencesRaised,
            report.cancellations, report.withdrawals);
    return report;
}

} // namespace balcony::interchange
