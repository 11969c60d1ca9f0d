#include "store/region_lock.h"

#include "support/logging.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QLockFile>
#include <QSysInfo>
#include <cstdlib>

namespace balcony {
namespace {

// The lines Balcony adds after QLockFile's five.
const QByteArray userKey = QByteArrayLiteral("user=");
const QByteArray takenKey = QByteArrayLiteral("taken=");

QString currentUser() {
    // The login name, as the system's own tools show it; empty when the environment does not say.
    for (const char* name : {"USER", "LOGNAME", "USERNAME"}) {
        const QString value = qEnvironmentVariable(name);
        if (!value.isEmpty()) {
            return value;
        }
    }
    return {};
}

QString localTime(const QDateTime& utc) {
    return QLocale::c().toString(utc.toLocalTime(), QStringLiteral("HH:mm 'on' d MMMM yyyy"));
}

QString ageText(const QDateTime& then, const QDateTime& now) {
    if (!then.isValid() || !now.isValid()) {
        return {};
    }
    const qint64 seconds = then.secsTo(now);
    if (seconds < -60) {
        return QStringLiteral("in the future by this computer's clock");
    }
    if (seconds < 120) {
        return QStringLiteral("just now");
    }
    const qint64 minutes = seconds / 60;
    if (minutes < 120) {
        return QStringLiteral("%1 minutes ago").arg(minutes);
    }
    const qint64 hours = minutes / 60;
    if (hours < 48) {
        return QStringLiteral("%1 hours ago").arg(hours);
    }
    return QStringLiteral("%1 days ago").arg(hours / 24);
}

QString shownPeriod(std::chrono::seconds period) {
    if (period.count() == 60) {
        return QStringLiteral("minute");
    }
    return period.count() % 60 == 0 ? QStringLiteral("%1 minutes").arg(period.count() / 60)
                                    : QStringLiteral("%1 seconds").arg(period.count());
}

// Balcony's own lines, appended after QLockFile wrote its five. Unix only lets us: Windows keeps the
// lock file open without sharing writes, so there the lock has QLockFile's lines alone.
void appendOwnLines(const QString& path, const QDateTime& nowUtc) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append)) {
        return;
    }
    const QString user = currentUser();
    QByteArray lines;
    if (!user.isEmpty()) {
        lines += userKey + user.toUtf8() + '\n';
    }
    lines += takenKey + nowUtc.toUTC().toString(Qt::ISODate).toUtf8() + '\n';
    file.write(lines);
}

Error lockedBy(const LockHolder& holder, const QString& shown, const QDateTime& nowUtc) {
    if (!holder.readable) {
        return failure(Error::Kind::Locked,
                       QStringLiteral("%1 has a lock file (%1.lock) that cannot be read: it may be half "
                                      "copied by a sync service, or damaged. If you are sure no Balcony has "
                                      "the region open on any computer, take over the lock.")
                           .arg(shown));
    }
    if (!holder.otherComputer) {
        return failure(Error::Kind::Locked,
                       QStringLiteral("%1 is open in another Balcony (%2). Close it there first, or open "
                                      "this file read-only.")
                           .arg(shown, holder.describe()));
    }
    QString when;
    if (holder.takenUtc.isValid()) {
        when += QStringLiteral(" since %1").arg(localTime(holder.takenUtc));
    }
    const QString age = ageText(holder.renewedUtc, nowUtc);
    when +=
        QStringLiteral(", last written at %1%2")
            .arg(localTime(holder.renewedUtc), age.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(age));
    // Two computers may share a name (laptops built from one image, a replacement given the old
    // name); the machine id told them apart, so say so rather than name this computer.
    const bool sameName = !holder.hostName.isEmpty() &&
                          holder.hostName.compare(QSysInfo::machineHostName(), Qt::CaseInsensitive) == 0;
    const QString computer =
        sameName ? QStringLiteral("another computer also named %1 (not this one: its machine id differs)")
                       .arg(holder.hostName)
                 : QStringLiteral("another computer");
    return failure(Error::Kind::Locked,
                   QStringLiteral("%1 is open on %6: %2 holds its lock%3. The lock came here "
                                  "through a shared or synced folder, so Balcony cannot tell whether that "
                                  "program is still running; two computers writing one region lose each "
                                  "other's changes. A running Balcony desktop program renews its lock every "
                                  "%4. Close Balcony on %5 and wait for the lock to go, open this file "
                                  "read-only, or, only if you are sure Balcony is no longer open there, take "
                                  "over the lock.")
                       .arg(shown, holder.describe(), when, shownPeriod(RegionLock::renewalPeriod),
                            holder.hostName.isEmpty() ? QStringLiteral("the other computer")
                            : sameName                ? QStringLiteral("the other %1").arg(holder.hostName)
                                                      : holder.hostName,
                            computer));
}

} // namespace

QString LockHolder::describe() const {
    QString text = application.isEmpty() ? QStringLiteral("a program") : application;
    if (processId > 0) {
        text += QStringLiteral(" (process %1)").arg(processId);
    }
    if (!user.isEmpty()) {
        text += QStringLiteral(" of user %1").arg(user);
    }
    text +=
        QStringLiteral(" on %1").arg(hostName.isEmpty() ? QStringLiteral("an unnamed computer") : hostName);
    return text;
}

std::optional<LockHolder> readLockHolder(const QString& lockPath) {
    QFile file(lockPath);
    if (!file.exists()) {
        return std::nullopt;
    }
    LockHolder holder;
    holder.renewedUtc = QFileInfo(lockPath).lastModified().toUTC();
    if (!file.open(QIODevice::ReadOnly)) {
        return holder;
    }
    const QList<QByteArray> lines = file.readAll().split('\n');
    bool numeric = false;
    holder.processId = lines.value(0).trimmed().toLongLong(&numeric);
    if (!numeric || holder.processId <= 0 || lines.size() < 3) {
        return holder;
    }
    holder.readable = true;
    holder.application = QString::fromUtf8(lines.value(1).trimmed());
    holder.hostName = QString::fromUtf8(lines.value(2).trimmed());
    const QByteArray machineId = lines.value(3).trimmed();
    for (qsizetype i = 5; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.startsWith(userKey)) {
            holder.user = QString::fromUtf8(line.mid(userKey.size()));
        } else if (line.startsWith(takenKey)) {
            holder.takenUtc =
                QDateTime::fromString(QString::fromUtf8(line.mid(takenKey.size())), Qt::ISODate);
        }
    }
    // The same rule QLockFile applies: the machine id decides when both sides know it.
    const QByteArray ourMachineId = QSysInfo::machineUniqueId();
    if (!machineId.isEmpty() && !ourMachineId.isEmpty()) {
        holder.otherComputer = machineId != ourMachineId;
    } else {
        holder.otherComputer = !holder.hostName.isEmpty() && holder.hostName != QSysInfo::machineHostName();
    }
    return holder;
}

Result<std::unique_ptr<RegionLock>> RegionLock::take(const QString& databasePath, const QString& shown,
                                                     TakeOver takeOver, const QDateTime& nowUtc) {
    std::unique_ptr<RegionLock> lock(new RegionLock);
    lock->m_path = databasePath + QStringLiteral(".lock");
    lock->m_lock = std::make_unique<QLockFile>(lock->m_path);
    // Never stale by age: only a lock of this computer whose process is gone is (QLockFile checks that).
    lock->m_lock->setStaleLockTime(0);
    if (!lock->m_lock->tryLock(0)) {
        if (lock->m_lock->error() != QLockFile::LockFailedError) {
            return failure(Error::Kind::ReadOnly,
                           QStringLiteral("The lock file for %1 cannot be created beside it. Check that its "
                                          "folder can be written.")
                               .arg(shown));
        }
        const auto holder = readLockHolder(lock->m_path);
        if (!holder) {
            // Released between our attempt and the look: try once more.
            if (lock->m_lock->tryLock(0)) {
                appendOwnLines(lock->m_path, nowUtc);
                return lock;
            }
            return failure(Error::Kind::Locked,
                           QStringLiteral("%1 is being opened by another Balcony. Try again.").arg(shown));
        }
        const bool mayTakeOver = !holder->readable || holder->otherComputer;
        if (takeOver != TakeOver::Confirmed || !mayTakeOver) {
            return lockedBy(*holder, shown, nowUtc);
        }
        // removeStaleLockFile refuses a lock a live process on this computer holds (flock on Unix,
        // an open handle on Windows): a confirmed take-over cannot take a lock that is really in use here.
        if (!lock->m_lock->removeStaleLockFile() || !lock->m_lock->tryLock(0)) {
            return failure(
                Error::Kind::Locked,
                QStringLiteral("The lock of %1 could not be taken over: a program on this computer "
                               "still has it. Close it and try again.")
                    .arg(shown));
        }
        logging::get("store")->warn("took over the lock of {} from {}", databasePath.toStdString(),
                                    holder->describe().toStdString());
        lock->m_takenOverFrom = holder;
    }
    appendOwnLines(lock->m_path, nowUtc);
    return lock;
}

RegionLock::~RegionLock() {
    if (m_lock) {
        m_lock->unlock();
    }
}

Status RegionLock::renew(const QDateTime& nowUtc) {
    QFile file(m_path);
    // Opening for appending changes nothing in the file; setFileTime needs an open file. ExistingOnly:
    // a lock file that vanished must not come back empty, which would read as unreadable.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::ExistingOnly) ||
        !file.setFileTime(nowUtc, QFileDevice::FileModificationTime)) {
        return failure(
            Error::Kind::Failed,
            QStringLiteral("The lock file %1 could not be renewed: %2").arg(m_path, file.errorString()));
    }
    return {};
}

} // namespace balcony
