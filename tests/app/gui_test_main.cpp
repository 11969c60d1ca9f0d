#define CATCH_CONFIG_RUNNER
#include "store/paths.h"

#include <QApplication>
#include <QStandardPaths>
#include <catch2/catch.hpp>

int main(int argc, char** argv) {
    // catch_discover_tests runs this binary at build time, where there is no display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    Q_INIT_RESOURCE(balcony);
    balcony::setApplicationIdentity(QStringLiteral("balcony-gui-tests"));
    QApplication::setStyle(QStringLiteral("Fusion"));
    return Catch::Session().run(argc, argv);
}
