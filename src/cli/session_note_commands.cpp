#include "cli/cli.h"
#include "cli/session_note_lookup.h"
#include "domain/authority_name.h"
#include "domain/schedule_store.h"
#include "engine/clock.h"
#include "notes/note_diff.h"
#include "notes/session_note_draft.h"
#include "notes/session_note_store.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

// note draft, note list, note show, note diff, note edit, note agree, note reopen: the session notes
// of a cycle (docs/session-notes.md). note send, import-pack, export and export-all live elsewhere.
namespace balcony::cli {
namespace {

int draft(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    if (required(ctx, parser, QStringLiteral("cycle")).trimmed().isEmpty()) {
        return BadInput;
    }
    Database* db = ctx.database();
    if (!db) {
        return BadInput;
    }
    auto schedule = loadCycle(*db, parser.value(QStringLiteral("cycle")));
    if (!schedule) {
        return ctx.fail(schedule.error());
    }
    // Which sessions: one LA, one group, or every group of the cycle.
    std::vector<std::pair<const Group*, qint64>> sessions;
    const QString groupLabel = parser.value(QStringLiteral("group")).trimmed();
    if (parser.isSet(QStringLiteral("la"))) {
        LaInCycle la;
        if (auto found = findLa(*schedule, parser.value(QStringLiteral("la")), la); !found) {
            return ctx.fail(found.error());
        }
        if (!groupLabel.isEmpty() && la.group->label.compare(groupLabel, Qt::CaseInsensitive) != 0) {
            return ctx.usage(
                QStringLiteral("%1 is in group %2, not %3.").arg(la.name, la.group->label, groupLabel));
        }
        sessions.emplace_back(la.group, la.authorityId);
    } else {
        bool found = groupLabel.isEmpty();
        for (const auto& group : schedule->groups) {
            if (!groupLabel.isEmpty() && group.label.compare(groupLabel, Qt::CaseInsensitive) != 0) {
                continue;
            }
            found = true;
            for (const auto& member : group.members) {
                sessions.emplace_back(&group, member.authorityId);
            }
        }
        if (!found) {
            return ctx.fail(failure(
                Error::Kind::NotFound,
                QStringLiteral("Cycle %1 has no group \"%2\".").arg(schedule->cycle.name, groupLabel)));
        }
    }
    SystemClock clock;
    SessionNoteDrafter drafter(*db, clock);
    const bool take = parser.isSet(QStringLiteral("take-additions"));
    for (const auto& [group, authorityId] : sessions) {
        const QString author = parser.isSet(QStringLiteral("by")) ? parser.value(QStringLiteral("by"))
                                                                  : facilitatorOf(*schedule, *group);
        const QString name = schedule->authorityName(authorityId);
        auto drafted = drafter.draft(group->id, authorityId, author);
        if (!drafted) {
            return ctx.fail(drafted.error());
        }
        switch (drafted->outcome) {
        case SessionNoteDrafter::Outcome::Created:
            ctx.out << name << ": drafted (revision 1)." << Qt::endl;
            break;
        case SessionNoteDrafter::Outcome::Redrafted:
            ctx.out << name << ": re-drafted from the day's notes (revision " << drafted->revision << ")."
                    << Qt::endl;
            break;
        case SessionNoteDrafter::Outcome::Unchanged:
            ctx.out << name << ": unchanged (revision " << drafted->revision << ", "
                    << displayName(drafted->status).toLower() << ")." << Qt::endl;
            break;
        case SessionNoteDrafter::Outcome::Locked:
            ctx.out << name << ": " << displayName(drafted->status).toLower()
                    << ", so left as it is (reopen it to change it)." << Qt::endl;
            break;
        case SessionNoteDrafter::Outcome::Additions: {
            const auto& added = drafted->additions;
            if (take) {
                auto number = drafter.takeAdditions(drafted->noteId, {}, author);
                if (!number) {
                    return ctx.fail(number.error());
                }
                ctx.out << name << ": "
                        << counted(static_cast<qsizetype>(added.size()), "addition", "additions")
                        << " from the day's notes taken into revision " << *number << "." << Qt::endl;
                break;
            }
            ctx.out << name << ": edited since it was drafted, so not re-drafted; the day's notes add "
                    << counted(static_cast<qsizetype>(added.size()), "item", "items")
                    << " (take them with --take-additions):" << Qt::endl;
            for (const auto& line : added) {
                ctx.out << "  + " << line.section
                        << (line.subsection.isEmpty() ? QString() : QStringLiteral(" / ") + line.subsection)
                        << ": " << QString(line.text).replace(u'\n', QStringLiteral("\n    ")) << Qt::endl;
            }
            break;
        }
        }
    }
    return Success;
}

int list(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    if (required(ctx, parser, QStringLiteral("cycle")).trimmed().isEmpty()) {
        return BadInput;
    }
    Database* db = ctx.readDatabase();
    if (!db) {
        return BadInput;
    }
    SystemClock clock;
    SessionNoteStore store(*db, clock);
    auto found = notesOfCycle(*db, store, parser.value(QStringLiteral("cycle")));
    if (!found) {
        return ctx.fail(found.error());
    }
    const Cycle* cycle = &found->cycle;
    const std::vector<SessionNote>* notes = &found->notes;
    const QDate today = store.today();
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray rows;
        for (const auto& n : *notes) {
            rows.append(QJsonObject{
                {QStringLiteral("la"), n.authorityName},
                {QStringLiteral("group"), n.groupLabel},
                {QStringLiteral("status"), toKey(n.status)},
                {QStringLiteral("revision"), n.latestRevision},
                {QStringLiteral("sent_revision"), n.sentRevision ? QJsonValue(n.sentRevision) : QJsonValue()},
                {QStringLiteral("agreed_revision"),
                 n.agreedRevision ? QJsonValue(n.agreedRevision) : QJsonValue()},
                {QStringLiteral("due"), n.dueOn.isValid() ? QJsonValue(dayText(n.dueOn)) : QJsonValue()},
                {QStringLiteral("overdue"), n.isOverdue(today)},
                {QStringLiteral("fingerprint"), n.latestFingerprint},
            });
        }
        printJson(ctx, rows);
        return Success;
    }
    if (notes->empty()) {
        ctx.out << "No session notes in cycle " << cycle->name
                << " yet. Draft them with \"note draft --cycle " << cycle->name << "\"." << Qt::endl;
        return Success;
    }
    for (const auto& n : *notes) {
        ctx.out << n.authorityName << "  group " << n.groupLabel << "  " << displayName(n.status)
                << "  revision " << n.latestRevision << "  due "
                << (n.dueOn.isValid() ? dayText(n.dueOn) : QStringLiteral("-"))
                << (n.isOverdue(today) ? QStringLiteral(" (OVERDUE)") : QString()) << "  "
                << n.latestFingerprint << Qt::endl;
    }
    return Success;
}

int show(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    if (!hasRequired(ctx, parser, {"cycle", "la"})) {
        return BadInput;
    }
    const auto asked = optionalRevision(parser);
    if (!asked) {
        return ctx.usage(asked.message());
    }
    const int number = *asked;
    Database* db = ctx.readDatabase();
    if (!db) {
        return BadInput;
    }
    SystemClock clock;
    SessionNoteStore store(*db, clock);
    auto found =
        findNote(*db, store, parser.value(QStringLiteral("cycle")), parser.value(QStringLiteral("la")));
    if (!found) {
        return ctx.fail(found.error());
    }
    auto revision = store.revision(found->note.id, number);
    if (!revision) {
        return ctx.fail(revision.error());
    }
    const SessionNote& note = found->note;
    if (parser.isSet(QStringLiteral("json"))) {
        const QJsonObject root{
            {QStringLiteral("la"), note.authorityName},
            {QStringLiteral("group"), note.groupLabel},
            {QStringLiteral("status"), toKey(note.status)},
            {QStringLiteral("revision"), revision->number},
            {QStringLiteral("latest_revision"), note.latestRevision},
            {QStringLiteral("author"), revision->author},
            {QStringLiteral("origin"), toKey(revision->origin)},
            {QStringLiteral("created_at_utc"), revision->createdAtUtc.toString(Qt::ISODateWithMs)},
            {QStringLiteral("fingerprint"), revision->fingerprint},
            {QStringLiteral("version"), note.rowVersion},
            {QStringLiteral("body"), revision->body},
        };
        ctx.out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
        return Success;
    }
    ctx.out << note.authorityName << ", group " << note.groupLabel << ": " << displayName(note.status)
            << Qt::endl
            << "Revision " << revision->number << " of " << note.latestRevision << ", by " << revision->author
            << ", " << whenText(revision->createdAtUtc) << Qt::endl
            << "SHA-256 " << revision->fingerprint << Qt::endl
            << "Version " << note.rowVersion;
    if (note.changedAtUtc.isValid()) {
        ctx.out << ", changed by " << note.changedBy << ", " << whenText(note.changedAtUtc);
    }
    ctx.out << " (note edit --based-on " << note.rowVersion << " refuses to overwrite a later change)"
            << Qt::endl
            << Qt::endl
            << revision->body;
    if (!revision->body.endsWith(u'\n')) {
        ctx.out << Qt::endl;
    }
    return Success;
}

int diff(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    if (!hasRequired(ctx, parser, {"cycle", "la", "from", "to"})) {
        return BadInput;
    }
    auto from = revisionOption(parser, QStringLiteral("from"));
    if (!from) {
        return ctx.fail(from.error());
    }
    auto to = revisionOption(parser, QStringLiteral("to"));
    if (!to) {
        return ctx.fail(to.error());
    }
    Database* db = ctx.readDatabase();
    if (!db) {
        return BadInput;
    }
    SystemClock clock;
    SessionNoteStore store(*db, clock);
    auto found =
        findNote(*db, store, parser.value(QStringLiteral("cycle")), parser.value(QStringLiteral("la")));
    if (!found) {
        return ctx.fail(found.error());
    }
    auto comparison = compareRevisions(store, found->note.id, *from, *to);
    if (!comparison) {
        return ctx.fail(comparison.error());
    }
    auto kindKey = [](DiffSpan::Kind kind) {
        return kind == DiffSpan::Kind::Added     ? QStringLiteral("added")
               : kind == DiffSpan::Kind::Removed ? QStringLiteral("removed")
                                                 : QStringLiteral("same");
    };
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray spans;
        for (const auto& span : comparison->spans) {
            spans.append(QJsonObject{{QStringLiteral("kind"), kindKey(span.kind)},
                                     {QStringLiteral("text"), span.text}});
        }
        auto side = [](const SessionNoteRevision& r) {
            return QJsonObject{{QStringLiteral("revision"), r.number},
                               {QStringLiteral("author"), r.author},
                               {QStringLiteral("origin"), toKey(r.origin)},
                               {QStringLiteral("created_at_utc"), r.createdAtUtc.toString(Qt::ISODateWithMs)},
                               {QStringLiteral("fingerprint"), r.fingerprint}};
        };
        const QJsonObject root{{QStringLiteral("la"), found->note.authorityName},
                               {QStringLiteral("from"), side(comparison->from)},
                               {QStringLiteral("to"), side(comparison->to)},
                               {QStringLiteral("spans"), spans}};
        ctx.out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
        return Success;
    }
    ctx.out << found->note.authorityName << ": revision " << comparison->from.number << " ("
            << comparison->from.author << ", " << whenText(comparison->from.createdAtUtc) << ") to revision "
            << comparison->to.number << " (" << comparison->to.author << ", "
            << whenText(comparison->to.createdAtUtc) << "); [-removed-] {+added+}" << Qt::endl
            << Qt::endl;
    for (const auto& span : comparison->spans) {
        if (span.kind == DiffSpan::Kind::Removed) {
            ctx.out << "[-" << span.text << "-]";
        } else if (span.kind == DiffSpan::Kind::Added) {
            ctx.out << "{+" << span.text << "+}";
        } else {
            ctx.out << span.text;
        }
    }
    ctx.out << Qt::endl;
    return Success;
}

int edit(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    if (!hasRequired(ctx, parser, {"cycle", "la", "file"})) {
        return BadInput;
    }
    const QString path = parser.value(QStringLiteral("file"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return ctx.fail(failure(
            Error::Kind::NotFound,
            QStringLiteral("%1 cannot be read (%2). Nothing was saved.").arg(path, file.errorString())));
    }
    const QByteArray bytes = file.readAll();
    QString body = QString::fromUtf8(bytes);
    if (body.toUtf8() != bytes) {
        return ctx.fail(
            failure(Error::Kind::InvalidInput,
                    QStringLiteral("%1 is not UTF-8 text; save it as UTF-8 and try again. Nothing was "
                                   "saved.")
                        .arg(path)));
    }
    body.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    Database* db = ctx.database();
    if (!db) {
        return BadInput;
    }
    SystemClock clock;
    SessionNoteStore store(*db, clock);
    auto found =
        findNote(*db, store, parser.value(QStringLiteral("cycle")), parser.value(QStringLiteral("la")));
    if (!found) {
        return ctx.fail(found.error());
    }
    const QString author = parser.isSet(QStringLiteral("by"))
                               ? parser.value(QStringLiteral("by"))
                               : facilitatorOf(found->la.schedule, *found->la.group);
    std::optional<int> basedOn;
    if (parser.isSet(QStringLiteral("based-on"))) {
        bool ok = false;
        const int version = parser.value(QStringLiteral("based-on")).trimmed().toInt(&ok);
        if (!ok || version < 1) {
            return ctx.usage(QStringLiteral("--based-on %1 is not a note's version (note show gives it). "
                                            "Nothing was saved.")
                                 .arg(parser.value(QStringLiteral("based-on"))));
        }
        basedOn = version;
    }
    auto number = store.edit(found->note.id, body, author, basedOn);
    if (!number) {
        return ctx.fail(number.error());
    }
    if (*number == found->note.latestRevision) {
        ctx.out << found->note.authorityName << ": the text is the same as revision " << *number
                << "; nothing was saved." << Qt::endl;
    } else {
        ctx.out << found->note.authorityName << ": saved as revision " << *number << "." << Qt::endl;
    }
    return Success;
}

int agree(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    if (!hasRequired(ctx, parser, {"cycle", "la"})) {
        return BadInput;
    }
    Database* db = ctx.database();
    if (!db) {
        return BadInput;
    }
    SystemClock clock;
    SessionNoteStore store(*db, clock);
    auto found =
        findNote(*db, store, parser.value(QStringLiteral("cycle")), parser.value(QStringLiteral("la")));
    if (!found) {
        return ctx.fail(found.error());
    }
    const QString by = parser.isSet(QStringLiteral("by")) ? parser.value(QStringLiteral("by"))
                                                          : dcsOf(found->la.schedule, found->la.authorityId);
    if (auto agreed = store.agree(found->note.id, by); !agreed) {
        return ctx.fail(agreed.error());
    }
    auto latest = store.revision(found->note.id);
    if (!latest) {
        return ctx.fail(latest.error());
    }
    ctx.out << found->note.authorityName << ": revision " << latest->number << " agreed by " << by
            << " (SHA-256 " << latest->fingerprint << ")." << Qt::endl;
    return Success;
}

int reopen(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    if (!hasRequired(ctx, parser, {"cycle", "la", "reason"})) {
        return BadInput;
    }
    Database* db = ctx.database();
    if (!db) {
        return BadInput;
    }
    SystemClock clock;
    SessionNoteStore store(*db, clock);
    auto found =
        findNote(*db, store, parser.value(QStringLiteral("cycle")), parser.value(QStringLiteral("la")));
    if (!found) {
        return ctx.fail(found.error());
    }
    const QString by = parser.isSet(QStringLiteral("by"))
                           ? parser.value(QStringLiteral("by"))
                           : facilitatorOf(found->la.schedule, *found->la.group);
    if (auto reopened = store.reopen(found->note.id, by, parser.value(QStringLiteral("reason"))); !reopened) {
        return ctx.fail(reopened.error());
    }
    ctx.out << found->note.authorityName << ": reopened as a draft; revision " << found->note.agreedRevision
            << " stays in its history as agreed." << Qt::endl;
    return Success;
}

void cycleAndLa(QCommandLineParser& parser) {
    parser.addOption(cycleOption());
    parser.addOption(laOption(QStringLiteral("The LA whose session note it is.")));
}

const Registrar draftCommand(
    {{QStringLiteral("note"), QStringLiteral("draft")},
     {},
     QStringLiteral("Draft each LA's session note from the day's notes (never touches an agreed note)."),
     0,
     [](QCommandLineParser& parser) {
         parser.addOption(cycleOption());
         parser.addOption(
             {QStringLiteral("group"), QStringLiteral("Only this group."), QStringLiteral("LABEL")});
         parser.addOption(laOption(QStringLiteral("Only this LA's session.")));
         parser.addOption(byOption(QStringLiteral("Who drafts (default: the group's facilitator).")));
         parser.addOption(
             {QStringLiteral("take-additions"),
              QStringLiteral("For an edited note, add what the day's notes hold that it does not.")});
     },
     draft});

const Registrar
    listCommand({{QStringLiteral("note"), QStringLiteral("list")},
                 {},
                 QStringLiteral("List a cycle's session notes: status, revision, due date, fingerprint."),
                 0,
                 [](QCommandLineParser& parser) {
                     parser.addOption(cycleOption());
                     parser.addOption(jsonOption());
                 },
                 list});

const Registrar
    showCommand({{QStringLiteral("note"), QStringLiteral("show")},
                 {},
                 QStringLiteral("Show an LA's session note (the latest revision, or --revision N)."),
                 0,
                 [](QCommandLineParser& parser) {
                     cycleAndLa(parser);
                     parser.addOption({QStringLiteral("revision"), QStringLiteral("The revision to show."),
                                       QStringLiteral("N")});
                     parser.addOption(jsonOption());
                 },
                 show});

const Registrar diffCommand(
    {{QStringLiteral("note"), QStringLiteral("diff")},
     {},
     QStringLiteral("Compare two revisions of an LA's session note word by word."),
     0,
     [](QCommandLineParser& parser) {
         cycleAndLa(parser);
         parser.addOption(
             {QStringLiteral("from"), QStringLiteral("The earlier revision."), QStringLiteral("N")});
         parser.addOption({QStringLiteral("to"), QStringLiteral("The later revision."), QStringLiteral("M")});
         parser.addOption(jsonOption());
     },
     diff});

const Registrar editCommand(
    {{QStringLiteral("note"), QStringLiteral("edit")},
     {},
     QStringLiteral("Save a Markdown file as a new revision of an LA's session note."),
     0,
     [](QCommandLineParser& parser) {
         cycleAndLa(parser);
         parser.addOption({QStringLiteral("file"), QStringLiteral("The note's text (UTF-8 Markdown)."),
                           QStringLiteral("FILE")});
         parser.addOption(byOption(QStringLiteral("Who edited it (default: the group's facilitator).")));
         parser.addOption({QStringLiteral("based-on"),
                           QStringLiteral("The note's version the file was made from (note show gives it): "
                                          "refused if someone changed the note since."),
                           QStringLiteral("VERSION")});
     },
     edit});

const Registrar agreeCommand({{QStringLiteral("note"), QStringLiteral("agree")},
                              {},
                              QStringLiteral("Record that the DCS agreed their note's latest revision."),
                              0,
                              [](QCommandLineParser& parser) {
                                  cycleAndLa(parser);
                                  parser.addOption(
                                      byOption(QStringLiteral("Who agreed it (default: the LA's DCS).")));
                              },
                              agree});

const Registrar reopenCommand({{QStringLiteral("note"), QStringLiteral("reopen")},
                               {},
                               QStringLiteral("Reopen an agreed or shared note as a draft, with a reason."),
                               0,
                               [](QCommandLineParser& parser) {
                                   cycleAndLa(parser);
                                   parser.addOption({QStringLiteral("reason"),
                                                     QStringLiteral("Why it is reopened (kept)."),
                                                     QStringLiteral("TEXT")});
                                   parser.addOption(byOption(
                                       QStringLiteral("Who reopens it (default: the group's facilitator).")));
                               },
                               reopen});

} // namespace
} // namespace balcony::cli
