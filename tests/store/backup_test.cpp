#include "domain/roster_store.h"
#include "domain/schedule_store.h"
#include "engine/clock.h"
#include "engine/day_plan_store.h"
#include "helpers/temp_dir.h"
#include "interchange/roster_import.h"
#include "interchange/schedule_import.h"
#include "questions/bank_format.h"
#include "questions/bank_store.h"
#include "questions/question_bank.h"
#include "store/backup.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/sql.h"
#include "store/transaction.h"
#include "store_probe_helpers.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <catch2/catch.hpp>

using namespace balcony;

namespace {

const QDateTime morning(QDate(2026, 11, 30), QTime(9, 0), Qt::UTC);

int authorityCount(const QString& path) {
    auto db = Database::open(path, {.readOnly = true});
    REQUIRE(db.ok());
    auto all = RosterStore(**db).authorities();
    REQUIRE(all.ok());
    return static_cast<int>(all->size());
}

// Overwrites bytes in the middle of every page after the first: SQLite's check cannot miss it.
void scribble(const QString& path) {
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadWrite));
    const qint64 size = file.size();
    for (qint64 page = 1; page * 4096 < size; ++page) {
        file.seek(page * 4096 + 8);
        file.write(QByteArray(200, '\x07'));
    }
}

QStringList namesIn(const QString& folder) {
    return QDir(folder).entryList(QDir::Files | QDir::Hidden, QDir::Name);
}

// A file as the first release of Balcony left it: schema 1 only.
void writeSchemaOne(const QString& path) {
    QStringList statements = migrations::foundation().statements;
    statements << QStringLiteral("PRAGMA application_id = %1").arg(Database::applicationId)
               << QStringLiteral("PRAGMA user_version = 1")
               << QStringLiteral("INSERT INTO authority(name) VALUES ('Kent'), ('Medway')");
    REQUIRE(test::runRaw(path, statements));
}

} // namespace

TEST_CASE("A backup made while the region is being written to is a whole copy of one moment",
          "[store][backup]") {
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("region.balcony"));
    auto db = Database::open(path, {.create = true});
    REQUIRE(db.ok());
    // Several megabytes, so that the copy takes many steps.
    REQUIRE(sql::run(**db, QStringLiteral("CREATE TABLE filler(b BLOB)")).ok());
    REQUIRE(
        sql::run(**db, QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                                      "WHERE i < 4000) INSERT INTO filler SELECT randomblob(1000) FROM n"))
            .ok());
    REQUIRE(RosterStore(**db).addAuthority(QStringLiteral("Kent")).ok());
    // Between the copy's steps the open connection commits more: the copy must not see it, nor be torn.
    int steps = 0;
    int written = 0;
    const QString copy = dir.path(QStringLiteral("copy.balcony"));
    auto copied = backups::copyTo(path, copy, [&](int done, int total) {
        ++steps;
        if (done < total) {
            REQUIRE(RosterStore(**db)
                        .addAuthority(QStringLiteral("Written during the copy %1").arg(++written))
                        .ok());
        }
    });
    REQUIRE(copied.ok());
    CHECK(steps > 2);
    CHECK(written > 1);
    auto checked = backups::checkFile(copy);
    REQUIRE(checked.ok());
    CHECK(*checked == Database::latestSchemaVersion());
    CHECK(authorityCount(copy) == 1);
    CHECK(authorityCount(path) == 1 + written);
    // Notes are confidential: the copy is the owner's alone, and nothing half-written is left.
    CHECK(QFileInfo(copy).permissions() == (QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                            QFileDevice::ReadUser | QFileDevice::WriteUser));
    CHECK(namesIn(dir.path(QString())).filter(QStringLiteral("partial")).isEmpty());
}

TEST_CASE("Rolling backups keep the newest few and delete the oldest", "[store][backup]") {
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("region.balcony"));
    REQUIRE(test::makeRegion(path, {QStringLiteral("Kent")}));
    FakeClock clock(morning);
    backups::Policy policy;
    policy.keep = 3;
    QStringList made;
    for (int i = 0; i < 5; ++i) {
        auto backup = backups::make(path, backups::Reason::Manual, policy, clock);
        REQUIRE(backup.ok());
        made << QFileInfo(backup->path).fileName();
        clock.advanceMinutes(90);
    }
    CHECK(made.first() == QStringLiteral("2026-11-30T090000Z-manual.balcony"));
    const auto kept = backups::list(path, policy);
    REQUIRE(kept.size() == 3);
    CHECK(QFileInfo(kept[0].path).fileName() == made[4]);
    CHECK(QFileInfo(kept[2].path).fileName() == made[2]);
    CHECK(kept[0].madeUtc == morning.addSecs(4 * 90 * 60));
    CHECK(kept[0].reason == backups::Reason::Manual);
    CHECK(QFileInfo(kept[0].path).absolutePath() ==
          QFileInfo(path).absoluteFilePath() + QStringLiteral("-backups"));
    CHECK(namesIn(backups::folderFor(path, policy)).size() == 3);
}

TEST_CASE("The check refuses a damaged backup and the newest good one is offered instead",
          "[store][backup]") {
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("region.balcony"));
    REQUIRE(test::makeRegion(path, {QStringLiteral("Kent"), QStringLiteral("Medway")}));
    FakeClock clock(morning);
    auto older = backups::make(path, backups::Reason::Daily, {}, clock);
    REQUIRE(older.ok());
    clock.advanceMinutes(60);
    auto newer = backups::make(path, backups::Reason::Manual, {}, clock);
    REQUIRE(newer.ok());
    scribble(newer->path);

    auto checked = backups::checkFile(newer->path);
    REQUIRE_FALSE(checked.ok());
    CHECK(checked.error().kind == Error::Kind::Corrupt);
    CHECK(checked.message().contains(QDir::toNativeSeparators(newer->path)));

    auto good = backups::newestGood(path, {});
    REQUIRE(good.has_value());
    CHECK(good->path == older->path);

    // A file that is not SQLite, and one of another program, are refused too, each by name.
    const QString text = dir.path(QStringLiteral("notes.txt"));
    test::writeFile(text, "not a database");
    CHECK(backups::checkFile(text).error().kind == Error::Kind::NotBalcony);
    const QString foreign = dir.path(QStringLiteral("foreign.sqlite"));
    REQUIRE(test::runRaw(foreign,
                         {QStringLiteral("CREATE TABLE t(x)"), QStringLiteral("PRAGMA application_id = 7")}));
    CHECK(backups::checkFile(foreign).error().kind == Error::Kind::NotBalcony);
    const QString newerSchema = dir.path(QStringLiteral("newer.balcony"));
    REQUIRE(test::makeRegion(newerSchema, {}));
    REQUIRE(test::runRaw(
        newerSchema, {QStringLiteral("PRAGMA user_version = %1").arg(Database::latestSchemaVersion() + 1)}));
    CHECK(backups::checkFile(newerSchema).error().kind == Error::Kind::TooNew);
}

TEST_CASE("Opening a file that needs upgrading keeps a backup first and a new file keeps none",
          "[store][backup][migration]") {
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("region.balcony"));
    writeSchemaOne(path);
    FakeClock clock(morning);
    {
        auto db = Database::open(path, {.clock = &clock});
        REQUIRE(db.ok());
        CHECK((*db)->warnings().isEmpty());
    }
    const auto made = backups::list(path, {});
    REQUIRE(made.size() == 1);
    CHECK(made[0].reason == backups::Reason::BeforeMigration);
    CHECK(QFileInfo(made[0].path).fileName() ==
          QStringLiteral("2026-11-30T090000Z-before-migration.balcony"));
    auto checked = backups::checkFile(made[0].path);
    REQUIRE(checked.ok());
    CHECK(*checked == 1); // the file as it was before the upgrade
    CHECK(authorityCount(path) == 2);

    // Opening it again, now current, and creating a new region make no backup.
    REQUIRE(Database::open(path, {.clock = &clock}).ok());
    CHECK(backups::list(path, {}).size() == 1);
    const QString fresh = dir.path(QStringLiteral("new.balcony"));
    REQUIRE(Database::open(fresh, {.create = true, .clock = &clock}).ok());
    CHECK_FALSE(QFileInfo::exists(backups::folderFor(fresh, {})));
}

TEST_CASE("A backup folder that cannot be written gives a message and the work goes on", "[store][backup]") {
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("region.balcony"));
    writeSchemaOne(path);
    // A file where the folder should be: the folder cannot be made, whoever runs the test (root too).
    test::writeFile(dir.path(QStringLiteral("blocked")), "a file");
    backups::Policy policy;
    policy.folder = dir.path(QStringLiteral("blocked/backups"));
    FakeClock clock(morning);

    auto db = Database::open(path, {.clock = &clock, .backups = policy});
    REQUIRE(db.ok());
    CHECK((*db)->schemaVersion() == Database::latestSchemaVersion());
    REQUIRE((*db)->warnings().size() == 1);
    const QString warning = (*db)->warnings().first();
    CHECK(warning.contains(QStringLiteral("No backup of")));
    CHECK(warning.contains(QDir::toNativeSeparators(policy.folder)));

    // An import goes ahead too, with the same message as a warning.
    auto imported =
        interchange::importRoster(**db, "la,dcs,dcs_email\nSurrey,Ann Reed,ann@surrey.example.org\n");
    REQUIRE(imported.ok());
    CHECK(imported->applied());
    REQUIRE(imported->problems.size() == 1);
    CHECK(imported->problems[0].severity == Problem::Severity::Warning);
    CHECK(imported->problems[0].message.contains(QStringLiteral("No backup of")));
    CHECK(authorityCount(path) == 3);
}

TEST_CASE("Every import keeps a backup before it writes and a dry run or a refused file keeps none",
          "[store][backup]") {
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("region.balcony"));
    REQUIRE(test::makeRegion(path, {QStringLiteral("Kent")}));
    FakeClock clock(morning);
    auto db = Database::open(path, {.clock = &clock});
    REQUIRE(db.ok());
    const QByteArray roster = "la,dcs,dcs_email\nMedway,Bo Lee,bo@medway.example.org\n";

    interchange::RosterImportOptions dryRun;
    dryRun.dryRun = true;
    REQUIRE(interchange::importRoster(**db, roster, dryRun).ok());
    REQUIRE(interchange::importRoster(**db, "la,nonsense\n\"open quote\n").ok());
    CHECK(backups::list(path, {}).empty());

    auto imported = interchange::importRoster(**db, roster);
    REQUIRE(imported.ok());
    CHECK(imported->problems.empty());
    auto made = backups::list(path, {});
    REQUIRE(made.size() == 1);
    CHECK(made[0].reason == backups::Reason::BeforeImport);
    CHECK(authorityCount(made[0].path) == 1); // the region as it was before the import

    clock.advanceMinutes(1);
    auto missing = questions::importBankFile(**db, dir.path(QStringLiteral("missing.json")));
    CHECK_FALSE(missing.ok());
    CHECK(backups::list(path, {}).size() == 1);

    // The question bank and the schedule keep theirs too, each once.
    auto defaults = questions::defaultBank();
    REQUIRE(defaults.ok());
    auto bank = questions::importBank(**db, questions::bankJson(*defaults), QStringLiteral("bank.json"));
    REQUIRE(bank.ok());
    CHECK(bank->written);
    CHECK(backups::list(path, {}).size() == 2);
    clock.advanceMinutes(1);
    Cycle cycle;
    cycle.name = QStringLiteral("2022-2023");
    cycle.firstDay = QDate(2022, 9, 1);
    cycle.lastDay = QDate(2023, 3, 31);
    auto cycleId = ScheduleStore(**db).addCycle(cycle);
    REQUIRE(cycleId.ok());
    auto schedule = interchange::importSchedule(**db, *cycleId,
                                                "group,date,mode,venue,facilitator,la,lead_reviewer_for\n"
                                                "1,2023-01-16,virtual,,,Kent,\n");
    REQUIRE(schedule.ok());
    CHECK(schedule->applied());
    CHECK(backups::list(path, {}).size() == 3);

    // And a day template.
    clock.advanceMinutes(1);
    const QString dayTemplate = dir.path(QStringLiteral("our-triad.json"));
    QFile shipped(QStringLiteral(":/balcony/templates/triad.json"));
    REQUIRE(shipped.open(QIODevice::ReadOnly));
    test::writeFile(dayTemplate, shipped.readAll().replace("\"triad\"", "\"our-triad\""));
    auto stored = DayPlanStore(**db).importTemplate(dayTemplate, clock);
    INFO((stored.ok() ? QString() : stored.message()).toStdString());
    REQUIRE(stored.ok());
    const auto all = backups::list(path, {});
    REQUIRE(all.size() == 4);
    for (const auto& backup : all) {
        CHECK(backup.reason == backups::Reason::BeforeImport);
    }
}

TEST_CASE("A daily backup is due once per UTC day", "[store][backup]") {
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("region.balcony"));
    REQUIRE(test::makeRegion(path, {QStringLiteral("Kent")}));
    FakeClock clock(QDateTime(QDate(2026, 11, 30), QTime(23, 30), Qt::UTC));
    CHECK(backups::dailyDue(path, {}, clock));
    REQUIRE(backups::make(path, backups::Reason::Daily, {}, clock).ok());
    CHECK_FALSE(backups::dailyDue(path, {}, clock));
    clock.advanceMinutes(20);
    CHECK_FALSE(backups::dailyDue(path, {}, clock));
    clock.advanceMinutes(20); // past midnight UTC
    CHECK(backups::dailyDue(path, {}, clock));
}

TEST_CASE("Restoring a backup replaces the region and keeps the region as it was", "[store][backup]") {
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("region.balcony"));
    REQUIRE(test::makeRegion(path, {QStringLiteral("Kent")}));
    FakeClock clock(morning);
    auto backup = backups::make(path, backups::Reason::Manual, {}, clock);
    REQUIRE(backup.ok());
    {
        auto db = Database::open(path);
        REQUIRE(db.ok());
        REQUIRE(RosterStore(**db).addAuthority(QStringLiteral("Medway")).ok());
    }
    clock.advanceMinutes(5);
    const auto shared = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                        QFileDevice::WriteGroup | QFileDevice::ReadUser | QFileDevice::WriteUser;
    REQUIRE(QFile::setPermissions(path, shared)); // a team's folder: the group may write the region
    auto restored = backups::restore(path, backup->path, {}, clock);
    REQUIRE(restored.ok());
    CHECK(authorityCount(path) == 1);
    CHECK(QFileInfo(path).permissions() == shared);
    REQUIRE_FALSE(restored->keptAs.isEmpty());
    CHECK(authorityCount(restored->keptAs) == 2);
    CHECK(QFileInfo(restored->keptAs).fileName() ==
          QStringLiteral("2026-11-30T090500Z-before-restore.balcony"));
    CHECK_FALSE(QFileInfo::exists(path + QStringLiteral(".lock")));

    // A region another Balcony holds is not replaced.
    const QByteArray before = test::readAll(path);
    auto db = Database::open(path);
    REQUIRE(db.ok());
    auto refused = backups::restore(path, backup->path, {}, clock);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == Error::Kind::Locked);
    db = Database::open(path, {.readOnly = true}); // lets go of the lock
    CHECK(test::readAll(path) == before);
}

TEST_CASE("Restoring the oldest backup of a full folder works although keeping the region deletes it",
          "[store][backup]") {
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("region.balcony"));
    REQUIRE(test::makeRegion(path, {QStringLiteral("Kent")}));
    FakeClock clock(morning);
    backups::Policy policy;
    policy.keep = 2;
    auto oldest = backups::make(path, backups::Reason::Daily, policy, clock);
    REQUIRE(oldest.ok());
    {
        auto db = Database::open(path);
        REQUIRE(db.ok());
        REQUIRE(RosterStore(**db).addAuthority(QStringLiteral("Medway")).ok());
    }
    clock.advanceMinutes(5);
    REQUIRE(backups::make(path, backups::Reason::Manual, policy, clock).ok());
    clock.advanceMinutes(5);
    auto restored = backups::restore(path, oldest->path, policy, clock);
    REQUIRE(restored.ok());
    CHECK(authorityCount(path) == 1);
    CHECK_FALSE(QFileInfo::exists(oldest->path)); // the rolling count made room for the region as it was
    CHECK(backups::list(path, policy).size() == 2);
}
