#pragma once

#include "helpers/temp_dir.h"
#include "store/database.h"
#include "support/problem.h"

#include <QByteArray>
#include <QString>
#include <memory>

namespace balcony::test {

// A fresh region database in `dir`, with cycle 2022-2023 (April 2022 to March 2023).
struct Region {
    explicit Region(const TempDir& dir);
    std::unique_ptr<Database> db;
    qint64 cycleId = 0;
};

// Every row of every table, as text, so that a test can prove a refused import wrote nothing.
QString dumpDatabase(Database& db);

QByteArray fixture(const QString& name); // tests/data/interchange/<name>
QString fixturePath(const QString& name);
QString docsExamplePath(const QString& name); // docs/examples/<name>

// The problems as "FILE:LINE: message" lines, joined, for failure messages and checks.
QString describe(const Problems& problems);

} // namespace balcony::test

namespace balcony::test {

// Imports `bytes` as a roster into a region that already holds the South East roster, and checks
// that it is refused with a problem on `line` whose text contains `fragment`, printed as
// "roster.csv:LINE: ...", and that no row of any table changed.
void expectRosterRefused(const QByteArray& bytes, int line, const QString& fragment);

// The same for a schedule imported into cycle 2022-2023 of a region that already holds the South
// East roster and schedule.
void expectScheduleRefused(const QByteArray& bytes, int line, const QString& fragment);

} // namespace balcony::test
