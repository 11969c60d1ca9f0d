#include "cli/cli.h"
#include "engine/clock.h"
#include "store/backup.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

// backup / restore: thin wrappers over core's backups (src/core/store/backup.h); every rule lives
// there (docs/backups.md).
namespace balcony::cli {
namespace {

QString sizeText(qint64 bytes) {
    return bytes < 1024 * 1024 ? QStringLiteral("%1 KB").arg((bytes + 1023) / 1024)
                               : QStringLiteral("%1 MB").arg(double(bytes) / (1024 * 1024), 0, 'f', 1);
}

QJsonObject backupJson(const backups::BackupFile& file) {
    return QJsonObject{{QStringLiteral("file"), QDir::toNativeSeparators(file.path)},
                       {QStringLiteral("made_utc"), file.madeUtc.toString(Qt::ISODate)},
                       {QStringLiteral("reason"), backups::reasonName(file.reason)},
                       {QStringLiteral("bytes"), file.bytes}};
}

int listBackups(Context& ctx, const QCommandLineParser& parser) {
    if (auto file = backups::fileRegionOnly(ctx.databasePath(), QStringLiteral("a list of backups")); !file) {
        return ctx.fail(file.error());
    }
    const auto policy = backups::policyFromSettings();
    const auto files = backups::list(ctx.databasePath(), policy);
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray rows;
        for (const auto& file : files) {
            rows.append(backupJson(file));
        }
        printJson(ctx, rows);
        return Success;
    }
    const QString folder = QDir::toNativeSeparators(backups::folderFor(ctx.databasePath(), policy));
    if (files.empty()) {
        ctx.out << "No backups of " << QDir::toNativeSeparators(ctx.databasePath()) << " in " << folder << "."
                << Qt::endl;
        return Success;
    }
    ctx.out << counted(static_cast<qsizetype>(files.size()), "backup", "backups") << " in " << folder
            << " (newest first; " << policy.keep << " are kept):" << Qt::endl;
    for (const auto& file : files) {
        ctx.out << "  " << backups::shownTime(file.madeUtc).leftJustified(22) << " "
                << backups::reasonText(file.reason).leftJustified(18) << " "
                << sizeText(file.bytes).rightJustified(8) << "  " << QFileInfo(file.path).fileName()
                << Qt::endl;
    }
    return Success;
}

int backupCommand(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    const bool listing = parser.isSet(QStringLiteral("list"));
    const bool toFile = parser.isSet(QStringLiteral("out"));
    if (listing && toFile) {
        return ctx.usage(QStringLiteral("Give either --list or --out, not both."));
    }
    if (listing) {
        return listBackups(ctx, parser);
    }
    // Opening first refuses what is not a good region (and names the newest good backup of a
    // damaged one); a read-only opening is enough to copy, so this works on a shared region too.
    Database* db = ctx.readDatabase();
    if (!db) {
        return BadInput;
    }
    backups::BackupFile made;
    if (toFile) {
        const QString out = parser.value(QStringLiteral("out"));
        if (out.trimmed().isEmpty()) {
            return ctx.usage(QStringLiteral("--out needs a file name."));
        }
        if (auto copied = backups::copyTo(db->path(), out); !copied) {
            return ctx.fail(copied.error());
        }
        made = backups::BackupFile{QFileInfo(out).absoluteFilePath(), db->clock().utcNow(),
                                   backups::Reason::Manual, QFileInfo(out).size()};
    } else {
        auto rolled =
            backups::make(db->path(), backups::Reason::Manual, backups::policyFromSettings(), db->clock());
        if (!rolled) {
            return ctx.fail(rolled.error());
        }
        made = *rolled;
    }
    if (parser.isSet(QStringLiteral("json"))) {
        printJson(ctx, QJsonArray{backupJson(made)});
        return Success;
    }
    ctx.out << "Backed up " << QDir::toNativeSeparators(db->path()) << " to "
            << QDir::toNativeSeparators(made.path) << " (" << sizeText(made.bytes) << ", checked)."
            << Qt::endl;
    return Success;
}

int restoreCommand(Context& ctx, const QCommandLineParser& parser, const QStringList& positional) {
    const SystemClock clock;
    const auto policy = backups::policyFromSettings();
    auto restored =
        backups::restore(ctx.databasePath(), positional.first(), policy, clock, ctx.takeOverLock());
    if (!restored) {
        return ctx.fail(restored.error());
    }
    const QString region = QDir::toNativeSeparators(QFileInfo(ctx.databasePath()).absoluteFilePath());
    const QString from = QDir::toNativeSeparators(QFileInfo(positional.first()).absoluteFilePath());
    if (parser.isSet(QStringLiteral("json"))) {
        printJson(ctx, QJsonArray{QJsonObject{
                           {QStringLiteral("region"), region},
                           {QStringLiteral("restored_from"), from},
                           {QStringLiteral("schema_version"), restored->schemaVersion},
                           {QStringLiteral("kept_as"), QDir::toNativeSeparators(restored->keptAs)}}});
        return Success;
    }
    ctx.out << "Restored " << region << " from " << from << "." << Qt::endl;
    if (!restored->keptAs.isEmpty()) {
        ctx.out << "The region as it was is kept at " << QDir::toNativeSeparators(restored->keptAs) << "."
                << Qt::endl;
    }
    return Success;
}

const Registrar
    backup({{QStringLiteral("backup")},
            QStringLiteral("[--out FILE | --list] [--json]"),
            QStringLiteral("Back up the region (checked), to FILE or among its rolling backups; "
                           "--list shows the backups."),
            0,
            [](QCommandLineParser& p) {
                p.addOption(QCommandLineOption(
                    QStringLiteral("out"),
                    QStringLiteral("Write the backup to FILE (which must not exist) instead of the "
                                   "region's backup folder."),
                    QStringLiteral("FILE")));
                p.addOption(QCommandLineOption(QStringLiteral("list"),
                                               QStringLiteral("List the region's backups, newest "
                                                              "first, with their times and reasons.")));
                p.addOption(jsonOption());
            },
            backupCommand});

const Registrar restore({{QStringLiteral("restore")},
                         QStringLiteral("FILE"),
                         QStringLiteral("Replace the region with the backup FILE, keeping the current region "
                                        "as a backup first."),
                         1,
                         [](QCommandLineParser& p) { p.addOption(jsonOption()); },
                         restoreCommand});

} // namespace
} // namespace balcony::cli
