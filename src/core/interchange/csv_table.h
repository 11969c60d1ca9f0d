#pragma once

#include "support/problem.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <map>
#include <vector>

// Reading RFC 4180 CSV with a header row into named columns, for the roster and schedule imports.
// Both importers read through here, so what is said below holds for both files.
namespace balcony::interchange {

// The columns a file format knows, by their canonical lower-case names, and which of them a file
// must have.
struct CsvColumns {
    QStringList known;
    QStringList required;
};

struct CsvRow {
    int line = 0;                      // 1-based physical line where the record starts
    std::map<QString, QString> values; // canonical column name -> cell; absent columns are not here

    // The cell of a column, trimmed; empty when the file has no such column.
    QString value(const QString& column) const; // never null
};

struct CsvTable {
    QStringList columns; // canonical names, in the file's order
    std::vector<CsvRow> rows;
};

// Parses a whole file's bytes in strict RFC 4180 mode, as spreadsheets write them
// (docs/csv-formats.md, "Files from spreadsheets"):
// - UTF-8, with or without a byte order mark. Other encodings are refused as a whole, at the first
//   line that is not UTF-8, saying what the file seems to be (Windows-1252 from Excel's plain "CSV",
//   UTF-16 from "Unicode Text") and how to save it as UTF-8.
// - The separator is a comma, a semicolon or a tab, decided from the header line (the one that gives
//   known column names); a header two separators read equally well is refused, naming both.
//   A first line "sep=X" (Excel's) names the separator instead and is not a row; line numbers stay
//   the file's physical lines.
// - Header names are matched ignoring case, the spaces around them and how their words are joined
//   ("DCS Email" = "dcs-email" = "dcs_email"). A column without a name is ignored when it is empty
//   in every row (an error on the first line where it holds something); rows made only of
//   separators and spaces are blank rows, skipped, above the header too.
// Every problem found goes to `problems` with its line: errors for bad quoting, an unterminated
// quoted field, a row with the wrong number of fields, an encoding that is not UTF-8, unknown,
// duplicate or missing columns, an empty file and a header without rows, more than 10 000 rows, a
// cell longer than 10 000 characters, a cell holding a control character (other than tab and line breaks);
// warnings (the table is still good) for cells that look double-encoded, UTF-8 read as Windows-1252 and saved
// again
// ("ZoÃ«" for "Zoë"), each naming the line, the column and the probable text.
// The returned table holds the rows that could be read; it is meaningless when `problems` gained
// an error.
CsvTable readCsvTable(const QByteArray& bytes, const CsvColumns& columns, Problems& problems);

// "FILE:LINE: message" (or "FILE: message" for a problem without a line), as compilers print it,
// so that editors and terminals can jump to the line.
QString formatProblem(const QString& fileName, const Problem& problem);

// A problem about a line of an input file.
Problem fileProblem(int line, const QString& message);

} // namespace balcony::interchange
