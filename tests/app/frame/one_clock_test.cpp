#include "app/frame/fake_prompter.h"
#include "app/frame/qt_catch.h"
#include "app/frame/region_fixture.h"
#include "document/region_document.h"
#include "engine/clock.h"
#include "frame/application.h"
#include "frame/main_window.h"
#include "helpers/temp_dir.h"
#include "models/assessment_model.h"

#include <QSettings>
#include <QTimeZone>
#include <catch2/catch.hpp>

// The program reads time from one clock: the window built as the program builds it gives its clock
// to the region it opens, so the schedule's "today" (what is overdue, which cycle runs) is the
// console's. The fixture's groups meet on 12 and 19 March 2024; Kent's self-assessment is a draft.
using namespace balcony;
using namespace balcony::test;

namespace {

int overdueRows(gui::AssessmentModel& model) {
    int overdue = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const auto* r = model.rowAt(model.index(row, 0));
        REQUIRE(r != nullptr);
        overdue += model.isOverdue(*r) ? 1 : 0;
    }
    return overdue;
}

} // namespace

TEST_CASE("The region opened in the program's window counts today on the window's clock", "[frame][clock]") {
    RegionFixture region;
    FakePrompter prompter;
    TempDir dir;
    QSettings settings(dir.path(QStringLiteral("settings.ini")), QSettings::IniFormat);
    FakeClock clock(QDateTime(QDate(2023, 6, 1), QTime(12, 0), QTimeZone::utc()));
    gui::MainWindow window(prompter, settings);
    gui::installProgramWorkspaces(window, prompter, clock);
    REQUIRE(gui::openAtStart(window, region.path, false));
    gui::RegionDocument& document = *window.document();
    CHECK(&document.clock() == &clock);
    CHECK(document.today() == QDate(2023, 6, 1));

    // Months before the days nothing is overdue; a week after them every step not finished is.
    gui::AssessmentModel model(document);
    model.setCycle(region.cycleId);
    REQUIRE(model.rowCount() == 6);
    CHECK(overdueRows(model) == 0);
    clock.setUtc(QDateTime(QDate(2024, 3, 26), QTime(12, 0), QTimeZone::utc()));
    CHECK(document.today() == QDate(2024, 3, 26));
    CHECK(overdueRows(model) == 6);
}
