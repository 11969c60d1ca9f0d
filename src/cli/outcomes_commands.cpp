#include "cli/cli.h"
#include "domain/roster_store.h"
#include "domain/schedule_store.h"
#include "engine/clock.h"
#include "interchange/file_io.h"
#include "outcomes/action_plan.h"
#include "outcomes/asks_offers.h"
#include "outcomes/matching.h"
#include "outcomes/outcomes_export.h"
#include "outcomes/priorities.h"
#include "outcomes/support_menu.h"
#include "store/transaction.h"

#include <QJsonArray>
#include <QJsonObject>

// outcomes list|match|export, actions list|set, priorities: what a cycle's days lead to
// (docs/guide-outcomes.md). Every operation is the core's (src/core/outcomes); this file only reads
// options and prints.
namespace balcony::cli {
namespace {

using namespace balcony::outcomes;

const QString kindsHelp = QStringLiteral("ask|offer|action|priority");

QString indented(const QString& text) {
    return QString(text).replace(u'\n', QStringLiteral("\n    "));
}

QJsonValue jsonDay(const QDate& day) {
    return day.isValid() ? QJsonValue(day.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

// The cycle named by --cycle; prints the error and returns nullopt when there is none.
std::optional<Cycle> cycleFrom(Context& ctx, Database& db, const QCommandLineParser& parser, int& exitCode) {
    auto cycle = ScheduleStore(db).cycleByName(parser.value(QStringLiteral("cycle")).trimmed());
    if (!cycle) {
        exitCode = ctx.fail(cycle.error());
        return std::nullopt;
    }
    return *cycle;
}

// The LA named by an option, or 0 when the option is not set; -1 after printing the error.
qint64 authorityFrom(Context& ctx, Database& db, const QCommandLineParser& parser, const QString& option) {
    if (!parser.isSet(option)) {
        return 0;
    }
    auto la = RosterStore(db).authorityByName(parser.value(option));
    if (!la) {
        ctx.fail(la.error());
        return -1;
    }
    return la->id;
}

QJsonObject jsonItem(const AskOffer& item) {
    return QJsonObject{{QStringLiteral("kind"), toKey(item.kind)},
                       {QStringLiteral("id"), item.itemId},
                       {QStringLiteral("la"), item.authorityName},
                       {QStringLiteral("group"), item.groupLabel},
                       {QStringLiteral("theme"), item.theme},
                       {QStringLiteral("status"), toKey(item.status)},
                       {QStringLiteral("support"), item.supportKind},
                       {QStringLiteral("version"), item.rowVersion},
                       {QStringLiteral("text"), item.text}};
}

QJsonObject jsonAction(const PlanAction& a, bool carried = false) {
    QJsonObject o{
        {QStringLiteral("kind"), QStringLiteral("action")},
        {QStringLiteral("id"), a.id},
        {QStringLiteral("cycle"), a.cycleName},
        {QStringLiteral("la"), a.authorityName},
        {QStringLiteral("owner"), a.owner},
        {QStringLiteral("due"), jsonDay(a.due)},
        {QStringLiteral("status"), toKey(a.status)},
        {QStringLiteral("overdue"), a.overdue},
        {QStringLiteral("rag"), a.rating ? QJsonValue(toKey(a.rating->rag)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("rag_reason"), a.rating ? a.rating->reason : QString()},
        {QStringLiteral("version"), a.rowVersion},
        {QStringLiteral("text"), a.text}};
    if (carried) {
        o.insert(QStringLiteral("carried"), true);
    }
    return o;
}

QJsonObject jsonPriority(const MergedPriority& p) {
    QJsonArray members;
    for (const auto& m : p.members) {
        members.append(QJsonObject{{QStringLiteral("id"), m.id},
                                   {QStringLiteral("group"), m.groupLabel},
                                   {QStringLiteral("rank"), m.rank},
                                   {QStringLiteral("version"), m.rowVersion},
                                   {QStringLiteral("list_version"), m.listVersion},
                                   {QStringLiteral("text"), m.text}});
    }
    return QJsonObject{{QStringLiteral("kind"), QStringLiteral("priority")},
                       {QStringLiteral("position"), p.position},
                       {QStringLiteral("text"), p.text},
                       {QStringLiteral("groups"), QJsonArray::fromStringList(p.groups)},
                       {QStringLiteral("score"), p.score},
                       {QStringLiteral("members"), members}};
}

void printItem(Context& ctx, const AskOffer& item) {
    QStringList details{QStringLiteral("group ") + item.groupLabel};
    if (!item.theme.isEmpty()) {
        details << QStringLiteral("theme: ") + item.theme;
    }
    details << toKey(item.status);
    if (!item.supportKind.isEmpty()) {
        details << QStringLiteral("help: ") + item.supportKind;
    }
    ctx.out << toKey(item.kind) << " #" << item.itemId << "  " << item.authorityName << "  ("
            << details.join(QStringLiteral(", ")) << ")\n    " << indented(item.text) << Qt::endl;
}

void printAction(Context& ctx, const PlanAction& a, bool carried = false) {
    QStringList details{a.rating ? toKey(a.rating->rag).toUpper() : QStringLiteral("unrated")};
    if (a.due.isValid()) {
        details << QStringLiteral("due ") + dayText(a.due) +
                       (a.overdue ? QStringLiteral(" (overdue)") : QString());
    }
    if (!a.owner.isEmpty()) {
        details << QStringLiteral("owner: ") + a.owner;
    }
    details << toKey(a.status);
    if (carried) {
        details << QStringLiteral("carried from ") + a.cycleName;
    }
    ctx.out << "action #" << a.id << "  " << a.authorityName << "  (" << details.join(QStringLiteral(", "))
            << ")\n    " << indented(a.text) << Qt::endl;
    if (a.rating) {
        ctx.out << "    why " << toKey(a.rating->rag) << ": " << indented(a.rating->reason) << Qt::endl;
    }
}

void printPriority(Context& ctx, const MergedPriority& p) {
    ctx.out << p.position << ". " << p.text << "  (" << counted(p.groups.size(), "group", "groups") << ": "
            << p.groups.join(QStringLiteral(", ")) << "; score " << QString::number(p.score, 'f', 2) << ")"
            << Qt::endl;
    for (const auto& m : p.members) {
        ctx.out << "    group " << m.groupLabel << " #" << m.rank << ": " << m.text << "  [" << m.id << "]"
                << Qt::endl;
    }
}

// --based-on as a version (0 or more); prints a usage error and returns false when it is not one.
bool basedOnFrom(Context& ctx, const QCommandLineParser& parser, const QString& where,
                 std::optional<int>& basedOn) {
    if (!parser.isSet(QStringLiteral("based-on"))) {
        return true;
    }
    bool ok = false;
    const int version = parser.value(QStringLiteral("based-on")).trimmed().toInt(&ok);
    if (!ok || version < 0) {
        ctx.usage(QStringLiteral("--based-on %1 is not a version (%2 gives it). Nothing was changed.")
                      .arg(parser.value(QStringLiteral("based-on")), where));
        return false;
    }
    basedOn = version;
    return true;
}

void addCycleAndJson(QCommandLineParser& parser) {
    parser.addOption(cycleOption());
    parser.addOption(jsonOption());
}

int listOutcomes(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    if (required(ctx, parser, QStringLiteral("cycle")).trimmed().isEmpty()) {
        return BadInput;
    }
    const QString kind = parser.value(QStringLiteral("kind")).trimmed().toLower();
    if (parser.isSet(QStringLiteral("kind")) && !kindsHelp.split(u'|').contains(kind)) {
        return ctx.usage(QStringLiteral("--kind %1 is not a kind of outcome; use one of %2.")
                             .arg(parser.value(QStringLiteral("kind")), kindsHelp));
    }
    RegisterFilter filter;
    if (parser.isSet(QStringLiteral("status"))) {
        filter.status = askOfferStatusFromKey(parser.value(QStringLiteral("status")).trimmed().toLower());
        if (!filter.status) {
            return ctx.usage(
                QStringLiteral("--status %1 is not a status of an ask or offer; use open, matched or closed.")
                    .arg(parser.value(QStringLiteral("status"))));
        }
    }
    filter.theme = parser.value(QStringLiteral("theme"));
    Database* db = ctx.readDatabase();
    if (!db) {
        return BadInput;
    }
    int exitCode = Success;
    const auto cycle = cycleFrom(ctx, *db, parser, exitCode);
    if (!cycle) {
        return exitCode;
    }
    filter.authorityId = authorityFrom(ctx, *db, parser, QStringLiteral("la"));
    if (filter.authorityId < 0) {
        return BadInput;
    }
    if (parser.isSet(QStringLiteral("group"))) {
        auto groups = ScheduleStore(*db).groups(cycle->id);
        if (!groups) {
            return ctx.fail(groups.error());
        }
        for (const auto& g : *groups) {
            if (g.label.compare(parser.value(QStringLiteral("group")).trimmed(), Qt::CaseInsensitive) == 0) {
                filter.groupId = g.id;
            }
        }
        if (filter.groupId == 0) {
            return ctx.fail(
                failure(Error::Kind::NotFound, QStringLiteral("The cycle %1 has no group \"%2\".")
                                                   .arg(cycle->name, parser.value(QStringLiteral("group")))));
        }
    }
    const bool wantsItems = kind.isEmpty() || kind == u"ask" || kind == u"offer";
    const bool wantsActions = kind.isEmpty() || kind == u"action";
    const bool wantsPriorities = kind.isEmpty() || kind == u"priority";
    const SystemClock clock;
    if (kind == u"ask") {
        filter.kind = NoteKind::Ask;
    } else if (kind == u"offer") {
        filter.kind = NoteKind::Offer;
    }
    std::vector<AskOffer> items;
    std::vector<PlanAction> actions;
    std::vector<MergedPriority> priorities;
    if (wantsItems) {
        auto listed = AskOfferRegister(*db, clock).list(cycle->id, filter);
        if (!listed) {
            return ctx.fail(listed.error());
        }
        items = std::move(*listed);
    }
    if (wantsActions) {
        auto listed = ActionPlanStore(*db, clock).list(cycle->id, filter.authorityId);
        if (!listed) {
            return ctx.fail(listed.error());
        }
        actions = std::move(*listed);
    }
    // Priorities belong to groups, not LAs: an LA filter leaves them out unless asked for by kind.
    if (wantsPriorities && (filter.authorityId == 0 || kind == u"priority")) {
        auto merged = PriorityStore(*db).merged(cycle->id);
        if (!merged) {
            return ctx.fail(merged.error());
        }
        priorities = std::move(*merged);
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray rows;
        for (const auto& item : items) {
            rows.append(jsonItem(item));
        }
        for (const auto& a : actions) {
            rows.append(jsonAction(a));
        }
        for (const auto& p : priorities) {
            rows.append(jsonPriority(p));
        }
        printJson(ctx, rows);
        return Success;
    }
    if (items.empty() && actions.empty() && priorities.empty()) {
        ctx.out << "No outcomes yet for " << cycle->name << "." << Qt::endl;
        return Success;
    }
    for (const auto& item : items) {
        printItem(ctx, item);
    }
    for (const auto& a : actions) {
        printAction(ctx, a);
    }
    for (const auto& p : priorities) {
        printPriority(ctx, p);
    }
    return Success;
}

int matchOutcomes(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    if (required(ctx, parser, QStringLiteral("cycle")).trimmed().isEmpty()) {
        return BadInput;
    }
    Database* db = ctx.readDatabase();
    if (!db) {
        return BadInput;
    }
    int exitCode = Success;
    const auto cycle = cycleFrom(ctx, *db, parser, exitCode);
    if (!cycle) {
        return exitCode;
    }
    const SystemClock clock;
    MatchStore matches(*db, clock);
    auto suggestions = matches.suggestions(cycle->id);
    if (!suggestions) {
        return ctx.fail(suggestions.error());
    }
    auto followUps = matches.followUps(cycle->id);
    if (!followUps) {
        return ctx.fail(followUps.error());
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray rows;
        for (const auto& s : *suggestions) {
            rows.append(
                QJsonObject{{QStringLiteral("kind"), QStringLiteral("suggestion")},
                            {QStringLiteral("score"), s.score},
                            {QStringLiteral("reason"), s.reason()},
                            {QStringLiteral("same_theme"), s.sameTheme},
                            {QStringLiteral("shared_words"), QJsonArray::fromStringList(s.sharedWords)},
                            {QStringLiteral("ask"), jsonItem(s.ask)},
                            {QStringLiteral("offer"), jsonItem(s.offer)}});
        }
        for (const auto& f : *followUps) {
            rows.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("follow-up")},
                                    {QStringLiteral("id"), f.id},
                                    {QStringLiteral("ask_id"), f.askItemId},
                                    {QStringLiteral("offer_id"), f.offerItemId},
                                    {QStringLiteral("asking"), f.askingAuthority},
                                    {QStringLiteral("offering"), f.offeringAuthority},
                                    {QStringLiteral("owner"), f.owner},
                                    {QStringLiteral("due"), jsonDay(f.due)},
                                    {QStringLiteral("status"), toKey(f.status)}});
        }
        printJson(ctx, rows);
        return Success;
    }
    if (suggestions->empty()) {
        ctx.out << "No suggested matches for " << cycle->name << "." << Qt::endl;
    }
    for (const auto& s : *suggestions) {
        ctx.out << QString::number(s.score, 'f', 2) << "  ask #" << s.ask.itemId << " " << s.ask.authorityName
                << " <- offer #" << s.offer.itemId << " " << s.offer.authorityName << "  (" << s.reason()
                << ")\n"
                << "    ask: " << indented(s.ask.text) << "\n    offer: " << indented(s.offer.text)
                << Qt::endl;
    }
    for (const auto& f : *followUps) {
        ctx.out << "follow-up #" << f.id << "  " << f.askingAuthority << " <- " << f.offeringAuthority
                << "  (owner: " << f.owner << ", due " << dayText(f.due) << ", " << toKey(f.status) << ")"
                << Qt::endl;
    }
    return Success;
}

int exportOutcomes(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    if (required(ctx, parser, QStringLiteral("cycle")).trimmed().isEmpty() ||
        required(ctx, parser, QStringLiteral("out")).trimmed().isEmpty()) {
        return BadInput;
    }
    Database* db = ctx.readDatabase();
    if (!db) {
        return BadInput;
    }
    int exitCode = Success;
    const auto cycle = cycleFrom(ctx, *db, parser, exitCode);
    if (!cycle) {
        return exitCode;
    }
    const SystemClock clock;
    auto rows = exportOutcomesFile(*db, clock, cycle->id, parser.value(QStringLiteral("out")));
    if (!rows) {
        return ctx.fail(rows.error());
    }
    ctx.out << "Wrote " << counted(*rows, "row", "rows") << " to " << parser.value(QStringLiteral("out"))
            << "." << Qt::endl;
    return Success;
}

int listActions(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    if (required(ctx, parser, QStringLiteral("cycle")).trimmed().isEmpty()) {
        return BadInput;
    }
    if (parser.isSet(QStringLiteral("la")) && parser.isSet(QStringLiteral("reviewer"))) {
        return ctx.usage(QStringLiteral("Give --la or --reviewer, not both."));
    }
    Database* db = ctx.readDatabase();
    if (!db) {
        return BadInput;
    }
    int exitCode = Success;
    const auto cycle = cycleFrom(ctx, *db, parser, exitCode);
    if (!cycle) {
        return exitCode;
    }
    const qint64 la = authorityFrom(ctx, *db, parser, QStringLiteral("la"));
    const qint64 reviewer = authorityFrom(ctx, *db, parser, QStringLiteral("reviewer"));
    if (la < 0 || reviewer < 0) {
        return BadInput;
    }
    const SystemClock clock;
    ActionPlanStore plans(*db, clock);
    auto actions = reviewer ? plans.forLeadReviewer(cycle->id, reviewer) : plans.list(cycle->id, la);
    if (!actions) {
        return ctx.fail(actions.error());
    }
    std::vector<PlanAction> carried;
    if (la) {
        auto earlier = plans.carriedInto(cycle->id, la);
        if (!earlier) {
            return ctx.fail(earlier.error());
        }
        carried = std::move(*earlier);
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray rows;
        for (const auto& a : *actions) {
            rows.append(jsonAction(a));
        }
        for (const auto& a : carried) {
            rows.append(jsonAction(a, true));
        }
        printJson(ctx, rows);
        return Success;
    }
    if (actions->empty() && carried.empty()) {
        ctx.out << "No actions yet for " << cycle->name << "." << Qt::endl;
        return Success;
    }
    for (const auto& a : *actions) {
        printAction(ctx, a);
    }
    for (const auto& a : carried) {
        printAction(ctx, a, true);
    }
    return Success;
}

int setAction(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    // Everything is checked before the database is opened, so a refusal changes nothing.
    bool ok = false;
    const qint64 id = parser.value(QStringLiteral("id")).toLongLong(&ok);
    if (!ok || id <= 0) {
        return ctx.usage(QStringLiteral("--id needs an action number (see actions list)."));
    }
    std::optional<Rag> rag;
    if (parser.isSet(QStringLiteral("rag"))) {
        rag = ragFromKey(parser.value(QStringLiteral("rag")).trimmed().toLower());
        if (!rag) {
            return ctx.usage(
                QStringLiteral("--rag %1 is not a RAG rating; use red, amber or green. Nothing was changed.")
                    .arg(parser.value(QStringLiteral("rag"))));
        }
        if (parser.value(QStringLiteral("reason")).trimmed().isEmpty()) {
            return ctx.usage(QStringLiteral("A RAG rating needs a reason: add --reason \"why it is %1 now\". "
                                            "Nothing was changed.")
                                 .arg(toKey(*rag)));
        }
    } else if (parser.isSet(QStringLiteral("reason"))) {
        return ctx.usage(QStringLiteral("--reason goes with --rag. Nothing was changed."));
    }
    ActionChange change;
    if (parser.isSet(QStringLiteral("status"))) {
        change.status = actionStatusFromKey(parser.value(QStringLiteral("status")).trimmed().toLower());
        if (!change.status) {
            return ctx.usage(
                QStringLiteral(
                    "--status %1 is not a status of an action; use open or done. Nothing was changed.")
                    .arg(parser.value(QStringLiteral("status"))));
        }
    }
    auto due = dayOption(parser, QStringLiteral("due"));
    if (!due) {
        return ctx.fail(due.error());
    }
    if (due->isValid()) {
        change.due = *due;
    }
    if (parser.isSet(QStringLiteral("owner"))) {
        change.owner = parser.value(QStringLiteral("owner"));
    }
    const QString note = parser.value(QStringLiteral("note"));
    if (parser.isSet(QStringLiteral("note")) && note.trimmed().isEmpty()) {
        return ctx.usage(QStringLiteral("--note needs some text. Nothing was changed."));
    }
    if (!rag && !change.status && !change.due && !change.owner && note.isEmpty()) {
        return ctx.usage(QStringLiteral(
            "Nothing to change: give --rag with --reason, --status, --due, --owner or --note."));
    }
    std::optional<int> basedOn;
    if (parser.isSet(QStringLiteral("based-on"))) {
        bool number = false;
        const int version = parser.value(QStringLiteral("based-on")).trimmed().toInt(&number);
        if (!number || version < 1) {
            return ctx.usage(QStringLiteral("--based-on %1 is not an action's version (actions list --json "
                                            "gives it). Nothing was changed.")
                                 .arg(parser.value(QStringLiteral("based-on"))));
        }
        if (!rag && !change.status && !change.due && !change.owner) {
            return ctx.usage(QStringLiteral("--based-on goes with --rag, --status, --due or --owner (a "
                                            "progress note overwrites nothing). Nothing was changed."));
        }
        basedOn = version;
    }
    Database* db = ctx.database();
    if (!db) {
        return BadInput;
    }
    const SystemClock clock;
    ActionPlanStore plans(*db, clock);
    if (auto found = plans.action(id); !found) {
        return ctx.fail(found.error());
    }
    // One transaction: a rating that cannot be saved leaves the status and the date as they were.
    Transaction tx(*db);
    if (!tx.isActive()) {
        return ctx.fail(tx.error());
    }
    // --based-on checks the first change; the others follow it in the same transaction.
    if (change.status || change.due || change.owner) {
        if (auto changed = plans.change(id, change, basedOn); !changed) {
            return ctx.fail(changed.error());
        }
        basedOn.reset();
    }
    if (rag) {
        if (auto rated = plans.rate(id, *rag, parser.value(QStringLiteral("reason")), basedOn); !rated) {
            return ctx.fail(rated.error());
        }
    }
    if (!note.isEmpty()) {
        if (auto noted = plans.addProgress(id, note); !noted) {
            return ctx.fail(noted.error());
        }
    }
    if (auto saved = tx.commit(); !saved) {
        return ctx.fail(saved.error());
    }
    auto action = plans.action(id);
    if (!action) {
        return ctx.fail(action.error());
    }
    printAction(ctx, *action);
    return Success;
}

int listPriorities(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    if (required(ctx, parser, QStringLiteral("cycle")).trimmed().isEmpty()) {
        return BadInput;
    }
    Database* db = ctx.readDatabase();
    if (!db) {
        return BadInput;
    }
    int exitCode = Success;
    const auto cycle = cycleFrom(ctx, *db, parser, exitCode);
    if (!cycle) {
        return exitCode;
    }
    auto merged = PriorityStore(*db).merged(cycle->id);
    if (!merged) {
        return ctx.fail(merged.error());
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray rows;
        for (const auto& p : *merged) {
            rows.append(jsonPriority(p));
        }
        printJson(ctx, rows);
        return Success;
    }
    if (merged->empty()) {
        ctx.out << "No priorities yet for " << cycle->name << "." << Qt::endl;
    }
    for (const auto& p : *merged) {
        printPriority(ctx, p);
    }
    return Success;
}

// --ask and --offer as item numbers; prints a usage error and returns false when either is not one.
bool pairFrom(Context& ctx, const QCommandLineParser& parser, qint64& ask, qint64& offer) {
    bool askOk = false;
    bool offerOk = false;
    ask = parser.value(QStringLiteral("ask")).toLongLong(&askOk);
    offer = parser.value(QStringLiteral("offer")).toLongLong(&offerOk);
    if (!askOk || !offerOk || ask <= 0 || offer <= 0) {
        ctx.usage(QStringLiteral(
            "--ask and --offer need the items' numbers (see outcomes match). Nothing was changed."));
        return false;
    }
    return true;
}

int confirmMatch(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    qint64 ask = 0;
    qint64 offer = 0;
    if (!pairFrom(ctx, parser, ask, offer)) {
        return BadInput;
    }
    if (required(ctx, parser, QStringLiteral("owner")).trimmed().isEmpty()) {
        return BadInput;
    }
    auto due = dayOption(parser, QStringLiteral("due"));
    if (!due) {
        return ctx.fail(due.error());
    }
    Database* db = ctx.database();
    if (!db) {
        return BadInput;
    }
    const SystemClock clock;
    auto followUp = MatchStore(*db, clock).confirm(ask, offer, parser.value(QStringLiteral("owner")), *due);
    if (!followUp) {
        return ctx.fail(followUp.error());
    }
    ctx.out << "Confirmed: ask #" << ask << " with offer #" << offer << " is follow-up #" << *followUp << "."
            << Qt::endl;
    return Success;
}

int dismissMatch(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    qint64 ask = 0;
    qint64 offer = 0;
    if (!pairFrom(ctx, parser, ask, offer)) {
        return BadInput;
    }
    Database* db = ctx.database();
    if (!db) {
        return BadInput;
    }
    const SystemClock clock;
    if (auto dismissed = MatchStore(*db, clock).dismiss(ask, offer); !dismissed) {
        return ctx.fail(dismissed.error());
    }
    ctx.out << "Dismissed: ask #" << ask << " with offer #" << offer << " will not be suggested again."
            << Qt::endl;
    return Success;
}

int setItem(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    bool ok = false;
    const qint64 id = parser.value(QStringLiteral("id")).toLongLong(&ok);
    if (!ok || id <= 0) {
        return ctx.usage(QStringLiteral("--id needs an ask's or offer's number (see outcomes list)."));
    }
    std::optional<AskOfferStatus> status;
    if (parser.isSet(QStringLiteral("status"))) {
        status = askOfferStatusFromKey(parser.value(QStringLiteral("status")).trimmed().toLower());
        if (!status) {
            return ctx.usage(
                QStringLiteral("--status %1 is not a status of an ask or offer; use open, matched or "
                               "closed. Nothing was changed.")
                    .arg(parser.value(QStringLiteral("status"))));
        }
    }
    const bool support = parser.isSet(QStringLiteral("support"));
    if (!status && !support) {
        return ctx.usage(QStringLiteral("Nothing to change: give --status or --support."));
    }
    std::optional<int> basedOn;
    if (!basedOnFrom(ctx, parser, QStringLiteral("outcomes list --json"), basedOn)) {
        return BadInput;
    }
    Database* db = ctx.database();
    if (!db) {
        return BadInput;
    }
    const SystemClock clock;
    AskOfferRegister items(*db, clock);
    // One transaction: a kind of help that is not on the menu leaves the status as it was.
    Transaction tx(*db);
    if (!tx.isActive()) {
        return ctx.fail(tx.error());
    }
    // --based-on checks the first change; the second follows it in the same transaction.
    if (status) {
        if (auto changed = items.setStatus(id, *status, basedOn); !changed) {
            return ctx.fail(changed.error());
        }
        basedOn.reset();
    }
    if (support) {
        const QString key = parser.value(QStringLiteral("support")).trimmed();
        if (auto tagged = items.setSupportKind(id, key == u"none" ? QString() : key, basedOn); !tagged) {
            return ctx.fail(tagged.error());
        }
    }
    if (auto saved = tx.commit(); !saved) {
        return ctx.fail(saved.error());
    }
    auto item = items.item(id);
    if (!item) {
        return ctx.fail(item.error());
    }
    printItem(ctx, *item);
    return Success;
}

int supportMenuCommand(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    const bool importing = parser.isSet(QStringLiteral("import"));
    const bool resetting = parser.isSet(QStringLiteral("reset"));
    if (importing && resetting) {
        return ctx.usage(QStringLiteral("Give --import or --reset, not both."));
    }
    std::vector<SupportKind> replacement;
    if (importing) {
        // The file is read and checked before the database is opened, so a bad file changes nothing.
        const QString path = parser.value(QStringLiteral("import"));
        auto bytes = interchange::readFileBytes(path);
        if (!bytes) {
            return ctx.fail(bytes.error());
        }
        auto menu = parseSupportMenu(*bytes, path);
        if (!menu) {
            return ctx.fail(menu.error());
        }
        if (menu->empty()) {
            return ctx.usage(
                QStringLiteral("%1 lists no kinds of help; use --reset to go back to Balcony's menu. "
                               "Nothing was changed.")
                    .arg(path));
        }
        replacement = std::move(*menu);
    }
    Database* db = (importing || resetting) ? ctx.database() : ctx.readDatabase();
    if (!db) {
        return BadInput;
    }
    if (importing || resetting) {
        if (auto saved = setSupportMenu(*db, replacement); !saved) {
            return ctx.fail(saved.error());
        }
    }
    auto menu = supportMenu(*db);
    if (!menu) {
        return ctx.fail(menu.error());
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray rows;
        for (const auto& kind : *menu) {
            rows.append(QJsonObject{{QStringLiteral("key"), kind.key},
                                    {QStringLiteral("label"), kind.label},
                                    {QStringLiteral("description"), kind.description}});
        }
        printJson(ctx, rows);
        return Success;
    }
    for (const auto& kind : *menu) {
        ctx.out << kind.key << "  " << kind.label << Qt::endl;
        if (!kind.description.isEmpty()) {
            ctx.out << "    " << kind.description << Qt::endl;
        }
    }
    return Success;
}

// The group named by --group in the cycle named by --cycle; 0 after printing the error.
qint64 groupFrom(Context& ctx, Database& db, const QCommandLineParser& parser) {
    int exitCode = Success;
    const auto cycle = cycleFrom(ctx, db, parser, exitCode);
    if (!cycle) {
        return 0;
    }
    auto groups = ScheduleStore(db).groups(cycle->id);
    if (!groups) {
        ctx.fail(groups.error());
        return 0;
    }
    for (const auto& g : *groups) {
        if (g.label.compare(parser.value(QStringLiteral("group")).trimmed(), Qt::CaseInsensitive) == 0) {
            return g.id;
        }
    }
    ctx.fail(failure(Error::Kind::NotFound, QStringLiteral("The cycle %1 has no group \"%2\".")
                                                .arg(cycle->name, parser.value(QStringLiteral("group")))));
    return 0;
}

int addPriority(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    if (!hasRequired(ctx, parser, {"cycle", "group", "text"})) {
        return BadInput;
    }
    Database* db = ctx.database();
    if (!db) {
        return BadInput;
    }
    const qint64 group = groupFrom(ctx, *db, parser);
    if (group == 0) {
        return BadInput;
    }
    const SystemClock clock;
    auto id = PriorityStore(*db, clock).add(group, parser.value(QStringLiteral("text")));
    if (!id) {
        return ctx.fail(id.error());
    }
    ctx.out << *id << Qt::endl;
    return Success;
}

int rankPriorities(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    if (!hasRequired(ctx, parser, {"cycle", "group", "order"})) {
        return BadInput;
    }
    std::vector<qint64> order;
    for (const auto& part : parser.value(QStringLiteral("order")).split(u',')) {
        bool ok = false;
        order.push_back(part.trimmed().toLongLong(&ok));
        if (!ok) {
            return ctx.usage(
                QStringLiteral("--order lists the group's priorities by number, first first, separated by "
                               "commas (\"7,5,6\"). Nothing was changed."));
        }
    }
    std::optional<int> basedOn;
    if (!basedOnFrom(ctx, parser, QStringLiteral("priorities --json, as list_version,"), basedOn)) {
        return BadInput;
    }
    Database* db = ctx.database();
    if (!db) {
        return BadInput;
    }
    const qint64 group = groupFrom(ctx, *db, parser);
    if (group == 0) {
        return BadInput;
    }
    const SystemClock clock;
    PriorityStore store(*db, clock);
    if (auto reordered = store.reorder(group, order, basedOn); !reordered) {
        return ctx.fail(reordered.error());
    }
    auto ranked = store.ofGroup(group);
    if (!ranked) {
        return ctx.fail(ranked.error());
    }
    for (const auto& p : *ranked) {
        ctx.out << p.rank << ". " << p.text << "  [" << p.id << "]" << Qt::endl;
    }
    return Success;
}

int linkPriorities(Context& ctx, const QCommandLineParser& parser, bool join) {
    bool firstOk = false;
    bool secondOk = false;
    const qint64 first = parser.value(QStringLiteral("first")).toLongLong(&firstOk);
    const qint64 second = parser.value(QStringLiteral("second")).toLongLong(&secondOk);
    if (!firstOk || !secondOk) {
        return ctx.usage(QStringLiteral("--first and --second need two priorities' numbers (see priorities). "
                                        "Nothing was changed."));
    }
    Database* db = ctx.database();
    if (!db) {
        return BadInput;
    }
    PriorityStore store(*db);
    if (auto linked = join ? store.join(first, second) : store.split(first, second); !linked) {
        return ctx.fail(linked.error());
    }
    ctx.out << (join ? "Joined" : "Split") << " priorities " << first << " and " << second << "." << Qt::endl;
    return Success;
}

int addAction(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    if (!hasRequired(ctx, parser, {"cycle", "la", "text"})) {
        return BadInput;
    }
    auto due = dayOption(parser, QStringLiteral("due"));
    if (!due) {
        return ctx.fail(due.error());
    }
    Database* db = ctx.database();
    if (!db) {
        return BadInput;
    }
    int exitCode = Success;
    const auto cycle = cycleFrom(ctx, *db, parser, exitCode);
    if (!cycle) {
        return exitCode;
    }
    const qint64 la = authorityFrom(ctx, *db, parser, QStringLiteral("la"));
    if (la <= 0) {
        return BadInput;
    }
    const SystemClock clock;
    auto id = ActionPlanStore(*db, clock)
                  .add(cycle->id, la, parser.value(QStringLiteral("text")),
                       parser.value(QStringLiteral("owner")), *due);
    if (!id) {
        return ctx.fail(id.error());
    }
    ctx.out << *id << Qt::endl;
    return Success;
}

int importActionPoints(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    if (required(ctx, parser, QStringLiteral("cycle")).trimmed().isEmpty()) {
        return BadInput;
    }
    Database* db = ctx.database();
    if (!db) {
        return BadInput;
    }
    int exitCode = Success;
    const auto cycle = cycleFrom(ctx, *db, parser, exitCode);
    if (!cycle) {
        return exitCode;
    }
    const SystemClock clock;
    auto added = ActionPlanStore(*db, clock).addCapturedActionPoints(cycle->id);
    if (!added) {
        return ctx.fail(added.error());
    }
    ctx.out << "Added " << counted(*added, "action point", "action points") << " captured at the days of "
            << cycle->name << " to the LAs' action plans." << Qt::endl;
    return Success;
}

const Registrar outcomesList(
    {{QStringLiteral("outcomes"), QStringLiteral("list")},
     {},
     QStringLiteral("List a cycle's asks, offers, actions and priorities."),
     0,
     [](QCommandLineParser& parser) {
         addCycleAndJson(parser);
         parser.addOption({QStringLiteral("kind"), QStringLiteral("Only this kind: %1.").arg(kindsHelp),
                           QStringLiteral("KIND")});
         parser.addOption({QStringLiteral("la"), QStringLiteral("Only this LA's asks, offers and actions."),
                           QStringLiteral("LA")});
         parser.addOption({QStringLiteral("group"), QStringLiteral("Only asks and offers of this group."),
                           QStringLiteral("LABEL")});
         parser.addOption({QStringLiteral("theme"), QStringLiteral("Only asks and offers on this theme."),
                           QStringLiteral("THEME")});
         parser.addOption({QStringLiteral("status"),
                           QStringLiteral("Only asks and offers in this state: open, matched or closed."),
                           QStringLiteral("STATUS")});
     },
     listOutcomes});

const Registrar
    outcomesMatch({{QStringLiteral("outcomes"), QStringLiteral("match")},
                   {},
                   QStringLiteral("Suggest matches between asks and offers, with the reason for each."),
                   0,
                   addCycleAndJson,
                   matchOutcomes});

const Registrar outcomesExport({{QStringLiteral("outcomes"), QStringLiteral("export")},
                                {},
                                QStringLiteral("Write a cycle's outcomes to a CSV file."),
                                0,
                                [](QCommandLineParser& parser) {
                                    parser.addOption(cycleOption());
                                    parser.addOption({QStringLiteral("out"),
                                                      QStringLiteral("The CSV file to write."),
                                                      QStringLiteral("FILE")});
                                },
                                exportOutcomes});

// --ask N --offer M: the pair a match decision is about.
void addAskAndOffer(QCommandLineParser& parser) {
    parser.addOption({QStringLiteral("ask"), QStringLiteral("The ask's number."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("offer"), QStringLiteral("The offer's number."), QStringLiteral("N")});
}

const Registrar outcomesConfirm(
    {{QStringLiteral("outcomes"), QStringLiteral("confirm")},
     {},
     QStringLiteral("Confirm a suggested match; it becomes a follow-up with an owner."),
     0,
     [](QCommandLineParser& parser) {
         addAskAndOffer(parser);
         parser.addOption({QStringLiteral("owner"), QStringLiteral("Who sees the follow-up through."),
                           QStringLiteral("NAME")});
         parser.addOption({QStringLiteral("due"),
                           QStringLiteral("When it is due (YYYY-MM-DD or DD/MM/YYYY)."),
                           QStringLiteral("DATE")});
     },
     confirmMatch});

const Registrar outcomesDismiss({{QStringLiteral("outcomes"), QStringLiteral("dismiss")},
                                 {},
                                 QStringLiteral("Dismiss a suggested match, so it is not suggested again."),
                                 0,
                                 [](QCommandLineParser& parser) { addAskAndOffer(parser); },
                                 dismissMatch});

const Registrar outcomesSet(
    {{QStringLiteral("outcomes"), QStringLiteral("set")},
     {},
     QStringLiteral("Change an ask's or offer's status, or tag an ask with a kind of help."),
     0,
     [](QCommandLineParser& parser) {
         parser.addOption(
             {QStringLiteral("id"), QStringLiteral("The ask's or offer's number."), QStringLiteral("N")});
         parser.addOption({QStringLiteral("status"), QStringLiteral("open, matched or closed."),
                           QStringLiteral("STATUS")});
         parser.addOption({QStringLiteral("support"),
                           QStringLiteral("A kind of help from the region's support menu, or none."),
                           QStringLiteral("KEY")});
         parser.addOption({QStringLiteral("based-on"),
                           QStringLiteral("The item's version the change was made from (outcomes list "
                                          "--json gives it): refused if someone changed the item since."),
                           QStringLiteral("VERSION")});
     },
     setItem});

const Registrar outcomesMenu(
    {{QStringLiteral("outcomes"), QStringLiteral("menu")},
     {},
     QStringLiteral("Show the region's support menu, or replace it from a JSON file."),
     0,
     [](QCommandLineParser& parser) {
         parser.addOption({QStringLiteral("import"), QStringLiteral("Make this JSON file the region's menu."),
                           QStringLiteral("FILE")});
         parser.addOption({QStringLiteral("reset"), QStringLiteral("Go back to Balcony's own menu.")});
         parser.addOption(jsonOption());
     },
     supportMenuCommand});

const Registrar actionsList(
    {{QStringLiteral("actions"), QStringLiteral("list")},
     {},
     QStringLiteral("List action plans: red, overdue and unrated first."),
     0,
     [](QCommandLineParser& parser) {
         addCycleAndJson(parser);
         parser.addOption({QStringLiteral("la"),
                           QStringLiteral("Only this LA's plan, with its open actions from earlier cycles."),
                           QStringLiteral("LA")});
         parser.addOption({QStringLiteral("reviewer"),
                           QStringLiteral("The plans of the LAs this LA was lead reviewer for."),
                           QStringLiteral("LA")});
     },
     listActions});

const Registrar actionsSet(
    {{QStringLiteral("actions"), QStringLiteral("set")},
     {},
     QStringLiteral(
         "Change an action: its RAG rating (with a reason), status, due date, owner, or add a note."),
     0,
     [](QCommandLineParser& parser) {
         parser.addOption({QStringLiteral("id"), QStringLiteral("The action's number (see actions list)."),
                           QStringLiteral("N")});
         parser.addOption({QStringLiteral("rag"),
                           QStringLiteral("The new rating: red, amber or green (needs --reason)."),
                           QStringLiteral("RAG")});
         parser.addOption({QStringLiteral("reason"), QStringLiteral("Why the rating is what it is now."),
                           QStringLiteral("TEXT")});
         parser.addOption(
             {QStringLiteral("status"), QStringLiteral("open or done."), QStringLiteral("STATUS")});
         parser.addOption({QStringLiteral("due"), QStringLiteral("The due date (YYYY-MM-DD or DD/MM/YYYY)."),
                           QStringLiteral("DATE")});
         parser.addOption({QStringLiteral("owner"), QStringLiteral("Who sees the action through."),
                           QStringLiteral("NAME")});
         parser.addOption(
             {QStringLiteral("note"), QStringLiteral("A progress note to add."), QStringLiteral("TEXT")});
         parser.addOption({QStringLiteral("based-on"),
                           QStringLiteral("The action's version the change was made from (actions list "
                                          "--json gives it): refused if someone changed the action since."),
                           QStringLiteral("VERSION")});
     },
     setAction});

const Registrar
    prioritiesAdd({{QStringLiteral("priorities"), QStringLiteral("add")},
                   {},
                   QStringLiteral("Add a group's suggested priority, after its others; prints its number."),
                   0,
                   [](QCommandLineParser& parser) {
                       parser.addOption(cycleOption());
                       parser.addOption({QStringLiteral("group"), QStringLiteral("The group, by label."),
                                         QStringLiteral("LABEL")});
                       parser.addOption({QStringLiteral("text"), QStringLiteral("The suggestion."),
                                         QStringLiteral("TEXT")});
                   },
                   addPriority});

const Registrar prioritiesRank(
    {{QStringLiteral("priorities"), QStringLiteral("rank")},
     {},
     QStringLiteral("Put a group's priorities in its order."),
     0,
     [](QCommandLineParser& parser) {
         parser.addOption(cycleOption());
         parser.addOption(
             {QStringLiteral("group"), QStringLiteral("The group, by label."), QStringLiteral("LABEL")});
         parser.addOption({QStringLiteral("order"),
                           QStringLiteral("Every one of the group's priorities, first first."),
                           QStringLiteral("N,N,...")});
         parser.addOption({QStringLiteral("based-on"),
                           QStringLiteral("The group's list version the order was made from (priorities "
                                          "--json gives it as list_version): refused if the list changed "
                                          "since."),
                           QStringLiteral("VERSION")});
     },
     rankPriorities});

void addPairOptions(QCommandLineParser& parser) {
    parser.addOption(
        {QStringLiteral("first"), QStringLiteral("One priority's number."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("second"), QStringLiteral("The other's number."), QStringLiteral("N")});
}

const Registrar prioritiesJoin({{QStringLiteral("priorities"), QStringLiteral("join")},
                                {},
                                QStringLiteral("Count two priorities as the same suggestion."),
                                0,
                                addPairOptions,
                                [](Context& ctx, const QCommandLineParser& parser, const QStringList&) {
                                    return linkPriorities(ctx, parser, true);
                                }});

const Registrar prioritiesSplit({{QStringLiteral("priorities"), QStringLiteral("split")},
                                 {},
                                 QStringLiteral("Keep two priorities apart that were merged."),
                                 0,
                                 addPairOptions,
                                 [](Context& ctx, const QCommandLineParser& parser, const QStringList&) {
                                     return linkPriorities(ctx, parser, false);
                                 }});

const Registrar actionsAdd(
    {{QStringLiteral("actions"), QStringLiteral("add")},
     {},
     QStringLiteral("Add an action to an LA's action plan; prints its number."),
     0,
     [](QCommandLineParser& parser) {
         parser.addOption(cycleOption());
         parser.addOption(
             {QStringLiteral("la"), QStringLiteral("The LA whose plan it is."), QStringLiteral("LA")});
         parser.addOption({QStringLiteral("text"), QStringLiteral("The action."), QStringLiteral("TEXT")});
         parser.addOption(
             {QStringLiteral("owner"), QStringLiteral("Who sees it through."), QStringLiteral("NAME")});
         parser.addOption({QStringLiteral("due"), QStringLiteral("The due date (YYYY-MM-DD or DD/MM/YYYY)."),
                           QStringLiteral("DATE")});
     },
     addAction});

const Registrar
    actionsImport({{QStringLiteral("actions"), QStringLiteral("import")},
                   {},
                   QStringLiteral("Start the LAs' action plans from the action points captured at the days."),
                   0,
                   [](QCommandLineParser& parser) { parser.addOption(cycleOption()); },
                   importActionPoints});

const Registrar
    prioritiesCommand({{QStringLiteral("priorities")},
                       {},
                       QStringLiteral("The cycle's priorities for the regional plan, merged across groups."),
                       0,
                       addCycleAndJson,
                       listPriorities});

} // namespace
} // namespace balcony::cli
