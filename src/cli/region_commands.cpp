#include "cli/cli.h"
#include "demo/demo_region.h"
#include "domain/schedule_store.h"

#include <QJsonObject>

namespace balcony::cli {
namespace {

int demo(Context& ctx, const QCommandLineParser&, const QStringList&) {
    Database* db = ctx.database(true);
    if (!db) {
        return BadInput;
    }
    if (auto created = createDemoRegion(*db); !created) {
        return ctx.fail(created.error());
    }
    ctx.out << "Demo region written to " << db->path()
            << ": 19 local authorities, cycles 2021-2022 and 2022-2023." << Qt::endl;
    ctx.out << "Try: balcony-cli sa list --cycle 2022-2023" << Qt::endl;
    return Success;
}

void addCycleOptions(QCommandLineParser& parser) {
    parser.addOption({QStringLiteral("from"),
                      QStringLiteral("First day of the cycle (YYYY-MM-DD or DD/MM/YYYY)."),
                      QStringLiteral("DATE")});
    parser.addOption({QStringLiteral("to"),
                      QStringLiteral("Last day of the cycle (YYYY-MM-DD or DD/MM/YYYY)."),
                      QStringLiteral("DATE")});
    parser.addOption({QStringLiteral("sa-due-days"),
                      QStringLiteral("Self-assessments are due this many days before their group's day "
                                     "(default 14)."),
                      QStringLiteral("DAYS")});
    parser.addOption(
        {QStringLiteral("note-due-days"),
         QStringLiteral("Session notes sent for review are due back this many working days later "
                        "(default 10)."),
         QStringLiteral("DAYS")});
}

// --note-due-days: 1 to 100 working days; the cycle's check says so too.
Status applyNoteDueDays(const QCommandLineParser& parser, Cycle& cycle) {
    if (!parser.isSet(QStringLiteral("note-due-days"))) {
        return {};
    }
    bool ok = false;
    cycle.noteDueWorkingDays = parser.value(QStringLiteral("note-due-days")).toInt(&ok);
    if (!ok || cycle.noteDueWorkingDays < 1 || cycle.noteDueWorkingDays > 100) {
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("--note-due-days needs a whole number of working days from 1 to 100."));
    }
    return {};
}

void organiserOptions(QCommandLineParser& parser) {
    parser.addOption({QStringLiteral("organiser-name"),
                      QStringLiteral("Who sends the calendar invitations (usually the project manager)."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("organiser-email"),
                      QStringLiteral("The organiser's e-mail address; with it, invitations are meeting "
                                     "requests (METHOD:REQUEST) listing the attendees."),
                      QStringLiteral("EMAIL")});
}

void applyOrganiser(const QCommandLineParser& parser, Cycle& cycle) {
    if (parser.isSet(QStringLiteral("organiser-name"))) {
        cycle.organiserName = parser.value(QStringLiteral("organiser-name")).trimmed();
    }
    if (parser.isSet(QStringLiteral("organiser-email"))) {
        cycle.organiserEmail = parser.value(QStringLiteral("organiser-email")).trimmed();
    }
}

QString organiserText(const Cycle& cycle) {
    if (!cycle.hasOrganiser()) {
        return QStringLiteral("no organiser (invitations are a plain calendar without attendees)");
    }
    return QStringLiteral("organiser %1 <%2>").arg(cycle.organiserName, cycle.organiserEmail);
}

void editCycleOptions(QCommandLineParser& parser) {
    addCycleOptions(parser);
    organiserOptions(parser);
    parser.addOption(
        {QStringLiteral("name"), QStringLiteral("A new name for the cycle."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("no-organiser"),
                      QStringLiteral("Remove the organiser: invitations become a plain calendar.")});
}

int editCycle(Context& ctx, const QCommandLineParser& parser, const QStringList& positional) {
    Database* db = ctx.database();
    if (!db) {
        return BadInput;
    }
    ScheduleStore store(*db);
    auto found = store.cycleByName(positional.first());
    if (!found) {
        return ctx.fail(found.error());
    }
    Cycle cycle = *found;
    if (parser.isSet(QStringLiteral("name"))) {
        cycle.name = parser.value(QStringLiteral("name")).trimmed();
    }
    for (const auto* option : {"from", "to"}) {
        auto day = dayOption(parser, QString::fromLatin1(option));
        if (!day) {
            return ctx.fail(day.error());
        }
        if (day->isValid()) {
            (QLatin1String(option) == QLatin1String("from") ? cycle.firstDay : cycle.lastDay) = *day;
        }
    }
    if (parser.isSet(QStringLiteral("sa-due-days"))) {
        bool ok = false;
        cycle.saDueDaysBefore = parser.value(QStringLiteral("sa-due-days")).toInt(&ok);
        if (!ok || cycle.saDueDaysBefore < 0) {
            return ctx.usage(QStringLiteral("--sa-due-days needs a whole number of days, 0 or more."));
        }
    }
    if (auto due = applyNoteDueDays(parser, cycle); !due) {
        return ctx.fail(due.error());
    }
    if (parser.isSet(QStringLiteral("no-organiser"))) {
        if (parser.isSet(QStringLiteral("organiser-name")) ||
            parser.isSet(QStringLiteral("organiser-email"))) {
            return ctx.usage(QStringLiteral("Give either --no-organiser or an organiser, not both."));
        }
        cycle.organiserName.clear();
        cycle.organiserEmail.clear();
    }
    applyOrganiser(parser, cycle);
    if (auto updated = store.updateCycle(cycle); !updated) {
        return ctx.fail(updated.error());
    }
    ctx.out << "Cycle " << cycle.name << ": " << dayText(cycle.firstDay) << " to " << dayText(cycle.lastDay)
            << ", " << organiserText(cycle) << "." << Qt::endl;
    return Success;
}

int addCycle(Context& ctx, const QCommandLineParser& parser, const QStringList& positional) {
    for (const auto* name : {"from", "to"}) {
        if (required(ctx, parser, QString::fromLatin1(name)).isEmpty()) {
            return BadInput;
        }
    }
    Cycle cycle;
    cycle.name = positional.first().trimmed();
    auto first = dayOption(parser, QStringLiteral("from"));
    if (!first) {
        return ctx.fail(first.error());
    }
    auto last = dayOption(parser, QStringLiteral("to"));
    if (!last) {
        return ctx.fail(last.error());
    }
    cycle.firstDay = *first;
    cycle.lastDay = *last;
    if (parser.isSet(QStringLiteral("sa-due-days"))) {
        bool ok = false;
        cycle.saDueDaysBefore = parser.value(QStringLiteral("sa-due-days")).toInt(&ok);
        if (!ok || cycle.saDueDaysBefore < 0) {
            return ctx.usage(QStringLiteral("--sa-due-days needs a whole number of days, 0 or more."));
        }
    }
    if (auto due = applyNoteDueDays(parser, cycle); !due) {
        return ctx.fail(due.error());
    }
    applyOrganiser(parser, cycle);
    Database* db = ctx.database();
    if (!db) {
        return BadInput;
    }
    auto added = ScheduleStore(*db).addCycle(cycle);
    if (!added) {
        return ctx.fail(added.error());
    }
    ctx.out << "Cycle " << cycle.name << " added: " << dayText(cycle.firstDay) << " to "
            << dayText(cycle.lastDay) << "."
            << (cycle.hasOrganiser() ? QStringLiteral(" Invitations: ") + organiserText(cycle) + u'.'
                                     : QString())
            << Qt::endl;
    return Success;
}

struct CycleRow {
    Cycle cycle;
    int groups = 0;
    int authorities = 0;
};

int listCycles(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    Database* db = ctx.readDatabase();
    if (!db) {
        return BadInput;
    }
    ScheduleStore store(*db);
    auto cycles = store.cycles();
    if (!cycles) {
        return ctx.fail(cycles.error());
    }
    std::vector<CycleRow> rows;
    for (const auto& cycle : *cycles) {
        auto groups = store.groups(cycle.id);
        if (!groups) {
            return ctx.fail(groups.error());
        }
        CycleRow row{cycle, static_cast<int>(groups->size()), 0};
        for (const auto& g : *groups) {
            row.authorities += static_cast<int>(g.members.size());
        }
        rows.push_back(row);
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const auto& row : rows) {
            array.append(
                QJsonObject{{QStringLiteral("name"), row.cycle.name},
                            {QStringLiteral("first_day"), dayText(row.cycle.firstDay)},
                            {QStringLiteral("last_day"), dayText(row.cycle.lastDay)},
                            {QStringLiteral("sa_due_days_before"), row.cycle.saDueDaysBefore},
                            {QStringLiteral("note_due_working_days"), row.cycle.noteDueWorkingDays},
                            {QStringLiteral("organiser_name"),
                             row.cycle.hasOrganiser() ? QJsonValue(row.cycle.organiserName) : QJsonValue()},
                            {QStringLiteral("organiser_email"),
                             row.cycle.hasOrganiser() ? QJsonValue(row.cycle.organiserEmail) : QJsonValue()},
                            {QStringLiteral("groups"), row.groups},
                            {QStringLiteral("authorities"), row.authorities}});
        }
        printJson(ctx, array);
        return Success;
    }
    if (rows.empty()) {
        ctx.out << "No cycles yet. Add one with: balcony-cli cycle add NAME --from DATE --to DATE"
                << Qt::endl;
        return Success;
    }
    ctx.out << QStringLiteral("%1 %2 %3 %4 %5")
                   .arg(QStringLiteral("Cycle").leftJustified(12),
                        QStringLiteral("First day").leftJustified(11),
                        QStringLiteral("Last day").leftJustified(11),
                        QStringLiteral("Groups").leftJustified(7), QStringLiteral("Authorities"))
            << Qt::endl;
    for (const auto& row : rows) {
        ctx.out << QStringLiteral("%1 %2 %3 %4 %5")
                       .arg(row.cycle.name.leftJustified(12), dayText(row.cycle.firstDay).leftJustified(11),
                            dayText(row.cycle.lastDay).leftJustified(11),
                            QString::number(row.groups).leftJustified(7), QString::number(row.authorities))
                << Qt::endl;
    }
    return Success;
}

const Registrar demoCommand({{QStringLiteral("demo")},
                             {},
                             QStringLiteral("Fill a new, empty database with a made-up South East region."),
                             0,
                             {},
                             demo});

const Registrar cycleAddCommand({{QStringLiteral("cycle"), QStringLiteral("add")},
                                 QStringLiteral("NAME"),
                                 QStringLiteral("Add a cycle (e.g. 2023-2024) with its first and last day."),
                                 1,
                                 [](QCommandLineParser& p) {
                                     addCycleOptions(p);
                                     organiserOptions(p);
                                 },
                                 addCycle});

const Registrar
    cycleEditCommand({{QStringLiteral("cycle"), QStringLiteral("edit")},
                      QStringLiteral("NAME"),
                      QStringLiteral("Change a cycle's name, window, due days or invitation organiser."),
                      1,
                      editCycleOptions,
                      editCycle});

const Registrar cycleListCommand({{QStringLiteral("cycle"), QStringLiteral("list")},
                                  {},
                                  QStringLiteral("List the cycles with their windows and sizes."),
                                  0,
                                  [](QCommandLineParser& parser) { parser.addOption(jsonOption()); },
                                  listCycles});

} // namespace
} // namespace balcony::cli
