#include "reports/file_writer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace balcony::reports {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("balcony::reports::FileWriter", text);
}

QString shown(const QString& path) {
    return QDir::toNativeSeparators(path);
}
} // namespace

Status writeFileAtomically(const QString& path, const std::function<Status(QIODevice&)>& fill) {
    const QFileInfo info(path);
    if (path.trimmed().isEmpty()) {
        return failure(Error::Kind::InvalidInput, tr("No file name was given for the document."));
    }
    if (info.isDir()) {
        return failure(Error::Kind::InvalidInput,
                       tr("%1 is a folder, so the document cannot be written there: give a file name "
                          "inside it.")
                           .arg(shown(path)));
    }
    const QFileInfo folder(info.absolutePath());
    if (!folder.isDir()) {
        return failure(Error::Kind::NotFound,
                       tr("%1 cannot be written: the folder %2 does not exist. Create it or choose another "
                          "folder.")
                           .arg(shown(path), shown(folder.filePath())));
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (!folder.isWritable() || (info.exists() && !info.isWritable())) {
            return failure(Error::Kind::ReadOnly,
                           tr("%1 cannot be written: the folder %2 is read-only for you. Choose another "
                              "folder; nothing was changed.")
                               .arg(shown(path), shown(folder.filePath())));
        }
        return failure(
            Error::Kind::Storage,
            tr("%1 cannot be written: %2. Nothing was changed.").arg(shown(path), file.errorString()));
    }
    // Before the first byte: QSaveFile gives a new file the umask's permissions and a replaced
    // file its old ones, either of which may let others read it.
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        file.cancelWriting();
        return failure(Error::Kind::Storage,
                       tr("%1 cannot be written: its permissions cannot be made owner-only (%2). "
                          "Nothing was changed.")
                           .arg(shown(path), file.errorString()));
    }
    if (Status filled = fill(file); !filled) {
        file.cancelWriting();
        return filled;
    }
    // commit() closes the file, and a write that fails in that last flush (a full disk) would go
    // unnoticed and be renamed into place (Qt 6.4); flushing first reports it.
    if (!file.flush()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return failure(Error::Kind::Storage,
                       tr("%1 was not written: %2. Nothing was changed; free some space on the disk or "
                          "choose another place.")
                           .arg(shown(path), reason));
    }
    if (!file.commit()) {
        return failure(Error::Kind::Storage,
                       tr("%1 was not written: %2. Nothing was changed; free some space on the disk or "
                          "choose another place.")
                           .arg(shown(path), file.errorString()));
    }
    return {};
}

Status writeFileAtomically(const QString& path, const QByteArray& bytes) {
    return writeFileAtomically(path, [&bytes](QIODevice& device) -> Status {
        device.write(bytes); // a short write (a full disk) makes commit() fail, with its reason
        return {};
    });
}

} // namespace balcony::reports
