#pragma once

#include "support/result.h"

#include <QSize>
#include <QString>

class QWidget;

namespace balcony::gui {

// Lays out the window at size, off screen, and saves what it shows as a PNG at path. Fails with the
// path when the image cannot be written.
Status saveScreenshot(QWidget& window, const QSize& size, const QString& path);

} // namespace balcony::gui
