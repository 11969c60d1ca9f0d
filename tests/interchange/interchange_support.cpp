#include "interchange/interchange_support.h"

#include "domain/schedule_store.h"
#include "interchange/csv_table.h"
#include "interchange/roster_import.h"
#include "interchange/schedule_import.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>
#include <catch2/catch.hpp>

namespace balcony::test {

Region::Region(const TempDir& dir) {
    auto opened = Database::open(dir.path(QStringLiteral("region.balcony")), {.create = true});
    REQUIRE(opened.ok());
    db = std::move(*opened);
    Cycle cycle;
    cycle.name = QStringLiteral("2022-2023");
    cycle.firstDay = QDate(2022, 4, 1);
    cycle.lastDay = QDate(2023, 3, 31);
    auto added = ScheduleStore(*db).addCycle(cycle);
    REQUIRE(added.ok());
    cycleId = *added;
}

QString dumpDatabase(Database& db) {
    QStringList out;
    QSqlQuery tables(db.sql());
    REQUIRE(tables.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")));
    QStringList names;
    while (tables.next()) {
        names << tables.value(0).toString();
    }
    for (const auto& table : names) {
        QSqlQuery rows(db.sql());
        REQUIRE(rows.exec(QStringLiteral("SELECT * FROM \"%1\"").arg(table)));
        QStringList lines;
        while (rows.next()) {
            QStringList cells;
            for (int c = 0; c < rows.record().count(); ++c) {
                cells << (rows.value(c).isNull() ? QStringLiteral("NULL") : rows.value(c).toString());
            }
            lines << cells.join(u'|');
        }
        lines.sort();
        out << QStringLiteral("[%1]").arg(table) << lines;
    }
    return out.join(u'\n');
}

QString fixturePath(const QString& name) {
    return QStringLiteral(BALCONY_TEST_DATA_DIR "/interchange/") + name;
}

QByteArray fixture(const QString& name) {
    const QByteArray bytes = readAll(fixturePath(name));
    REQUIRE_FALSE(bytes.isEmpty());
    return bytes;
}

QString docsExamplePath(const QString& name) {
    return QStringLiteral(BALCONY_TEST_DATA_DIR "/../../docs/examples/") + name;
}

QString describe(const Problems& problems) {
    QStringList lines;
    for (const auto& p : problems) {
        lines << interchange::formatProblem(QStringLiteral("file.csv"), p);
    }
    return lines.join(u'\n');
}

} // namespace balcony::test

namespace balcony::test {
namespace {

void expectRefusal(Database& db, const Problems& problems, int line, const QString& fragment,
                   const QString& before) {
    INFO(describe(problems).toStdString());
    CHECK(hasErrors(problems));
    bool found = false;
    for (const auto& p : problems) {
        if (p.line == line && p.isError() && p.message.contains(fragment, Qt::CaseInsensitive)) {
            found = true;
            CHECK(interchange::formatProblem(QStringLiteral("input.csv"), p)
                      .startsWith(QStringLiteral("input.csv:%1: ").arg(line)));
        }
    }
    CHECK(found);
    CHECK(dumpDatabase(db) == before);
}

} // namespace

void expectRosterRefused(const QByteArray& bytes, int line, const QString& fragment) {
    TempDir dir;
    Region region(dir);
    auto seeded = interchange::importRoster(*region.db, fixture(QStringLiteral("se-2022-2023-roster.csv")));
    REQUIRE(seeded.ok());
    REQUIRE(seeded->applied());
    const QString before = dumpDatabase(*region.db);
    auto outcome = interchange::importRoster(*region.db, bytes);
    REQUIRE(outcome.ok());
    expectRefusal(*region.db, outcome->problems, line, fragment, before);
}

void expectScheduleRefused(const QByteArray& bytes, int line, const QString& fragment) {
    TempDir dir;
    Region region(dir);
    auto roster = interchange::importRoster(*region.db, fixture(QStringLiteral("se-2022-2023-roster.csv")));
    REQUIRE(roster.ok());
    REQUIRE(roster->applied());
    auto schedule = interchange::importSchedule(*region.db, region.cycleId,
                                                fixture(QStringLiteral("se-2022-2023-schedule.csv")));
    REQUIRE(schedule.ok());
    REQUIRE(schedule->applied());
    const QString before = dumpDatabase(*region.db);
    auto outcome = interchange::importSchedule(*region.db, region.cycleId, bytes);
    REQUIRE(outcome.ok());
    expectRefusal(*region.db, outcome->problems, line, fragment, before);
}

} // namespace balcony::test
