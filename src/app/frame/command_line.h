#pragma once

#include <QSize>
#include <QString>
#include <QStringList>
#include <optional>

namespace balcony::gui {

// What `balcony [--db FILE] [--read-only] [--screenshot OUT.png --view NAME [--size WxH]] [PACK]` asked.
struct CommandLine {
    QString databasePath;       // --db, else BALCONY_DB, else the default path
    bool databaseNamed = false; // by --db or BALCONY_DB (not the default)
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

// The region the desktop program opens at start: the one named by --db or BALCONY_DB; else the last
// one opened (recent: newest first) that still exists, so that opening Balcony after a crash during
// a day finds that day's region; else the default path.
QString databaseToOpen(const CommandLine& options, const QStringList& recent);

// Parses the arguments (QCoreApplication must exist). On --help/--version or bad usage it prints
// and returns nullopt with exitCode set (0 for help/version, 2 for bad usage).
std::optional<CommandLine> parseCommandLine(const QStringList& arguments, const QStringList& viewNames,
                                            int& exitCode);

} // namespace balcony::gui
