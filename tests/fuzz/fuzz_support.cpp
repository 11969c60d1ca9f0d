#include "fuzz_support.h"

#include "demo/demo_region.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <cstdio>
#include <cstdlib>

namespace balcony::fuzz {
namespace {

void dropMessage(QtMsgType, const QMessageLogContext&, const QString&) {}

// Never destroyed: Qt's own globals (QtSql's list of connections among them) are made lazily after
// this and so are destroyed before it at exit. The region is closed and its folder removed by an
// atexit handler registered once they exist, which therefore runs before their destructors.
struct Process {
    std::unique_ptr<QCoreApplication> app;
    std::unique_ptr<QTemporaryDir> regionDir;
    std::unique_ptr<Database> region;
};

Process& process() {
    static auto* p = new Process;
    return *p;
}

void closeRegion() {
    process().region.reset();
    process().regionDir.reset();
}

[[noreturn]] void giveUp(const char* what) {
    std::fprintf(stderr, "fuzz set-up failed: %s\n", what);
    std::abort();
}

} // namespace

void initialise(int* argc, char*** argv) {
    Process& p = process();
    if (p.app) {
        return;
    }
    QStandardPaths::setTestModeEnabled(true);
    qInstallMessageHandler(dropMessage);
    p.app = std::make_unique<QCoreApplication>(*argc, *argv);
}

Scratch::Scratch()
    : m_dir(QDir::tempPath() + QStringLiteral("/balcony-fuzz-XXXXXX")) {}

QString Scratch::path(const QString& name) const {
    return m_dir.filePath(name);
}

QString Scratch::write(const QString& name, const uint8_t* data, size_t size) const {
    const QString file = path(name);
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly)) {
        return {};
    }
    const auto length = static_cast<qint64>(size);
    if (out.write(reinterpret_cast<const char*>(data), length) != length) {
        return {};
    }
    return file;
}

Database& demoRegion() {
    Process& p = process();
    if (p.region) {
        return *p.region;
    }
    p.regionDir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/balcony-fuzz-XXXXXX"));
    if (!p.regionDir->isValid()) {
        giveUp("no temporary folder");
    }
    Database::Options options;
    options.create = true;
    auto db = Database::open(p.regionDir->filePath(QStringLiteral("region.balcony")), options);
    if (!db) {
        giveUp("the region database could not be created");
    }
    if (!createDemoRegion(**db)) {
        giveUp("the demo region could not be written");
    }
    p.region = std::move(*db);
    std::atexit(closeRegion);
    return *p.region;
}

} // namespace balcony::fuzz
