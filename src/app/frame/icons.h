#pragma once

#include <QIcon>
#include <QString>

namespace balcony::gui {

// An icon of the program's own set (resources/icons/<name>.svg, compiled in), or a null icon. Its
// slate strokes turn light under a dark palette (isDarkPalette), at the next repaint after a switch.
QIcon icon(const QString& name);

} // namespace balcony::gui
