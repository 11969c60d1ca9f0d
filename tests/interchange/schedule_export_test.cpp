#include "domain/schedule_store.h"
#include "interchange/file_io.h"
#include "interchange/interchange_support.h"
#include "interchange/schedule_export.h"
#include "interchange/schedule_import.h"

#include <QFileInfo>
#include <catch2/catch.hpp>

using namespace balcony;
using namespace balcony::interchange;
using balcony::test::describe;

namespace {

// The rows as the importer sees them, without line numbers, for comparing two files.
QStringList rowsOf(const QByteArray& csv) {
    const auto preview = parseSchedule(csv);
    INFO(describe(preview.problems).toStdString());
    REQUIRE_FALSE(hasErrors(preview.problems));
    QStringList rows;
    for (const auto& r : preview.rows) {
        rows << QStringList{r.group,          r.date.toString(Qt::ISODate),
                            toKey(r.mode),    r.venue,
                            r.facilitator,    r.authority,
                            r.leadReviewerFor}
                    .join(u'|');
    }
    return rows;
}

} // namespace

TEST_CASE("Exporting the imported South East table gives the same rows, ordered by date",
          "[interchange][export]") {
    test::TempDir dir;
    test::Region region(dir);
    const QByteArray original = test::fixture(QStringLiteral("se-2022-2023-schedule.csv"));
    REQUIRE(importSchedule(*region.db, region.cycleId, original)->applied());
    const QString out = dir.path(QStringLiteral("exported.csv"));
    auto written = exportScheduleFile(*region.db, region.cycleId, out);
    REQUIRE(written.ok());
    CHECK(*written == 19);

    const QByteArray exported = test::readAll(out);
    CHECK(exported.startsWith("\xEF\xBB\xBF" // the byte order mark Excel needs to read UTF-8
                              "group,date,mode,venue,facilitator,la,lead_reviewer_for\r\n"));
    CHECK(exported.contains("5,2022-01-31,virtual,,,West Berkshire,Brighton and Hove\r\n"));
    CHECK(exported.contains("3,2023-02-16,in person,,,Oxfordshire,Hampshire\r\n"));

    // Same rows as the source, apart from order: the export sorts by date.
    QStringList expected = rowsOf(original);
    QStringList actual = rowsOf(exported);
    CHECK(actual.first().startsWith(QStringLiteral("5|2022-01-31"))); // the typo sorts first
    CHECK(actual.last().startsWith(QStringLiteral("2|2023-02-24")));
    expected.sort();
    QStringList sortedActual = actual;
    sortedActual.sort();
    CHECK(sortedActual == expected);

    // And importing the export back changes nothing and exports identically.
    auto again = importSchedule(*region.db, region.cycleId, exported);
    REQUIRE(again.ok());
    CHECK(again->report.groupsUnchanged == 6);
    const QString second = dir.path(QStringLiteral("second.csv"));
    REQUIRE(exportScheduleFile(*region.db, region.cycleId, second).ok());
    CHECK(test::readAll(second) == exported);
}

TEST_CASE("Exported cells with commas, quotes and edge spaces are quoted and read back",
          "[interchange][export]") {
    test::TempDir dir;
    test::Region region(dir);
    const QByteArray source =
        "group,date,mode,venue,facilitator,la,lead_reviewer_for\n"
        "\"North, \"\"East\"\"\",2023-01-10,in person,\"Hall 2, Floor 3; East Wing\",\"Dunn, Cy\","
        "\"Bath, and North East\",Medway\n"
        "\"North, \"\"East\"\"\",2023-01-10,in person,\"Hall 2, Floor 3; East Wing\",\"Dunn, Cy\","
        "Medway,\"Bath, and North East\"\n";
    REQUIRE(importSchedule(*region.db, region.cycleId, source)->applied());
    const QString out = dir.path(QStringLiteral("quoted.csv"));
    REQUIRE(exportScheduleFile(*region.db, region.cycleId, out).ok());
    const QByteArray exported = test::readAll(out);
    CHECK(exported.contains("\"North, \"\"East\"\"\",2023-01-10,in person,\"Hall 2, Floor 3; East Wing\","
                            "\"Dunn, Cy\",\"Bath, and North East\",Medway\r\n"));
    CHECK(rowsOf(exported) == rowsOf(source));
}

TEST_CASE("Exporting into a missing folder fails with the path and leaves nothing behind",
          "[interchange][export]") {
    test::TempDir dir;
    test::Region region(dir);
    REQUIRE(
        importSchedule(*region.db, region.cycleId, test::fixture(QStringLiteral("se-2022-2023-schedule.csv")))
            ->applied());
    const QString out = dir.path(QStringLiteral("no-such-folder/schedule.csv"));
    auto written = exportScheduleFile(*region.db, region.cycleId, out);
    REQUIRE_FALSE(written.ok());
    CHECK(written.message().contains(QStringLiteral("no-such-folder")));
    CHECK(written.message().contains(QStringLiteral("does not exist")));
    CHECK_FALSE(QFileInfo::exists(out));
}

TEST_CASE("Exporting onto a folder's name fails and says so", "[interchange][export]") {
    test::TempDir dir;
    REQUIRE(QDir().mkpath(dir.path(QStringLiteral("taken"))));
    auto written = writeFileAtomically(dir.path(QStringLiteral("taken")), "x");
    REQUIRE_FALSE(written.ok());
    CHECK(written.message().contains(QStringLiteral("taken")));
}

TEST_CASE("A file that cannot be written is reported with its path and the old file kept",
          "[interchange][export]") {
    test::TempDir dir;
    const QString out = dir.path(QStringLiteral("schedule.csv"));
    REQUIRE(writeFileAtomically(out, "first\r\n").ok());
    // Tests run as root, so permissions cannot make a write fail; a parent that is a file can.
    auto written = writeFileAtomically(out + QStringLiteral("/inner.csv"), "second\r\n");
    REQUIRE_FALSE(written.ok());
    CHECK(written.message().contains(QStringLiteral("schedule.csv")));
    CHECK(test::readAll(out) == "first\r\n");
}
