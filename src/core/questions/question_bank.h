#pragma once

#include "support/result.h"

#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

// The question bank a facilitator keeps at hand during a day (docs/question-bank.md): the themes of
// the questioning stage (the handbook's "signatures of risk", strengths first) with open questions
// for each, the reflection questions for the visitors' "insights from the balcony", and the
// plenary's questions. Balcony ships its own wording (resources/questions/default.json); a region
// may import its own bank (questions/bank_store.h).
namespace balcony::questions {

// Where in the day a question is asked.
enum class Section {
    Theme,   // the questioning stage, under a theme
    Balcony, // insights from the balcony: the visitors reflect among themselves
    Plenary, // the plenary at the end of the day, asked of the whole group
};

QString toKey(Section section); // "theme", "balcony", "plenary": the CSV "kind" column
std::optional<Section> sectionFromKey(const QString& key);

struct Question {
    QString text; // trimmed, never empty
    bool rating =
        false; // asks the presenting team for a number from 0 to 10 (the text says what 0 and 10 mean)

    bool operator==(const Question&) const = default;
};

struct Theme {
    QString title;                   // trimmed, never empty; unique in a bank by themeKey()
    std::vector<Question> questions; // never empty in a valid bank

    bool operator==(const Theme&) const = default;
};

struct QuestionBank {
    QString name; // for people; may be empty
    std::vector<Theme> themes;
    std::vector<Question> balcony;
    std::vector<Question> plenary;

    bool operator==(const QuestionBank&) const = default;

    int questionCount() const;
};

// How theme names are compared: case, accents, punctuation and spacing ignored (foldedWords), so that
// "budget", "Budget " and "BUDGET" name the same theme, on the command line as in a file.
QString themeKey(const QString& title);

// The bank Balcony ships, compiled into the core library from resources/questions/default.json.
// Fails only if the program was built with a broken file (a test guards against that).
Result<QuestionBank> defaultBank();

// The themes in the order the facilitator sees them during the questioning stage: the themes the
// DCS asked the group to focus on first, in the bank's order, then the others, in the bank's order.
// A pure function of its arguments. Focus names are matched by themeKey; a name that matches no
// theme is returned in `unknownFocus` (as given), so that a front end can say so.
struct OrderedTheme {
    int index = 0; // into QuestionBank::themes
    bool focus = false;
};
struct ThemeOrder {
    std::vector<OrderedTheme> themes;
    QStringList unknownFocus;
};
ThemeOrder orderThemes(const std::vector<Theme>& themes, const QStringList& focusThemes);

// One question as a list shows it, with where it belongs.
struct ListedQuestion {
    Section section = Section::Theme;
    QString theme;  // the theme's title; empty outside Section::Theme
    int number = 0; // 1-based, within its theme or section
    Question question;
};

// Every question of the bank in the order of the day: themes (in bank order), balcony, plenary.
std::vector<ListedQuestion> listQuestions(const QuestionBank& bank);

// The questions whose text (or theme title) holds every word of `text`, compared as foldedWords
// (case and accents ignored; a word matches the start of a word or any part of one, so "supervis"
// finds "supervision"). An empty or blank `text` matches every question. Order as listQuestions.
std::vector<ListedQuestion> searchQuestions(const QuestionBank& bank, const QString& text);

} // namespace balcony::questions
