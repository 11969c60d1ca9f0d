// Malformed CSV is refused with the line of the problem, and a refused import writes nothing.
#include "domain/roster_store.h"
#include "interchange/csv_table.h"
#include "interchange/interchange_support.h"
#include "interchange/roster_import.h"

#include <catch2/catch.hpp>

using namespace balcony;
using namespace balcony::interchange;
using balcony::test::describe;

using balcony::test::expectRosterRefused;

TEST_CASE("A quote inside an unquoted field is refused on its line", "[interchange][csv]") {
    expectRosterRefused("la,dcs\nKent,Ann\nSurrey,Jo \"JJ\" Carter\n", 3, QStringLiteral("quote"));
}

TEST_CASE("Text after a closing quote is refused on its line", "[interchange][csv]") {
    expectRosterRefused("la,dcs\n\"Kent\" Council,Ann\n", 2, QStringLiteral("quote"));
}

TEST_CASE("An unterminated quoted field is refused at the line where its record starts",
          "[interchange][csv]") {
    expectRosterRefused("la,dcs\nKent,Ann\n\"Surrey,Jo\nMedway,Bo\n", 3, QStringLiteral("never closed"));
}

TEST_CASE("A row with the wrong number of fields is refused with its line", "[interchange][csv]") {
    expectRosterRefused("la,dcs,dcs_email\nKent,Ann,ann@kent.example.org\nSurrey,Jo\n", 3,
                        QStringLiteral("2 fields but the header has 3"));
}

TEST_CASE("A row with an extra comma is refused with its line", "[interchange][csv]") {
    expectRosterRefused("la,dcs\nKent,Ann\nSurrey,Jo,Carter\n", 3, QStringLiteral("3 fields"));
}

TEST_CASE("An unknown column is refused and named", "[interchange][csv]") {
    expectRosterRefused("la,dcs,phone\nKent,Ann,0123\n", 1, QStringLiteral("unknown column \"phone\""));
}

TEST_CASE("A roster without an la column is refused", "[interchange][csv]") {
    expectRosterRefused("dcs,dcs_email\nAnn,ann@kent.example.org\n", 1, QStringLiteral("no \"la\" column"));
}

TEST_CASE("A column named twice in the header is refused", "[interchange][csv]") {
    expectRosterRefused("la,dcs,DCS\nKent,Ann,Bob\n", 1, QStringLiteral("\"dcs\" appears twice"));
}

TEST_CASE("Invalid UTF-8 is refused on the line of the cell", "[interchange][csv]") {
    // Latin-1 "Sévigné", as a spreadsheet saving "CSV" rather than "CSV UTF-8" would write it.
    expectRosterRefused("la,dcs\nKent,Ann\nSurrey,S\xe9vign\xe9\n", 3, QStringLiteral("UTF-8"));
}

TEST_CASE("An empty file is refused and asks for a header", "[interchange][csv]") {
    expectRosterRefused("", 1, QStringLiteral("empty"));
}

TEST_CASE("A file of blank lines counts as empty", "[interchange][csv]") {
    expectRosterRefused("\r\n\r\n", 1, QStringLiteral("empty"));
}

TEST_CASE("A header without rows is refused: there is nothing to import", "[interchange][csv]") {
    expectRosterRefused("la,dcs\r\n", 2, QStringLiteral("no rows"));
}

TEST_CASE("Line numbers count the newlines inside quoted fields", "[interchange][csv]") {
    // The record on line 2 spans lines 2-4, so the bad row starts on line 5.
    expectRosterRefused("la,dcs\n\"Kent\nCounty\nCouncil\",Ann\n,Jo\n", 5,
                        QStringLiteral("\"la\" cell is empty"));
}

TEST_CASE("Every problem of a file is reported, not only the first", "[interchange][csv]") {
    const auto preview =
        parseRoster("la,dcs,dcs_email\n,Ann,\nKent,,bob@kent.example.org\nKent,Bo,not-an-email\n");
    QList<int> lines;
    for (const auto& p : preview.problems) {
        lines << p.line;
    }
    INFO(describe(preview.problems).toStdString());
    CHECK(lines == QList<int>{2, 3, 4, 4});
}

TEST_CASE("A UTF-8 byte order mark is accepted and not part of the first column name", "[interchange][csv]") {
    test::TempDir dir;
    test::Region region(dir);
    auto outcome =
        importRoster(*region.db, "\xEF\xBB\xBFla,dcs\r\nBrighton and Hove,Zo\xC3\xAB M\xC3\xBCller\r\n");
    REQUIRE(outcome.ok());
    INFO(describe(outcome->problems).toStdString());
    REQUIRE(outcome->applied());
    auto la = RosterStore(*region.db).authorityByName(QStringLiteral("Brighton and Hove"));
    REQUIRE(la.ok());
    auto people = RosterStore(*region.db).people();
    REQUIRE(people.ok());
    REQUIRE(people->size() == 1);
    CHECK(people->front().name == QStringLiteral("Zoë Müller"));
}

TEST_CASE("Header names match ignoring case and surrounding spaces, in any order", "[interchange][csv]") {
    Problems problems;
    const auto table = readCsvTable(
        " DCS_Email , La ,Dcs\nann@kent.example.org,Kent,Ann\n",
        {{QStringLiteral("la"), QStringLiteral("dcs"), QStringLiteral("dcs_email")}, {QStringLiteral("la")}},
        problems);
    REQUIRE(problems.empty());
    REQUIRE(table.rows.size() == 1);
    CHECK(table.rows[0].value(QStringLiteral("la")) == QStringLiteral("Kent"));
    CHECK(table.rows[0].value(QStringLiteral("dcs_email")) == QStringLiteral("ann@kent.example.org"));
}

TEST_CASE("Quoted fields keep commas, doubled quotes and line breaks", "[interchange][csv]") {
    Problems problems;
    const auto table =
        readCsvTable("la,dcs\r\n\"Bath, and \"\"North\"\"\r\nEast\",Ann\r\n,,\r\n",
                     {{QStringLiteral("la"), QStringLiteral("dcs")}, {QStringLiteral("la")}}, problems);
    INFO(describe(problems).toStdString());
    REQUIRE(problems.empty());
    REQUIRE(table.rows.size() == 1); // the all-empty row a spreadsheet leaves is skipped
    CHECK(table.rows[0].value(QStringLiteral("la")) == QStringLiteral("Bath, and \"North\"\r\nEast"));
}
