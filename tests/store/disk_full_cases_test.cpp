#include "engine/day_engine.h"
#include "engine/day_plan_store.h"
#include "engine/engine_fixture.h"
#include "helpers/disk_full.h"
#include "helpers/table_dump.h"
#include "interchange/interchange_support.h"
#include "interchange/roster_import.h"
#include "interchange/schedule_import.h"
#include "notes/note_store.h"
#include "notes/session_note_fixture.h"
#include "questions/bank_store.h"
#include "support/disk_full.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <catch2/catch.hpp>

// A full disk during each write a user starts (issue 12): an import, a note save, a day event.
// Each is refused with the one sentence of support/disk_full.h naming the database, and the
// database holds exactly what it held before (every row of every table compared).
using namespace balcony;

namespace {

QString expected(Database& db) {
    return disk_full::message(db.path());
}

// Place names far apart from each other, so that none looks like a misspelling of another.
QByteArray bigRoster() {
    QByteArray csv = "la,dcs,dcs_email\n";
    quint32 seed = 12345;
    auto letter = [&seed] {
        seed = seed * 1103515245u + 12345u;
        return static_cast<char>('a' + (seed >> 16) % 26);
    };
    for (int row = 0; row < 400; ++row) {
        QByteArray name;
        for (int i = 0; i < 14; ++i) {
            name += letter();
        }
        name[0] = static_cast<char>(name[0] - 'a' + 'A');
        csv += name + ",Alex " + name + ",dcs@" + name.toLower() + ".example.org\n";
    }
    return csv;
}

// The real South East schedule with each venue's name made long, so that it needs new pages.
QByteArray bigSchedule() {
    const QList<QByteArray> lines = test::fixture(QStringLiteral("se-2022-2023-schedule.csv")).split('\n');
    QByteArray csv = lines.first() + '\n';
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QList<QByteArray> cells = lines[i].split(',');
        if (cells.size() < 7) {
            continue;
        }
        cells[3] = cells[3] + " Conference Centre" + QByteArray(" by the river").repeated(150);
        csv += cells.join(',') + '\n';
    }
    return csv;
}

} // namespace

TEST_CASE("An import onto a full disk is refused with the disk-full sentence and writes nothing",
          "[store][disk-full]") {
    test::TempDir dir;
    test::Region region(dir);
    Database& db = *region.db;

    SECTION("roster CSV") {
        test::fillDisk(db);
        const QStringList before = test::dumpEveryTable(db);
        auto imported = interchange::importRoster(db, bigRoster());
        REQUIRE_FALSE(imported.ok());
        CHECK(imported.error().kind == Error::Kind::Storage);
        CHECK(imported.message() == expected(db));
        CHECK(test::dumpEveryTable(db) == before);
        test::freeDisk(db);
        CHECK(interchange::importRoster(db, bigRoster()).ok()); // space freed: the same file goes in
    }
    SECTION("schedule CSV") {
        test::fillDisk(db);
        const QStringList before = test::dumpEveryTable(db);
        auto imported = interchange::importSchedule(db, region.cycleId, bigSchedule());
        REQUIRE_FALSE(imported.ok());
        CHECK(imported.error().kind == Error::Kind::Storage);
        CHECK(imported.message() == expected(db));
        CHECK(test::dumpEveryTable(db) == before);
    }
    SECTION("question bank") {
        auto bank = questions::defaultBank();
        REQUIRE(bank.ok());
        test::fillDisk(db);
        const QStringList before = test::dumpEveryTable(db);
        auto imported = questions::importBank(db, questions::bankJson(*bank), QStringLiteral("bank.json"));
        REQUIRE_FALSE(imported.ok());
        CHECK(imported.error().kind == Error::Kind::Storage);
        CHECK(imported.message() == expected(db));
        CHECK(test::dumpEveryTable(db) == before);
    }
    SECTION("day template") {
        QFile resource(QStringLiteral(":/balcony/templates/triad.json"));
        REQUIRE(resource.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(resource.readAll()).object();
        root.insert(QStringLiteral("id"), QStringLiteral("south-east-triad"));
        QJsonArray session = root.value(QStringLiteral("session")).toArray();
        for (int i = 0; i < 3; ++i) { // titles as long as a title may be, enough to need new pages
            QJsonObject block = session.at(i).toObject();
            block.insert(QStringLiteral("title"),
                         test::pagesOfText(QStringLiteral("Welcome")).left(9000).trimmed());
            session.replace(i, block);
        }
        root.insert(QStringLiteral("session"), session);
        const QString path = dir.path(QStringLiteral("se.json"));
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(root).toJson());
        file.close();

        test::fillDisk(db);
        const QStringList before = test::dumpEveryTable(db);
        const FakeClock clock(QDateTime(QDate(2023, 1, 5), QTime(14, 30), Qt::UTC));
        auto imported = DayPlanStore(db).importTemplate(path, clock);
        REQUIRE_FALSE(imported.ok());
        INFO(imported.message().toStdString());
        CHECK(imported.error().kind == Error::Kind::Storage);
        CHECK(imported.message() == expected(db));
        CHECK(test::dumpEveryTable(db) == before);
    }
}

TEST_CASE("A note saved onto a full disk is refused, the last saved text stays, and it saves once space "
          "is freed",
          "[store][disk-full]") {
    test::SessionNoteRegion r;
    SECTION("a block's note") {
        NoteStore store(*r.db);
        const NoteContent first{NoteKind::Note, QString(), 1, QStringLiteral("Leadership is stable.")};
        auto saved = store.saveWorking(r.f.groupA, r.f.kent, 0, first);
        REQUIRE(saved.ok());
        test::fillDisk(*r.db);
        const QStringList before = r.snapshot();
        const NoteContent longer{NoteKind::Note, QString(), 1, test::pagesOfText(QStringLiteral("Audit"))};
        auto refused = store.saveWorking(r.f.groupA, r.f.kent, saved->itemId, longer);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().kind == Error::Kind::Storage);
        CHECK(refused.message() == expected(*r.db));
        CHECK(r.snapshot() == before);
        auto item = store.item(saved->itemId);
        REQUIRE(item.ok());
        CHECK(item->current.content.text == first.text);

        test::freeDisk(*r.db);
        auto retried = store.saveWorking(r.f.groupA, r.f.kent, saved->itemId, longer);
        REQUIRE(retried.ok());
        CHECK(store.item(saved->itemId)->current.content.text == longer.text);
    }
    SECTION("a session note") {
        auto store = r.store();
        auto id =
            store.create(r.f.groupA, r.f.kent, QStringLiteral("# Kent\n\nStable.\n"), QStringLiteral("Fay"));
        REQUIRE(id.ok());
        test::fillDisk(*r.db);
        const QStringList before = r.snapshot();
        auto refused = store.edit(*id, test::pagesOfText(QStringLiteral("Budget")), QStringLiteral("Fay"));
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().kind == Error::Kind::Storage);
        CHECK(refused.message() == expected(*r.db));
        CHECK(r.snapshot() == before);
        auto created = store.create(r.f.groupA, r.f.medway, test::pagesOfText(QStringLiteral("Medway")),
                                    QStringLiteral("Fay"));
        REQUIRE_FALSE(created.ok());
        CHECK(created.message() == expected(*r.db));
        CHECK(r.snapshot() == before);
    }
}

TEST_CASE("A day event on a full disk is refused and the engine stays where the log is",
          "[store][disk-full][engine]") {
    test::EngineRegion region(test::triadNames());
    FakeClock clock(test::dayAt(10, 0));
    auto opened = DayEngine::open(*region.db, clock, region.groupId, region.day().plan);
    REQUIRE(opened.ok());
    DayEngine& engine = **opened;
    REQUIRE(engine.start().ok());
    test::fillDisk(*region.db);

    // The log's last page has room for some events; the day goes on (a block moved on, then
    // paused and resumed) until one needs a new page.
    clock.advanceSeconds(30);
    REQUIRE(engine.next().ok());
    std::optional<Error> refused;
    for (int i = 0; i < 2000 && !refused; ++i) {
        clock.advanceSeconds(1);
        const DayState before = engine.state();
        const size_t events = engine.events().size();
        auto moved = before.status == DayStatus::Paused ? engine.resume() : engine.pause();
        if (moved.ok()) {
            continue;
        }
        refused = moved.error();
        const DayState after = engine.state();
        CHECK(after.blockIndex == before.blockIndex);
        CHECK(after.status == before.status);
        CHECK(engine.events().size() == events);
        auto stored = DayEventLog(*region.db).count(region.groupId);
        REQUIRE(stored.ok());
        CHECK(*stored == static_cast<int>(events));
        // Next block is refused the same way: the block on screen is the one recorded.
        auto next = engine.next();
        REQUIRE_FALSE(next.ok());
        CHECK(next.message() == expected(*region.db));
        CHECK(engine.state().blockIndex == before.blockIndex);
    }
    REQUIRE(refused.has_value());
    CHECK(refused->kind == Error::Kind::Storage);
    CHECK(refused->message == expected(*region.db));

    // A new engine on the same log (a restart) lands where the refused one stayed.
    const DayState kept = engine.state();
    auto again = DayEngine::open(*region.db, clock, region.groupId, region.day().plan);
    REQUIRE(again.ok());
    CHECK((*again)->state().blockIndex == kept.blockIndex);
    CHECK((*again)->state().status == kept.status);
}
