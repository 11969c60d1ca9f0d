#include "cli/cli.h"
#include "store/location.h"
#include "store/paths.h"
#include "support/logging.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QGuiApplication>
#include <algorithm>
#include <cstdio>
#include <memory>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>

using namespace balcony;
using namespace balcony::cli;

namespace {

void setUpLogging(bool verbose) {
    std::vector<spdlog::sink_ptr> sinks;
    auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
    console->set_level(verbose ? spdlog::level::debug : spdlog::level::warn);
    console->set_pattern("balcony-cli: %v");
    sinks.push_back(console);
    const QString folder = logFolder();
    if (QDir().mkpath(folder)) {
        try {
            auto file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
                QDir(folder).filePath(QStringLiteral("balcony-cli.log")).toStdString(), 1024 * 1024, 3);
            file->set_level(spdlog::level::info);
            sinks.push_back(file);
        } catch (const spdlog::spdlog_ex&) {
            // A log file we cannot write must not stop the command.
        }
    }
    logging::setSinks(std::move(sinks), spdlog::level::debug);
    logging::routeQtMessages();
}

QString overview() {
    QString text =
        QStringLiteral(
            "Usage: balcony-cli [--db FILE] COMMAND [options]\n\n"
            "Balcony's command-line front end: schedule a region's peer challenge cycle and run its days.\n\n"
            "Global options:\n"
            "  --db FILE      the region database (default: $BALCONY_DB, else %1)\n"
            "  --take-over-lock\n"
            "                 take over the region's lock when another computer holds it (only when\n"
            "                 you are sure Balcony is no longer open there)\n"
            "  -v, --verbose  log what happens to stderr\n"
            "  --version      print the version\n"
            "  -h, --help     this help; COMMAND --help for a command's own\n\n"
            "Commands:\n")
            .arg(QDir::toNativeSeparators(defaultDatabasePath()));
    auto commands = registry();
    std::sort(commands.begin(), commands.end(),
              [](const Command& a, const Command& b) { return a.words.join(u' ') < b.words.join(u' '); });
    for (const auto& c : commands) {
        const QString name = QString(c.words.join(u' ') + u' ' + c.arguments).trimmed();
        // A long synopsis gets its own line, so that name and summary never run together.
        constexpr qsizetype width = 34;
        const QString column = name.size() < width ? name.leftJustified(width)
                                                   : QString(name + u'\n' + QString(width + 2, u' '));
        text += QStringLiteral("  %1%2\n").arg(column, c.summary);
    }
    return text;
}

const Command* findCommand(const QStringList& args, qsizetype& consumed) {
    const Command* best = nullptr;
    for (const auto& c : registry()) {
        if (c.words.size() <= args.size() && args.mid(0, c.words.size()) == c.words &&
            (!best || c.words.size() > best->words.size())) {
            best = &c;
        }
    }
    consumed = best ? best->words.size() : 0;
    return best;
}

// True when the command line (global options first, as main() reads them) names one of commands.
bool namesOneOf(int argc, char** argv, const std::vector<QStringList>& commands) {
    QStringList args;
    for (int i = 1; i < argc; ++i) {
        args << QString::fromLocal8Bit(argv[i]);
    }
    while (!args.isEmpty() && args.first().startsWith(u'-')) {
        if (args.takeFirst() == QStringLiteral("--db") && !args.isEmpty()) {
            args.removeFirst();
        }
    }
    return std::any_of(commands.begin(), commands.end(),
                       [&](const QStringList& words) { return args.mid(0, words.size()) == words; });
}

// Documents need fonts, which need a QGuiApplication; balcony-cli never shows a window, so it runs
// on the offscreen platform, which needs no display.
// A command that draws a chart (Qt Charts: QGraphicsWidgets) gets a QApplication on the same platform.
std::unique_ptr<QCoreApplication> makeApplication(int& argc, char** argv) {
    if (namesOneOf(argc, argv, documentCommands())) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        // Without a login session (cron, ssh, a container) Qt warns that XDG_RUNTIME_DIR is not set
        // and uses a folder of its own, which is all a document needs: not worth a line on stderr.
        static QtMessageHandler previous = nullptr;
        previous = qInstallMessageHandler(
            [](QtMsgType type, const QMessageLogContext& context, const QString& text) {
                if (previous != nullptr &&
                    !text.startsWith(QStringLiteral("QStandardPaths: XDG_RUNTIME_DIR not set"))) {
                    previous(type, context, text);
                }
            });
        std::unique_ptr<QCoreApplication> application;
        if (namesOneOf(argc, argv, chartDocumentCommands())) {
            application = std::make_unique<QApplication>(argc, argv);
        } else {
            application = std::make_unique<QGuiApplication>(argc, argv);
        }
        qInstallMessageHandler(previous);
        return application;
    }
    return std::make_unique<QCoreApplication>(argc, argv);
}

} // namespace

int main(int argc, char** argv) {
    const auto application = makeApplication(argc, argv);
    QCoreApplication& app = *application;
    setApplicationIdentity(QStringLiteral("balcony-cli"));
    QTextStream out(stdout);
    QTextStream err(stderr);

    QStringList args = app.arguments().mid(1);
    QString dbPath = databasePathFromEnvironment();
    bool verbose = false;
    bool takeOverLock = false;
    while (!args.isEmpty() && args.first().startsWith(u'-')) {
        const QString option = args.takeFirst();
        if (option == QStringLiteral("--db")) {
            if (args.isEmpty()) {
                err << "balcony-cli: --db needs a file name." << Qt::endl;
                return BadInput;
            }
            dbPath = args.takeFirst();
        } else if (option.startsWith(QStringLiteral("--db="))) {
            dbPath = option.mid(5);
        } else if (option == QStringLiteral("--take-over-lock")) {
            takeOverLock = true;
        } else if (option == QStringLiteral("-v") || option == QStringLiteral("--verbose")) {
            verbose = true;
        } else if (option == QStringLiteral("--version")) {
            out << "balcony-cli " << QCoreApplication::applicationVersion() << Qt::endl;
            return Success;
        } else if (option == QStringLiteral("-h") || option == QStringLiteral("--help")) {
            out << overview();
            return Success;
        } else {
            err << "balcony-cli: unknown option " << option << " (see --help)." << Qt::endl;
            return BadInput;
        }
    }
    if (args.isEmpty()) {
        err << overview();
        return BadInput;
    }

    qsizetype consumed = 0;
    const Command* command = findCommand(args, consumed);
    if (!command) {
        err << "balcony-cli: unknown command \"" << args.join(u' ') << "\" (see --help)." << Qt::endl;
        return BadInput;
    }
    setUpLogging(verbose);

    QCommandLineParser parser;
    parser.setApplicationDescription(command->summary);
    parser.addHelpOption();
    if (command->addOptions) {
        command->addOptions(parser);
    }
    const QString name = command->words.join(u' ');
    QStringList parserArgs{QStringLiteral("balcony-cli ") + name};
    parserArgs += args.mid(consumed);
    if (!parser.parse(parserArgs)) {
        err << "balcony-cli " << name << ": " << parser.errorText() << Qt::endl;
        return BadInput;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        // Qt's first line names the binary's path; scripts and docs want the command as typed.
        QString help = parser.helpText();
        const qsizetype firstLineEnd = help.indexOf(u'\n');
        help.replace(0, firstLineEnd,
                     QString(QStringLiteral("Usage: balcony-cli ") + name + QStringLiteral(" [options]") +
                             (command->arguments.isEmpty() ? QString() : u' ' + command->arguments)));
        out << help;
        return Success;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != command->positionalCount) {
        err << "balcony-cli " << name << ": expected " << command->positionalCount
            << " argument(s): " << command->arguments << " (see --help)." << Qt::endl;
        return BadInput;
    }
    // A location's shown() never holds a password; an address that cannot be read is not logged.
    const auto location = Location::parse(dbPath);
    logging::get("cli")->info("{} on {}", name.toStdString(),
                              location ? location->shown().toStdString()
                                       : std::string("an unreadable address"));
    Context context(dbPath, out, err);
    context.setTakeOverLock(takeOverLock);
    return command->run(context, parser, positional);
}
