#include "helpers/temp_dir.h"
#include "store/database.h"

#include <QSqlQuery>
#include <catch2/catch.hpp>

using namespace balcony;
using balcony::test::readAll;
using balcony::test::writeFile;

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
}

TEST_CASE("Opening a missing file without create says how to make one", "[store]") {
    test::TempDir dir;
    auto db = Database::open(dir.path(QStringLiteral("missing.balcony")));
    REQUIRE_FALSE(db.ok());
    CHECK(db.error().kind == Error::Kind::NotFound);
    CHECK(db.message().contains(QStringLiteral("missing.balcony")));
    CHECK(db.message().contains(QStringLiteral("init")));
}

TEST_CASE("A text file is refused as not SQLite and left byte for byte", "[store]") {
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("notes.txt"));
    const QByteArray bytes = "This is a shopping list, not a database.\n";
    writeFile(path, bytes);

    auto db = Database::open(path, {.create = true});
    REQUIRE_FALSE(db.ok());
    CHECK(db.error().kind == Error::Kind::NotBalcony);
    CHECK(db.message().contains(QStringLiteral("notes.txt")));
    CHECK(readAll(path) == bytes);
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
