#include "support/disk_full.h"

#include <QDir>
#include <cerrno>

namespace balcony::disk_full {

QString message(const QString& path) {
    if (path.isEmpty()) {
        return QStringLiteral("The disk is full: nothing was saved. Free some space and try again.");
    }
    return QStringLiteral("The disk holding %1 is full: nothing was saved. Free some space and try again.")
        .arg(QDir::toNativeSeparators(path));
}

Error error(const QString& path) {
    return Error::make(Error::Kind::Storage, message(path));
}

bool isDiskFull(const Error& error) {
    return error.kind == Error::Kind::Storage && error.message.contains(QStringLiteral("The disk ")) &&
           error.message.contains(QStringLiteral(" is full: nothing was saved."));
}

bool isFullErrno(int err) {
    switch (err) {
    case ENOSPC:
    case EFBIG:
#ifdef EDQUOT
    case EDQUOT:
#endif
        return true;
    default:
        return false;
    }
}

} // namespace balcony::disk_full
