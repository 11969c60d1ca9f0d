#include "interchange/file_io.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace balcony::interchange {

Result<QByteArray> readFileBytes(const QString& path) {
    QFile file(path);
    if (!file.exists()) {
        return failure(Error::Kind::NotFound,
                       QStringLiteral("%1: there is no such file.").arg(QDir::toNativeSeparators(path)));
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return failure(Error::Kind::Failed, QStringLiteral("%1: cannot be read (%2).")
                                                .arg(QDir::toNativeSeparators(path), file.errorString()));
    }
    return file.readAll();
}

Status writeFileAtomically(const QString& path, const QByteArray& bytes) {
    const QString shown = QDir::toNativeSeparators(path);
    const QFileInfo info(path);
    if (!info.absoluteDir().exists()) {
        return failure(Error::Kind::Failed, QStringLiteral("Cannot write %1: the folder %2 does not exist.")
                                                .arg(shown, QDir::toNativeSeparators(info.absolutePath())));
    }
    if (info.isDir()) {
        return failure(Error::Kind::Failed,
                       QStringLiteral("Cannot write %1: it is a folder; give a file name.").arg(shown));
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return failure(Error::Kind::Failed,
                       QStringLiteral("Cannot write %1: %2. Check that the folder exists and that you may "
                                      "write to it.")
                           .arg(shown, file.errorString()));
    }
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        return failure(Error::Kind::Failed,
                       QStringLiteral("Cannot write %1: %2. The previous file, if any, is "
                                      "unchanged.")
                           .arg(shown, file.errorString()));
    }
    return {};
}

} // namespace balcony::interchange
