#include "app/frame/qt_catch.h"
#include "console/day_session.h"
#include "console/question_panel.h"
#include "engine/engine_fixture.h"
#include "questions/day_questions.h"
#include "questions/question_bank.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QTreeWidget>
#include <catch2/catch.hpp>

// The console's question bank panel follows the day: focus themes ticked at the presentation lead
// the questions, search narrows them, ratings and the plenary's answers are stored and come back.
using namespace balcony;
using namespace balcony::gui;
using test::dayAt;

namespace {

struct Console {
    test::EngineRegion region{test::triadNames()};
    FakeClock clock{dayAt(9, 55)};
    std::unique_ptr<DaySession> session = open();
    questions::QuestionBank bank = *questions::defaultBank();

    std::unique_ptr<DaySession> open() {
        auto opened = DaySession::open(*region.db, clock, region.groupId, region.day().plan);
        REQUIRE(opened.ok());
        return std::move(*opened);
    }
    std::unique_ptr<QuestionPanel> panel() {
        auto made = std::make_unique<QuestionPanel>(*region.db, region.groupId, *session);
        made->resize(600, 800);
        made->show();
        return made;
    }
    // The first block of this kind (for presentations and questions: the first LA's session).
    int block(BlockKind kind) {
        const auto& blocks = session->plan().timetable.blocks;
        for (const auto& b : blocks) {
            if (b.kind == kind) {
                return b.index;
            }
        }
        FAIL("no such block");
        return -1;
    }
    qint64 presenter(BlockKind kind) {
        return session->plan().timetable.blocks.at(std::size_t(block(kind))).presenter.authorityId;
    }
    // Starts the day and goes to the block, as the facilitator's controls would.
    void goTo(BlockKind kind) {
        if (session->state().status == DayStatus::NotStarted) {
            clock.setUtc(dayAt(10, 0));
            REQUIRE(session->startedAt(session->todayAt(QTime(10, 0))).ok());
        }
        clock.advanceMinutes(5);
        REQUIRE(session->jump(block(kind)).ok());
    }
};

QStringList topLevelTexts(QTreeWidget* tree) {
    QStringList texts;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (!tree->topLevelItem(i)->isHidden()) {
            texts << tree->topLevelItem(i)->text(0);
        }
    }
    return texts;
}

int visibleQuestions(QTreeWidget* tree) {
    int count = 0;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        for (int q = 0; q < tree->topLevelItem(i)->childCount(); ++q) {
            count += tree->topLevelItem(i)->child(q)->isHidden() ? 0 : 1;
        }
    }
    return count;
}

} // namespace

TEST_CASE("Focus themes ticked at the presentation come first, highlighted and open, during the questions",
          "[console][questions]") {
    Console c;
    auto panel = c.panel();
    c.goTo(BlockKind::Presentation);
    REQUIRE(panel->page() == QuestionPanel::Page::Focus);
    QListWidget* focus = panel->focusList();
    REQUIRE(focus->count() == int(c.bank.themes.size()));

    // Ticked with the keyboard: Workforce, then Budget (the bank has Budget first).
    focus->setFocus();
    for (const QString& theme : {QStringLiteral("Workforce"), QStringLiteral("Budget")}) {
        const auto found = focus->findItems(theme, Qt::MatchExactly);
        REQUIRE(found.size() == 1);
        focus->setCurrentItem(found.first());
        QTest::keyClick(focus, Qt::Key_Space);
        CHECK(found.first()->checkState() == Qt::Checked);
    }
    const auto stored = questions::DayQuestions(*c.region.db)
                            .focusThemes(c.region.groupId, c.presenter(BlockKind::Presentation));
    REQUIRE(stored.ok());
    CHECK(*stored == QStringList{QStringLiteral("Budget"), QStringLiteral("Workforce")});

    c.goTo(BlockKind::Questions);
    REQUIRE(panel->page() == QuestionPanel::Page::Questions);
    QTreeWidget* tree = panel->themeTree();
    REQUIRE(tree->topLevelItemCount() == int(c.bank.themes.size()));
    const QStringList order = topLevelTexts(tree);
    CHECK(order.at(0) == QStringLiteral("Budget (focus)"));
    CHECK(order.at(1) == QStringLiteral("Workforce (focus)"));
    CHECK(order.at(2) == QStringLiteral("Strengths")); // then the rest, in the bank's order
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem* theme = tree->topLevelItem(i);
        const bool isFocus = i < 2;
        INFO(theme->text(0).toStdString());
        CHECK(theme->font(0).bold() == isFocus);
        CHECK(theme->isExpanded() == isFocus); // the rest collapsed, one click away
        CHECK(theme->childCount() > 0);
    }

    // Another restart of the panel shows the same order: the focus was stored, not held in the widget.
    panel.reset();
    auto again = c.panel();
    CHECK(topLevelTexts(again->themeTree()).mid(0, 2) ==
          QStringList{QStringLiteral("Budget (focus)"), QStringLiteral("Workforce (focus)")});
}

TEST_CASE("Search narrows the questions and an empty search shows them all again", "[console][questions]") {
    Console c;
    auto panel = c.panel();
    c.goTo(BlockKind::Questions);
    QTreeWidget* tree = panel->themeTree();
    const int all = visibleQuestions(tree);
    int inThemes = 0;
    for (const auto& theme : c.bank.themes) {
        inThemes += int(theme.questions.size());
    }
    CHECK(all == inThemes);

    QTest::keyClick(panel.get(), Qt::Key_F, Qt::ControlModifier); // Ctrl+F reaches the search field
    QTest::keyClicks(panel->searchField(), QStringLiteral("confident"));
    const int narrowed = visibleQuestions(tree);
    CHECK(narrowed > 0);
    CHECK(narrowed < all);
    CHECK(narrowed == int(questions::searchQuestions(c.bank, QStringLiteral("confident")).size()));
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem* theme = tree->topLevelItem(i);
        for (int q = 0; q < theme->childCount(); ++q) {
            if (!theme->child(q)->isHidden()) {
                CHECK(theme->child(q)->text(0).contains(QStringLiteral("confident"), Qt::CaseInsensitive));
                CHECK(theme->isExpanded()); // a theme with a match opens
            }
        }
    }
    panel->searchField()->clear();
    CHECK(visibleQuestions(tree) == all);
}

TEST_CASE("A rating the presenting team gives is stored for its LA's session", "[console][questions]") {
    Console c;
    auto panel = c.panel();
    c.goTo(BlockKind::Questions);
    const QString question = c.bank.themes.at(6).questions.at(1).text; // Budget's 0-10 question
    REQUIRE(c.bank.themes.at(6).questions.at(1).rating);
    QSpinBox* box = panel->ratingBox(question);
    REQUIRE(box != nullptr);
    CHECK(box->text() == QStringLiteral("None yet"));
    CHECK(box->accessibleName().endsWith(question));
    CHECK(panel->ratingBox(c.bank.themes.at(6).questions.at(0).text) == nullptr); // an open question

    box->setValue(7);
    auto ratings =
        questions::DayQuestions(*c.region.db).ratings(c.region.groupId, c.presenter(BlockKind::Questions));
    REQUIRE(ratings.ok());
    CHECK(ratings->at(question) == 7);
    CHECK(panel->statusLine()->text() == QStringLiteral("Rating 7 saved."));

    panel.reset();
    auto again = c.panel();
    REQUIRE(again->ratingBox(question) != nullptr);
    CHECK(again->ratingBox(question)->value() == 7);
}

TEST_CASE(
    "At the insights the balcony's questions show, at the plenary the four questions with their answers",
    "[console][questions]") {
    Console c;
    auto panel = c.panel();
    c.goTo(BlockKind::Insights);
    REQUIRE(panel->page() == QuestionPanel::Page::Balcony);
    REQUIRE(panel->balconyList()->count() == int(c.bank.balcony.size()));
    for (int i = 0; i < panel->balconyList()->count(); ++i) {
        CHECK(panel->balconyList()->item(i)->text() == c.bank.balcony.at(std::size_t(i)).text);
    }

    c.goTo(BlockKind::Plenary);
    REQUIRE(panel->page() == QuestionPanel::Page::Plenary);
    REQUIRE(panel->answerFieldCount() == 4);
    for (int i = 0; i < 4; ++i) {
        CHECK(panel->answerField(i)->isVisible());
        CHECK(panel->answerField(i)->accessibleName().contains(c.bank.plenary.at(std::size_t(i)).text));
    }

    QSignalSpy saved(panel.get(), &QuestionPanel::answerSaved);
    panel->activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(panel.get()));
    panel->answerField(1)->setFocus();
    QTest::keyClicks(panel->answerField(1), QStringLiteral("Early help across the region"));
    CHECK(panel->statusLine()->text() != QStringLiteral("Saved")); // not before the commit
    REQUIRE(saved.wait(3000));                                     // the debounce commits
    CHECK(saved.takeFirst().at(0).toInt() == 1);
    CHECK(panel->statusLine()->text() == QStringLiteral("Saved"));
    auto answers = questions::DayQuestions(*c.region.db).plenaryAnswers(c.region.groupId);
    REQUIRE(answers.ok());
    CHECK(answers->at(c.bank.plenary.at(1).text) == QStringLiteral("Early help across the region"));

    // Leaving a field saves at once, without waiting for the debounce.
    panel->answerField(2)->setFocus();
    QTest::keyClicks(panel->answerField(2), QStringLiteral("Kinship care"));
    QTest::keyClick(panel->answerField(2), Qt::Key_Tab); // Tab leaves the field
    QApplication::processEvents();
    CHECK(saved.count() == 1);
    CHECK(questions::DayQuestions(*c.region.db).plenaryAnswers(c.region.groupId)->size() == 2);

    // A restart: the program, the session and the panel come back on the same file.
    panel.reset();
    c.session.reset();
    c.region.reopen();
    c.session = c.open();
    auto again = c.panel();
    REQUIRE(again->page() == QuestionPanel::Page::Plenary);
    CHECK(again->answerField(1)->toPlainText() == QStringLiteral("Early help across the region"));
    CHECK(again->answerField(2)->toPlainText() == QStringLiteral("Kinship care"));
    CHECK(again->answerField(0)->toPlainText().isEmpty());
}
