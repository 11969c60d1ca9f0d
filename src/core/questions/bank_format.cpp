#include "questions/bank_format.h"

#include "interchange/csv_table.h"
#include "interchange/schedule_export.h"
#include "interchange/text_encoding.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <map>

namespace balcony::questions {
namespace {

using interchange::fileProblem;

constexpr int formatVersion = 1;

QByteArray withoutBom(const QByteArray& bytes) {
    return bytes.startsWith(interchange::utf8ByteOrderMark)
               ? bytes.mid(qsizetype(sizeof interchange::utf8ByteOrderMark) - 1)
               : bytes;
}

int lineAt(const QByteArray& bytes, qsizetype offset) {
    return static_cast<int>(bytes.left(offset).count('\n')) + 1;
}

// The checks every bank file passes before its format is read: text, UTF-8, not empty.
bool readableText(const QByteArray& content, const QString& what, Problems& problems) {
    if (content.startsWith("\xFF\xFE") || content.startsWith("\xFE\xFF")) {
        problems.push_back(fileProblem(1, QStringLiteral("the file is UTF-16 text, but Balcony reads %1 in "
                                                         "UTF-8 only: save it again with the encoding "
                                                         "UTF-8, then import the new file.")
                                              .arg(what)));
        return false;
    }
    if (auto line = interchange::firstNonUtf8Line(content)) {
        const QString guess = interchange::looksLikeWindows1252(content)
                                  ? QStringLiteral(" (it looks like Windows-1252, the encoding of older "
                                                   "Windows programs)")
                                  : QString();
        problems.push_back(fileProblem(*line, QStringLiteral("this line is not UTF-8 text%1; Balcony reads "
                                                             "%2 in UTF-8 only: save the file again with the "
                                                             "encoding UTF-8, then import the new file.")
                                                  .arg(guess, what)));
        return false;
    }
    if (const qsizetype nul = content.indexOf('\0'); nul >= 0) {
        problems.push_back(fileProblem(lineAt(content, nul),
                                       QStringLiteral("this line holds a NUL byte: the file is not text "
                                                      "(or is UTF-16 without its mark). Save it as UTF-8 "
                                                      "text and import the new file.")));
        return false;
    }
    if (content.trimmed().isEmpty()) {
        problems.push_back(fileProblem(1, QStringLiteral("the file is empty: a question bank needs themes "
                                                         "with questions, balcony questions and plenary "
                                                         "questions (see docs/question-bank.md).")));
        return false;
    }
    return true;
}

// The line of the first string that a line end interrupts. JSON forbids raw control characters in
// strings (RFC 8259, section 7), but QJsonDocument accepts them, and then reports a missing closing
// quote lines later, wherever the next quote happens to be.
std::optional<int> unclosedStringLine(const QByteArray& content) {
    bool inString = false;
    int line = 1;
    int stringLine = 1;
    for (qsizetype i = 0; i < content.size(); ++i) {
        const char c = content.at(i);
        if (inString && c == '\\') {
            ++i;
        } else if (c == '"') {
            inString = !inString;
            stringLine = line;
        } else if (c == '\n') {
            if (inString) {
                return stringLine;
            }
            ++line;
        }
    }
    return std::nullopt;
}

// What a parse error means, in words for someone editing the file by hand.
QString parseErrorAdvice(const QJsonParseError& error) {
    switch (error.error) {
    case QJsonParseError::MissingValueSeparator:
        return QStringLiteral("a comma is missing after the item that ends here");
    case QJsonParseError::MissingNameSeparator:
        return QStringLiteral("a colon is missing after the field name that ends here");
    case QJsonParseError::UnterminatedObject:
    case QJsonParseError::UnterminatedArray:
        return QStringLiteral("a comma is missing after the item that ends here, or a list or object is "
                              "not closed (a missing ] or }), or a text lacks its quotes");
    case QJsonParseError::IllegalValue:
        return QStringLiteral("this is not a value: write text in double quotes, true and false in lower "
                              "case, and no comma after the last item of a list");
    default:
        return QStringLiteral("%1 here; look for a missing comma or quote").arg(error.errorString());
    }
}

// The line an editor should show for a parse error. QJsonDocument's offset lies after the token it
// could not use; for a missing comma or colon the mistake is at the end of the element before, which
// may be lines earlier.
int parseErrorLine(const QByteArray& content, const QJsonParseError& error) {
    qsizetype at = std::min<qsizetype>(error.offset, content.size());
    const bool separatorMissing = error.error == QJsonParseError::MissingValueSeparator ||
                                  error.error == QJsonParseError::MissingNameSeparator;
    // Qt reports a missing comma between an object's fields as an object not closed.
    const bool cutShort = (error.error == QJsonParseError::UnterminatedObject ||
                           error.error == QJsonParseError::UnterminatedArray) &&
                          at < content.size();
    if (separatorMissing || cutShort) {
        const auto isSpace = [&](qsizetype i) { return QByteArrayView(" \t\r\n").contains(content.at(i)); };
        while (at > 0 && isSpace(at - 1)) {
            --at;
        }
        if (at > 0) {
            --at; // the token read in place of the separator
        }
        while (at > 0 && isSpace(at - 1)) {
            --at;
        }
    }
    return lineAt(content, at);
}

// Where each element of a JSON document starts, by its path ("themes[2].questions[0].rating"), for
// messages that name a line as an editor shows it. QJsonDocument keeps no positions, so this walks
// the bytes of a document that QJsonDocument has already accepted.
class JsonLines {
public:
    explicit JsonLines(const QByteArray& bytes)
        : m_bytes(bytes) {
        value(QString());
    }

    // The line of `path`, or of the nearest enclosing element present (a missing field is reported
    // at the object that lacks it).
    int lineOf(QString path) const {
        while (true) {
            if (auto found = m_lines.find(path); found != m_lines.end()) {
                return found->second;
            }
            if (path.isEmpty()) {
                return 1;
            }
            const qsizetype cut = std::max(path.lastIndexOf(u'.'), path.lastIndexOf(u'['));
            path = cut < 0 ? QString() : path.left(cut);
        }
    }

private:
    bool atEnd() const { return m_at >= m_bytes.size(); }
    char peek() const { return atEnd() ? '\0' : m_bytes.at(m_at); }

    void space() {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\r' || peek() == '\n')) {
            if (peek() == '\n') {
                ++m_line;
            }
            ++m_at;
        }
    }

    QString string() {
        const qsizetype start = m_at;
        ++m_at; // the opening quote
        while (!atEnd() && peek() != '"') {
            m_at += peek() == '\\' ? 2 : 1;
        }
        ++m_at; // the closing quote
        // Let Qt undo the escapes of this one string.
        const QByteArray quoted = '[' + m_bytes.mid(start, m_at - start) + ']';
        return QJsonDocument::fromJson(quoted).array().at(0).toString();
    }

    void value(const QString& path) {
        space();
        if (atEnd()) {
            return;
        }
        m_lines.emplace(path, m_line);
        const char c = peek();
        if (c == '{' || c == '[') {
            const bool object = c == '{';
            const char close = object ? '}' : ']';
            ++m_at;
            for (int index = 0;; ++index) {
                space();
                if (atEnd() || peek() == close) {
                    ++m_at;
                    return;
                }
                QString child;
                if (object) {
                    const QString key = string();
                    space();
                    ++m_at; // the colon
                    child = path.isEmpty() ? key : path + u'.' + key;
                } else {
                    child = path + QStringLiteral("[%1]").arg(index);
                }
                value(child);
                space();
                if (peek() == ',') {
                    ++m_at;
                }
            }
        }
        if (c == '"') {
            string();
            return;
        }
        while (!atEnd() && !QByteArrayView(",]} \t\r\n").contains(peek())) {
            ++m_at;
        }
    }

    const QByteArray& m_bytes;
    qsizetype m_at = 0;
    int m_line = 1;
    std::map<QString, int> m_lines;
};

QString describe(const QJsonValue& value) {
    switch (value.type()) {
    case QJsonValue::Undefined:
        return QStringLiteral("nothing");
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::String:
        return QStringLiteral("\"%1\"").arg(value.toString());
    case QJsonValue::Double:
        return QString::number(value.toDouble());
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return value.isArray() ? QStringLiteral("a list") : QStringLiteral("an object");
    }
}

// Collects every problem of a JSON bank, each with its path and line.
class JsonChecker {
public:
    JsonChecker(const JsonLines& lines, Problems& problems)
        : m_lines(lines)
        , m_problems(problems) {}

    void add(const QString& path, const QString& problem) {
        m_problems.push_back(fileProblem(m_lines.lineOf(path), path + QStringLiteral(": ") + problem));
    }
    int lineOf(const QString& path) const { return m_lines.lineOf(path); }

    void unknownFields(const QJsonObject& object, const QString& path, const QStringList& known,
                       const QString& what) {
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!known.contains(it.key())) {
                const QString field = path.isEmpty() ? it.key() : path + u'.' + it.key();
                add(field, QStringLiteral("is not a field of %1 (a typing mistake?); the fields are %2.")
                               .arg(what, known.join(QStringLiteral(", "))));
            }
        }
    }

private:
    const JsonLines& m_lines;
    Problems& m_problems;
};

// Questions of one theme or section, keyed by their folded words, so that a copied question is caught.
using SeenQuestions = std::map<QString, int>;

std::optional<Question> jsonQuestion(const QJsonValue& value, const QString& path, SeenQuestions& seen,
                                     JsonChecker& checker) {
    Question question;
    QJsonValue text = value;
    QString textPath = path;
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        checker.unknownFields(o, path, {QStringLiteral("text"), QStringLiteral("rating")},
                              QStringLiteral("a question"));
        const QJsonValue rating = o.value(QLatin1String("rating"));
        if (rating.isBool()) {
            question.rating = rating.toBool();
        } else if (!rating.isUndefined()) {
            checker.add(path + QStringLiteral(".rating"),
                        QStringLiteral("must be true (the question asks for a number from 0 to 10) or "
                                       "false, without quotes (got %1).")
                            .arg(describe(rating)));
            return std::nullopt;
        }
        text = o.value(QLatin1String("text"));
        textPath = path + QStringLiteral(".text");
        if (text.isUndefined()) {
            checker.add(path, QStringLiteral("a question needs its \"text\"."));
            return std::nullopt;
        }
        if (!text.isString()) {
            checker.add(
                textPath,
                QStringLiteral("must be the question's wording, in quotes (got %1).").arg(describe(text)));
            return std::nullopt;
        }
    } else if (!value.isString()) {
        checker.add(path, QStringLiteral("must be a question: its wording in quotes, or an object with "
                                         "\"text\" and \"rating\" (got %1).")
                              .arg(describe(value)));
        return std::nullopt;
    }
    question.text = text.toString().trimmed();
    if (question.text.isEmpty()) {
        checker.add(textPath, QStringLiteral("the question is empty: write its wording, or remove it."));
        return std::nullopt;
    }
    const QString key = themeKey(question.text);
    if (auto earlier = seen.find(key); earlier != seen.end()) {
        checker.add(textPath, QStringLiteral("the same question is already on line %1: remove one of them.")
                                  .arg(earlier->second));
        return std::nullopt;
    }
    seen.emplace(key, checker.lineOf(textPath));
    return question;
}

std::vector<Question> jsonQuestions(const QJsonValue& value, const QString& path, const QString& what,
                                    JsonChecker& checker) {
    std::vector<Question> questions;
    if (!value.isArray() || value.toArray().isEmpty()) {
        checker.add(path,
                    QStringLiteral("must be a list of %1, at least one (got %2).")
                        .arg(what, value.isArray() ? QStringLiteral("an empty list") : describe(value)));
        return questions;
    }
    SeenQuestions seen;
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (auto q = jsonQuestion(array.at(i), path + QStringLiteral("[%1]").arg(i), seen, checker)) {
            questions.push_back(*q);
        }
    }
    return questions;
}

void jsonThemes(const QJsonValue& value, QuestionBank& bank, JsonChecker& checker) {
    const QString path = QStringLiteral("themes");
    if (!value.isArray() || value.toArray().isEmpty()) {
        checker.add(path, QStringLiteral("must be a list of themes, each {\"theme\": ..., \"questions\": "
                                         "[...]}, at least one (got %1).")
                              .arg(value.isArray() ? QStringLiteral("an empty list") : describe(value)));
        return;
    }
    std::map<QString, std::pair<QString, int>> seen; // themeKey -> title as written, line
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString at = path + QStringLiteral("[%1]").arg(i);
        if (!array.at(i).isObject()) {
            checker.add(at, QStringLiteral("must be a theme: an object with \"theme\" and \"questions\" "
                                           "(got %1).")
                                .arg(describe(array.at(i))));
            continue;
        }
        const QJsonObject o = array.at(i).toObject();
        checker.unknownFields(o, at, {QStringLiteral("theme"), QStringLiteral("questions")},
                              QStringLiteral("a theme"));
        Theme theme;
        const QJsonValue title = o.value(QLatin1String("theme"));
        if (!title.isString() || title.toString().trimmed().isEmpty()) {
            checker.add(
                at + QStringLiteral(".theme"),
                QStringLiteral("each theme needs its name, e.g. \"Budget\" (got %1).").arg(describe(title)));
        } else {
            theme.title = title.toString().trimmed();
            const QString key = themeKey(theme.title);
            if (auto earlier = seen.find(key); earlier != seen.end()) {
                checker.add(
                    at + QStringLiteral(".theme"),
                    QStringLiteral("\"%1\" is the same theme as \"%2\" on line %3: each theme appears "
                                   "once, with all its questions.")
                        .arg(theme.title, earlier->second.first)
                        .arg(earlier->second.second));
            } else {
                seen.emplace(key, std::pair{theme.title, checker.lineOf(at + QStringLiteral(".theme"))});
            }
        }
        theme.questions =
            jsonQuestions(o.value(QLatin1String("questions")), at + QStringLiteral(".questions"),
                          QStringLiteral("questions"), checker);
        bank.themes.push_back(std::move(theme));
    }
}

// Hand-written so that the fields come in the order a person reads them (QJsonObject sorts them).
QByteArray jsonString(const QString& text) {
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

QByteArray jsonQuestion(const Question& q, const QByteArray& indent) {
    if (!q.rating) {
        return indent + jsonString(q.text);
    }
    return indent + "{\n" + indent + "  \"text\": " + jsonString(q.text) + ",\n" + indent +
           "  \"rating\": true\n" + indent + '}';
}

QByteArray jsonQuestionList(const std::vector<Question>& questions, const QByteArray& indent) {
    QByteArray out = "[\n";
    for (std::size_t i = 0; i < questions.size(); ++i) {
        out += jsonQuestion(questions[i], indent + "  ") + (i + 1 < questions.size() ? ",\n" : "\n");
    }
    return out + indent + ']';
}

QString rowWhat(const interchange::CsvRow& row) {
    const QString text = row.value(QStringLiteral("question"));
    return text.size() > 60 ? text.left(57) + QStringLiteral("...") : text;
}

} // namespace

std::optional<BankFormat> formatFromFileName(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("json")) {
        return BankFormat::Json;
    }
    if (suffix == QLatin1String("csv")) {
        return BankFormat::Csv;
    }
    return std::nullopt;
}

BankFormat formatFromContent(const QByteArray& bytes) {
    const QByteArray content = withoutBom(bytes).trimmed();
    return content.startsWith('{') ? BankFormat::Json : BankFormat::Csv;
}

BankFormat formatOf(const QString& path, const QByteArray& bytes) {
    return formatFromFileName(path).value_or(formatFromContent(bytes));
}

BankReading parseBankJson(const QByteArray& bytes) {
    BankReading reading;
    const QByteArray content = withoutBom(bytes);
    if (!readableText(content, QStringLiteral("question banks"), reading.problems)) {
        return reading;
    }
    if (auto line = unclosedStringLine(content)) {
        reading.problems.push_back(fileProblem(
            *line,
            QStringLiteral("the file is not valid JSON: a text in quotes starts on this line but is not "
                           "closed before the line ends. Add the missing closing quote (\").")));
        return reading;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(content, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        reading.problems.push_back(
            fileProblem(parseErrorLine(content, parseError),
                        QStringLiteral("the file is not valid JSON: %1 (see docs/question-bank.md).")
                            .arg(parseErrorAdvice(parseError))));
        return reading;
    }
    if (!doc.isObject()) {
        reading.problems.push_back(
            fileProblem(1, QStringLiteral("a question bank is a JSON object, "
                                          "{\"balcony_questions\": 1, \"themes\": "
                                          "[...], ...} (see docs/question-bank.md).")));
        return reading;
    }
    const JsonLines lines(content);
    JsonChecker checker(lines, reading.problems);
    const QJsonObject root = doc.object();
    if (auto unusual = interchange::unusualJsonText(root)) {
        checker.add(unusual->path, unusual->problem);
        return reading;
    }
    if (auto twice = interchange::firstDuplicateJsonKey(content)) {
        reading.problems.push_back(fileProblem(
            twice->line, QStringLiteral("\"%1\" is written twice in the same object: keep one of the two.")
                             .arg(twice->key)));
        return reading;
    }
    checker.unknownFields(root, QString(),
                          {QStringLiteral("balcony_questions"), QStringLiteral("name"),
                           QStringLiteral("themes"), QStringLiteral("balcony"), QStringLiteral("plenary")},
                          QStringLiteral("a question bank"));
    const QJsonValue version = root.value(QLatin1String("balcony_questions"));
    if (!version.isDouble() || version.toDouble() != formatVersion) {
        checker.add(QStringLiteral("balcony_questions"),
                    QStringLiteral("must be %1, the version of the format (got %2).")
                        .arg(formatVersion)
                        .arg(describe(version)));
    }
    const QJsonValue name = root.value(QLatin1String("name"));
    if (!name.isUndefined() && !name.isString()) {
        checker.add(QStringLiteral("name"),
                    QStringLiteral("must be the bank's name, in quotes (got %1).").arg(describe(name)));
    }
    reading.bank.name = name.toString().trimmed();
    jsonThemes(root.value(QLatin1String("themes")), reading.bank, checker);
    reading.bank.balcony = jsonQuestions(root.value(QLatin1String("balcony")), QStringLiteral("balcony"),
                                         QStringLiteral("reflection questions for the balcony"), checker);
    reading.bank.plenary = jsonQuestions(root.value(QLatin1String("plenary")), QStringLiteral("plenary"),
                                         QStringLiteral("questions for the plenary"), checker);
    return reading;
}

BankReading parseBankCsv(const QByteArray& bytes) {
    BankReading reading;
    const QStringList columns{QStringLiteral("kind"), QStringLiteral("theme"), QStringLiteral("question"),
                              QStringLiteral("rating")};
    const interchange::CsvTable table =
        interchange::readCsvTable(bytes, {columns, columns}, reading.problems);
    if (!reading.ok()) {
        return reading;
    }
    std::map<QString, std::pair<int, int>> themes;            // themeKey -> index in bank.themes, first line
    std::map<std::pair<QString, QString>, int> seenQuestions; // (section/theme key, question key) -> line
    int lastLine = 1;
    for (const auto& row : table.rows) {
        lastLine = row.line;
        const auto add = [&](const QString& message) {
            reading.problems.push_back(fileProblem(row.line, message));
        };
        const QString kindCell = row.value(QStringLiteral("kind"));
        const auto section = sectionFromKey(kindCell.toLower());
        if (!section) {
            add(kindCell.isEmpty()
                    ? QStringLiteral("the kind is empty: write theme, balcony or plenary.")
                    : QStringLiteral("unknown kind \"%1\": write theme (a question for the questioning "
                                     "stage), balcony (a reflection for the insights stage) or plenary.")
                          .arg(kindCell));
            continue;
        }
        Question question;
        question.text = row.value(QStringLiteral("question"));
        const QString rating = row.value(QStringLiteral("rating")).toLower();
        bool ok = true;
        if (question.text.isEmpty()) {
            add(QStringLiteral("the question is empty: write its wording, or delete the row."));
            ok = false;
        }
        if (rating == QLatin1String("yes")) {
            question.rating = true;
        } else if (!rating.isEmpty() && rating != QLatin1String("no")) {
            add(QStringLiteral("the rating \"%1\" is not yes or no: write yes when the question asks for "
                               "a number from 0 to 10, no (or nothing) otherwise.")
                    .arg(row.value(QStringLiteral("rating"))));
            ok = false;
        }
        const QString title = row.value(QStringLiteral("theme"));
        if (*section == Section::Theme && title.isEmpty()) {
            add(QStringLiteral("the question \"%1\" has no theme: write the theme it belongs to (e.g. "
                               "Budget) in the theme column.")
                    .arg(rowWhat(row)));
            ok = false;
        } else if (*section != Section::Theme && !title.isEmpty()) {
            add(QStringLiteral("a %1 question belongs to no theme, but this row gives \"%2\": leave the "
                               "theme empty, or make the kind theme.")
                    .arg(toKey(*section), title));
            ok = false;
        }
        const QString key = themeKey(title);
        std::optional<std::size_t> themeIndex;
        if (*section == Section::Theme && !title.isEmpty()) {
            if (auto found = themes.find(key); found != themes.end()) {
                const Theme& earlier = reading.bank.themes[std::size_t(found->second.first)];
                if (earlier.title != title) {
                    add(QStringLiteral(
                            "the theme \"%1\" is written \"%2\" on line %3: write a theme the same "
                            "way on every row, or give different themes different names.")
                            .arg(title, earlier.title)
                            .arg(found->second.second));
                    ok = false;
                }
                themeIndex = std::size_t(found->second.first);
            } else if (ok) {
                themes.emplace(key, std::pair{int(reading.bank.themes.size()), row.line});
                themeIndex = reading.bank.themes.size();
                reading.bank.themes.push_back({title, {}});
            }
        }
        if (!ok) {
            continue;
        }
        const auto where =
            std::pair{*section == Section::Theme ? QStringLiteral("theme:") + key : toKey(*section),
                      themeKey(question.text)};
        if (auto earlier = seenQuestions.find(where); earlier != seenQuestions.end()) {
            add(QStringLiteral("the same question is already on line %1: delete one of the rows.")
                    .arg(earlier->second));
            continue;
        }
        seenQuestions.emplace(where, row.line);
        switch (*section) {
        case Section::Theme:
            reading.bank.themes[*themeIndex].questions.push_back(question);
            break;
        case Section::Balcony:
            reading.bank.balcony.push_back(question);
            break;
        case Section::Plenary:
            reading.bank.plenary.push_back(question);
            break;
        }
    }
    if (!reading.ok()) {
        return reading;
    }
    const auto missing = [&](bool empty, const QString& kind, const QString& what) {
        if (empty) {
            reading.problems.push_back(fileProblem(
                lastLine,
                QStringLiteral("the file has no %1: add at least one row of kind %2.").arg(what, kind)));
        }
    };
    missing(reading.bank.themes.empty(), QStringLiteral("theme"), QStringLiteral("questions for a theme"));
    missing(reading.bank.balcony.empty(), QStringLiteral("balcony"),
            QStringLiteral("reflection questions for the balcony"));
    missing(reading.bank.plenary.empty(), QStringLiteral("plenary"), QStringLiteral("plenary questions"));
    return reading;
}

BankReading parseBank(const QByteArray& bytes, BankFormat format) {
    return format == BankFormat::Json ? parseBankJson(bytes) : parseBankCsv(bytes);
}

QByteArray bankJson(const QuestionBank& bank) {
    QByteArray out = "{\n  \"balcony_questions\": " + QByteArray::number(formatVersion) + ",\n";
    if (!bank.name.isEmpty()) {
        out += "  \"name\": " + jsonString(bank.name) + ",\n";
    }
    out += "  \"themes\": [\n";
    for (std::size_t i = 0; i < bank.themes.size(); ++i) {
        const Theme& theme = bank.themes[i];
        out += "    {\n      \"theme\": " + jsonString(theme.title) +
               ",\n      \"questions\": " + jsonQuestionList(theme.questions, "      ") + "\n    }" +
               (i + 1 < bank.themes.size() ? ",\n" : "\n");
    }
    out += "  ],\n  \"balcony\": " + jsonQuestionList(bank.balcony, "  ") + ",\n";
    out += "  \"plenary\": " + jsonQuestionList(bank.plenary, "  ") + "\n}\n";
    return out;
}

QByteArray bankCsv(const QuestionBank& bank) {
    using interchange::csvField;
    QByteArray out = QByteArray(interchange::utf8ByteOrderMark) + "kind,theme,question,rating\r\n";
    for (const auto& listed : listQuestions(bank)) {
        out += toKey(listed.section).toUtf8() + ',' + csvField(listed.theme) + ',' +
               csvField(listed.question.text) + ',' + (listed.question.rating ? "yes" : "no") + "\r\n";
    }
    return out;
}

} // namespace balcony::questions
