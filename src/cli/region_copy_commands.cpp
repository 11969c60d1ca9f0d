#include "cli/cli.h"
#include "store/location.h"
#include "store/region_copy.h"

#include <QDir>

// region push and region pull: a region copied onto an empty database on a PostgreSQL server, or from
// one into a new file (docs/server.md, "Moving a region onto a server"). The copy, its check and
// its refusals are core's (store/region_copy.h); this file reads options and prints.
namespace balcony::cli {
namespace {

region_copy::Options copyOptions(Context& ctx) {
    region_copy::Options options;
    options.progress = [&ctx](const QString& line) { ctx.err << line << Qt::endl; };
    options.password = askPasswordAtTerminal;
    return options;
}

void printCopied(Context& ctx, const QString& from, const region_copy::Summary& summary) {
    ctx.out << "Copied the region from " << from << " to " << summary.target << ": "
            << counted(summary.tables, "table", "tables") << ", " << counted(summary.rows, "row", "rows")
            << ", every row checked against the original." << Qt::endl;
}

int push(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    const QString to = required(ctx, parser, QStringLiteral("to"));
    if (to.trimmed().isEmpty()) {
        return BadInput;
    }
    auto target = Location::parse(to);
    if (!target) {
        return ctx.fail(target.error());
    }
    if (!target->isServer()) {
        return ctx.usage(QStringLiteral("--to takes the address of an empty database on a PostgreSQL server, "
                                        "postgresql://USER@HOST/DATABASE. To copy a region file, use "
                                        "balcony-cli backup --out FILE."));
    }
    Database* source = ctx.readDatabase();
    if (source == nullptr) {
        return BadInput;
    }
    auto copied = region_copy::copy(*source, to, copyOptions(ctx));
    if (!copied) {
        return ctx.fail(copied.error());
    }
    printCopied(ctx, QDir::toNativeSeparators(source->path()), *copied);
    ctx.out << "Open it with: balcony-cli --db " << copied->target << " cycle list" << Qt::endl;
    return Success;
}

int pull(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    if (!hasRequired(ctx, parser, {"from", "out"})) {
        return BadInput;
    }
    const QString from = parser.value(QStringLiteral("from"));
    const QString out = parser.value(QStringLiteral("out"));
    auto server = Location::parse(from);
    if (!server) {
        return ctx.fail(server.error());
    }
    if (!server->isServer()) {
        return ctx.usage(QStringLiteral("--from takes the address of a region's database on a PostgreSQL "
                                        "server, postgresql://USER@HOST/DATABASE."));
    }
    if (Location::looksLikeUrl(out)) {
        return ctx.usage(QStringLiteral("--out takes the name of a new region file; to copy a region onto a "
                                        "server, use balcony-cli region push --to ADDRESS."));
    }
    // The new file's name and folder are checked before the server is asked for anything.
    if (auto fits = region_copy::checkTarget(out); !fits) {
        return ctx.fail(fits.error());
    }
    auto source = Database::open(from, {.readOnly = true, .password = askPasswordAtTerminal});
    if (!source) {
        return ctx.fail(source.error());
    }
    auto copied = region_copy::copy(**source, out, copyOptions(ctx));
    if (!copied) {
        return ctx.fail(copied.error());
    }
    printCopied(ctx, (*source)->path(), *copied);
    return Success;
}

const Registrar pushCommand(
    {{QStringLiteral("region"), QStringLiteral("push")},
     {},
     QStringLiteral(
         "Copy the region (--db) onto an empty database on a PostgreSQL server, and check the copy."),
     0,
     [](QCommandLineParser& parser) {
         parser.addOption(
             {QStringLiteral("to"),
              QStringLiteral("The empty server database, postgresql://USER@HOST[:PORT]/DATABASE."),
              QStringLiteral("ADDRESS")});
     },
     push});

const Registrar pullCommand(
    {{QStringLiteral("region"), QStringLiteral("pull")},
     {},
     QStringLiteral("Copy a region from a PostgreSQL server into a new region file, and check the copy."),
     0,
     [](QCommandLineParser& parser) {
         parser.addOption(
             {QStringLiteral("from"),
              QStringLiteral("The region's server database, postgresql://USER@HOST[:PORT]/DATABASE."),
              QStringLiteral("ADDRESS")});
         parser.addOption({QStringLiteral("out"), QStringLiteral("The new region file (never overwritten)."),
                           QStringLiteral("FILE")});
     },
     pull});

} // namespace
} // namespace balcony::cli
