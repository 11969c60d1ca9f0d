#include "domain/roster_store.h"
#include "interchange/file_io.h"
#include "interchange/interchange_support.h"
#include "interchange/roster_export.h"
#include "interchange/roster_import.h"

#include <QFileInfo>
#include <catch2/catch.hpp>

using namespace balcony;
using namespace balcony::interchange;
using balcony::test::describe;

namespace {

// The roster as a person reads it: each LA with its post holders, by name, ids left out.
QStringList rosterOf(Database& db) {
    RosterStore store(db);
    auto authorities = store.authorities();
    auto people = store.people();
    REQUIRE(authorities.ok());
    REQUIRE(people.ok());
    QStringList lines;
    for (const auto& a : *authorities) {
        lines << a.name;
        for (const auto& p : *people) {
            if (p.authorityId == a.id) {
                lines << QStringLiteral("  %1: %2 <%3>").arg(toKey(p.role), p.name, p.email);
            }
        }
    }
    return lines;
}

void importInto(Database& db, const QByteArray& bytes) {
    auto outcome = importRoster(db, bytes);
    REQUIRE(outcome.ok());
    INFO(describe(outcome->problems).toStdString());
    REQUIRE(outcome->applied());
}

// The documented example roster as the export writes it: a UTF-8 byte order mark (so that Excel
// reads accents right), CRLF, LAs by name, quotes only where needed.
const QByteArray exampleExported =
    "\xEF\xBB\xBF"
    "la,dcs,dcs_email,chief_executive,chief_executive_email,lead_member,lead_member_email\r\n"
    "Brighton and Hove,Hal Price,hal.price@brighton-hove.example.org,,,,\r\n"
    "Kent,Ann Reed,ann.reed@kent.example.org,Ben Cole,ben.cole@kent.example.org,Cllr Cara "
    "Lowe,cara.lowe@kent.example.org\r\n"
    "Medway,Dev Patel,dev.patel@medway.example.org,,,,\r\n"
    "Portsmouth,Jay Quinn,jay.quinn@portsmouth.example.org,,,,\r\n"
    "Surrey,Eve Hart,eve.hart@surrey.example.org,Finn Shaw,,Cllr Gina Moss,\r\n"
    "West Sussex,Ivy Stone,ivy.stone@westsussex.example.org,,,,\r\n";

} // namespace

TEST_CASE("The exported example roster imports into a fresh region as the same roster",
          "[interchange][roster][export]") {
    test::TempDir dir;
    test::Region first(dir);
    importInto(*first.db, test::readAll(test::docsExamplePath(QStringLiteral("roster.csv"))));
    const QString out = dir.path(QStringLiteral("exported.csv"));
    auto written = exportRosterFile(*first.db, out);
    REQUIRE(written.ok());
    CHECK(*written == 6);
    const QByteArray exported = test::readAll(out);
    CHECK(exported == exampleExported);
    CHECK(rosterCsv(*first.db).value() == exported);

    test::TempDir other;
    test::Region second(other);
    importInto(*second.db, exported);
    CHECK(rosterOf(*second.db) == rosterOf(*first.db));
    CHECK(rosterOf(*second.db)
              .contains(QStringLiteral("  dcs: Hal Price <hal.price@brighton-hove.example.org>")));

    // Exporting the re-imported roster gives the same bytes.
    const QString again = other.path(QStringLiteral("again.csv"));
    REQUIRE(exportRosterFile(*second.db, again).ok());
    CHECK(test::readAll(again) == exported);
}

TEST_CASE("Roster cells with commas, quotes and accents are quoted and read back",
          "[interchange][roster][export]") {
    test::TempDir dir;
    test::Region region(dir);
    importInto(*region.db, "la,dcs,dcs_email\n"
                           "\"Bath, and North East\",\"Dunn, \"\"Cy\"\"\",cy@bath.example.org\n"
                           "Ça Va,Zoë Brontë,\n");
    const QByteArray exported = rosterCsv(*region.db).value();
    CHECK(exported.contains("\"Bath, and North East\",\"Dunn, \"\"Cy\"\"\",cy@bath.example.org,,,,\r\n"));
    CHECK(exported.contains(QStringLiteral("Ça Va,Zoë Brontë,,,,,\r\n").toUtf8()));

    test::TempDir other;
    test::Region second(other);
    importInto(*second.db, exported);
    CHECK(rosterOf(*second.db) == rosterOf(*region.db));
}

TEST_CASE("A roster export that cannot be written says where and why, and leaves no file",
          "[interchange][roster][export]") {
    test::TempDir dir;
    test::Region region(dir);
    importInto(*region.db, test::readAll(test::docsExamplePath(QStringLiteral("roster.csv"))));

    const QString missing = dir.path(QStringLiteral("no-such-folder/roster.csv"));
    auto written = exportRosterFile(*region.db, missing);
    REQUIRE_FALSE(written.ok());
    CHECK(written.message().contains(QStringLiteral("no-such-folder")));
    CHECK(written.message().contains(QStringLiteral("does not exist")));
    CHECK_FALSE(QFileInfo::exists(missing));

    // Tests run as root, so permissions cannot stop a write; a parent that is a file can.
    const QString blocker = dir.path(QStringLiteral("roster.csv"));
    test::writeFile(blocker, "old\r\n");
    const QString inside = blocker + QStringLiteral("/roster.csv");
    auto refused = exportRosterFile(*region.db, inside);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == Error::Kind::Failed);
    CHECK(refused.message().contains(QStringLiteral("roster.csv")));
    CHECK(test::readAll(blocker) == "old\r\n");
    CHECK_FALSE(QFileInfo::exists(inside));
}
