#include "questions/question_bank.h"

#include "domain/name_words.h"
#include "questions/bank_format.h"
#include "support/problem.h"

#include <QFile>
#include <set>

namespace balcony::questions {

QString toKey(Section section) {
    switch (section) {
    case Section::Theme:
        return QStringLiteral("theme");
    case Section::Balcony:
        return QStringLiteral("balcony");
    case Section::Plenary:
        return QStringLiteral("plenary");
    }
    return QStringLiteral("theme");
}

std::optional<Section> sectionFromKey(const QString& key) {
    for (Section s : {Section::Theme, Section::Balcony, Section::Plenary}) {
        if (key == toKey(s)) {
            return s;
        }
    }
    return std::nullopt;
}

int QuestionBank::questionCount() const {
    int count = static_cast<int>(balcony.size() + plenary.size());
    for (const auto& theme : themes) {
        count += static_cast<int>(theme.questions.size());
    }
    return count;
}

QString themeKey(const QString& title) {
    return foldedWords(title).join(u' ');
}

Result<QuestionBank> defaultBank() {
    static const QString path = QStringLiteral(":/balcony/questions/default.json");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return failure(
            Error::Kind::Failed,
            QStringLiteral("The built-in question bank %1 is missing from this build of Balcony.").arg(path));
    }
    const BankReading reading = parseBankJson(file.readAll());
    if (!reading.ok()) {
        QStringList lines;
        for (const auto& p : reading.problems) {
            lines << QStringLiteral("line %1: %2").arg(p.line).arg(p.message);
        }
        return failure(Error::Kind::Failed,
                       QStringLiteral("The built-in question bank is not valid (a fault in this build "
                                      "of Balcony):\n  %1")
                           .arg(lines.join(QStringLiteral("\n  "))));
    }
    return reading.bank;
}

ThemeOrder orderThemes(const std::vector<Theme>& themes, const QStringList& focusThemes) {
    std::set<QString> wanted;
    ThemeOrder order;
    for (const auto& name : focusThemes) {
        const QString key = themeKey(name);
        const bool known = std::any_of(themes.begin(), themes.end(),
                                       [&](const Theme& t) { return themeKey(t.title) == key; });
        if (known) {
            wanted.insert(key);
        } else if (!order.unknownFocus.contains(name)) {
            order.unknownFocus << name;
        }
    }
    for (int pass = 0; pass < 2; ++pass) {
        const bool focus = pass == 0;
        for (std::size_t i = 0; i < themes.size(); ++i) {
            if (wanted.contains(themeKey(themes[i].title)) == focus) {
                order.themes.push_back({static_cast<int>(i), focus});
            }
        }
    }
    return order;
}

std::vector<ListedQuestion> listQuestions(const QuestionBank& bank) {
    std::vector<ListedQuestion> list;
    for (const auto& theme : bank.themes) {
        int number = 0;
        for (const auto& q : theme.questions) {
            list.push_back({Section::Theme, theme.title, ++number, q});
        }
    }
    int number = 0;
    for (const auto& q : bank.balcony) {
        list.push_back({Section::Balcony, QString(), ++number, q});
    }
    number = 0;
    for (const auto& q : bank.plenary) {
        list.push_back({Section::Plenary, QString(), ++number, q});
    }
    return list;
}

std::vector<ListedQuestion> searchQuestions(const QuestionBank& bank, const QString& text) {
    const QStringList wanted = foldedWords(text);
    std::vector<ListedQuestion> found;
    for (auto& listed : listQuestions(bank)) {
        const QString haystack = foldedWords(listed.theme + u' ' + listed.question.text).join(u' ');
        if (std::all_of(wanted.begin(), wanted.end(),
                        [&](const QString& word) { return haystack.contains(word); })) {
            found.push_back(std::move(listed));
        }
    }
    return found;
}

} // namespace balcony::questions
