#include "questions/bank_format.h"
#include "questions/question_bank.h"

#include <QFile>
#include <catch2/catch.hpp>

using namespace balcony;
using namespace balcony::questions;

namespace {

QuestionBank loadDefault() {
    auto bank = defaultBank();
    INFO((bank ? QString() : bank.message()).toStdString());
    REQUIRE(bank.ok());
    return *bank;
}

const Theme* themeNamed(const QuestionBank& bank, const QString& title) {
    for (const auto& theme : bank.themes) {
        if (theme.title == title) {
            return &theme;
        }
    }
    return nullptr;
}

} // namespace

TEST_CASE("The default question bank is built into the core library and holds the handbook's themes",
          "[questions]") {
    const QuestionBank bank = loadDefault();
    QStringList titles;
    for (const auto& theme : bank.themes) {
        titles << theme.title;
        CHECK(theme.questions.size() >= 3); // a handful for each theme
    }
    CHECK(titles == QStringList{QStringLiteral("Strengths"), QStringLiteral("The political climate"),
                                QStringLiteral("Corporate support"), QStringLiteral("Meaningful indicators"),
                                QStringLiteral("Turnover in senior leadership"),
                                QStringLiteral("Service reorganisation"), QStringLiteral("Budget"),
                                QStringLiteral("Performance"), QStringLiteral("Leading with others"),
                                QStringLiteral("Workforce"), QStringLiteral("Learning culture"),
                                QStringLiteral("Practice leadership"),
                                QStringLiteral("Challenge and feedback")});
    CHECK(bank.balcony.size() == 9);
    REQUIRE(bank.plenary.size() == 4); // key learning, workstreams, problem-solving groups, networking groups
    CHECK(bank.plenary[0].text.contains(QStringLiteral("take back")));
    CHECK(bank.plenary[1].text.contains(QStringLiteral("workstreams")));
    CHECK(bank.plenary[2].text.contains(QStringLiteral("problem-solving")));
    CHECK(bank.plenary[3].text.contains(QStringLiteral("networking")));
}

TEST_CASE("The default bank marks the questions that ask for a 0-10 rating, and only those", "[questions]") {
    const QuestionBank bank = loadDefault();
    for (const auto& title : {QStringLiteral("Budget"), QStringLiteral("Learning culture"),
                              QStringLiteral("Practice leadership")}) {
        const Theme* theme = themeNamed(bank, title);
        REQUIRE(theme);
        CHECK(std::any_of(theme->questions.begin(), theme->questions.end(),
                          [](const Question& q) { return q.rating; }));
    }
    for (const auto& listed : listQuestions(bank)) {
        INFO(listed.question.text.toStdString());
        // A rating question says what the ends of its scale mean.
        CHECK(listed.question.rating == (listed.question.text.contains(QStringLiteral("0 (")) ||
                                         listed.question.text.contains(QStringLiteral("Where 0 ")) ||
                                         listed.question.text.contains(QStringLiteral("scale from 0"))));
    }
    CHECK(std::none_of(bank.balcony.begin(), bank.balcony.end(), [](const Question& q) { return q.rating; }));
    CHECK(std::none_of(bank.plenary.begin(), bank.plenary.end(), [](const Question& q) { return q.rating; }));
}

TEST_CASE("Every question of the default bank is an open question", "[questions]") {
    for (const auto& listed : listQuestions(loadDefault())) {
        INFO(listed.question.text.toStdString());
        CHECK(listed.question.text.endsWith(u'?'));
        // Closed or leading openings the handbook asks the facilitator to stop.
        for (const char* closed :
             {"Have you thought", "Have you considered", "Is ", "Are ", "Do ", "Does ", "Did "}) {
            CHECK_FALSE(listed.question.text.startsWith(QLatin1String(closed)));
        }
    }
}

TEST_CASE("Writing the default bank as JSON gives back the shipped file byte for byte", "[questions]") {
    QFile shipped(QStringLiteral(":/balcony/questions/default.json"));
    REQUIRE(shipped.open(QIODevice::ReadOnly));
    CHECK(bankJson(loadDefault()) == shipped.readAll());
}
