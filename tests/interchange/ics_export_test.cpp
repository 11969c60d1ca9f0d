#include "domain/roster_store.h"
#include "domain/schedule_store.h"
#include "interchange/ics_export.h"
#include "interchange/interchange_support.h"
#include "interchange/roster_import.h"
#include "interchange/schedule_import.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QStringDecoder>
#include <catch2/catch.hpp>

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
    CHECK(one.contains(QStringLiteral("ATTENDEE;CN=Alex Ashby:mailto:dcs@wokingham.example.org\r\n")));

    const QString quartet = events.at(se.uidOf(QStringLiteral("3")));
    CHECK(quartet.contains(QStringLiteral("DTEND;TZID=Europe/London:20230216T195000\r\n")));
    CHECK(quartet.count(QStringLiteral("ATTENDEE")) == 4);

    const QString two = events.at(se.uidOf(QStringLiteral("2")));
    CHECK(two.contains(QStringLiteral("ATTENDEE;CN=Fran Hollis:mailto:fran.hollis@example.org\r\n")));
    CHECK(two.contains(QStringLiteral("Facilitator: Fran Hollis")));

    const QString six = events.at(se.uidOf(QStringLiteral("6")));
    CHECK(six.contains(QStringLiteral("LOCATION:Online\r\n")));
    CHECK(six.contains(QStringLiteral("DTSTART;TZID=Europe/London:20230105T100000\r\n")));
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
                       "Süd,2023-06-12,in person,\"Hall 2, Floor 3; East Wing\",Medway,Brighton and Hove\n")
            ->applied());
    const QString path = dir.path(QStringLiteral("sud.ics"));
    REQUIRE(exportIcsFile(*region.db, region.cycleId, path, {}).ok());
    const QString text = unfolded(test::readAll(path));
    CHECK(text.contains(QStringLiteral("LOCATION:Hall 2\\, Floor 3\\; East Wing\r\n")));
    CHECK(text.contains(
        QStringLiteral("SUMMARY:Peer challenge\\, group Süd: Brighton and Hove\\, Medway\r\n")));
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
        exportIcsFile(*se.region.db, se.region.cycleId, se.dir.path(QStringLiteral("missing/cycle.ics")), {});
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.message().contains(QStringLiteral("missing")));
    CHECK(test::dumpDatabase(*se.region.db) == before);

    // The next successful export raises group 1 once, not twice.
    const auto events = eventsByUid(se.exportCalendar());
    CHECK(sequenceOf(events.at(se.uidOf(QStringLiteral("1")))) == QStringLiteral("1"));
}

TEST_CASE("One group's invitation can be exported alone, with given times", "[interchange][ics]") {
    SouthEast se;
    IcsOptions options;
    options.groupLabel = QStringLiteral("3");
    options.start = QTime(9, 0);
    options.end = QTime(18, 30);
    const QString text = unfolded(se.exportCalendar(options));
    CHECK(text.count(QStringLiteral("BEGIN:VEVENT")) == 1);
    CHECK(text.contains(QStringLiteral("DTSTART;TZID=Europe/London:20230216T090000\r\n")));
    CHECK(text.contains(QStringLiteral("DTEND;TZID=Europe/London:20230216T183000\r\n")));

    options.groupLabel = QStringLiteral("99");
    auto missing =
        exportIcsFile(*se.region.db, se.region.cycleId, se.dir.path(QStringLiteral("x.ics")), options);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().kind == Error::Kind::NotFound);
    CHECK_FALSE(QFileInfo::exists(se.dir.path(QStringLiteral("x.ics"))));

    options.groupLabel.clear();
    options.start = QTime(17, 0);
    options.end = QTime(9, 0);
    auto backwards =
        exportIcsFile(*se.region.db, se.region.cycleId, se.dir.path(QStringLiteral("x.ics")), options);
    REQUIRE_FALSE(backwards.ok());
    CHECK(backwards.error().kind == Error::Kind::InvalidInput);
}
