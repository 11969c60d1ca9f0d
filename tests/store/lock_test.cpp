#include "domain/roster_store.h"
#include "helpers/temp_dir.h"
#include "store/database.h"
#include "store_probe_helpers.h"

#include <QFileInfo>
#include <catch2/catch.hpp>

// Locking between processes: a second Balcony must not write a database another one holds.
using namespace balcony;

TEST_CASE("A database open in another Balcony process is refused as locked and left untouched",
          "[store][lock][process]") {
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("region.balcony"));
    REQUIRE(test::makeRegion(path, {QStringLiteral("Kent")}));

    test::HeldDatabase other({path});
    REQUIRE(other.isHolding());
    const QByteArray before = test::readAll(path);

    auto second = Database::open(path);
    REQUIRE_FALSE(second.ok());
    CHECK(second.error().kind == Error::Kind::Locked);
    CHECK(second.message().contains(QStringLiteral("region.balcony")));
    CHECK(second.message().contains(QStringLiteral("another Balcony")));
    CHECK(second.message().contains(QString::number(other.processId())));
    CHECK(test::readAll(path) == before);
    CHECK(QFileInfo::exists(path + QStringLiteral(".lock"))); // still the other's

    auto reader = Database::open(path, {.readOnly = true});
    REQUIRE(reader.ok());
    CHECK(RosterStore(**reader).authorityByName(QStringLiteral("Kent")).ok());

    other.release();
    auto afterwards = Database::open(path);
    CHECK(afterwards.ok());
}

TEST_CASE("A database whose Balcony was killed opens again with everything it committed",
          "[store][lock][process]") {
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("region.balcony"));
    REQUIRE(test::makeRegion(path, {QStringLiteral("Kent")}));

    test::HeldDatabase crashed({QStringLiteral("--write"), QStringLiteral("Medway"), path});
    REQUIRE(crashed.isHolding());
    crashed.kill();
    // The commit sits in the write-ahead log the killed process left behind, with its stale lock.
    CHECK(QFileInfo(path + QStringLiteral("-wal")).size() > 0);

    auto db = Database::open(path);
    REQUIRE(db.ok());
    RosterStore roster(**db);
    CHECK(roster.authorityByName(QStringLiteral("Kent")).ok());
    CHECK(roster.authorityByName(QStringLiteral("Medway")).ok());
}
