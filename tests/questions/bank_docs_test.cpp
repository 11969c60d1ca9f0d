// The examples in docs/question-bank.md and docs/examples/ say what the program does.
#include "interchange/interchange_support.h"
#include "questions/bank_support.h"

#include <QFile>

using namespace balcony;
using namespace balcony::questions;

TEST_CASE("The documented example banks read cleanly, the CSV one as the JSON one", "[questions][docs]") {
    const BankReading json =
        parseBankJson(test::readAll(test::docsExamplePath(QStringLiteral("question-bank.json"))));
    INFO(test::printed(json.problems, QStringLiteral("question-bank.json")).join(u'\n').toStdString());
    REQUIRE(json.ok());
    CHECK(json.problems.empty());
    const QByteArray csvBytes = test::readAll(test::docsExamplePath(QStringLiteral("question-bank.csv")));
    const BankReading csv = parseBankCsv(csvBytes);
    REQUIRE(csv.ok());
    CHECK(csv.problems.empty());
    QuestionBank unnamed = json.bank;
    unnamed.name.clear();
    CHECK(csv.bank == unnamed);
    // Both are written the way the export writes.
    CHECK(bankJson(json.bank) == test::readAll(test::docsExamplePath(QStringLiteral("question-bank.json"))));
    CHECK(bankCsv(csv.bank) == csvBytes);
}

TEST_CASE("The refusal shown in docs/question-bank.md is what an edited default bank gives",
          "[questions][docs]") {
    QFile shipped(QStringLiteral(":/balcony/questions/default.json"));
    REQUIRE(shipped.open(QIODevice::ReadOnly));
    QByteArray bytes = shipped.readAll();
    bytes = test::replaced(bytes, "\"theme\": \"Budget\"", "\"theme\": \"strengths\"");
    bytes = test::replacedFirst(bytes, "\"rating\": true", "\"rating\": \"yes\"");
    const QStringList printed = test::printed(parseBankJson(bytes).problems, QStringLiteral("kent.json"));
    QFile doc(QStringLiteral(BALCONY_TEST_DATA_DIR "/../../docs/question-bank.md"));
    REQUIRE(doc.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(doc.readAll());
    REQUIRE(printed.size() == 2);
    for (const auto& line : printed) {
        INFO(line.toStdString());
        CHECK(text.contains(u'\n' + line + u'\n'));
    }
}
