#pragma once

#include "support/result.h"

#include <QDateTime>
#include <QString>
#include <functional>
#include <optional>
#include <vector>

namespace balcony {

class Clock;
class Database;

// Backups of a region database (docs/backups.md).
//
// Every copy is made with SQLite's online backup API from a connection of its own, opened read-only on
// the region file, inside one read transaction: it is the last committed state of the region, whole,
// even while another connection (this program's or another's) is writing, and nothing uncommitted of
// a transaction in progress on the caller's connection can leak into it. A copy is written to a
// temporary name in the target folder, flushed to disk, given owner-only permissions, checked (SQLite's
// integrity_check, Balcony's application_id, a schema this build can read) and only then renamed into
// place, so a backup that exists is a good one.
//
// Rolling backups live in one folder per region, beside the region file by default:
// "<region file>-backups/" (region.balcony -> region.balcony-backups/). A backup belongs with the
// region it copies, moves with it, and needs no lookup table. Each is named with the UTC time it was
// made and why: "2026-11-30T190512Z-daily.balcony". Only the newest Policy::keep are kept.
namespace backups {

enum class Reason {
    BeforeMigration, // the file is about to be upgraded to this Balcony's schema
    BeforeImport,    // a roster, schedule, question bank or day template import is about to write
    BeforeRestore,   // the region is about to be replaced by a backup
    Daily,           // the first time the region is opened for writing on a (UTC) day
    Manual,          // the user asked (balcony-cli backup, File > Back Up Now)
};

// "before-migration", "before-import", "before-restore", "daily", "manual": the name in the file name.
QString reasonName(Reason reason);
// The same for people: "before an upgrade", "before an import", ...
QString reasonText(Reason reason);

// How many rolling backups are kept when nothing else is said.
constexpr int defaultKeep = 10;
// The settings key (in the desktop program's settings, organisation "Balcony", application "balcony",
// which balcony-cli reads too) that says how many rolling backups to keep: a whole number, 1 or more.
inline constexpr char keepSettingsKey[] = "backups/keep";

struct Policy {
    QString folder;         // empty: beside the region file (folderFor)
    int keep = defaultKeep; // rolling backups kept per folder; the oldest beyond it are deleted
    bool automatic = true;  // false: no backup before a migration or an import, and none daily
};

// The policy the front ends use: keep from keepSettingsKey (defaultKeep when unset or not a whole
// number of 1 or more), the folder beside the region file.
Policy policyFromSettings();

// The folder that holds the region's rolling backups (absolute).
QString folderFor(const QString& regionPath, const Policy& policy);

struct BackupFile {
    QString path;      // absolute
    QDateTime madeUtc; // from the file name, UTC, to the second
    Reason reason = Reason::Manual;
    qint64 bytes = 0;
};

// Checks that path is a whole Balcony database that this build can open: an SQLite file (else
// NotBalcony), with Balcony's application_id (else NotBalcony), a schema no newer than this build's
// (else TooNew), and SQLite's integrity_check "ok" (else Corrupt). Reads only: the file is opened
// immutable and read-only, and nothing is created beside it. Returns the schema version. Every
// message names the file.
Result<int> checkFile(const QString& path);

// Called now and then during a copy with the pages copied so far and the pages in all.
using Progress = std::function<void(int pagesDone, int pagesTotal)>;

// Copies the committed state of the database at sourcePath into target (which must not exist), as
// above: temporary name, flushed, owner-only, checked, renamed. On failure nothing is left at target
// and the source is untouched. Safe to call from any thread: it uses connections of its own.
// A full disk fails with disk_full::error naming target's folder (support/disk_full.h).
Status copyTo(const QString& sourcePath, const QString& target, const Progress& progress = {});

// Makes a rolling backup of the region at regionPath in folderFor(regionPath, policy), named with
// clock's UTC time and reason, then deletes the oldest beyond policy.keep. Fails (ReadOnly) when the
// folder cannot be created or written, saying so; callers that guard a change report that and go on.
Result<BackupFile> make(const QString& regionPath, Reason reason, const Policy& policy, const Clock& clock,
                        const Progress& progress = {});

// The region's rolling backups, newest first (by the time in their names). Files that do not follow
// the naming are ignored; nothing is checked or opened.
std::vector<BackupFile> list(const QString& regionPath, const Policy& policy);

// The newest backup that passes checkFile, if any (older ones are tried in turn).
std::optional<BackupFile> newestGood(const QString& regionPath, const Policy& policy);

// Balcony's backups are copies of region files. For a region on a PostgreSQL server (a
// postgresql:// location, store/location.h) this refuses, saying to use pg_dump or `region pull`
// (docs/server.md); every entry point below that takes a region's path checks it first, so a URL is
// never taken for a file name. Empty (success) for a file.
Status fileRegionOnly(const QString& regionPath, const QString& what);

// Whether a daily backup is due: none in the folder was made on clock's UTC day.
bool dailyDue(const QString& regionPath, const Policy& policy, const Clock& clock);

// Before a change to an open, writable database (an import): a rolling backup with reason, unless
// the policy is not automatic or the database is read-only or was created by this open (nothing to
// keep yet). Never fails the change: returns a message for the user when no backup could be made,
// empty otherwise.
QString beforeChange(Database& db, Reason reason);

// What restore() did.
struct RestoreOutcome {
    int schemaVersion = 0; // the restored file's, before any upgrade on its next opening
    // Where the region as it was before the restore was kept: a rolling backup (before-restore), or,
    // when the region could not be read whole, a plain copy of its bytes ("...-before-restore.damaged").
    QString keptAs;
};

// Replaces the region at regionPath with the database at backupPath. Refuses, changing nothing and
// naming the file, a backup that checkFile refuses, the region file itself, and a region another
// Balcony holds (Locked: takes the region's lock for the time of the restore; takeOverLock as in
// Database::Options). Keeps the current region first (see RestoreOutcome::keptAs) and refuses when
// it cannot. The copy is written beside the region, checked, and renamed over it; the region's old
// -wal and -shm files go with it.
Result<RestoreOutcome> restore(const QString& regionPath, const QString& backupPath, const Policy& policy,
                               const Clock& clock, bool takeOverLock = false);

// What to offer for a region that failed to open as damaged: the newest good backup, and a message
// naming it, its time (UTC) and that whatever was changed after it (up to the damaged file's last
// change) would be lost by restoring it. Nothing when there is no good backup.
struct Recovery {
    BackupFile backup;
    QString message;
};
std::optional<Recovery> recoveryOffer(const QString& regionPath, const Policy& policy);

// "30 Nov 2026 19:05 UTC": how backups' times are shown.
QString shownTime(const QDateTime& utc);

} // namespace backups
} // namespace balcony
