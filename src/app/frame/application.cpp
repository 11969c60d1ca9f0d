#include "frame/application.h"

#include "board/schedule_board_view.h"
#include "document/region_document.h"
#include "frame/command_line.h"
#include "frame/log_setup.h"
#include "frame/main_window.h"
#include "frame/prompter.h"
#include "frame/region_opener.h"
#include "frame/screenshot.h"
#include "frame/standard_workspaces.h"
#include "support/logging.h"

#include <QApplication>
#include <QEvent>
#include <QSettings>
#include <QTimer>
#include <chrono>
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
    installStandardWorkspaces(window, prompter, &createScheduleBoard);
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

qint64 steadyNs() {
    return static_cast<qint64>(
        std::chrono::nanoseconds(std::chrono::steady_clock::now().time_since_epoch()).count());
}

// For --exit-after-first-paint: the monotonic clock at each step of starting, on stdout, so that
// bench_startup can tell where the time goes.
void markPhase(const char* phase) {
    std::printf("startup-phase %s %lld\n", phase, static_cast<long long>(steadyNs()));
}

// For --exit-after-first-paint: on the main window's first paint event, lets the rest of that paint
// (the children and the flush to the screen) finish, prints the monotonic clock in nanoseconds
// (the same clock std::chrono::steady_clock reads in tests/bench/bench_startup, which subtracts the
// spawn time) and quits the event loop with 0.
class FirstPaintExit final : public QObject {
public:
    explicit FirstPaintExit(QWidget& window)
        : m_window(window) {
        m_window.installEventFilter(this);
    }

    bool eventFilter(QObject* watched, QEvent* event) override {
        if (watched == &m_window && event->type() == QEvent::Paint && !m_painted) {
            m_painted = true;
            QTimer::singleShot(0, this, [] {
                std::printf("first-paint-steady-ns %lld\n", static_cast<long long>(steadyNs()));
                std::fflush(stdout);
                QCoreApplication::exit(0);
            });
        }
        return false;
    }

private:
    QWidget& m_window;
    bool m_painted = false;
};

// The desktop program as it starts for a user, without dialogs, exiting after its first paint.
int runUntilFirstPaint(const CommandLine& options) {
    markPhase("arguments-parsed");
    HeadlessPrompter prompter;
    QSettings settings;
    MainWindow window(prompter, settings);
    installStandardWorkspaces(window, prompter, &createScheduleBoard);
    window.placeFromSettings();
    window.restoreFromSettings();
    markPhase("window-built");
    window.show();
    markPhase("window-shown");
    if (!window.openDatabase(options.databasePath, options.readOnly)) {
        std::fprintf(stderr, "balcony: the database did not open.\n");
        return 3;
    }
    window.restoreFromSettings();
    markPhase("region-loaded");
    // Installed once the region is loaded: a paint before that (if opening let events through)
    // does not count.
    FirstPaintExit exitOnPaint(window);
    return QApplication::exec();
}

} // namespace

int runApplication() {
    QApplication::setStyle(QStringLiteral("Fusion"));
    const QString logPath = setUpLogging();
    int exitCode = 0;
    const auto options = parseCommandLine(QApplication::arguments(), standardViewNames(), exitCode);
    if (!options) {
        return exitCode;
    }
    if (!options->screenshotPath.isEmpty()) {
        return renderScreenshot(*options);
    }
    logging::get("app")->info("Balcony {} started; log at {}",
                              QApplication::applicationVersion().toStdString(), logPath.toStdString());
    if (options->exitAfterFirstPaint) {
        return runUntilFirstPaint(*options);
    }

    DialogPrompter prompter;
    QSettings settings;
    MainWindow window(prompter, settings);
    installStandardWorkspaces(window, prompter, &createScheduleBoard);
    prompter.setParentWidget(&window);
    window.placeFromSettings();
    window.restoreFromSettings();
    window.show();
    window.openDatabase(options->databasePath, options->readOnly);
    window.restoreFromSettings();
    return QApplication::exec();
}

} // namespace balcony::gui
