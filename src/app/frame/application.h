#pragma once

namespace balcony::gui {

// Runs the desktop program in an existing QApplication: logging, arguments, the database, the
// window (or, with --screenshot, renders one view to a file and returns). Returns the exit code.
int runApplication();

} // namespace balcony::gui
