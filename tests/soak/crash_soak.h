#pragma once

#include "store/database.h"

#include <QString>
#include <cstdint>
#include <memory>

// The crash soak: a parent starts child processes that write day events and note revisions as fast
// as they can, kills each with SIGKILL at a random instant, and checks that everything a child
// reported as saved is still there, that the file is intact and that the day's log replays.
//
// The child reports on stdout, one line per write, only after the commit returned:
//   READY                               the database is open and the engine loaded
//   N <item> <revision> <deleted> <tag> a note revision; its text is soakText(tag) unless deleted
//   E <event id> <block> <status>       a day event, with the state the engine reported after it
namespace balcony::soak {

inline const QString cycleName = QStringLiteral("2026-2027");
inline const QString groupLabel = QStringLiteral("A");

// The text a revision with this tag carries; its length varies so that pages fill unevenly.
QString soakText(const QString& tag);

// Creates a region database with one cycle and one triad to run a day for.
bool createRegion(const QString& path, QString& error);

int runChild(const QString& path, std::uint64_t seed);

struct ParentOptions {
    int kills = 10;
    std::uint64_t seed = 1;
    int maxDelayMs = 200;   // a kill lands up to this long after the child is ready
    int killsPerFile = 100; // a fresh database after this many kills, so that checks stay quick
    QString folder;         // where the databases go; a temporary folder when empty
};
int runParent(const QString& program, const ParentOptions& options);

} // namespace balcony::soak
