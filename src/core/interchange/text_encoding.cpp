#include "interchange/text_encoding.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QStringDecoder>
#include <algorithm>
#include <array>
#include <set>
#include <vector>

namespace balcony::interchange {
namespace {

// Windows-1252 bytes 0x80 to 0x9F (the rest of the code page is Latin-1). Zero marks the five
// undefined bytes. Source: the Unicode Consortium's mapping file for CP1252.
constexpr std::array<char16_t, 32> cp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// The Windows-1252 (or Latin-1) byte that shows as `c`, if any.
std::optional<unsigned char> windows1252Byte(QChar c) {
    const char16_t u = c.unicode();
    if (u < 0x80 || (u >= 0xA0 && u <= 0xFF)) {
        return static_cast<unsigned char>(u);
    }
    for (std::size_t i = 0; i < cp1252High.size(); ++i) {
        if (cp1252High[i] == u || (cp1252High[i] == 0 && u == 0x80 + i)) {
            return static_cast<unsigned char>(0x80 + i);
        }
    }
    return std::nullopt;
}

// Letters of Latin scripts and the punctuation and symbols names and addresses use: what a double
// encoding of English, Welsh, Irish and European names gives back.
bool isLatinOrPunctuation(char32_t u) {
    return (u >= 0x00A0 && u <= 0x024F) || (u >= 0x0300 && u <= 0x036F) || (u >= 0x1E00 && u <= 0x1EFF) ||
           (u >= 0x2000 && u <= 0x206F) || (u >= 0x20A0 && u <= 0x20CF) || (u >= 0x2100 && u <= 0x214F);
}

struct Repair {
    QString text;
    int characters = 0; // how many characters were put back together
    bool allLatin = true;
};

// The five bytes Windows-1252 leaves undefined. A converter that replaced them with U+FFFD (as
// Python's does) lost which one it was.
constexpr unsigned char undefinedBytes[] = {0x81, 0x8D, 0x8F, 0x90, 0x9D};

// Characters a lost byte most probably stood for, most likely first: the closing double quote
// (E2 80 9D), Polish Ł (C5 81), then Latin-1 capitals.
constexpr char32_t likelyLost[] = {0x201D, 0x0141, 0x00C1, 0x00CD, 0x00DD, 0x00CF, 0x0150, 0x00D0};

// The character the UTF-8 bytes encode, if they are exactly one valid character.
std::optional<char32_t> oneCharacter(const QByteArray& bytes) {
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder.decode(bytes);
    const auto ucs4 = decoded.toUcs4();
    if (decoder.hasError() || ucs4.size() != 1) {
        return std::nullopt;
    }
    return char32_t(ucs4.front());
}

// The character a lead and the continuations after it stood for, when their Windows-1252 bytes
// form one UTF-8 character; a lost byte (U+FFFD) is guessed among the undefined ones.
std::optional<char32_t> sequenceAt(const QString& text, qsizetype i, int length) {
    const auto lead = windows1252Byte(text.at(i));
    std::vector<QByteArray> candidates{QByteArray(1, char(*lead))};
    for (int k = 1; k < length; ++k) {
        const QChar c = text.at(i + k);
        std::vector<QByteArray> longer;
        for (const auto& start : candidates) {
            if (c == QChar::ReplacementCharacter) {
                for (const unsigned char b : undefinedBytes) {
                    longer.push_back(start + char(b));
                }
            } else if (const auto next = windows1252Byte(c); next && *next >= 0x80 && *next <= 0xBF) {
                longer.push_back(start + char(*next));
            }
        }
        candidates = std::move(longer);
    }
    std::optional<char32_t> found;
    for (const auto& bytes : candidates) {
        const auto c = oneCharacter(bytes);
        if (!c) {
            continue;
        }
        if (!found || std::find(std::begin(likelyLost), std::end(likelyLost), *c) <
                          std::find(std::begin(likelyLost), std::end(likelyLost), *found)) {
            found = c;
        }
    }
    return found;
}

// One round: each run "lead, continuation..." whose Windows-1252 bytes form one valid UTF-8
// character is replaced by that character.
Repair repairOnce(const QString& text) {
    Repair out;
    qsizetype i = 0;
    while (i < text.size()) {
        const auto lead = windows1252Byte(text.at(i));
        const int length = !lead || *lead < 0xC2 || *lead > 0xF4 ? 0
                           : *lead < 0xE0                        ? 2
                           : *lead < 0xF0                        ? 3
                                                                 : 4;
        if (length > 0 && i + length <= text.size()) {
            if (const auto c = sequenceAt(text, i, length)) {
                out.text += QString::fromUcs4(&*c, 1);
                ++out.characters;
                out.allLatin = out.allLatin && isLatinOrPunctuation(*c);
                i += length;
                continue;
            }
        }
        out.text += text.at(i);
        ++i;
    }
    return out;
}

} // namespace

std::optional<int> firstNonUtf8Line(const QByteArray& bytes) {
    // A UTF-8 sequence never holds the byte '\n', so each line can be checked on its own.
    int line = 1;
    qsizetype start = 0;
    while (start <= bytes.size()) {
        qsizetype end = bytes.indexOf('\n', start);
        if (end < 0) {
            end = bytes.size();
        }
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        // decode() is lazy: only the conversion to QString runs the decoder.
        const QString text = decoder.decode(QByteArrayView(bytes).sliced(start, end - start));
        if (decoder.hasError()) {
            return line;
        }
        start = end + 1;
        ++line;
    }
    return std::nullopt;
}

QString fromWindows1252(const QByteArray& bytes) {
    QString text;
    text.reserve(bytes.size());
    for (const char byte : bytes) {
        const auto b = static_cast<unsigned char>(byte);
        if (b >= 0x80 && b <= 0x9F && cp1252High[b - 0x80] != 0) {
            text += QChar(cp1252High[b - 0x80]);
        } else {
            text += QChar(char16_t(b));
        }
    }
    return text;
}

bool looksLikeWindows1252(const QByteArray& bytes) {
    for (const char byte : bytes) {
        const auto b = static_cast<unsigned char>(byte);
        const bool control = b < 0x20 && b != '\t' && b != '\r' && b != '\n';
        if (control || (b >= 0x80 && b <= 0x9F && cp1252High[b - 0x80] == 0)) {
            return false;
        }
    }
    return true;
}

std::optional<QString> undoDoubleEncoding(const QString& text) {
    QString current = text;
    int characters = 0;
    bool allLatin = true;
    for (int round = 0; round < 3; ++round) {
        Repair repair = repairOnce(current);
        if (repair.characters == 0) {
            break;
        }
        characters += repair.characters;
        allLatin = allLatin && repair.allLatin;
        current = std::move(repair.text);
    }
    if (characters == 0 || (!allLatin && characters < 2)) {
        return std::nullopt;
    }
    return current;
}

namespace {

std::optional<QString> unusualText(const QString& text, qsizetype maxLength) {
    if (text.size() > maxLength) {
        return QStringLiteral("this text is %1 characters long; Balcony takes at most %2 here. Shorten it.")
            .arg(text.size())
            .arg(maxLength);
    }
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r') || u == 0x7F) {
            return QStringLiteral("this text holds an invisible control character (U+%1): delete it.")
                .arg(int(u), 4, 16, QLatin1Char('0'));
        }
    }
    return std::nullopt;
}

} // namespace

std::optional<DuplicateJsonKey> firstDuplicateJsonKey(const QByteArray& json) {
    // One entry per open object or array; an array's set stays empty.
    std::vector<std::pair<bool, std::set<QByteArray>>> scopes;
    int line = 1;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (c == '\n') {
            ++line;
        } else if (c == '{' || c == '[') {
            scopes.emplace_back(c == '{', std::set<QByteArray>{});
        } else if ((c == '}' || c == ']') && !scopes.empty()) {
            scopes.pop_back();
        } else if (c == '"') {
            const qsizetype start = i + 1;
            for (++i; i < json.size() && json[i] != '"'; ++i) {
                if (json[i] == '\\') {
                    ++i;
                }
            }
            const QByteArray text = json.mid(start, i - start);
            qsizetype next = i + 1;
            while (next < json.size() &&
                   (json[next] == ' ' || json[next] == '\t' || json[next] == '\r' || json[next] == '\n')) {
                ++next;
            }
            if (next < json.size() && json[next] == ':' && !scopes.empty() && scopes.back().first &&
                !scopes.back().second.insert(text).second) {
                return DuplicateJsonKey{line, QString::fromUtf8(text)};
            }
        }
    }
    return std::nullopt;
}

std::optional<JsonTextProblem> unusualJsonText(const QJsonValue& value, qsizetype maxLength,
                                               const QString& path) {
    if (value.isString()) {
        if (auto problem = unusualText(value.toString(), maxLength)) {
            return JsonTextProblem{path, *problem};
        }
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (auto found = unusualJsonText(array.at(i), maxLength, path + QStringLiteral("[%1]").arg(i))) {
                return found;
            }
        }
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString at = path.isEmpty() ? it.key() : path + u'.' + it.key();
            if (auto problem = unusualText(it.key(), 200)) {
                return JsonTextProblem{at, *problem};
            }
            if (auto found = unusualJsonText(it.value(), maxLength, at)) {
                return found;
            }
        }
    }
    return std::nullopt;
}

} // namespace balcony::interchange
