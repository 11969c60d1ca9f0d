#include "engine/day_plan_store.h"
#include "engine/day_template.h"
#include "engine_fixture.h"
#include "store/sql.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <catch2/catch.hpp>

using namespace balcony;

namespace {

// The shipped triad template as JSON, for tests to break one field at a time.
QJsonObject triadJson() {
    QFile file(QStringLiteral(":/balcony/templates/triad.json"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    return QJsonDocument::fromJson(file.readAll()).object();
}

QByteArray bytes(const QJsonObject& o) {
    return QJsonDocument(o).toJson();
}

QJsonObject withSessionBlock(QJsonObject root, int index, const QString& key, const QJsonValue& value) {
    QJsonArray session = root.value(QStringLiteral("session")).toArray();
    QJsonObject block = session.at(index).toObject();
    if (value.isUndefined()) {
        block.remove(key);
    } else {
        block.insert(key, value);
    }
    session.replace(index, block);
    root.insert(QStringLiteral("session"), session);
    return root;
}

} // namespace

TEST_CASE("The shipped templates are embedded in the core library and load without problems",
          "[engine][template]") {
    CHECK(QFile::exists(QStringLiteral(":/balcony/templates/triad.json")));
    CHECK(QFile::exists(QStringLiteral(":/balcony/templates/quartet.json")));
    auto triad = builtInTemplate(QStringLiteral("triad"));
    REQUIRE(triad.ok());
    CHECK(triad->presentingLas == 3);
    CHECK(triad->start == QTime(10, 0));
    CHECK(triad->session.size() == 6);
    CHECK(triad->blockCount() == 22);
    for (const auto& block : triad->session) {
        CHECK_FALSE(block.guidance.isEmpty());
    }
    auto quartet = builtInTemplate(QStringLiteral("quartet"));
    REQUIRE(quartet.ok());
    CHECK(quartet->presentingLas == 4);
    CHECK(quartet->between.size() == 3);
}

TEST_CASE("A template with an unknown block kind is refused naming the file and the field",
          "[engine][template]") {
    auto parsed = parseDayTemplate(
        bytes(withSessionBlock(triadJson(), 2, QStringLiteral("kind"), QStringLiteral("coffee"))),
        QStringLiteral("region.json"));
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error().kind == Error::Kind::InvalidInput);
    CHECK(parsed.message().contains(QStringLiteral("region.json")));
    CHECK(parsed.message().contains(QStringLiteral("session[2].kind")));
    CHECK(parsed.message().contains(QStringLiteral("\"coffee\"")));
}

TEST_CASE("A template with a zero, negative or fractional duration is refused naming the block",
          "[engine][template]") {
    const QJsonValue bad =
        GENERATE(QJsonValue(0), QJsonValue(-5), QJsonValue(12.5), QJsonValue(QStringLiteral("ten")));
    auto parsed = parseDayTemplate(bytes(withSessionBlock(triadJson(), 1, QStringLiteral("minutes"), bad)),
                                   QStringLiteral("region.json"));
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.message().contains(QStringLiteral("session[1].minutes")));
}

// Found by fuzz_day_template (tests/fuzz/corpus/fuzz_day_template/crash-54e8f81b...): a duration
// beyond int's range was cast to int before the range check, undefined behaviour that clang's UBSan
// reports (the fuzz preset; GCC's -fsanitize=undefined leaves float-cast-overflow out). It must be
// refused like any other duration above 600.
TEST_CASE("A template with a duration too large for any clock is refused naming the block",
          "[engine][template]") {
    const QJsonValue bad =
        GENERATE(QJsonValue(601), QJsonValue(4.44444e86), QJsonValue(1e308), QJsonValue(-1e308));
    auto parsed = parseDayTemplate(bytes(withSessionBlock(triadJson(), 1, QStringLiteral("minutes"), bad)),
                                   QStringLiteral("region.json"));
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.message().contains(QStringLiteral("session[1].minutes")));
}

TEST_CASE("A template block without minutes or title is refused naming the missing field",
          "[engine][template]") {
    auto noMinutes = parseDayTemplate(
        bytes(withSessionBlock(triadJson(), 0, QStringLiteral("minutes"), QJsonValue(QJsonValue::Undefined))),
        QStringLiteral("t.json"));
    REQUIRE_FALSE(noMinutes.ok());
    CHECK(noMinutes.message().contains(QStringLiteral("session[0].minutes")));
    CHECK(noMinutes.message().contains(QStringLiteral("missing")));

    auto noTitle = parseDayTemplate(
        bytes(withSessionBlock(triadJson(), 3, QStringLiteral("title"), QStringLiteral(" "))),
        QStringLiteral("t.json"));
    REQUIRE_FALSE(noTitle.ok());
    CHECK(noTitle.message().contains(QStringLiteral("session[3].title")));
}

TEST_CASE("A template without presenting sessions is refused", "[engine][template]") {
    QJsonObject root = triadJson();
    root.insert(QStringLiteral("session"), QJsonArray());
    auto empty = parseDayTemplate(bytes(root), QStringLiteral("t.json"));
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.message().contains(QStringLiteral("session: has no blocks")));

    root.remove(QStringLiteral("session"));
    auto missing = parseDayTemplate(bytes(root), QStringLiteral("t.json"));
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.message().contains(QStringLiteral("session: must be a list")));

    // Blocks, but none where the presenting LA has the floor.
    QJsonObject onlyBreaks = triadJson();
    onlyBreaks.insert(QStringLiteral("session"),
                      QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("break")},
                                             {QStringLiteral("title"), QStringLiteral("Rest")},
                                             {QStringLiteral("minutes"), 10}}});
    auto noPresenter = parseDayTemplate(bytes(onlyBreaks), QStringLiteral("t.json"));
    REQUIRE_FALSE(noPresenter.ok());
    CHECK(noPresenter.message().contains(QStringLiteral("presenting LA")));
}

TEST_CASE("A template whose breaks do not match its sessions is refused", "[engine][template]") {
    QJsonObject root = triadJson();
    root.insert(QStringLiteral("presenting_las"), 4);
    auto parsed = parseDayTemplate(bytes(root), QStringLiteral("t.json"));
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.message().contains(QStringLiteral("between_sessions: must have 3 entries")));
}

TEST_CASE("Malformed template JSON is refused with the file and the line", "[engine][template]") {
    const QByteArray broken = "{\n  \"balcony_template\": 1,\n  \"id\": \"x\"\n  \"session\": []\n}\n";
    auto parsed = parseDayTemplate(broken, QStringLiteral("broken.json"));
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.message().contains(QStringLiteral("broken.json")));
    CHECK(parsed.message().contains(QStringLiteral("line 4")));
}

TEST_CASE("A misspelt template field is reported rather than silently ignored", "[engine][template]") {
    auto parsed = parseDayTemplate(bytes(withSessionBlock(triadJson(), 0, QStringLiteral("minutse"), 10)),
                                   QStringLiteral("t.json"));
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.message().contains(QStringLiteral("session[0].minutse")));
}

TEST_CASE("Every problem of a template is listed at once", "[engine][template]") {
    QJsonObject root = withSessionBlock(triadJson(), 1, QStringLiteral("minutes"), -1);
    root = withSessionBlock(root, 4, QStringLiteral("speaker"), QStringLiteral("chair"));
    auto parsed = parseDayTemplate(bytes(root), QStringLiteral("t.json"));
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.message().contains(QStringLiteral("session[1].minutes")));
    CHECK(parsed.message().contains(QStringLiteral("session[4].speaker")));
}

TEST_CASE("A region's imported template is stored and preferred, a bad file changes nothing",
          "[engine][template]") {
    test::EngineRegion region(test::triadNames());
    DayPlanStore store(*region.db);

    QJsonObject root = withSessionBlock(triadJson(), 1, QStringLiteral("minutes"), 60);
    root.insert(QStringLiteral("id"), QStringLiteral("south-east-triad"));
    const QString good = region.dir.path(QStringLiteral("se.json"));
    test::writeFile(good, bytes(root));
    const FakeClock clock(QDateTime(QDate(2023, 1, 5), QTime(14, 30), Qt::UTC));
    auto imported = store.importTemplate(good, clock);
    REQUIRE(imported.ok());
    // Stamped by the clock it was given, not the computer's.
    auto stamped =
        sql::run(*region.db, QStringLiteral("SELECT imported_at_utc FROM day_template WHERE id = ?"),
                 {QStringLiteral("south-east-triad")});
    REQUIRE(stamped.ok());
    REQUIRE(stamped->next());
    CHECK(stamped->value(0).toString() == QStringLiteral("2023-01-05T14:30:00.000Z"));
    auto found = store.findTemplate(QStringLiteral("south-east-triad"));
    REQUIRE(found.ok());
    CHECK(found->session[1].minutes == 60);

    const QString bad = region.dir.path(QStringLiteral("bad.json"));
    root.insert(QStringLiteral("id"), QStringLiteral("broken"));
    test::writeFile(bad, bytes(withSessionBlock(root, 2, QStringLiteral("minutes"), 0)));
    auto refused = store.importTemplate(bad, clock);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.message().contains(QStringLiteral("bad.json")));
    auto ids = store.importedTemplateIds();
    REQUIRE(ids.ok());
    CHECK(*ids == QStringList{QStringLiteral("south-east-triad")});

    auto unknown = store.findTemplate(QStringLiteral("nonesuch"));
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().kind == Error::Kind::NotFound);
    CHECK(unknown.message().contains(QStringLiteral("south-east-triad")));
}
