#include "fuzz_support.h"
#include "review_pack/review_pack.h"

#include <QDateTime>
#include <QFile>
#include <cstdlib>

// Arbitrary bytes as a review pack: what `note pack-show` and the DCS's Balcony open (openPack,
// read-only and then for writing on a copy, with an answer written), and what the facilitator's
// `note import-pack` reads (readPackAnswer).
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    balcony::fuzz::initialise(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace balcony;
    const fuzz::Scratch scratch;
    const QString file = scratch.write(QStringLiteral("note.balcony-review"), data, size);
    const QString copy = scratch.path(QStringLiteral("copy.balcony-review"));
    if (file.isEmpty() || !QFile::copy(file, copy)) {
        std::abort();
    }
    {
        ReviewPack::Options options;
        options.readOnly = true;
        auto pack = openPack(file, options);
        if (pack) {
            (void)pack->state();
        }
    }
    (void)readPackAnswer(file);
    {
        auto pack = openPack(copy);
        if (pack && !pack->isReadOnly()) {
            // A fixed time: the fuzzer reads no clock, so each input replays the same way.
            const QDateTime when(QDate(2026, 11, 30), QTime(12, 0), Qt::UTC);
            if (pack->saveAmendment(QStringLiteral("An amended note."), QStringLiteral("A DCS"), when)) {
                (void)pack->returnWithAmendments(QStringLiteral("A DCS"), when);
            }
        }
    }
    (void)readPackAnswer(copy);
    return 0;
}
