#include "questions/bank_support.h"

using namespace balcony;
using namespace balcony::questions;

namespace {

QuestionBank sample() {
    QuestionBank bank;
    bank.themes = {
        {QStringLiteral("Strengths"), {{QStringLiteral("What are you proudest of?"), false}}},
        {QStringLiteral("Budget"), {{QStringLiteral("How confident are you, from 0 to 10?"), true}}},
        {QStringLiteral("Workforce"), {{QStringLiteral("Why do social workers leave?"), false}}},
        {QStringLiteral("Practice leadership"),
         {{QStringLiteral("What do staff say about supervision?"), false},
          {QStringLiteral("Who leads practice in the café of ideas?"), false}}}};
    bank.balcony = {{QStringLiteral("What is being taken for granted?"), false}};
    bank.plenary = {{QStringLiteral("Which networking groups would help?"), false}};
    return bank;
}

QStringList texts(const std::vector<ListedQuestion>& found) {
    QStringList list;
    for (const auto& q : found) {
        list << q.question.text;
    }
    return list;
}

QStringList titles(const QuestionBank& bank, const ThemeOrder& order) {
    QStringList list;
    for (const auto& t : order.themes) {
        list << bank.themes[std::size_t(t.index)].title + (t.focus ? QStringLiteral("*") : QString());
    }
    return list;
}

} // namespace

TEST_CASE("Searching finds questions by any part of their words, ignoring case and accents",
          "[questions][search]") {
    const QuestionBank bank = sample();
    CHECK(texts(searchQuestions(bank, QStringLiteral("SUPERVIS"))) ==
          QStringList{QStringLiteral("What do staff say about supervision?")});
    CHECK(texts(searchQuestions(bank, QStringLiteral("cafe"))) ==
          QStringList{QStringLiteral("Who leads practice in the café of ideas?")});
    // Every word must be found, in any order.
    CHECK(texts(searchQuestions(bank, QStringLiteral("leave social"))) ==
          QStringList{QStringLiteral("Why do social workers leave?")});
    CHECK(searchQuestions(bank, QStringLiteral("social budget")).empty());
    // The theme's title counts, so "budget" finds the budget question that does not say it.
    CHECK(texts(searchQuestions(bank, QStringLiteral("budget"))) ==
          QStringList{QStringLiteral("How confident are you, from 0 to 10?")});
    // Balcony and plenary questions are found too, and say where they belong.
    const auto found = searchQuestions(bank, QStringLiteral("granted"));
    REQUIRE(found.size() == 1);
    CHECK(found[0].section == Section::Balcony);
    CHECK(found[0].theme.isEmpty());
    CHECK(searchQuestions(bank, QStringLiteral("   ")).size() == 7);
    CHECK(searchQuestions(bank, QStringLiteral("nowhere")).empty());
}

TEST_CASE("Listing numbers the questions within each theme and section, in the order of the day",
          "[questions][search]") {
    const auto list = listQuestions(sample());
    REQUIRE(list.size() == 7);
    CHECK(list[3].theme == QStringLiteral("Practice leadership"));
    CHECK(list[3].number == 1);
    CHECK(list[4].number == 2);
    CHECK(list[5].section == Section::Balcony);
    CHECK(list[5].number == 1);
    CHECK(list[6].section == Section::Plenary);
    CHECK(list[6].number == 1);
}

TEST_CASE("The themes the DCS asked to focus on come first, the rest follow in the bank's order",
          "[questions][focus]") {
    const QuestionBank bank = sample();
    SECTION("no focus keeps the bank's order") {
        const ThemeOrder order = orderThemes(bank.themes, {});
        CHECK(titles(bank, order) == QStringList{QStringLiteral("Strengths"), QStringLiteral("Budget"),
                                                 QStringLiteral("Workforce"),
                                                 QStringLiteral("Practice leadership")});
        CHECK(order.unknownFocus.isEmpty());
    }
    SECTION("focus themes first, in the bank's order whatever order they were ticked in") {
        const ThemeOrder order =
            orderThemes(bank.themes, {QStringLiteral("practice  LEADERSHIP"), QStringLiteral("budget")});
        CHECK(titles(bank, order) == QStringList{QStringLiteral("Budget*"),
                                                 QStringLiteral("Practice leadership*"),
                                                 QStringLiteral("Strengths"), QStringLiteral("Workforce")});
        CHECK(order.unknownFocus.isEmpty());
    }
    SECTION("a name that is no theme is handed back, and the rest still works") {
        const ThemeOrder order =
            orderThemes(bank.themes, {QStringLiteral("Housing"), QStringLiteral("Workforce"),
                                      QStringLiteral("Workforce")});
        CHECK(titles(bank, order) == QStringList{QStringLiteral("Workforce*"), QStringLiteral("Strengths"),
                                                 QStringLiteral("Budget"),
                                                 QStringLiteral("Practice leadership")});
        CHECK(order.unknownFocus == QStringList{QStringLiteral("Housing")});
    }
}
