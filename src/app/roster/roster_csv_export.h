#pragma once

#include "support/result.h"

#include <QString>

namespace balcony {
class Database;
}

namespace balcony::gui {

// Writes the roster in the roster import format (la, dcs, dcs_email, chief_executive, ...), one row
// per LA, atomically; importing the file gives the same roster. Returns the number of rows, or an
// Error naming the path when it cannot be written.
Result<int> exportRosterCsv(Database& db, const QString& path);

} // namespace balcony::gui
