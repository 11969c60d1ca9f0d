#pragma once

#include <QString>

namespace balcony::gui {

// The board's look: light cards on a quiet background, one accent colour, selection outlined.
QString boardStyleSheet();

} // namespace balcony::gui
