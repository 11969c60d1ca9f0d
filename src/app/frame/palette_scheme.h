#pragma once

class QPalette;

namespace balcony::gui {

// Balcony's own colours (the group board, the highlights in tables, the lead-reviewer ring) come
// in a light and a dark set, so that the program follows the desktop's light or dark palette.
// A palette is dark when its windows are darker than the text on them.
bool isDarkPalette(const QPalette& palette);

} // namespace balcony::gui
