#include "frame/region_opener.h"

#include "document/region_document.h"
#include "frame/prompter.h"
#include "store/database.h"
#include "support/logging.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace balcony::gui {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("balcony::gui::RegionOpener", text);
}

bool isMissing(const QString& path) {
    const QFileInfo info(path);
    return !info.exists() || (info.isFile() && info.size() == 0);
}
} // namespace

std::unique_ptr<RegionDocument> RegionOpener::open(const QString& path, bool readOnly) {
    auto log = logging::get("app");
    if (isMissing(path) && !readOnly) {
        const auto choice = m_prompter.askFirstStart(path, demoRegionAvailable());
        if (choice == Prompter::FirstStart::Cancel) {
            return nullptr;
        }
        return create(path, choice == Prompter::FirstStart::DemoRegion);
    }

    auto opened = Database::open(path, Database::Options{false, readOnly});
    if (!opened) {
        const auto kind = opened.error().kind;
        log->warn("Refused {}: {}", path.toStdString(), opened.message().toStdString());
        if (!readOnly && (kind == Error::Kind::ReadOnly || kind == Error::Kind::Locked)) {
            if (!m_prompter.askOpenReadOnly(opened.message())) {
                return nullptr;
            }
            return open(path, true);
        }
        m_prompter.showError(tr("Cannot open the region database"), opened.message());
        return nullptr;
    }
    log->info("Opened {}{}", path.toStdString(), readOnly ? " read-only" : "");
    return std::make_unique<RegionDocument>(std::move(opened).value());
}

std::unique_ptr<RegionDocument> RegionOpener::create(const QString& path, bool withDemo) {
    auto created = Database::open(path, Database::Options{true, false});
    if (!created) {
        m_prompter.showError(tr("Cannot create the region database"), created.message());
        return nullptr;
    }
    if (withDemo && demoRegionAvailable()) {
        if (auto filled = fillDemoRegion(*created.value()); !filled) {
            m_prompter.showError(tr("Cannot create the demo region"), filled.message());
        }
    }
    logging::get("app")->info("Created {}{}", path.toStdString(), withDemo ? " with the demo region" : "");
    return std::make_unique<RegionDocument>(std::move(created).value());
}

} // namespace balcony::gui
