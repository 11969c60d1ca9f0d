#pragma once

#include "store/database.h"
#include "store/dialect.h"
#include "store/sql.h"

#include <QSqlRecord>
#include <QStringList>
#include <catch2/catch.hpp>

namespace balcony::test {

// Every row of every table, with NULL told apart from text, sorted: equal dumps mean the database
// holds the same data.
inline QStringList dumpEveryTable(Database& db) {
    auto tables = dialect::tableNames(db);
    REQUIRE(tables.ok());
    const QStringList names = *tables;
    QStringList lines;
    for (const QString& table : names) {
        auto rows = sql::run(db, QStringLiteral("SELECT * FROM \"%1\"").arg(table));
        REQUIRE(rows.ok());
        QStringList tableLines;
        while (rows->next()) {
            QStringList cells;
            for (int c = 0; c < rows->record().count(); ++c) {
                const QVariant value = rows->value(c);
                cells << (value.isNull() ? QStringLiteral("NULL") : u'\'' + value.toString() + u'\'');
            }
            tableLines << table + u'|' + cells.join(u'|');
        }
        tableLines.sort();
        lines << tableLines;
    }
    return lines;
}

} // namespace balcony::test
