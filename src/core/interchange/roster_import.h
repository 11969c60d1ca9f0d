#pragma once

#include "support/problem.h"
#include "support/result.h"

#include <QByteArray>
#include <QString>
#include <vector>

namespace balcony {
class Database;
}

// Importing the region's roster (LAs and their DCS, chief executive and lead member) from CSV.
// The format is described in docs/csv-formats.md.
namespace balcony::interchange {

struct RosterRow {
    int line = 0;
    QString authority;
    QString dcs, dcsEmail;
    QString chiefExecutive, chiefExecutiveEmail;
    QString leadMember, leadMemberEmail;
};

// What a file holds and everything wrong with it, without touching any database: a GUI shows this
// as a preview before the user confirms.
struct RosterPreview {
    std::vector<RosterRow> rows;
    Problems problems; // errors and warnings with their lines; with any error, importing writes nothing
};

struct RosterImportReport {
    int rowsRead = 0;
    int authoritiesAdded = 0;
    int postHoldersSet = 0; // DCS, chief executive and lead member entries written
};

// The outcome of an import: either problems (and nothing written) or a report of what was written,
// with the warnings about the file (e.g. text that looks garbled by a spreadsheet), if any.
struct RosterImportOutcome {
    Problems problems;
    RosterImportReport report;
    bool applied() const { return !hasErrors(problems); }
};

RosterPreview parseRoster(const QByteArray& bytes);

// Reads and checks the file, then, when it has no errors, adds the LAs that are new and sets their
// post holders in one transaction. A re-import adds and updates; it removes nobody. An empty name
// cell leaves that post as it is; a name without an email keeps the stored email when the holder
// is the same person. The Result fails only when the file cannot be read or the database refuses
// the write (then nothing is written either).
Result<RosterImportOutcome> importRosterFile(Database& db, const QString& path);
Result<RosterImportOutcome> importRoster(Database& db, const QByteArray& bytes);

} // namespace balcony::interchange
