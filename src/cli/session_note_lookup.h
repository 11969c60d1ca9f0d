#pragma once

#include "cli/cli.h"
#include "domain/schedule_store.h"
#include "notes/session_note_store.h"

#include <QCommandLineOption>

// Finding a cycle's LA and its session note by the names a user types: shared by the note commands
// (session_note_commands.cpp, note_exchange_commands.cpp).
namespace balcony::cli {

QCommandLineOption laOption(const QString& what);
QCommandLineOption byOption(const QString& what);

// A cycle's schedule and one LA of it (by name), with the LA's group (pointing into schedule).
struct LaInCycle {
    CycleSchedule schedule;
    const Group* group = nullptr;
    qint64 authorityId = 0;
    QString name;
};

Result<CycleSchedule> loadCycle(Database& db, const QString& cycleName);
// Finds the LA in the cycle's groups; the error lists the LAs of the cycle.
Status findLa(CycleSchedule& schedule, const QString& laName, LaInCycle& found);

// The note of a named LA in a named cycle; NotFound when it has not been drafted.
struct NoteLookup {
    LaInCycle la;
    SessionNote note;
};
Result<NoteLookup> findNote(Database& db, const SessionNoteStore& store, const QString& cycleName,
                            const QString& laName);

// A cycle (by name) and its session notes, by group and presenting order.
struct CycleNotes {
    Cycle cycle;
    std::vector<SessionNote> notes;
};
Result<CycleNotes> notesOfCycle(Database& db, const SessionNoteStore& store, const QString& cycleName);

// The revision number given with --NAME: 1, 2, 3 ...; InvalidInput for anything else.
Result<int> revisionOption(const QCommandLineParser& parser, const QString& name);
// --revision when given, else 0 (the latest).
Result<int> optionalRevision(const QCommandLineParser& parser);

// The group's facilitator's name, or "Facilitator" when none is set.
QString facilitatorOf(const CycleSchedule& schedule, const Group& group);
// The LA's DCS's name, or "DCS of LA" when none is on the roster.
QString dcsOf(const CycleSchedule& schedule, qint64 authorityId);
// A UTC time as "yyyy-MM-dd HH:mm UTC".
QString whenText(const QDateTime& utc);

} // namespace balcony::cli
