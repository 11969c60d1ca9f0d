#include "crash_soak.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <cstdio>

// balcony_crash_soak [--kills N] [--seed S] [--max-delay MS] [--kills-per-file K] [--dir FOLDER]
// Prints "kills: N, lost: L, corrupt: C" and exits 0 only when L and C are 0.
int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Kills a writing Balcony process at random instants and "
                                                    "checks that nothing it reported saved was lost."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("kills"), QStringLiteral("How many children to kill."), QStringLiteral("N"),
         QStringLiteral("10")},
        {QStringLiteral("seed"), QStringLiteral("Seed of the kill instants and of the writes."),
         QStringLiteral("S"), QStringLiteral("1")},
        {QStringLiteral("max-delay"), QStringLiteral("Longest wait before a kill, after the child is ready."),
         QStringLiteral("MS"), QStringLiteral("200")},
        {QStringLiteral("kills-per-file"), QStringLiteral("Start a fresh database after this many kills."),
         QStringLiteral("K"), QStringLiteral("100")},
        {QStringLiteral("dir"), QStringLiteral("Keep the databases in this folder."),
         QStringLiteral("FOLDER")},
        {QStringLiteral("child"), QStringLiteral("Run as the writing child (used by the soak itself).")},
        {QStringLiteral("db"), QStringLiteral("The child's database."), QStringLiteral("FILE")},
    });
    parser.process(app);
    const auto seed = parser.value(QStringLiteral("seed")).toULongLong();
    if (parser.isSet(QStringLiteral("child"))) {
        return balcony::soak::runChild(parser.value(QStringLiteral("db")), seed);
    }
    balcony::soak::ParentOptions options;
    options.kills = parser.value(QStringLiteral("kills")).toInt();
    options.seed = seed;
    options.maxDelayMs = qMax(1, parser.value(QStringLiteral("max-delay")).toInt());
    options.killsPerFile = qMax(1, parser.value(QStringLiteral("kills-per-file")).toInt());
    options.folder = parser.value(QStringLiteral("dir"));
    if (options.kills < 1) {
        std::fprintf(stderr, "soak: --kills needs a whole number above 0\n");
        return 2;
    }
    return balcony::soak::runParent(QCoreApplication::applicationFilePath(), options);
}
