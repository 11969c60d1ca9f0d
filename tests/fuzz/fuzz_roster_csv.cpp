#include "fuzz_support.h"
#include "interchange/roster_import.h"
#include "store/database.h"
#include "store/transaction.h"

#include <cstdlib>

// A roster CSV, as `balcony-cli import roster FILE --yes` and File > Import Roster reach it: the
// whole import, writes included, into a demo region; the writes are rolled back after each input.
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    balcony::fuzz::initialise(argc, argv);
    balcony::fuzz::demoRegion();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace balcony;
    const fuzz::Scratch scratch;
    const QString file = scratch.write(QStringLiteral("roster.csv"), data, size);
    if (file.isEmpty()) {
        std::abort();
    }
    Database& db = fuzz::demoRegion();
    Transaction undone(db);
    if (!undone.isActive()) {
        std::abort();
    }
    interchange::RosterImportOptions options;
    options.confirmPostChanges = true;
    (void)interchange::importRosterFile(db, file, options);
    return 0; // refusals are answers too; only crashes, sanitizer reports and hangs count
}
