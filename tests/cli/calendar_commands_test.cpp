// Calendar invitations end to end through balcony-cli: times from the group's own timetable, the
// organiser that makes them meeting requests, UID stability and cancellations.
#include "cli_runner.h"

#include <QFile>
#include <QRegularExpression>

using balcony::test::CliRun;
using balcony::test::CliSandbox;

namespace {

const QString cycle = QStringLiteral("2022-2023");

QByteArray quartet(const QByteArray& label, const QByteArray& date) {
    QByteArray csv = "group,date,mode,venue,facilitator,la,lead_reviewer_for\n";
    const QList<QByteArray> rows{"Kent,Medway", "Medway,Surrey", "Surrey,West Sussex", "West Sussex,Kent"};
    for (const auto& row : rows) {
        csv += label + ',' + date + ",in person,County Hall,Sam Ellis," + row + '\n';
    }
    return csv;
}

QString write(const CliSandbox& cli, const QString& name, const QByteArray& bytes) {
    QFile file(cli.path(name));
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    return file.fileName();
}

QString unfolded(const QString& path) {
    return QString::fromUtf8(balcony::test::readAll(path)).replace(QStringLiteral("\r\n "), QString());
}

QString field(const QString& ics, const QString& name) {
    const QRegularExpression re(QStringLiteral("^%1[:;](.*)\r$").arg(name),
                                QRegularExpression::MultilineOption);
    return re.match(ics).captured(1);
}

CliRun ok(const CliSandbox& cli, const QStringList& arguments) {
    CliRun run = cli.run(arguments);
    INFO(arguments.join(u' ').toStdString() << "\n" << run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    return run;
}

} // namespace

TEST_CASE("export ics: a quartet's invitation has its timetable's times, organiser, start, "
          "relabel and cancellation",
          "[cli][ics]") {
    CliSandbox cli;
    ok(cli, {QStringLiteral("init")});
    ok(cli, {QStringLiteral("cycle"), QStringLiteral("add"), cycle, QStringLiteral("--from"),
             QStringLiteral("2022-09-01"), QStringLiteral("--to"), QStringLiteral("2023-03-31")});
    ok(cli, {QStringLiteral("import"), QStringLiteral("roster"),
             QStringLiteral(BALCONY_TEST_DATA_DIR "/../../docs/examples/roster.csv")});
    ok(cli, {QStringLiteral("import"), QStringLiteral("schedule"), QStringLiteral("--cycle"), cycle,
             write(cli, QStringLiteral("q.csv"), quartet("Q", "2023-02-14"))});
    const QString out = cli.path(QStringLiteral("q.ics"));
    const QStringList exportIcs{QStringLiteral("export"),  QStringLiteral("ics"),
                                QStringLiteral("--cycle"), cycle,
                                QStringLiteral("--out"),   out};

    // No organiser: a plain calendar, the quartet's own 09:00 to 18:50, as the timetable says.
    CliRun plain = ok(cli, exportIcs);
    CHECK(plain.out.contains(QStringLiteral("METHOD:PUBLISH")));
    CHECK(plain.out.contains(QStringLiteral("no organiser")));
    QString ics = unfolded(out);
    CHECK(field(ics, QStringLiteral("METHOD")) == QStringLiteral("PUBLISH"));
    CHECK(ics.contains(QStringLiteral("DTSTART;TZID=Europe/London:20230214T090000\r\n")));
    CHECK(ics.contains(QStringLiteral("DTEND;TZID=Europe/London:20230214T185000\r\n")));
    CHECK_FALSE(ics.contains(QStringLiteral("ATTENDEE")));
    const QString uid = field(ics, QStringLiteral("UID"));
    REQUIRE_FALSE(uid.isEmpty());
    CliRun timetable = ok(cli, {QStringLiteral("timetable"), QStringLiteral("--cycle"), cycle,
                                QStringLiteral("--group"), QStringLiteral("Q")});
    CHECK(timetable.out.contains(QStringLiteral("from 09:00 to 18:50")));

    // A bad organiser is refused and changes nothing; a good one makes meeting requests.
    CHECK(cli.run({QStringLiteral("cycle"), QStringLiteral("edit"), cycle, QStringLiteral("--organiser-name"),
                   QStringLiteral("Pat Morgan"), QStringLiteral("--organiser-email"), QStringLiteral("pat")})
              .exitCode == 2);
    ok(cli, {QStringLiteral("cycle"), QStringLiteral("edit"), cycle, QStringLiteral("--organiser-name"),
             QStringLiteral("Pat Morgan"), QStringLiteral("--organiser-email"),
             QStringLiteral("pat.morgan@example.org")});
    CliRun request = ok(cli, exportIcs);
    CHECK(request.out.contains(QStringLiteral("METHOD:REQUEST")));
    ics = unfolded(out);
    CHECK(field(ics, QStringLiteral("METHOD")) == QStringLiteral("REQUEST"));
    CHECK(ics.contains(QStringLiteral("ORGANIZER;CN=Pat Morgan:mailto:pat.morgan@example.org\r\n")));
    CHECK(ics.count(QStringLiteral("\r\nATTENDEE;")) == 4);
    CHECK(field(ics, QStringLiteral("SEQUENCE")) == QStringLiteral("1"));

    // The group's own start, stored with it: timetable and invitation agree.
    ok(cli, {QStringLiteral("group"), QStringLiteral("start"), QStringLiteral("09:30"),
             QStringLiteral("--cycle"), cycle, QStringLiteral("--group"), QStringLiteral("Q")});
    timetable = ok(cli, {QStringLiteral("timetable"), QStringLiteral("--cycle"), cycle,
                         QStringLiteral("--group"), QStringLiteral("Q")});
    CHECK(timetable.out.contains(QStringLiteral("from 09:30 to 19:20")));
    ok(cli, exportIcs);
    ics = unfolded(out);
    CHECK(ics.contains(QStringLiteral("DTSTART;TZID=Europe/London:20230214T093000\r\n")));
    CHECK(ics.contains(QStringLiteral("DTEND;TZID=Europe/London:20230214T192000\r\n")));
    CHECK(field(ics, QStringLiteral("SEQUENCE")) == QStringLiteral("2"));
    // --end is refused: the timetable decides the end.
    CHECK(cli.run(exportIcs + QStringList{QStringLiteral("--end"), QStringLiteral("17:00")}).exitCode == 2);

    // Relabelled and moved in a re-imported schedule: the same UID, a higher SEQUENCE.
    ok(cli, {QStringLiteral("import"), QStringLiteral("schedule"), QStringLiteral("--cycle"), cycle,
             write(cli, QStringLiteral("north.csv"), quartet("North", "2023-02-21"))});
    ok(cli, exportIcs);
    ics = unfolded(out);
    CHECK(field(ics, QStringLiteral("UID")) == uid);
    CHECK(field(ics, QStringLiteral("SEQUENCE")) == QStringLiteral("3"));
    CHECK(ics.contains(QStringLiteral("DTSTART;TZID=Europe/London:20230221T093000\r\n")));

    // The day goes: the next export cancels it, in its own file, once.
    ok(cli, {QStringLiteral("import"), QStringLiteral("schedule"), QStringLiteral("--cycle"), cycle,
             write(cli, QStringLiteral("other.csv"),
                   "group,date,mode,venue,facilitator,la,lead_reviewer_for\n"
                   "T,2023-03-01,virtual,,,Kent,Medway\nT,2023-03-01,virtual,,,Medway,Surrey\n"
                   "T,2023-03-01,virtual,,,Surrey,Kent\n")});
    CliRun cancelled = ok(cli, exportIcs);
    const QString cancelPath = cli.path(QStringLiteral("q-cancelled.ics"));
    CHECK(cancelled.out.contains(QStringLiteral("METHOD:CANCEL")));
    CHECK(cancelled.out.contains(cancelPath));
    CHECK(unfolded(out).count(QStringLiteral("BEGIN:VEVENT")) == 1);
    CHECK_FALSE(unfolded(out).contains(uid));
    const QString cancel = unfolded(cancelPath);
    CHECK(field(cancel, QStringLiteral("METHOD")) == QStringLiteral("CANCEL"));
    CHECK(field(cancel, QStringLiteral("UID")) == uid);
    CHECK(field(cancel, QStringLiteral("SEQUENCE")) == QStringLiteral("4"));
    CHECK(field(cancel, QStringLiteral("STATUS")) == QStringLiteral("CANCELLED"));
    CHECK(cancel.contains(QStringLiteral("ORGANIZER;CN=Pat Morgan:mailto:pat.morgan@example.org\r\n")));
    CHECK_FALSE(ok(cli, exportIcs).out.contains(QStringLiteral("cancellations")));
}

TEST_CASE("export ics: an LA moved to another group has its DCS's invitation to the old day withdrawn, "
          "once",
          "[cli][ics]") {
    CliSandbox cli;
    ok(cli, {QStringLiteral("init")});
    ok(cli, {QStringLiteral("cycle"), QStringLiteral("add"), cycle, QStringLiteral("--from"),
             QStringLiteral("2022-09-01"), QStringLiteral("--to"), QStringLiteral("2023-03-31"),
             QStringLiteral("--organiser-name"), QStringLiteral("Pat Morgan"),
             QStringLiteral("--organiser-email"), QStringLiteral("pat.morgan@example.org")});
    ok(cli, {QStringLiteral("import"), QStringLiteral("roster"),
             QStringLiteral(BALCONY_TEST_DATA_DIR "/../../docs/examples/roster.csv")});
    QByteArray table =
        balcony::test::readAll(QStringLiteral(BALCONY_TEST_DATA_DIR "/../../docs/examples/schedule.csv"));
    ok(cli, {QStringLiteral("import"), QStringLiteral("schedule"), QStringLiteral("--cycle"), cycle,
             write(cli, QStringLiteral("before.csv"), table)});
    const QString out = cli.path(QStringLiteral("se.ics"));
    const QStringList exportIcs{QStringLiteral("export"),  QStringLiteral("ics"),
                                QStringLiteral("--cycle"), cycle,
                                QStringLiteral("--out"),   out};
    ok(cli, exportIcs);
    const QString cancelPath = cli.path(QStringLiteral("se-cancelled.ics"));
    CHECK_FALSE(QFile::exists(cancelPath));

    // Surrey (group A) and Portsmouth (group B) swap groups, as a project manager's re-import does.
    table.replace("Surrey", "@").replace("Portsmouth", "Surrey").replace("@", "Portsmouth");
    ok(cli, {QStringLiteral("import"), QStringLiteral("schedule"), QStringLiteral("--cycle"), cycle,
             write(cli, QStringLiteral("after.csv"), table)});
    CliRun moved = ok(cli, exportIcs);
    CHECK(moved.out.contains(QStringLiteral("2 people are no longer invited")));
    CHECK(moved.out.contains(cancelPath));
    const QString cancel = unfolded(cancelPath);
    CHECK(field(cancel, QStringLiteral("METHOD")) == QStringLiteral("CANCEL"));
    CHECK(cancel.count(QStringLiteral("BEGIN:VEVENT")) == 2);
    CHECK(cancel.count(QStringLiteral("\r\nATTENDEE;")) == 2);
    CHECK(cancel.contains(QStringLiteral("mailto:eve.hart@surrey.example.org")));
    CHECK(cancel.contains(QStringLiteral("mailto:jay.quinn@portsmouth.example.org")));
    CHECK_FALSE(cancel.contains(QStringLiteral("STATUS:")));
    CHECK(unfolded(out).count(QStringLiteral("STATUS:CONFIRMED")) == 2);

    QFile::remove(cancelPath);
    CliRun again = ok(cli, exportIcs);
    CHECK_FALSE(again.out.contains(QStringLiteral("no longer invited")));
    CHECK_FALSE(QFile::exists(cancelPath));
}
