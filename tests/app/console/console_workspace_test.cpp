#include "app/frame/fake_prompter.h"
#include "app/frame/qt_catch.h"
#include "app/frame/region_fixture.h"
#include "console/console_workspace.h"
#include "console/countdown_view.h"
#include "console/day_session.h"
#include "console/day_strip.h"
#include "console/notes_pane.h"
#include "console/question_panel.h"
#include "document/region_document.h"
#include "engine/clock.h"
#include "engine/day_engine.h"
#include "frame/main_window.h"
#include "frame/standard_workspaces.h"
#include "helpers/disk_full.h"
#include "helpers/temp_dir.h"
#include "notes/note_store.h"
#include "presenter/presenter_miniature.h"
#include "presenter/presenter_view.h"
#include "presenter/presenter_window.h"
#include "presenter/room_messages.h"
#include "support/disk_full.h"

#include <QApplication>
#include <QComboBox>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTextEdit>
#include <QTimeEdit>
#include <QTimeZone>
#include <catch2/catch.hpp>

// The facilitator's console driven as a facilitator would: through its own buttons and keys, on a
// fake clock. Group 1 of the fixture (Kent, Medway, Surrey) meets on Tuesday 12 March 2024.
using namespace balcony;
using namespace balcony::test;

namespace {

// A clock time on a March day in the zone the plan's clock times are read in.
QDateTime march(int day, int hour, int minute) {
    return QDateTime(QDate(2024, 3, day), QTime(hour, minute), QTimeZone::systemTimeZone()).toUTC();
}

struct Console {
    RegionFixture region;
    std::unique_ptr<gui::RegionDocument> document = region.openDocument();
    FakePrompter prompter;
    FakeClock clock;
    std::unique_ptr<gui::ConsoleWorkspace> workspace;

    explicit Console(const QDateTime& at)
        : clock(at) {
        open();
    }
    void open() {
        workspace = std::make_unique<gui::ConsoleWorkspace>(prompter, &clock);
        page()->resize(1366, 768);
        page()->show();
        QApplication::setActiveWindow(page());
        workspace->setDocument(document.get());
    }
    QWidget* page() const { return workspace->widget(); }
    template <typename T>
    T* find(const char* name) const {
        auto* child = page()->findChild<T*>(QString::fromLatin1(name));
        REQUIRE(child != nullptr);
        return child;
    }
    QString text(const char* label) const { return find<QLabel>(label)->text(); }
    void click(const char* button) {
        auto* b = find<QPushButton>(button);
        REQUIRE(b->isEnabled());
        QTest::mouseClick(b, Qt::LeftButton);
    }
    void key(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::ControlModifier) {
        QWidget* target = QApplication::focusWidget() != nullptr ? QApplication::focusWidget() : page();
        QTest::keyClick(target, key, modifiers);
    }
    gui::DaySession& day() const {
        REQUIRE(workspace->session() != nullptr);
        return *workspace->session();
    }
    QString countdown() const { return find<gui::CountdownView>("consoleCountdown")->shownText(); }
    void advanceMinutes(int minutes) {
        clock.advanceMinutes(minutes);
        day().refresh();
    }
};

} // namespace

TEST_CASE("The console preselects the group meeting today and shows its timetable", "[console][workspace]") {
    Console c(march(19, 8, 30));
    CHECK(c.find<QComboBox>("consoleGroup")->currentText().startsWith(QStringLiteral("Group 2")));
    auto* timeline = c.find<QListWidget>("consoleTimeline");
    REQUIRE(timeline->count() == static_cast<int>(c.day().plan().timetable.blocks.size()));
    CHECK(timeline->item(0)->text().contains(QStringLiteral("10:00")));
    CHECK(timeline->item(0)->text().contains(QStringLiteral("Introductions")));
    CHECK_FALSE(c.find<QFrame>("consoleLateBanner")->isVisible()); // 8:30: not late yet

    Console other(march(12, 8, 30));
    CHECK(other.find<QComboBox>("consoleGroup")->currentText().startsWith(QStringLiteral("Group 1")));
}

TEST_CASE("A whole triad day run through the console's buttons and keys", "[console][workspace]") {
    Console c(march(12, 10, 10));
    REQUIRE(c.find<QComboBox>("consoleGroup")->currentText().startsWith(QStringLiteral("Group 1")));

    // Ten past ten and nobody started the clock: the banner says so; the day really began at 10:04.
    auto* late = c.find<QFrame>("consoleLateBanner");
    REQUIRE(late->isVisible());
    CHECK(c.text("consoleLateBannerText").contains(QStringLiteral("10:00")));
    c.find<QTimeEdit>("consoleStartedAtTime")->setTime(QTime(10, 4));
    QSignalSpy announced(c.document.get(), &gui::RegionDocument::dayChanged);
    c.click("consoleStartedAt");
    CHECK(announced.count() == 1);             // the rest of the program hears of the start
    CHECK(c.prompter.confirmations.isEmpty()); // on the group's day: nothing to confirm
    CHECK_FALSE(late->isVisible());
    CHECK(c.day().state().status == DayStatus::Running);
    CHECK(c.countdown() == QStringLiteral("09:00"));
    CHECK(c.text("consoleBlock").contains(QStringLiteral("Introductions")));
    CHECK(c.text("consoleNextBlock").contains(QStringLiteral("10:15")));
    const QString introductionsRule = c.text("consoleRule");

    // Keys: Ctrl+Right moves on; the presentation's rule replaces the introductions'.
    c.page()->setFocus();
    c.key(Qt::Key_Right);
    REQUIRE(c.day().state().blockIndex == 1);
    CHECK(c.text("consoleBlock").contains(QStringLiteral("Presentation")));
    CHECK(c.text("consoleWho").contains(QStringLiteral("Kent")));
    CHECK(c.text("consoleWho").contains(QStringLiteral("Medway"))); // Kent's lead reviewer
    CHECK(c.text("consoleRule") != introductionsRule);
    CHECK(c.text("consoleRule").contains(QStringLiteral("visitors listen")));

    // Questions: Medway (the lead reviewer's team) asks first; Next team hands over to Surrey.
    c.click("consoleNext");
    REQUIRE(c.day().state().blockIndex == 2);
    CHECK(c.text("consoleRule").startsWith(QStringLiteral("Open questions only")));
    CHECK(c.text("consoleSpeaker").contains(QStringLiteral("Medway asks")));
    c.click("consoleNextTeam");
    CHECK(c.text("consoleSpeaker").contains(QStringLiteral("Surrey asks")));
    c.key(Qt::Key_Space); // pause and resume by key
    CHECK(c.day().state().status == DayStatus::Paused);
    CHECK(c.find<QPushButton>("consolePause")->text() == QStringLiteral("Resume"));
    c.key(Qt::Key_Space);
    CHECK(c.day().state().status == DayStatus::Running);

    // The questions run over: the countdown shows the overrun, the projection the delay.
    c.advanceMinutes(95);
    CHECK(c.countdown() == QStringLiteral("+25:00"));
    c.advanceMinutes(30); // and on: half an hour behind the timetable
    CHECK(c.countdown() == QStringLiteral("+55:00"));
    CHECK(c.text("consoleProjection").contains(QStringLiteral("behind")));
    c.click("consoleNext");
    c.click("consoleNext"); // affirmation -> insights
    REQUIRE(c.day().state().blockIndex == 4);
    CHECK(c.text("consoleRule").contains(QStringLiteral("presenting team stays silent")));

    // Catch-up: the engine's proposal shows which later blocks shrink; accepted with one click.
    c.click("consoleCatchUp");
    auto* panel = c.find<QFrame>("consoleCatchUpPanel");
    REQUIRE(panel->isVisible());
    CHECK(c.text("consoleCatchUpPanelText").contains(QStringLiteral("behind")));
    CHECK(c.text("consoleCatchUpPanelText").contains(QStringLiteral("Questions")));
    const QDateTime projectedBefore = c.day().state().projectedEnd;
    c.click("consoleCatchUpAccept");
    CHECK_FALSE(panel->isVisible());
    CHECK(c.day().state().projectedEnd < projectedBefore);
    bool shrunk = false;
    for (int row = 5; row < c.find<QListWidget>("consoleTimeline")->count(); ++row) {
        shrunk = shrunk ||
                 c.find<QListWidget>("consoleTimeline")->item(row)->text().contains(QStringLiteral(" min]"));
    }
    CHECK(shrunk);

    // +1 and +5 and one minute less, then on to the last block.
    const QString before = c.countdown();
    c.click("consoleExtend5");
    c.key(Qt::Key_Up);
    c.key(Qt::Key_Down);
    CHECK(c.countdown() != before);
    const int last = static_cast<int>(c.day().plan().timetable.blocks.size()) - 1;
    while (c.day().state().blockIndex < last) {
        c.advanceMinutes(5);
        c.click("consoleNext");
    }
    CHECK(c.text("consoleBlock").contains(QStringLiteral("Plenary")));

    // Finishing cannot be undone: it asks first, and a "no" changes nothing.
    c.prompter.confirmAnswer = false;
    c.click("consoleFinish");
    CHECK(c.prompter.confirmations.size() == 1);
    CHECK(c.day().state().status == DayStatus::Running);
    c.prompter.confirmAnswer = true;
    c.key(Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    CHECK(c.prompter.confirmations.size() == 2);
    CHECK(c.day().state().status == DayStatus::Finished);
    CHECK(c.text("consoleProjection").startsWith(QStringLiteral("Finished at")));
    CHECK_FALSE(c.find<QPushButton>("consoleNext")->isEnabled());
}

TEST_CASE("No console key fires while a text field has the focus", "[console][workspace]") {
    Console c(march(12, 9, 55));
    c.click("consoleStart");
    REQUIRE(c.day().state().status == DayStatus::Running);
    auto* note = new QLineEdit(c.page()); // as the notes pane's field would be
    note->show();
    note->setFocus();
    REQUIRE(QApplication::focusWidget() == note);
    c.key(Qt::Key_Right);
    c.key(Qt::Key_Space);
    c.key(Qt::Key_Up);
    CHECK(c.day().state().blockIndex == 0);
    CHECK(c.day().state().status == DayStatus::Running);
    CHECK(c.countdown() == QStringLiteral("15:00"));

    CHECK_FALSE(c.find<QShortcut>("consoleNextKey")->isEnabled());

    auto* longer = new QTextEdit(c.page()); // a longer note
    longer->show();
    longer->setFocus();
    REQUIRE(QApplication::focusWidget() == longer);
    c.key(Qt::Key_Right);
    c.key(Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    CHECK(c.day().state().blockIndex == 0);
    CHECK(c.prompter.confirmations.isEmpty());

    c.page()->setFocus(); // out of the field, the same key moves on
    CHECK(c.find<QShortcut>("consoleNextKey")->isEnabled());
    c.key(Qt::Key_Right);
    CHECK(c.day().state().blockIndex == 1);
}

TEST_CASE("A start on another date than the group's day asks first", "[console][workspace]") {
    Console c(march(11, 18, 0)); // the evening before: today's group is none, Group 1 is chosen
    REQUIRE(c.workspace->selectGroup(c.region.cycleId, c.day().groupId()));
    CHECK_FALSE(c.find<QFrame>("consoleLateBanner")->isVisible());
    CHECK(c.text("consoleProjection").contains(QStringLiteral("meets on Tuesday 12 March 2024")));
    c.prompter.confirmAnswer = false;
    c.click("consoleStart");
    REQUIRE(c.prompter.confirmations.size() == 1);
    CHECK(c.prompter.confirmations.front().contains(QStringLiteral("12")));
    CHECK(c.day().state().status == DayStatus::NotStarted);
    c.prompter.confirmAnswer = true;
    c.click("consoleStart");
    CHECK(c.day().state().status == DayStatus::Running);
}

TEST_CASE("Opening the console again during a live day resumes it and says for how long it was away",
          "[console][workspace]") {
    Console c(march(12, 10, 0));
    c.click("consoleStart");
    c.advanceMinutes(10);
    c.click("consoleNext"); // 10:10: the presentation begins
    CHECK_FALSE(c.find<QFrame>("consoleResumeBanner")->isVisible());

    // The program dies; 25 minutes later it is opened again on the same database.
    c.workspace.reset();
    c.clock.advanceMinutes(25);
    c.open();
    REQUIRE(c.find<QComboBox>("consoleGroup")->currentText().startsWith(QStringLiteral("Group 1")));
    CHECK(c.day().state().blockIndex == 1);
    CHECK(c.text("consoleBlock").contains(QStringLiteral("Presentation")));
    CHECK(c.countdown() == QStringLiteral("+10:00")); // 15 minutes planned, 25 gone
    auto* banner = c.find<QFrame>("consoleResumeBanner");
    REQUIRE(banner->isVisible());
    CHECK(c.text("consoleResumeBannerText").contains(QStringLiteral("resumed")));
    CHECK(c.text("consoleResumeBannerText").contains(QStringLiteral("25 min")));
    CHECK(c.text("consoleResumeBannerText").contains(QStringLiteral("10:10")));
}

TEST_CASE("The window's Run the Day view is the console, on the clock the window was given",
          "[console][workspace]") {
    RegionFixture region;
    FakePrompter prompter;
    TempDir dir;
    QSettings settings(dir.path(QStringLiteral("settings.ini")), QSettings::IniFormat);
    FakeClock clock(march(19, 9, 0)); // Group 2's day
    gui::MainWindow window(prompter, settings);
    gui::installStandardWorkspaces(window, prompter, {}, &clock);
    window.setDocument(region.openDocument());
    window.resize(1366, 768);
    window.show();
    REQUIRE(window.showView(QStringLiteral("run-the-day")));
    auto* countdown = window.findChild<gui::CountdownView*>(QStringLiteral("consoleCountdown"));
    REQUIRE(countdown != nullptr);
    CHECK(countdown->isVisible());
    CHECK(countdown->shownText() == QStringLiteral("15:00"));
    auto* group = window.findChild<QComboBox*>(QStringLiteral("consoleGroup"));
    REQUIRE(group != nullptr);
    CHECK(group->currentText().startsWith(QStringLiteral("Group 2")));
    CHECK(window.currentWorkspace()->undoStack() == nullptr);
}

TEST_CASE("After a restart the console opens on the group whose day is live, even if another meets today",
          "[console][workspace]") {
    Console c(march(12, 18, 0)); // Group 1's day is over; a rehearsal of Group 2's begins
    const qint64 group1 = c.workspace->currentGroupId();
    REQUIRE(c.find<QComboBox>("consoleGroup")->currentText().startsWith(QStringLiteral("Group 1")));
    auto* groups = c.find<QComboBox>("consoleGroup");
    groups->setCurrentIndex(1);
    REQUIRE(c.workspace->currentGroupId() != group1);
    const qint64 group2 = c.workspace->currentGroupId();
    c.prompter.confirmAnswer = true; // a rehearsal: not Group 2's day
    c.click("consoleStart");
    REQUIRE(c.day().state().status == DayStatus::Running);

    c.workspace.reset();
    c.clock.advanceMinutes(3);
    c.open();
    CHECK(c.workspace->currentGroupId() == group2);
    CHECK(c.find<QFrame>("consoleResumeBanner")->isVisible());
    CHECK(c.countdown() == QStringLiteral("12:00"));
}

TEST_CASE("In the window the console's notes, quick capture, questions and room messages follow the day",
          "[console][workspace]") {
    RegionFixture region;
    FakePrompter prompter;
    TempDir dir;
    QSettings settings(dir.path(QStringLiteral("settings.ini")), QSettings::IniFormat);
    FakeClock clock(march(19, 9, 58)); // Group 2's day, just before it starts
    gui::MainWindow window(prompter, settings);
    gui::installStandardWorkspaces(window, prompter, {}, &clock);
    window.setDocument(region.openDocument());
    window.resize(1366, 768);
    window.show();
    QApplication::setActiveWindow(&window);
    REQUIRE(window.showView(QStringLiteral("run-the-day")));
    auto* console = window.workspace<gui::ConsoleWorkspace>();
    REQUIRE(console != nullptr);
    auto* start = window.findChild<QPushButton*>(QStringLiteral("consoleStart"));
    REQUIRE(start != nullptr);
    QTest::mouseClick(start, Qt::LeftButton);
    REQUIRE(console->session() != nullptr);
    const qint64 groupId = console->session()->groupId();

    // Notes: typed under the tabs, saved; Alt+4 there captures an offer, in the whole window too
    // (the window's own Ctrl+digits switch workspaces and must not swallow it).
    auto* side = window.findChild<QTabWidget*>(QStringLiteral("consoleSide"));
    REQUIRE(side != nullptr);
    REQUIRE(console->notesPane() != nullptr);
    REQUIRE(console->questionPanel() != nullptr);
    side->setCurrentIndex(1); // Questions: the notes stay in view beside them
    auto* editor = console->notesPane()->findChild<QPlainTextEdit*>();
    REQUIRE(editor != nullptr);
    editor->setFocus();
    QTest::keyClicks(editor, QStringLiteral("Kent offers its edge-of-care panel"));
    REQUIRE(console->notesPane()->flush().ok());
    QTest::keyClick(editor, Qt::Key_4, Qt::AltModifier);
    auto items = NoteStore(window.document()->database()).current(groupId);
    REQUIRE(items.ok());
    bool noteSaved = false;
    bool offerCaptured = false;
    for (const auto& item : *items) {
        noteSaved |= item.current.content.kind == NoteKind::Note &&
                     item.current.content.text.contains(QStringLiteral("edge-of-care panel"));
        offerCaptured |= item.current.content.kind == NoteKind::Offer &&
                         item.current.content.text.contains(QStringLiteral("edge-of-care panel"));
    }
    CHECK(noteSaved);
    CHECK(offerCaptured);
    CHECK(window.currentWorkspace() == console); // Alt+4 did not switch workspaces

    // The room: a cue shows on the miniature and on the presenter window at once; a blackout hides it.
    const gui::RoomCueText& cue = gui::roomCues().front();
    auto* cueButton = window.findChild<QPushButton*>(QStringLiteral("consoleCue0"));
    REQUIRE(cueButton != nullptr);
    cueButton->click();
    CHECK(console->presenterMiniature()->view()->messageText() == cue.text);
    REQUIRE(console->presenterWindow() != nullptr);
    CHECK(console->presenterWindow()->view()->messageText() == cue.text);
    CHECK(console->presenterMiniature()->view()->titleText() ==
          console->presenterWindow()->view()->titleText());
    window.findChild<QPushButton*>(QStringLiteral("consoleRoomBlackout"))->click();
    CHECK(console->roomMessages()->blackout());
    CHECK(console->presenterMiniature()->view()->messageText().isEmpty());

    // Next block: the panes follow the session they were given, and the presenter screen too.
    auto* next = window.findChild<QPushButton*>(QStringLiteral("consoleNext"));
    REQUIRE(next != nullptr);
    window.findChild<QPushButton*>(QStringLiteral("consoleRoomBlackout"))->click();
    next->click();
    CHECK(console->notesPane()->shownBlock() == console->session()->state().blockIndex);
    CHECK(console->presenterWindow()->view()->titleText() ==
          console->session()->plan().timetable.blocks.at(1).title);
}

TEST_CASE("The computer's clock changed during a block moves neither the countdown nor the record, and the "
          "console says so",
          "[console][workspace][clock]") {
    Console c(march(12, 10, 0));
    c.click("consoleStart");
    c.advanceMinutes(5);
    const QString before = c.countdown();
    CHECK_FALSE(c.find<QFrame>("consoleClockBanner")->isVisible());

    // Someone sets the laptop's clock an hour forward; a minute later the countdown has moved a minute.
    c.clock.setWallClock(c.clock.utcNow().addSecs(3600));
    c.advanceMinutes(1);
    CHECK(c.find<QFrame>("consoleClockBanner")->isVisible());
    CHECK(c.find<QFrame>("consoleClockBanner")
              ->findChild<QLabel*>()
              ->text()
              .contains(QStringLiteral("60 minutes")));
    // The countdown moved the one minute that passed, not the hour the clock jumped.
    const auto seconds = [](const QString& shown) {
        const QStringList parts = shown.split(u':');
        REQUIRE(parts.size() == 2);
        return parts.at(0).toInt() * 60 + parts.at(1).toInt();
    };
    CHECK(seconds(before) - seconds(c.countdown()) == 60);
    CHECK(c.day().state().blockIndex == 0);
}

TEST_CASE("The day strip stays in view under every side tab and follows the day in words",
          "[console][workspace][daystrip]") {
    Console c(march(12, 10, 0));
    auto* strip = c.find<gui::DayStrip>("consoleDayStrip");
    auto* side = c.find<QTabWidget>("consoleSide");
    for (int tab = 0; tab < side->count(); ++tab) {
        side->setCurrentIndex(tab);
        CHECK(strip->isVisible());
        CHECK(strip->height() >= strip->minimumSizeHint().height());
        CHECK(strip->width() > 300);
    }
    const int blocks = static_cast<int>(c.day().plan().timetable.blocks.size());
    CHECK(strip->accessibleDescription().startsWith(QStringLiteral("The day has not started")));
    CHECK(strip->stripLayout().nowX == -1);

    c.click("consoleStart");
    CHECK(strip->accessibleDescription().startsWith(
        QStringLiteral("Block 1 of %1, Introductions").arg(blocks)));
    CHECK(strip->accessibleDescription().contains(QStringLiteral("in the planned block")));
    CHECK(strip->stripLayout().segments.front().kind == gui::DayStripSegment::Kind::Current);

    c.advanceMinutes(10);
    c.click("consoleNext");
    CHECK(strip->accessibleDescription().startsWith(QStringLiteral("Block 2 of %1").arg(blocks)));
    CHECK(strip->stripLayout().segments.front().kind == gui::DayStripSegment::Kind::Done);
    CHECK(strip->stripLayout().segments.at(1).kind == gui::DayStripSegment::Kind::Current);

    // An overrun: the presentation goes on and on, and the plan has moved two blocks ahead of us.
    c.advanceMinutes(150);
    const QString overrun = strip->accessibleDescription();
    CHECK(overrun.contains(QStringLiteral("blocks behind plan")));
    CHECK(overrun.contains(QStringLiteral("behind).")));
    // The current block grows with the overrun: the "now" marker stays inside it.
    const gui::DayStripSegment& current = strip->stripLayout().segments.at(1);
    CHECK(strip->stripLayout().nowX >= current.x);
    CHECK(strip->stripLayout().nowX <= current.x + current.width);

    // Catch-up accepted: the blocks to come shrink, and the expected finish with them.
    c.click("consoleNext");
    c.click("consoleCatchUp");
    c.click("consoleCatchUpAccept");
    CHECK(strip->accessibleDescription() != overrun);
    CHECK(strip->accessibleDescription().startsWith(QStringLiteral("Block 3 of %1").arg(blocks)));
    bool shrunkTip = false;
    for (const gui::DayStripSegment& segment : strip->stripLayout().segments) {
        shrunkTip = shrunkTip || segment.toolTip.contains(QStringLiteral("Now planned for"));
    }
    CHECK(shrunkTip);
}

TEST_CASE("On a full disk a day event is refused in words and the console stays on the block recorded",
          "[console][workspace][disk-full]") {
    Console c(march(12, 10, 0));
    REQUIRE(c.find<QComboBox>("consoleGroup")->currentText().startsWith(QStringLiteral("Group 1")));
    c.click("consoleStart");
    REQUIRE(c.day().state().status == DayStatus::Running);
    Database& db = c.document->database();
    fillDisk(db);

    // The log's last page holds some events; pause and resume until one needs a new page.
    auto* failure = c.find<QLabel>("consoleFailure");
    DayStatus before = c.day().state().status;
    for (int i = 0; i < 2000 && !failure->isVisible(); ++i) {
        before = c.day().state().status;
        c.click("consolePause");
    }
    REQUIRE(failure->isVisible());
    CHECK(failure->text() == disk_full::message(db.path()));
    CHECK(c.day().state().status == before);
    const QString pauseText = c.find<QPushButton>("consolePause")->text();
    CHECK(pauseText == (before == DayStatus::Paused ? QStringLiteral("Resume") : QStringLiteral("Pause")));

    // Next is refused too: the block on screen is the one in the log.
    const QString block = c.text("consoleBlock");
    c.click("consoleNext");
    CHECK(failure->isVisible());
    CHECK(c.day().state().blockIndex == 0);
    CHECK(c.text("consoleBlock") == block);
    auto stored = DayEventLog(db).count(c.day().groupId());
    REQUIRE(stored.ok());
    auto replayed = DayEngine::open(db, c.clock, c.day().groupId(), c.day().plan());
    REQUIRE(replayed.ok());
    CHECK((*replayed)->state().blockIndex == 0);
    CHECK((*replayed)->state().status == before);

    // Space freed: the same button works and the message goes.
    freeDisk(db);
    if (before == DayStatus::Paused) {
        c.click("consolePause");
    }
    c.click("consoleNext");
    CHECK_FALSE(failure->isVisible());
    CHECK(c.day().state().blockIndex == 1);
}
