#pragma once

#include "support/problem.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <map>
#include <vector>

// Reading RFC 4180 CSV with a header row into named columns, for the roster and schedule imports.
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

// Parses a whole file's bytes (UTF-8, with or without a byte order mark) in strict RFC 4180 mode.
// Header names are matched case-insensitively after trimming. Every problem found goes to
// `problems` as an error with its line: bad quoting, an unterminated quoted field, a row with the
// wrong number of fields, invalid UTF-8, unknown, duplicate or missing columns, an empty file and a
// header without rows. Rows whose cells are all empty are skipped (spreadsheets write them).
// The returned table holds the rows that could be read; it is meaningless when `problems` gained
// an error.
CsvTable readCsvTable(const QByteArray& bytes, const CsvColumns& columns, Problems& problems);

// "FILE:LINE: message" (or "FILE: message" for a problem without a line), as compilers print it,
// so that editors and terminals can jump to the line.
QString formatProblem(const QString& fileName, const Problem& problem);

// A problem about a line of an input file.
Problem fileProblem(int line, const QString& message);

} // namespace balcony::interchange
