#pragma once

#include "domain/types.h"
#include "support/problem.h"
#include "support/result.h"

#include <QByteArray>
#include <QDate>
#include <QString>
#include <QStringList>
#include <vector>

namespace balcony {
class Database;
}

// Importing a cycle's schedule (groups, dates, mode, venue, facilitator, members in presenting order
// and lead reviewers) from CSV. The format and the re-import rules are in docs/csv-formats.md.
namespace balcony::interchange {

struct ScheduleRow {
    int line = 0;
    QString group;
    QDate date;
    Mode mode = Mode::InPerson;
    QString venue;
    QString facilitator;
    QString authority;
    QString leadReviewerFor; // the LA this row's LA reviews; empty when none
};

// What a file holds and everything wrong with it, judged on the file alone (no database), so that
// a GUI can preview a file before the user confirms.
struct SchedulePreview {
    std::vector<ScheduleRow> rows; // in file order; a group's rows give its presenting order
    Problems problems;
};

struct ScheduleImportReport {
    int rowsRead = 0;
    int authoritiesAdded = 0; // LAs named in the schedule that were not yet in the roster
    int groupsCreated = 0;
    int groupsUpdated = 0;   // groups kept (same label) whose date, mode, venue, facilitator,
                             // members or lead reviewers changed
    int groupsUnchanged = 0; // groups kept exactly as they were
    int groupsRemoved = 0;   // groups of the cycle that the file no longer lists
};

struct ScheduleImportOutcome {
    Problems problems; // errors (nothing written) and warnings (written anyway), with lines
    ScheduleImportReport report;
    bool applied() const { return !hasErrors(problems); }
};

SchedulePreview parseSchedule(const QByteArray& bytes);

// The file becomes the cycle's schedule, all or nothing: with any error nothing is written;
// otherwise, in one transaction, groups the file does not list are removed, groups whose label
// matches (ignoring case) are updated in place and keep their id and calendar UID, new groups are
// created, and LAs and facilitators the roster lacks are added. A group that the file drops but
// that already holds recorded data of its day (notes, the day's log) is not removed: that is an
// error. Dates outside the cycle's window are warnings, not errors. The Result fails when the file
// cannot be read, the cycle does not exist (NotFound) or the database refuses the write.
// An LA name the roster lacks but that looks like a misspelling of a roster LA (nearAuthorityName)
// is an error naming both, unless newAuthorities lists it (the user says it is a new LA).
Result<ScheduleImportOutcome> importScheduleFile(Database& db, qint64 cycleId, const QString& path,
                                                 const QStringList& newAuthorities = {});
Result<ScheduleImportOutcome> importSchedule(Database& db, qint64 cycleId, const QByteArray& bytes,
                                             const QStringList& newAuthorities = {});

} // namespace balcony::interchange
