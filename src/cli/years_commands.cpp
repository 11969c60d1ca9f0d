#include "cli/cli.h"
#include "domain/roster_store.h"
#include "domain/schedule_store.h"
#include "outcomes/authority_years.h"

#include <QJsonArray>
#include <QJsonObject>

// outcomes years: an LA's strengths and areas for development over its last three cycles
// (docs/guide-outcomes.md, "Over the years"). The reading is the core's (outcomes/authority_years.h);
// this file only reads options and prints.
namespace balcony::cli {
namespace {

using namespace balcony::outcomes;

QString sessionLine(const AuthorityYear& year) {
    if (!year.hadSession()) {
        return QStringLiteral("no session in this cycle");
    }
    const QString note =
        year.noteStatus
            ? (year.noteAgreed()
                   ? QStringLiteral("note %1").arg(toKey(*year.noteStatus))
                   : QStringLiteral("note %1, not agreed: its themes wait").arg(toKey(*year.noteStatus)))
            : QStringLiteral("no session note");
    return QStringLiteral("group %1, %2; %3")
        .arg(year.groupLabel, year.groupDate.toString(QStringLiteral("d MMMM yyyy")), note);
}

int showYears(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    const QString laName = required(ctx, parser, QStringLiteral("la"));
    if (laName.trimmed().isEmpty()) {
        return BadInput;
    }
    Database* db = ctx.readDatabase();
    if (!db) {
        return BadInput;
    }
    auto la = RosterStore(*db).authorityByName(laName);
    if (!la) {
        return ctx.fail(la.error());
    }
    qint64 cycleId = 0;
    if (parser.isSet(QStringLiteral("cycle"))) {
        auto cycle = ScheduleStore(*db).cycleByName(parser.value(QStringLiteral("cycle")).trimmed());
        if (!cycle) {
            return ctx.fail(cycle.error());
        }
        cycleId = cycle->id;
    }
    auto years = authorityYears(*db, la->id, cycleId);
    if (!years) {
        return ctx.fail(years.error());
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray rows;
        for (const auto& year : years->years) {
            QJsonArray areas;
            for (const auto& area : year.areas) {
                areas.append(QJsonObject{{QStringLiteral("theme"), area.title},
                                         {QStringLiteral("recurring"), area.recurring}});
            }
            rows.append(QJsonObject{
                {QStringLiteral("la"), years->authorityName},
                {QStringLiteral("cycle"), year.cycleName},
                {QStringLiteral("session"), year.hadSession()},
                {QStringLiteral("group"), year.hadSession() ? QJsonValue(year.groupLabel) : QJsonValue()},
                {QStringLiteral("date"),
                 year.hadSession() ? QJsonValue(year.groupDate.toString(Qt::ISODate)) : QJsonValue()},
                {QStringLiteral("note_status"),
                 year.noteStatus ? QJsonValue(toKey(*year.noteStatus)) : QJsonValue()},
                {QStringLiteral("strengths"), QJsonArray::fromStringList(year.strengths)},
                {QStringLiteral("areas"), areas}});
        }
        printJson(ctx, rows);
        return Success;
    }
    ctx.out << years->authorityName << " over the years, up to " << years->years.back().cycleName << Qt::endl;
    for (const auto& year : years->years) {
        ctx.out << Qt::endl << year.cycleName << "  (" << sessionLine(year) << ")" << Qt::endl;
        if (!year.hadSession()) {
            continue;
        }
        ctx.out << "  Strengths:" << Qt::endl;
        if (year.strengths.isEmpty()) {
            ctx.out << "    none recorded" << Qt::endl;
        }
        for (const QString& s : year.strengths) {
            ctx.out << "    - " << QString(s).replace(u'\n', QStringLiteral("\n      ")) << Qt::endl;
        }
        ctx.out << "  Areas for development:" << Qt::endl;
        if (year.areas.empty()) {
            const char* why = year.noteAgreed() ? "none recorded"
                              : year.noteStatus ? "none until the note is agreed"
                                                : "none: there is no session note";
            ctx.out << "    " << why << Qt::endl;
        }
        for (const auto& area : year.areas) {
            ctx.out << "    - " << area.title
                    << (area.recurring ? "  (recurring: raised the year before too)" : "") << Qt::endl;
        }
    }
    const QStringList recurring = years->years.back().recurringThemes();
    if (!recurring.isEmpty()) {
        ctx.out << Qt::endl
                << "Raised in " << years->years.back().cycleName
                << " and the year before: " << recurring.join(QStringLiteral(", ")) << Qt::endl;
    }
    return Success;
}

const Registrar outcomesYears(
    {{QStringLiteral("outcomes"), QStringLiteral("years")},
     {},
     QStringLiteral("Show an LA's strengths and areas for development over its last three cycles."),
     0,
     [](QCommandLineParser& parser) {
         parser.addOption({QStringLiteral("la"), QStringLiteral("The LA."), QStringLiteral("LA")});
         parser.addOption({QStringLiteral("cycle"),
                           QStringLiteral("The latest cycle to show (default: the LA's latest session)."),
                           QStringLiteral("NAME")});
         parser.addOption(jsonOption());
     },
     showYears});

} // namespace
} // namespace balcony::cli
