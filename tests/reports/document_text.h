#pragma once

#include <QString>

namespace balcony::test {

// The text a reader of the file sees, with every run of white space made one space, read back with
// the tools a reader has: pdftotext for a PDF, content.xml unzipped for an ODT, Qt's HTML parser for
// HTML (chosen by the file's extension). Empty when the file cannot be read; the helpers REQUIRE
// that the tool ran.
QString documentText(const QString& path);

// Every run of white space made one space, trimmed.
QString flattened(const QString& text);

// The file's permission bits (st_mode & 0777).
unsigned permissionBits(const QString& path);

} // namespace balcony::test
