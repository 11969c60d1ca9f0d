#pragma once

#include <QIcon>
#include <QString>

namespace balcony::gui {

// An icon of the program's own set (resources/icons/<name>.svg, compiled in), or a null icon.
QIcon icon(const QString& name);

} // namespace balcony::gui
