#include "app/frame/fake_prompter.h"
#include "app/frame/qt_catch.h"
#include "app/frame/region_fixture.h"
#include "console/console_workspace.h"
#include "console/countdown_view.h"
#include "console/day_session.h"
#include "console/notes_pane.h"
#include "document/region_document.h"
#include "engine/clock.h"
#include "engine/day_event.h"
#include "helpers/temp_dir.h"

#include <QAction>
#include <QApplication>
#include <QFrame>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>
#include <QTimeEdit>
#include <QTimeZone>
#include <catch2/catch.hpp>

// The console's questioning, talk-time tally, "the block began earlier" and the signal sound, driven
// through the console's own buttons and keys on a fake clock. Group 1 of the fixture (Kent presents
// first, Medway its lead reviewer, then Surrey) meets on Tuesday 12 March 2024 from 10:00: the
// introductions (15 min), Kent's presentation (15) and Kent's questions (70) at 10:30.
using namespace balcony;
using namespace balcony::test;

namespace {

QDateTime march12(int hour, int minute) {
    return QDateTime(QDate(2024, 3, 12), QTime(hour, minute), QTimeZone::systemTimeZone()).toUTC();
}

struct Console {
    RegionFixture region;
    std::unique_ptr<gui::RegionDocument> document = region.openDocument();
    FakePrompter prompter;
    FakeClock clock{march12(10, 0)};
    std::unique_ptr<gui::ConsoleWorkspace> workspace;
    QList<gui::CountdownSignal> sounds;

    Console() {
        workspace = std::make_unique<gui::ConsoleWorkspace>(prompter, &clock);
        workspace->setSignalSound([this](gui::CountdownSignal signal) { sounds << signal; });
        page()->resize(1366, 768);
        page()->show();
        QApplication::setActiveWindow(page());
        workspace->setDocument(document.get());
        click("consoleStart");
        REQUIRE(day().state().status == DayStatus::Running);
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
    void toKentsQuestions() {
        click("consoleNext");
        click("consoleNext");
        REQUIRE(day().state().blockIndex == 2);
    }
};

} // namespace

TEST_CASE("In the questions the console shows each team's time against its share beside the block's clock",
          "[console][questioning]") {
    Console c;
    CHECK_FALSE(c.find<QLabel>("consoleTurns")->isVisible()); // the introductions: no turns
    c.toKentsQuestions();
    auto* turns = c.find<QLabel>("consoleTurns");
    REQUIRE(turns->isVisible());
    // Medway, Kent's lead reviewer, asks first; the 70 minutes are 35 for each visiting team.
    CHECK(turns->text().split(QLatin1Char('\n')).first().contains(QStringLiteral("Medway")));
    c.advanceMinutes(12);
    CHECK(turns->text().contains(QStringLiteral("\u25b6 Medway 12:00 of 35:00")));
    CHECK(turns->text().contains(QStringLiteral("Surrey 00:00 of 35:00")));
    CHECK(c.countdown() == QStringLiteral("58:00")); // the block's own clock runs on undisturbed

    c.click("consoleNextTeam"); // the existing Next team control hands over
    CHECK(c.text("consoleSpeaker").contains(QStringLiteral("Surrey asks")));
    c.advanceMinutes(5);
    CHECK(turns->text().contains(QStringLiteral("    Medway 12:00 of 35:00")));
    CHECK(turns->text().contains(QStringLiteral("\u25b6 Surrey 05:00 of 35:00")));
    CHECK(c.countdown() == QStringLiteral("53:00"));

    c.page()->setFocus();
    c.key(Qt::Key_T); // Ctrl+T: back to Medway, who runs over its share
    c.advanceMinutes(30);
    CHECK(turns->text().contains(QStringLiteral("\u25b6 Medway 42:00 of 35:00 (07:00 over)")));
    CHECK(c.countdown() == QStringLiteral("23:00"));

    // A minute more for the block is a minute more for each share.
    c.click("consoleExtend1");
    CHECK(turns->text().contains(QStringLiteral("of 35:30")));
    c.click("consoleNext"); // the affirmation: no turns
    CHECK_FALSE(turns->isVisible());
}

TEST_CASE("The talk-time tally is tapped with the console's buttons and keys and never while typing a note",
          "[console][questioning]") {
    Console c;
    c.toKentsQuestions();
    auto* presenting = c.find<QPushButton>("consoleTalkPresenting");
    auto* visiting = c.find<QPushButton>("consoleTalkVisiting");
    REQUIRE(c.find<QWidget>("consoleTalkRow")->isVisible());
    CHECK(c.text("consoleTalk") == QStringLiteral("Nothing tapped yet"));
    CHECK(c.find<QPushButton>("consoleTalkNobody")->isChecked());

    c.click("consoleTalkPresenting");
    CHECK(presenting->isChecked());
    const auto taps = c.day().state().current().talk;
    c.click("consoleTalkPresenting"); // a second tap keeps it down and records nothing more
    CHECK(presenting->isChecked());
    CHECK(c.day().state().talker == DayEvent::Talker::Presenting);
    CHECK(c.day().state().current().talk.presentingMs == taps.presentingMs);
    c.advanceMinutes(8);
    c.page()->setFocus();
    c.key(Qt::Key_V, Qt::ControlModifier | Qt::AltModifier); // a visiting team asks
    CHECK(c.day().state().talker == DayEvent::Talker::Visiting);
    CHECK(visiting->isChecked());
    CHECK_FALSE(presenting->isChecked());
    c.advanceMinutes(2);
    CHECK(c.text("consoleTalk") ==
          QStringLiteral("Presenting team 80%, visiting teams 20%: meets the 80% guidance"));
    c.advanceMinutes(1);
    CHECK(c.text("consoleTalk").endsWith(QStringLiteral("below the 80% guidance")));
    CHECK(c.day().state().current().talk.visitingMs == 3 * 60 * 1000);

    // Typing a note: Ctrl+Alt+P goes to the note, not to the tally.
    auto* side = c.find<QTabWidget>("consoleSide");
    side->setCurrentIndex(1);
    REQUIRE(c.workspace->notesPane() != nullptr);
    auto* editor = c.workspace->notesPane()->findChild<QPlainTextEdit*>();
    REQUIRE(editor != nullptr);
    editor->setFocus();
    REQUIRE(QApplication::focusWidget() == editor);
    c.key(Qt::Key_P, Qt::ControlModifier | Qt::AltModifier);
    c.key(Qt::Key_N, Qt::ControlModifier | Qt::AltModifier);
    CHECK(c.day().state().talker == DayEvent::Talker::Visiting);
    CHECK(visiting->isChecked());

    c.page()->setFocus();
    c.key(Qt::Key_N, Qt::ControlModifier | Qt::AltModifier); // nobody: the tally stands still
    CHECK(c.day().state().talker == DayEvent::Talker::Nobody);
    const QString tally = c.text("consoleTalk");
    c.advanceMinutes(5);
    CHECK(c.text("consoleTalk") == tally);
}

TEST_CASE("The block began earlier: the facilitator says so in the console and the clock and record follow",
          "[console][moved]") {
    Console c;
    c.advanceMinutes(20); // the introductions ran on; Next is pressed at 10:20
    c.click("consoleNext");
    c.advanceMinutes(2);
    CHECK(c.countdown() == QStringLiteral("13:00"));

    // Ctrl+B opens the small form with the focus in it: two minutes earlier than recorded.
    c.page()->setFocus();
    c.key(Qt::Key_B);
    auto* panel = c.find<QFrame>("consoleBeganPanel");
    REQUIRE(panel->isVisible());
    CHECK(c.text("consoleBeganPanelText").contains(QStringLiteral("Recorded at 10:20")));
    auto* minutes = c.find<QSpinBox>("consoleBeganMinutes");
    CHECK(minutes->hasFocus());
    CHECK(minutes->value() == 2);
    CHECK(c.find<QTimeEdit>("consoleBeganTime")->time() == QTime(10, 18));
    c.click("consoleBeganRecord");
    CHECK_FALSE(panel->isVisible());
    CHECK(c.day().state().blockSince == march12(10, 18));
    CHECK(c.countdown() == QStringLiteral("11:00"));
    CHECK(c.day().state().blocks[0].actualEnd == march12(10, 18));

    // A time before the day started is refused in words, and nothing changes.
    c.click("consoleBeganEarlier");
    c.find<QTimeEdit>("consoleBeganTime")->setTime(QTime(9, 50));
    c.click("consoleBeganRecord");
    CHECK(c.find<QLabel>("consoleFailure")->isVisible());
    CHECK(c.text("consoleFailure").contains(QStringLiteral("the day started at 10:00")));
    CHECK(panel->isVisible());
    CHECK(c.day().state().blockSince == march12(10, 18));

    // Escape leaves the form; Ctrl+B brings it back, and Return records the minutes typed.
    c.key(Qt::Key_Escape, Qt::NoModifier);
    CHECK_FALSE(panel->isVisible());
    CHECK(c.day().state().blockSince == march12(10, 18));
    c.page()->setFocus();
    c.key(Qt::Key_B);
    REQUIRE(panel->isVisible());
    REQUIRE(minutes->hasFocus());
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("1"));
    c.key(Qt::Key_Return, Qt::NoModifier);
    CHECK_FALSE(panel->isVisible());
    CHECK(c.day().state().blockSince == march12(10, 17));
    c.click("consoleBeganEarlier");
    c.find<QTimeEdit>("consoleBeganTime")->setTime(QTime(9, 50));
    c.click("consoleBeganRecord");
    CHECK(panel->isVisible());

    // In the future, also refused; then a time typed that fits: 10:16.
    c.find<QTimeEdit>("consoleBeganTime")->setTime(QTime(10, 30));
    c.click("consoleBeganRecord");
    CHECK(c.text("consoleFailure").contains(QStringLiteral("it is only 10:22 now")));
    c.find<QTimeEdit>("consoleBeganTime")->setTime(QTime(10, 16));
    c.click("consoleBeganRecord");
    CHECK_FALSE(c.find<QLabel>("consoleFailure")->isVisible());
    CHECK(c.day().state().blockSince == march12(10, 16));
    CHECK(c.countdown() == QStringLiteral("09:00"));
    CHECK(c.day().state().blocks[0].actualEnd == march12(10, 16));
}

TEST_CASE("The signal sound plays at two minutes left and at the end, and not when it is turned off",
          "[console][signals]") {
    Console c;
    REQUIRE(c.workspace->soundAction()->isChecked());
    c.advanceMinutes(12); // 03:00 left of the introductions
    CHECK(c.sounds.isEmpty());
    c.advanceMinutes(1); // 02:00
    REQUIRE(c.sounds.size() == 1);
    CHECK(c.sounds.front() == gui::CountdownSignal::TwoMinutes);
    CHECK(c.day().face().flash); // the visual flash as well
    c.advanceMinutes(2);         // 00:00
    REQUIRE(c.sounds.size() == 2);
    CHECK(c.sounds.back() == gui::CountdownSignal::End);
    c.advanceMinutes(1);
    CHECK(c.sounds.size() == 2); // once per crossing

    // Day > Sound off: the flash still comes, the sound does not.
    c.workspace->soundAction()->trigger();
    CHECK_FALSE(c.workspace->soundAction()->isChecked());
    c.click("consoleNext");
    c.advanceMinutes(13);
    CHECK(c.day().face().flash);
    c.advanceMinutes(2);
    CHECK(c.sounds.size() == 2);

    // The choice is kept in the window's settings.
    TempDir dir;
    {
        QSettings settings(dir.path(QStringLiteral("settings.ini")), QSettings::IniFormat);
        c.workspace->saveSettings(settings);
    }
    QSettings settings(dir.path(QStringLiteral("settings.ini")), QSettings::IniFormat);
    gui::ConsoleWorkspace other(c.prompter, &c.clock);
    REQUIRE(other.soundAction()->isChecked());
    other.restoreSettings(settings);
    CHECK_FALSE(other.soundAction()->isChecked());
    CHECK(other.menus().size() == 1);
    CHECK(other.menus().front()->actions().contains(other.soundAction()));
}

TEST_CASE("A team's budget and the talk tally read as the facilitator says them", "[console][questioning]") {
    // A quartet's 70 minutes shared by three visiting teams: 23:20 each.
    TeamTurn leeds;
    leeds.team.name = QStringLiteral("Leeds");
    leeds.shareMs = 70 * 60 * 1000 / 3;
    leeds.askedMs = (12 * 60 + 40) * 1000 + 999; // whole seconds asked so far
    CHECK(gui::turnBudgetText(leeds) == QStringLiteral("Leeds 12:40 of 23:20"));
    leeds.askedMs = leeds.shareMs + 90 * 1000;
    CHECK(gui::turnBudgetText(leeds) == QStringLiteral("Leeds 24:50 of 23:20 (01:30 over)"));

    TalkSplit talk;
    CHECK(gui::talkTallyText(talk) == QStringLiteral("Nothing tapped yet"));
    talk.presentingMs = 17 * 60 * 1000;
    talk.visitingMs = 3 * 60 * 1000;
    CHECK(gui::talkTallyText(talk) ==
          QStringLiteral("Presenting team 85%, visiting teams 15%: meets the 80% guidance"));
    talk.visitingMs = 5 * 60 * 1000;
    CHECK(gui::talkTallyText(talk) ==
          QStringLiteral("Presenting team 77%, visiting teams 23%: below the 80% guidance"));
}
