#pragma once

#include "interchange/csv_table.h"
#include "questions/bank_format.h"

#include <QString>
#include <QStringList>
#include <catch2/catch.hpp>

namespace balcony::test {

// The problems as balcony-cli prints them for a file named `file`, one a line.
inline QStringList printed(const Problems& problems, const QString& file) {
    QStringList lines;
    for (const auto& p : problems) {
        lines << interchange::formatProblem(file, p);
    }
    return lines;
}

// A small valid bank in JSON, one element a line, so that tests can name lines.
inline QByteArray smallBankJson() {
    return "{\n"                                                // 1
           "  \"balcony_questions\": 1,\n"                      // 2
           "  \"name\": \"Small\",\n"                           // 3
           "  \"themes\": [\n"                                  // 4
           "    {\n"                                            // 5
           "      \"theme\": \"Budget\",\n"                     // 6
           "      \"questions\": [\n"                           // 7
           "        \"Where does the budget stand?\",\n"        // 8
           "        {\n"                                        // 9
           "          \"text\": \"From 0 to 10, how sure?\",\n" // 10
           "          \"rating\": true\n"                       // 11
           "        }\n"                                        // 12
           "      ]\n"                                          // 13
           "    },\n"                                           // 14
           "    {\n"                                            // 15
           "      \"theme\": \"Workforce\",\n"                  // 16
           "      \"questions\": [\"Why do people leave?\"]\n"  // 17
           "    }\n"                                            // 18
           "  ],\n"                                             // 19
           "  \"balcony\": [\"What is taken for granted?\"],\n" // 20
           "  \"plenary\": [\"What will you take home?\"]\n"    // 21
           "}\n";                                               // 22
}

inline QByteArray replaced(QByteArray bytes, const QByteArray& from, const QByteArray& to) {
    REQUIRE(bytes.contains(from));
    return bytes.replace(from, to);
}

// `bytes` with the first `from` replaced by `to`.
inline QByteArray replacedFirst(QByteArray bytes, const QByteArray& from, const QByteArray& to) {
    const qsizetype at = bytes.indexOf(from);
    REQUIRE(at >= 0);
    return bytes.replace(at, from.size(), to);
}

} // namespace balcony::test
