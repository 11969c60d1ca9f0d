#pragma once

#include "questions/question_bank.h"
#include "support/problem.h"

#include <QByteArray>
#include <QString>
#include <optional>

// Reading and writing a question bank as JSON or CSV (both formats: docs/question-bank.md).
namespace balcony::questions {

enum class BankFormat { Json, Csv };

// By the file's extension (.json, .csv, any case); nothing for any other name.
std::optional<BankFormat> formatFromFileName(const QString& path);
// By the content: JSON when the first character after a byte order mark and white space is "{",
// otherwise CSV. For files whose name does not say.
BankFormat formatFromContent(const QByteArray& bytes);
// The extension first, then the content.
BankFormat formatOf(const QString& path, const QByteArray& bytes);

// A file read and checked. `problems` lists every problem found, each with its 1-based line
// (formatProblem from interchange/csv_table.h prints them as FILE:LINE: message); `bank` is
// meaningful only when `problems` holds no error. Nothing here touches a database.
struct BankReading {
    QuestionBank bank;
    Problems problems;
    bool ok() const { return !hasErrors(problems); }
};

// JSON: UTF-8 (a byte order mark is allowed); refused when it is not UTF-8, is empty, does not
// parse (the line of the parse error), or breaks a rule of the format: each problem names the
// element's JSON path ("themes[3].questions[1].rating") and the line where that element starts.
BankReading parseBankJson(const QByteArray& bytes);

// CSV: read through interchange::readCsvTable (so UTF-8 with or without a byte order mark, comma,
// semicolon or tab, and the same refusals as the other CSV imports), with the columns kind, theme,
// question and rating, all required; each problem names the row's line.
BankReading parseBankCsv(const QByteArray& bytes);

BankReading parseBank(const QByteArray& bytes, BankFormat format);

// The bank in the JSON format, indented, UTF-8 without a byte order mark, "\n" line ends. A question
// without a rating is written as a plain string. parseBankJson(bankJson(b)).bank == b.
QByteArray bankJson(const QuestionBank& bank);

// The bank in the CSV format: a UTF-8 byte order mark (so that Excel reads accents right), the
// header kind,theme,question,rating, one row per question in the order of the day, CRLF line ends,
// quotes only where needed. parseBankCsv(bankCsv(b)).bank == b, except for the bank's name, which
// CSV has no place for.
QByteArray bankCsv(const QuestionBank& bank);

} // namespace balcony::questions
