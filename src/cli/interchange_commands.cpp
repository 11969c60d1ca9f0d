#include "cli/cli.h"
#include "domain/dates.h"
#include "domain/schedule_store.h"
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

int importRoster(Context& ctx, const QCommandLineParser&, const QStringList& positional) {
    Database* db = ctx.database();
    if (!db) {
        return BadInput;
    }
    const QString& file = positional.at(0);
    auto outcome = interchange::importRosterFile(*db, file);
    if (!outcome) {
        return ctx.fail(outcome.error());
    }
    if (printProblems(ctx, file, outcome->problems)) {
        ctx.err << "balcony-cli: nothing was imported; correct the file and run the import again."
                << Qt::endl;
        return BadInput;
    }
    const auto& r = outcome->report;
    ctx.out << "Imported " << QDir::toNativeSeparators(file) << ": " << r.rowsRead << " rows, "
            << r.authoritiesAdded << " LAs added, " << r.postHoldersSet << " post holders set." << Qt::endl;
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
    auto outcome = interchange::importScheduleFile(*db, cycle->id, file);
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
            << r.rowsRead << " rows; groups: " << r.groupsCreated << " created, " << r.groupsUpdated
            << " updated, " << r.groupsUnchanged << " unchanged, " << r.groupsRemoved << " removed; "
            << r.authoritiesAdded << " LAs added to the roster." << Qt::endl;
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
    interchange::IcsOptions options;
    options.groupLabel = parser.value(QStringLiteral("group"));
    bool ok = true;
    options.start = timeOption(ctx, parser, QStringLiteral("start"), ok);
    options.end = timeOption(ctx, parser, QStringLiteral("end"), ok);
    if (!ok) {
        return BadInput;
    }
    auto report = interchange::exportIcsFile(*db, cycle->id, out, options);
    if (!report) {
        return ctx.fail(report.error());
    }
    ctx.out << "Wrote " << report->events << " events of cycle " << cycle->name << " to "
            << QDir::toNativeSeparators(out) << " (" << report->sequencesRaised
            << " changed since the last export)." << Qt::endl;
    if (!report->recorded) {
        ctx.err << "balcony-cli: the region is read-only here, so this export was not recorded in it; "
                   "an export from a writable copy will number the changed invitations the same way."
                << Qt::endl;
    }
    return Success;
}

void cycleOnly(QCommandLineParser& parser) {
    parser.addOption(cycleOption());
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
    parser.addOption(QCommandLineOption(QStringLiteral("start"),
                                        QStringLiteral("Start time of each day (default 10:00)."),
                                        QStringLiteral("HH:MM")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("end"),
        QStringLiteral("End time of each day (default: 7 h 35 after the start, 9 h 50 for a quartet)."),
        QStringLiteral("HH:MM")));
}

const Registrar
    importRosterCommand({{QStringLiteral("import"), QStringLiteral("roster")},
                         QStringLiteral("FILE"),
                         QStringLiteral("Add LAs and their DCS, chief executive and lead member from CSV."),
                         1,
                         {},
                         importRoster});

const Registrar
    importScheduleCommand({{QStringLiteral("import"), QStringLiteral("schedule")},
                           QStringLiteral("FILE --cycle NAME"),
                           QStringLiteral("Make a CSV file the cycle's groups, dates and lead reviewers."),
                           1,
                           cycleOnly,
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
                      QStringLiteral("--cycle NAME --out FILE [--group LABEL]"),
                      QStringLiteral("Write calendar invitations (iCalendar) for the group days."),
                      0,
                      icsOptions,
                      exportIcs});

} // namespace
} // namespace balcony::cli
