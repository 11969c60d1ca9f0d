#define CATCH_CONFIG_RUNNER
#include <QGuiApplication>
#include <QStandardPaths>
#include <catch2/catch.hpp>

int main(int argc, char** argv) {
    // Documents need fonts and so a QGuiApplication; no display is needed or wanted.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QStandardPaths::setTestModeEnabled(true);
    QGuiApplication app(argc, argv);
    return Catch::Session().run(argc, argv);
}
