#include "demo/demo_region.h"
#include "engine/clock.h"
#include "engine/day_engine.h"
#include "engine/day_event.h"
#include "engine/group_day.h"
#include "helpers/temp_dir.h"
#include "helpers/test_database.h"
#include "notes/note_store.h"
#include "offline/day_offline.h"
#include "questions/day_questions.h"
#include "store/database.h"
#include "store/sql.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <catch2/catch.hpp>

// A day offline at the venue (offline/day_offline.h): the region on either engine, the day's file
// always a region file.
using namespace balcony;

namespace {

QString q(const char* text) {
    return QString::fromUtf8(text);
}

const QString cycleName = QStringLiteral("2022-2023");

qint64 number(Database& db, const QString& statement, std::initializer_list<QVariant> bindings = {}) {
    auto query = sql::run(db, statement, bindings);
    REQUIRE(query.ok());
    REQUIRE(query->next());
    return query->value(0).toLongLong();
}

QString text(Database& db, const QString& statement, std::initializer_list<QVariant> bindings = {}) {
    auto query = sql::run(db, statement, bindings);
    REQUIRE(query.ok());
    REQUIRE(query->next());
    return query->value(0).toString();
}

qint64 groupId(Database& db, const QString& label) {
    return number(db,
                  q("SELECT g.id FROM review_group g JOIN cycle c ON c.id = g.cycle_id "
                    "WHERE c.name = ? AND g.label = ?"),
                  {cycleName, label});
}

// The LA presenting first in a group.
qint64 firstLa(Database& db, qint64 group) {
    return number(db, q("SELECT authority_id FROM group_member WHERE group_id = ? ORDER BY position LIMIT 1"),
                  {group});
}

// A demo region on engine, with a note of distinctive text about an LA of group 2.
struct DemoRegion {
    explicit DemoRegion(Engine engine)
        : fresh(engine)
        , db(fresh.open()) {
        REQUIRE(createDemoRegion(*db).ok());
        one = groupId(*db, q("1"));
        two = groupId(*db, q("2"));
        otherLaName = text(*db, q("SELECT name FROM authority WHERE id = ?"), {firstLa(*db, two)});
        NoteContent secret;
        secret.text = secretText;
        REQUIRE(NoteStore(*db).capture(two, firstLa(*db, two), secret).ok());
    }
    test::FreshDatabase fresh;
    std::unique_ptr<Database> db;
    qint64 one = 0;
    qint64 two = 0;
    QString otherLaName;
    const QString secretText = q("Quokka-7731: a confidential remark about another group's LA");
};

std::unique_ptr<Database> openFile(const QString& path) {
    auto opened = Database::open(path);
    REQUIRE(opened.ok());
    return std::move(*opened);
}

Result<GroupDay> dayOf(Database& db) {
    return loadGroupDay(db, cycleName, q("1"));
}

} // namespace

TEST_CASE("A day taken offline holds its group alone, runs on the file and comes back whole", "[offline]") {
    const Engine engine = GENERATE(from_range(test::engines()));
    UNSCOPED_INFO(test::engineName(engine).toStdString());
    DemoRegion region(engine);
    Database& source = *region.db;
    FakeClock clock(QDateTime(QDate(2023, 1, 16), QTime(9, 30), Qt::UTC));

    // A rehearsal start already in the region's log, and a note made before the day.
    auto sourceDay = dayOf(source);
    REQUIRE(sourceDay.ok());
    {
        auto engineOnSource = DayEngine::open(source, clock, region.one, sourceDay->plan);
        REQUIRE(engineOnSource.ok());
        REQUIRE((*engineOnSource)->start(DayEngine::OtherDate::Confirmed).ok());
    }
    const qint64 la = firstLa(source, region.one);
    NoteContent before;
    before.text = q("Written the week before");
    auto earlier = NoteStore(source).capture(region.one, la, before);
    REQUIRE(earlier.ok());
    const QString budget = q("How confident are you in the budget, from 0 to 10?");
    const QString blame = q("Where is the service between a blame culture (0) and a learning culture (10)?");
    REQUIRE(questions::DayQuestions(source).setRating(region.one, la, budget, 4).ok());
    REQUIRE(questions::DayQuestions(source).setRating(region.one, la, blame, 6).ok());
    const qint64 eventsBefore =
        number(source, q("SELECT count(*) FROM day_event WHERE group_id = ?"), {region.one});
    const qint64 itemsBefore =
        number(source, q("SELECT count(*) FROM note_item WHERE group_id = ?"), {region.one});

    test::TempDir dir;
    const QString path = dir.path(q("group-1.balcony"));
    auto made = offline::checkOut(source, cycleName, q("1"), path, clock);
    REQUIRE(made.ok());
    CHECK(made->origin.checkoutId.size() == 32);
    CHECK(made->authorities == 3);
    CHECK(made->events == eventsBefore);
    CHECK(made->items == itemsBefore);
    CHECK(number(source,
                 q("SELECT count(*) FROM day_checkout WHERE checkout_id = ? AND checked_in_at_utc IS NULL"),
                 {made->origin.checkoutId}) == 1);

    // Confidential by construction: nothing of another group is in the file's bytes.
    const QByteArray bytes = test::readAll(path);
    CHECK_FALSE(bytes.contains(region.secretText.toUtf8()));
    CHECK_FALSE(bytes.contains(region.otherLaName.toUtf8()));
    CHECK(bytes.contains(QByteArray("Written the week before")));

    {
        auto file = openFile(path);
        auto origin = offline::originOf(*file);
        REQUIRE(origin.ok());
        CHECK(origin->source == source.path());
        CHECK(origin->checkoutId == made->origin.checkoutId);
        CHECK(origin->groupLabel == q("1"));
        CHECK(origin->checkedOutUtc == clock.utcNow());
        CHECK(number(*file, q("SELECT count(*) FROM review_group")) == 1);
        CHECK(number(*file, q("SELECT count(*) FROM authority")) == 3);
        CHECK(number(*file, q("SELECT count(*) FROM question")) ==
              number(source, q("SELECT count(*) FROM question")));

        // The day, on the file: the console's engine, notes and question answers as usual.
        auto fileDay = dayOf(*file);
        REQUIRE(fileDay.ok());
        auto engineOnFile = DayEngine::open(*file, clock, region.one, fileDay->plan);
        REQUIRE(engineOnFile.ok());
        clock.advanceMinutes(15);
        REQUIRE((*engineOnFile)->next().ok());
        clock.advanceMinutes(5);
        REQUIRE((*engineOnFile)->pause().ok());
        NoteStore notes(*file, [&] { return clock.utcNow(); });
        NoteContent ask;
        ask.kind = NoteKind::Ask;
        ask.text = q("Help with placements for teenagers on the edge of care");
        REQUIRE(notes.capture(region.one, la, ask).ok());
        NoteContent revised = before;
        revised.text = q("Written the week before, and corrected at the venue");
        REQUIRE(notes.revise(*earlier, revised).ok());
        REQUIRE(questions::DayQuestions(*file)
                    .setPlenaryAnswer(region.one, q("What will each LA take home?"),
                                      q("A sharper look at agency staff"))
                    .ok());
        questions::DayQuestions dayQuestions(*file);
        REQUIRE(dayQuestions.setFocusThemes(region.one, la, {q("Workforce"), q("Budget")}).ok());
        REQUIRE(dayQuestions.setRating(region.one, la, budget, 7).ok());
        REQUIRE(dayQuestions.clearRating(region.one, la, blame).ok());

        auto preview = offline::previewCheckIn(source, *file);
        REQUIRE(preview.ok());
        CHECK(preview->events == 2);
        CHECK(preview->items == 1);
        CHECK(preview->revisions == 2);
        CHECK(preview->answers == 4); // a plenary answer, the LA's focus, one rating changed, one cleared
        CHECK(number(source, q("SELECT count(*) FROM day_event WHERE group_id = ?"), {region.one}) ==
              eventsBefore);

        clock.advanceMinutes(600);
        auto back = offline::checkIn(source, *file, clock);
        REQUIRE(back.ok());
        CHECK(back->events == 2);
        CHECK(back->describe().contains(q("2 day events")));
    }

    // The union: the rehearsal start is there once, followed by the day's two events.
    auto log = DayEventLog(source).load(region.one);
    REQUIRE(log.ok());
    REQUIRE(log->size() == static_cast<size_t>(eventsBefore + 2));
    CHECK(log->at(log->size() - 2).kind == DayEvent::Kind::Next);
    CHECK(log->back().kind == DayEvent::Kind::Paused);
    auto current = NoteStore(source).current(region.one);
    REQUIRE(current.ok());
    QStringList texts;
    for (const auto& item : *current) {
        texts << item.current.content.text;
    }
    CHECK(texts.contains(q("Help with placements for teenagers on the edge of care")));
    CHECK(texts.contains(q("Written the week before, and corrected at the venue")));
    CHECK_FALSE(texts.contains(q("Written the week before")));
    auto history = NoteStore(source).history(*earlier);
    REQUIRE(history.ok());
    CHECK(history->size() == 2);
    auto answers = questions::DayQuestions(source).plenaryAnswers(region.one);
    REQUIRE(answers.ok());
    CHECK(answers->at(q("What will each LA take home?")) == q("A sharper look at agency staff"));
    auto focus = questions::DayQuestions(source).focusThemes(region.one, la);
    REQUIRE(focus.ok());
    CHECK(*focus == QStringList{q("Workforce"), q("Budget")});
    auto ratings = questions::DayQuestions(source).ratings(region.one, la);
    REQUIRE(ratings.ok());
    CHECK(ratings->size() == 1);
    CHECK(ratings->at(budget) == 7);
    CHECK(text(source, q("SELECT checked_in_at_utc FROM day_checkout WHERE checkout_id = ?"),
               {made->origin.checkoutId})
              .startsWith(q("2023-01-16T19:")));

    SECTION("A day brought back once is refused the second time, changing nothing") {
        auto file = openFile(path);
        auto again = offline::checkIn(source, *file, clock);
        REQUIRE_FALSE(again.ok());
        CHECK(again.error().kind == Error::Kind::Conflict);
        CHECK(again.message().contains(q("brought back already")));
        CHECK(number(source, q("SELECT count(*) FROM day_event WHERE group_id = ?"), {region.one}) ==
              eventsBefore + 2);
    }
}

TEST_CASE("Bringing back a day refuses what is not its checkout, and changes nothing", "[offline]") {
    const Engine engine = GENERATE(from_range(test::engines()));
    UNSCOPED_INFO(test::engineName(engine).toStdString());
    DemoRegion region(engine);
    Database& source = *region.db;
    FakeClock clock(QDateTime(QDate(2023, 1, 16), QTime(9, 0), Qt::UTC));
    test::TempDir dir;
    const QString path = dir.path(q("group-1.balcony"));
    auto made = offline::checkOut(source, cycleName, q("1"), path, clock);
    REQUIRE(made.ok());
    auto file = openFile(path);
    auto fileDay = dayOf(*file);
    REQUIRE(fileDay.ok());
    auto engineOnFile = DayEngine::open(*file, clock, region.one, fileDay->plan);
    REQUIRE(engineOnFile.ok());
    REQUIRE((*engineOnFile)->start(DayEngine::OtherDate::Confirmed).ok());
    NoteContent note;
    note.text = q("Taken at the venue");
    REQUIRE(NoteStore(*file).capture(region.one, firstLa(*file, region.one), note).ok());
    const qint64 items = number(source, q("SELECT count(*) FROM note_item"));

    SECTION("the day was also run on the region since the checkout") {
        auto sourceDay = dayOf(source);
        REQUIRE(sourceDay.ok());
        auto engineOnSource = DayEngine::open(source, clock, region.one, sourceDay->plan);
        REQUIRE(engineOnSource.ok());
        REQUIRE((*engineOnSource)->start(DayEngine::OtherDate::Confirmed).ok());
        auto refused = offline::checkIn(source, *file, clock);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().kind == Error::Kind::Conflict);
        CHECK(refused.message().contains(q("also run on")));
        CHECK(number(source, q("SELECT count(*) FROM day_event WHERE group_id = ?"), {region.one}) == 1);
        CHECK(number(source, q("SELECT count(*) FROM day_checkout WHERE checked_in_at_utc IS NULL")) == 1);
    }
    SECTION("a region file that was never taken offline") {
        test::FreshDatabase plain(Engine::SQLite);
        auto other = plain.open();
        auto refused = offline::checkIn(source, *other, clock);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().kind == Error::Kind::InvalidInput);
        CHECK(refused.message().contains(q("is not a day taken offline")));
    }
    SECTION("another region") {
        DemoRegion another(Engine::SQLite);
        auto refused = offline::checkIn(*another.db, *file, clock);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().kind == Error::Kind::InvalidInput);
        CHECK(refused.message().contains(source.path()));
        CHECK(refused.message().contains(q("has no record of it")));
        CHECK(number(*another.db, q("SELECT count(*) FROM day_event")) == 0);
    }
    CHECK(number(source, q("SELECT count(*) FROM note_item")) == items);
}

TEST_CASE("Taking a day offline refuses a file that exists, an address and an unknown group", "[offline]") {
    const Engine engine = GENERATE(from_range(test::engines()));
    UNSCOPED_INFO(test::engineName(engine).toStdString());
    DemoRegion region(engine);
    FakeClock clock(QDateTime(QDate(2023, 1, 16), QTime(9, 0), Qt::UTC));
    test::TempDir dir;
    const QString existing = dir.path(q("taken.balcony"));
    test::writeFile(existing, QByteArray("keep me"));

    auto overFile = offline::checkOut(*region.db, cycleName, q("1"), existing, clock);
    REQUIRE_FALSE(overFile.ok());
    CHECK(overFile.error().kind == Error::Kind::Conflict);
    CHECK(test::readAll(existing) == QByteArray("keep me"));

    auto toServer = offline::checkOut(*region.db, cycleName, q("1"), q("postgresql://pm@host/day"), clock);
    REQUIRE_FALSE(toServer.ok());
    CHECK(toServer.error().kind == Error::Kind::InvalidInput);

    const QString path = dir.path(q("group-9.balcony"));
    auto unknown = offline::checkOut(*region.db, cycleName, q("9"), path, clock);
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().kind == Error::Kind::NotFound);
    CHECK_FALSE(QFileInfo::exists(path));
    CHECK(number(*region.db, q("SELECT count(*) FROM day_checkout")) == 0);
}

TEST_CASE("A day file from a newer Balcony is refused when it is opened to come back", "[offline]") {
    DemoRegion region(Engine::SQLite);
    FakeClock clock(QDateTime(QDate(2023, 1, 16), QTime(9, 0), Qt::UTC));
    test::TempDir dir;
    const QString path = dir.path(q("group-1.balcony"));
    REQUIRE(offline::checkOut(*region.db, cycleName, q("1"), path, clock).ok());
    {
        auto raw = QSqlDatabase::addDatabase(q("QSQLITE"), q("newer-day-file"));
        raw.setDatabaseName(path);
        REQUIRE(raw.open());
        REQUIRE(QSqlQuery(raw).exec(q("PRAGMA user_version = %1").arg(Database::latestSchemaVersion() + 1)));
        raw.close();
    }
    QSqlDatabase::removeDatabase(q("newer-day-file"));
    auto opened = Database::open(path);
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().kind == Error::Kind::TooNew);
}

TEST_CASE(
    "A note still being typed at checkout comes back rewritten, or as a newer version when the region's "
    "changed too",
    "[offline]") {
    const Engine engine = GENERATE(from_range(test::engines()));
    UNSCOPED_INFO(test::engineName(engine).toStdString());
    DemoRegion region(engine);
    Database& source = *region.db;
    FakeClock clock(QDateTime(QDate(2023, 1, 16), QTime(9, 0), Qt::UTC));
    const qint64 la = firstLa(source, region.one);
    NoteContent typing;
    typing.text = q("Half a thought");
    auto working = NoteStore(source).saveWorking(region.one, la, 0, typing);
    REQUIRE(working.ok());

    test::TempDir dir;
    const QString path = dir.path(q("group-1.balcony"));
    REQUIRE(offline::checkOut(source, cycleName, q("1"), path, clock).ok());
    auto file = openFile(path);
    NoteContent finished;
    finished.text = q("Half a thought, finished at the venue");
    REQUIRE(NoteStore(*file).saveWorking(region.one, la, working->itemId, finished).ok());

    SECTION("untouched in the region: rewritten there too") {
        auto back = offline::checkIn(source, *file, clock);
        REQUIRE(back.ok());
        CHECK(back->revisions == 1);
        auto history = NoteStore(source).history(working->itemId);
        REQUIRE(history.ok());
        REQUIRE(history->size() == 1);
        CHECK(history->front().content.text == finished.text);
    }
    SECTION("typed on in the region as well: both kept, the day's last") {
        NoteContent elsewhere;
        elsewhere.text = q("Half a thought, finished in the office");
        REQUIRE(NoteStore(source).saveWorking(region.one, la, working->itemId, elsewhere).ok());
        auto back = offline::checkIn(source, *file, clock);
        REQUIRE(back.ok());
        auto history = NoteStore(source).history(working->itemId);
        REQUIRE(history.ok());
        REQUIRE(history->size() == 2);
        CHECK(history->front().content.text == elsewhere.text);
        CHECK(history->back().content.text == finished.text);
    }
}
