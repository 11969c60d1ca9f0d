#include "cli/cli.h"
#include "engine/clock.h"
#include "offline/day_offline.h"
#include "store/location.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>

// day checkout / day checkin: a day offline at the venue (docs/server.md); every rule lives in
// core's offline/day_offline.h.
namespace balcony::cli {
namespace {

int checkout(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    if (!hasRequired(ctx, parser, {"cycle", "group", "out"})) {
        return BadInput;
    }
    Database* db = ctx.database();
    if (!db) {
        return BadInput;
    }
    const SystemClock clock;
    auto made =
        offline::checkOut(*db, parser.value(QStringLiteral("cycle")), parser.value(QStringLiteral("group")),
                          parser.value(QStringLiteral("out")), clock);
    if (!made) {
        return ctx.fail(made.error());
    }
    ctx.out << "Took group " << made->origin.groupLabel << " of " << made->origin.cycleName
            << " offline into " << QDir::toNativeSeparators(made->file) << " ("
            << counted(made->authorities, "LA", "LAs") << ", "
            << counted(made->items, "note or item", "notes and items") << " so far)." << Qt::endl
            << "Run the day on it with --db " << QDir::toNativeSeparators(made->file)
            << ", then bring it back with \"balcony-cli day checkin FILE\"." << Qt::endl;
    return Success;
}

int checkin(Context& ctx, const QCommandLineParser& parser, const QStringList& positional) {
    const QString file = positional.first();
    if (Location::looksLikeUrl(file)) {
        return ctx.usage(
            QStringLiteral("A day comes back from a file taken offline, not from \"%1\".").arg(file));
    }
    Database* db = ctx.database();
    if (!db) {
        return BadInput;
    }
    auto opened = Database::open(file);
    if (!opened) {
        return ctx.fail(opened.error());
    }
    const bool preview = parser.isSet(QStringLiteral("preview"));
    const SystemClock clock;
    auto summary = preview ? offline::previewCheckIn(*db, **opened) : offline::checkIn(*db, **opened, clock);
    if (!summary) {
        return ctx.fail(summary.error());
    }
    if (parser.isSet(QStringLiteral("json"))) {
        printJson(ctx, QJsonArray{QJsonObject{{QStringLiteral("checkout_id"), summary->origin.checkoutId},
                                              {QStringLiteral("cycle"), summary->origin.cycleName},
                                              {QStringLiteral("group"), summary->origin.groupLabel},
                                              {QStringLiteral("merged"), !preview},
                                              {QStringLiteral("events"), summary->events},
                                              {QStringLiteral("items"), summary->items},
                                              {QStringLiteral("revisions"), summary->revisions},
                                              {QStringLiteral("answers"), summary->answers}}});
        return Success;
    }
    ctx.out << (preview ? "Would bring back " : "Brought back ") << summary->describe() << Qt::endl;
    return Success;
}

const Registrar checkoutCommand(
    {{QStringLiteral("day"), QStringLiteral("checkout")},
     {},
     QStringLiteral("Take one group's day offline into a new region file (--cycle, --group, --out FILE)."),
     0,
     [](QCommandLineParser& p) {
         p.addOption(cycleOption());
         p.addOption({QStringLiteral("group"), QStringLiteral("The group, by label (e.g. A)."),
                      QStringLiteral("LABEL")});
         p.addOption(
             {QStringLiteral("out"), QStringLiteral("The new file to write."), QStringLiteral("FILE")});
     },
     checkout});

const Registrar checkinCommand(
    {{QStringLiteral("day"), QStringLiteral("checkin")},
     QStringLiteral("FILE"),
     QStringLiteral(
         "Bring a day taken offline back into the region ([--preview] to only say what it would merge)."),
     1,
     [](QCommandLineParser& p) {
         p.addOption(
             {QStringLiteral("preview"), QStringLiteral("Say what would be merged; change nothing.")});
         p.addOption(jsonOption());
     },
     checkin});

} // namespace
} // namespace balcony::cli
