#include "board/board_mime.h"
#include "board/group_board.h"
#include "board/group_card.h"
#include "board/group_details_dialog.h"
#include "board/lead_reviewer_ring.h"
#include "board_fixture.h"
#include "domain/schedule_store.h"
#include "problems/problem_list_model.h"
#include "problems/problems_panel.h"

#include <QAbstractItemModelTester>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QDropEvent>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>
#include <catch2/catch.hpp>
#include <memory>
#include <set>

using namespace balcony;
using namespace balcony::gui;
using balcony::test::BoardRegion;

namespace {

// The board and the problems panel wired together the way the Schedule workspace does.
struct BoardUnderTest {
    BoardRegion region;
    std::unique_ptr<GroupBoard> board;
    std::unique_ptr<ProblemsPanel> panel;

    BoardUnderTest() {
        board = std::make_unique<GroupBoard>(*region.document);
        panel = std::make_unique<ProblemsPanel>(*region.document);
        panel->setToday(QDate(2022, 9, 2));
        QObject::connect(board.get(), &GroupBoard::cycleChanged, panel.get(), &ProblemsPanel::setCycleId);
        QObject::connect(panel.get(), &ProblemsPanel::problemsChanged, board.get(), &GroupBoard::setProblems);
        QObject::connect(panel.get(), &ProblemsPanel::problemActivated, board.get(),
                         &GroupBoard::showProblem);
        panel->setCycleId(board->cycleId());
        board->resize(1200, 800);
        board->show();
    }

    GroupCard* group(const char* label) const { return board->cardLabelled(QString::fromLatin1(label)); }
    QUndoStack& undo() const { return *region.document->undoStack(); }
    qint64 id(const char* name) const { return region.id(QString::fromLatin1(name)); }

    std::vector<qint64> storedMembers(qint64 groupId) const { return test::storedMembers(region, groupId); }

    bool panelHasErrorAbout(qint64 groupId) const {
        for (const auto& p : panel->problems()) {
            if (p.isError() && p.subject == Problem::Subject::Group && p.subjectId == groupId) {
                return true;
            }
        }
        return false;
    }
};

QAction* findAction(QMenu* menu, const QString& text) {
    for (QAction* action : menu->actions()) {
        if (action->text() == text) {
            return action;
        }
        if (action->menu()) {
            if (QAction* inner = findAction(action->menu(), text)) {
                return inner;
            }
        }
    }
    return nullptr;
}

} // namespace

TEST_CASE("moving an authority out by its menu leaves a group of two, reported until undone", "[board]") {
    BoardUnderTest t;
    REQUIRE(t.group("Group 1"));
    CHECK_FALSE(t.panelHasErrorAbout(t.region.group1));
    QSignalSpy counts(t.panel.get(), &ProblemsPanel::countsChanged);

    MemberRow* row = t.group("Group 1")->rowFor(t.id("Wokingham"));
    REQUIRE(row);
    std::unique_ptr<QMenu> menu(row->createContextMenu());
    QAction* toGroup2 = findAction(menu.get(), QStringLiteral("Group 2"));
    REQUIRE(toGroup2);
    toGroup2->trigger();

    CHECK(t.storedMembers(t.region.group1) == std::vector<qint64>{t.id("Surrey"), t.id("Kent")});
    CHECK(t.group("Group 2")->rowFor(t.id("Wokingham")));
    CHECK_FALSE(t.group("Group 1")->rowFor(t.id("Wokingham")));
    CHECK(t.panelHasErrorAbout(t.region.group1));
    CHECK_FALSE(counts.isEmpty());
    CHECK(t.undo().undoText() == QStringLiteral("Move Wokingham to Group 2"));

    t.undo().undo();
    CHECK(t.storedMembers(t.region.group1) ==
          std::vector<qint64>{t.id("Wokingham"), t.id("Surrey"), t.id("Kent")});
    CHECK_FALSE(t.panelHasErrorAbout(t.region.group1));
    CHECK(t.group("Group 1")->rowFor(t.id("Wokingham")));

    t.undo().redo();
    CHECK(t.panelHasErrorAbout(t.region.group1));
}

TEST_CASE("moving an authority keeps the ring of the group it leaves consistent on undo", "[board]") {
    BoardUnderTest t;
    const auto before = ScheduleStore(t.region.document->database()).load(t.region.cycleId);
    REQUIRE(before.ok());
    REQUIRE(t.board->moveAuthority(t.id("Medway"), QString()).ok());
    CHECK(t.board->tray()->rowFor(t.id("Medway")));
    CHECK(t.group("Group 2")->ringLines().size() == 2); // Medway's two arrows went with it
    t.undo().undo();
    const auto after = ScheduleStore(t.region.document->database()).load(t.region.cycleId);
    REQUIRE(after.ok());
    const Group* g2 = nullptr;
    for (const auto& g : after->groups) {
        if (g.id == t.region.group2) {
            g2 = &g;
        }
    }
    REQUIRE(g2);
    CHECK(g2->member(t.id("Medway"))->leadReviewerId == t.id("Slough"));
    CHECK(g2->member(t.id("Oxfordshire"))->leadReviewerId == t.id("Medway"));
    CHECK(t.group("Group 2")->ringLines().size() == 4);
}

TEST_CASE("dropping an authority on another card moves it to the drop place", "[board]") {
    BoardUnderTest t;
    GroupCard* target = t.group("Group 2");
    std::unique_ptr<QMimeData> mime(board::encodeMember({t.id("Kent"), t.group("Group 1")->uid()}));
    // Drop above the first row: Kent should present first.
    const QPoint at(target->width() / 2, target->rows().front()->geometry().top() + 1);
    QDragEnterEvent enter(at, Qt::MoveAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    REQUIRE(enter.isAccepted());
    QDropEvent drop(QPointF(at), Qt::MoveAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);

    const auto members = t.storedMembers(t.region.group2);
    REQUIRE(members.size() == 5);
    CHECK(members.front() == t.id("Kent"));
    t.undo().undo();
    CHECK(t.storedMembers(t.region.group2).size() == 4);
}

TEST_CASE("generating lead reviewers draws one ring through the group, and undo clears it", "[board]") {
    BoardUnderTest t;
    t.board->setGeneratorSeed(7);
    GroupCard* card = t.group("Group 1");
    REQUIRE(card->generateButton());
    CHECK(card->ringLines().isEmpty());
    card->generateButton()->click();

    card = t.group("Group 1");
    CHECK(card->ringLines().size() == 3);
    // One ring: following the reviewers from any member visits all three and comes back.
    const auto& nodes = card->ring()->nodes();
    REQUIRE(nodes.size() == 3);
    std::map<qint64, qint64> reviewerOf;
    for (const auto& n : nodes) {
        CHECK(n.reviewerId != 0);
        CHECK(n.reviewerId != n.authorityId);
        reviewerOf[n.authorityId] = n.reviewerId;
    }
    std::set<qint64> visited;
    qint64 at = nodes.front().authorityId;
    for (int i = 0; i < 3; ++i) {
        visited.insert(at);
        at = reviewerOf[at];
    }
    CHECK(visited.size() == 3);
    CHECK(at == nodes.front().authorityId);
    // The generator never lets Kent's DCS review Surrey, where they used to work.
    CHECK(reviewerOf[t.id("Surrey")] != t.id("Kent"));
    CHECK_FALSE(t.board->message().isEmpty()); // the summary

    t.undo().undo();
    card = t.group("Group 1");
    CHECK(card->ringLines().isEmpty());
    for (const auto& n : card->ring()->nodes()) {
        CHECK(n.reviewerId == 0);
    }
}

TEST_CASE("a lead reviewer the rules refuse shows the message and changes nothing", "[board]") {
    BoardUnderTest t;
    const int undoCount = t.undo().count();
    MemberRow* surrey = t.group("Group 1")->rowFor(t.id("Surrey"));
    QComboBox* combo = surrey->reviewerCombo();
    REQUIRE(combo);
    const int kent = combo->findData(t.id("Kent"));
    REQUIRE(kent > 0);
    combo->setCurrentIndex(kent);
    Q_EMIT combo->activated(kent);

    CHECK(t.board->message().contains(QStringLiteral("Kent cannot be the lead reviewer of Surrey")));
    CHECK(t.undo().count() == undoCount);
    auto groups = ScheduleStore(t.region.document->database()).load(t.region.cycleId);
    REQUIRE(groups.ok());
    CHECK(groups->groupOf(t.id("Surrey"))->member(t.id("Surrey"))->leadReviewerId == 0);
    // The picker shows what is stored again.
    MemberRow* rebuilt = t.group("Group 1")->rowFor(t.id("Surrey"));
    CHECK(rebuilt->reviewerCombo()->currentData().toLongLong() == 0);
}

TEST_CASE("an accepted lead reviewer shows in the ring and undoes", "[board]") {
    BoardUnderTest t;
    REQUIRE(t.board->setLeadReviewer(t.group("Group 1")->uid(), t.id("Kent"), t.id("Wokingham")).ok());
    CHECK(t.group("Group 1")->ringLines() == QStringList{QStringLiteral("Wokingham → Kent")});
    t.undo().undo();
    CHECK(t.group("Group 1")->ringLines().isEmpty());
}

TEST_CASE("a presenter moved down with Ctrl+Down goes back with undo", "[board]") {
    BoardUnderTest t;
    QApplication::setActiveWindow(t.board.get());
    MemberRow* row = t.group("Group 1")->rowFor(t.id("Wokingham"));
    row->setFocus();
    QTest::keyClick(row, Qt::Key_Down, Qt::ControlModifier);
    if (t.undo().count() == 0) {
        // Some platforms deliver no shortcuts to an inactive offscreen window: use the same action.
        row->moveDownAction()->trigger();
    }
    CHECK(t.storedMembers(t.region.group1) ==
          std::vector<qint64>{t.id("Surrey"), t.id("Wokingham"), t.id("Kent")});
    CHECK(t.undo().undoText() == QStringLiteral("Reorder presenters of Group 1"));
    // The keyboard stays on the moved authority, so it can be moved again.
    CHECK(QApplication::focusWidget() == t.group("Group 1")->rowFor(t.id("Wokingham")));

    t.undo().undo();
    CHECK(t.storedMembers(t.region.group1) ==
          std::vector<qint64>{t.id("Wokingham"), t.id("Surrey"), t.id("Kent")});
}

TEST_CASE("dissolving a group and undoing brings it back with its members and ring", "[board]") {
    BoardUnderTest t;
    const QString uid = t.group("Group 2")->uid();
    REQUIRE(t.board->dissolveGroup(uid).ok());
    CHECK_FALSE(t.group("Group 2"));
    CHECK(t.board->tray()->rows().size() == 4);
    t.undo().undo();
    REQUIRE(t.group("Group 2"));
    CHECK(t.group("Group 2")->uid() == uid);
    CHECK(t.group("Group 2")->ringLines().size() == 4);
    t.undo().redo();
    CHECK_FALSE(t.group("Group 2"));
}

TEST_CASE("creating and editing a group go through the details editor and undo", "[board]") {
    BoardUnderTest t;
    t.board->setDetailsEditor([](QWidget*, const Group& g, const CycleSchedule&) -> std::optional<Group> {
        Group edited = g;
        edited.venue = QStringLiteral("Maidstone");
        edited.mode = Mode::InPerson;
        return edited;
    });
    t.board->createGroupInteractively();
    GroupCard* created = t.group("Group 3");
    REQUIRE(created);
    const QString uid = created->uid();

    t.board->editGroupInteractively(t.group("Group 2")->uid());
    auto groups = ScheduleStore(t.region.document->database()).groups(t.region.cycleId);
    REQUIRE(groups.ok());
    for (const auto& g : *groups) {
        if (g.id == t.region.group2) {
            CHECK(g.venue == QStringLiteral("Maidstone"));
        }
    }
    t.undo().undo(); // the edit
    t.undo().undo(); // the creation
    CHECK_FALSE(t.group("Group 3"));
    t.undo().redo();
    REQUIRE(t.group("Group 3"));
    CHECK(t.group("Group 3")->uid() == uid);
}

TEST_CASE("activating a problem selects what it is about on the board", "[board]") {
    BoardUnderTest t;
    REQUIRE(t.board->moveAuthority(t.id("Kent"), QString()).ok());
    const QModelIndex index = [&] {
        for (int row = 0; row < t.panel->model()->rowCount(); ++row) {
            const QModelIndex i = t.panel->model()->index(row, 0);
            if (t.panel->model()->itemAt(i)->subjectId == t.region.group1) {
                return i;
            }
        }
        return QModelIndex();
    }();
    REQUIRE(index.isValid());
    Q_EMIT t.panel->view()->activated(index);
    CHECK(t.group("Group 1")->property("selected").toBool());
    CHECK_FALSE(t.group("Group 2")->property("selected").toBool());
}

TEST_CASE("the problems model passes the model tester through rechecks", "[board][model]") {
    BoardUnderTest t;
    QAbstractItemModelTester tester(t.panel->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    REQUIRE(t.board->moveAuthority(t.id("Kent"), QString()).ok());
    CHECK(t.panel->errorCount() > 0);
    t.undo().undo();
    t.panel->setCycleId(0);
    CHECK(t.panel->model()->rowCount() == 0);
}

namespace {

QStringList unnamedFocusable(QWidget* root) {
    QStringList unnamed;
    for (QWidget* w : root->findChildren<QWidget*>()) {
        if (w->focusPolicy() == Qt::NoFocus || !w->isVisibleTo(root)) {
            continue;
        }
        QAccessibleInterface* a = QAccessible::queryAccessibleInterface(w);
        if (!a || a->text(QAccessible::Name).trimmed().isEmpty()) {
            unnamed << QString::fromLatin1(w->metaObject()->className()) + QLatin1Char('/') + w->objectName();
        }
    }
    return unnamed;
}

} // namespace

TEST_CASE("every focusable control of the board has an accessible name", "[board][a11y]") {
    BoardUnderTest t;
    CHECK(unnamedFocusable(t.board.get()).join(QStringLiteral(", ")).toStdString() == "");
}

TEST_CASE("every focusable control of the group details dialog has an accessible name", "[board][a11y]") {
    BoardUnderTest t;
    const CycleSchedule& s = *t.board->schedule();
    GroupDetailsDialog dialog(s.groups.front(), s);
    dialog.show();
    CHECK(unnamedFocusable(&dialog).join(QStringLiteral(", ")).toStdString() == "");
}
