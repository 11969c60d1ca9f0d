#include "frame/palette_scheme.h"

#include <QPalette>

namespace balcony::gui {

bool isDarkPalette(const QPalette& palette) {
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

} // namespace balcony::gui
