#include "frame/region_opener.h"

#include "document/region_document.h"
#include "engine/clock.h"
#include "frame/prompter.h"
#include "store/backup.h"
#include "store/database.h"
#include "store/region_lock.h"
#include "support/logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace balcony::gui {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("balcony::gui::RegionOpener", text);
}

bool isMissing(const QString& path) {
    if (Location::looksLikeUrl(path)) {
        return false; // a server's database: Database::open says whether it is there
    }
    const QFileInfo info(path);
    return !info.exists() || (info.isFile() && info.size() == 0);
}
// What a log may show of a database: never a password (Location::shown()).
std::string logged(const QString& path) {
    const auto location = Location::parse(path);
    return location ? location->shown().toStdString() : std::string("an address that cannot be read");
}
} // namespace

std::function<std::optional<QString>(const QString&)> RegionOpener::askPassword() {
    return [this](const QString& server) { return m_prompter.askPassword(server); };
}

std::unique_ptr<RegionDocument> RegionOpener::open(const QString& path, bool readOnly) {
    auto log = logging::get("app");
    if (isMissing(path) && !readOnly) {
        const auto choice = m_prompter.askFirstStart(path, demoRegionAvailable());
        if (choice == Prompter::FirstStart::Cancel) {
            return nullptr;
        }
        return create(path, choice == Prompter::FirstStart::DemoRegion);
    }

    auto opened = Database::open(
        path, {.readOnly = readOnly, .backups = backups::policyFromSettings(), .password = askPassword()});
    if (opened) {
        log->info("Opened {}{}", logged(path), readOnly ? " read-only" : "");
        auto document = std::make_unique<RegionDocument>(std::move(opened).value());
        if (readOnly) {
            document->setReadOnlyReason(
                tr("You opened this region read-only: you can look at it and export it, and nothing in it "
                   "can be changed."));
        }
        return document;
    }
    const Error refusal = opened.error();
    log->warn("Refused {}: {}", logged(path), refusal.message.toStdString());
    if (readOnly) {
        m_prompter.showError(tr("Cannot open the region database"), refusal.message);
        return nullptr;
    }
    if (refusal.kind == Error::Kind::ReadOnly) {
        // Read-only media or a read-only share: writing is impossible, so there is nothing to ask.
        return openReadOnly(path, refusal.message);
    }
    if (refusal.kind == Error::Kind::Locked && !Location::looksLikeUrl(path)) {
        const auto holder = readLockHolder(QFileInfo(path).absoluteFilePath() + QStringLiteral(".lock"));
        if (holder && (holder->otherComputer || !holder->readable)) {
            switch (m_prompter.askTakeOverLock(refusal.message)) {
            case Prompter::ForeignLock::TakeOver:
                return takeOver(path);
            case Prompter::ForeignLock::OpenReadOnly:
                return openReadOnly(path, refusal.message);
            case Prompter::ForeignLock::Cancel:
                return nullptr;
            }
        }
        if (!m_prompter.askOpenReadOnly(refusal.message)) {
            return nullptr;
        }
        return openReadOnly(path, refusal.message);
    }
    if (refusal.kind == Error::Kind::Corrupt) {
        return offerBackup(path, refusal.message);
    }
    m_prompter.showError(tr("Cannot open the region database"), refusal.message);
    return nullptr;
}

std::unique_ptr<RegionDocument> RegionOpener::offerBackup(const QString& path, const QString& refusal) {
    const backups::Policy policy = backups::policyFromSettings();
    const auto offer = backups::recoveryOffer(path, policy);
    if (!offer) {
        m_prompter.showError(tr("Cannot open the region database"),
                             refusal + u' ' +
                                 tr("There is no good backup of it in %1.")
                                     .arg(QDir::toNativeSeparators(backups::folderFor(path, policy))));
        return nullptr;
    }
    if (!m_prompter.askConfirm(
            tr("The region database is damaged"),
            refusal + QStringLiteral("\n\n") + offer->message + QStringLiteral("\n\n") +
                tr("Restore that backup now? The damaged file is kept beside the backups."),
            tr("Restore the Backup"))) {
        return nullptr;
    }
    const SystemClock clock;
    auto restored = backups::restore(path, offer->backup.path, policy, clock);
    if (!restored) {
        m_prompter.showError(tr("The backup was not restored"), restored.message());
        return nullptr;
    }
    logging::get("app")->warn("Restored {} from {}", logged(path), offer->backup.path.toStdString());
    auto reopened = Database::open(path, {.backups = policy, .password = askPassword()});
    if (!reopened) {
        m_prompter.showError(tr("Cannot open the region database"), reopened.message());
        return nullptr;
    }
    return std::make_unique<RegionDocument>(std::move(reopened).value());
}

std::unique_ptr<RegionDocument> RegionOpener::openReadOnly(const QString& path, const QString& reason) {
    auto opened = Database::open(path, {.readOnly = true, .password = askPassword()});
    if (!opened) {
        m_prompter.showError(tr("Cannot open the region database"), opened.message());
        return nullptr;
    }
    logging::get("app")->info("Opened {} read-only", logged(path));
    auto document = std::make_unique<RegionDocument>(std::move(opened).value());
    document->setReadOnlyReason(reason);
    return document;
}

std::unique_ptr<RegionDocument> RegionOpener::takeOver(const QString& path) {
    auto opened = Database::open(
        path, {.takeOverLock = true, .backups = backups::policyFromSettings(), .password = askPassword()});
    if (!opened) {
        m_prompter.showError(tr("Cannot open the region database"), opened.message());
        return nullptr;
    }
    logging::get("app")->warn("Took over the lock of {}", logged(path));
    return std::make_unique<RegionDocument>(std::move(opened).value());
}

std::unique_ptr<RegionDocument> RegionOpener::create(const QString& path, bool withDemo) {
    auto created = Database::open(
        path, {.create = true, .backups = backups::policyFromSettings(), .password = askPassword()});
    if (!created) {
        m_prompter.showError(tr("Cannot create the region database"), created.message());
        return nullptr;
    }
    if (withDemo && demoRegionAvailable()) {
        if (auto filled = fillDemoRegion(*created.value()); !filled) {
            m_prompter.showError(tr("Cannot create the demo region"), filled.message());
        }
    }
    logging::get("app")->info("Created {}{}", logged(path), withDemo ? " with the demo region" : "");
    return std::make_unique<RegionDocument>(std::move(created).value());
}

} // namespace balcony::gui
