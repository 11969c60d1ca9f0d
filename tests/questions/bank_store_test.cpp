#include "helpers/temp_dir.h"
#include "questions/bank_store.h"
#include "questions/bank_support.h"
#include "store/database.h"
#include "store/sql.h"

#include <QFileInfo>
#include <QSqlRecord>

using namespace balcony;
using namespace balcony::questions;
using balcony::test::replaced;
using balcony::test::smallBankJson;

namespace {

struct Region {
    test::TempDir dir;
    std::unique_ptr<Database> db;

    Region() {
        auto opened = Database::open(dir.path(QStringLiteral("region.balcony")), {.create = true});
        REQUIRE(opened.ok());
        db = std::move(*opened);
    }

    RegionBank bank() {
        auto region = BankStore(*db).bank();
        REQUIRE(region.ok());
        return *region;
    }

    // Every stored row of the bank's tables, to prove a refusal changed nothing.
    QStringList rows() {
        QStringList all;
        for (const char* statement :
             {"SELECT id, name, imported_from FROM question_bank",
              "SELECT id, position, title FROM question_theme ORDER BY id",
              "SELECT id, kind, theme_id, position, text, rating FROM question ORDER BY id"}) {
            auto query = sql::run(*db, QLatin1String(statement));
            REQUIRE(query.ok());
            while (query->next()) {
                QStringList cells;
                for (int c = 0; c < query->record().count(); ++c) {
                    cells << query->value(c).toString();
                }
                all << cells.join(u'|');
            }
        }
        return all;
    }
};

} // namespace

TEST_CASE("A region uses the default bank until it imports its own, and again after a reset",
          "[questions][store]") {
    Region region;
    auto fallback = defaultBank();
    REQUIRE(fallback.ok());
    CHECK_FALSE(region.bank().own);
    CHECK(region.bank().bank == *fallback);
    CHECK(region.rows().isEmpty()); // the default is never copied into the region

    auto imported = importBank(*region.db, smallBankJson(), QStringLiteral("/somewhere/kent-questions.json"));
    REQUIRE(imported.ok());
    CHECK(imported->written);
    const RegionBank own = region.bank();
    CHECK(own.own);
    CHECK(own.source == QStringLiteral("kent-questions.json"));
    CHECK(own.bank == parseBankJson(smallBankJson()).bank);

    auto reset = BankStore(*region.db).reset();
    REQUIRE(reset.ok());
    CHECK(*reset);
    CHECK_FALSE(region.bank().own);
    CHECK(region.bank().bank == *fallback);
    CHECK(region.rows().isEmpty());
    auto again = BankStore(*region.db).reset();
    REQUIRE(again.ok());
    CHECK_FALSE(*again);
}

TEST_CASE("A second import replaces the region's bank whole, and the default bank survives a round trip",
          "[questions][store]") {
    Region region;
    REQUIRE(importBank(*region.db, smallBankJson(), QStringLiteral("small.json"))->written);
    auto fallback = defaultBank();
    REQUIRE(fallback.ok());
    auto imported = importBank(*region.db, bankCsv(*fallback), QStringLiteral("whole.csv"));
    REQUIRE(imported.ok());
    CHECK(imported->format == BankFormat::Csv);
    QuestionBank expected = *fallback;
    expected.name.clear();
    CHECK(region.bank().bank == expected);
    CHECK(region.bank().source == QStringLiteral("whole.csv"));
}

TEST_CASE("A bank file that is refused leaves the region's bank and database exactly as they were",
          "[questions][store]") {
    Region region;
    REQUIRE(importBank(*region.db, smallBankJson(), QStringLiteral("small.json"))->written);
    const QStringList before = region.rows();
    REQUIRE_FALSE(before.isEmpty());

    const std::vector<std::pair<QString, QByteArray>> bad{
        {QStringLiteral("latin1.json"), replaced(smallBankJson(), "people", "caf\xE9s")},
        {QStringLiteral("empty.json"), QByteArray()},
        {QStringLiteral("broken.json"), replaced(smallBankJson(), "stand?\",", "stand?\"")},
        {QStringLiteral("no-theme.json"), replaced(smallBankJson(), "\"theme\": \"Workforce\",", "")},
        {QStringLiteral("twice.json"), replaced(smallBankJson(), "\"Workforce\"", "\"budget\"")},
        {QStringLiteral("rating.json"), replaced(smallBankJson(), "\"rating\": true", "\"rating\": \"yes\"")},
        {QStringLiteral("no-theme.csv"), "kind,theme,question,rating\ntheme,,Why?,no\n"},
        {QStringLiteral("twice.csv"),
         "kind,theme,question,rating\ntheme,Budget,Why?,no\ntheme,BUDGET,How?,no\n"
         "balcony,,What?,no\nplenary,,Next?,no\n"},
        {QStringLiteral("rating.csv"), "kind,theme,question,rating\ntheme,Budget,Why?,often\n"},
        {QStringLiteral("columns.csv"), "kind,theme,question\ntheme,Budget,Why?\n"},
        {QStringLiteral("latin1.csv"), "kind,theme,question,rating\ntheme,Budget,Caf\xE9?,no\n"},
    };
    for (const auto& [name, bytes] : bad) {
        INFO(name.toStdString());
        auto outcome = importBank(*region.db, bytes, name);
        REQUIRE(outcome.ok());
        CHECK_FALSE(outcome->written);
        CHECK(hasErrors(outcome->problems));
        CHECK(std::all_of(outcome->problems.begin(), outcome->problems.end(),
                          [](const Problem& p) { return p.line > 0; }));
        CHECK(region.rows() == before);
    }
}

TEST_CASE("A bank file that cannot be read is an error naming it, and nothing changes",
          "[questions][store]") {
    Region region;
    auto outcome = importBankFile(*region.db, region.dir.path(QStringLiteral("missing.json")));
    REQUIRE_FALSE(outcome.ok());
    CHECK(outcome.message().contains(QStringLiteral("missing.json")));
    CHECK(region.rows().isEmpty());
}

TEST_CASE("The schema itself refuses an empty question and a theme question without a theme",
          "[questions][store]") {
    Region region;
    CHECK_FALSE(
        sql::run(*region.db,
                 QStringLiteral("INSERT INTO question (kind, position, text) VALUES ('balcony', 0, '  ')"))
            .ok());
    CHECK_FALSE(
        sql::run(*region.db,
                 QStringLiteral("INSERT INTO question (kind, position, text) VALUES ('theme', 0, 'Why?')"))
            .ok());
    CHECK_FALSE(
        sql::run(*region.db,
                 QStringLiteral("INSERT INTO question (kind, position, text) VALUES ('other', 0, 'Why?')"))
            .ok());
    REQUIRE(
        sql::run(*region.db,
                 QStringLiteral("INSERT INTO question (kind, position, text) VALUES ('plenary', 0, 'Why?')"))
            .ok());
    CHECK_FALSE(
        sql::run(*region.db,
                 QStringLiteral("INSERT INTO question (kind, position, text) VALUES ('plenary', 0, 'How?')"))
            .ok());
}

TEST_CASE("Exporting writes the region's bank as JSON or CSV, and never a half-written file",
          "[questions][store]") {
    Region region;
    const QString json = region.dir.path(QStringLiteral("bank.json"));
    auto written = exportBankFile(*region.db, json, BankFormat::Json);
    REQUIRE(written.ok());
    auto fallback = defaultBank();
    REQUIRE(fallback.ok());
    CHECK(*written == fallback->questionCount());
    CHECK(test::readAll(json) == bankJson(*fallback));

    REQUIRE(importBank(*region.db, smallBankJson(), QStringLiteral("small.json"))->written);
    const QString csv = region.dir.path(QStringLiteral("bank.csv"));
    REQUIRE(exportBankFile(*region.db, csv, BankFormat::Csv).ok());
    CHECK(test::readAll(csv) == "\xEF\xBB\xBF"
                                "kind,theme,question,rating\r\n"
                                "theme,Budget,Where does the budget stand?,no\r\n"
                                "theme,Budget,\"From 0 to 10, how sure?\",yes\r\n"
                                "theme,Workforce,Why do people leave?,no\r\n"
                                "balcony,,What is taken for granted?,no\r\n"
                                "plenary,,What will you take home?,no\r\n");

    auto refused = exportBankFile(*region.db, region.dir.path(QStringLiteral("no-such-folder/bank.json")),
                                  BankFormat::Json);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.message().contains(QStringLiteral("no-such-folder")));
    CHECK_FALSE(QFileInfo::exists(region.dir.path(QStringLiteral("no-such-folder"))));
}
