#include "cli/cli.h"

namespace balcony::cli {
namespace {

int init(Context& ctx, const QCommandLineParser&, const QStringList&) {
    Database* db = ctx.database(true);
    if (!db) {
        return BadInput;
    }
    ctx.out << "Region database ready: " << db->path() << " (schema " << db->schemaVersion() << ")"
            << Qt::endl;
    return Success;
}

const Registrar initCommand(
    {{QStringLiteral("init")}, {}, QStringLiteral("Create (or upgrade) the region database."), 0, {}, init});

} // namespace
} // namespace balcony::cli
