#include "cli/cli.h"
#include "domain/dates.h"
#include "domain/schedule_store.h"
#include "engine/clock.h"
#include "interchange/csv_table.h"
#include "interchange/ics_export.h"
#include "interchange/roster_export.h"
#include "interchange/roster_import.h"
#include "interchange/schedule_export.h"
#include "interchange/schedule_import.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <optional>

// import roster / import schedule / export roster / export schedule / export ics: thin wrappers over core's
// interchange; every rule lives there.
namespace balcony::cli {
namespace {

// Prints each problem as FILE:LINE: message on stderr; true when any is an error.
bool printProblems(Context& ctx, const QString& file, const Problems& problems) {
    for (const auto& p : problems) {
        ctx.err << interchange::formatProblem(QDir::toNativeSeparators(file), p) << Qt::endl;
    }
    return hasErrors(problems);
}

std::optional<Cycle> cycleFrom(Context& ctx, Database& db, const QCommandLineParser& parser, int& exitCode) {
    const QString name = required(ctx, parser, QStringLiteral("cycle"));
    if (name.trimmed().isEmpty()) {
        exitCode = BadInput;
        return std::nullopt;
    }
    auto cycle = ScheduleStore(db).cycleByName(name);
    if (!cycle) {
        exitCode = ctx.fail(cycle.error());
        return std::nullopt;
    }
    return *cycle;
}

// `import roster` without --yes when posts would change hands: like `check`, "look before going on".
constexpr int PostChangesNotConfirmed = CheckFoundErrors;

int importRoster(Context& ctx, const QCommandLineParser& parser, const QStringList& positional) {
    Database* db = ctx.database();
    if (!db) {
        return BadInput;
    }
    const QString& file = positional.at(0);
    interchange::RosterImportOptions options;
    options.confirmPostChanges = parser.isSet(QStringLiteral("yes"));
    options.dryRun = parser.isSet(QStringLiteral("dry-run"));
    options.newAuthorities = parser.values(QStringLiteral("new-la"));
    auto outcome = interchange::importRosterFile(*db, file, options);
    if (!outcome) {
        return ctx.fail(outcome.error());
    }
    if (printProblems(ctx, file, outcome->problems)) {
        ctx.err << "balcony-cli: nothing was imported; correct the file and run the import again."
                << Qt::endl;
        return BadInput;
    }
    const QString shown = QDir::toNativeSeparators(file);
    if (!outcome->postChanges.empty()) {
        ctx.out << "Posts changing hands (" << outcome->postChanges.size() << "):" << Qt::endl;
        for (const auto& change : outcome->postChanges) {
            ctx.out << "  " << interchange::describe(change) << Qt::endl;
        }
    }
    const auto& r = outcome->report;
    if (options.dryRun) {
        ctx.out << "Dry run of " << shown << ", nothing written: " << counted(r.rowsRead, "row", "rows")
                << ", " << counted(r.authoritiesAdded, "LA", "LAs") << " would be added, "
                << counted(r.postHoldersSet, "post holder", "post holders") << " set, "
                << counted(r.postsChangingHands, "post", "posts") << " would change hands." << Qt::endl;
        return Success;
    }
    if (outcome->needsConfirmation()) {
        ctx.err << "balcony-cli: nothing was imported: " << counted(r.postsChangingHands, "post", "posts")
                << " would change hands (listed above). The people replaced stay in the roster "
                   "with their past posts. Check the list, then run the import again with --yes."
                << Qt::endl;
        return PostChangesNotConfirmed;
    }
    ctx.out << "Imported " << shown << ": " << counted(r.rowsRead, "row", "rows") << ", "
            << counted(r.authoritiesAdded, "LA", "LAs") << " added, "
            << counted(r.postHoldersSet, "post holder", "post holders") << " set";
    if (r.postsChangingHands > 0) {
        ctx.out << ", " << counted(r.postsChangingHands, "post", "posts") << " changed hands";
    }
    ctx.out << "." << Qt::endl;
    return Success;
}

int importSchedule(Context& ctx, const QCommandLineParser& parser, const QStringList& positional) {
    Database* db = ctx.database();
    if (!db) {
        return BadInput;
    }
    int exitCode = Success;
    auto cycle = cycleFrom(ctx, *db, parser, exitCode);
    if (!cycle) {
        return exitCode;
    }
    const QString& file = positional.at(0);
    auto outcome =
        interchange::importScheduleFile(*db, cycle->id, file, parser.values(QStringLiteral("new-la")));
    if (!outcome) {
        return ctx.fail(outcome.error());
    }
    if (printProblems(ctx, file, outcome->problems)) {
        ctx.err << "balcony-cli: nothing was imported; correct the file and run the import again."
                << Qt::endl;
        return BadInput;
    }
    const auto& r = outcome->report;
    ctx.out << "Imported " << QDir::toNativeSeparators(file) << " into cycle " << cycle->name << ": "
            << counted(r.rowsRead, "row", "rows") << "; groups: " << r.groupsCreated << " created, "
            << r.groupsUpdated << " updated, " << r.groupsUnchanged << " unchanged, " << r.groupsRemoved
            << " removed; " << counted(r.authoritiesAdded, "LA", "LAs") << " added to the roster."
            << Qt::endl;
    return Success;
}

int exportRoster(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    const QString file = required(ctx, parser, QStringLiteral("out"));
    if (file.trimmed().isEmpty()) {
        return BadInput;
    }
    Database* db = ctx.readDatabase();
    if (!db) {
        return BadInput;
    }
    auto rows = interchange::exportRosterFile(*db, file);
    if (!rows) {
        return ctx.fail(rows.error());
    }
    if (parser.isSet(QStringLiteral("json"))) {
        printJson(ctx, QJsonArray{QJsonObject{{QStringLiteral("file"), QFileInfo(file).absoluteFilePath()},
                                              {QStringLiteral("authorities"), *rows}}});
        return Success;
    }
    ctx.out << "Wrote " << *rows << " LAs of the roster to " << QDir::toNativeSeparators(file) << "."
            << Qt::endl;
    return Success;
}

int exportSchedule(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    Database* db = ctx.readDatabase();
    if (!db) {
        return BadInput;
    }
    int exitCode = Success;
    auto cycle = cycleFrom(ctx, *db, parser, exitCode);
    if (!cycle) {
        return exitCode;
    }
    const QString out = required(ctx, parser, QStringLiteral("out"));
    if (out.isEmpty()) {
        return BadInput;
    }
    auto rows = interchange::exportScheduleFile(*db, cycle->id, out);
    if (!rows) {
        return ctx.fail(rows.error());
    }
    ctx.out << "Wrote " << *rows << " rows of cycle " << cycle->name << " to "
            << QDir::toNativeSeparators(out) << "." << Qt::endl;
    return Success;
}

std::optional<QTime> timeOption(Context& ctx, const QCommandLineParser& parser, const QString& name,
                                bool& ok) {
    if (!parser.isSet(name)) {
        return std::nullopt;
    }
    const QTime time = parseClockTime(parser.value(name));
    if (!time.isValid()) {
        ctx.usage(QStringLiteral("--%1 \"%2\" is not a time: write HH:MM, e.g. 09:30.")
                      .arg(name, parser.value(name)));
        ok = false;
    }
    return time;
}

int exportIcs(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    // --start stores the start with the groups, so it needs to write; without it the export records
    // what it sent when it can, and still works on a region it cannot write.
    Database* db = parser.isSet(QStringLiteral("start")) ? ctx.database() : ctx.recordingDatabase();
    if (!db) {
        return BadInput;
    }
    int exitCode = Success;
    auto cycle = cycleFrom(ctx, *db, parser, exitCode);
    if (!cycle) {
        return exitCode;
    }
    const QString out = required(ctx, parser, QStringLiteral("out"));
    if (out.isEmpty()) {
        return BadInput;
    }
    interchange::IcsOptions options;
    options.groupLabel = parser.value(QStringLiteral("group"));
    if (parser.isSet(QStringLiteral("end"))) {
        return ctx.usage(QStringLiteral("--end is no longer taken: each day ends when its timetable does. "
                                        "See it with \"balcony-cli timetable\", and change the group's "
                                        "start with \"balcony-cli group start\"."));
    }
    bool ok = true;
    options.start = timeOption(ctx, parser, QStringLiteral("start"), ok);
    if (!ok) {
        return BadInput;
    }
    options.stamp = SystemClock().utcNow();
    auto report = interchange::exportIcsFile(*db, cycle->id, out, options);
    if (!report) {
        return ctx.fail(report.error());
    }
    if (report->method == interchange::IcsMethod::Request) {
        ctx.out << "Wrote " << report->events << " invitations (METHOD:REQUEST, organiser "
                << cycle->organiserName << " <" << cycle->organiserEmail << ">) of cycle " << cycle->name
                << " to " << QDir::toNativeSeparators(out) << " (" << report->sequencesRaised
                << " changed since the last export)." << Qt::endl;
    } else {
        ctx.out << "Wrote " << report->events << " events of cycle " << cycle->name << " to "
                << QDir::toNativeSeparators(out) << " as a plain calendar (METHOD:PUBLISH, no attendees: "
                << "the cycle has no organiser; set one with \"balcony-cli cycle edit " << cycle->name
                << " --organiser-name NAME --organiser-email EMAIL\" to send meeting requests) ("
                << report->sequencesRaised << " changed since the last export)." << Qt::endl;
    }
    if (options.start) {
        ctx.out << "Start time " << options.start->toString(QStringLiteral("HH:mm")) << " stored with "
                << (options.groupLabel.isEmpty() ? QStringLiteral("every group of the cycle")
                                                 : QStringLiteral("group ") + options.groupLabel)
                << "." << Qt::endl;
    }
    if (report->cancellations > 0) {
        ctx.out << "Wrote " << report->cancellations << " cancellations ("
                << (report->method == interchange::IcsMethod::Request ? "METHOD:CANCEL"
                                                                      : "METHOD:PUBLISH, STATUS:CANCELLED")
                << ") of days that no longer take place to "
                << QDir::toNativeSeparators(report->cancellationsPath) << "." << Qt::endl;
    }
    if (report->withdrawals > 0) {
        ctx.out << report->withdrawals << (report->withdrawals == 1 ? " person is" : " people are")
                << " no longer invited to a day that still takes place (an LA moved to another group, a "
                   "DCS replaced): their invitations are withdrawn (METHOD:CANCEL) in "
                << QDir::toNativeSeparators(report->cancellationsPath) << "." << Qt::endl;
    }
    if (report->cancellationsPending > 0) {
        ctx.out << report->cancellationsPending
                << " days exported before have gone since; export the whole cycle (without --group) to "
                   "write their cancellations."
                << Qt::endl;
    }
    if (report->withoutAttendees > 0) {
        ctx.out << report->withoutAttendees
                << " days have nobody with an e-mail address to invite; the organiser is their only "
                   "attendee."
                << Qt::endl;
    }
    if (!report->recorded) {
        ctx.err << "balcony-cli: the region is read-only here, so this export was not recorded in it; "
                   "an export from a writable copy will number the changed invitations the same way "
                   "and write the same cancellations."
                << Qt::endl;
    }
    return Success;
}

QCommandLineOption newLaOption() {
    return QCommandLineOption(QStringLiteral("new-la"),
                              QStringLiteral("Take NAME as a new LA although it looks like a misspelling of "
                                             "one in the roster (may be repeated)."),
                              QStringLiteral("NAME"));
}

void rosterImportOptions(QCommandLineParser& parser) {
    parser.addOption(QCommandLineOption(QStringLiteral("yes"),
                                        QStringLiteral("Import even when posts change hands (a DCS, chief "
                                                       "executive or lead member replaced).")));
    parser.addOption(QCommandLineOption(QStringLiteral("dry-run"),
                                        QStringLiteral("Show what the import would do; write nothing.")));
    parser.addOption(newLaOption());
}

void scheduleImportOptions(QCommandLineParser& parser) {
    parser.addOption(cycleOption());
    parser.addOption(newLaOption());
}

QCommandLineOption outOption() {
    return QCommandLineOption(QStringLiteral("out"), QStringLiteral("The file to write."),
                              QStringLiteral("FILE"));
}

void outAndJson(QCommandLineParser& parser) {
    parser.addOption(outOption());
    parser.addOption(jsonOption());
}

void cycleAndOut(QCommandLineParser& parser) {
    parser.addOption(cycleOption());
    parser.addOption(outOption());
}

void icsOptions(QCommandLineParser& parser) {
    cycleAndOut(parser);
    parser.addOption(QCommandLineOption(QStringLiteral("group"), QStringLiteral("Only this group, by label."),
                                        QStringLiteral("LABEL")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("start"),
        QStringLiteral("Store this start time with each exported group first (as \"group start\" does); "
                       "without it each group's own start, else its template's."),
        QStringLiteral("HH:MM")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("end"), QStringLiteral("No longer taken: a day ends when its timetable does."),
        QStringLiteral("HH:MM")));
}

const Registrar
    importRosterCommand({{QStringLiteral("import"), QStringLiteral("roster")},
                         QStringLiteral("FILE [--yes] [--dry-run] [--new-la NAME]"),
                         QStringLiteral("Add LAs and their DCS, chief executive and lead member from CSV."),
                         1,
                         rosterImportOptions,
                         importRoster});

const Registrar
    importScheduleCommand({{QStringLiteral("import"), QStringLiteral("schedule")},
                           QStringLiteral("FILE --cycle NAME [--new-la NAME]"),
                           QStringLiteral("Make a CSV file the cycle's groups, dates and lead reviewers."),
                           1,
                           scheduleImportOptions,
                           importSchedule});

const Registrar exportRosterCommand(
    {{QStringLiteral("export"), QStringLiteral("roster")},
     QStringLiteral("--out FILE [--json]"),
     QStringLiteral("Write the roster's LAs and post holders as CSV (the import format)."),
     0,
     outAndJson,
     exportRoster});

const Registrar
    exportScheduleCommand({{QStringLiteral("export"), QStringLiteral("schedule")},
                           QStringLiteral("--cycle NAME --out FILE"),
                           QStringLiteral("Write the cycle's schedule as CSV (the import format)."),
                           0,
                           cycleAndOut,
                           exportSchedule});

const Registrar
    exportIcsCommand({{QStringLiteral("export"), QStringLiteral("ics")},
                      QStringLiteral("--cycle NAME --out FILE [--group LABEL] [--start HH:MM]"),
                      QStringLiteral("Write calendar invitations (iCalendar) for the group days, and "
                                     "cancellations of days gone since the last export."),
                      0,
                      icsOptions,
                      exportIcs});

} // namespace
} // namespace balcony::cli
