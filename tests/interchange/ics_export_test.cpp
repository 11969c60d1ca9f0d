#include "domain/roster_store.h"
#include "domain/schedule_store.h"
#include "engine/day_plan_store.h"
#include "engine/group_day.h"
#include "interchange/ics_export.h"
#include "interchange/interchange_support.h"
#include "interchange/roster_import.h"
#include "interchange/schedule_import.h"
#include "store/sql.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringDecoder>
#include <catch2/catch.hpp>
#include <tuple>

using namespace balcony;
using namespace balcony::interchange;

namespace {

const QDateTime fixedStamp(QDate(2022, 12, 1), QTime(9, 30), Qt::UTC);

// A region with the South East roster and 2022-2023 schedule, and a facilitator with an email.
struct SouthEast {
    test::TempDir dir;
    test::Region region{dir};

    SouthEast() {
        REQUIRE(
            importRoster(*region.db, test::fixture(QStringLiteral("se-2022-2023-roster.csv")))->applied());
        QByteArray schedule = test::fixture(QStringLiteral("se-2022-2023-schedule.csv"));
        schedule.replace(",Brighton,,", ",Brighton,Fran Hollis,");
        REQUIRE(importSchedule(*region.db, region.cycleId, schedule)->applied());
        RosterStore roster(*region.db);
        auto people = roster.people();
        REQUIRE(people.ok());
        for (auto p : *people) {
            if (p.name == QStringLiteral("Fran Hollis")) {
                p.email = QStringLiteral("fran.hollis@example.org");
                REQUIRE(roster.updatePerson(p).ok());
            }
        }
    }

    QByteArray exportCalendar(IcsOptions options = {}) {
        options.stamp = fixedStamp;
        const QString path = dir.path(QStringLiteral("cycle.ics"));
        auto report = exportIcsFile(*region.db, region.cycleId, path, options);
        REQUIRE(report.ok());
        return test::readAll(path);
    }

    Group group(const QString& label) {
        auto groups = ScheduleStore(*region.db).groups(region.cycleId);
        REQUIRE(groups.ok());
        for (const auto& g : *groups) {
            if (g.label == label) {
                return g;
            }
        }
        FAIL("no group " << label.toStdString());
        return {};
    }

    void setOrganiser(const QString& name, const QString& email) {
        ScheduleStore store(*region.db);
        auto cycle = store.cycleById(region.cycleId);
        REQUIRE(cycle.ok());
        cycle->organiserName = name;
        cycle->organiserEmail = email;
        REQUIRE(store.updateCycle(*cycle).ok());
    }

    IcsReport exportTo(const QString& name, IcsOptions options = {}) {
        options.stamp = fixedStamp;
        auto report = exportIcsFile(*region.db, region.cycleId, dir.path(name), options);
        REQUIRE(report.ok());
        return *report;
    }

    QString uidOf(const QString& label) {
        auto groups = ScheduleStore(*region.db).groups(region.cycleId);
        REQUIRE(groups.ok());
        for (const auto& g : *groups) {
            if (g.label == label) {
                return g.uid;
            }
        }
        FAIL("no group " << label.toStdString());
        return {};
    }
};

QString unfolded(const QByteArray& ics) {
    return QString::fromUtf8(ics).replace(QStringLiteral("\r\n "), QString());
}

// The unfolded VEVENT blocks, by UID.
std::map<QString, QString> eventsByUid(const QByteArray& ics) {
    std::map<QString, QString> events;
    const QString text = unfolded(ics);
    static const QRegularExpression block(QStringLiteral("BEGIN:VEVENT\r\n(.*?)END:VEVENT"),
                                          QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression uid(QStringLiteral("^UID:(.*)$"), QRegularExpression::MultilineOption);
    for (auto it = block.globalMatch(text); it.hasNext();) {
        const QString body = it.next().captured(1);
        events[uid.match(body).captured(1).trimmed()] = body;
    }
    return events;
}

QString sequenceOf(const QString& event) {
    static const QRegularExpression seq(QStringLiteral("^SEQUENCE:(\\d+)\r?$"),
                                        QRegularExpression::MultilineOption);
    return seq.match(event).captured(1);
}

} // namespace

TEST_CASE("The calendar holds one event per group day, in London time, with a VTIMEZONE",
          "[interchange][ics]") {
    SouthEast se;
    const QByteArray ics = se.exportCalendar();
    const QString text = unfolded(ics);
    CHECK(ics.startsWith("BEGIN:VCALENDAR\r\n"));
    CHECK(text.contains(QStringLiteral("PRODID:-//Balcony//Balcony " BALCONY_VERSION "//EN\r\n")));
    CHECK(text.contains(QStringLiteral("METHOD:PUBLISH\r\n")));
    CHECK(text.count(QStringLiteral("BEGIN:VEVENT")) == 6);

    // The time zone the events refer to, with the UK's summer-time rules.
    CHECK(text.contains(QStringLiteral("BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n")));
    CHECK(text.contains(
        QStringLiteral("BEGIN:DAYLIGHT\r\nDTSTART:19700329T010000\r\nTZOFFSETFROM:+0000\r\n"
                       "TZOFFSETTO:+0100\r\nTZNAME:BST\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n")));
    CHECK(text.contains(
        QStringLiteral("BEGIN:STANDARD\r\nDTSTART:19701025T020000\r\nTZOFFSETFROM:+0100\r\n"
                       "TZOFFSETTO:+0000\r\nTZNAME:GMT\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n")));

    const auto events = eventsByUid(ics);
    REQUIRE(events.size() == 6);
    const QString one = events.at(se.uidOf(QStringLiteral("1")));
    CHECK(one.contains(QStringLiteral("DTSTART;TZID=Europe/London:20230116T100000\r\n")));
    CHECK(one.contains(QStringLiteral("DTEND;TZID=Europe/London:20230116T173500\r\n")));
    CHECK(one.contains(QStringLiteral("DTSTAMP:20221201T093000Z\r\n")));
    CHECK(one.contains(QStringLiteral("SEQUENCE:0\r\n")));
    CHECK(one.contains(
        QStringLiteral("SUMMARY:Peer challenge\\, group 1: Wokingham\\, East Sussex\\, Surrey\r\n")));
    CHECK(one.contains(QStringLiteral("LOCATION:London\r\n")));
    CHECK(one.contains(
        QStringLiteral("1. Wokingham\\, lead reviewer for Surrey\\; reviewed by East Sussex\\n")));
    // Without an organiser the file is a plain calendar: iTIP allows no ATTENDEE in a PUBLISH.
    CHECK_FALSE(text.contains(QStringLiteral("ATTENDEE")));
    CHECK_FALSE(text.contains(QStringLiteral("ORGANIZER")));

    // A quartet's day is the quartet template's: 09:00 to 18:50, as its timetable says.
    const QString quartet = events.at(se.uidOf(QStringLiteral("3")));
    CHECK(quartet.contains(QStringLiteral("DTSTART;TZID=Europe/London:20230216T090000\r\n")));
    CHECK(quartet.contains(QStringLiteral("DTEND;TZID=Europe/London:20230216T185000\r\n")));

    const QString two = events.at(se.uidOf(QStringLiteral("2")));
    CHECK(two.contains(QStringLiteral("Facilitator: Fran Hollis")));

    const QString six = events.at(se.uidOf(QStringLiteral("6")));
    CHECK(six.contains(QStringLiteral("LOCATION:Online\r\n")));
    CHECK(six.contains(QStringLiteral("DTSTART;TZID=Europe/London:20230105T100000\r\n")));
}

TEST_CASE("An export without the time of the export is refused and writes nothing", "[interchange][ics]") {
    SouthEast se;
    const QString path = se.dir.path(QStringLiteral("unstamped.ics"));
    auto refused = exportIcsFile(*se.region.db, se.region.cycleId, path, IcsOptions{});
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == Error::Kind::InvalidInput);
    CHECK(refused.message().contains(path));
    CHECK_FALSE(QFileInfo::exists(path));
    auto exports = sql::run(*se.region.db, QStringLiteral("SELECT count(*) FROM calendar_export"));
    REQUIRE(exports.ok());
    REQUIRE(exports->next());
    CHECK(exports->value(0).toInt() == 0);
}

TEST_CASE("Calendar lines are folded at 75 octets without splitting a character", "[interchange][ics]") {
    SouthEast se;
    const QByteArray ics = se.exportCalendar();
    CHECK(ics.endsWith("\r\n"));
    int continuations = 0;
    for (const QByteArray& line : ics.split('\n')) {
        const QByteArray bare = line.endsWith('\r') ? line.chopped(1) : line;
        CHECK(bare.size() <= 75);
        if (bare.startsWith(' ')) {
            ++continuations;
        }
        QStringDecoder decoder(QStringDecoder::Utf8);
        (void)decoder.decode(bare);
        CHECK_FALSE(decoder.hasError());
    }
    CHECK(continuations > 0); // the descriptions are long enough to need folding
}

TEST_CASE("Commas, semicolons and non-ASCII text are escaped and survive folding", "[interchange][ics]") {
    test::TempDir dir;
    test::Region region(dir);
    REQUIRE(
        importSchedule(*region.db, region.cycleId,
                       "group,date,mode,venue,la,lead_reviewer_for\n"
                       "Süd,2023-06-12,in person,\"Hall 2, Floor 3; East Wing\",Brighton and Hove,Medway\n"
                       "Süd,2023-06-12,in person,\"Hall 2, Floor 3; East Wing\",Medway,Kent\n"
                       "Süd,2023-06-12,in person,\"Hall 2, Floor 3; East Wing\",Kent,Brighton and Hove\n")
            ->applied());
    const QString path = dir.path(QStringLiteral("sud.ics"));
    REQUIRE(
        exportIcsFile(*region.db, region.cycleId, path, {.groupLabel = {}, .start = {}, .stamp = fixedStamp})
            .ok());
    const QString text = unfolded(test::readAll(path));
    CHECK(text.contains(QStringLiteral("LOCATION:Hall 2\\, Floor 3\\; East Wing\r\n")));
    CHECK(text.contains(
        QStringLiteral("SUMMARY:Peer challenge\\, group Süd: Brighton and Hove\\, Medway\\, Kent\r\n")));
    // A June day is in summer time, so the London rules matter: the local time is written as is.
    CHECK(text.contains(QStringLiteral("DTSTART;TZID=Europe/London:20230612T100000\r\n")));
}

TEST_CASE("Re-exporting keeps UIDs and raises SEQUENCE only for groups that changed", "[interchange][ics]") {
    SouthEast se;
    const auto first = eventsByUid(se.exportCalendar());
    REQUIRE(first.size() == 6);
    for (const auto& [uid, event] : first) {
        CHECK(sequenceOf(event) == QStringLiteral("0"));
    }
    // Nothing changed: nothing rises.
    const auto second = eventsByUid(se.exportCalendar());
    for (const auto& [uid, event] : second) {
        CHECK(sequenceOf(event) == QStringLiteral("0"));
    }

    // Correct the group 5 typo by re-importing the table with the right year.
    QByteArray corrected = test::fixture(QStringLiteral("se-2022-2023-schedule.csv"));
    corrected.replace("31/01/2022", "31/01/2023");
    auto reimport = importSchedule(*se.region.db, se.region.cycleId, corrected);
    REQUIRE(reimport.ok());
    REQUIRE(reimport->applied());
    CHECK(reimport->report.groupsUpdated == 2); // group 5's date, and group 2 lost its facilitator

    IcsOptions options;
    options.stamp = fixedStamp;
    const QString path = se.dir.path(QStringLiteral("third.ics"));
    auto report = exportIcsFile(*se.region.db, se.region.cycleId, path, options);
    REQUIRE(report.ok());
    CHECK(report->sequencesRaised == 2);
    const auto third = eventsByUid(test::readAll(path));
    REQUIRE(third.size() == 6);
    for (const auto& [uid, event] : third) {
        REQUIRE(first.count(uid) == 1); // the same UIDs as before
        const bool changed = uid == se.uidOf(QStringLiteral("5")) || uid == se.uidOf(QStringLiteral("2"));
        CHECK(sequenceOf(event) == (changed ? QStringLiteral("1") : QStringLiteral("0")));
    }
    CHECK(third.at(se.uidOf(QStringLiteral("5")))
              .contains(QStringLiteral("DTSTART;TZID=Europe/London:20230131T100000")));

    // A fourth export of the same content keeps SEQUENCE 1.
    const auto fourth = eventsByUid(se.exportCalendar());
    CHECK(sequenceOf(fourth.at(se.uidOf(QStringLiteral("5")))) == QStringLiteral("1"));
    CHECK(sequenceOf(fourth.at(se.uidOf(QStringLiteral("1")))) == QStringLiteral("0"));
}

TEST_CASE("A calendar that cannot be written stores no new SEQUENCE", "[interchange][ics]") {
    SouthEast se;
    (void)se.exportCalendar();
    QByteArray changed = test::fixture(QStringLiteral("se-2022-2023-schedule.csv"));
    changed.replace(",London,", ",Guildford,");
    REQUIRE(importSchedule(*se.region.db, se.region.cycleId, changed)->applied());
    const QString before = test::dumpDatabase(*se.region.db);

    auto failed =
        exportIcsFile(*se.region.db, se.region.cycleId, se.dir.path(QStringLiteral("missing/cycle.ics")),
                      {.groupLabel = {}, .start = {}, .stamp = fixedStamp});
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.message().contains(QStringLiteral("missing")));
    CHECK(test::dumpDatabase(*se.region.db) == before);

    // The next successful export raises group 1 once, not twice.
    const auto events = eventsByUid(se.exportCalendar());
    CHECK(sequenceOf(events.at(se.uidOf(QStringLiteral("1")))) == QStringLiteral("1"));
}

TEST_CASE("One group's invitation can be exported alone, a given start is stored with the group",
          "[interchange][ics]") {
    SouthEast se;
    IcsOptions options;
    options.groupLabel = QStringLiteral("3");
    options.start = QTime(9, 30);
    options.stamp = fixedStamp;
    const QString text = unfolded(se.exportCalendar(options));
    CHECK(text.count(QStringLiteral("BEGIN:VEVENT")) == 1);
    CHECK(text.contains(QStringLiteral("DTSTART;TZID=Europe/London:20230216T093000\r\n")));
    CHECK(text.contains(QStringLiteral("DTEND;TZID=Europe/London:20230216T192000\r\n")));
    // The start now belongs to the group: the whole cycle's next export and the timetable agree.
    CHECK(se.group(QStringLiteral("3")).start == QTime(9, 30));
    const auto all = eventsByUid(se.exportCalendar());
    CHECK(all.at(se.uidOf(QStringLiteral("3")))
              .contains(QStringLiteral("DTSTART;TZID=Europe/London:20230216T093000\r\n")));
    CHECK(all.at(se.uidOf(QStringLiteral("1")))
              .contains(QStringLiteral("DTSTART;TZID=Europe/London:20230116T100000\r\n")));

    options.groupLabel = QStringLiteral("99");
    const QString before = test::dumpDatabase(*se.region.db);
    auto missing =
        exportIcsFile(*se.region.db, se.region.cycleId, se.dir.path(QStringLiteral("x.ics")), options);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().kind == Error::Kind::NotFound);
    CHECK_FALSE(QFileInfo::exists(se.dir.path(QStringLiteral("x.ics"))));
    CHECK(test::dumpDatabase(*se.region.db) == before);

    // A start that would run the day past midnight is refused, naming the group; nothing changes.
    options.groupLabel.clear();
    options.start = QTime(17, 0);
    auto late =
        exportIcsFile(*se.region.db, se.region.cycleId, se.dir.path(QStringLiteral("x.ics")), options);
    REQUIRE_FALSE(late.ok());
    CHECK(late.error().kind == Error::Kind::InvalidInput);
    CHECK(late.message().contains(QStringLiteral("Group ")));
    CHECK_FALSE(QFileInfo::exists(se.dir.path(QStringLiteral("x.ics"))));
    CHECK(test::dumpDatabase(*se.region.db) == before);
}

TEST_CASE("With an organiser, invitations are meeting requests with ORGANIZER and the attendees",
          "[interchange][ics]") {
    SouthEast se;
    se.setOrganiser(QStringLiteral("Pat Morgan"), QStringLiteral("pat.morgan@example.org"));
    const IcsReport report = se.exportTo(QStringLiteral("cycle.ics"));
    CHECK(report.method == IcsMethod::Request);
    CHECK(report.cancellationsPath.isEmpty());
    const QByteArray ics = test::readAll(se.dir.path(QStringLiteral("cycle.ics")));
    const QString text = unfolded(ics);
    CHECK(text.contains(QStringLiteral("METHOD:REQUEST\r\n")));
    CHECK_FALSE(text.contains(QStringLiteral("METHOD:PUBLISH")));
    const auto events = eventsByUid(ics);
    REQUIRE(events.size() == 6);
    for (const auto& [uid, event] : events) {
        CHECK(event.contains(QStringLiteral("ORGANIZER;CN=Pat Morgan:mailto:pat.morgan@example.org\r\n")));
        CHECK(event.contains(QStringLiteral("ATTENDEE;")));
        CHECK(event.contains(QStringLiteral("STATUS:CONFIRMED\r\n")));
    }
    const QString one = events.at(se.uidOf(QStringLiteral("1")));
    CHECK(
        one.contains(QStringLiteral("ATTENDEE;CN=Alex Ashby;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;"
                                    "PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:dcs@wokingham.example.org\r\n")));
    CHECK(events.at(se.uidOf(QStringLiteral("3"))).count(QStringLiteral("ATTENDEE;")) == 4);
    CHECK(
        events.at(se.uidOf(QStringLiteral("2")))
            .contains(QStringLiteral("ATTENDEE;CN=Fran Hollis;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;"
                                     "PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:fran.hollis@example.org\r\n")));

    // Setting the organiser changed what attendees see, so a PUBLISH export before it is followed
    // by a higher SEQUENCE; removing the organiser goes back to a plain calendar without attendees.
    se.setOrganiser({}, {});
    const QString plain = unfolded(se.exportCalendar());
    CHECK(plain.contains(QStringLiteral("METHOD:PUBLISH\r\n")));
    CHECK_FALSE(plain.contains(QStringLiteral("ATTENDEE")));
    CHECK_FALSE(plain.contains(QStringLiteral("ORGANIZER")));
    CHECK(plain.contains(QStringLiteral("SEQUENCE:1\r\n")));
}

TEST_CASE("An organiser needs a real e-mail address, a refused one changes nothing", "[interchange][ics]") {
    SouthEast se;
    ScheduleStore store(*se.region.db);
    const QString before = test::dumpDatabase(*se.region.db);
    for (const auto& [name, email] :
         std::vector<std::pair<QString, QString>>{{QStringLiteral("Pat"), QString()},
                                                  {QStringLiteral("Pat"), QStringLiteral("pat.example.org")},
                                                  {QStringLiteral("Pat"), QStringLiteral("pat @example.org")},
                                                  {QStringLiteral("Pat"), QStringLiteral("@example.org")},
                                                  {QStringLiteral("Pat"), QStringLiteral("pat@")}}) {
        auto cycle = store.cycleById(se.region.cycleId);
        REQUIRE(cycle.ok());
        cycle->organiserName = name;
        cycle->organiserEmail = email;
        auto refused = store.updateCycle(*cycle);
        INFO(email.toStdString());
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().kind == Error::Kind::InvalidInput);
        CHECK(refused.message().contains(QStringLiteral("e-mail")));
    }
    CHECK(test::dumpDatabase(*se.region.db) == before);
}

TEST_CASE("Times come from the group's own timetable: template by size, stored start, own durations",
          "[interchange][ics]") {
    SouthEast se;
    const Group triad = se.group(QStringLiteral("1"));
    const Group quartet = se.group(QStringLiteral("3"));
    REQUIRE(triad.isTriad());
    REQUIRE(quartet.isQuartet());
    auto eventOf = [&](const QString& label) { return eventsByUid(se.exportCalendar()).at(se.uidOf(label)); };
    CHECK(
        eventOf(QStringLiteral("1")).contains(QStringLiteral("DTSTART;TZID=Europe/London:20230116T100000")));
    CHECK(eventOf(QStringLiteral("1")).contains(QStringLiteral("DTEND;TZID=Europe/London:20230116T173500")));
    CHECK(eventOf(QStringLiteral("3")).contains(QStringLiteral("DTEND;TZID=Europe/London:20230216T185000")));

    // The group's own start, stored with it.
    REQUIRE(ScheduleStore(*se.region.db).setGroupStart(triad.id, QTime(9, 15)).ok());
    CHECK(
        eventOf(QStringLiteral("1")).contains(QStringLiteral("DTSTART;TZID=Europe/London:20230116T091500")));
    CHECK(eventOf(QStringLiteral("1")).contains(QStringLiteral("DTEND;TZID=Europe/London:20230116T165000")));
    // A longer plenary (the last block) moves the end, and only the end.
    DayPlanStore plans(*se.region.db);
    auto day = plannedTimetable(*se.region.db, *ScheduleStore(*se.region.db).load(se.region.cycleId),
                                se.group(QStringLiteral("3")));
    REQUIRE(day.ok());
    REQUIRE(plans.setBlock(quartet.id, day->blocks.back().index, {45, QTime()}).ok());
    CHECK(
        eventOf(QStringLiteral("3")).contains(QStringLiteral("DTSTART;TZID=Europe/London:20230216T090000")));
    CHECK(eventOf(QStringLiteral("3")).contains(QStringLiteral("DTEND;TZID=Europe/London:20230216T192000")));
    // Back to the template's start.
    REQUIRE(ScheduleStore(*se.region.db).setGroupStart(triad.id, QTime()).ok());
    CHECK(
        eventOf(QStringLiteral("1")).contains(QStringLiteral("DTSTART;TZID=Europe/London:20230116T100000")));
}

TEST_CASE("The UID survives relabelling, a date move and re-importing, SEQUENCE rises each time",
          "[interchange][ics]") {
    SouthEast se;
    const QString uid = se.uidOf(QStringLiteral("1"));
    auto sequenceNow = [&]() { return sequenceOf(eventsByUid(se.exportCalendar()).at(uid)); };
    CHECK(sequenceNow() == QStringLiteral("0"));

    // Relabel in Balcony.
    ScheduleStore store(*se.region.db);
    Group g = se.group(QStringLiteral("1"));
    g.label = QStringLiteral("One");
    REQUIRE(store.updateGroup(g).ok());
    CHECK(sequenceNow() == QStringLiteral("1"));
    // Move the date.
    g.date = g.date.addDays(7);
    REQUIRE(store.updateGroup(g).ok());
    CHECK(sequenceNow() == QStringLiteral("2"));
    CHECK(eventsByUid(se.exportCalendar())
              .at(uid)
              .contains(QStringLiteral("DTSTART;TZID=Europe/London:20230123")));

    // Re-import the original table: the group is relabelled back to "1" and moved back, matched by
    // its LAs, not recreated.
    QByteArray table = test::fixture(QStringLiteral("se-2022-2023-schedule.csv"));
    table.replace(",Brighton,,", ",Brighton,Fran Hollis,");
    auto back = importSchedule(*se.region.db, se.region.cycleId, table);
    REQUIRE(back.ok());
    REQUIRE(back->applied());
    CHECK(back->report.groupsCreated == 0);
    CHECK(back->report.groupsRemoved == 0);
    CHECK(se.uidOf(QStringLiteral("1")) == uid);
    CHECK(sequenceNow() == QStringLiteral("3"));

    // A re-import that relabels in the file (same LAs under a new label, on a new date).
    QByteArray renamed = table;
    renamed.replace("\n1,16/01/2023", "\nWest,17/01/2023");
    REQUIRE(renamed != table);
    auto relabelled = importSchedule(*se.region.db, se.region.cycleId, renamed);
    REQUIRE(relabelled.ok());
    REQUIRE(relabelled->applied());
    CHECK(relabelled->report.groupsCreated == 0);
    CHECK(se.uidOf(QStringLiteral("West")) == uid);
    const auto events = eventsByUid(se.exportCalendar());
    CHECK(events.size() == 6);
    CHECK(sequenceOf(events.at(uid)) == QStringLiteral("4"));
    CHECK(events.at(uid).contains(QStringLiteral("SUMMARY:Peer challenge\\, group West:")));
    // Re-importing the same file again changes nothing attendees see.
    REQUIRE(importSchedule(*se.region.db, se.region.cycleId, renamed)->applied());
    CHECK(sequenceNow() == QStringLiteral("4"));
}

TEST_CASE("A day exported once and gone since is cancelled with its UID and a higher SEQUENCE, once",
          "[interchange][ics]") {
    for (const bool withOrganiser : {true, false}) {
        DYNAMIC_SECTION((withOrganiser ? "with an organiser" : "without an organiser")) {
            SouthEast se;
            if (withOrganiser) {
                se.setOrganiser(QStringLiteral("Pat Morgan"), QStringLiteral("pat.morgan@example.org"));
            }
            const QString gone = se.uidOf(QStringLiteral("4"));
            (void)se.exportTo(QStringLiteral("cycle.ics"));
            // Raise its SEQUENCE once before it goes, so "higher" is more than the first value.
            Group four = se.group(QStringLiteral("4"));
            four.date = QDate(2023, 2, 1);
            REQUIRE(ScheduleStore(*se.region.db).updateGroup(four).ok());
            (void)se.exportTo(QStringLiteral("cycle.ics"));
            REQUIRE(ScheduleStore(*se.region.db).removeGroup(four.id).ok());

            // A one-group export leaves the cancellation for the whole cycle's export.
            IcsOptions one;
            one.groupLabel = QStringLiteral("1");
            const IcsReport partial = se.exportTo(QStringLiteral("one.ics"), one);
            CHECK(partial.cancellations == 0);
            CHECK(partial.cancellationsPending == 1);
            CHECK_FALSE(QFileInfo::exists(se.dir.path(QStringLiteral("one-cancelled.ics"))));

            const IcsReport report = se.exportTo(QStringLiteral("cycle.ics"));
            CHECK(report.events == 5);
            CHECK(report.cancellations == 1);
            CHECK(report.cancellationsPath == se.dir.path(QStringLiteral("cycle-cancelled.ics")));
            CHECK_FALSE(eventsByUid(test::readAll(se.dir.path(QStringLiteral("cycle.ics")))).count(gone));
            const QByteArray cancelIcs = test::readAll(report.cancellationsPath);
            const QString cancelText = unfolded(cancelIcs);
            const auto cancelled = eventsByUid(cancelIcs);
            REQUIRE(cancelled.size() == 1);
            REQUIRE(cancelled.count(gone) == 1);
            const QString event = cancelled.at(gone);
            CHECK(sequenceOf(event) == QStringLiteral("2"));
            CHECK(event.contains(QStringLiteral("STATUS:CANCELLED\r\n")));
            CHECK(event.contains(QStringLiteral("DTSTART;TZID=Europe/London:20230201T")));
            if (withOrganiser) {
                CHECK(cancelText.contains(QStringLiteral("METHOD:CANCEL\r\n")));
                CHECK(
                    event.contains(QStringLiteral("ORGANIZER;CN=Pat Morgan:mailto:pat.morgan@example.org")));
                CHECK(event.contains(QStringLiteral("ATTENDEE;")));
                CHECK_FALSE(event.contains(QStringLiteral("PARTSTAT")));
            } else {
                CHECK(cancelText.contains(QStringLiteral("METHOD:PUBLISH\r\n")));
                CHECK_FALSE(event.contains(QStringLiteral("ATTENDEE")));
                CHECK_FALSE(event.contains(QStringLiteral("ORGANIZER")));
            }
            // Cancelled once: the next export has nothing more to cancel.
            QFile::remove(report.cancellationsPath);
            const IcsReport again = se.exportTo(QStringLiteral("cycle.ics"));
            CHECK(again.cancellations == 0);
            CHECK_FALSE(QFileInfo::exists(report.cancellationsPath));
        }
    }
}

TEST_CASE("People a day that goes on no longer invites get their invitation withdrawn, once",
          "[interchange][ics]") {
    // RFC 5546 (3.2.5): an organiser who removes attendees sends them a CANCEL naming only them and
    // without STATUS, since the day itself still takes place. Without it, an LA moved to another
    // group, or a DCS replaced, keeps the old day in their calendar.
    SouthEast se;
    se.setOrganiser(QStringLiteral("Pat Morgan"), QStringLiteral("pat.morgan@example.org"));
    const QString one = se.uidOf(QStringLiteral("1"));
    const QString two = se.uidOf(QStringLiteral("2"));
    const IcsReport first = se.exportTo(QStringLiteral("cycle.ics"));
    CHECK(first.withdrawals == 0);
    CHECK(first.cancellationsPath.isEmpty());

    SECTION("an LA moved to another group") {
        // Surrey and Portsmouth swap groups (labels and dates stay).
        QByteArray table = test::fixture(QStringLiteral("se-2022-2023-schedule.csv"));
        table.replace(",Brighton,,", ",Brighton,Fran Hollis,");
        table.replace("London,,Surrey,East Sussex", "London,,Portsmouth,East Sussex");
        table.replace("London,,Wokingham,Surrey", "London,,Wokingham,Portsmouth");
        table.replace("Fran Hollis,Kent,Portsmouth", "Fran Hollis,Kent,Surrey");
        table.replace("Fran Hollis,Portsmouth,West Sussex", "Fran Hollis,Surrey,West Sussex");
        auto moved = importSchedule(*se.region.db, se.region.cycleId, table);
        REQUIRE(moved.ok());
        REQUIRE(moved->applied());
        REQUIRE(se.uidOf(QStringLiteral("1")) == one);

        const IcsReport report = se.exportTo(QStringLiteral("cycle.ics"));
        CHECK(report.cancellations == 0);
        CHECK(report.withdrawals == 2);
        REQUIRE(report.cancellationsPath == se.dir.path(QStringLiteral("cycle-cancelled.ics")));
        const auto updates = eventsByUid(test::readAll(se.dir.path(QStringLiteral("cycle.ics"))));
        const QByteArray cancelIcs = test::readAll(report.cancellationsPath);
        CHECK(unfolded(cancelIcs).contains(QStringLiteral("METHOD:CANCEL\r\n")));
        const auto withdrawn = eventsByUid(cancelIcs);
        REQUIRE(withdrawn.size() == 2);
        for (const auto& [uid, leaver, stays] :
             {std::tuple{one, QStringLiteral("dcs@surrey.example.org"), QStringLiteral("dcs@wokingham")},
              std::tuple{two, QStringLiteral("dcs@portsmouth.example.org"),
                         QStringLiteral("dcs@west-sussex")}}) {
            CAPTURE(uid);
            REQUIRE(withdrawn.count(uid) == 1);
            const QString event = withdrawn.at(uid);
            CHECK(event.count(QStringLiteral("ATTENDEE")) == 1);
            CHECK(event.contains(QStringLiteral("mailto:") + leaver));
            CHECK_FALSE(event.contains(stays));
            CHECK_FALSE(event.contains(QStringLiteral("STATUS:"))); // the day is not cancelled
            CHECK(event.contains(QStringLiteral("ORGANIZER;CN=Pat Morgan:mailto:pat.morgan@example.org")));
            // The same SEQUENCE as the update the others get, which is above the first one's.
            CHECK(sequenceOf(event) == sequenceOf(updates.at(uid)));
            CHECK(sequenceOf(event) == QStringLiteral("1"));
            // And the update no longer invites them.
            CHECK_FALSE(updates.at(uid).contains(leaver));
            CHECK(updates.at(uid).contains(QStringLiteral("STATUS:CONFIRMED")));
        }
        // Withdrawn once.
        QFile::remove(report.cancellationsPath);
        const IcsReport again = se.exportTo(QStringLiteral("cycle.ics"));
        CHECK(again.withdrawals == 0);
        CHECK_FALSE(QFileInfo::exists(report.cancellationsPath));
    }

    SECTION("a DCS replaced") {
        QByteArray roster = "la,dcs,dcs_email\nSurrey,Nia Rowe,nia.rowe@surrey.example.org\n";
        RosterImportOptions yes;
        yes.confirmPostChanges = true;
        auto replaced = importRoster(*se.region.db, roster, yes);
        REQUIRE(replaced.ok());
        REQUIRE(replaced->applied());
        const IcsReport report = se.exportTo(QStringLiteral("cycle.ics"));
        CHECK(report.withdrawals == 1);
        const auto withdrawn = eventsByUid(test::readAll(report.cancellationsPath));
        REQUIRE(withdrawn.size() == 1);
        CHECK(withdrawn.at(one).contains(QStringLiteral("mailto:dcs@surrey.example.org")));
        CHECK_FALSE(withdrawn.at(one).contains(QStringLiteral("nia.rowe")));
    }

    SECTION("nobody is withdrawn without an organiser: a plain calendar invites nobody") {
        se.setOrganiser(QString(), QString());
        Group g = se.group(QStringLiteral("1"));
        g.date = g.date.addDays(1);
        REQUIRE(ScheduleStore(*se.region.db).updateGroup(g).ok());
        const IcsReport report = se.exportTo(QStringLiteral("cycle.ics"));
        CHECK(report.withdrawals == 0);
        CHECK(report.cancellationsPath.isEmpty());
    }
}
