#include "cli/cli.h"
#include "domain/roster_store.h"
#include "notes/note_store.h"
#include "notes/note_target.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <map>

// capture, notes list, notes history: what the facilitator's console saves and shows during a day.
namespace balcony::cli {
namespace {

QString kindList() {
    return noteKindKeys().join(u'|');
}

void addTargetOptions(QCommandLineParser& parser) {
    parser.addOption(cycleOption());
    parser.addOption(
        {QStringLiteral("group"), QStringLiteral("The group, by label."), QStringLiteral("LABEL")});
}

void addCaptureOptions(QCommandLineParser& parser) {
    addTargetOptions(parser);
    parser.addOption({QStringLiteral("la"), QStringLiteral("The LA whose session the item is about."),
                      QStringLiteral("LA")});
    parser.addOption({QStringLiteral("kind"), QStringLiteral("What the item is: %1.").arg(kindList()),
                      QStringLiteral("KIND")});
    parser.addOption({QStringLiteral("theme"), QStringLiteral("The signature-of-risk theme it belongs to."),
                      QStringLiteral("THEME")});
    parser.addOption({QStringLiteral("block"),
                      QStringLiteral("The block of the day it was taken in (from 0)."),
                      QStringLiteral("INDEX")});
    parser.addOption(
        {QStringLiteral("text"), QStringLiteral("The text of the item."), QStringLiteral("TEXT")});
}

int capture(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    // Everything that needs no database is checked first, so that a refusal never opens (or creates) it.
    if (!hasRequired(ctx, parser, {"cycle", "group", "la", "kind", "text"})) {
        return BadInput;
    }
    NoteContent content;
    const auto kind = noteKindFromKey(parser.value(QStringLiteral("kind")).trimmed().toLower());
    if (!kind) {
        return ctx.usage(QStringLiteral("--kind %1 is not a kind of note; use one of %2. Nothing was saved.")
                             .arg(parser.value(QStringLiteral("kind")), kindList()));
    }
    content.kind = *kind;
    content.theme = parser.value(QStringLiteral("theme")).trimmed();
    content.text = parser.value(QStringLiteral("text"));
    if (parser.isSet(QStringLiteral("block"))) {
        bool ok = false;
        const int block = parser.value(QStringLiteral("block")).toInt(&ok);
        if (!ok || block < 0) {
            return ctx.usage(
                QStringLiteral("--block %1 is not a block number (0, 1, 2, ...). Nothing was saved.")
                    .arg(parser.value(QStringLiteral("block"))));
        }
        content.blockIndex = block;
    }
    if (auto valid = validate(content); !valid) {
        return ctx.fail(valid.error());
    }
    Database* db = ctx.database();
    if (!db) {
        return BadInput;
    }
    auto target = findNoteTarget(*db, parser.value(QStringLiteral("cycle")),
                                 parser.value(QStringLiteral("group")), parser.value(QStringLiteral("la")));
    if (!target) {
        return ctx.fail(target.error());
    }
    NoteStore notes(*db);
    auto id = notes.capture(target->groupId, target->authorityId, content);
    if (!id) {
        return ctx.fail(id.error());
    }
    ctx.out << *id << Qt::endl;
    return Success;
}

QJsonValue jsonBlock(const NoteContent& content) {
    return content.blockIndex ? QJsonValue(*content.blockIndex) : QJsonValue(QJsonValue::Null);
}

int listNotes(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    if (!hasRequired(ctx, parser, {"cycle", "group"})) {
        return BadInput;
    }
    Database* db = ctx.readDatabase();
    if (!db) {
        return BadInput;
    }
    auto target = findNoteTarget(*db, parser.value(QStringLiteral("cycle")),
                                 parser.value(QStringLiteral("group")), parser.value(QStringLiteral("la")));
    if (!target) {
        return ctx.fail(target.error());
    }
    auto items = NoteStore(*db).current(target->groupId, {.authorityId = target->authorityId, .kind = {}});
    if (!items) {
        return ctx.fail(items.error());
    }
    auto authorities = RosterStore(*db).authorities();
    if (!authorities) {
        return ctx.fail(authorities.error());
    }
    std::map<qint64, QString> names;
    for (const auto& a : *authorities) {
        names[a.id] = a.name;
    }

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const auto& item : *items) {
            const auto& c = item.current.content;
            array.append(QJsonObject{
                {QStringLiteral("id"), item.id},
                {QStringLiteral("la"), names[item.authorityId]},
                {QStringLiteral("kind"), toKey(c.kind)},
                {QStringLiteral("theme"), c.theme},
                {QStringLiteral("block"), jsonBlock(c)},
                {QStringLiteral("text"), c.text},
                {QStringLiteral("revision"), item.current.number},
                {QStringLiteral("capturedAtUtc"), item.capturedAtUtc.toString(Qt::ISODateWithMs)},
                {QStringLiteral("savedAtUtc"), item.current.savedAtUtc.toString(Qt::ISODateWithMs)},
            });
        }
        const QJsonObject root{{QStringLiteral("cycle"), parser.value(QStringLiteral("cycle"))},
                               {QStringLiteral("group"), target->groupLabel},
                               {QStringLiteral("items"), array}};
        ctx.out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
        return Success;
    }
    if (items->empty()) {
        ctx.out << "No notes yet for group " << target->groupLabel << "." << Qt::endl;
        return Success;
    }
    for (const auto& item : *items) {
        const auto& c = item.current.content;
        QStringList details{displayName(c.kind)};
        if (!c.theme.isEmpty()) {
            details << QStringLiteral("theme: ") + c.theme;
        }
        if (c.blockIndex) {
            details << QStringLiteral("block %1").arg(*c.blockIndex);
        }
        QString text = c.text;
        text.replace(u'\n', QStringLiteral("\n    "));
        ctx.out << "#" << item.id << "  " << names[item.authorityId] << "  ("
                << details.join(QStringLiteral(", ")) << ")\n    " << text << Qt::endl;
    }
    return Success;
}

int history(Context& ctx, const QCommandLineParser& parser, const QStringList& positional) {
    bool ok = false;
    const qint64 itemId = positional.value(0).toLongLong(&ok);
    if (!ok || itemId <= 0) {
        return ctx.usage(QStringLiteral("\"%1\" is not a note item number.").arg(positional.value(0)));
    }
    Database* db = ctx.readDatabase();
    if (!db) {
        return BadInput;
    }
    auto revisions = NoteStore(*db).history(itemId);
    if (!revisions) {
        return ctx.fail(revisions.error());
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const auto& r : *revisions) {
            array.append(QJsonObject{
                {QStringLiteral("revision"), r.number},
                {QStringLiteral("savedAtUtc"), r.savedAtUtc.toString(Qt::ISODateWithMs)},
                {QStringLiteral("deleted"), r.deleted},
                {QStringLiteral("kind"), toKey(r.content.kind)},
                {QStringLiteral("theme"), r.content.theme},
                {QStringLiteral("block"), jsonBlock(r.content)},
                {QStringLiteral("text"), r.content.text},
            });
        }
        ctx.out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return Success;
    }
    for (const auto& r : *revisions) {
        ctx.out << "revision " << r.number << "  " << r.savedAtUtc.toString(Qt::ISODateWithMs) << "  "
                << (r.deleted ? QStringLiteral("deleted") : displayName(r.content.kind)) << "\n    "
                << QString(r.content.text).replace(u'\n', QStringLiteral("\n    ")) << Qt::endl;
    }
    return Success;
}

const Registrar captureCommand({{QStringLiteral("capture")},
                                {},
                                QStringLiteral("Save a note or outcome item for an LA's session."),
                                0,
                                addCaptureOptions,
                                capture});

const Registrar listCommand({{QStringLiteral("notes"), QStringLiteral("list")},
                             {},
                             QStringLiteral("List a group's current notes and outcome items."),
                             0,
                             [](QCommandLineParser& parser) {
                                 addTargetOptions(parser);
                                 parser.addOption({QStringLiteral("la"),
                                                   QStringLiteral("Only this LA's items."),
                                                   QStringLiteral("LA")});
                                 parser.addOption(jsonOption());
                             },
                             listNotes});

const Registrar historyCommand({{QStringLiteral("notes"), QStringLiteral("history")},
                                QStringLiteral("ITEM"),
                                QStringLiteral("Show every saved revision of one note item."),
                                1,
                                [](QCommandLineParser& parser) { parser.addOption(jsonOption()); },
                                history});

} // namespace
} // namespace balcony::cli
