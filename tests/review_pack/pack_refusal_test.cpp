#include "helpers/temp_dir.h"
#include "review_pack/pack_fixture.h"
#include "review_pack/review_pack.h"
#include "store/database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <catch2/catch.hpp>
#include <unistd.h>

using namespace balcony;
using namespace balcony::test;

namespace {

const QString body = QStringLiteral("# Session note\n\nThe DCS described the front door.\n");

// Opens path as a pack, expecting a refusal of kind that names the file and says fragment; the
// file (and its folder's listing) must be unchanged afterwards.
void requireRefusal(const QString& path, Error::Kind kind, const QString& fragment) {
    const QByteArray before = readAll(path);
    const QStringList listing =
        QDir(QFileInfo(path).absolutePath()).entryList(QDir::AllEntries | QDir::Hidden);
    auto pack = openPack(path);
    REQUIRE_FALSE(pack.ok());
    CHECK(pack.error().kind == kind);
    CHECK(pack.message().contains(QFileInfo(path).fileName()));
    CHECK(pack.message().contains(fragment));
    auto returned = readPackAnswer(path);
    REQUIRE_FALSE(returned.ok());
    CHECK(returned.error().kind == kind);
    CHECK(readAll(path) == before);
    CHECK(QDir(QFileInfo(path).absolutePath()).entryList(QDir::AllEntries | QDir::Hidden) == listing);
}

void writeAt(const QString& path, qint64 offset, const QByteArray& bytes) {
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadWrite));
    REQUIRE(file.seek(offset));
    REQUIRE(file.write(bytes) == bytes.size());
}

} // namespace

TEST_CASE("Opening a file that is not SQLite as a review pack is refused", "[review_pack][refusal]") {
    TempDir dir;
    const QString path = dir.path(QStringLiteral("notes.balcony-review"));
    writeFile(path, QByteArrayLiteral("Dear Ann, please find the note attached.\n"));
    requireRefusal(path, Error::Kind::NotBalcony, QStringLiteral("not a review pack"));
}

TEST_CASE("Opening a region database as a review pack is refused as a region file",
          "[review_pack][refusal]") {
    TempDir dir;
    const QString path = dir.path(QStringLiteral("region.balcony"));
    {
        Database::Options options;
        options.create = true;
        auto region = Database::open(path, options);
        REQUIRE(region.ok());
    }
    requireRefusal(path, Error::Kind::NotBalcony, QStringLiteral("this is a region file, not a review pack"));
}

TEST_CASE("Opening another program's SQLite file as a review pack is refused", "[review_pack][refusal]") {
    TempDir dir;
    const QString path = dir.path(QStringLiteral("other.sqlite"));
    REQUIRE(execRaw(path, QStringLiteral("CREATE TABLE t (x)")).isEmpty());
    requireRefusal(path, Error::Kind::NotBalcony, QStringLiteral("another program"));

    const QString tagged = dir.path(QStringLiteral("tagged.sqlite"));
    REQUIRE(execRaw(tagged, QStringLiteral("PRAGMA application_id = 1234")).isEmpty());
    REQUIRE(execRaw(tagged, QStringLiteral("CREATE TABLE t (x)")).isEmpty());
    requireRefusal(tagged, Error::Kind::NotBalcony, QStringLiteral("another program"));
}

TEST_CASE("Opening a review pack of a newer format is refused", "[review_pack][refusal]") {
    TempDir dir;
    const QString path = dir.path(QStringLiteral("newer.balcony-review"));
    REQUIRE(createPack(path, packContents(QStringLiteral("Bolton"), body)).ok());
    REQUIRE(execRaw(path, QStringLiteral("PRAGMA user_version = 2")).isEmpty());
    requireRefusal(path, Error::Kind::TooNew, QStringLiteral("newer Balcony"));
}

TEST_CASE("Opening a damaged review pack is refused", "[review_pack][refusal]") {
    TempDir dir;
    SECTION("cut off") {
        const QString path = dir.path(QStringLiteral("cut.balcony-review"));
        REQUIRE(createPack(path, packContents(QStringLiteral("Bolton"), body)).ok());
        QByteArray bytes = readAll(path);
        writeFile(path, bytes.left(bytes.size() / 2));
        requireRefusal(path, Error::Kind::Corrupt, QStringLiteral("damaged"));
    }
    SECTION("a b-tree page overwritten") {
        const QString path = dir.path(QStringLiteral("garbled.balcony-review"));
        REQUIRE(createPack(path, packContents(QStringLiteral("Bolton"), body)).ok());
        writeAt(path, 4096, QByteArray(64, '\xff'));
        requireRefusal(path, Error::Kind::Corrupt, QStringLiteral("damaged"));
    }
    SECTION("the note's text changed outside Balcony") {
        const QString path = dir.path(QStringLiteral("edited.balcony-review"));
        REQUIRE(createPack(path, packContents(QStringLiteral("Bolton"), body)).ok());
        QByteArray bytes = readAll(path);
        const qint64 at = bytes.indexOf(QByteArrayLiteral("front door"));
        REQUIRE(at > 0);
        writeAt(path, at, QByteArrayLiteral("back  door"));
        requireRefusal(path, Error::Kind::Corrupt, QStringLiteral("fingerprint"));
    }
}

TEST_CASE("Opening a review pack another program switched to a write-ahead log is refused",
          "[review_pack][refusal]") {
    TempDir dir;
    const QString path = dir.path(QStringLiteral("wal.balcony-review"));
    REQUIRE(createPack(path, packContents(QStringLiteral("Bolton"), body)).ok());
    REQUIRE(execRaw(path, QStringLiteral("PRAGMA journal_mode = WAL")).isEmpty());
    REQUIRE_FALSE(QFileInfo::exists(path + QStringLiteral("-wal")));
    requireRefusal(path, Error::Kind::Corrupt, QStringLiteral("write-ahead log"));
    CHECK_FALSE(QFileInfo::exists(path + QStringLiteral("-shm")));
}

TEST_CASE("Opening an empty file, a folder or a missing file as a review pack is refused",
          "[review_pack][refusal]") {
    TempDir dir;
    const QString empty = dir.path(QStringLiteral("empty.balcony-review"));
    writeFile(empty, QByteArray());
    REQUIRE(QFileInfo::exists(empty));
    requireRefusal(empty, Error::Kind::NotBalcony, QStringLiteral("empty (0 bytes)"));

    const QString folder = dir.path(QStringLiteral("packs.balcony-review"));
    REQUIRE(QDir().mkpath(folder));
    auto pack = openPack(folder);
    REQUIRE_FALSE(pack.ok());
    CHECK(pack.error().kind == Error::Kind::InvalidInput);
    CHECK(pack.message().contains(QStringLiteral("is a folder")));
    CHECK(QDir(folder).isEmpty());

    auto missing = openPack(dir.path(QStringLiteral("missing.balcony-review")));
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().kind == Error::Kind::NotFound);
    CHECK(missing.message().contains(QStringLiteral("missing.balcony-review")));
    CHECK_FALSE(QFileInfo::exists(dir.path(QStringLiteral("missing.balcony-review"))));
}

TEST_CASE("A review pack opened read-only says so and refuses every change", "[review_pack][refusal]") {
    TempDir dir;
    const QString path = dir.path(QStringLiteral("bolton.balcony-review"));
    REQUIRE(createPack(path, packContents(QStringLiteral("Bolton"), body)).ok());
    const QByteArray before = readAll(path);
    {
        ReviewPack::Options options;
        options.readOnly = true;
        auto pack = openPack(path, options);
        REQUIRE(pack.ok());
        CHECK(pack->isReadOnly());
        CHECK(pack->state().sent.revisionBody == body);
        auto amend = pack->saveAmendment(QStringLiteral("changed"), QStringLiteral("Ann Smith"), packTime(1));
        REQUIRE_FALSE(amend.ok());
        CHECK(amend.error().kind == Error::Kind::ReadOnly);
        CHECK(amend.message().contains(QStringLiteral("read-only")));
        CHECK_FALSE(pack->agree(QStringLiteral("Ann Smith"), packTime(1)).ok());
    }
    CHECK(readAll(path) == before);

    if (::geteuid() != 0) { // root writes whatever the permissions say
        REQUIRE(QFile::setPermissions(path, QFileDevice::ReadOwner));
        auto pack = openPack(path);
        REQUIRE(pack.ok());
        CHECK(pack->isReadOnly());
        CHECK(pack->readOnlyReason().contains(QStringLiteral("read-only")));
        CHECK_FALSE(pack->agree(QStringLiteral("Ann Smith"), packTime(1)).ok());
        CHECK(readAll(path) == before);

        REQUIRE(QFile::setPermissions(path, QFileDevice::Permissions()));
        requireRefusal(path, Error::Kind::Failed, QStringLiteral("cannot be read"));
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
}

TEST_CASE("Reading a review pack with an unfinished change beside it is refused, changing neither file",
          "[review_pack][refusal]") {
    TempDir dir;
    const QString path = dir.path(QStringLiteral("bolton.balcony-review"));
    REQUIRE(createPack(path, packContents(QStringLiteral("Bolton"), body)).ok());
    {
        auto pack = openPack(path);
        REQUIRE(pack.ok());
        REQUIRE(pack->agree(QStringLiteral("Ann Smith"), packTime(1)).ok());
    }
    const QString journal = path + QStringLiteral("-journal");
    writeFile(journal, QByteArray(512, '\x01'));
    const QByteArray before = readAll(path);
    auto returned = readPackAnswer(path);
    REQUIRE_FALSE(returned.ok());
    CHECK(returned.error().kind == Error::Kind::ReadOnly);
    CHECK(returned.message().contains(QStringLiteral("unfinished change")));
    CHECK(returned.message().contains(QStringLiteral("bolton.balcony-review-journal")));
    CHECK(readAll(path) == before);
    CHECK(readAll(journal) == QByteArray(512, '\x01'));
}

TEST_CASE("A review pack with any one byte changed is refused or read whole, and is left as it was",
          "[review_pack][refusal]") {
    TempDir dir;
    const QString original = dir.path(QStringLiteral("original.balcony-review"));
    REQUIRE(createPack(original, packContents(QStringLiteral("Bolton"), body)).ok());
    {
        auto pack = openPack(original);
        REQUIRE(pack.ok());
        REQUIRE(pack->saveAmendment(QStringLiteral("Amended text"), QStringLiteral("Ann Smith"), packTime(1))
                    .ok());
    }
    const QByteArray bytes = readAll(original);
    const QString path = dir.path(QStringLiteral("changed.balcony-review"));
    int refused = 0;
    // Every header byte, then a spread of positions through the pages.
    QList<qsizetype> positions;
    for (qsizetype at = 0; at < 100; ++at) {
        positions << at;
    }
    for (qsizetype at = 100; at < bytes.size(); at += 61) {
        positions << at;
    }
    for (const qsizetype at : positions) {
        QByteArray changed = bytes;
        changed[at] = char(changed[at] ^ 0x5a);
        writeFile(path, changed);
        INFO("byte " << at);
        auto pack = openPack(path);
        if (pack.ok()) {
            CHECK(pack->state().sent.revisionFingerprint == fingerprintOf(pack->state().sent.revisionBody));
        } else {
            ++refused;
            CHECK(pack.message().contains(QStringLiteral("changed.balcony-review")));
        }
        pack = Error{};
        CHECK(readAll(path) == changed);
        CHECK_FALSE(QFileInfo::exists(path + QStringLiteral("-wal")));
        CHECK_FALSE(QFileInfo::exists(path + QStringLiteral("-journal")));
    }
    CHECK(refused > 0);
}
