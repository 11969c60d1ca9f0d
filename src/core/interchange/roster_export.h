#pragma once

#include "support/result.h"

#include <QByteArray>
#include <QString>

namespace balcony {
class Database;
}

namespace balcony::interchange {

// The region's roster in the roster import format (docs/csv-formats.md): the header la, dcs,
// dcs_email, chief_executive, chief_executive_email, lead_member, lead_member_email, then one row
// per LA ordered by name, with the holder of each post or empty cells. UTF-8 with a byte order mark
// (without one, Excel reads the file as Windows-1252 and garbles accents), CRLF line ends. Importing the
// result into an empty region gives the same roster. Facilitators, project managers and team members have no
// column and are not written.
Result<QByteArray> rosterCsv(Database& db);

// Writes rosterCsv() to `path` atomically, so a failed export leaves no half-written file and the
// old file, if any, as it was; the Error names the path and the reason. Returns the number of LAs
// written.
Result<int> exportRosterFile(Database& db, const QString& path);

} // namespace balcony::interchange
