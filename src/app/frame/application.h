#pragma once

#include "store/server_roles.h"

#include <QString>
#include <optional>

namespace balcony {
class Clock;
}

namespace balcony::gui {

class MainWindow;
class Prompter;

// Runs the desktop program in an existing QApplication: logging, arguments, the database, the
// window (or, with --screenshot, renders one view to a file and returns). Returns the exit code.
// The program reads time from one SystemClock, created here and passed to everything that needs it.
int runApplication();

// The DCS whose login path connects as, when path is a server region opened by a DCS login
// (server::serverRole): the program then opens that DCS's own window instead of the project
// manager's workspaces. Nothing for a file, a PM, facilitator or read-only login, or a server that
// does not open (the main window then says why).
std::optional<server::Login> dcsLoginOf(const QString& path);

// The program's workspaces in the window, all on the one clock (which must outlive the window), as
// runApplication installs them; for tests that build the window as the program does.
void installProgramWorkspaces(MainWindow& window, Prompter& prompter, const Clock& clock);

// Opens the region at start-up as the program does: the database, then the window's settings again
// (the views that remember a cycle need the region), and last, when a group's day is live today
// (started on its own date and not finished: a crash, a kill or a reboot during the day), the
// Run the Day workspace on that day, whatever workspace was in front when the program was closed.
// False when the database did not open (the Prompter has said why).
bool openAtStart(MainWindow& window, const QString& path, bool readOnly);

} // namespace balcony::gui
