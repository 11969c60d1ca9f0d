#pragma once

#include "cycles/schedule_tabs.h"

#include <QStringList>

namespace balcony {
class Clock;
}

namespace balcony::gui {

class MainWindow;
class Prompter;

// Installs the program's workspaces in the window, in the sidebar's order: Schedule (with the group
// board when boardFactory builds one), Run the Day (the facilitator's console, on clock: nullptr for
// the computer's clock; the window gives the same clock to every document it opens, so that the
// schedule's "today" is the console's) and Notes and Outcomes (the session notes, on the same clock);
// and lets the File menu's imports and exports follow the Schedule workspace's cycle, and the board's
// invitation of one group reach them. The prompter and the clock must outlive the window.
ScheduleTabs& installStandardWorkspaces(MainWindow& window, Prompter& prompter,
                                        ScheduleTabs::BoardFactory boardFactory = {},
                                        const Clock* clock = nullptr);

// The views of those workspaces, for --view before a window exists: schedule, roster,
// self-assessments, run-the-day, notes, note-review.
QStringList standardViewNames();

} // namespace balcony::gui
