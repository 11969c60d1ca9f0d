#include "app/console/quartet_fixture.h"
#include "app/frame/fake_prompter.h"
#include "app/frame/qt_catch.h"
#include "app/frame/region_fixture.h"
#include "console/console_workspace.h"
#include "console/countdown_view.h"
#include "console/day_session.h"
#include "console/notes_pane.h"
#include "console/question_panel.h"
#include "document/region_document.h"
#include "engine/clock.h"
#include "frame/application.h"
#include "frame/main_window.h"
#include "helpers/temp_dir.h"
#include "notes/note_store.h"
#include "presenter/presenter_miniature.h"
#include "presenter/presenter_view.h"
#include "presenter/presenter_window.h"
#include "presenter/room_messages.h"
#include "questions/day_questions.h"
#include "store/database.h"

#include <QApplication>
#include <QComboBox>
#include <QFrame>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QTest>
#include <QTimeEdit>
#include <QTimeZone>
#include <catch2/catch.hpp>

// A whole day, triad and quartet, run through the console's own controls in the window the program
// builds (installProgramWorkspaces, openAtStart) on a fake clock: a late start corrected to when
// the day really began, every questioning turn, an overrun, a catch-up accepted, notes typed and
// saved, an ask and an offer captured with their keys, a message to the room shown and cleared, a
// kill and a restart in the middle of the day that resumes where it was, the presenter screen
// following every block, the plenary's answers, and the finish.
using namespace balcony;
using namespace balcony::test;

namespace {

struct Program {
    FakePrompter prompter;
    std::unique_ptr<gui::MainWindow> window;

    Program(QSettings& settings, const Clock& clock, const QString& path) {
        window = std::make_unique<gui::MainWindow>(prompter, settings);
        gui::installProgramWorkspaces(*window, prompter, clock);
        window->resize(1366, 768);
        window->show();
        QApplication::setActiveWindow(window.get());
        REQUIRE(gui::openAtStart(*window, path, false));
        prompter.confirmAnswer = true;
    }
    gui::ConsoleWorkspace& console() const {
        auto* c = window->workspace<gui::ConsoleWorkspace>();
        REQUIRE(c != nullptr);
        return *c;
    }
    gui::DaySession& day() const {
        REQUIRE(console().session() != nullptr);
        return *console().session();
    }
    template <typename T>
    T* find(const char* name) const {
        auto* child = window->findChild<T*>(QString::fromLatin1(name));
        REQUIRE(child != nullptr);
        return child;
    }
    QString text(const char* name) const { return find<QLabel>(name)->text(); }
    void click(const char* name) const {
        auto* button = find<QPushButton>(name);
        REQUIRE(button->isVisible());
        REQUIRE(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
    }
    void sideTab(const QString& title) const {
        auto* side = find<QTabWidget>("consoleSide");
        for (int i = 0; i < side->count(); ++i) {
            if (side->tabText(i).remove(u'&') == title) {
                side->setCurrentIndex(i);
                return;
            }
        }
        FAIL("no side tab " << title.toStdString());
    }
    QPlainTextEdit* notesEditor() const {
        REQUIRE(console().notesPane() != nullptr);
        auto* editor = console().notesPane()->findChild<QPlainTextEdit*>();
        REQUIRE(editor != nullptr);
        REQUIRE(editor->isVisible());
        return editor;
    }
    // The presenter screen and the console's miniature of it show the current block.
    void checkPresenterFollows() const {
        const auto& block = day().plan().timetable.blocks.at(static_cast<size_t>(day().state().blockIndex));
        REQUIRE(console().presenterWindow() != nullptr);
        CHECK(console().presenterWindow()->view()->titleText() == block.title);
        CHECK(console().presenterMiniature()->view()->titleText() == block.title);
        CHECK(console().presenterWindow()->view()->countdownText() ==
              find<gui::CountdownView>("consoleCountdown")->shownText());
    }
};

QString localTime(const QDateTime& utc) {
    return utc.toLocalTime().toString(QStringLiteral("HH:mm"));
}

struct Outcome {
    int blocksRun = 0;
    int turnsTaken = 0;
    bool overran = false;
    bool caughtUp = false;
    bool resumed = false;
    bool messageShownAndCleared = false;
    bool plenaryAnswered = false;
};

// Runs the group's day from a late start to the finish. The day's date is `date`.
Outcome runWholeDay(RegionFixture& region, const QDate& date, const QString& groupPrefix) {
    TempDir dir;
    QSettings settings(dir.path(QStringLiteral("settings.ini")), QSettings::IniFormat);
    FakeClock clock(QDateTime(date, QTime(8, 30), QTimeZone::systemTimeZone()).toUTC());
    auto program = std::make_unique<Program>(settings, clock, region.path);
    REQUIRE(program->window->showView(QStringLiteral("run-the-day")));
    REQUIRE(program->find<QComboBox>("consoleGroup")->currentText().startsWith(groupPrefix));
    const qint64 groupId = program->day().groupId();
    const QDateTime plannedStart = program->day().state().plannedStart;
    Outcome outcome;

    // Seven minutes after the planned start nobody has started the clock: the console says so, and
    // the day is recorded as begun at four minutes past, when it really did.
    clock.setUtc(plannedStart.addSecs(7 * 60));
    program->day().refresh();
    REQUIRE(program->find<QFrame>("consoleLateBanner")->isVisible());
    CHECK(program->text("consoleLateBannerText").contains(localTime(plannedStart)));
    program->find<QTimeEdit>("consoleStartedAtTime")
        ->setTime(plannedStart.addSecs(4 * 60).toLocalTime().time());
    program->click("consoleStartedAt");
    REQUIRE(program->day().state().status == DayStatus::Running);
    CHECK(program->day().state().actualStart == plannedStart.addSecs(4 * 60));
    CHECK_FALSE(program->find<QFrame>("consoleLateBanner")->isVisible());
    program->checkPresenterFollows();

    const std::vector<TimetableBlock> blocks = program->day().plan().timetable.blocks; // outlives a restart
    const int last = static_cast<int>(blocks.size()) - 1;
    int questioning = 0;
    while (program->day().state().blockIndex < last) {
        Program& p = *program;
        const int index = p.day().state().blockIndex;
        const TimetableBlock& block = blocks.at(static_cast<size_t>(index));
        INFO("block " << index << " " << block.title.toStdString() << ", shown "
                      << p.text("consoleBlock").toStdString());
        CHECK(p.text("consoleBlock").contains(block.title));
        p.checkPresenterFollows();
        ++outcome.blocksRun;
        int minutes = block.minutes;

        if (block.kind == BlockKind::Presentation && block.session == 0) {
            // A note typed during the first presentation, saved within the second.
            auto* editor = p.notesEditor();
            editor->setFocus();
            QTest::keyClicks(editor, QStringLiteral("Edge-of-care panel halved placements"));
            REQUIRE(p.console().notesPane()->flush().ok());
            CHECK(p.console().notesPane()->indicatorText().contains(QStringLiteral("Saved")));
        }
        if (block.kind == BlockKind::Questions) {
            ++questioning;
            p.sideTab(QStringLiteral("Questions"));
            CHECK(p.console().questionPanel()->isVisible());
            // The visiting teams in turn, the lead reviewer's first.
            for (std::size_t turn = 0; turn < block.askers.size(); ++turn) {
                if (turn > 0) {
                    clock.advanceMinutes(block.minutes / static_cast<int>(block.askers.size()));
                    p.day().refresh();
                    p.click("consoleNextTeam");
                    ++outcome.turnsTaken;
                }
                CHECK(
                    p.text("consoleSpeaker").contains(block.askers.at(turn).name + QStringLiteral(" asks")));
            }
            minutes -= static_cast<int>(block.askers.size() - 1) *
                       (block.minutes / static_cast<int>(block.askers.size()));
            if (questioning == 1) {
                // An ask and an offer captured with their keys (Alt+3, Alt+4) from the notes.
                auto* editor = p.notesEditor();
                editor->setFocus();
                QTest::keyClicks(editor, QStringLiteral("Wants help with recruiting foster carers"));
                QTest::keyClick(editor, Qt::Key_3, Qt::AltModifier);
                QTest::keyClick(editor, Qt::Key_Return); // each item on a line of its own
                QTest::keyClicks(editor, QStringLiteral("Offers its kinship care guide"));
                QTest::keyClick(editor, Qt::Key_4, Qt::AltModifier);
                p.window->setFocus();

                // The room is asked for open questions, then the message is cleared.
                p.sideTab(QStringLiteral("Room"));
                p.click("consoleCue0");
                const QString cue = gui::roomCues().front().text;
                CHECK(p.console().presenterWindow()->view()->messageText() == cue);
                CHECK(p.console().presenterMiniature()->view()->messageText() == cue);
                p.click("consoleRoomClear");
                CHECK(p.console().presenterWindow()->view()->messageText().isEmpty());
                CHECK(p.console().presenterMiniature()->view()->messageText().isEmpty());
                outcome.messageShownAndCleared = true;
                p.sideTab(QStringLiteral("Questions"));

                // The questions run twenty minutes over.
                minutes += 20;
                clock.advanceMinutes(minutes);
                p.day().refresh();
                CHECK(p.find<gui::CountdownView>("consoleCountdown")->shownText() ==
                      QStringLiteral("+20:00"));
                CHECK(p.text("consoleProjection").contains(QStringLiteral("behind")));
                outcome.overran = true;
                p.click("consoleNext");

                // Catch-up: the engine's proposal, accepted in one click, brings the finish forward.
                const QDateTime before = p.day().state().projectedEnd;
                p.click("consoleCatchUp");
                if (p.find<QFrame>("consoleCatchUpPanel")->isVisible()) {
                    p.click("consoleCatchUpAccept");
                    CHECK(p.day().state().projectedEnd < before);
                    outcome.caughtUp = true;
                }
                continue;
            }
        }
        if (block.kind == BlockKind::Presentation && block.session == 1) {
            // Killed halfway through the second presentation; opened again two minutes later.
            clock.advanceMinutes(block.minutes / 2);
            p.day().refresh();
            const DayState before = p.day().state();
            auto notes = NoteStore(p.window->document()->database()).current(groupId);
            REQUIRE(notes.ok());
            const std::size_t saved = notes->size();
            program.reset();
            clock.advanceMinutes(2);
            program = std::make_unique<Program>(settings, clock, region.path);
            Program& again = *program;
            CHECK(again.window->currentWorkspace()->id() == QStringLiteral("run-the-day"));
            CHECK(again.console().resumedLiveDay());
            CHECK(again.day().groupId() == groupId);
            CHECK(again.day().state().blockIndex == before.blockIndex);
            CHECK(again.day().state().elapsedMs == before.elapsedMs + 2 * 60 * 1000);
            CHECK(again.find<QFrame>("consoleResumeBanner")->isVisible());
            CHECK(again.text("consoleResumeBannerText").contains(QStringLiteral("resumed")));
            auto kept = NoteStore(again.window->document()->database()).current(groupId);
            REQUIRE(kept.ok());
            CHECK(kept->size() == saved);
            again.checkPresenterFollows();
            again.click("consoleResumeDismiss");
            outcome.resumed = true;
            minutes -= block.minutes / 2 + 2;
        }
        clock.advanceMinutes(std::max(minutes, 1));
        program->day().refresh();
        program->click("consoleNext");
    }

    // The plenary: the four questions, each answer saved as soon as the field is left.
    Program& p = *program;
    CHECK(p.text("consoleBlock").contains(QStringLiteral("Plenary")));
    p.checkPresenterFollows();
    p.sideTab(QStringLiteral("Questions"));
    gui::QuestionPanel& panel = *p.console().questionPanel();
    REQUIRE(panel.page() == gui::QuestionPanel::Page::Plenary);
    REQUIRE(panel.answerFieldCount() == 4);
    panel.answerField(0)->setFocus();
    QTest::keyClicks(panel.answerField(0), QStringLiteral("Early help across the region"));
    QTest::keyClick(panel.answerField(0), Qt::Key_Tab);
    QApplication::processEvents();
    auto answers = questions::DayQuestions(p.window->document()->database()).plenaryAnswers(groupId);
    REQUIRE(answers.ok());
    REQUIRE(answers->size() == 1);
    CHECK(answers->begin()->second == QStringLiteral("Early help across the region"));
    outcome.plenaryAnswered = true;

    clock.advanceMinutes(blocks.back().minutes);
    p.day().refresh();
    p.window->setFocus();
    p.click("consoleFinish");
    CHECK(p.day().state().status == DayStatus::Finished);
    CHECK(p.text("consoleProjection").startsWith(QStringLiteral("Finished at")));

    // Everything captured is there: the note, the ask and the offer, for the presenting LAs.
    auto items = NoteStore(p.window->document()->database()).current(groupId);
    REQUIRE(items.ok());
    bool note = false;
    bool ask = false;
    bool offer = false;
    for (const auto& item : *items) {
        note |= item.current.content.kind == NoteKind::Note &&
                item.current.content.text == QStringLiteral("Edge-of-care panel halved placements");
        ask |= item.current.content.kind == NoteKind::Ask &&
               item.current.content.text.contains(QStringLiteral("foster carers"));
        offer |= item.current.content.kind == NoteKind::Offer &&
                 item.current.content.text.contains(QStringLiteral("kinship care guide"));
    }
    CHECK(note);
    CHECK(ask);
    CHECK(offer);
    return outcome;
}

} // namespace

TEST_CASE("A whole triad day in the program's window, from a late start to the finish, with a restart",
          "[console][whole-day]") {
    RegionFixture region;
    const Outcome outcome = runWholeDay(region, QDate(2024, 3, 12), QStringLiteral("Group 1"));
    CHECK(outcome.turnsTaken == 3); // three questioning blocks, two visiting teams each
    CHECK(outcome.overran);
    CHECK(outcome.caughtUp);
    CHECK(outcome.resumed);
    CHECK(outcome.messageShownAndCleared);
    CHECK(outcome.plenaryAnswered);
}

TEST_CASE("A whole quartet day in the program's window, from a late start to the finish, with a restart",
          "[console][whole-day]") {
    RegionFixture region;
    addQuartet(region);
    const Outcome outcome = runWholeDay(region, QDate(2024, 3, 26), QStringLiteral("Group 3"));
    CHECK(outcome.turnsTaken == 8); // four questioning blocks, three visiting teams each
    CHECK(outcome.overran);
    CHECK(outcome.caughtUp);
    CHECK(outcome.resumed);
    CHECK(outcome.messageShownAndCleared);
    CHECK(outcome.plenaryAnswered);
}
