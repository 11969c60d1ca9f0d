#include "frame/screenshot.h"

#include <QApplication>
#include <QPixmap>
#include <QWidget>

namespace balcony::gui {

Status saveScreenshot(QWidget& window, const QSize& size, const QString& path) {
    window.setAttribute(Qt::WA_DontShowOnScreen, true);
    window.resize(size);
    window.show();
    // Two rounds: the first lays out, the second lets views that size themselves to their
    // contents settle.
    for (int i = 0; i < 2; ++i) {
        QApplication::processEvents();
    }
    const QPixmap pixmap = window.grab();
    if (!pixmap.save(path, "PNG")) {
        return failure(Error::Kind::Failed,
                       QStringLiteral("%1 cannot be written: check the folder.").arg(path));
    }
    return {};
}

} // namespace balcony::gui
