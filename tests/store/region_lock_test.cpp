#include "domain/roster_store.h"
#include "engine/clock.h"
#include "helpers/temp_dir.h"
#include "store/database.h"
#include "store/region_lock.h"
#include "store_probe_helpers.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSysInfo>
#include <catch2/catch.hpp>

// A lock that a sync service (OneDrive, Dropbox) or a network share carried over from another
// computer says nothing about whether its holder still runs: it is never stale by age, and is taken
// over only when the user confirms.
using namespace balcony;

namespace {

const QDateTime now = QDateTime(QDate(2026, 11, 30), QTime(15, 0), Qt::UTC);

// QLockFile's five lines as the other computer wrote them (the shape of
// cases/c21-lock-from-other-computer.lock), with Balcony's own lines when given.
QByteArray foreignLock(const QByteArray& extra = {}) {
    return QByteArrayLiteral("4242\nbalcony\nPM-LAPTOP\n0f0e0d0c0b0a09080706050403020100\n"
                             "11111111-2222-3333-4444-555555555555\n") +
           extra;
}

void placeLock(const QString& dbPath, const QByteArray& content, const QDateTime& modifiedUtc) {
    const QString lockPath = dbPath + QStringLiteral(".lock");
    test::writeFile(lockPath, content);
    QFile file(lockPath);
    REQUIRE(file.open(QIODevice::ReadWrite));
    REQUIRE(file.setFileTime(modifiedUtc, QFileDevice::FileModificationTime));
}

bool hasAuthority(Database& db, const QString& name) {
    return RosterStore(db).authorityByName(name).ok();
}

} // namespace

TEST_CASE("Another computer's lock is honoured however old it is, and the file is left untouched",
          "[store][lock]") {
    const auto age = GENERATE(10, 31, 600, 3 * 24 * 3600); // seconds: older than QLockFile's 30 s too
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("region.balcony"));
    REQUIRE(test::makeRegion(path, {QStringLiteral("Kent")}));
    placeLock(path, foreignLock(), now.addSecs(-age));
    const auto before = test::snapshot(QFileInfo(path).absolutePath());
    const FakeClock clock(now);

    auto opened = Database::open(path, {.clock = &clock});
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().kind == Error::Kind::Locked);
    CHECK(opened.message().contains(QStringLiteral("region.balcony")));
    CHECK(opened.message().contains(QStringLiteral("another computer")));
    CHECK(opened.message().contains(QStringLiteral("PM-LAPTOP")));
    CHECK(opened.message().contains(QStringLiteral("process 4242")));
    CHECK(opened.message().contains(QStringLiteral("last written at")));
    if (age == 600) {
        CHECK(opened.message().contains(QStringLiteral("(10 minutes ago)")));
    }
    CHECK(opened.message().contains(QStringLiteral("take over the lock")));
    CHECK(test::snapshot(QFileInfo(path).absolutePath()) == before);

    // Reading needs no lock.
    auto reader = Database::open(path, {.readOnly = true});
    REQUIRE(reader.ok());
    CHECK(hasAuthority(**reader, QStringLiteral("Kent")));
}

TEST_CASE("A lock from another computer with this computer's name says it is another computer of that name",
          "[store][lock]") {
    // Council laptops built from one image, or a laptop replaced and given the old name: the names
    // match, the machine ids do not. "Close Balcony on <this computer's name>" would send the user
    // looking on their own computer.
    if (QSysInfo::machineUniqueId().isEmpty()) {
        WARN("this system has no machine id: the check is skipped.");
        return;
    }
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("region.balcony"));
    REQUIRE(test::makeRegion(path, {QStringLiteral("Kent")}));
    QByteArray lock = foreignLock();
    lock.replace("PM-LAPTOP", QSysInfo::machineHostName().toUtf8());
    placeLock(path, lock, now.addSecs(-3600));
    const FakeClock clock(now);

    auto opened = Database::open(path, {.clock = &clock});
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().kind == Error::Kind::Locked);
    CHECK(opened.message().contains(
        QStringLiteral("another computer also named %1").arg(QSysInfo::machineHostName())));
    CHECK(opened.message().contains(QStringLiteral("not this one")));
}

TEST_CASE("Another computer's lock is taken over when the user confirms, and says whose it was",
          "[store][lock]") {
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("region.balcony"));
    REQUIRE(test::makeRegion(path, {QStringLiteral("Kent")}));
    placeLock(path, foreignLock("user=jo\ntaken=2026-11-30T09:00:00Z\n"), now.addSecs(-600));
    const FakeClock clock(now);

    auto opened = Database::open(path, {.takeOverLock = true, .clock = &clock});
    REQUIRE(opened.ok());
    const auto from = (*opened)->lockTakenOverFrom();
    REQUIRE(from.has_value());
    CHECK(from->hostName == QStringLiteral("PM-LAPTOP"));
    CHECK(from->user == QStringLiteral("jo"));
    CHECK(from->takenUtc == QDateTime(QDate(2026, 11, 30), QTime(9, 0), Qt::UTC));
    REQUIRE((*opened)->warnings().size() >= 1);
    CHECK((*opened)->warnings().join(u' ').contains(QStringLiteral("Took over the lock")));
    CHECK((*opened)->warnings().join(u' ').contains(QStringLiteral("of user jo on PM-LAPTOP")));

    // The lock is now ours: this process, this computer, this time.
    const auto holder = readLockHolder(path + QStringLiteral(".lock"));
    REQUIRE(holder.has_value());
    CHECK(holder->processId == QCoreApplication::applicationPid());
    CHECK_FALSE(holder->otherComputer);
    CHECK(holder->takenUtc == now);
    CHECK(RosterStore(**opened).addAuthority(QStringLiteral("Medway")).ok());
}

TEST_CASE("A lock that cannot be read, or one in the oldest three-line form, waits for the user too",
          "[store][lock]") {
    const QByteArray content =
        GENERATE(QByteArray(), QByteArray("garbage\n"), QByteArray("17\nbalcony\nOLD-PC\n"));
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("region.balcony"));
    REQUIRE(test::makeRegion(path, {}));
    placeLock(path, content, now.addSecs(-3600));
    const FakeClock clock(now);

    auto refused = Database::open(path, {.clock = &clock});
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == Error::Kind::Locked);
    CHECK(test::readAll(path + QStringLiteral(".lock")) == content);

    auto confirmed = Database::open(path, {.takeOverLock = true, .clock = &clock});
    CHECK(confirmed.ok());
}

TEST_CASE("A lock of this computer whose process is gone is taken at once, without asking", "[store][lock]") {
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("region.balcony"));
    REQUIRE(test::makeRegion(path, {}));
    // A process id far above Linux's pid_max default (4194304 at most): no process has it.
    const QByteArray ours = QByteArrayLiteral("99999999\nbalcony\n") + QSysInfo::machineHostName().toUtf8() +
                            '\n' + QSysInfo::machineUniqueId() + '\n' + QSysInfo::bootUniqueId() + '\n';
    placeLock(path, ours, now.addSecs(-5));

    auto opened = Database::open(path);
    REQUIRE(opened.ok());
    CHECK_FALSE((*opened)->lockTakenOverFrom().has_value());
}

TEST_CASE("A live Balcony on this computer keeps its lock even when a take-over is confirmed",
          "[store][lock][process]") {
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("region.balcony"));
    REQUIRE(test::makeRegion(path, {QStringLiteral("Kent")}));
    test::HeldDatabase other({path});
    REQUIRE(other.isHolding());
    const QByteArray lockBefore = test::readAll(path + QStringLiteral(".lock"));

    auto second = Database::open(path, {.takeOverLock = true});
    REQUIRE_FALSE(second.ok());
    CHECK(second.error().kind == Error::Kind::Locked);
    CHECK(second.message().contains(QString::number(other.processId())));
    CHECK(test::readAll(path + QStringLiteral(".lock")) == lockBefore);
}

TEST_CASE("A held lock records its user and time, and renewing it moves its time on", "[store][lock]") {
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("region.balcony"));
    REQUIRE(test::makeRegion(path, {}));
    const FakeClock clock(now);
    auto opened = Database::open(path, {.clock = &clock});
    REQUIRE(opened.ok());
    const QString lockPath = path + QStringLiteral(".lock");
    const auto taken = readLockHolder(lockPath);
    REQUIRE(taken.has_value());
    CHECK(taken->readable);
    CHECK(taken->application.startsWith(QStringLiteral("balcony")));
    CHECK(taken->takenUtc == now);
    const QByteArray content = test::readAll(lockPath);

    const QDateTime later = now.addSecs(3600);
    REQUIRE((*opened)->renewLock(later).ok());
    CHECK(QFileInfo(lockPath).lastModified().toUTC() == later);
    CHECK(test::readAll(lockPath) == content); // renewing changes the time, not what the lock says

    // A lock file removed behind our back is not brought back empty.
    REQUIRE(QFile::remove(lockPath));
    CHECK_FALSE((*opened)->renewLock(later).ok());
    CHECK_FALSE(QFileInfo::exists(lockPath));
}

TEST_CASE("A read-only database has no lock to renew", "[store][lock]") {
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("region.balcony"));
    REQUIRE(test::makeRegion(path, {}));
    auto reader = Database::open(path, {.readOnly = true});
    REQUIRE(reader.ok());
    CHECK((*reader)->renewLock(now).ok());
    CHECK_FALSE(QFileInfo::exists(path + QStringLiteral(".lock")));
}
