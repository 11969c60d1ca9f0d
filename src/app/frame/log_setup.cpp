#include "frame/log_setup.h"

#include "store/paths.h"
#include "support/logging.h"

#include <QDir>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>

namespace balcony::gui {

QString setUpLogging() {
    std::vector<spdlog::sink_ptr> sinks;
    auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
    console->set_level(spdlog::level::warn);
    sinks.push_back(console);

    QString path;
    const QString folder = logFolder();
    if (QDir().mkpath(folder)) {
        path = folder + QStringLiteral("/balcony.log");
        try {
            sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
                QDir::toNativeSeparators(path).toStdString(), 2 * 1024 * 1024, 3));
        } catch (const spdlog::spdlog_ex&) {
            path.clear(); // an unwritable log file must not stop the program
        }
    }
    logging::setSinks(std::move(sinks), spdlog::level::info);
    logging::routeQtMessages();
    return path;
}

} // namespace balcony::gui
