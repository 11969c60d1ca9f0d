#include "cli/cli.h"
#include "domain/roster_store.h"
#include "domain/schedule_store.h"
#include "domain/self_assessment_store.h"
#include "engine/clock.h"

#include <QJsonObject>
#include <QJsonValue>
#include <algorithm>
#include <map>

namespace balcony::cli {
namespace {

QCommandLineOption laOption() {
    return {QStringLiteral("la"), QStringLiteral("The local authority, by name (e.g. \"Isle of Wight\")."),
            QStringLiteral("LA")};
}

void addSetOptions(QCommandLineParser& parser) {
    parser.addOption(cycleOption());
    parser.addOption(laOption());
    parser.addOption({QStringLiteral("status"),
                      QStringLiteral("The new status: %1.").arg(saStatusKeys().join(QStringLiteral(", "))),
                      QStringLiteral("STATUS")});
    parser.addOption({QStringLiteral("date"),
                      QStringLiteral("The day it happened (YYYY-MM-DD or DD/MM/YYYY; default today)."),
                      QStringLiteral("DATE")});
    parser.addOption({QStringLiteral("file"),
                      QStringLiteral("The self-assessment document; its path and SHA-256 are recorded."),
                      QStringLiteral("PATH")});
}

int setStatus(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    const QString cycleName = required(ctx, parser, QStringLiteral("cycle"));
    if (cycleName.isEmpty()) {
        return BadInput;
    }
    const QString laName = required(ctx, parser, QStringLiteral("la"));
    if (laName.isEmpty()) {
        return BadInput;
    }
    const QString statusKey = required(ctx, parser, QStringLiteral("status"));
    if (statusKey.isEmpty()) {
        return BadInput;
    }
    const auto status = saStatusFromKey(statusKey.trimmed());
    if (!status) {
        return ctx.usage(QStringLiteral("\"%1\" is not a self-assessment status; use one of: %2.")
                             .arg(statusKey, saStatusKeys().join(QStringLiteral(", "))));
    }
    auto date = dayOption(parser, QStringLiteral("date"));
    if (!date) {
        return ctx.fail(date.error());
    }
    Database* db = ctx.database();
    if (!db) {
        return BadInput;
    }
    auto cycle = ScheduleStore(*db).cycleByName(cycleName);
    if (!cycle) {
        return ctx.fail(cycle.error());
    }
    auto authority = RosterStore(*db).authorityByName(laName);
    if (!authority) {
        return ctx.fail(authority.error());
    }
    SelfAssessmentStore store(*db);
    auto current = store.forCycle(cycle->id);
    if (!current) {
        return ctx.fail(current.error());
    }
    const bool inCycle = std::any_of(current->begin(), current->end(), [&](const SelfAssessment& sa) {
        return sa.authorityId == authority->id;
    });
    if (!inCycle) {
        return ctx.usage(
            QStringLiteral("%1 is in no group of cycle %2, so it has no self-assessment to track "
                           "there. Put it in a group first.")
                .arg(authority->name, cycle->name));
    }
    const QString file = parser.value(QStringLiteral("file"));
    if (auto saved = store.setStatus(cycle->id, authority->id, *status, *date, file); !saved) {
        return ctx.fail(saved.error());
    }
    const QDate when = date->isValid() ? *date : SystemClock().utcNow().toLocalTime().date();
    ctx.out << authority->name << ", " << cycle->name << ": " << toKey(*status);
    if (*status != SaStatus::NotStarted) {
        ctx.out << " on " << dayText(when);
    }
    ctx.out << Qt::endl;
    if (!file.isEmpty()) {
        auto after = store.forCycle(cycle->id);
        if (after) {
            for (const auto& sa : *after) {
                if (sa.authorityId == authority->id) {
                    ctx.out << "Document: " << sa.documentPath << " (SHA-256 " << sa.documentSha256 << ")"
                            << Qt::endl;
                }
            }
        }
    }
    return Success;
}

struct Row {
    QString authority;
    const Group* group = nullptr;
    SelfAssessment sa;
    QDate due;
    bool overdue = false;
};

QJsonValue jsonDay(const QDate& day) {
    return day.isValid() ? QJsonValue(day.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QJsonValue jsonText(const QString& text) {
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

void addListOptions(QCommandLineParser& parser) {
    parser.addOption(cycleOption());
    parser.addOption(jsonOption());
    parser.addOption({QStringLiteral("today"),
                      QStringLiteral("Judge what is overdue as of this day (default today)."),
                      QStringLiteral("DATE")});
}

int list(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    const QString cycleName = required(ctx, parser, QStringLiteral("cycle"));
    if (cycleName.isEmpty()) {
        return BadInput;
    }
    auto asOf = dayOption(parser, QStringLiteral("today"));
    if (!asOf) {
        return ctx.fail(asOf.error());
    }
    const QDate today = asOf->isValid() ? *asOf : SystemClock().utcNow().toLocalTime().date();
    Database* db = ctx.readDatabase();
    if (!db) {
        return BadInput;
    }
    ScheduleStore schedule(*db);
    auto cycle = schedule.cycleByName(cycleName);
    if (!cycle) {
        return ctx.fail(cycle.error());
    }
    auto loaded = schedule.load(cycle->id);
    if (!loaded) {
        return ctx.fail(loaded.error());
    }
    auto assessments = SelfAssessmentStore(*db).forCycle(cycle->id);
    if (!assessments) {
        return ctx.fail(assessments.error());
    }
    std::map<qint64, SelfAssessment> byAuthority;
    for (const auto& sa : *assessments) {
        byAuthority[sa.authorityId] = sa;
    }
    // Group by group, in presenting order: the order the project manager chases them in.
    std::vector<Row> rows;
    for (const auto& group : loaded->groups) {
        for (const auto& member : group.members) {
            Row row;
            row.authority = loaded->authorityName(member.authorityId);
            row.group = &group;
            row.sa = byAuthority[member.authorityId];
            row.due = selfAssessmentDue(loaded->cycle, group.date);
            row.overdue = row.sa.status != SaStatus::Distributed && row.due.isValid() && today > row.due;
            rows.push_back(row);
        }
    }

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const auto& row : rows) {
            array.append(QJsonObject{
                {QStringLiteral("authority"), row.authority},
                {QStringLiteral("group"), row.group->label},
                {QStringLiteral("group_date"), jsonDay(row.group->date)},
                {QStringLiteral("status"), toKey(row.sa.status)},
                {QStringLiteral("draft_received_on"), jsonDay(row.sa.draftReceivedOn)},
                {QStringLiteral("signed_off_dcs_on"), jsonDay(row.sa.signedOffByDcsOn)},
                {QStringLiteral("signed_off_cx_on"), jsonDay(row.sa.signedOffByChiefExecutiveOn)},
                {QStringLiteral("distributed_on"), jsonDay(row.sa.distributedOn)},
                {QStringLiteral("due_on"), jsonDay(row.due)},
                {QStringLiteral("overdue"), row.overdue},
                {QStringLiteral("document_path"), jsonText(row.sa.documentPath)},
                {QStringLiteral("document_sha256"), jsonText(row.sa.documentSha256)},
                {QStringLiteral("moderation"), toKey(row.sa.moderation)},
            });
        }
        printJson(ctx, array);
        return Success;
    }

    const auto line = [&](const QStringList& cells) {
        static const int widths[] = {24, 10, 16, 11, 11, 11, 12, 11};
        QString text;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            text += i < std::ssize(widths) ? cells[i].leftJustified(widths[i]) + u' ' : cells[i];
        }
        ctx.out << text.trimmed() << Qt::endl;
    };
    line({QStringLiteral("LA"), QStringLiteral("Group"), QStringLiteral("Status"), QStringLiteral("Draft"),
          QStringLiteral("DCS"), QStringLiteral("CX"), QStringLiteral("Distributed"), QStringLiteral("Due"),
          QStringLiteral("Overdue")});
    int overdue = 0;
    for (const auto& row : rows) {
        overdue += row.overdue ? 1 : 0;
        line({row.authority, row.group->label, toKey(row.sa.status), dayText(row.sa.draftReceivedOn),
              dayText(row.sa.signedOffByDcsOn), dayText(row.sa.signedOffByChiefExecutiveOn),
              dayText(row.sa.distributedOn), dayText(row.due),
              row.overdue ? QStringLiteral("OVERDUE") : QString()});
        if (!row.sa.documentPath.isEmpty()) {
            ctx.out << "    document " << row.sa.documentPath << " sha256 " << row.sa.documentSha256
                    << Qt::endl;
        }
    }
    ctx.out << Qt::endl
            << rows.size() << " self-assessments in " << cycle->name << ", " << overdue << " overdue as of "
            << dayText(today) << "." << Qt::endl;
    return Success;
}

const Registrar setCommand({{QStringLiteral("sa"), QStringLiteral("set")},
                            {},
                            QStringLiteral("Record where an LA's self-assessment has got to."),
                            0,
                            addSetOptions,
                            setStatus});

const Registrar
    listCommand({{QStringLiteral("sa"), QStringLiteral("list")},
                 {},
                 QStringLiteral("List a cycle's self-assessments with due dates and what is overdue."),
                 0,
                 addListOptions,
                 list});

} // namespace
} // namespace balcony::cli
