#pragma once

#include <QString>

class QPalette;

namespace balcony::gui {

// The board's look: quiet cards on a quiet background, one accent colour, selection outlined. A
// light set of colours for a light palette and a dark set for a dark one (isDarkPalette), so the
// board follows the desktop; whoever sets the sheet sets it again when the palette changes.
QString boardStyleSheet(const QPalette& palette);

} // namespace balcony::gui
