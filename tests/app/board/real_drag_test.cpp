#include "board/group_board.h"
#include "board/group_card.h"
#include "board/member_row.h"
#include "board_fixture.h"
#include "domain/schedule_store.h"

#include <QApplication>
#include <QPointer>
#include <QTest>
#include <QTimer>
#include <QUndoStack>
#include <catch2/catch.hpp>

using namespace balcony;
using namespace balcony::gui;

// A real drag: QDrag::exec runs Qt's own drag loop, which follows the mouse, asks the card under it
// whether it takes the drop and drops on release. Qt's offscreen platform cannot do this (its
// QPlatformDrag answers every QDrag::exec with "ignored" at once, without a loop), so this test is
// hidden from the offscreen run and has its own CTest entry on the "minimal" platform, which uses
// Qt's in-process drag (tests/app/board/CMakeLists.txt).
TEST_CASE("dragging an authority with the mouse onto another card moves it there, and one undo puts it back",
          "[.real-drag]") {
    INFO("run on QT_QPA_PLATFORM=minimal: the offscreen platform never starts a drag");
    REQUIRE(QGuiApplication::platformName() != QStringLiteral("offscreen"));
    test::BoardRegion region;
    GroupBoard board(*region.document);
    board.resize(1200, 800);
    board.show();
    QApplication::processEvents();
    const qint64 kent = region.id(QStringLiteral("Kent"));
    GroupCard* group2 = board.cardLabelled(QStringLiteral("Group 2"));
    MemberRow* row = board.cardLabelled(QStringLiteral("Group 1"))->rowFor(kent);
    REQUIRE(group2);
    REQUIRE(row);
    // Over the top half of Group 2's first row: Kent should present first.
    const QPoint target(group2->width() / 2, group2->rows().front()->geometry().top() + 3);
    const QPoint grip(30, row->height() / 2);

    QTest::mousePress(row, Qt::LeftButton, {}, grip);
    // Moving the pressed mouse past the drag distance starts QDrag::exec, whose event loop runs this
    // timer: the mouse travels onto Group 2 and lets go there.
    bool deliveredInsideTheDrag = false;
    QPointer<GroupCard> dropCard(group2);
    QTimer deliver;
    deliver.setSingleShot(true);
    QObject::connect(&deliver, &QTimer::timeout, [&] {
        deliveredInsideTheDrag = true;
        REQUIRE(dropCard);
        QTest::mouseMove(dropCard, target - QPoint(0, 20));
        QTest::mouseMove(dropCard, target);
        QTest::mouseRelease(dropCard, Qt::LeftButton, {}, target);
    });
    deliver.start(0);
    // The row may be gone once this returns: the drop rebuilt the board.
    QTest::mouseMove(row, grip + QPoint(QApplication::startDragDistance() + 5, 0));
    QApplication::processEvents();

    REQUIRE(deliveredInsideTheDrag);
    const std::vector<qint64> moved = test::storedMembers(region, region.group2);
    REQUIRE(moved.size() == 5);
    CHECK(moved.front() == kent);
    CHECK(test::storedMembers(region, region.group1).size() == 2);
    CHECK(board.cardOf(kent) == board.cardLabelled(QStringLiteral("Group 2")));
    CHECK(board.cardLabelled(QStringLiteral("Group 2"))->rows().front()->authorityId() == kent);
    CHECK_FALSE(board.cardLabelled(QStringLiteral("Group 1"))->rowFor(kent));

    REQUIRE(region.document->undoStack()->count() == 1);
    region.document->undoStack()->undo();
    CHECK(test::storedMembers(region, region.group2).size() == 4);
    CHECK(test::storedMembers(region, region.group1) ==
          std::vector<qint64>{region.id(QStringLiteral("Wokingham")), region.id(QStringLiteral("Surrey")),
                              kent});
    CHECK(board.cardOf(kent) == board.cardLabelled(QStringLiteral("Group 1")));
}
