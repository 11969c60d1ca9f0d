#pragma once

#include <QStyle>
#include <QWidget>

namespace balcony::gui {

// Makes the style sheet see a changed dynamic property. A widget not polished yet (not shown
// yet) is skipped: its first polish reads the property anyway, and polishing a widget twice
// before it is shown is what made large boards slow to open.
inline void repolish(QWidget* widget) {
    if (widget->testAttribute(Qt::WA_WState_Polished)) {
        widget->style()->unpolish(widget);
        widget->style()->polish(widget);
    }
}

} // namespace balcony::gui
