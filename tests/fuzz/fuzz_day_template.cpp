#include "engine/clock.h"
#include "engine/day_plan_store.h"
#include "fuzz_support.h"
#include "store/database.h"
#include "store/transaction.h"

#include <cstdlib>

// A day template JSON file, as `balcony-cli template import FILE` reaches it: parsed, validated
// and stored in the demo region; rolled back after each input.
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    balcony::fuzz::initialise(argc, argv);
    balcony::fuzz::demoRegion();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace balcony;
    const fuzz::Scratch scratch;
    const QString file = scratch.write(QStringLiteral("template.json"), data, size);
    if (file.isEmpty()) {
        std::abort();
    }
    Database& db = fuzz::demoRegion();
    Transaction undone(db);
    if (!undone.isActive()) {
        std::abort();
    }
    const FakeClock clock(
        QDateTime(QDate(2026, 11, 30), QTime(9, 0), Qt::UTC)); // a fixed stamp: same input, same run
    (void)DayPlanStore(db).importTemplate(file, clock);
    return 0;
}
