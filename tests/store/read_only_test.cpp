#include "domain/roster_store.h"
#include "helpers/temp_dir.h"
#include "store/database.h"
#include "store_probe_helpers.h"

#include <QFile>
#include <QFileInfo>
#include <catch2/catch.hpp>

using namespace balcony;

namespace {

bool hasAuthority(Database& db, const QString& name) {
    return RosterStore(db).authorityByName(name).ok();
}

} // namespace

TEST_CASE("A database opened read-only can be read and refuses writes in plain words", "[store][read-only]") {
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("region.balcony"));
    REQUIRE(test::makeRegion(path, {QStringLiteral("Kent")}));
    const QByteArray before = test::readAll(path);

    auto db = Database::open(path, {.readOnly = true});
    REQUIRE(db.ok());
    CHECK((*db)->isReadOnly());
    CHECK(hasAuthority(**db, QStringLiteral("Kent")));

    auto added = RosterStore(**db).addAuthority(QStringLiteral("Medway"));
    REQUIRE_FALSE(added.ok());
    CHECK(added.error().kind == Error::Kind::ReadOnly);
    CHECK(added.message().contains(QStringLiteral("region.balcony")));
    CHECK(added.message().contains(QStringLiteral("read-only")));
    CHECK_FALSE(hasAuthority(**db, QStringLiteral("Medway")));
    CHECK(test::readAll(path) == before);
}

TEST_CASE("A database that needs upgrading is not opened read-only", "[store][read-only]") {
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("region.balcony"));
    const QString folder = QFileInfo(path).absolutePath();
    REQUIRE(test::makeRegion(path, {}));
    REQUIRE(test::runRaw(path, {QStringLiteral("PRAGMA user_version = 1")}));
    const auto before = test::snapshot(folder);

    auto db = Database::open(path, {.readOnly = true});
    REQUIRE_FALSE(db.ok());
    CHECK(db.error().kind == Error::Kind::ReadOnly);
    CHECK(db.message().contains(QStringLiteral("upgrading")));
    CHECK(test::snapshot(folder) == before);
}

// Tests run as root, whom permissions do not stop; a child process that becomes "nobody" meets
// the file as a real user without write access would.
TEST_CASE("A database the user cannot write is refused as read-only, then opens read-only",
          "[store][read-only][process]") {
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("region.balcony"));
    const QString folder = QFileInfo(path).absolutePath();
    REQUIRE(test::makeRegion(path, {QStringLiteral("Kent")}));
    // nobody may enter and read the folder and the file, and write neither.
    REQUIRE(QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                              QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther |
                                              QFile::ExeOther));
    REQUIRE(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                            QFile::ReadOther));
    const auto before = test::snapshot(folder);

    auto forWriting = test::runProbe({QStringLiteral("--as-nobody"), path});
    if (forWriting.privilegesUnavailable()) {
        WARN("This test needs to start a process as the user nobody; it cannot here.");
        return;
    }
    CHECK(forWriting.exitCode == 1);
    CHECK(forWriting.kind(QStringLiteral("refused")) == Error::Kind::ReadOnly);
    CHECK(forWriting.line(QStringLiteral("refused")).contains(QStringLiteral("region.balcony")));
    CHECK(forWriting.line(QStringLiteral("refused")).contains(QStringLiteral("read-only")));
    CHECK(test::snapshot(folder) == before);

    auto readOnly = test::runProbe({QStringLiteral("--as-nobody"), QStringLiteral("--read-only"),
                                    QStringLiteral("--write"), QStringLiteral("Medway"), path});
    CHECK(readOnly.line(QStringLiteral("opened")) == QStringLiteral("opened"));
    CHECK(readOnly.kind(QStringLiteral("write-refused")) == Error::Kind::ReadOnly);
    CHECK(readOnly.line(QStringLiteral("write-refused")).contains(QStringLiteral("open read-only")));
    CHECK(test::snapshot(folder) == before);
}
