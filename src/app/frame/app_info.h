#pragma once

#include <QString>

namespace balcony::gui {

// The name shown in title bars and the About box.
inline QString applicationDisplayName() {
    return QStringLiteral("Balcony");
}

} // namespace balcony::gui
