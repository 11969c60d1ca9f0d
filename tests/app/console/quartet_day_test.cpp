#include "app/console/quartet_fixture.h"
#include "app/frame/fake_prompter.h"
#include "app/frame/qt_catch.h"
#include "app/frame/region_fixture.h"
#include "console/console_workspace.h"
#include "console/day_session.h"
#include "document/region_document.h"
#include "domain/roster_store.h"
#include "domain/schedule_store.h"
#include "engine/clock.h"
#include "store/database.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QTest>
#include <QTimeZone>
#include <catch2/catch.hpp>
#include <set>

// A quartet day run through the console's own buttons on a fake clock: four presenting sessions, each
// questioning block with three visiting teams taking their turns, then the plenary and the finish.
using namespace balcony;
using namespace balcony::test;

namespace {

QString label(QWidget* page, const char* name) {
    auto* child = page->findChild<QLabel*>(QString::fromLatin1(name));
    REQUIRE(child != nullptr);
    return child->text();
}

void click(QWidget* page, const char* name) {
    auto* button = page->findChild<QPushButton*>(QString::fromLatin1(name));
    REQUIRE(button != nullptr);
    REQUIRE(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
}

} // namespace

TEST_CASE("A whole quartet day run through the console's buttons", "[console][workspace][quartet]") {
    RegionFixture region;
    addQuartet(region);
    auto document = region.openDocument();
    FakePrompter prompter;
    FakeClock clock(QDateTime(QDate(2024, 3, 26), QTime(9, 58), QTimeZone::systemTimeZone()).toUTC());
    gui::ConsoleWorkspace workspace(prompter, &clock);
    QWidget* page = workspace.widget();
    page->resize(1366, 768);
    page->show();
    QApplication::setActiveWindow(page);
    workspace.setDocument(document.get());

    auto* groups = page->findChild<QComboBox*>(QStringLiteral("consoleGroup"));
    REQUIRE(groups != nullptr);
    REQUIRE(groups->currentText().startsWith(QStringLiteral("Group 3"))); // today's group
    click(page, "consoleStart");
    REQUIRE(workspace.session() != nullptr);
    gui::DaySession& day = *workspace.session();
    REQUIRE(day.state().status == DayStatus::Running);

    const auto& blocks = day.plan().timetable.blocks;
    const int last = static_cast<int>(blocks.size()) - 1;
    std::set<int> sessions;
    std::set<QString> presenters;
    int questioning = 0;
    while (day.state().blockIndex < last) {
        const auto& block = blocks.at(static_cast<size_t>(day.state().blockIndex));
        CHECK(label(page, "consoleBlock").contains(block.title));
        if (block.session >= 0) {
            sessions.insert(block.session);
            presenters.insert(block.presenter.name);
            CHECK(label(page, "consoleWho").contains(block.presenter.name));
        }
        if (block.kind == BlockKind::Questions) {
            ++questioning;
            // Three visiting teams, the lead reviewer's first, each handed the floor by Next team.
            REQUIRE(block.askers.size() == 3);
            CHECK(block.askers.front().authorityId == block.presenter.leadReviewerId);
            for (std::size_t turn = 0; turn < block.askers.size(); ++turn) {
                if (turn > 0) {
                    clock.advanceMinutes(block.minutes / 3);
                    day.refresh();
                    click(page, "consoleNextTeam");
                }
                CHECK(label(page, "consoleSpeaker")
                          .contains(block.askers.at(turn).name + QStringLiteral(" asks")));
                REQUIRE(day.state().currentTurn() != nullptr);
                CHECK(day.state().currentTurn()->team.authorityId == block.askers.at(turn).authorityId);
            }
            clock.advanceMinutes(block.minutes - 2 * (block.minutes / 3));
        } else {
            clock.advanceMinutes(block.minutes);
        }
        day.refresh();
        click(page, "consoleNext");
    }
    CHECK(sessions.size() == 4);
    CHECK(presenters.size() == 4);
    CHECK(questioning == 4);
    CHECK(label(page, "consoleBlock").contains(QStringLiteral("Plenary")));
    CHECK(blocks.back().kind == BlockKind::Plenary);

    prompter.confirmAnswer = true;
    click(page, "consoleFinish");
    CHECK(prompter.confirmations.size() == 1);
    CHECK(day.state().status == DayStatus::Finished);
    CHECK(label(page, "consoleProjection").startsWith(QStringLiteral("Finished at")));
}
