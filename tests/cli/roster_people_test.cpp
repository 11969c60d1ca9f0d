#include "cli_runner.h"

#include <QFile>

// Issue 9, items 8 and 9, end to end: a roster re-imported with a post holder or an LA written
// another way, on the demo region, where West Sussex's DCS once held an interim post at Portsmouth.
using balcony::test::CliRun;
using balcony::test::CliSandbox;

namespace {

const QString cycle = QStringLiteral("2022-2023");

void write(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    REQUIRE(file.write(bytes) == bytes.size());
}

QByteArray read(const QString& path) {
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

// The demo region with West Sussex made Portsmouth's lead reviewer: `check` reports the conflict.
struct DemoWithConflict {
    DemoWithConflict() {
        REQUIRE(cli.run({QStringLiteral("demo")}).exitCode == 0);
        const QString schedule = cli.path(QStringLiteral("schedule.csv"));
        REQUIRE(cli.run({QStringLiteral("export"), QStringLiteral("schedule"), QStringLiteral("--cycle"),
                         cycle, QStringLiteral("--out"), schedule})
                    .exitCode == 0);
        QByteArray bytes = read(schedule);
        const auto group2 = [](const char* cells) {
            return QByteArray("2,2023-02-24,in person,Brighton,Tom Haverleigh,").append(cells);
        };
        REQUIRE(bytes.contains(group2("West Sussex,Kent")));
        bytes.replace(group2("West Sussex,Kent"), group2("West Sussex,Portsmouth"));
        bytes.replace(group2("Kent,Portsmouth"), group2("Kent,West Sussex"));
        bytes.replace(group2("Portsmouth,West Sussex"), group2("Portsmouth,Kent"));
        write(schedule, bytes);
        REQUIRE(cli.run({QStringLiteral("import"), QStringLiteral("schedule"), schedule,
                         QStringLiteral("--cycle"), cycle})
                    .exitCode == 0);
        roster = cli.path(QStringLiteral("roster.csv"));
        REQUIRE(cli.run({QStringLiteral("export"), QStringLiteral("roster"), QStringLiteral("--out"), roster})
                    .exitCode == 0);
        REQUIRE(conflictReported());
    }

    bool conflictReported() const {
        const CliRun check = cli.run({QStringLiteral("check"), QStringLiteral("--cycle"), cycle});
        return check.out.contains(
            QStringLiteral("West Sussex's DCS, Marcus Ellingham, held an interim post at "
                           "Portsmouth"));
    }

    // The exported roster with West Sussex's DCS cells replaced.
    QString rosterWith(const QByteArray& dcsCells, const QString& name) const {
        QByteArray bytes = read(roster);
        const QByteArray original = "West Sussex,Marcus Ellingham,dcs@westsussex.example,";
        REQUIRE(bytes.contains(original));
        bytes.replace(original, QByteArray("West Sussex,").append(dcsCells).append(','));
        const QString path = cli.path(name);
        write(path, bytes);
        return path;
    }

    QByteArray exportedRoster() const {
        const QString out = cli.path(QStringLiteral("now.csv"));
        REQUIRE(cli.run({QStringLiteral("export"), QStringLiteral("roster"), QStringLiteral("--out"), out})
                    .exitCode == 0);
        return read(out);
    }

    CliSandbox cli;
    QString roster;
};

} // namespace

TEST_CASE("import roster with a DCS written another way keeps the person, and check still reports the "
          "conflict of interest",
          "[cli][roster][people]") {
    const char* spellings[] = {"Dr Marcus Ellingham,",
                               "\"  marcus   ELLINGHAM \",dcs@westsussex.example",
                               "Cllr Marcus Ellingham,DCS@WestSussex.example",
                               "Mr Márcus Ellingham,",
                               "Prof. Marcus Ellingham,dcs@westsussex.example",
                               "Marcus Ellingham-Jones,dcs@westsussex.example"};
    for (const char* cells : spellings) {
        INFO(cells);
        DemoWithConflict region;
        const QString file = region.rosterWith(QByteArray(cells), QStringLiteral("respelt.csv"));
        const CliRun run = region.cli.run({QStringLiteral("import"), QStringLiteral("roster"), file});
        INFO(run.err.toStdString());
        CHECK(run.exitCode == 0);
        CHECK_FALSE(run.out.contains(QStringLiteral("changing hands")));
        CHECK(run.out.contains(QStringLiteral("0 LAs added")));
        if (QByteArray(cells).startsWith("Marcus Ellingham-Jones")) {
            // The same email says it is him under a new name: the conflict follows him.
            CHECK(region.cli.run({QStringLiteral("check"), QStringLiteral("--cycle"), cycle})
                      .out.contains(
                          QStringLiteral("Marcus Ellingham-Jones, held an interim post at Portsmouth")));
        } else {
            CHECK(region.conflictReported());
        }
    }
}

TEST_CASE("import roster shows a real replacement and writes nothing until --yes, the old holder keeps "
          "their past post",
          "[cli][roster][people]") {
    DemoWithConflict region;
    const QString file =
        region.rosterWith("Priya Shah,priya.shah@westsussex.example", QStringLiteral("replaced.csv"));
    const QByteArray before = region.exportedRoster();

    const CliRun refused = region.cli.run({QStringLiteral("import"), QStringLiteral("roster"), file});
    CHECK(refused.exitCode == 1);
    CHECK(refused.out.contains(
        QStringLiteral("line 18: West Sussex's DCS: Marcus Ellingham is replaced by Priya Shah")));
    CHECK(refused.err.contains(QStringLiteral("nothing was imported")));
    CHECK(refused.err.contains(QStringLiteral("--yes")));
    CHECK(region.exportedRoster() == before);
    CHECK(region.conflictReported());

    const CliRun dryRun = region.cli.run(
        {QStringLiteral("import"), QStringLiteral("roster"), file, QStringLiteral("--dry-run")});
    CHECK(dryRun.exitCode == 0);
    CHECK(dryRun.out.contains(QStringLiteral("Marcus Ellingham is replaced by Priya Shah")));
    CHECK(dryRun.out.contains(QStringLiteral("nothing written")));
    CHECK(region.exportedRoster() == before);

    const CliRun done =
        region.cli.run({QStringLiteral("import"), QStringLiteral("roster"), file, QStringLiteral("--yes")});
    INFO(done.err.toStdString());
    CHECK(done.exitCode == 0);
    CHECK(done.out.contains(QStringLiteral("1 post changed hands")));
    CHECK(region.exportedRoster().contains("West Sussex,Priya Shah,priya.shah@westsussex.example,"));
    CHECK_FALSE(region.conflictReported()); // Priya Shah never worked at Portsmouth

    // Marcus Ellingham comes back: his past post came through the replacement, so does the conflict.
    const CliRun back = region.cli.run(
        {QStringLiteral("import"), QStringLiteral("roster"), region.roster, QStringLiteral("--yes")});
    CHECK(back.exitCode == 0);
    CHECK(back.out.contains(QStringLiteral("Priya Shah is replaced by Marcus Ellingham")));
    CHECK(region.conflictReported());
}

TEST_CASE("import roster and import schedule take an LA written another way for the roster's, and refuse "
          "one near it",
          "[cli][roster][names]") {
    DemoWithConflict region;
    QByteArray bytes = read(region.roster);
    bytes.replace("\nBrighton and Hove,", "\nBrighton & Hove,");
    bytes.replace("\nWindsor and Maidenhead,", "\nRoyal Borough of Windsor & Maidenhead,");
    bytes.replace("\nWest Sussex,", "\nWest Sussex County Council,");
    const QString respelt = region.cli.path(QStringLiteral("las.csv"));
    write(respelt, bytes);
    const CliRun same = region.cli.run({QStringLiteral("import"), QStringLiteral("roster"), respelt});
    INFO(same.err.toStdString());
    CHECK(same.exitCode == 0);
    CHECK(same.out.contains(QStringLiteral("0 LAs added")));
    CHECK(region.conflictReported());

    const QByteArray before = region.exportedRoster();
    bytes.replace("\nBracknell Forest,", "\nBracknel Forest,");
    const QString typo = region.cli.path(QStringLiteral("typo.csv"));
    write(typo, bytes);
    const CliRun refused = region.cli.run({QStringLiteral("import"), QStringLiteral("roster"), typo});
    CHECK(refused.exitCode == 2);
    CHECK(refused.err.contains(
        QStringLiteral("typo.csv:2: \"Bracknel Forest\" looks like \"Bracknell Forest\"")));
    CHECK(region.exportedRoster() == before);

    const QString schedule = region.cli.path(QStringLiteral("schedule.csv"));
    QByteArray scheduleBytes = read(schedule);
    scheduleBytes.replace(",Portsmouth\r\n", ",Portsmuth\r\n"); // reviewed by West Sussex
    scheduleBytes.replace(",Portsmouth,", ",Portsmuth,");
    write(schedule, scheduleBytes);
    const CliRun scheduleRefused = region.cli.run(
        {QStringLiteral("import"), QStringLiteral("schedule"), schedule, QStringLiteral("--cycle"), cycle});
    CHECK(scheduleRefused.exitCode == 2);
    CHECK(scheduleRefused.err.contains(QStringLiteral("\"Portsmuth\" looks like \"Portsmouth\"")));
    CHECK(region.conflictReported());
}

TEST_CASE("import schedule takes a council's own short name (Hull, Stoke, Telford) for the roster's full "
          "name, and the invitations reach its DCS",
          "[cli][roster][names]") {
    CliSandbox cli;
    REQUIRE(cli.run({QStringLiteral("init")}).exitCode == 0);
    REQUIRE(cli.run({QStringLiteral("cycle"), QStringLiteral("add"), cycle, QStringLiteral("--from"),
                     QStringLiteral("2022-09-01"), QStringLiteral("--to"), QStringLiteral("2023-03-31"),
                     QStringLiteral("--organiser-name"), QStringLiteral("Pat Morgan"),
                     QStringLiteral("--organiser-email"), QStringLiteral("pat.morgan@example.org")})
                .exitCode == 0);
    const QString roster = cli.path(QStringLiteral("roster.csv"));
    write(roster, "la,dcs,dcs_email\n"
                  "\"Kingston upon Hull, City of\",Kim Hale,kim.hale@hull.example.org\n"
                  "Stoke-on-Trent,Sol Trent,sol.trent@stoke.example.org\n"
                  "Telford and Wrekin,Ted Wren,ted.wren@telford.example.org\n");
    REQUIRE(cli.run({QStringLiteral("import"), QStringLiteral("roster"), roster}).exitCode == 0);
    const QString schedule = cli.path(QStringLiteral("schedule.csv"));
    write(schedule, "group,date,mode,venue,facilitator,la,lead_reviewer_for\n"
                    "M,2023-02-14,virtual,,,Hull City Council,Stoke\n"
                    "M,2023-02-14,virtual,,,Stoke,Telford\n"
                    "M,2023-02-14,virtual,,,Telford & Wrekin,Hull\n");
    const CliRun imported = cli.run(
        {QStringLiteral("import"), QStringLiteral("schedule"), schedule, QStringLiteral("--cycle"), cycle});
    INFO(imported.err.toStdString());
    REQUIRE(imported.exitCode == 0);
    CHECK(imported.out.contains(QStringLiteral("0 LAs added to the roster")));
    const QString ics = cli.path(QStringLiteral("m.ics"));
    REQUIRE(cli.run({QStringLiteral("export"), QStringLiteral("ics"), QStringLiteral("--cycle"), cycle,
                     QStringLiteral("--out"), ics})
                .exitCode == 0);
    const QString calendar = QString::fromUtf8(read(ics)).replace(QStringLiteral("\r\n "), QString());
    CHECK(calendar.contains(QStringLiteral("mailto:kim.hale@hull.example.org")));
    CHECK(calendar.contains(QStringLiteral("mailto:sol.trent@stoke.example.org")));
    CHECK(calendar.contains(QStringLiteral("mailto:ted.wren@telford.example.org")));
}
