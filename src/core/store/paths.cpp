#include "store/paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

namespace balcony {

void setApplicationIdentity(const QString& applicationName) {
    QCoreApplication::setOrganizationName(QStringLiteral("Balcony"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("balcony.invalid"));
    QCoreApplication::setApplicationName(applicationName);
    QCoreApplication::setApplicationVersion(QStringLiteral(BALCONY_VERSION));
}

static QString dataFolder() {
    // Both programs share one folder whatever their own names are.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/balcony");
}

QString defaultDatabasePath() {
    return dataFolder() + QStringLiteral("/region.balcony");
}

QString databasePathFromEnvironment() {
    const QString fromEnv = qEnvironmentVariable("BALCONY_DB");
    return fromEnv.isEmpty() ? defaultDatabasePath() : fromEnv;
}

QString logFolder() {
    return dataFolder() + QStringLiteral("/logs");
}

} // namespace balcony
