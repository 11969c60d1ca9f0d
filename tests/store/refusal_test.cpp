#include "helpers/temp_dir.h"
#include "store/database.h"
#include "store_probe_helpers.h"

#include <QFile>
#include <QFileInfo>
#include <QtEndian>
#include <catch2/catch.hpp>

// Every refusal names the file and the reason, and leaves the folder exactly as it was: the same
// bytes, and no -wal, -shm, -journal or lock file beside the database.
using namespace balcony;
using balcony::test::snapshot;

namespace {

struct Refused {
    Error error;
    bool folderUnchanged = false;
};

Refused openAndCompare(const QString& path, Database::Options options) {
    const QString folder = QFileInfo(path).absolutePath();
    const auto before = snapshot(folder);
    auto db = Database::open(path, options);
    REQUIRE_FALSE(db.ok());
    return Refused{db.error(), snapshot(folder) == before};
}

QString region(const test::TempDir& dir) {
    return dir.path(QStringLiteral("region.balcony"));
}

int pageSizeOf(const QString& path) {
    const QByteArray bytes = test::readAll(path);
    const int raw = qFromBigEndian<quint16>(bytes.constData() + 16);
    return raw == 1 ? 65536 : raw;
}

} // namespace

TEST_CASE("A text file is refused as not SQLite and left byte for byte", "[store][refusal]") {
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("notes.txt"));
    test::writeFile(path, "This is a shopping list, not a database.\n");

    auto refused = openAndCompare(path, {.create = true});
    CHECK(refused.error.kind == Error::Kind::NotBalcony);
    CHECK(refused.error.message.contains(QStringLiteral("notes.txt")));
    CHECK(refused.error.message.contains(QStringLiteral("not an SQLite file")));
    CHECK(refused.folderUnchanged);
}

TEST_CASE("A file of a few bytes is refused as not SQLite, even with create", "[store][refusal]") {
    test::TempDir dir;
    const QString path = region(dir);
    test::writeFile(path, "SQL");

    auto refused = openAndCompare(path, {.create = true});
    CHECK(refused.error.kind == Error::Kind::NotBalcony);
    CHECK(refused.folderUnchanged);
}

TEST_CASE("Another program's SQLite database is refused and left untouched", "[store][refusal]") {
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("recipes.db"));

    SECTION("with tables and no application id") {
        REQUIRE(test::runRaw(path, {QStringLiteral("CREATE TABLE recipe(name TEXT)"),
                                    QStringLiteral("INSERT INTO recipe VALUES ('scones')")}));
    }
    SECTION("in WAL mode, which a careless reader would give -wal and -shm files") {
        REQUIRE(test::runRaw(path, {QStringLiteral("PRAGMA journal_mode = WAL"),
                                    QStringLiteral("CREATE TABLE recipe(name TEXT)")}));
    }
    SECTION("marked with another program's application id") {
        REQUIRE(test::runRaw(path, {QStringLiteral("PRAGMA application_id = 1234"),
                                    QStringLiteral("CREATE TABLE recipe(name TEXT)")}));
    }
    SECTION("using user_version for its own numbering") {
        REQUIRE(test::runRaw(path, {QStringLiteral("PRAGMA user_version = 7"),
                                    QStringLiteral("CREATE TABLE recipe(name TEXT)")}));
    }

    auto refused = openAndCompare(path, {.create = true});
    CHECK(refused.error.kind == Error::Kind::NotBalcony);
    CHECK(refused.error.message.contains(QStringLiteral("recipes.db")));
    CHECK(refused.error.message.contains(QStringLiteral("another program")));
    CHECK(refused.folderUnchanged);
}

TEST_CASE("An empty SQLite database is not taken over unless asked to create", "[store][refusal]") {
    test::TempDir dir;
    const QString path = region(dir);
    REQUIRE(test::runRaw(path, {QStringLiteral("CREATE TABLE t(x)"), QStringLiteral("DROP TABLE t")}));

    auto refused = openAndCompare(path, {});
    CHECK(refused.error.kind == Error::Kind::NotBalcony);
    CHECK(refused.folderUnchanged);

    auto created = Database::open(path, {.create = true});
    REQUIRE(created.ok());
    CHECK((*created)->schemaVersion() == Database::latestSchemaVersion());
}

TEST_CASE("A database from a newer Balcony is refused and left untouched", "[store][refusal]") {
    test::TempDir dir;
    const QString path = region(dir);
    REQUIRE(test::makeRegion(path, {QStringLiteral("Kent")}));
    const int newer = Database::latestSchemaVersion() + 1;
    REQUIRE(test::runRaw(path, {QStringLiteral("PRAGMA user_version = %1").arg(newer)}));

    auto refused = openAndCompare(path, {});
    CHECK(refused.error.kind == Error::Kind::TooNew);
    CHECK(refused.error.message.contains(QStringLiteral("region.balcony")));
    CHECK(refused.error.message.contains(QStringLiteral("newer Balcony")));
    CHECK(refused.error.message.contains(QString::number(newer)));
    CHECK(refused.folderUnchanged);

    auto readOnly = openAndCompare(path, {.readOnly = true});
    CHECK(readOnly.error.kind == Error::Kind::TooNew);
    CHECK(readOnly.folderUnchanged);
}

TEST_CASE("A database with a sound header and garbage pages is refused as damaged", "[store][refusal]") {
    test::TempDir dir;
    const QString path = region(dir);
    REQUIRE(test::makeRegion(path, {QStringLiteral("Kent"), QStringLiteral("Medway")}));
    QByteArray bytes = test::readAll(path);
    const int pageSize = pageSizeOf(path);
    REQUIRE(bytes.size() > 2 * pageSize);
    quint32 noise = 12345;
    for (qsizetype i = pageSize; i < bytes.size(); ++i) {
        noise = noise * 1103515245u + 12345u; // deterministic garbage
        bytes[i] = static_cast<char>(noise >> 24);
    }
    test::writeFile(path, bytes);

    auto refused = openAndCompare(path, {});
    CHECK(refused.error.kind == Error::Kind::Corrupt);
    CHECK(refused.error.message.contains(QStringLiteral("region.balcony")));
    CHECK(refused.error.message.contains(QStringLiteral("damaged")));
    CHECK(refused.error.message.contains(QStringLiteral("backup")));
    CHECK(refused.folderUnchanged);
}

TEST_CASE("A truncated database is refused as damaged and left untouched", "[store][refusal]") {
    test::TempDir dir;
    const QString path = region(dir);
    REQUIRE(test::makeRegion(path, {QStringLiteral("Kent")}));
    const QByteArray whole = test::readAll(path);
    const int pageSize = pageSizeOf(path);

    SECTION("cut off after a few pages") {
        test::writeFile(path, whole.left(2 * pageSize));
    }
    SECTION("cut off in the middle of a page") {
        test::writeFile(path, whole.left(whole.size() - pageSize / 2));
    }
    SECTION("cut off inside the header") {
        test::writeFile(path, whole.left(60));
    }

    auto refused = openAndCompare(path, {});
    CHECK(refused.error.kind == Error::Kind::Corrupt);
    CHECK(refused.error.message.contains(QStringLiteral("region.balcony")));
    CHECK(refused.folderUnchanged);

    auto readOnly = openAndCompare(path, {.readOnly = true});
    CHECK(readOnly.error.kind == Error::Kind::Corrupt);
    CHECK(readOnly.folderUnchanged);
}
