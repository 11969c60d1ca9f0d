#pragma once

#include "support/result.h"

#include <QString>

// Where a region file sits and what the user may do with it there, decided before SQLite opens it.
namespace balcony::file_access {

// Whether the user running this program can change the database at path (absolute): the file (when
// it exists) and its folder must be writable, because SQLite's write-ahead log keeps two files
// beside the database and the lock lives there too. Fails with Error::Kind::ReadOnly and a message
// that names the file, says why (read-only media, a read-only folder or share, a read-only file),
// and what to do. Uses the real user's permissions (root passes wherever the system lets it write).
Status checkWritable(const QString& path, const QString& shown);

// The sync service whose folder holds path, by the names those services give their folders
// (OneDrive, Dropbox, Google Drive, iCloud Drive, Nextcloud, ownCloud, Box; a path component that
// is the name, or the name followed by a space, "-", "(" or "_", ignoring case); empty when none.
QString syncServiceOf(const QString& path);

// For a database in a synced folder: what goes wrong there and what to do, naming the file and
// the service; empty when path is in no synced folder. A warning, never a refusal.
QString syncedFolderWarning(const QString& path, const QString& shown);

} // namespace balcony::file_access
