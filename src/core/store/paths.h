#pragma once

#include <QString>

namespace balcony {

// Sets the application and organisation names that QStandardPaths and QSettings use, so that the
// desktop program and the CLI agree on the user's data folder. Call once, right after the
// Q(Core)Application exists.
void setApplicationIdentity(const QString& applicationName);

// Where the region database lives unless --db or BALCONY_DB says otherwise:
// <user data folder>/region.balcony.
QString defaultDatabasePath();

// BALCONY_DB when set, else defaultDatabasePath().
QString databasePathFromEnvironment();

// The folder for Balcony's rotating log files.
QString logFolder();

} // namespace balcony
