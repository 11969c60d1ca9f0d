#pragma once

#include <QMargins>
#include <QRect>

namespace balcony::gui {

// Where the main window goes on a screen. Every rectangle is in logical (device-independent)
// pixels, as QScreen::availableGeometry gives them: a 1920x1080 screen at 150% scaling offers
// 1280x720, a 1366x768 laptop a little less than 1366x768 once its panel is taken off.
struct WindowPlacement {
    QRect geometry;         // the window without its frame (for QWidget::setGeometry); when
                            // maximised, the size it returns to
    bool maximised = false; // show maximised: the window's design size does not fit the screen
};

// The size Balcony's workspaces are laid out for; every workspace and dialog also fits 1280x720.
inline constexpr QSize designWindowSize{1280, 800};
// The room left free around a window that is not maximised, on each side, in logical pixels.
inline constexpr int screenMargin = 24;
// A window manager's frame before the window is shown (when it cannot be asked): a title bar and
// thin borders, generous enough for the common desktops.
inline constexpr QMargins assumedFrame{4, 36, 4, 4};

// The first placement on a screen with this available area (a screen without its panels and
// docks) for a window with this frame: centred, 80% of the area but at least the design size,
// with screenMargin free on every side. When the design size does not fit that way (a 1366x768
// laptop, a 1920x1080 screen at 150%), the window is maximised, and its normal size is the whole
// area less the margins, so that un-maximising it keeps it on screen.
WindowPlacement firstPlacement(const QRect& available, const QMargins& frame = assumedFrame);

// Whether a window whose frame (title bar included) covers frameRect is wholly on a screen with
// this available area: a saved geometry is kept only then.
bool fitsOn(const QRect& frameRect, const QRect& available);

} // namespace balcony::gui
