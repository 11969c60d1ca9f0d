#pragma once

#include "support/result.h"

#include <QDateTime>
#include <QString>
#include <chrono>
#include <memory>
#include <optional>

class QLockFile;

namespace balcony {

// Who holds a region's lock file (<database>.lock), as read from the file. The first five lines are
// QLockFile's own (process id, application, host name, machine id, boot id); Balcony adds the user
// and the time it took the lock on the lines after them, which QLockFile ignores, so a lock written
// by an older Balcony or another Qt program still reads (without those two).
struct LockHolder {
    qint64 processId = 0;
    QString application;  // "balcony", "balcony-cli"; empty when the file does not say
    QString hostName;     // the computer's name as that computer gave it
    QString user;         // empty when the lock does not record it
    QDateTime takenUtc;   // when the lock was taken; invalid when the lock does not record it
    QDateTime renewedUtc; // the lock file's modification time: when it was written or last renewed
    // Written on another computer (its machine id, or when either is unknown its host name, differs
    // from ours). Such a lock reached this folder through a sync service or a network share, and
    // whether its process still runs cannot be known from here.
    bool otherComputer = false;
    bool readable = false; // false when the file is empty or cut short (e.g. half synced)

    // "balcony (process 4242) of user jo on PM-LAPTOP"; the parts the lock does not record are left out.
    QString describe() const;
};

// What is in the lock file at lockPath, or nothing when there is no such file.
std::optional<LockHolder> readLockHolder(const QString& lockPath);

// The write lock on one region database: a QLockFile at <database>.lock, held while a Balcony
// program may write the region.
//
// A lock is never taken over because of its age alone (QLockFile's default is 30 seconds, which let
// a sync service's copy of another computer's lock lapse while that computer was still writing).
// What counts as stale: a lock written on this computer whose process is gone (or written before
// this computer last started): it is taken at once. A lock of another computer, or one that cannot
// be read, is taken only when the caller passes TakeOver::Confirmed, which a front end does only
// after the user said so.
class RegionLock final {
public:
    enum class TakeOver { No, Confirmed };

    // How often a long-running program renews its lock (renew()), so that the lock's age says
    // whether its holder is still there. One-shot commands do not renew: they finish long before.
    static constexpr std::chrono::seconds renewalPeriod{60};

    // Takes the lock of the database at databasePath (absolute). Fails with Error::Kind::Locked,
    // naming the holder, when a live program on this computer holds it, or (without
    // TakeOver::Confirmed) when another computer's or an unreadable lock is there; with
    // Error::Kind::ReadOnly when the lock file cannot be created. shown is the database's name in
    // messages; nowUtc says how long ago a foreign lock was last renewed.
    static Result<std::unique_ptr<RegionLock>> take(const QString& databasePath, const QString& shown,
                                                    TakeOver takeOver, const QDateTime& nowUtc);

    ~RegionLock(); // releases the lock (removes the file)
    RegionLock(const RegionLock&) = delete;
    RegionLock& operator=(const RegionLock&) = delete;

    QString lockPath() const { return m_path; }
    // The holder whose lock was taken over with TakeOver::Confirmed, for the front end to report.
    const std::optional<LockHolder>& takenOverFrom() const { return m_takenOverFrom; }

    // Sets the lock file's modification time to nowUtc. Failure (the file was removed by hand or
    // by a sync conflict, or the system refuses) is returned, and the lock is otherwise kept as is.
    Status renew(const QDateTime& nowUtc);

private:
    RegionLock() = default;

    QString m_path;
    std::unique_ptr<QLockFile> m_lock;
    std::optional<LockHolder> m_takenOverFrom;
};

} // namespace balcony
