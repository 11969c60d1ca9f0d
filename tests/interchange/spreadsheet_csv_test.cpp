// CSV files as spreadsheets write them (docs/csv-formats.md, "Files from spreadsheets"): semicolons
// or tabs between fields, Excel's "sep=" line, empty columns and rows at the edges, Windows-1252
// files and UTF-8 text garbled by a round trip through Excel. Both importers read through the same
// table reader, so each kind is checked on the roster and, where it matters, on the schedule.
#include "domain/roster_store.h"
#include "interchange/csv_table.h"
#include "interchange/interchange_support.h"
#include "interchange/roster_export.h"
#include "interchange/roster_import.h"
#include "interchange/schedule_export.h"
#include "interchange/schedule_import.h"
#include "interchange/text_encoding.h"

#include <catch2/catch.hpp>

using namespace balcony;
using namespace balcony::interchange;
using balcony::test::describe;
using balcony::test::expectRosterRefused;

namespace {

const CsvColumns rosterSpec{{QStringLiteral("la"), QStringLiteral("dcs"), QStringLiteral("dcs_email"),
                             QStringLiteral("chief_executive"), QStringLiteral("chief_executive_email"),
                             QStringLiteral("lead_member"), QStringLiteral("lead_member_email")},
                            {QStringLiteral("la")}};

// "line|la|dcs|dcs_email" for each row the roster reader returns, after checking that it found no
// problem at all.
QStringList cleanRows(const QByteArray& bytes) {
    const RosterPreview preview = parseRoster(bytes);
    INFO(describe(preview.problems).toStdString());
    CHECK(preview.problems.empty());
    QStringList rows;
    for (const auto& r : preview.rows) {
        rows << QStringLiteral("%1|%2|%3|%4").arg(r.line).arg(r.authority, r.dcs, r.dcsEmail);
    }
    return rows;
}

// The post holders an import stored, as "LA: name".
QStringList storedDcs(Database& db) {
    RosterStore store(db);
    auto authorities = store.authorities();
    auto people = store.people();
    REQUIRE(authorities.ok());
    REQUIRE(people.ok());
    QStringList lines;
    for (const auto& a : *authorities) {
        for (const auto& p : *people) {
            if (p.authorityId == a.id) {
                lines << QStringLiteral("%1: %2").arg(a.name, p.name);
            }
        }
    }
    return lines;
}

std::vector<Problem> warningsOf(const Problems& problems) {
    std::vector<Problem> warnings;
    for (const auto& p : problems) {
        if (!p.isError()) {
            warnings.push_back(p);
        }
    }
    return warnings;
}

// `rest` after a UTF-8 byte order mark.
QByteArray withBom(const QByteArray& rest) {
    return QByteArray(utf8ByteOrderMark).append(rest);
}

} // namespace

// --- separators ---------------------------------------------------------------------------------

TEST_CASE("A roster separated by semicolons, as Excel writes it in a European locale, imports",
          "[interchange][csv][spreadsheet]") {
    // cases/c01-semicolon-roster.csv
    const QByteArray c01 =
        "la;dcs;dcs_email;chief_executive;chief_executive_email;lead_member;lead_member_email\r\n"
        "Kent;Alex Tester;alex.tester@kent.example.org;;;;\r\n"
        "Medway;Bea Sample;bea.sample@medway.example.org;;;;\r\n";
    CHECK(cleanRows(c01) == QStringList{QStringLiteral("2|Kent|Alex Tester|alex.tester@kent.example.org"),
                                        QStringLiteral("3|Medway|Bea Sample|bea.sample@medway.example.org")});

    test::TempDir dir;
    test::Region region(dir);
    auto outcome = importRoster(*region.db, c01);
    REQUIRE(outcome.ok());
    REQUIRE(outcome->applied());
    CHECK(outcome->problems.empty());
    CHECK(storedDcs(*region.db) ==
          QStringList{QStringLiteral("Kent: Alex Tester"), QStringLiteral("Medway: Bea Sample")});
}

TEST_CASE("Quoted cells keep the separators that are not the file's", "[interchange][csv][spreadsheet]") {
    // Semicolon file with commas (and a quoted semicolon) inside cells, and quoted header names.
    CHECK(
        cleanRows("\"la\";\"dcs\"\r\n\"Bath, and North East\";\"Dunn; Cy\"\r\nKent;Reed, Ann\r\n") ==
        QStringList{QStringLiteral("2|Bath, and North East|Dunn; Cy|"), QStringLiteral("3|Kent|Reed, Ann|")});
    // Comma file whose cells hold semicolons, and a header name quoted with a semicolon beside it.
    CHECK(cleanRows("la,\"dcs\"\r\n\"Kent; County\",Ann;Bo\r\n") ==
          QStringList{QStringLiteral("2|Kent; County|Ann;Bo|")});
    // A header whose quoted cell holds the other separator is still read by its real one.
    Problems problems;
    const auto table = readCsvTable("\"la\",\"dcs;x\"\r\nKent,Ann\r\n", rosterSpec, problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message.contains(QStringLiteral("unknown column \"dcs;x\"")));
}

TEST_CASE("A tab-separated roster imports, spaces around cells ignored", "[interchange][csv][spreadsheet]") {
    CHECK(cleanRows("la\tdcs\tdcs_email\r\nKent\t Ann Reed \tann@kent.example.org\r\n"
                    "\"Bath,\tNorth East\"\t\t\r\n") ==
          QStringList{QStringLiteral("2|Kent|Ann Reed|ann@kent.example.org"),
                      QStringLiteral("3|Bath,\tNorth East||")});
}

TEST_CASE("A schedule separated by semicolons imports like its comma twin",
          "[interchange][csv][spreadsheet]") {
    const QByteArray commas = "group,date,mode,venue,facilitator,la,lead_reviewer_for\r\n"
                              "1,16/01/2023,in person,\"Hall 2, East Wing\",Sam Lee,Kent,Medway\r\n"
                              "1,16/01/2023,in person,\"Hall 2, East Wing\",Sam Lee,Medway,Kent\r\n";
    QByteArray semicolons = commas;
    semicolons.replace(',', ';').replace("Hall 2; East Wing", "Hall 2, East Wing");
    QByteArray tabs = commas;
    tabs.replace(',', '\t').replace("Hall 2\t East Wing", "Hall 2, East Wing");
    for (const QByteArray& bytes : {semicolons, tabs}) {
        const SchedulePreview preview = parseSchedule(bytes);
        INFO(bytes.toStdString() << describe(preview.problems).toStdString());
        CHECK(preview.problems.empty());
        REQUIRE(preview.rows.size() == 2);
        CHECK(preview.rows[0].venue == QStringLiteral("Hall 2, East Wing"));
        CHECK(preview.rows[1].authority == QStringLiteral("Medway"));
        CHECK(preview.rows[1].leadReviewerFor == QStringLiteral("Kent"));
    }
}

TEST_CASE("A header that two separators read equally well is refused, naming both and the way out",
          "[interchange][csv][spreadsheet]") {
    expectRosterRefused("la;dcs,dcs_email\r\nKent;Ann,ann@kent.example.org\r\n", 1,
                        QStringLiteral("1 comma and 1 semicolon outside quotes"));
    // Each reading gives one known name, but there are two semicolons against one comma.
    const Problems problems = parseRoster("la;x;y,dcs\r\nKent;1;2,Ann\r\n").problems;
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message.contains(QStringLiteral("It seems to use semicolons between columns")));
    CHECK(problems[0].message.contains(QStringLiteral("CSV UTF-8 (Comma delimited)")));
    CHECK(problems[0].message.contains(QStringLiteral("sep=;")));
}

TEST_CASE("Without known column names, the separator found most often splits the header",
          "[interchange][csv][spreadsheet]") {
    // The message names the unknown columns one by one, not as one name with semicolons in it.
    expectRosterRefused("name;email\r\nKent;a@kent.example.org\r\n", 1,
                        QStringLiteral("unknown column \"name\""));
}

TEST_CASE("Messages about a semicolon file speak of semicolons", "[interchange][csv][spreadsheet]") {
    expectRosterRefused("la;dcs\r\nKent;Ann\r\nSurrey;Jo;Carter\r\n", 3, QStringLiteral("extra semicolon"));
    expectRosterRefused("la;dcs\r\n\"Kent\" Council;Ann\r\n", 2,
                        QStringLiteral("but a semicolon or the end"));
}

// --- Excel's "sep=" line ---------------------------------------------------------------------------

TEST_CASE("Excel's first line sep=, is accepted, and line numbers stay the file's own",
          "[interchange][csv][spreadsheet]") {
    // cases/c06-sep-line.csv
    CHECK(cleanRows("sep=,\r\nla,dcs,dcs_email\r\nKent,Alex Tester,alex.tester@kent.example.org\r\n") ==
          QStringList{QStringLiteral("3|Kent|Alex Tester|alex.tester@kent.example.org")});
    expectRosterRefused(
        "sep=,\r\nla,dcs,dcs_email\r\nKent,Ann,ann@kent.example.org\r\nMedway,Bo,not-an-email\r\n", 4,
        QStringLiteral("not an email address"));
}

TEST_CASE("The separator named by a sep= line is the one used, whatever the header suggests",
          "[interchange][csv][spreadsheet]") {
    CHECK(cleanRows("sep=;\r\nla;dcs\r\n\"Kent, County\";Ann\r\n") ==
          QStringList{QStringLiteral("3|Kent, County|Ann|")});
    // Upper case, after a byte order mark, with spreadsheet padding after it.
    CHECK(cleanRows(withBom("SEP=;;;\r\nla;dcs;\r\nKent;Ann;\r\n")) ==
          QStringList{QStringLiteral("3|Kent|Ann|")});
    // A tab, written as the character itself or as \t.
    CHECK(cleanRows("sep=\t\r\nla\tdcs\r\nKent, County\tAnn\r\n") ==
          QStringList{QStringLiteral("3|Kent, County|Ann|")});
    CHECK(cleanRows("sep=\\t\nla\tdcs\nKent\tAnn\n") == QStringList{QStringLiteral("3|Kent|Ann|")});
    // A header that reads as commas is still split by the named semicolon: unknown column.
    expectRosterRefused("sep=;\r\nla,dcs\r\nKent,Ann\r\n", 2, QStringLiteral("unknown column \"la,dcs\""));
    expectRosterRefused("sep=;\r\nla;dcs\r\nKent;Ann\r\nSurrey;Jo;Carter\r\n", 4, QStringLiteral("3 fields"));
}

TEST_CASE("A sep= line naming a separator Balcony does not read is refused on line 1",
          "[interchange][csv][spreadsheet]") {
    expectRosterRefused("sep=:\r\nla:dcs\r\nKent:Ann\r\n", 1, QStringLiteral("\"sep=:\""));
    expectRosterRefused("sep=\r\nla,dcs\r\nKent,Ann\r\n", 1, QStringLiteral("sep=;"));
}

// --- empty columns and rows -----------------------------------------------------------------------

TEST_CASE("Empty columns without a name and rows of separators, as Excel leaves them, are ignored",
          "[interchange][csv][spreadsheet]") {
    // cases/c04-trailing-empty-columns.csv
    const QByteArray c04 = "la,dcs,dcs_email,,\r\n"
                           "Kent,Alex Tester,alex.tester@kent.example.org,,\r\n"
                           "Medway,Bea Sample,bea.sample@medway.example.org,,\r\n"
                           ",,,,\r\n"
                           ",,,,\r\n";
    CHECK(cleanRows(c04) == QStringList{QStringLiteral("2|Kent|Alex Tester|alex.tester@kent.example.org"),
                                        QStringLiteral("3|Medway|Bea Sample|bea.sample@medway.example.org")});
    Problems problems;
    const auto table = readCsvTable(c04, rosterSpec, problems);
    CHECK(table.columns ==
          QStringList{QStringLiteral("la"), QStringLiteral("dcs"), QStringLiteral("dcs_email")});

    // Empty columns on the left and in the middle, and rows of separators above, between and
    // below: line numbers still count them.
    CHECK(cleanRows(",,,\r\n , , , \r\n,la,,dcs\r\n,Kent,,Ann\r\n,,,\r\n,Medway, ,Bo\r\n,,,\r\n") ==
          QStringList{QStringLiteral("4|Kent|Ann|"), QStringLiteral("6|Medway|Bo|")});
    // The same in a semicolon file.
    CHECK(cleanRows("la;dcs;;\r\nKent;Ann;;\r\n;;;\r\n") == QStringList{QStringLiteral("2|Kent|Ann|")});
    // Rows that stop before the empty columns, or run on with empty cells past the header.
    CHECK(cleanRows("la,dcs,,\r\nKent,Ann\r\nMedway,Bo,\r\n") ==
          QStringList{QStringLiteral("2|Kent|Ann|"), QStringLiteral("3|Medway|Bo|")});
    CHECK(cleanRows("la,dcs\r\nKent,Ann,\r\nMedway,Bo,,\r\n") ==
          QStringList{QStringLiteral("2|Kent|Ann|"), QStringLiteral("3|Medway|Bo|")});
}

TEST_CASE("A column without a name that holds data is refused, naming its position and a line",
          "[interchange][csv][spreadsheet]") {
    expectRosterRefused("la,dcs,\r\nKent,Ann,\r\nMedway,Bo,see notes\r\n", 3,
                        QStringLiteral("column 3 (C) has no name in the header, but holds \"see notes\""));
    expectRosterRefused("la;;dcs\r\nKent;x;Ann\r\n", 2, QStringLiteral("column 2 (B)"));
    // A named column missing from a short row is still an error.
    expectRosterRefused("la,dcs,,\r\nKent\r\n", 2, QStringLiteral("1 fields but the header has 4"));
    // Data past the header's end is not an empty column.
    expectRosterRefused("la,dcs\r\nKent,Ann,Carter\r\n", 2, QStringLiteral("3 fields"));
}

TEST_CASE("Windows line ends and blank lines at the end keep working", "[interchange][csv][spreadsheet]") {
    CHECK(cleanRows("la,dcs\r\nKent,Ann\r\n\r\n\r\n") == QStringList{QStringLiteral("2|Kent|Ann|")});
    CHECK(cleanRows("la,dcs\r\nKent,Ann\r\n,\r\n\r\n,\r\n") == QStringList{QStringLiteral("2|Kent|Ann|")});
    CHECK(cleanRows("la,dcs\r\nKent,Ann") == QStringList{QStringLiteral("2|Kent|Ann|")});
    CHECK(cleanRows("\r\n\r\nla,dcs\r\n\r\nKent,Ann\r\n") == QStringList{QStringLiteral("5|Kent|Ann|")});
}

// --- encodings ------------------------------------------------------------------------------------

TEST_CASE("Text garbled by a round trip through Excel is imported with a warning naming line, column "
          "and the probable text",
          "[interchange][csv][spreadsheet]") {
    // cases/c08-roster-after-excel-csv-utf8-save.csv
    const QByteArray c08 = withBom("la,dcs,dcs_email,chief_executive,chief_executive_email,lead_member,"
                                   "lead_member_email\r\n"
                                   "Kent,Zo\xC3\x83\xC2\xAB Example,zoe.example@kent.example.org,,,,\r\n"
                                   "Medway,Ren\xC3\x83\xC2\xA9"
                                   "e Sample,renee.sample@medway.example.org,,,,\r\n");
    test::TempDir dir;
    test::Region region(dir);
    auto outcome = importRoster(*region.db, c08);
    REQUIRE(outcome.ok());
    INFO(describe(outcome->problems).toStdString());
    REQUIRE(outcome->applied());
    REQUIRE(outcome->problems.size() == 2);
    CHECK(outcome->report.rowsRead == 2);
    const Problem& first = outcome->problems[0];
    CHECK_FALSE(first.isError());
    CHECK(first.line == 2);
    CHECK(first.message.contains(QStringLiteral("\"dcs\"")));
    CHECK(first.message.contains(QStringLiteral("\"ZoÃ« Example\"")));
    CHECK(first.message.contains(QStringLiteral("probably should be \"Zoë Example\"")));
    CHECK(outcome->problems[1].line == 3);
    CHECK(outcome->problems[1].message.contains(QStringLiteral("\"Renée Sample\"")));
    CHECK(formatProblem(QStringLiteral("r.csv"), first).startsWith(QStringLiteral("r.csv:2: warning: ")));
    // The import went ahead with the text as it was.
    CHECK(storedDcs(*region.db) ==
          QStringList{QStringLiteral("Kent: ZoÃ« Example"), QStringLiteral("Medway: RenÃ©e Sample")});
}

TEST_CASE("Every kind of double-encoded text is recognised and read back",
          "[interchange][csv][spreadsheet]") {
    const auto repaired = [](const QString& garbled) {
        return undoDoubleEncoding(garbled).value_or(QString());
    };
    CHECK(repaired(QStringLiteral("ZoÃ«")) == QStringLiteral("Zoë"));
    CHECK(repaired(QStringLiteral("FranÃ§ois MÃ¼ller")) == QStringLiteral("François Müller"));
    CHECK(repaired(QStringLiteral("Oâ€™Brien")) == QStringLiteral("O’Brien"));
    CHECK(repaired(QStringLiteral("Â£20 parking")) == QStringLiteral("£20 parking"));
    CHECK(repaired(QStringLiteral("SiÃ¢n")) == QStringLiteral("Siân"));
    CHECK(repaired(QStringLiteral("Llawr Å·")) == QStringLiteral("Llawr ŷ"));
    // Ł is C5 81, and Windows shows the undefined byte 0x81 as the control U+0081.
    CHECK(repaired(QStringLiteral("\u00C5\u0081ukasz")) == QStringLiteral("Łukasz"));
    // Converters that turn the undefined byte into U+FFFD (Python's, as in c08-excel-roundtrip.py).
    CHECK(repaired(QStringLiteral("\u00C5\uFFFDukasz")) == QStringLiteral("Łukasz"));
    CHECK(repaired(QStringLiteral("â€œVeeâ€\uFFFD")) == QStringLiteral("“Vee”"));
    // Two round trips through Excel.
    CHECK(repaired(QStringLiteral("ZoÃƒÂ«")) == QStringLiteral("Zoë"));
    // Another script, garbled, comes in runs.
    CHECK(repaired(QStringLiteral("Ð˜Ð²Ð°Ð½")) == QStringLiteral("Иван"));
}

TEST_CASE("Real names with accents raise no warning", "[interchange][csv][spreadsheet]") {
    const QStringList names = {QStringLiteral("Zoë Brontë"),
                               QStringLiteral("Renée Dubois"),
                               QStringLiteral("Łukasz Wójcik"),
                               QStringLiteral("Siân Lloyd"),
                               QStringLiteral("O'Brien"),
                               QStringLiteral("O’Brien"),
                               QStringLiteral("Gwenllïan ap Siôn"),
                               QStringLiteral("Llŷr Ifans"),
                               QStringLiteral("Seán Ó Súilleabháin"),
                               QStringLiteral("Niamh Ní Bhriain"),
                               QStringLiteral("Máire Nic Giolla"),
                               QStringLiteral("Åsa Öberg"),
                               QStringLiteral("José Núñez"),
                               QStringLiteral("Ó’Briain"),
                               QStringLiteral("CAFÉ – ROOM 2"),
                               QStringLiteral("Dafydd Ŵyn"),
                               QStringLiteral("Ciarán Mac Aodha"),
                               QStringLiteral("Ÿvette “Vee” Æther")};
    QByteArray file = "la,dcs\r\n";
    int n = 0;
    for (const auto& name : names) {
        INFO(name.toStdString());
        CHECK_FALSE(undoDoubleEncoding(name).has_value());
        file += "LA " + QByteArray::number(++n) + ',' + name.toUtf8() + "\r\n";
    }
    CHECK(cleanRows(file).size() == names.size());
}

TEST_CASE("The schedule import warns about garbled text too, and still imports",
          "[interchange][csv][spreadsheet]") {
    test::TempDir dir;
    test::Region region(dir);
    auto outcome = importSchedule(*region.db, region.cycleId,
                                  "group,date,mode,venue,facilitator,la,lead_reviewer_for\r\n"
                                  "1,2023-01-16,in person,\"Caf\xC3\x83\xC2\xA9 Hall\",Sam Lee,Kent,\r\n"
                                  "1,2023-01-16,in person,\"Caf\xC3\x83\xC2\xA9 Hall\",Sam Lee,Medway,\r\n");
    REQUIRE(outcome.ok());
    INFO(describe(outcome->problems).toStdString());
    REQUIRE(outcome->applied());
    const auto warnings = warningsOf(outcome->problems);
    REQUIRE(warnings.size() == 2);
    CHECK(warnings[0].line == 2);
    CHECK(warnings[0].message.contains(QStringLiteral("\"venue\"")));
    CHECK(warnings[0].message.contains(QStringLiteral("\"Café Hall\"")));
}

TEST_CASE("A byte order mark garbled by a round trip is read as one, with a warning",
          "[interchange][csv][spreadsheet]") {
    const auto preview = parseRoster(withBom("\xC3\xAF\xC2\xBB\xC2\xBFla,dcs\r\nKent,Ann\r\n"));
    REQUIRE(preview.rows.size() == 1);
    REQUIRE(preview.problems.size() == 1);
    CHECK_FALSE(preview.problems[0].isError());
    CHECK(preview.problems[0].line == 1);
}

TEST_CASE("A Windows-1252 file is refused as a whole, saying what it is and how to save it as UTF-8",
          "[interchange][csv][spreadsheet]") {
    // "Zoë" as Excel's plain "CSV" writes it: ë is the single byte 0xEB.
    expectRosterRefused("la,dcs\r\nKent,Ann\r\nMedway,Zo\xEB Example\r\n", 3,
                        QStringLiteral("the file is not UTF-8 text: it looks like Windows-1252"));
    const Problems problems =
        parseRoster("la,dcs,dcs_email\r\nKent,Zo\xEB Example,z@kent.example.org\r\nSurrey,Ren\xE9"
                    "e,r@surrey.example.org\r\n")
            .problems;
    REQUIRE(problems.size() == 1); // one refusal for the file, not one per cell
    CHECK(problems[0].line == 2);
    CHECK(problems[0].message.contains(QStringLiteral("\"Zoë Example\"")));
    CHECK(problems[0].message.contains(QStringLiteral("\"CSV UTF-8 (Comma delimited)\"")));
    // In the header, and with Windows-1252 punctuation (0x92 is the right quote).
    expectRosterRefused("la,dcs\x92s name\r\nKent,Ann\r\n", 1, QStringLiteral("\"dcs’s name\""));
    // A semicolon file in Windows-1252.
    expectRosterRefused("la;dcs\r\nKent;Ren\xE9"
                        "e\r\n",
                        2, QStringLiteral("\"Renée\""));
}

TEST_CASE("UTF-16 and binary files are refused with advice to save as CSV UTF-8",
          "[interchange][csv][spreadsheet]") {
    expectRosterRefused(QByteArray("\xFF\xFEl\0a\0", 6), 1, QStringLiteral("UTF-16"));
    expectRosterRefused(QByteArray("la,dcs\r\nKent,\x81\x01\xFF\r\n"), 2, QStringLiteral("CSV UTF-8"));
    // UTF-16 without its mark: every other byte is NUL, which is valid UTF-8 but never text.
    expectRosterRefused(QByteArray("l\0a\0,\0d\0c\0s\0\r\0\n\0K\0", 18), 1, QStringLiteral("not UTF-8 text"));
}

// --- exports ----------------------------------------------------------------------------------------

TEST_CASE("CSV exports start with a UTF-8 byte order mark, so Excel reads accents right, and read back "
          "without warnings",
          "[interchange][csv][spreadsheet][export]") {
    test::TempDir dir;
    test::Region region(dir);
    REQUIRE(importRoster(*region.db, "la,dcs\r\nKent,Zoë Brontë\r\nMedway,Siân O’Brien\r\n")->applied());
    const QByteArray roster = rosterCsv(*region.db).value();
    CHECK(roster.startsWith(withBom("la,dcs,")));
    CHECK(roster.contains(QStringLiteral("Kent,Zoë Brontë,").toUtf8()));
    auto again = importRoster(*region.db, roster);
    REQUIRE(again.ok());
    CHECK(again->problems.empty());

    REQUIRE(
        importSchedule(*region.db, region.cycleId,
                       "group,date,mode,la\r\n1,2023-01-16,virtual,Kent\r\n1,2023-01-16,virtual,Medway\r\n")
            ->applied());
    const QString out = dir.path(QStringLiteral("schedule.csv"));
    REQUIRE(exportScheduleFile(*region.db, region.cycleId, out).ok());
    const QByteArray schedule = test::readAll(out);
    CHECK(schedule.startsWith(withBom("group,date,mode,venue,facilitator,la,lead_reviewer_for\r\n")));
    CHECK(schedule.count(utf8ByteOrderMark) == 1);
    auto reimported = importSchedule(*region.db, region.cycleId, schedule);
    REQUIRE(reimported.ok());
    CHECK(reimported->problems.empty());
    CHECK(reimported->report.groupsUnchanged == 1);
}

TEST_CASE("Headers retyped with spaces, hyphens or capitals name the same columns", "[csv][spreadsheet]") {
    const QStringList expected{QStringLiteral("2|Kent|Alex Tester|alex@kent.example.org")};
    CHECK(cleanRows("LA,DCS,DCS Email\nKent,Alex Tester,alex@kent.example.org\n") == expected);
    CHECK(cleanRows("la;dcs;dcs-email\nKent;Alex Tester;alex@kent.example.org\n") == expected);
    CHECK(cleanRows(" La , Dcs ,  DCS  _email \nKent,Alex Tester,alex@kent.example.org\n") == expected);
    // Two spellings of one column are still one column twice.
    const RosterPreview twice =
        parseRoster("la,dcs_email,DCS Email\nKent,a@kent.example.org,b@kent.example.org\n");
    CHECK(describe(twice.problems).contains(QStringLiteral("appears twice")));
}
