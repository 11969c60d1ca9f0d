#include "interchange/ics_export.h"

#include "domain/schedule_store.h"
#include "interchange/file_io.h"
#include "interchange/london_timezone.h"
#include "store/database.h"
#include "store/sql.h"
#include "store/transaction.h"
#include "support/logging.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <algorithm>
#include <libical/ical.h>
#include <map>

namespace balcony::interchange {
namespace {

// Lengths of the default day (DOMAIN.md): introductions 15, three sessions of 125, lunch 40, tea 10
// and the plenary 15 make 455 minutes; a quartet adds a session and a break.
constexpr int triadMinutes = 455;
constexpr int quartetMinutes = triadMinutes + 125 + 10;

struct Stored {
    int sequence = 0;
    QString fingerprint;
};

QString describe(const CycleSchedule& schedule, const Group& group) {
    QStringList lines;
    const QString kind = group.isQuartet() ? QStringLiteral("quartet")
                         : group.isTriad() ? QStringLiteral("triad")
                                           : QStringLiteral("group of %1").arg(group.members.size());
    lines << QStringLiteral("Peer challenge day of group %1 (%2), cycle %3.")
                 .arg(group.label, kind, schedule.cycle.name);
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

} // namespace

QString IcsEvent::fingerprint() const {
    QStringList parts{uid,
                      summary,
                      description,
                      location,
                      date.toString(Qt::ISODate),
                      start.toString(QStringLiteral("HH:mm")),
                      end.toString(QStringLiteral("HH:mm"))};
    for (const auto& [name, email] : attendees) {
        parts << name << email;
    }
    return QString::fromLatin1(
        QCryptographicHash::hash(parts.join(QChar(0x1f)).toUtf8(), QCryptographicHash::Sha256).toHex());
}

Result<std::vector<IcsEvent>> icsEvents(const CycleSchedule& schedule, const IcsOptions& options) {
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
    std::vector<IcsEvent> events;
    for (const Group* g : groups) {
        IcsEvent e;
        e.groupId = g->id;
        e.uid = g->uid;
        e.date = g->date;
        e.start = options.start.value_or(QTime(10, 0));
        e.end = options.end.value_or(e.start.addSecs(60 * (g->isQuartet() ? quartetMinutes : triadMinutes)));
        if (e.end <= e.start) {
            return failure(
                Error::Kind::InvalidInput,
                QStringLiteral("The day of group %1 would end (%2) before it starts (%3): give an end "
                               "time later the same day.")
                    .arg(g->label, e.end.toString(QStringLiteral("HH:mm")),
                         e.start.toString(QStringLiteral("HH:mm"))));
        }
        QStringList names;
        for (const auto& m : g->members) {
            names << schedule.authorityName(m.authorityId);
            if (const Person* dcs = schedule.dcsOf(m.authorityId); dcs && !dcs->email.isEmpty()) {
                e.attendees.emplace_back(dcs->name, dcs->email);
            }
        }
        if (auto f = schedule.people.find(g->facilitatorId);
            f != schedule.people.end() && !f->second.email.isEmpty()) {
            e.attendees.emplace_back(f->second.name, f->second.email);
        }
        e.summary =
            QStringLiteral("Peer challenge, group %1: %2").arg(g->label, names.join(QStringLiteral(", ")));
        e.description = describe(schedule, *g);
        e.location = g->mode == Mode::Virtual ? QStringLiteral("Online") : g->venue;
        events.push_back(std::move(e));
    }
    return events;
}

QByteArray icsCalendar(const std::vector<IcsEvent>& events, const QDateTime& stampUtc) {
    icalcomponent* calendar = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
    const QByteArray prodid = QByteArrayLiteral("-//Balcony//Balcony " BALCONY_VERSION "//EN");
    icalcomponent_add_property(calendar, icalproperty_new_prodid(prodid.constData()));
    icalcomponent_add_property(calendar, icalproperty_new_version("2.0"));
    icalcomponent_add_property(calendar, icalproperty_new_calscale("GREGORIAN"));
    icalcomponent_add_property(calendar, icalproperty_new_method(ICAL_METHOD_PUBLISH));
    icalcomponent_add_component(calendar, newLondonTimezone());

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
        icalcomponent_add_property(event, icalproperty_new_description(e.description.toUtf8().constData()));
        if (!e.location.isEmpty()) {
            icalcomponent_add_property(event, icalproperty_new_location(e.location.toUtf8().constData()));
        }
        for (const auto& [name, email] : e.attendees) {
            const QByteArray address = QByteArray("mailto:") + email.toUtf8();
            icalproperty* attendee = icalproperty_new_attendee(address.constData());
            icalproperty_add_parameter(attendee, icalparameter_new_cn(name.toUtf8().constData()));
            icalcomponent_add_property(event, attendee);
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
    auto schedule = ScheduleStore(db).load(cycleId);
    if (!schedule) {
        return schedule.error();
    }
    auto events = icsEvents(*schedule, options);
    if (!events) {
        return events.error();
    }
    auto query = sql::run(
        db, QStringLiteral("SELECT id, ics_sequence, ics_fingerprint FROM review_group WHERE cycle_id = ?"),
        {cycleId});
    if (!query) {
        return query.error();
    }
    std::map<qint64, Stored> stored;
    while (query->next()) {
        stored[query->value(0).toLongLong()] = {query->value(1).toInt(), query->value(2).toString()};
    }
    IcsReport report;
    std::vector<std::pair<qint64, Stored>> changes;
    for (auto& e : *events) {
        const Stored before = stored[e.groupId];
        const QString fingerprint = e.fingerprint();
        e.sequence = before.sequence;
        if (fingerprint == before.fingerprint) {
            continue;
        }
        if (!before.fingerprint.isEmpty()) {
            ++e.sequence;
            ++report.sequencesRaised;
        }
        changes.push_back({e.groupId, {e.sequence, fingerprint}});
    }
    const QDateTime stamp = options.stamp.isValid() ? options.stamp : QDateTime::currentDateTimeUtc();
    if (auto written = writeFileAtomically(path, icsCalendar(*events, stamp)); !written) {
        return written.error();
    }
    report.events = int(events->size());
    if (db.isReadOnly()) {
        report.recorded = false;
        return report;
    }
    Transaction tx(db);
    if (!tx.isActive()) {
        return tx.error();
    }
    for (const auto& [groupId, next] : changes) {
        if (auto saved =
                sql::run(db,
                         QStringLiteral("UPDATE review_group SET ics_sequence = ?, ics_fingerprint = ? "
                                        "WHERE id = ?"),
                         {next.sequence, next.fingerprint, groupId});
            !saved) {
            return saved.error();
        }
    }
    if (auto saved = tx.commit(); !saved) {
        return saved.error();
    }
    report.events = int(events->size());
    logging::get("balcony.interchange")
        ->info("calendar exported: {} events, {} sequences raised", report.events, report.sequencesRaised);
    return report;
}

} // namespace balcony::interchange
