#include "board/group_board.h"
#include "board/group_card.h"
#include "document/region_document.h"
#include "helpers/temp_dir.h"
#include "problems/problems_panel.h"
#include "store/database.h"

#include <QApplication>
#include <QSplitter>
#include <catch2/catch.hpp>

#if __has_include("demo/demo_region.h")
#include "demo/demo_region.h"

using namespace balcony;

// Not a check: renders the board on the demo region for the documentation. Run it by its tag:
// balcony_gui_tests "[.screenshot]" with BALCONY_BOARD_PNG set to the output file.
TEST_CASE("render the board of the demo region to a PNG", "[.screenshot]") {
    test::TempDir dir;
    auto db = Database::open(dir.path(QStringLiteral("demo.balcony")), {.create = true, .readOnly = false});
    REQUIRE(db.ok());
    REQUIRE(createDemoRegion(**db).ok());
    gui::RegionDocument document(std::move(*db));

    QSplitter window(Qt::Vertical);
    auto* board = new gui::GroupBoard(document, &window);
    auto* panel = new gui::ProblemsPanel(document, &window);
    panel->setToday(QDate(2022, 12, 1));
    QObject::connect(panel, &gui::ProblemsPanel::problemsChanged, board, &gui::GroupBoard::setProblems);
    panel->setCycleId(board->cycleId());
    window.setStretchFactor(0, 4);
    window.setStretchFactor(1, 1);
    window.resize(1240, 1240);
    window.show();
    window.setSizes({1030, 210});
    if (const auto focus = board->cards().front()->rows(); !focus.empty()) {
        board->selectAuthority(focus.front()->authorityId());
    }
    QApplication::processEvents();
    const QString out = qEnvironmentVariable("BALCONY_BOARD_PNG", QStringLiteral("board.png"));
    REQUIRE(window.grab().save(out));
}
#endif
