#include "helpers/temp_dir.h"
#include "store/database.h"

#include <QSqlQuery>
#include <QtEndian>
#include <catch2/catch.hpp>

using namespace balcony;
using balcony::test::readAll;

TEST_CASE("A new region database is created, marked as Balcony's and migrated", "[store]") {
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("region.balcony"));

    auto db = Database::open(path, {.create = true});
    REQUIRE(db.ok());
    CHECK((*db)->schemaVersion() == Database::latestSchemaVersion());

    QSqlQuery q((*db)->sql());
    REQUIRE(q.exec(QStringLiteral("PRAGMA application_id")));
    REQUIRE(q.next());
    CHECK(q.value(0).toLongLong() == Database::applicationId);
    REQUIRE(q.exec(QStringLiteral("PRAGMA foreign_keys")));
    REQUIRE(q.next());
    CHECK(q.value(0).toInt() == 1);
    REQUIRE(q.exec(QStringLiteral("PRAGMA journal_mode")));
    REQUIRE(q.next());
    CHECK(q.value(0).toString() == QStringLiteral("wal"));
    REQUIRE(q.exec(QStringLiteral("PRAGMA synchronous")));
    REQUIRE(q.next());
    CHECK(q.value(0).toInt() == 2); // FULL
}

TEST_CASE("A new database says it is Balcony's in its own header while it is open", "[store]") {
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("region.balcony"));
    auto db = Database::open(path, {.create = true});
    REQUIRE(db.ok());

    // Read without SQLite: were the WAL lost, the file alone must still be recognised.
    const QByteArray header = readAll(path).left(100);
    REQUIRE(header.size() == 100);
    CHECK(qFromBigEndian<qint32>(header.constData() + 68) == Database::applicationId);
    CHECK(qFromBigEndian<qint32>(header.constData() + 60) == Database::latestSchemaVersion());
}

TEST_CASE("A region database whose name has spaces, # and % opens again", "[store]") {
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("South East #1 100%.balcony"));
    REQUIRE(Database::open(path, {.create = true}).ok());
    auto reader = Database::open(path, {.readOnly = true});
    REQUIRE(reader.ok());
    CHECK((*reader)->schemaVersion() == Database::latestSchemaVersion());
}

TEST_CASE("Opening a missing file without create says how to make one", "[store]") {
    test::TempDir dir;
    auto db = Database::open(dir.path(QStringLiteral("missing.balcony")));
    REQUIRE_FALSE(db.ok());
    CHECK(db.error().kind == Error::Kind::NotFound);
    CHECK(db.message().contains(QStringLiteral("missing.balcony")));
    CHECK(db.message().contains(QStringLiteral("init")));
}

TEST_CASE("A second writer on the same database is refused while the first holds it", "[store]") {
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("region.balcony"));
    auto first = Database::open(path, {.create = true});
    REQUIRE(first.ok());

    auto second = Database::open(path);
    REQUIRE_FALSE(second.ok());
    CHECK(second.error().kind == Error::Kind::Locked);
    CHECK(second.message().contains(QStringLiteral("another Balcony")));

    auto reader = Database::open(path, {.readOnly = true});
    CHECK(reader.ok());
}
