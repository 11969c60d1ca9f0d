#include "questions/bank_support.h"

using namespace balcony;
using namespace balcony::questions;
using balcony::test::printed;
using balcony::test::replaced;

namespace {

const QByteArray smallCsv = "kind,theme,question,rating\r\n"                      // 1
                            "theme,Budget,Where does the budget stand?,no\r\n"    // 2
                            "theme,Budget,\"From 0 to 10, how sure?\",yes\r\n"    // 3
                            "theme,Workforce,Why do people leave?,\r\n"           // 4
                            "balcony,,What is taken for granted?,no\r\n"          // 5
                            "plenary,,What will you take home?,No\r\n"            // 6
                            "theme,Budget,Who knew about the overspend?,YES\r\n"; // 7

QStringList refusal(const QByteArray& bytes) {
    const BankReading reading = parseBankCsv(bytes);
    const QStringList lines = printed(reading.problems, QStringLiteral("bank.csv"));
    INFO(lines.join(u'\n').toStdString());
    CHECK_FALSE(reading.ok());
    return lines;
}

} // namespace

TEST_CASE("A CSV bank is read row by row, a theme's rows gathered in the order of its first row",
          "[questions][csv]") {
    const BankReading reading = parseBankCsv(smallCsv);
    INFO(printed(reading.problems, QStringLiteral("bank.csv")).join(u'\n').toStdString());
    REQUIRE(reading.ok());
    const QuestionBank& bank = reading.bank;
    REQUIRE(bank.themes.size() == 2);
    CHECK(bank.themes[0] == Theme{QStringLiteral("Budget"),
                                  {{QStringLiteral("Where does the budget stand?"), false},
                                   {QStringLiteral("From 0 to 10, how sure?"), true},
                                   {QStringLiteral("Who knew about the overspend?"), true}}});
    CHECK(bank.themes[1] ==
          Theme{QStringLiteral("Workforce"), {{QStringLiteral("Why do people leave?"), false}}});
    CHECK(bank.balcony.size() == 1);
    CHECK(bank.plenary.size() == 1);
}

TEST_CASE("A bank written as CSV has a byte order mark and CRLF, and reads back the same",
          "[questions][csv]") {
    auto bank = defaultBank();
    REQUIRE(bank.ok());
    const QByteArray csv = bankCsv(*bank);
    CHECK(csv.startsWith("\xEF\xBB\xBF"
                         "kind,theme,question,rating\r\n"
                         "theme,Strengths,\"Which strengths of your children's services would you put first, "
                         "and what keeps them strong?\",no\r\n"));
    CHECK(csv.endsWith("plenary,,Which new regional networking groups would you suggest?,no\r\n"));
    const BankReading back = parseBankCsv(csv);
    REQUIRE(back.ok());
    QuestionBank expected = *bank;
    expected.name.clear(); // CSV has no place for the bank's name
    CHECK(back.bank == expected);
    // Tabs, as spreadsheets in some locales write, read the same.
    const BankReading tabs = parseBankCsv("kind\ttheme\tquestion\trating\r\n"
                                          "theme\tBudget\tFrom 0 to 10, how sure?\tyes\r\n"
                                          "balcony\t\tWhat is taken for granted?\tno\r\n"
                                          "plenary\t\tWhat will you take home?\tno\r\n");
    REQUIRE(tabs.ok());
    CHECK(tabs.bank.themes.at(0).questions.at(0) ==
          Question{QStringLiteral("From 0 to 10, how sure?"), true});
}

TEST_CASE("A CSV bank without one of its columns is refused, naming the column", "[questions][csv]") {
    for (const char* column : {"kind", "theme", "question", "rating"}) {
        INFO(column);
        QStringList header{QStringLiteral("kind"), QStringLiteral("theme"), QStringLiteral("question"),
                           QStringLiteral("rating")};
        header.removeOne(QLatin1String(column));
        const QByteArray bytes = header.join(u',').toUtf8() + "\r\nx,y,z\r\n";
        const QStringList lines = refusal(bytes);
        REQUIRE_FALSE(lines.isEmpty());
        CHECK(lines[0] ==
              QStringLiteral("bank.csv:1: the header has no \"%1\" column, which this file needs.")
                  .arg(QLatin1String(column)));
    }
}

TEST_CASE("CSV rows that break the bank's rules are all reported, each with its line", "[questions][csv]") {
    const QByteArray bytes = "kind,theme,question,rating\n"                   // 1
                             "theme,Budget,Where does the budget stand?,no\n" // 2
                             "theme,,What keeps people?,no\n"                 // 3 no theme
                             "theme,budget,How sure are you?,no\n"            // 4 written differently
                             "theme,Workforce,Why do people leave?,maybe\n"   // 5 unknown rating
                             "theme,Workforce,Who leaves?,1\n"                // 6 unknown rating
                             "question,Workforce,Who stays?,no\n"             // 7 unknown kind
                             ",Workforce,Who stays?,no\n"                     // 8 no kind
                             "balcony,Workforce,What is assumed?,no\n"        // 9 balcony with a theme
                             "theme,Workforce,,no\n"                          // 10 no question
                             "theme,Budget,where does the budget stand?,no\n" // 11 the same question
                             "balcony,,What is assumed?,no\n"                 // 12
                             "plenary,,What will you take home?,no\n";        // 13
    CHECK(
        refusal(bytes) ==
        QStringList{
            QStringLiteral("bank.csv:3: the question \"What keeps people?\" has no theme: write the theme it "
                           "belongs to (e.g. Budget) in the theme column."),
            QStringLiteral(
                "bank.csv:4: the theme \"budget\" is written \"Budget\" on line 2: write a theme the "
                "same way on every row, or give different themes different names."),
            QStringLiteral("bank.csv:5: the rating \"maybe\" is not yes or no: write yes when the question "
                           "asks for a number from 0 to 10, no (or nothing) otherwise."),
            QStringLiteral("bank.csv:6: the rating \"1\" is not yes or no: write yes when the question asks "
                           "for a number from 0 to 10, no (or nothing) otherwise."),
            QStringLiteral("bank.csv:7: unknown kind \"question\": write theme (a question for the "
                           "questioning stage), balcony (a reflection for the insights stage) or plenary."),
            QStringLiteral("bank.csv:8: the kind is empty: write theme, balcony or plenary."),
            QStringLiteral("bank.csv:9: a balcony question belongs to no theme, but this row gives "
                           "\"Workforce\": leave the theme empty, or make the kind theme."),
            QStringLiteral("bank.csv:10: the question is empty: write its wording, or delete the row."),
            QStringLiteral("bank.csv:11: the same question is already on line 2: delete one of the rows."),
        });
}

TEST_CASE("A CSV bank without balcony or plenary questions is refused", "[questions][csv]") {
    const QByteArray themesOnly =
        "kind,theme,question,rating\ntheme,Budget,Where does the budget stand?,no\n";
    CHECK(
        refusal(themesOnly) ==
        QStringList{QStringLiteral("bank.csv:2: the file has no reflection questions for the balcony: add at "
                                   "least one row of kind balcony."),
                    QStringLiteral("bank.csv:2: the file has no plenary questions: add at least one row of "
                                   "kind plenary.")});
}

TEST_CASE("A CSV bank that is empty or not UTF-8 is refused through the shared CSV layer",
          "[questions][csv]") {
    CHECK(refusal(QByteArray()).value(0).startsWith(QStringLiteral("bank.csv:1: the file is empty")));
    CHECK(refusal("kind,theme,question,rating\r\n")
              .value(0)
              .startsWith(QStringLiteral("bank.csv:2: the file has a header but no rows")));
    CHECK(refusal(replaced(smallCsv, "people", "caf\xE9s"))
              .value(0)
              .startsWith(QStringLiteral("bank.csv:4: ")));
    CHECK(refusal(replaced(smallCsv, "\"From 0 to 10, how sure?\"", "\"From 0 to 10, how sure?"))
              .value(0)
              .startsWith(QStringLiteral("bank.csv:3: a quoted field")));
}
