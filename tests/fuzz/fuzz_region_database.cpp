#include "domain/roster_store.h"
#include "domain/schedule_store.h"
#include "fuzz_support.h"
#include "store/database.h"

#include <QFile>
#include <cstdlib>

// Arbitrary bytes as a region database: opened read-only, then a copy opened for writing (the
// lock, WAL and any migrations), as `balcony-cli --db FILE` and File > Open reach it. What opens
// is then read as the program's first screen reads it (the roster and the cycles).
namespace {

void firstLook(balcony::Database& db) {
    (void)db.schemaVersion();
    (void)balcony::RosterStore(db).authorities();
    (void)balcony::RosterStore(db).people();
    auto cycles = balcony::ScheduleStore(db).cycles();
    if (cycles && !cycles->empty()) {
        (void)balcony::ScheduleStore(db).load(cycles->front().id);
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    balcony::fuzz::initialise(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace balcony;
    const fuzz::Scratch scratch;
    const QString file = scratch.write(QStringLiteral("region.balcony"), data, size);
    const QString copy = scratch.path(QStringLiteral("copy.balcony"));
    if (file.isEmpty() || !QFile::copy(file, copy)) {
        std::abort();
    }
    {
        Database::Options options;
        options.readOnly = true;
        auto db = Database::open(file, options);
        if (db) {
            firstLook(**db);
        }
    }
    {
        auto db = Database::open(copy);
        if (db) {
            firstLook(**db);
        }
    }
    return 0;
}
