#include "bench_region.h"
#include "console/console_workspace.h"
#include "console/day_session.h"
#include "engine/clock.h"
#include "frame/application.h"
#include "frame/main_window.h"
#include "frame/prompter.h"
#include "presenter/presenter_view.h"
#include "presenter/presenter_window.h"

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <chrono>
#include <vector>

// From a click on Next to the presenter screen showing the new block: the program's window built as
// the program builds it (installProgramWorkspaces, openAtStart) on the real clock, a day started, the
// presenter window shown (compact), and then, many times over, a mouse click on the console's Next
// button between the presentation and the questions (Previous, not timed, goes back each time).
// Two instants are taken from the press: when the click's handler returned (the engine has
// committed the event, synchronous FULL, and every observer has the new state), and when the
// presenter screen's title label receives the paint event that draws the new block's title (the
// frame that shows it starts; offscreen, that frame is painted into the window's backing store).
//
// bench_next_to_presenter [CLICKS=200]   (QT_QPA_PLATFORM=offscreen unless set)
using namespace balcony;
using namespace balcony::bench;
using Steady = std::chrono::steady_clock;

namespace {

class SilentPrompter final : public gui::Prompter {
public:
    FirstStart askFirstStart(const QString&, bool) override { return FirstStart::Cancel; }
    bool askOpenReadOnly(const QString&) override { return false; }
    void showError(const QString& title, const QString& message) override {
        fail(title + QStringLiteral(": ") + message);
    }
    QString askOpenFile(const QString&, const QString&) override { return {}; }
    QString askSaveFile(const QString&, const QString&, const QString&) override { return {}; }
};

// Notes the first paint of a label after arm() at which the label shows `expected`.
class PaintWatch final : public QObject {
public:
    void arm(QLabel* label, const QString& expected) {
        if (m_label != nullptr) {
            m_label->removeEventFilter(this);
        }
        m_label = label;
        m_expected = expected;
        m_painted = false;
        m_label->installEventFilter(this);
    }
    bool painted() const { return m_painted; }
    Steady::time_point paintedAt() const { return m_at; }

    bool eventFilter(QObject* watched, QEvent* event) override {
        if (!m_painted && watched == m_label && event->type() == QEvent::Paint &&
            m_label->text() == m_expected) {
            m_at = Steady::now();
            m_painted = true;
        }
        return false;
    }

private:
    QLabel* m_label = nullptr;
    QString m_expected;
    bool m_painted = false;
    Steady::time_point m_at;
};

double ms(Steady::time_point from, Steady::time_point to) {
    return std::chrono::duration<double, std::milli>(to - from).count();
}

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    const auto at = static_cast<std::size_t>(p * double(values.size() - 1) + 0.5);
    return values[std::min(at, values.size() - 1)];
}

// The presenter view's label that shows the block's title.
QLabel* titleLabel(gui::PresenterView& view) {
    for (QLabel* label : view.findChildren<QLabel*>()) {
        if (label->isVisible() && label->text() == view.titleText()) {
            return label;
        }
    }
    fail(QStringLiteral("the presenter screen shows no title"));
}

} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    const int clicks = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 200;
    if (clicks < 1) {
        fail(QStringLiteral("click at least once"));
    }

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.balcony"));
    createRegion(path).reset(); // closed again: the window opens it as the program does
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    SilentPrompter prompter;
    const SystemClock clock;
    gui::MainWindow window(prompter, settings);
    gui::installProgramWorkspaces(window, prompter, clock);
    window.resize(1366, 768);
    window.show();
    if (!gui::openAtStart(window, path, false) || !window.showView(QStringLiteral("run-the-day"))) {
        fail(QStringLiteral("the console did not open"));
    }
    auto* console = window.workspace<gui::ConsoleWorkspace>();
    auto* next = window.findChild<QPushButton*>(QStringLiteral("consoleNext"));
    auto* previous = window.findChild<QPushButton*>(QStringLiteral("consolePrevious"));
    auto* start = window.findChild<QPushButton*>(QStringLiteral("consoleStart"));
    if (console == nullptr || console->session() == nullptr || console->presenterWindow() == nullptr ||
        next == nullptr || previous == nullptr || start == nullptr) {
        fail(QStringLiteral("the console has no day, no presenter window or no Next button"));
    }
    gui::DaySession& day = *console->session();
    gui::PresenterWindow& presenter = *console->presenterWindow();
    presenter.showCompact();
    QTest::mouseClick(start, Qt::LeftButton);
    QTest::mouseClick(next, Qt::LeftButton); // to the presentation (block 1)
    if (day.state().blockIndex != 1) {
        fail(QStringLiteral("the day did not start"));
    }
    const QString questions = day.plan().timetable.blocks.at(2).title;
    QTest::qWait(50);

    PaintWatch watch;
    std::vector<double> handled;
    std::vector<double> shown;
    for (int i = 0; i < clicks; ++i) {
        watch.arm(titleLabel(*presenter.view()), questions);
        const Steady::time_point pressed = Steady::now();
        QTest::mouseClick(next, Qt::LeftButton);
        const Steady::time_point returned = Steady::now();
        while (!watch.painted()) {
            QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 100);
            if (ms(pressed, Steady::now()) > 5000) {
                fail(QStringLiteral("the presenter screen did not repaint within 5 s"));
            }
        }
        handled.push_back(ms(pressed, returned));
        shown.push_back(ms(pressed, watch.paintedAt()));
        QTest::mouseClick(previous, Qt::LeftButton); // back to the presentation, not timed
        QTest::qWait(5);
    }

    std::printf("Next to the presenter screen: %d clicks, the window at 1366x768, platform %s\n\n", clicks,
                qPrintable(QGuiApplication::platformName()));
    std::printf("| %-58s | %9s | %9s | %9s | %9s |\n", "from the press of Next (ms)", "median", "p95", "min",
                "max");
    std::printf("|%s|%s|%s|%s|%s|\n", "------------------------------------------------------------",
                "-----------", "-----------", "-----------", "-----------");
    std::printf("| %-58s | %9.2f | %9.2f | %9.2f | %9.2f |\n", "click handled (event committed, views told)",
                percentile(handled, 0.5), percentile(handled, 0.95), percentile(handled, 0.0),
                percentile(handled, 1.0));
    std::printf("| %-58s | %9.2f | %9.2f | %9.2f | %9.2f |\n", "presenter title painted with the new block",
                percentile(shown, 0.5), percentile(shown, 0.95), percentile(shown, 0.0),
                percentile(shown, 1.0));
    return 0;
}
