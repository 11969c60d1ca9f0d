#pragma once

#include "store/database.h"
#include "store/sql.h"

#include <QSqlQuery>
#include <catch2/catch.hpp>

namespace balcony::test {

// Makes db's disk "full" for this connection: its free pages are given back (VACUUM changes no row)
// and PRAGMA max_page_count is set to its size, so the next write that needs a new page fails with
// SQLITE_FULL exactly as on a full disk. A write that fits in a page already there still succeeds.
inline void fillDisk(Database& db) {
    REQUIRE(sql::run(db, QStringLiteral("VACUUM")).ok());
    auto pages = sql::run(db, QStringLiteral("PRAGMA page_count"));
    REQUIRE(pages.ok());
    REQUIRE(pages->next());
    const int count = pages->value(0).toInt();
    REQUIRE(sql::run(db, QStringLiteral("PRAGMA max_page_count = %1").arg(count)).ok());
}

// Frees space again: the limit is lifted for this connection.
inline void freeDisk(Database& db) {
    REQUIRE(sql::run(db, QStringLiteral("PRAGMA max_page_count = 1073741823")).ok());
}

// Text too long for any page's free space (pages are 4 KiB): its write needs new pages.
inline QString pagesOfText(const QString& word) {
    QString text;
    while (text.size() < 20000) {
        text += word + QLatin1Char(' ');
    }
    return text;
}

} // namespace balcony::test
