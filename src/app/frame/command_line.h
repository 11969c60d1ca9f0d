#pragma once

#include <QSize>
#include <QString>
#include <QStringList>
#include <optional>

namespace balcony::gui {

// What `balcony [--db FILE] [--read-only] [--screenshot OUT.png --view NAME [--size WxH]] [PACK]` asked.
struct CommandLine {
    QString databasePath; // --db, else BALCONY_DB, else the default path
    bool readOnly = false;
    // A review pack to open in the DCS's window (docs/guide-dcs.md) instead of a region: the one
    // positional argument, as a file manager passes it on a double-click.
    QString packPath;
    QString screenshotPath; // empty unless --screenshot
    QString view = QStringLiteral("schedule");
    QSize size{1280, 800};
    // --exit-after-first-paint (hidden, for tests/bench/bench_startup): once the main window has
    // painted with the region loaded, print the monotonic clock and exit 0.
    bool exitAfterFirstPaint = false;
};

// Parses the arguments (QCoreApplication must exist). On --help/--version or bad usage it prints
// and returns nullopt with exitCode set (0 for help/version, 2 for bad usage).
std::optional<CommandLine> parseCommandLine(const QStringList& arguments, const QStringList& viewNames,
                                            int& exitCode);

} // namespace balcony::gui
