#include "cli/cli.h"
#include "domain/dates.h"
#include "domain/schedule_store.h"
#include "engine/catch_up.h"
#include "engine/clock.h"
#include "engine/day_engine.h"
#include "engine/day_plan_store.h"
#include "engine/group_day.h"
#include "engine/timetable_format.h"

#include <QJsonDocument>

// Day templates, timetables and the live run of a day (balcony-cli session ...).
namespace balcony::cli {
namespace {

QCommandLineOption groupOption() {
    return QCommandLineOption(QStringLiteral("group"), QStringLiteral("The group, by label (e.g. A)."),
                              QStringLiteral("LABEL"));
}

void addDayOptions(QCommandLineParser& parser) {
    parser.addOption(cycleOption());
    parser.addOption(groupOption());
}

// The group's day, or nullptr after printing why not.
// writes: false for a command that only reads, which then works on a read-only file.
std::optional<GroupDay> groupDay(Context& ctx, const QCommandLineParser& parser,
                                 std::optional<QTime> start = {}, bool writes = true) {
    const QString cycle = required(ctx, parser, QStringLiteral("cycle"));
    if (cycle.trimmed().isEmpty()) {
        return std::nullopt;
    }
    const QString group = required(ctx, parser, QStringLiteral("group"));
    if (group.trimmed().isEmpty()) {
        return std::nullopt;
    }
    Database* db = writes ? ctx.database() : ctx.readDatabase();
    if (!db) {
        return std::nullopt;
    }
    auto day = loadGroupDay(*db, cycle, group, start);
    if (!day) {
        ctx.fail(day.error());
        return std::nullopt;
    }
    return std::move(*day);
}

int timetable(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    std::optional<QTime> start;
    if (parser.isSet(QStringLiteral("start"))) {
        start = parseClockTime(parser.value(QStringLiteral("start")));
        if (!start->isValid()) {
            return ctx.usage(QStringLiteral("--start \"%1\" is not a clock time; write HH:MM, such as 09:30.")
                                 .arg(parser.value(QStringLiteral("start"))));
        }
    }
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QStringLiteral("text") && format != QStringLiteral("tsv") &&
        format != QStringLiteral("json")) {
        return ctx.usage(QStringLiteral("--format must be text, tsv or json (got \"%1\").").arg(format));
    }
    auto day = groupDay(ctx, parser, start, false);
    if (!day) {
        return BadInput;
    }
    const Timetable& t = day->plan.timetable;
    if (format == QStringLiteral("tsv")) {
        ctx.out << timetableTsv(t);
    } else if (format == QStringLiteral("json")) {
        ctx.out << QJsonDocument(timetableJson(t)).toJson(QJsonDocument::Indented);
    } else {
        ctx.out << QStringLiteral("Group %1 of %2, %3\n")
                       .arg(day->group.label, day->cycle.name, day->group.date.toString(Qt::ISODate))
                << timetableText(t);
    }
    return Success;
}

int importTemplate(Context& ctx, const QCommandLineParser&, const QStringList& positional) {
    Database* db = ctx.database();
    if (!db) {
        return BadInput;
    }
    const SystemClock clock;
    auto imported = DayPlanStore(*db).importTemplate(positional.first(), clock);
    if (!imported) {
        return ctx.fail(imported.error());
    }
    ctx.out << "Imported day template \"" << imported->id << "\" (" << imported->name << ", "
            << imported->blockCount() << " blocks)." << Qt::endl;
    return Success;
}

void printStatus(Context& ctx, const DayPlan& plan, const DayState& s) {
    const auto& block = plan.timetable.blocks[static_cast<size_t>(s.blockIndex)];
    const QString who = block.session >= 0 ? QStringLiteral(" (%1)").arg(block.presenter.name) : QString();
    QString status;
    switch (s.status) {
    case DayStatus::NotStarted:
        status = QStringLiteral("not started");
        break;
    case DayStatus::Running:
        status = QStringLiteral("running");
        break;
    case DayStatus::Paused:
        status = QStringLiteral("PAUSED");
        break;
    case DayStatus::Finished:
        status = QStringLiteral("finished");
        break;
    }
    ctx.out << "Block " << s.blockIndex << ": " << block.title << who << ", " << status << Qt::endl;
    if (s.status != DayStatus::Finished) {
        ctx.out << "  elapsed " << durationText(s.elapsedMs) << ", remaining "
                << durationText(s.remainingMs, true) << " of " << s.current().plannedMinutes << " min"
                << Qt::endl;
    }
    const QJsonObject json = dayStateJson(plan, s);
    if (s.status == DayStatus::NotStarted && !checkStartDate(plan, s.now)) {
        // Ahead or behind means nothing before the group's day: measured from today it would say
        // hours behind (or ahead) for a day that has not come yet, or has gone without a run.
        ctx.out << "  day: not started; the group meets on " << dayText(plan.date) << ", planned "
                << json.value(QLatin1String("planned_start")).toString() << " to "
                << json.value(QLatin1String("planned_end")).toString() << Qt::endl;
        return;
    }
    const QString drift = s.behindMs > 0   ? QStringLiteral("%1 behind").arg(durationText(s.behindMs))
                          : s.behindMs < 0 ? QStringLiteral("%1 ahead").arg(durationText(-s.behindMs))
                                           : QStringLiteral("on time");
    ctx.out << "  day: " << drift << "; ends " << json.value(QLatin1String("projected_end")).toString()
            << " (planned " << json.value(QLatin1String("planned_end")).toString() << ")" << Qt::endl;
    if (const TeamTurn* turn = s.currentTurn(); turn && s.status != DayStatus::Finished) {
        ctx.out << "  asking: " << turn->team.name << " (" << durationText(turn->askedMs)
                << " of an equal share of " << durationText(turn->shareMs) << ")" << Qt::endl;
    }
    const TalkSplit& talk = s.current().talk;
    if (talk.presentingMs + talk.visitingMs > 0) {
        ctx.out << "  talk: presenting team " << qRound(talk.presentingShare() * 100) << "%"
                << (talk.meetsGuidance() ? "" : " (below the 80% guidance)") << Qt::endl;
    }
}

// Opens the engine for the group, runs one command and prints the new state.
int runSession(Context& ctx, const QCommandLineParser& parser,
               const std::function<Result<DayState>(DayEngine&)>& command, bool writes = true) {
    auto day = groupDay(ctx, parser, {}, writes);
    if (!day) {
        return BadInput;
    }
    SystemClock clock;
    // readDatabase() hands back the database groupDay opened, for writing when writes is set.
    auto engine = DayEngine::open(*ctx.readDatabase(), clock, day->group.id, day->plan);
    if (!engine) {
        return ctx.fail(engine.error());
    }
    auto state = command(**engine);
    if (!state) {
        return ctx.fail(state.error());
    }
    if (parser.isSet(QStringLiteral("json"))) {
        ctx.out << QJsonDocument(dayStateJson(day->plan, *state)).toJson(QJsonDocument::Indented);
    } else {
        printStatus(ctx, day->plan, *state);
    }
    return Success;
}

Command sessionCommand(const QString& word, const QString& summary,
                       std::function<Result<DayState>(DayEngine&)> command, bool writes = true) {
    return {{QStringLiteral("session"), word},
            {},
            summary,
            0,
            [](QCommandLineParser& p) {
                addDayOptions(p);
                p.addOption(jsonOption());
            },
            [command, writes](Context& ctx, const QCommandLineParser& parser, const QStringList&) {
                return runSession(ctx, parser, command, writes);
            }};
}

// A whole number from the command line, or nullopt after printing a usage error.
std::optional<int> number(Context& ctx, const QString& text, const QString& what) {
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok) {
        ctx.usage(QStringLiteral("%1 must be a whole number (got \"%2\").").arg(what, text));
        return std::nullopt;
    }
    return value;
}

Command numberCommand(const QString& word, const QString& argument, const QString& summary, int sign,
                      std::function<Result<DayState>(DayEngine&, int)> command) {
    return {{QStringLiteral("session"), word},
            argument,
            summary,
            1,
            [](QCommandLineParser& p) {
                addDayOptions(p);
                p.addOption(jsonOption());
            },
            [command, argument, sign](Context& ctx, const QCommandLineParser& parser,
                                      const QStringList& positional) {
                const auto value = number(ctx, positional.first(), argument);
                if (!value) {
                    return int(BadInput);
                }
                return runSession(ctx, parser, [&](DayEngine& e) { return command(e, sign * *value); });
            }};
}

const Registrar timetableCommand(
    {{QStringLiteral("timetable")},
     {},
     QStringLiteral(
         "Print a group's planned day (--cycle, --group, [--start HH:MM], [--format text|tsv|json])."),
     0,
     [](QCommandLineParser& p) {
         addDayOptions(p);
         p.addOption({QStringLiteral("start"),
                      QStringLiteral("Show the day as if it started at this time; nothing is stored "
                                     "(\"group start\" stores a group's start)."),
                      QStringLiteral("HH:MM")});
         p.addOption({QStringLiteral("format"), QStringLiteral("text, tsv or json."),
                      QStringLiteral("FORMAT"), QStringLiteral("text")});
     },
     timetable});

// group start: the one place a group's start time is set from the command line.
int groupStart(Context& ctx, const QCommandLineParser& parser, const QStringList& positional) {
    const QString value = positional.first().trimmed();
    QTime start;
    if (value.compare(QStringLiteral("template"), Qt::CaseInsensitive) != 0) {
        start = parseClockTime(value);
        if (!start.isValid()) {
            return ctx.usage(
                QStringLiteral("\"%1\" is not a clock time; write HH:MM, such as 09:30, or \"template\" for "
                               "the day template's own start.")
                    .arg(value));
        }
    }
    auto day = groupDay(ctx, parser);
    if (!day) {
        return BadInput;
    }
    Database* db = ctx.database();
    Group changed = day->group;
    changed.start = start;
    ScheduleStore store(*db);
    auto schedule = store.load(day->cycle.id);
    if (!schedule) {
        return ctx.fail(schedule.error());
    }
    // Refused before anything is stored when the day would no longer fit (past midnight, a pin).
    auto timetable = plannedTimetable(*db, *schedule, changed);
    if (!timetable) {
        return ctx.fail(timetable.error());
    }
    if (auto saved = store.setGroupStart(changed.id, start); !saved) {
        return ctx.fail(saved.error());
    }
    ctx.out << "Group " << changed.label << " of " << day->cycle.name << " now runs "
            << clockText(timetable->startMinute()) << " to " << clockText(timetable->endMinute())
            << (start.isValid() ? QString() : QStringLiteral(" (the template's start)"))
            << "; export the invitations again to send the change." << Qt::endl;
    return Success;
}

const Registrar
    groupStartCommand({{QStringLiteral("group"), QStringLiteral("start")},
                       QStringLiteral("HH:MM|template"),
                       QStringLiteral("Store a group's own start time (or go back to its template's)."),
                       1,
                       addDayOptions,
                       groupStart});

const Registrar
    templateImportCommand({{QStringLiteral("template"), QStringLiteral("import")},
                           QStringLiteral("FILE"),
                           QStringLiteral("Check a day template (JSON) and store it for the region."),
                           1,
                           {},
                           importTemplate});

const QString notOnTheDay = QStringLiteral("not-on-the-day");

// The day's start, refused on another date than the group's unless --not-on-the-day confirms it.
const Registrar startCommand(
    {{QStringLiteral("session"), QStringLiteral("start")},
     {},
     QStringLiteral("Start a group's day (--not-on-the-day to start it on another date, e.g. a rehearsal)."),
     0,
     [](QCommandLineParser& p) {
         addDayOptions(p);
         p.addOption(jsonOption());
         p.addOption({notOnTheDay, QStringLiteral("Start even though today is not the group's day.")});
     },
     [](Context& ctx, const QCommandLineParser& parser, const QStringList&) {
         const bool confirmed = parser.isSet(notOnTheDay);
         return runSession(ctx, parser, [&](DayEngine& e) -> Result<DayState> {
             auto started =
                 e.start(confirmed ? DayEngine::OtherDate::Confirmed : DayEngine::OtherDate::Refuse);
             if (started) {
                 return started;
             }
             if (e.state().status != DayStatus::NotStarted) {
                 if (e.canDiscard()) {
                     // The usual way into this: a rehearsal left running or paused the evening before.
                     return failure(
                         started.error().kind,
                         QStringLiteral("%1 That run started %2; if it was a rehearsal or a false "
                                        "start, set it aside with session discard --yes and start "
                                        "again.")
                             .arg(started.message(), e.state()
                                                         .actualStart.toTimeZone(e.plan().zone)
                                                         .toString(QStringLiteral("yyyy-MM-dd 'at' HH:mm"))));
                 }
                 return started;
             }
             if (!confirmed && !checkStartDate(e.plan(), e.now())) {
                 return failure(
                     started.error().kind,
                     QStringLiteral("%1 Nothing was started. To start it anyway (a rehearsal, say), "
                                    "add --not-on-the-day; a run started by mistake can be set aside "
                                    "with session discard.")
                         .arg(started.message()));
             }
             return started;
         });
     }});

// Sets the current run aside; needs --yes, and without it says what would be discarded.
int discardRun(Context& ctx, const QCommandLineParser& parser) {
    auto day = groupDay(ctx, parser);
    if (!day) {
        return BadInput;
    }
    SystemClock clock;
    auto engine = DayEngine::open(*ctx.database(), clock, day->group.id, day->plan);
    if (!engine) {
        return ctx.fail(engine.error());
    }
    if (auto allowed = (*engine)->canDiscard(); !allowed) {
        return ctx.fail(allowed.error());
    }
    const DayState before = (*engine)->state();
    const auto& block = day->plan.timetable.blocks[static_cast<size_t>(before.blockIndex)];
    const QString run =
        QStringLiteral("the run of group %1's day that started %2 (now %3, %4)")
            .arg(day->group.label,
                 before.actualStart.toTimeZone(day->plan.zone)
                     .toString(QStringLiteral("yyyy-MM-dd 'at' HH:mm")),
                 toKey(before.status).replace(QLatin1Char('_'), QLatin1Char(' ')), block.title);
    if (!parser.isSet(QStringLiteral("yes"))) {
        return ctx.fail(failure(Error::Kind::InvalidInput,
                                QStringLiteral("This would discard %1. Nothing was changed; add --yes to "
                                               "discard it.")
                                    .arg(run)));
    }
    auto state = (*engine)->discard();
    if (!state) {
        return ctx.fail(state.error());
    }
    if (parser.isSet(QStringLiteral("json"))) {
        ctx.out << QJsonDocument(dayStateJson(day->plan, *state)).toJson(QJsonDocument::Indented);
    } else {
        ctx.out << QStringLiteral("Discarded %1. The day has not started; notes captured during it are kept.")
                       .arg(run)
                << Qt::endl;
    }
    return Success;
}

const Registrar
    discardCommand({{QStringLiteral("session"), QStringLiteral("discard")},
                    {},
                    QStringLiteral("Set aside a day's run started by mistake (a rehearsal); needs --yes."),
                    0,
                    [](QCommandLineParser& p) {
                        addDayOptions(p);
                        p.addOption(jsonOption());
                        p.addOption({QStringLiteral("yes"), QStringLiteral("Confirm the discard.")});
                    },
                    [](Context& ctx, const QCommandLineParser& parser, const QStringList&) {
                        return discardRun(ctx, parser);
                    }});
const Registrar pauseCommand(sessionCommand(QStringLiteral("pause"), QStringLiteral("Pause the day's clock."),
                                            [](DayEngine& e) { return e.pause(); }));
const Registrar resumeCommand(sessionCommand(QStringLiteral("resume"),
                                             QStringLiteral("Resume after a pause."),
                                             [](DayEngine& e) { return e.resume(); }));
const Registrar nextCommand(sessionCommand(QStringLiteral("next"), QStringLiteral("Move to the next block."),
                                           [](DayEngine& e) { return e.next(); }));
const Registrar backCommand(sessionCommand(QStringLiteral("back"),
                                           QStringLiteral("Go back to the previous block."),
                                           [](DayEngine& e) { return e.back(); }));
const Registrar finishCommand(sessionCommand(QStringLiteral("finish"), QStringLiteral("End the day."),
                                             [](DayEngine& e) { return e.finish(); }));
const Registrar turnCommand(sessionCommand(QStringLiteral("turn"),
                                           QStringLiteral("Hand the questions to the next visiting team."),
                                           [](DayEngine& e) { return e.nextTurn(); }));
const Registrar statusCommand(sessionCommand(
    QStringLiteral("status"), QStringLiteral("Show where the day is (--json for scripts)."),
    [](DayEngine& e) -> Result<DayState> { return e.state(); }, false));
const Registrar
    extendCommand(numberCommand(QStringLiteral("extend"), QStringLiteral("MINUTES"),
                                QStringLiteral("Give the current block more minutes (-- -5 shortens)."), 1,
                                [](DayEngine& e, int m) { return e.extend(m); }));
const Registrar shortenCommand(numberCommand(QStringLiteral("shorten"), QStringLiteral("MINUTES"),
                                             QStringLiteral("Take minutes off the current block."), -1,
                                             [](DayEngine& e, int m) { return e.extend(m); }));
const Registrar jumpCommand(numberCommand(QStringLiteral("jump"), QStringLiteral("INDEX"),
                                          QStringLiteral("Move to a block by its number in the timetable."),
                                          1, [](DayEngine& e, int index) { return e.jump(index); }));

const Registrar talkCommand(
    {{QStringLiteral("session"), QStringLiteral("talk")},
     QStringLiteral("WHO"),
     QStringLiteral("Tap who is talking now (presenting, visiting or nobody)."),
     1,
     [](QCommandLineParser& p) {
         addDayOptions(p);
         p.addOption(jsonOption());
     },
     [](Context& ctx, const QCommandLineParser& parser, const QStringList& positional) {
         const auto talker = talkerFromKey(positional.first());
         if (!talker) {
             return ctx.usage(
                 QStringLiteral("Say who is talking: presenting, visiting or nobody (got \"%1\").")
                     .arg(positional.first()));
         }
         return runSession(ctx, parser, [&](DayEngine& e) { return e.setTalker(*talker); });
     }});

// "We moved on two minutes ago": the current block really began earlier than the move was recorded.
int blockBegan(Context& ctx, const QCommandLineParser& parser) {
    const bool byMinutes = parser.isSet(QStringLiteral("earlier"));
    const bool byTime = parser.isSet(QStringLiteral("at"));
    if (byMinutes == byTime) {
        return ctx.usage(QStringLiteral("Say when the current block really began: --earlier MINUTES (than "
                                        "recorded) or --at HH:MM, one of the two."));
    }
    std::optional<int> minutes;
    QTime at;
    if (byMinutes) {
        minutes = number(ctx, parser.value(QStringLiteral("earlier")), QStringLiteral("--earlier"));
        if (!minutes) {
            return BadInput;
        }
    } else {
        at = parseClockTime(parser.value(QStringLiteral("at")));
        if (!at.isValid()) {
            return ctx.usage(QStringLiteral("--at \"%1\" is not a clock time; write HH:MM, such as 10:42.")
                                 .arg(parser.value(QStringLiteral("at"))));
        }
    }
    return runSession(ctx, parser, [&](DayEngine& e) {
        if (minutes) {
            return e.blockBeganEarlier(*minutes);
        }
        // HH:MM on today's date where the day's clock times are read.
        const QDate today = e.now().toTimeZone(e.plan().zone).date();
        return e.blockBeganAt(QDateTime(today, at, e.plan().zone).toUTC());
    });
}

const Registrar blockBeganCommand(
    {{QStringLiteral("session"), QStringLiteral("began")},
     {},
     QStringLiteral("Record that the current block really began earlier (--earlier MINUTES or --at HH:MM)."),
     0,
     [](QCommandLineParser& p) {
         addDayOptions(p);
         p.addOption(jsonOption());
         p.addOption({QStringLiteral("earlier"),
                      QStringLiteral("Minutes earlier than the block's start as recorded."),
                      QStringLiteral("MINUTES")});
         p.addOption({QStringLiteral("at"), QStringLiteral("The clock time the block really began."),
                      QStringLiteral("HH:MM")});
     },
     [](Context& ctx, const QCommandLineParser& parser, const QStringList&) {
         return blockBegan(ctx, parser);
     }});

const Registrar
    catchUpCommand({{QStringLiteral("session"), QStringLiteral("catch-up")},
                    {},
                    QStringLiteral("Propose how to win back lost time; --accept records the proposal."),
                    0,
                    [](QCommandLineParser& p) {
                        addDayOptions(p);
                        p.addOption({QStringLiteral("accept"),
                                     QStringLiteral("Apply the proposal to the remaining blocks.")});
                    },
                    [](Context& ctx, const QCommandLineParser& parser, const QStringList&) {
                        // Without --accept it only proposes, so it works on a read-only file too.
                        auto day = groupDay(ctx, parser, {}, parser.isSet(QStringLiteral("accept")));
                        if (!day) {
                            return int(BadInput);
                        }
                        SystemClock clock;
                        auto engine = DayEngine::open(*ctx.readDatabase(), clock, day->group.id, day->plan);
                        if (!engine) {
                            return ctx.fail(engine.error());
                        }
                        const CatchUpProposal proposal = (*engine)->proposeCatchUp();
                        if (proposal.isEmpty()) {
                            ctx.out << "Nothing to catch up: the day is on time, or within the "
                                    << CatchUpPolicy{}.thresholdMinutes << "-minute threshold." << Qt::endl;
                            return int(Success);
                        }
                        const auto& blocks = day->plan.timetable.blocks;
                        for (const auto& c : proposal.changes) {
                            ctx.out << "  " << c.block << "  " << blocks[static_cast<size_t>(c.block)].title
                                    << ": " << c.fromMinutes << " -> " << c.toMinutes << " min" << Qt::endl;
                        }
                        ctx.out << "Wins back " << proposal.recoveredMinutes << " min";
                        if (proposal.unrecoveredMinutes > 0) {
                            ctx.out << "; " << proposal.unrecoveredMinutes
                                    << " min cannot be won back within the limits";
                        }
                        ctx.out << "." << Qt::endl;
                        if (!parser.isSet(QStringLiteral("accept"))) {
                            ctx.out << "Run again with --accept to apply it." << Qt::endl;
                            return int(Success);
                        }
                        auto accepted = (*engine)->acceptCatchUp(proposal);
                        if (!accepted) {
                            return ctx.fail(accepted.error());
                        }
                        ctx.out << "Accepted." << Qt::endl;
                        return int(Success);
                    }});

} // namespace
} // namespace balcony::cli
