#include "support/logging.h"

#include <QString>
#include <QtGlobal>
#include <map>
#include <mutex>

namespace balcony::logging {
namespace {

struct Registry {
    std::mutex mutex;
    std::vector<spdlog::sink_ptr> sinks;
    spdlog::level::level_enum level = spdlog::level::info;
    std::map<std::string, std::shared_ptr<spdlog::logger>> loggers;
};

Registry& registry() {
    static Registry instance;
    return instance;
}

void qtMessageHandler(QtMsgType type, const QMessageLogContext&, const QString& message) {
    auto log = get("qt");
    const auto text = message.toStdString();
    switch (type) {
    case QtDebugMsg:
        log->debug(text);
        break;
    case QtInfoMsg:
        log->info(text);
        break;
    case QtWarningMsg:
        log->warn(text);
        break;
    case QtCriticalMsg:
    case QtFatalMsg:
        log->error(text);
        break;
    }
}

} // namespace

std::shared_ptr<spdlog::logger> get(const std::string& module) {
    auto& reg = registry();
    std::lock_guard lock(reg.mutex);
    const auto name = "balcony." + module;
    auto found = reg.loggers.find(name);
    if (found != reg.loggers.end()) {
        return found->second;
    }
    auto logger = std::make_shared<spdlog::logger>(name, reg.sinks.begin(), reg.sinks.end());
    logger->set_level(reg.level);
    reg.loggers.emplace(name, logger);
    return logger;
}

void setSinks(std::vector<spdlog::sink_ptr> sinks, spdlog::level::level_enum level) {
    auto& reg = registry();
    std::lock_guard lock(reg.mutex);
    reg.sinks = std::move(sinks);
    reg.level = level;
    for (auto& [name, logger] : reg.loggers) {
        logger->sinks() = reg.sinks;
        logger->set_level(level);
    }
}

void routeQtMessages() {
    qInstallMessageHandler(qtMessageHandler);
}

} // namespace balcony::logging
