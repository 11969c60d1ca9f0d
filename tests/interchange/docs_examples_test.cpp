// The example files in docs/examples/ are imported as the documentation says they are.
#include "domain/schedule_store.h"
#include "interchange/interchange_support.h"
#include "interchange/roster_import.h"
#include "interchange/schedule_export.h"
#include "interchange/schedule_import.h"

#include <catch2/catch.hpp>

using namespace balcony;
using namespace balcony::interchange;
using balcony::test::describe;

TEST_CASE("The documented example roster and schedule import cleanly", "[interchange][docs]") {
    test::TempDir dir;
    test::Region region(dir);
    auto roster = importRosterFile(*region.db, test::docsExamplePath(QStringLiteral("roster.csv")));
    REQUIRE(roster.ok());
    INFO(describe(roster->problems).toStdString());
    REQUIRE(roster->applied());
    CHECK(roster->report.rowsRead == 6);
    CHECK(roster->report.authoritiesAdded == 6);

    auto schedule =
        importScheduleFile(*region.db, region.cycleId, test::docsExamplePath(QStringLiteral("schedule.csv")));
    REQUIRE(schedule.ok());
    INFO(describe(schedule->problems).toStdString());
    REQUIRE(schedule->applied());
    CHECK(schedule->problems.empty());
    CHECK(schedule->report.groupsCreated == 2);
    CHECK(schedule->report.authoritiesAdded == 0); // every LA of the schedule is in the example roster

    // The example is written the way the export writes, so exporting gives it back byte for byte.
    const QString out = dir.path(QStringLiteral("schedule.csv"));
    REQUIRE(exportScheduleFile(*region.db, region.cycleId, out).ok());
    CHECK(test::readAll(out) == test::readAll(test::docsExamplePath(QStringLiteral("schedule.csv"))));
}
