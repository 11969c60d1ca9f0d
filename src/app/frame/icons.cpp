#include "frame/icons.h"

#include <QFile>

namespace balcony::gui {

QIcon icon(const QString& name) {
    const QString path = QStringLiteral(":/icons/") + name + QStringLiteral(".svg");
    return QFile::exists(path) ? QIcon(path) : QIcon();
}

} // namespace balcony::gui
