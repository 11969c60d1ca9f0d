#pragma once

#include <QString>
#include <QtGlobal>
#include <functional>

class QObject;
class QWidget;

namespace balcony::gui {

class RegionDocument;

// What the outcomes pages share, so that each says it once.

// Asks the workspace that owns `section` (the Notes and Outcomes workspace, its QObject parent) to
// show another cycle: a view asked for by name (--screenshot --view) shows the latest cycle whose
// outcomes the page can show, since the workspace on its own opens the latest cycle with session
// notes, whose outcomes may not have been gathered yet. `hasOutcomes` is asked of the cycles from the
// latest back; nothing changes when no cycle has any. Returns the cycle shown (0: none).
qint64 showLatestCycleWith(QObject* section, RegionDocument& document, qint64 currentCycleId,
                           const std::function<bool(qint64 cycleId)>& hasOutcomes);

// Gives a widget its object name and its accessible name in one call (every control of the pages
// has both: tests find them by the first, screen readers say the second).
template <typename W>
W* named(W* widget, const char* objectName, const QString& accessibleName) {
    widget->setObjectName(QString::fromLatin1(objectName));
    widget->setAccessibleName(accessibleName);
    return widget;
}

} // namespace balcony::gui
