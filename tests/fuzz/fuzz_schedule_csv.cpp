#include "domain/schedule_store.h"
#include "fuzz_support.h"
#include "interchange/schedule_import.h"
#include "store/database.h"
#include "store/transaction.h"

#include <cstdlib>

// A schedule CSV, as `balcony-cli import schedule FILE --cycle 2022-2023` reaches it: the whole
// import into the demo region's cycle, writes included, rolled back after each input.
namespace {
qint64 cycleId = 0;
}

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    balcony::fuzz::initialise(argc, argv);
    auto cycle = balcony::ScheduleStore(balcony::fuzz::demoRegion()).cycleByName(QStringLiteral("2022-2023"));
    if (!cycle) {
        std::abort();
    }
    cycleId = cycle->id;
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace balcony;
    const fuzz::Scratch scratch;
    const QString file = scratch.write(QStringLiteral("schedule.csv"), data, size);
    if (file.isEmpty()) {
        std::abort();
    }
    Database& db = fuzz::demoRegion();
    Transaction undone(db);
    if (!undone.isActive()) {
        std::abort();
    }
    (void)interchange::importScheduleFile(db, cycleId, file);
    return 0;
}
