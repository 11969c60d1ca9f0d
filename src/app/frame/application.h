#pragma once

#include "store/server_roles.h"

#include <QString>
#include <functional>
#include <memory>
#include <optional>

namespace balcony {
class Clock;
class Database;
} // namespace balcony

namespace balcony::gui {

class MainWindow;
class Prompter;

// Runs the desktop program in an existing QApplication: logging, arguments, the database, the
// window (or, with --screenshot, renders one view to a file and returns). Returns the exit code.
// The program reads time from one SystemClock, created here and passed to everything that needs it.
int runApplication();

// A DCS's login to a server region and the region, open for it.
struct DcsRegion {
    server::Login login;
    std::unique_ptr<Database> region;
};

// The DCS whose login path connects as, when path is a server region opened by a DCS login
// (server::serverRole), with the region opened for that DCS's own window, which the program then
// opens instead of the project manager's workspaces. password is asked when the server wants one
// (Database::Options::password). Nothing for a file, a PM, facilitator or read-only login, or a
// server that does not open (the main window then says why).
std::optional<DcsRegion>
dcsLoginOf(const QString& path, bool readOnly = false,
           const std::function<std::optional<QString>(const QString&)>& password = {});

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
