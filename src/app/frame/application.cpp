#include "frame/application.h"

#include "backups/backup_controller.h"
#include "board/schedule_board_view.h"
#include "console/console_workspace.h"
#include "console/day_session.h"
#include "console/notes_pane.h"
#include "console/question_panel.h"
#include "dcs/dcs_window.h"
#include "document/region_document.h"
#include "domain/schedule_store.h"
#include "engine/clock.h"
#include "frame/command_line.h"
#include "frame/log_setup.h"
#include "frame/main_window.h"
#include "frame/prompter.h"
#include "frame/recent_databases.h"
#include "frame/region_opener.h"
#include "frame/screenshot.h"
#include "frame/standard_workspaces.h"
#include "notes/note_review.h"
#include "notes/session_note_store.h"
#include "presenter/presenter_window.h"
#include "presenter/room_messages.h"
#include "store/database.h"
#include "store/location.h"
#include "store/server_roles.h"
#include "support/logging.h"

#include <QApplication>
#include <QEvent>
#include <QFile>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimeZone>
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

// The day views (console, presenter, plenary) show a demo day as it runs: they need a group's day.
bool isDayView(const QString& view) {
    return view == QLatin1String("console") || view == QLatin1String("presenter") ||
           view == QLatin1String("plenary");
}

// The first group day of the latest cycle in the database at path, 10:00 local time; invalid when there is
// none.
QDateTime firstGroupMorning(const QString& path) {
    auto opened = Database::open(path, {.create = false, .readOnly = true});
    if (!opened.ok()) {
        return {};
    }
    ScheduleStore schedule(**opened);
    QDate first;
    if (auto cycles = schedule.cycles(); cycles.ok()) {
        for (const auto& cycle : *cycles) {
            if (auto groups = schedule.groups(cycle.id); groups.ok()) {
                QDate cycleFirst;
                for (const auto& group : *groups) {
                    if (group.date.isValid() && (!cycleFirst.isValid() || group.date < cycleFirst)) {
                        cycleFirst = group.date;
                    }
                }
                if (cycleFirst.isValid()) {
                    first = cycleFirst; // cycles come by first day: the latest cycle's first day wins
                }
            }
        }
    }
    return first.isValid() ? QDateTime(first, QTime(9, 59), QTimeZone::systemTimeZone()).toUTC()
                           : QDateTime();
}

// Runs the console's day on the fixed clock: to 40 minutes into the first questions block, or to the
// plenary 20 minutes in. The day's events go to the copy the window opened, never to the user's file.
bool runDemoDay(MainWindow& window, FakeClock& clock, const QString& view) {
    window.showView(QStringLiteral("run-the-day"));
    auto* console = window.workspace<ConsoleWorkspace>();
    if (console == nullptr || console->session() == nullptr) {
        return false;
    }
    DaySession& day = *console->session();
    clock.advanceMinutes(1);
    if (!day.start(DayEngine::OtherDate::Confirmed)) {
        return false;
    }
    const bool plenary = view == QLatin1String("plenary");
    const auto& blocks = day.plan().timetable.blocks;
    const int last = static_cast<int>(blocks.size()) - 1;
    while (day.state().blockIndex < last) {
        const auto& block = blocks.at(static_cast<size_t>(day.state().blockIndex));
        if (!plenary && block.kind == BlockKind::Questions) {
            break;
        }
        // At the presentation the DCS's focus themes are ticked, as a facilitator would.
        if (block.kind == BlockKind::Presentation && console->questionPanel() != nullptr) {
            if (QListWidget* focus = console->questionPanel()->focusList(); focus != nullptr) {
                for (int row : {1, 6}) {
                    if (row < focus->count()) {
                        focus->item(row)->setCheckState(Qt::Checked);
                    }
                }
            }
        }
        clock.advanceMinutes(block.minutes);
        if (!day.next()) {
            return false;
        }
    }
    clock.advanceMinutes(plenary ? 10 : 40);
    day.refresh();
    if (auto* side = window.findChild<QTabWidget*>(QStringLiteral("consoleSide"))) {
        for (int i = 0; i < side->count(); ++i) {
            if (side->tabText(i).remove(u'&').startsWith(QStringLiteral("Questions"))) {
                side->setCurrentIndex(i);
            }
        }
    }
    // The notes beside the question bank, as a facilitator would have them by then (in the copy).
    if (!plenary && console->notesPane() != nullptr) {
        if (auto* editor = console->notesPane()->findChild<QPlainTextEdit*>()) {
            editor->setPlainText(
                MainWindow::tr("Lead reviewer opened on the front door: thresholds applied consistently?\n"
                               "Edge-of-care panel: placements down, but drift for older teenagers.\n"
                               "Ask: help with recruiting foster carers for sibling groups."));
            if (!console->notesPane()->flush()) {
                return false;
            }
        }
    }
    if (view == QLatin1String("presenter") && console->roomMessages() != nullptr) {
        console->roomMessages()->showCue(RoomCue::OpenQuestions);
    }
    return true;
}

int renderDayScreenshot(const CommandLine& options, Prompter& prompter, QSettings& settings) {
    QTemporaryDir scratch;
    const QString copy = scratch.filePath(QStringLiteral("day.balcony"));
    if (!scratch.isValid() || !QFile::copy(options.databasePath, copy)) {
        std::fprintf(stderr, "balcony: nothing to render: the database could not be copied.\n");
        return 3;
    }
    const QDateTime morning = firstGroupMorning(copy);
    if (!morning.isValid()) {
        std::fprintf(stderr, "balcony: nothing to render: the database has no group with a day.\n");
        return 3;
    }
    FakeClock clock(morning);
    MainWindow window(prompter, settings);
    window.backups()->setDailyBackups(false); // a tool mode only looks
    installStandardWorkspaces(window, prompter, &createScheduleBoard, &clock);
    if (!window.openDatabase(copy, false) || !runDemoDay(window, clock, options.view)) {
        std::fprintf(stderr, "balcony: nothing to render: the day could not be run.\n");
        return 3;
    }
    QWidget* shown = &window;
    if (options.view == QLatin1String("presenter")) {
        auto* console = window.workspace<ConsoleWorkspace>();
        if (console->presenterWindow() == nullptr) {
            std::fprintf(stderr, "balcony: nothing to render: no presenter screen.\n");
            return 3;
        }
        shown = console->presenterWindow();
    }
    if (auto saved = saveScreenshot(*shown, options.size, options.screenshotPath); !saved) {
        std::fprintf(stderr, "balcony: %s\n", qPrintable(saved.message()));
        return 3;
    }
    return 0;
}

// The view of the DCS's window: a review pack sent from a copy of the region (its first note that
// can be sent, by the fixed clock three days after that group's day), opened as the DCS opens it.
// The copy and the pack are removed afterwards; the user's file is only read.
int renderDcsPackScreenshot(const CommandLine& options, Prompter& prompter, QSettings& settings) {
    QTemporaryDir scratch;
    const QString copy = scratch.filePath(QStringLiteral("region.balcony"));
    if (!scratch.isValid() || !QFile::copy(options.databasePath, copy)) {
        std::fprintf(stderr, "balcony: nothing to render: the database could not be copied.\n");
        return 3;
    }
    QString packPath;
    QString dcsName;
    FakeClock clock(QDateTime(QDate(2000, 1, 1), QTime(10, 0), Qt::UTC));
    {
        auto opened = Database::open(copy, {.create = false, .readOnly = false});
        if (!opened.ok()) {
            std::fprintf(stderr, "balcony: nothing to render: %s\n", qPrintable(opened.message()));
            return 3;
        }
        Database& db = **opened;
        ScheduleStore schedule(db);
        SessionNoteStore notes(db, clock);
        auto cycles = schedule.cycles();
        if (!cycles.ok()) {
            std::fprintf(stderr, "balcony: nothing to render: %s\n", qPrintable(cycles.message()));
            return 3;
        }
        for (const auto& cycle : *cycles) {
            auto cycleNotes = notes.notes(cycle.id);
            auto loaded = schedule.load(cycle.id);
            if (!cycleNotes.ok() || !loaded.ok()) {
                continue;
            }
            for (const auto& note : *cycleNotes) {
                if (!packPath.isEmpty() ||
                    (note.status != NoteStatus::Draft && note.status != NoteStatus::Amended)) {
                    continue;
                }
                clock.setUtc(QDateTime(note.groupDate.addDays(3), QTime(10, 0), Qt::UTC));
                const Person* dcs = loaded->dcsOf(note.authorityId);
                dcsName = dcs != nullptr ? dcs->name : QStringLiteral("The DCS");
                auto sent = sendForReview(db, clock, note.id, scratch.path(), QStringLiteral("Balcony"));
                if (sent.ok()) {
                    packPath = sent->packPath;
                }
            }
        }
    }
    if (packPath.isEmpty()) {
        std::fprintf(stderr, "balcony: nothing to render: the database has no note that can be sent.\n");
        return 3;
    }
    clock.advanceMinutes(24 * 60);
    DcsWindow window(prompter, clock, settings);
    window.setDcsName(dcsName);
    if (!window.openPackFile(packPath)) {
        return 3;
    }
    if (auto saved = saveScreenshot(window, options.size, options.screenshotPath); !saved) {
        std::fprintf(stderr, "balcony: %s\n", qPrintable(saved.message()));
        return 3;
    }
    return 0;
}

int renderScreenshot(const CommandLine& options, const Clock& clock) {
    HeadlessPrompter prompter;
    QSettings settings(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("Balcony"),
                       QStringLiteral("balcony-screenshot"));
    settings.clear();
    if (options.view == QLatin1String("dcs-pack")) {
        const int code = renderDcsPackScreenshot(options, prompter, settings);
        settings.clear();
        return code;
    }
    if (isDayView(options.view)) {
        const int code = renderDayScreenshot(options, prompter, settings);
        settings.clear();
        return code;
    }
    MainWindow window(prompter, settings);
    window.backups()->setDailyBackups(false); // a tool mode only looks
    installProgramWorkspaces(window, prompter, clock);
    // "opening": the window as the program opens the region, on the computer's clock (a day live
    // today brings Run the Day to the front); the other views are shown by name.
    const bool opening = options.view == QLatin1String("opening");
    if (!(opening ? openAtStart(window, options.databasePath, options.readOnly)
                  : window.openDatabase(options.databasePath, options.readOnly))) {
        std::fprintf(stderr, "balcony: nothing to render: the database did not open.\n");
        return 3;
    }
    if (!opening) {
        window.showView(options.view);
    }
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
int runUntilFirstPaint(const CommandLine& options, const Clock& clock) {
    markPhase("arguments-parsed");
    HeadlessPrompter prompter;
    QSettings settings;
    MainWindow window(prompter, settings);
    window.backups()->setDailyBackups(false); // a tool mode only looks
    installProgramWorkspaces(window, prompter, clock);
    window.placeFromSettings();
    window.restoreFromSettings();
    markPhase("window-built");
    window.show();
    markPhase("window-shown");
    if (!openAtStart(window, options.databasePath, options.readOnly)) {
        std::fprintf(stderr, "balcony: the database did not open.\n");
        return 3;
    }
    markPhase("region-loaded");
    // Installed once the region is loaded: a paint before that (if opening let events through)
    // does not count.
    FirstPaintExit exitOnPaint(window);
    return QApplication::exec();
}

// The dialogs, giving the password typed for the program's first connection to the next one that
// asks (once), then asking as usual.
class OnePasswordPrompter final : public DialogPrompter {
public:
    explicit OnePasswordPrompter(std::optional<QString>& typed)
        : m_typed(typed) {}
    std::optional<QString> askPassword(const QString& server) override {
        if (m_typed) {
            std::optional<QString> given = std::move(m_typed);
            m_typed.reset();
            return given;
        }
        return DialogPrompter::askPassword(server);
    }

private:
    std::optional<QString>& m_typed;
};

} // namespace

std::optional<DcsRegion> dcsLoginOf(const QString& path, bool readOnly,
                                    const std::function<std::optional<QString>(const QString&)>& password) {
    const auto location = Location::parse(path);
    if (!location || !location->isServer()) {
        return std::nullopt;
    }
    // A region that does not open here is left to the main window, which says why.
    auto db = Database::open(path, {.readOnly = readOnly, .password = password});
    if (!db) {
        return std::nullopt;
    }
    auto login = server::serverRole(**db);
    if (!login || login->role != server::Role::Dcs) {
        return std::nullopt;
    }
    return DcsRegion{*login, std::move(*db)};
}

void installProgramWorkspaces(MainWindow& window, Prompter& prompter, const Clock& clock) {
    installStandardWorkspaces(window, prompter, &createScheduleBoard, &clock);
}

bool openAtStart(MainWindow& window, const QString& path, bool readOnly) {
    if (!window.openDatabase(path, readOnly)) {
        return false;
    }
    window.restoreFromSettings();
    if (auto* console = window.workspace<ConsoleWorkspace>();
        console != nullptr && console->resumedLiveDay()) {
        window.showView(QStringLiteral("run-the-day"));
    }
    return true;
}

int runApplication() {
    QApplication::setStyle(QStringLiteral("Fusion"));
    const QString logPath = setUpLogging();
    int exitCode = 0;
    const auto options = parseCommandLine(
        QApplication::arguments(),
        standardViewNames() + QStringList{QStringLiteral("console"), QStringLiteral("presenter"),
                                          QStringLiteral("plenary"), QStringLiteral("opening"),
                                          QStringLiteral("dcs-pack")},
        exitCode);
    if (!options) {
        return exitCode;
    }
    const SystemClock clock; // the program's one clock
    if (!options->screenshotPath.isEmpty()) {
        return renderScreenshot(*options, clock);
    }
    logging::get("app")->info("Balcony {} started; log at {}",
                              QApplication::applicationVersion().toStdString(), logPath.toStdString());
    if (options->exitAfterFirstPaint) {
        return runUntilFirstPaint(*options, clock);
    }

    QSettings settings;
    if (!options->packPath.isEmpty()) {
        // A review pack opens in the DCS's window alone: no region database is opened at all.
        DialogPrompter packPrompter;
        DcsWindow packWindow(packPrompter, clock, settings);
        packPrompter.setParentWidget(&packWindow);
        if (!packWindow.openPackFile(options->packPath, options->readOnly)) {
            return 1;
        }
        packWindow.resize(1100, 760);
        packWindow.show();
        return QApplication::exec();
    }

    const QString region = databaseToOpen(*options, RecentDatabases(settings).paths());
    // A password typed for the first connection (to ask whose login it is) is given to the main
    // window's too, so that it is not asked twice; it stays in memory only.
    std::optional<QString> typed;
    OnePasswordPrompter prompter(typed);
    if (auto dcs = dcsLoginOf(region, options->readOnly, [&prompter, &typed](const QString& server) {
            typed = prompter.askPassword(server);
            return typed;
        })) {
        // A DCS's login to a server region: their own window and note, not the project manager's
        // workspaces; the server shows this login nothing of another LA.
        typed.reset();
        DcsWindow dcsWindow(prompter, clock, settings);
        prompter.setParentWidget(&dcsWindow);
        dcsWindow.setServerLogin(region, dcs->login.authority);
        dcsWindow.openRegionNote(std::move(dcs->region), dcs->login.authorityId);
        dcsWindow.resize(1100, 760);
        dcsWindow.show();
        return QApplication::exec();
    }

    MainWindow window(prompter, settings);
    installProgramWorkspaces(window, prompter, clock);
    prompter.setParentWidget(&window);
    // File > Open on a review pack opens it in a DCS window of its own, beside the region.
    window.setReviewPackOpener([&clock, &settings](const QString& path) {
        auto* packPrompter = new DialogPrompter;
        auto* packWindow = new DcsWindow(*packPrompter, clock, settings);
        packWindow->setAttribute(Qt::WA_DeleteOnClose);
        packPrompter->setParentWidget(packWindow);
        QObject::connect(packWindow, &QObject::destroyed, [packPrompter] { delete packPrompter; });
        if (!packWindow->openPackFile(path)) {
            delete packWindow;
            return;
        }
        packWindow->resize(1100, 760);
        packWindow->show();
    });
    window.placeFromSettings();
    window.restoreFromSettings();
    window.show();
    openAtStart(window, region, options->readOnly);
    return QApplication::exec();
}

} // namespace balcony::gui
