#include "cli/session_note_lookup.h"

#include "domain/authority_name.h"

namespace balcony::cli {

QCommandLineOption laOption(const QString& what) {
    return {QStringLiteral("la"), what, QStringLiteral("LA")};
}

QCommandLineOption byOption(const QString& what) {
    return {QStringLiteral("by"), what, QStringLiteral("NAME")};
}

Result<CycleSchedule> loadCycle(Database& db, const QString& cycleName) {
    ScheduleStore store(db);
    auto cycle = store.cycleByName(cycleName);
    if (!cycle) {
        return cycle.error();
    }
    return store.load(cycle->id);
}

// Finds the LA in the cycle's groups; the error lists the LAs of the cycle.
Status findLa(CycleSchedule& schedule, const QString& laName, LaInCycle& found) {
    const QString wanted = authorityKey(laName);
    QStringList names;
    for (const auto& group : schedule.groups) {
        for (const auto& member : group.members) {
            const QString name = schedule.authorityName(member.authorityId);
            names << name;
            if (authorityKey(name) == wanted) {
                found.group = &group;
                found.authorityId = member.authorityId;
                found.name = name;
            }
        }
    }
    if (!found.group) {
        return failure(
            Error::Kind::NotFound,
            QStringLiteral("\"%1\" is not in a group of cycle %2 (its LAs: %3).")
                .arg(laName, schedule.cycle.name,
                     names.isEmpty() ? QStringLiteral("none yet") : names.join(QStringLiteral(", "))));
    }
    return {};
}

Result<NoteLookup> findNote(Database& db, const SessionNoteStore& store, const QString& cycleName,
                            const QString& laName) {
    NoteLookup lookup;
    auto schedule = loadCycle(db, cycleName);
    if (!schedule) {
        return schedule.error();
    }
    lookup.la.schedule = std::move(*schedule);
    if (auto found = findLa(lookup.la.schedule, laName, lookup.la); !found) {
        return found.error();
    }
    auto note = store.noteFor(lookup.la.schedule.cycle.id, lookup.la.authorityId);
    if (!note) {
        return note.error();
    }
    if (!*note) {
        return failure(
            Error::Kind::NotFound,
            QStringLiteral("%1 has no session note in cycle %2 yet. Draft it with \"note draft --cycle "
                           "%2 --la %1\".")
                .arg(lookup.la.name, lookup.la.schedule.cycle.name));
    }
    lookup.note = **note;
    return lookup;
}

QString facilitatorOf(const CycleSchedule& schedule, const Group& group) {
    const QString name = group.facilitatorId ? schedule.personName(group.facilitatorId) : QString();
    return name.isEmpty() ? QStringLiteral("Facilitator") : name;
}

QString dcsOf(const CycleSchedule& schedule, qint64 authorityId) {
    const Person* dcs = schedule.dcsOf(authorityId);
    return dcs ? dcs->name : QStringLiteral("DCS of %1").arg(schedule.authorityName(authorityId));
}

QString whenText(const QDateTime& utc) {
    return utc.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

Result<CycleNotes> notesOfCycle(Database& db, const SessionNoteStore& store, const QString& cycleName) {
    auto cycle = ScheduleStore(db).cycleByName(cycleName);
    if (!cycle) {
        return cycle.error();
    }
    auto notes = store.notes(cycle->id);
    if (!notes) {
        return notes.error();
    }
    return CycleNotes{std::move(*cycle), std::move(*notes)};
}

Result<int> revisionOption(const QCommandLineParser& parser, const QString& name) {
    bool ok = false;
    const int number = parser.value(name).toInt(&ok);
    if (!ok || number < 1) {
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("--%1 needs a revision number (1, 2, 3 ...).").arg(name));
    }
    return number;
}

Result<int> optionalRevision(const QCommandLineParser& parser) {
    if (!parser.isSet(QStringLiteral("revision"))) {
        return 0;
    }
    return revisionOption(parser, QStringLiteral("revision"));
}

} // namespace balcony::cli
