// balcony-cli with CSV files as spreadsheets write them (docs/csv-formats.md, "Files from
// spreadsheets"): what the user sees on stdout and stderr, and the exit code.
#include "cli_runner.h"

using balcony::test::CliRun;
using balcony::test::CliSandbox;

namespace {

// Writes `bytes` to NAME in the sandbox and imports it as a roster into a fresh region.
CliRun importRosterBytes(CliSandbox& cli, const QString& name, const QByteArray& bytes) {
    REQUIRE(cli.run({QStringLiteral("init")}).exitCode == 0);
    const QString file = cli.path(name);
    balcony::test::writeFile(file, bytes);
    return cli.run({QStringLiteral("import"), QStringLiteral("roster"), file});
}

// The roster as export roster writes it.
QString listed(CliSandbox& cli) {
    const QString out = cli.path(QStringLiteral("listed.csv"));
    REQUIRE(cli.run({QStringLiteral("export"), QStringLiteral("roster"), QStringLiteral("--out"), out})
                .exitCode == 0);
    return QString::fromUtf8(balcony::test::readAll(out));
}

CliRun addCycle(CliSandbox& cli) {
    return cli.run({QStringLiteral("cycle"), QStringLiteral("add"), QStringLiteral("2022-2023"),
                    QStringLiteral("--from"), QStringLiteral("2022-04-01"), QStringLiteral("--to"),
                    QStringLiteral("2023-03-31")});
}

} // namespace

TEST_CASE("import roster reads semicolon, tab and sep= files from spreadsheets", "[cli][roster][csv]") {
    const QList<QByteArray> files = {
        "la;dcs;dcs_email\r\nKent;Alex Tester;alex.tester@kent.example.org\r\nMedway;Bea Sample;\r\n",
        "la\tdcs\tdcs_email\r\nKent\tAlex Tester\talex.tester@kent.example.org\r\nMedway\tBea Sample\t\r\n",
        "sep=,\r\nla,dcs,dcs_email\r\nKent,Alex Tester,alex.tester@kent.example.org\r\nMedway,Bea "
        "Sample,\r\n",
        "sep=;\r\nla;dcs;dcs_email\r\nKent;Alex Tester;alex.tester@kent.example.org\r\nMedway;Bea "
        "Sample;\r\n",
        "la,dcs,dcs_email,,\r\nKent,Alex Tester,alex.tester@kent.example.org,,\r\nMedway,Bea "
        "Sample,,,\r\n,,,,\r\n"};
    for (const QByteArray& bytes : files) {
        CliSandbox cli;
        const auto run = importRosterBytes(cli, QStringLiteral("roster.csv"), bytes);
        INFO(bytes.toStdString() << run.err.toStdString());
        CHECK(run.exitCode == 0);
        CHECK(run.err.isEmpty());
        CHECK(run.out.contains(QStringLiteral("2 rows, 2 LAs added, 2 post holders set")));
        CHECK(listed(cli).contains(QStringLiteral("Alex Tester")));
    }
}

TEST_CASE("import roster keeps physical line numbers after a sep= line", "[cli][roster][csv]") {
    CliSandbox cli;
    const auto run = importRosterBytes(cli, QStringLiteral("sep.csv"),
                                       "sep=;\r\nla;dcs;dcs_email\r\nKent;Ann;ann@kent.example.org\r\n"
                                       "Medway;Bo;not-an-email\r\n");
    CHECK(run.exitCode == 2);
    CHECK(run.err.startsWith(cli.path(QStringLiteral("sep.csv")) + QStringLiteral(":4: ")));
}

TEST_CASE("import roster refuses a header it cannot split, naming the separators", "[cli][roster][csv]") {
    CliSandbox cli;
    const auto run =
        importRosterBytes(cli, QStringLiteral("mixed.csv"), "la;dcs,dcs_email\r\nKent;Ann,a@b.org\r\n");
    CHECK(run.exitCode == 2);
    CHECK(run.err.contains(QStringLiteral("mixed.csv:1: Balcony cannot tell which character separates")));
    CHECK(run.err.contains(QStringLiteral("CSV UTF-8 (Comma delimited)")));
    CHECK(run.err.contains(QStringLiteral("nothing was imported")));
}

TEST_CASE("import roster refuses an unnamed column that holds data", "[cli][roster][csv]") {
    CliSandbox cli;
    const auto run = importRosterBytes(cli, QStringLiteral("notes.csv"),
                                       "la,dcs,,\r\nKent,Ann,,\r\nMedway,Bo,,call back\r\n");
    CHECK(run.exitCode == 2);
    CHECK(run.err.contains(QStringLiteral("notes.csv:3: column 4 (D) has no name in the header, but holds "
                                          "\"call back\"")));
    CHECK_FALSE(listed(cli).contains(QStringLiteral("Kent")));
}

TEST_CASE("import roster warns about text garbled by Excel and still imports, exit 0", "[cli][roster][csv]") {
    CliSandbox cli;
    // What c08-excel-roundtrip.py makes of an export without a byte order mark.
    const auto run = importRosterBytes(cli, QStringLiteral("after-excel.csv"),
                                       "\xEF\xBB\xBFla,dcs,dcs_email\r\n"
                                       "Kent,Zo\xC3\x83\xC2\xAB Example,zoe.example@kent.example.org\r\n"
                                       "Medway,Ren\xC3\x83\xC2\xA9"
                                       "e Sample,renee.sample@medway.example.org\r\n");
    INFO(run.err.toStdString());
    CHECK(run.exitCode == 0);
    CHECK(run.out.contains(QStringLiteral("2 rows, 2 LAs added")));
    const QString file = cli.path(QStringLiteral("after-excel.csv"));
    const QStringList lines = run.err.trimmed().split(u'\n');
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].startsWith(file + QStringLiteral(":2: warning: the \"dcs\" cell \"ZoÃ« Example\"")));
    CHECK(lines[0].contains(QStringLiteral("probably should be \"Zoë Example\"")));
    CHECK(lines[1].startsWith(file + QStringLiteral(":3: warning: ")));
    CHECK(lines[1].contains(QStringLiteral("\"Renée Sample\"")));
}

TEST_CASE("import roster and schedule refuse a Windows-1252 file, saying how to save it as UTF-8",
          "[cli][roster][csv]") {
    CliSandbox cli;
    const auto run = importRosterBytes(cli, QStringLiteral("ansi.csv"), "la,dcs\r\nKent,Zo\xEB Example\r\n");
    CHECK(run.exitCode == 2);
    CHECK(run.err.contains(
        QStringLiteral("ansi.csv:2: the file is not UTF-8 text: it looks like Windows-1252")));
    CHECK(run.err.contains(QStringLiteral("\"Zoë Example\"")));
    CHECK(run.err.contains(QStringLiteral("\"CSV UTF-8 (Comma delimited)\"")));

    REQUIRE(addCycle(cli).exitCode == 0);
    const QString schedule = cli.path(QStringLiteral("schedule.csv"));
    balcony::test::writeFile(schedule,
                             "group;date;mode;venue;la\r\n1;16/01/2023;in person;Caf\xE9 Hall;Kent\r\n");
    const auto refused = cli.run({QStringLiteral("import"), QStringLiteral("schedule"), schedule,
                                  QStringLiteral("--cycle"), QStringLiteral("2022-2023")});
    CHECK(refused.exitCode == 2);
    CHECK(refused.err.contains(QStringLiteral("schedule.csv:2: the file is not UTF-8 text")));
    CHECK(refused.err.contains(QStringLiteral("\"Café Hall\"")));
}

TEST_CASE("export roster and schedule write a byte order mark, and Excel's re-save reads back unchanged",
          "[cli][roster][csv]") {
    CliSandbox cli;
    REQUIRE(importRosterBytes(cli, QStringLiteral("in.csv"), "la,dcs\r\nKent,Zoë Brontë\r\n").exitCode == 0);
    const QString out = cli.path(QStringLiteral("out.csv"));
    REQUIRE(cli.run({QStringLiteral("export"), QStringLiteral("roster"), QStringLiteral("--out"), out})
                .exitCode == 0);
    const QByteArray bytes = balcony::test::readAll(out);
    CHECK(bytes.startsWith("\xEF\xBB\xBFla,dcs,"));
    // With the mark Excel reads UTF-8, so its "CSV UTF-8" save gives the same text back: no warning.
    const auto again = cli.run({QStringLiteral("import"), QStringLiteral("roster"), out});
    CHECK(again.exitCode == 0);
    CHECK(again.err.isEmpty());

    REQUIRE(addCycle(cli).exitCode == 0);
    const QString schedule = cli.path(QStringLiteral("schedule.csv"));
    balcony::test::writeFile(schedule, "group;date;mode;la\r\n1;16/01/2023;virtual;Kent\r\n");
    REQUIRE(cli.run({QStringLiteral("import"), QStringLiteral("schedule"), schedule,
                     QStringLiteral("--cycle"), QStringLiteral("2022-2023")})
                .exitCode == 0);
    const QString exported = cli.path(QStringLiteral("exported.csv"));
    REQUIRE(cli.run({QStringLiteral("export"), QStringLiteral("schedule"), QStringLiteral("--cycle"),
                     QStringLiteral("2022-2023"), QStringLiteral("--out"), exported})
                .exitCode == 0);
    CHECK(balcony::test::readAll(exported).startsWith("\xEF\xBB\xBFgroup,date,mode,"));
}
