#include "domain/roster_store.h"
#include "helpers/temp_dir.h"
#include "store/database.h"
#include "store_probe_helpers.h"

#include <QDir>
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

namespace {

// The folder and every file in it become read-only for "nobody" (root still owns and could write).
void makeReadOnlyForOthers(const QString& folder) {
    const auto readable = QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther;
    for (const QString& name : QDir(folder).entryList(QDir::Files)) {
        REQUIRE(QFile::setPermissions(QDir(folder).filePath(name), readable));
    }
    const auto enterable = readable | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther;
    REQUIRE(QFile::setPermissions(folder, enterable));
    // The temporary folder above it is the owner's alone until opened to others.
    REQUIRE(QFile::setPermissions(QFileInfo(folder).absolutePath(), enterable));
}

} // namespace

TEST_CASE("On a read-only share, reading works and writing is refused saying why and what to do",
          "[store][read-only][process]") {
    test::TempDir dir;
    const QString folder = dir.path(QStringLiteral("share"));
    REQUIRE(QDir().mkpath(folder));
    const QString path = folder + QStringLiteral("/region.balcony");
    REQUIRE(test::makeRegion(path, {QStringLiteral("Kent")}));
    makeReadOnlyForOthers(folder);
    const auto before = test::snapshot(folder);

    auto reader = test::runProbe({QStringLiteral("--as-nobody"), QStringLiteral("--read-only"),
                                  QStringLiteral("--has"), QStringLiteral("Kent"), path});
    if (reader.privilegesUnavailable()) {
        WARN("This test needs to start a process as the user nobody; it cannot here.");
        return;
    }
    CHECK(reader.line(QStringLiteral("opened")) == QStringLiteral("opened"));
    CHECK(reader.line(QStringLiteral("has")) == QStringLiteral("has yes"));

    auto writer = test::runProbe({QStringLiteral("--as-nobody"), path});
    CHECK(writer.kind(QStringLiteral("refused")) == Error::Kind::ReadOnly);
    const QString refusal = writer.line(QStringLiteral("refused"));
    CHECK(refusal.contains(QStringLiteral("region.balcony is read-only for you")));
    CHECK(refusal.contains(QStringLiteral("its folder")));
    CHECK(refusal.contains(QStringLiteral("can read it but not change it")));
    CHECK(refusal.contains(QStringLiteral("Copy it to a folder you can write")));
    CHECK(test::snapshot(folder) == before); // no -wal, -shm or lock file appeared
}

TEST_CASE("On a read-only share, a journal left with its -shm file is read with the file",
          "[store][read-only][process]") {
    test::TempDir dir;
    const QString folder = dir.path(QStringLiteral("share"));
    REQUIRE(QDir().mkpath(folder));
    const QString path = folder + QStringLiteral("/region.balcony");
    REQUIRE(test::makeRegion(path, {QStringLiteral("Kent")}));
    {
        test::HeldDatabase crashed({QStringLiteral("--write"), QStringLiteral("Medway"), path});
        REQUIRE(crashed.isHolding());
        crashed.kill(); // Medway lives only in the -wal file now
    }
    REQUIRE(QFileInfo(path + QStringLiteral("-wal")).size() > 0);
    REQUIRE(QFileInfo::exists(path + QStringLiteral("-shm")));
    makeReadOnlyForOthers(folder);
    const auto before = test::snapshot(folder);

    auto reader = test::runProbe({QStringLiteral("--as-nobody"), QStringLiteral("--read-only"),
                                  QStringLiteral("--has"), QStringLiteral("Medway"), path});
    if (reader.privilegesUnavailable()) {
        WARN("This test needs to start a process as the user nobody; it cannot here.");
        return;
    }
    CHECK(reader.line(QStringLiteral("opened")) == QStringLiteral("opened"));
    CHECK(reader.line(QStringLiteral("has")) == QStringLiteral("has yes"));
    CHECK(test::snapshot(folder) == before);
}

TEST_CASE("On a read-only share, a journal without its -shm file is refused rather than read stale",
          "[store][read-only][process]") {
    test::TempDir dir;
    const QString folder = dir.path(QStringLiteral("share"));
    REQUIRE(QDir().mkpath(folder));
    const QString path = folder + QStringLiteral("/region.balcony");
    REQUIRE(test::makeRegion(path, {QStringLiteral("Kent")}));
    {
        test::HeldDatabase crashed({QStringLiteral("--write"), QStringLiteral("Medway"), path});
        REQUIRE(crashed.isHolding());
        crashed.kill();
    }
    REQUIRE(QFile::remove(path + QStringLiteral("-shm")));
    makeReadOnlyForOthers(folder);
    const auto before = test::snapshot(folder);

    auto reader = test::runProbe({QStringLiteral("--as-nobody"), QStringLiteral("--read-only"), path});
    if (reader.privilegesUnavailable()) {
        WARN("This test needs to start a process as the user nobody; it cannot here.");
        return;
    }
    CHECK(reader.kind(QStringLiteral("refused")) == Error::Kind::ReadOnly);
    const QString refusal = reader.line(QStringLiteral("refused"));
    CHECK(refusal.contains(QStringLiteral("region.balcony-wal")));
    CHECK(refusal.contains(QStringLiteral("read-only folder")));
    CHECK(refusal.contains(QStringLiteral("Copy")));
    CHECK(test::snapshot(folder) == before);
}
