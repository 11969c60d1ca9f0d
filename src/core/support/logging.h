#pragma once

#include <memory>
#include <spdlog/logger.h>
#include <string>
#include <vector>

// Named loggers per module ("balcony.store", "balcony.engine", ...). The front end chooses the sinks
// once at start-up with setSinks(); loggers asked for before that log nowhere. Never log note contents.
namespace balcony::logging {

std::shared_ptr<spdlog::logger> get(const std::string& module);

// Replaces the sinks of every Balcony logger, existing and future.
void setSinks(std::vector<spdlog::sink_ptr> sinks, spdlog::level::level_enum level = spdlog::level::info);

// Routes qDebug/qWarning/qCritical into the "balcony.qt" logger.
void routeQtMessages();

} // namespace balcony::logging
