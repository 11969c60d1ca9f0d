#include "frame/application.h"

#include "board/schedule_board_view.h"
#include "document/region_document.h"
#include "frame/command_line.h"
#include "frame/log_setup.h"
#include "frame/main_window.h"
#include "frame/prompter.h"
#include "frame/region_opener.h"
#include "frame/screenshot.h"
#include "support/logging.h"

#include <QApplication>
#include <QSettings>
#include <cstdio>

namespace balcony::gui {

namespace {

// Answers for a run that must never show a dialog: create nothing, fall back to read-only, and
// print errors.
class HeadlessPrompter final : public Prompter {
public:
    FirstStart askFirstStart(const QString&, bool) override { return FirstStart::Cancel; }
    bool askOpenReadOnly(const QString&) override { return true; }
    void showError(const QString& title, const QString& message) override {
        std::fprintf(stderr, "balcony: %s: %s\n", qPrintable(title), qPrintable(message));
    }
    QString askOpenFile(const QString&, const QString&) override { return {}; }
    QString askSaveFile(const QString&, const QString&, const QString&) override { return {}; }
};

int renderScreenshot(const CommandLine& options) {
    HeadlessPrompter prompter;
    QSettings settings(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("Balcony"),
                       QStringLiteral("balcony-screenshot"));
    settings.clear();
    MainWindow window(prompter, settings);
    window.setBoardFactory(&createScheduleBoard);
    if (!window.openDatabase(options.databasePath, options.readOnly)) {
        std::fprintf(stderr, "balcony: nothing to render: the database did not open.\n");
        return 3;
    }
    window.showView(options.view);
    if (auto saved = saveScreenshot(window, options.size, options.screenshotPath); !saved) {
        std::fprintf(stderr, "balcony: %s\n", qPrintable(saved.message()));
        return 3;
    }
    settings.clear();
    return 0;
}

} // namespace

int runApplication() {
    QApplication::setStyle(QStringLiteral("Fusion"));
    const QString logPath = setUpLogging();
    int exitCode = 0;
    const auto options = parseCommandLine(QApplication::arguments(), MainWindow::viewNames(), exitCode);
    if (!options) {
        return exitCode;
    }
    if (!options->screenshotPath.isEmpty()) {
        return renderScreenshot(*options);
    }
    logging::get("app")->info("Balcony {} started; log at {}",
                              QApplication::applicationVersion().toStdString(), logPath.toStdString());

    DialogPrompter prompter;
    QSettings settings;
    MainWindow window(prompter, settings);
    window.setBoardFactory(&createScheduleBoard);
    prompter.setParentWidget(&window);
    window.restoreFromSettings();
    window.show();
    window.openDatabase(options->databasePath, options->readOnly);
    window.restoreFromSettings();
    return QApplication::exec();
}

} // namespace balcony::gui
