#include "cli/cli.h"

namespace balcony::cli {

Context::Context(QString databasePath, QTextStream& outStream, QTextStream& errStream)
    : out(outStream)
    , err(errStream)
    , m_path(std::move(databasePath)) {}

Database* Context::database(bool create) {
    if (m_db) {
        return m_db.get();
    }
    auto opened = Database::open(m_path, {.create = create});
    if (!opened) {
        fail(opened.error());
        return nullptr;
    }
    m_db = std::move(*opened);
    return m_db.get();
}

int Context::fail(const Error& error) {
    err << "balcony-cli: " << error.message << Qt::endl;
    switch (error.kind) {
    case Error::Kind::Storage:
    case Error::Kind::Failed:
        return Failed;
    default:
        return BadInput;
    }
}

int Context::usage(const QString& message) {
    err << "balcony-cli: " << message << Qt::endl;
    return BadInput;
}

std::vector<Command>& registry() {
    static std::vector<Command> commands;
    return commands;
}

QCommandLineOption jsonOption() {
    return QCommandLineOption(QStringLiteral("json"), QStringLiteral("Print JSON instead of text."));
}

QCommandLineOption cycleOption() {
    return QCommandLineOption(QStringLiteral("cycle"), QStringLiteral("The cycle, by name (e.g. 2022-2023)."),
                              QStringLiteral("NAME"));
}

QString required(Context& ctx, const QCommandLineParser& parser, const QString& name) {
    const QString value = parser.value(name);
    if (value.trimmed().isEmpty()) {
        ctx.usage(QStringLiteral("--%1 is required (see --help).").arg(name));
    }
    return value;
}

} // namespace balcony::cli
