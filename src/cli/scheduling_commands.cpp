#include "cli/cli.h"
#include "domain/schedule_store.h"
#include "engine/clock.h"
#include "scheduling/lead_reviewer_service.h"
#include "scheduling/schedule_check.h"

#include <QJsonArray>
#include <QJsonObject>

namespace balcony::cli {
namespace {

// Scripts that pass no seed still get the same plan on every run.
constexpr quint64 defaultSeed = 1;

QString subjectKey(Problem::Subject subject) {
    switch (subject) {
    case Problem::Subject::Cycle:
        return QStringLiteral("cycle");
    case Problem::Subject::Group:
        return QStringLiteral("group");
    case Problem::Subject::Authority:
        return QStringLiteral("authority");
    case Problem::Subject::Person:
        return QStringLiteral("person");
    case Problem::Subject::File:
        return QStringLiteral("file");
    }
    return {};
}

QString where(const QString& groupLabel) {
    return groupLabel.isEmpty() ? QStringLiteral("cycle") : QStringLiteral("group ") + groupLabel;
}

void addCheckOptions(QCommandLineParser& parser) {
    parser.addOption(cycleOption());
    parser.addOption({QStringLiteral("today"),
                      QStringLiteral("Judge overdue self-assessments as of this day (default today)."),
                      QStringLiteral("YYYY-MM-DD")});
    parser.addOption(jsonOption());
}

int check(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    const QString cycleName = required(ctx, parser, QStringLiteral("cycle"));
    if (cycleName.isEmpty()) {
        return BadInput;
    }
    auto today = dayOption(parser, QStringLiteral("today"));
    if (!today) {
        return ctx.fail(today.error());
    }
    Database* db = ctx.readDatabase();
    if (!db) {
        return BadInput;
    }
    ScheduleStore store(*db);
    auto cycle = store.cycleByName(cycleName);
    if (!cycle) {
        return ctx.fail(cycle.error());
    }
    auto schedule = store.load(cycle->id);
    if (!schedule) {
        return ctx.fail(schedule.error());
    }
    const Problems problems =
        checkSchedule(*schedule, today->isValid() ? *today : SystemClock().utcNow().toLocalTime().date());

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray rows;
        for (const auto& p : problems) {
            rows.append(QJsonObject{
                {QStringLiteral("severity"), severityName(p.severity)},
                {QStringLiteral("group"), p.groupLabel.isEmpty() ? QJsonValue() : QJsonValue(p.groupLabel)},
                {QStringLiteral("subject"), subjectKey(p.subject)},
                {QStringLiteral("subject_id"), p.subjectId},
                {QStringLiteral("message"), p.message},
            });
        }
        printJson(ctx, rows);
    } else {
        for (const auto& p : problems) {
            ctx.out << severityName(p.severity) << '\t' << where(p.groupLabel) << '\t' << p.message
                    << Qt::endl;
        }
    }
    return hasErrors(problems) ? CheckFoundErrors : Success;
}

void addAssignOptions(QCommandLineParser& parser) {
    parser.addOption(cycleOption());
    parser.addOption({QStringLiteral("seed"),
                      QStringLiteral("Breaks ties between equally good rings; the same seed gives the same "
                                     "result (default %1).")
                          .arg(defaultSeed),
                      QStringLiteral("N")});
    parser.addOption(jsonOption());
}

QString outcomeKey(GroupPlan::Outcome outcome) {
    switch (outcome) {
    case GroupPlan::Outcome::AlreadyAssigned:
        return QStringLiteral("already_assigned");
    case GroupPlan::Outcome::Filled:
        return QStringLiteral("filled");
    case GroupPlan::Outcome::NotFilled:
        return QStringLiteral("not_filled");
    }
    return {};
}

int assign(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    const QString cycleName = required(ctx, parser, QStringLiteral("cycle"));
    if (cycleName.isEmpty()) {
        return BadInput;
    }
    quint64 seed = defaultSeed;
    if (parser.isSet(QStringLiteral("seed"))) {
        bool ok = false;
        seed = parser.value(QStringLiteral("seed")).trimmed().toULongLong(&ok);
        if (!ok) {
            return ctx.usage(QStringLiteral("--seed \"%1\" is not a whole number of 0 or more.")
                                 .arg(parser.value(QStringLiteral("seed"))));
        }
    }
    Database* db = ctx.database();
    if (!db) {
        return BadInput;
    }
    ScheduleStore store(*db);
    auto cycle = store.cycleByName(cycleName);
    if (!cycle) {
        return ctx.fail(cycle.error());
    }
    auto schedule = store.load(cycle->id);
    if (!schedule) {
        return ctx.fail(schedule.error());
    }
    auto plan = LeadReviewerService(*db).assign(cycle->id, seed);
    if (!plan) {
        return ctx.fail(plan.error());
    }

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray rows;
        for (const auto& g : plan->groups) {
            QJsonArray added;
            for (const auto& a : g.added) {
                added.append(
                    QJsonObject{{QStringLiteral("reviewer"), schedule->authorityName(a.reviewerId)},
                                {QStringLiteral("reviewee"), schedule->authorityName(a.revieweeId)}});
            }
            rows.append(QJsonObject{
                {QStringLiteral("group"), g.label},
                {QStringLiteral("outcome"), outcomeKey(g.outcome)},
                {QStringLiteral("added"), added},
                {QStringLiteral("repeats_of_previous_cycle"), g.repeats},
                {QStringLiteral("reason"), g.reason.isEmpty() ? QJsonValue() : QJsonValue(g.reason)},
            });
        }
        printJson(ctx, rows);
    } else {
        for (const auto& g : plan->groups) {
            for (const auto& a : g.added) {
                ctx.out << "group " << g.label << ": " << schedule->authorityName(a.reviewerId) << " reviews "
                        << schedule->authorityName(a.revieweeId) << Qt::endl;
            }
            if (g.outcome == GroupPlan::Outcome::NotFilled) {
                ctx.out << "group " << g.label << ": not filled: " << g.reason << Qt::endl;
            }
        }
    }
    return plan->complete() ? Success : CheckFoundErrors;
}

const Registrar checkCommand({{QStringLiteral("check")},
                              {},
                              QStringLiteral("List the errors and warnings of a cycle's schedule."),
                              0,
                              addCheckOptions,
                              check});

const Registrar assignCommand({{QStringLiteral("assign")},
                               {},
                               QStringLiteral("Fill in missing lead reviewers: one ring per group."),
                               0,
                               addAssignOptions,
                               assign});

} // namespace
} // namespace balcony::cli
