#include "frame/command_line.h"

#include "store/paths.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <cstdio>

namespace balcony::gui {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("balcony::gui::CommandLine", text);
}

void printError(const QString& message) {
    std::fprintf(stderr, "balcony: %s\n", qPrintable(message));
}
} // namespace

std::optional<CommandLine> parseCommandLine(const QStringList& arguments, const QStringList& viewNames,
                                            int& exitCode) {
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Plans and runs peer challenge days for children's services."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption db(QStringLiteral("db"), tr("The region database to open."), tr("FILE"));
    const QCommandLineOption readOnly(QStringLiteral("read-only"),
                                      tr("Open the database without changing it."));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        tr("Render a view to a PNG file and exit, without showing dialogs."),
                                        tr("OUT.png"));
    const QCommandLineOption view(QStringLiteral("view"),
                                  tr("The view to render: %1.").arg(viewNames.join(u", ")), tr("NAME"),
                                  QStringLiteral("schedule"));
    const QCommandLineOption size(QStringLiteral("size"), tr("The window size to render, e.g. 1280x800."),
                                  tr("WxH"), QStringLiteral("1280x800"));
    QCommandLineOption exitAfterFirstPaint(QStringLiteral("exit-after-first-paint"),
                                           tr("Exit once the main window has painted (for benchmarks)."));
    exitAfterFirstPaint.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({db, readOnly, screenshot, view, size, exitAfterFirstPaint});
    parser.addPositionalArgument(QStringLiteral("pack"), tr("A review pack (*.balcony-review) to open."),
                                 tr("[PACK]"));

    if (!parser.parse(arguments)) {
        printError(parser.errorText());
        exitCode = 2;
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        exitCode = 0;
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        std::printf("balcony %s\n", qPrintable(QCoreApplication::applicationVersion()));
        exitCode = 0;
        return std::nullopt;
    }
    if (parser.positionalArguments().size() > 1) {
        printError(
            tr("unexpected argument \"%1\"; name one review pack, or use --db FILE to name a database.")
                .arg(parser.positionalArguments().at(1)));
        exitCode = 2;
        return std::nullopt;
    }

    CommandLine result;
    result.databasePath = parser.isSet(db) ? parser.value(db) : databasePathFromEnvironment();
    result.databaseNamed = parser.isSet(db) || !qEnvironmentVariableIsEmpty("BALCONY_DB");
    result.readOnly = parser.isSet(readOnly);
    result.packPath = parser.positionalArguments().value(0);
    result.screenshotPath = parser.value(screenshot);
    result.exitAfterFirstPaint = parser.isSet(exitAfterFirstPaint);
    result.view = parser.value(view);
    if (!viewNames.contains(result.view)) {
        printError(tr("there is no view \"%1\"; choose one of %2.").arg(result.view, viewNames.join(u", ")));
        exitCode = 2;
        return std::nullopt;
    }
    const QStringList wh = parser.value(size).split(QLatin1Char('x'));
    bool okW = false;
    bool okH = false;
    if (wh.size() == 2) {
        result.size = QSize(wh[0].toInt(&okW), wh[1].toInt(&okH));
    }
    if (!okW || !okH || result.size.width() < 320 || result.size.height() < 240) {
        printError(tr("--size needs WIDTHxHEIGHT of at least 320x240, e.g. 1280x800."));
        exitCode = 2;
        return std::nullopt;
    }
    exitCode = 0;
    return result;
}

QString databaseToOpen(const CommandLine& options, const QStringList& recent) {
    if (options.databaseNamed) {
        return options.databasePath;
    }
    for (const QString& path : recent) {
        if (QFileInfo::exists(path)) {
            return path;
        }
    }
    return options.databasePath;
}

} // namespace balcony::gui
