#include "frame/application.h"
#include "store/paths.h"

#include <QApplication>
#include <QtGlobal>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    Q_INIT_RESOURCE(balcony);
    balcony::setApplicationIdentity(QStringLiteral("balcony"));
    QApplication::setApplicationDisplayName(QStringLiteral("Balcony"));
    QApplication::setDesktopFileName(QStringLiteral("balcony"));
    return balcony::gui::runApplication();
}
