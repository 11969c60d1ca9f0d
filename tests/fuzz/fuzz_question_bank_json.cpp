#include "fuzz_support.h"
#include "questions/bank_store.h"
#include "store/database.h"
#include "store/transaction.h"

#include <cstdlib>

// A question bank file named *.json, as `balcony-cli questions import FILE` reaches it: read,
// checked and, when it has no error, stored as the region's bank; rolled back after each input.
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    balcony::fuzz::initialise(argc, argv);
    balcony::fuzz::demoRegion();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace balcony;
    const fuzz::Scratch scratch;
    const QString file = scratch.write(QStringLiteral("bank.json"), data, size);
    if (file.isEmpty()) {
        std::abort();
    }
    Database& db = fuzz::demoRegion();
    Transaction undone(db);
    if (!undone.isActive()) {
        std::abort();
    }
    (void)questions::importBankFile(db, file);
    return 0;
}
