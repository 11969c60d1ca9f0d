#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>
#include <optional>

// Telling what a spreadsheet did to the text of a CSV file. Excel for Windows reads a UTF-8 file
// that has no byte order mark as Windows-1252, and writes plain "CSV" in Windows-1252; these
// functions recognise both so that the import can say so instead of storing garbled names.
namespace balcony::interchange {

// The bytes Balcony writes first in every CSV export, so that Excel reads the file as UTF-8.
inline constexpr char utf8ByteOrderMark[] = "\xEF\xBB\xBF";

// Where `bytes` stops being valid UTF-8: the 1-based line (counting '\n') of the first invalid
// sequence, or nothing when all of it is valid.
std::optional<int> firstNonUtf8Line(const QByteArray& bytes);

// `bytes` read as Windows-1252 (code page 1252, the encoding of Excel's plain "CSV" on Windows).
// The five bytes that code page leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) become the C1
// control with the same number, as Windows itself does.
QString fromWindows1252(const QByteArray& bytes);

// True when every byte of `bytes` is defined in Windows-1252 and the text reads as words, not
// binary (no NUL and no other control characters but tab and line ends).
bool looksLikeWindows1252(const QByteArray& bytes);

// When `text` looks like UTF-8 that was read as Windows-1252 (or Latin-1) and saved again as UTF-8
// ("ZoÃ« Example", "Oâ€™Brien", "Â£"), the text it most probably was ("Zoë Example"); undoes
// up to three such round trips. A byte the round trip lost (shown as U+FFFD by converters that do
// not keep Windows-1252's five undefined bytes) is guessed, "Å\uFFFDukasz" giving "Łukasz".
// Nothing when the text shows no such sign. Genuine names are left
// alone: a repair must give a Latin letter or punctuation, unless the text holds two or more
// repaired characters (mojibake of other scripts comes in runs).
std::optional<QString> undoDoubleEncoding(const QString& text);

// The first text (a key or a value) in a parsed JSON file that no file written by hand holds: one
// longer than `maxLength` characters, or one with a control character other than tab and line
// breaks (written as \u0007 and the like, which JSON allows). `path` is where it is, in the
// importers' form ("themes[1].questions[0]"); `problem` says what is wrong and what to do.
struct JsonTextProblem {
    QString path;
    QString problem;
};
// The first key written twice in one object of a JSON text that parsed (QJsonDocument keeps the
// last silently, so a second "session" would replace the first unseen): the 1-based line of the
// second one, and the key as written. RFC 8259, section 4: names "SHOULD be unique".
struct DuplicateJsonKey {
    int line = 0;
    QString key;
};
std::optional<DuplicateJsonKey> firstDuplicateJsonKey(const QByteArray& json);

std::optional<JsonTextProblem> unusualJsonText(const QJsonValue& value, qsizetype maxLength = 10000,
                                               const QString& path = QString());

} // namespace balcony::interchange
