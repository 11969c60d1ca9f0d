#include "store/file_access.h"

#include <QDir>
#include <QFileInfo>
#include <QStorageInfo>

namespace balcony::file_access {

Status checkWritable(const QString& path, const QString& shown) {
    const QFileInfo info(path);
    const QString folder = info.absolutePath();
    const QFileInfo folderInfo(folder);
    const bool fileWritable = !info.exists() || info.isWritable();
    if (folderInfo.isWritable() && fileWritable) {
        return {};
    }
    const QString canRead = QStringLiteral("Balcony can read it but not change it.");
    const QStorageInfo storage(folderInfo.exists() ? folder : QDir::rootPath());
    if (storage.isValid() && storage.isReadOnly()) {
        return failure(Error::Kind::ReadOnly,
                       QStringLiteral("%1 is read-only for you (on read-only media or a share mounted "
                                      "read-only): %2 Copy it to a folder you can write, or ask whoever "
                                      "manages the share for write access.")
                           .arg(shown, canRead));
    }
    if (!folderInfo.isWritable()) {
        return failure(Error::Kind::ReadOnly,
                       QStringLiteral("%1 is read-only for you (its folder %2 cannot be written: a read-only "
                                      "share or folder, and Balcony keeps its journal and lock beside the "
                                      "file): %3 Copy it to a folder you can write, or ask whoever manages "
                                      "the folder for write access.")
                           .arg(shown, QDir::toNativeSeparators(folder), canRead));
    }
    return failure(Error::Kind::ReadOnly,
                   QStringLiteral("%1 is read-only for you (the file's own permissions): %2 Copy it to a "
                                  "folder you can write, or ask its owner for write access.")
                       .arg(shown, canRead));
}

namespace {

struct SyncService {
    const char* folder; // as the service names its folder, lower case
    const char* name;   // as users know the service
};

// Folder names the services' desktop clients create (Windows, macOS and Linux clients). iCloud
// Drive's real folder on a Mac is "Mobile Documents/com~apple~CloudDocs"; macOS 12 and later put
// OneDrive, Dropbox and Google Drive under ~/Library/CloudStorage as "OneDrive-Personal",
// "GoogleDrive-name@example.org" and so on, which the prefix rule below covers.
constexpr SyncService services[] = {
    {"onedrive", "OneDrive"},
    {"dropbox", "Dropbox"},
    {"google drive", "Google Drive"},
    {"googledrive", "Google Drive"},
    {"icloud drive", "iCloud Drive"},
    {"iclouddrive", "iCloud Drive"},
    {"mobile documents", "iCloud Drive"},
    {"com~apple~clouddocs", "iCloud Drive"},
    {"nextcloud", "Nextcloud"},
    {"owncloud", "ownCloud"},
    {"box", "Box"},
    {"box sync", "Box"},
};

bool namesService(const QString& component, const QString& folder) {
    if (!component.startsWith(folder)) {
        return false;
    }
    if (component.size() == folder.size()) {
        return true;
    }
    const QChar next = component.at(folder.size());
    return next == u' ' || next == u'-' || next == u'(' || next == u'_';
}

} // namespace

QString syncServiceOf(const QString& path) {
    const QStringList components =
        QDir::fromNativeSeparators(QFileInfo(path).absolutePath()).split(u'/', Qt::SkipEmptyParts);
    for (const QString& component : components) {
        const QString folded = component.toCaseFolded();
        for (const auto& service : services) {
            if (namesService(folded, QString::fromLatin1(service.folder))) {
                return QString::fromLatin1(service.name);
            }
        }
    }
    return {};
}

QString syncedFolderWarning(const QString& path, const QString& shown) {
    const QString service = syncServiceOf(path);
    if (service.isEmpty()) {
        return {};
    }
    return QStringLiteral("%1 is in a %2 folder. %2 copies the database and its journal (the -wal file "
                          "beside it) one at a time, so another computer can receive them out of step "
                          "and see an older or damaged region, and a lock it carries over cannot show "
                          "whether Balcony is still open on the computer it came from. Open the region "
                          "on one computer at a time, and let %2 finish before opening it on another. A "
                          "region that several people work on belongs on a PostgreSQL server (balcony-cli "
                          "region push; docs/server.md), not in a synced folder.")
        .arg(shown, service);
}

} // namespace balcony::file_access
