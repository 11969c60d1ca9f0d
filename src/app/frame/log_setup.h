#pragma once

#include <QString>

namespace balcony::gui {

// Sends every Balcony logger, and Qt's own messages, to a rotating file in logFolder() (a few
// files of 2 MB each) and warnings also to stderr. Returns the log file's path; when the folder
// cannot be made, logs go to stderr only and the path is empty.
QString setUpLogging();

} // namespace balcony::gui
