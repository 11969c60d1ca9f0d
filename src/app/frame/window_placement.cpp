#include "frame/window_placement.h"

#include <algorithm>

namespace balcony::gui {

WindowPlacement firstPlacement(const QRect& available, const QMargins& frame) {
    const QRect room =
        available.marginsRemoved(QMargins(screenMargin, screenMargin, screenMargin, screenMargin))
            .marginsRemoved(frame);
    WindowPlacement placement;
    if (room.width() < designWindowSize.width() || room.height() < designWindowSize.height()) {
        placement.maximised = true;
        placement.geometry = room;
        return placement;
    }
    const QSize size(std::clamp(available.width() * 4 / 5, designWindowSize.width(), room.width()),
                     std::clamp(available.height() * 4 / 5, designWindowSize.height(), room.height()));
    placement.geometry = QRect(QPoint(0, 0), size);
    placement.geometry.moveCenter(room.center());
    return placement;
}

bool fitsOn(const QRect& frameRect, const QRect& available) {
    return frameRect.isValid() && available.contains(frameRect);
}

} // namespace balcony::gui
