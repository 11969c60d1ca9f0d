// A region database damaged on disk (a bad sector, a sync service's half copy, a file cut short):
// opening it and reading its cycles gives a clear message or works, never a crash or a hang. Runs
// under ASan/UBSan in the test command. docs/bad-input.md, "Damaged databases".
#include "demo/demo_region.h"
#include "domain/schedule_store.h"
#include "helpers/temp_dir.h"
#include "store/database.h"

#include <QFile>
#include <catch2/catch.hpp>
#include <random>

using namespace balcony;

namespace {

// The demo region, closed so that the file alone holds it (the write-ahead log checkpointed).
QByteArray demoRegionBytes() {
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("demo.balcony"));
    {
        auto db = Database::open(path, {.create = true});
        REQUIRE(db.ok());
        REQUIRE(createDemoRegion(**db).ok());
    }
    REQUIRE_FALSE(QFile::exists(path + QStringLiteral("-wal")));
    return test::readAll(path);
}

struct Outcome {
    int opened = 0;
    int read = 0;
    int refused = 0;
};

// Opens the file as the programs do (for writing, or read-only as the reading commands do) and
// reads the cycles; a refusal must name the file. Anything else (a crash, a sanitizer report, a
// hang) fails the whole run.
void openAndRead(const QString& path, bool readOnly, Outcome& outcome) {
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    auto db = Database::open(path, {.readOnly = readOnly});
    if (!db) {
        ++outcome.refused;
        INFO(db.message().toStdString());
        REQUIRE(db.message().contains(path));
        return;
    }
    ++outcome.opened;
    auto cycles = ScheduleStore(**db).cycles();
    if (cycles) {
        ++outcome.read;
    } else {
        REQUIRE_FALSE(cycles.message().isEmpty());
    }
}

int pageSizeOf(const QByteArray& bytes) {
    const int size = (static_cast<unsigned char>(bytes[16]) << 8) | static_cast<unsigned char>(bytes[17]);
    return size == 1 ? 65536 : size;
}

} // namespace

TEST_CASE("A thousand region databases with random bytes changed open or are refused, never crash",
          "[store][damaged]") {
    const QByteArray good = demoRegionBytes();
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("damaged.balcony"));
    std::mt19937 random(20261130); // fixed: a failure can be replayed
    std::uniform_int_distribution<qsizetype> position(0, good.size() - 1);
    std::uniform_int_distribution<int> flips(1, 16);
    std::uniform_int_distribution<int> mask(1, 255);
    Outcome outcome;
    for (int variant = 0; variant < 1000; ++variant) {
        QByteArray bytes = good;
        // Most variants keep the 100-byte header intact, so that the damage reaches the pages.
        const bool headerToo = variant % 10 == 0;
        for (int f = flips(random); f > 0; --f) {
            qsizetype at = position(random);
            if (!headerToo && at < 100) {
                at += 100;
            }
            bytes[at] = char(bytes[at] ^ mask(random));
        }
        CAPTURE(variant);
        test::writeFile(path, bytes);
        // Opening for writing syncs the lock file to disk; one variant in four keeps the run short.
        openAndRead(path, variant % 4 != 0, outcome);
    }
    // Both outcomes occur: the damage is real, and a file with a flipped byte in an unused page
    // still opens.
    CHECK(outcome.refused > 0);
    CHECK(outcome.opened > 0);
    CHECK(outcome.opened + outcome.refused == 1000);
}

TEST_CASE("A region database cut short at every page boundary opens or is refused, never crashes",
          "[store][damaged]") {
    const QByteArray good = demoRegionBytes();
    const int pageSize = pageSizeOf(good);
    REQUIRE(good.size() % pageSize == 0);
    const qsizetype pages = good.size() / pageSize;
    REQUIRE(pages > 10);
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("cut.balcony"));
    Outcome outcome;
    for (qsizetype page = 1; page < pages; ++page) {
        CAPTURE(page);
        test::writeFile(path, good.left(page * pageSize));
        openAndRead(path, false, outcome);
        // A few bytes into the next page as well, as a copy interrupted mid-write leaves it.
        test::writeFile(path, good.left(page * pageSize + 100));
        openAndRead(path, true, outcome);
    }
    // A file without its last pages is damaged: none of the cut copies reads as a sound region.
    CHECK(outcome.refused == 2 * (pages - 1));
}
