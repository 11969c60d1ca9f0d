#include "questions/bank_support.h"

using namespace balcony;
using namespace balcony::questions;
using balcony::test::printed;
using balcony::test::replaced;
using balcony::test::smallBankJson;

namespace {

// Reads `bytes` as a JSON bank that must be refused, and returns what the CLI would print.
QStringList refusal(const QByteArray& bytes) {
    const BankReading reading = parseBankJson(bytes);
    const QStringList lines = printed(reading.problems, QStringLiteral("bank.json"));
    INFO(lines.join(u'\n').toStdString());
    CHECK_FALSE(reading.ok());
    return lines;
}

} // namespace

TEST_CASE("A valid JSON bank is read with its themes, ratings, balcony and plenary questions",
          "[questions][json]") {
    const BankReading reading = parseBankJson(smallBankJson());
    INFO(printed(reading.problems, QStringLiteral("bank.json")).join(u'\n').toStdString());
    REQUIRE(reading.ok());
    CHECK(reading.problems.empty());
    const QuestionBank& bank = reading.bank;
    CHECK(bank.name == QStringLiteral("Small"));
    REQUIRE(bank.themes.size() == 2);
    CHECK(bank.themes[0].title == QStringLiteral("Budget"));
    REQUIRE(bank.themes[0].questions.size() == 2);
    CHECK(bank.themes[0].questions[0] == Question{QStringLiteral("Where does the budget stand?"), false});
    CHECK(bank.themes[0].questions[1] == Question{QStringLiteral("From 0 to 10, how sure?"), true});
    CHECK(bank.balcony == std::vector<Question>{{QStringLiteral("What is taken for granted?"), false}});
    CHECK(bank.plenary == std::vector<Question>{{QStringLiteral("What will you take home?"), false}});
    // Written and read again, the bank is the same.
    CHECK(parseBankJson(bankJson(bank)).bank == bank);
    // A byte order mark in front changes nothing.
    CHECK(parseBankJson("\xEF\xBB\xBF" + smallBankJson()).bank == bank);
}

TEST_CASE("A JSON bank that is not UTF-8 text is refused at the first line that is not",
          "[questions][json]") {
    SECTION("Windows-1252") {
        CHECK(refusal(replaced(smallBankJson(), "Why do people", "Why do caf\xE9 people")) ==
              QStringList{QStringLiteral(
                  "bank.json:17: this line is not UTF-8 text (it looks like Windows-1252, the encoding of "
                  "older Windows programs); Balcony reads question banks in UTF-8 only: save the file "
                  "again with the encoding UTF-8, then import the new file.")});
    }
    SECTION("UTF-16 with its byte order mark") {
        const QString text = QString::fromUtf8(smallBankJson());
        QByteArray utf16("\xFF\xFE");
        utf16.append(reinterpret_cast<const char*>(text.utf16()), text.size() * 2);
        const QStringList lines = refusal(utf16);
        REQUIRE(lines.size() == 1);
        CHECK(lines[0].startsWith(QStringLiteral("bank.json:1: the file is UTF-16 text")));
    }
    SECTION("binary bytes") {
        const QStringList lines =
            refusal(replaced(smallBankJson(), "\"Small\"", QByteArray("\"Sm\0ll\"", 7)));
        REQUIRE(lines.size() == 1);
        CHECK(lines[0].startsWith(QStringLiteral("bank.json:3: this line holds a NUL byte")));
    }
}

TEST_CASE("An empty JSON bank is refused", "[questions][json]") {
    for (const QByteArray& empty : {QByteArray(), QByteArray("  \n\n"), QByteArray("\xEF\xBB\xBF")}) {
        CHECK(refusal(empty) ==
              QStringList{QStringLiteral("bank.json:1: the file is empty: a question bank needs themes with "
                                         "questions, balcony questions and plenary questions (see "
                                         "docs/question-bank.md).")});
    }
    const QStringList lines = refusal("{}");
    CHECK(
        lines.contains(QStringLiteral("bank.json:1: balcony_questions: must be 1, the version of the format "
                                      "(got nothing).")));
    CHECK(
        lines.contains(QStringLiteral("bank.json:1: themes: must be a list of themes, each {\"theme\": ..., "
                                      "\"questions\": [...]}, at least one (got nothing).")));
}

TEST_CASE("JSON that does not parse is refused with the line of the mistake", "[questions][json]") {
    struct Case {
        const char* what;
        QByteArray bytes;
        int line;
    };
    const std::vector<Case> cases{
        {"a missing comma between questions", replaced(smallBankJson(), "stand?\",\n", "stand?\"\n"), 8},
        {"a comma after the last item", replaced(smallBankJson(), "take home?\"]", "take home?\",]"), 21},
        {"an unclosed string", replaced(smallBankJson(), "\"Workforce\"", "\"Workforce"), 16},
        {"a missing colon", replaced(smallBankJson(), "\"name\": ", "\"name\"\n   "), 3},
        {"a missing comma between fields", replaced(smallBankJson(), "\"Workforce\",", "\"Workforce\""), 16},
        {"a missing closing brace", smallBankJson().chopped(2), 22},
        {"not JSON at all", "themes: Budget\n", 1},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        const QStringList lines = refusal(c.bytes);
        REQUIRE(lines.size() == 1);
        INFO(lines[0].toStdString());
        CHECK(lines[0].startsWith(QStringLiteral("bank.json:%1: the file is not valid JSON: ").arg(c.line)));
    }
}

TEST_CASE("A theme without a name, or a question without a theme, is refused with its path and line",
          "[questions][json]") {
    SECTION("the theme's name is missing") {
        CHECK(refusal(replaced(smallBankJson(), "\"theme\": \"Workforce\",", "")) ==
              QStringList{QStringLiteral("bank.json:15: themes[1].theme: each theme needs its name, e.g. "
                                         "\"Budget\" (got nothing).")});
    }
    SECTION("the theme's name is blank") {
        CHECK(refusal(replaced(smallBankJson(), "\"Workforce\"", "\"  \"")) ==
              QStringList{QStringLiteral("bank.json:16: themes[1].theme: each theme needs its name, e.g. "
                                         "\"Budget\" (got \"  \").")});
    }
    SECTION("questions put straight into the list of themes") {
        CHECK(refusal(replaced(smallBankJson(),
                               "    {\n      \"theme\": \"Workforce\",\n      \"questions\": "
                               "[\"Why do people leave?\"]\n    }\n",
                               "    \"Why do people leave?\"\n")) ==
              QStringList{QStringLiteral("bank.json:15: themes[1]: must be a theme: an object with \"theme\" "
                                         "and \"questions\" (got \"Why do people leave?\").")});
    }
    SECTION("a theme without questions") {
        CHECK(refusal(replaced(smallBankJson(), "[\"Why do people leave?\"]", "[]")) ==
              QStringList{QStringLiteral("bank.json:17: themes[1].questions: must be a list of questions, at "
                                         "least one (got an empty list).")});
    }
}

TEST_CASE("A theme that appears twice is refused, however it is written", "[questions][json]") {
    for (const char* twin : {"Budget", "budget", " BUDGET ", "Budget."}) {
        INFO(twin);
        CHECK(refusal(replaced(smallBankJson(), "\"Workforce\"", '"' + QByteArray(twin) + '"')) ==
              QStringList{QStringLiteral("bank.json:16: themes[1].theme: \"%1\" is the same theme as "
                                         "\"Budget\" on line 6: each theme appears once, with all its "
                                         "questions.")
                              .arg(QString::fromLatin1(twin).trimmed())});
    }
}

TEST_CASE("A rating that is not true or false is refused with its line", "[questions][json]") {
    for (const char* value : {"\"yes\"", "1", "null", "\"true\""}) {
        INFO(value);
        CHECK(refusal(replaced(smallBankJson(), "\"rating\": true", "\"rating\": " + QByteArray(value))) ==
              QStringList{QStringLiteral("bank.json:11: themes[0].questions[1].rating: must be true (the "
                                         "question asks for a number from 0 to 10) or false, without quotes "
                                         "(got %1).")
                              .arg(QString::fromLatin1(value))});
    }
}

TEST_CASE("Every mistake of a JSON bank is reported at once, each with its own line", "[questions][json]") {
    QByteArray bytes = smallBankJson();
    bytes = replaced(bytes, "\"balcony_questions\": 1", "\"balcony_questions\": 2");
    bytes = replaced(bytes, "\"text\": \"From", "\"txt\": \"From");
    bytes = replaced(bytes, "\"Why do people leave?\"", "\"\"");
    bytes = replaced(
        bytes, "\"plenary\": [\"What will you take home?\"]",
        "\"plenary\": [\"What will you take home?\", \"What will you  TAKE home?\"],\n  \"notes\": 1");
    CHECK(
        refusal(bytes) ==
        QStringList{
            QStringLiteral("bank.json:22: notes: is not a field of a question bank (a typing mistake?); the "
                           "fields are balcony_questions, name, themes, balcony, plenary."),
            QStringLiteral("bank.json:2: balcony_questions: must be 1, the version of the format (got 2)."),
            QStringLiteral("bank.json:10: themes[0].questions[1].txt: is not a field of a question (a typing "
                           "mistake?); the fields are text, rating."),
            QStringLiteral("bank.json:9: themes[0].questions[1]: a question needs its \"text\"."),
            QStringLiteral(
                "bank.json:17: themes[1].questions[0]: the question is empty: write its wording, or "
                "remove it."),
            QStringLiteral("bank.json:21: plenary[1]: the same question is already on line 21: remove one of "
                           "them."),
        });
}

TEST_CASE("The balcony and plenary questions are required", "[questions][json]") {
    CHECK(refusal(replaced(smallBankJson(), "  \"balcony\": [\"What is taken for granted?\"],\n", "")) ==
          QStringList{QStringLiteral("bank.json:1: balcony: must be a list of reflection questions for the "
                                     "balcony, at least one (got nothing).")});
    CHECK(refusal(
              replaced(smallBankJson(), "[\"What will you take home?\"]", "\"What will you take home?\"")) ==
          QStringList{QStringLiteral("bank.json:21: plenary: must be a list of questions for the plenary, at "
                                     "least one (got \"What will you take home?\").")});
}

TEST_CASE("The format of a bank file is told by its extension, else by its content", "[questions]") {
    CHECK(formatFromFileName(QStringLiteral("kent.JSON")) == BankFormat::Json);
    CHECK(formatFromFileName(QStringLiteral("/a/b/kent.csv")) == BankFormat::Csv);
    CHECK_FALSE(formatFromFileName(QStringLiteral("kent.txt")));
    CHECK(formatOf(QStringLiteral("kent.txt"), "\xEF\xBB\xBF  \n{\"themes\": []}") == BankFormat::Json);
    CHECK(formatOf(QStringLiteral("kent"), "kind,theme,question,rating\n") == BankFormat::Csv);
    CHECK(formatOf(QStringLiteral("kent.csv"), "{") == BankFormat::Csv);
}
