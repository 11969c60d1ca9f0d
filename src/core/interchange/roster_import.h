#pragma once

#include "domain/types.h"
#include "support/problem.h"
#include "support/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
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
    int postHoldersSet = 0;     // DCS, chief executive and lead member entries written
    int postsChangingHands = 0; // posts whose holder became someone else (see PostChange)
};

// A post the import would give to someone else, shown before anything is written: the post's
// holder is replaced by another person, or the new holder leaves another post for this one (both
// may be true). Spelling the same holder another way is not a change (see personKey).
struct PostChange {
    int line = 0;
    QString authority; // as the roster writes it (as the file does for a new LA)
    Role role = Role::Dcs;
    QString previousHolder; // empty when the post is vacant
    QString newHolder;      // as the file writes them
    QString leaves;         // "Surrey's DCS" when the new holder leaves that post; empty otherwise
};

// "line 4: Kent's DCS: Ann Reed is replaced by Bea Jones" (and ", who leaves Surrey's DCS").
QString describe(const PostChange& change);

struct RosterImportOptions {
    // Write even when posts change hands. Without it, an import with any PostChange writes nothing
    // and returns the changes, so that the user can see who replaces whom first.
    bool confirmPostChanges = false;
    // Work everything out, report it, write nothing (the desktop's preview, `--dry-run`).
    bool dryRun = false;
    // Names the user says are new LAs although they look like a misspelling of one in the roster.
    QStringList newAuthorities;
};

// The outcome of an import: problems (errors: nothing written; warnings, e.g. text that looks
// garbled by a spreadsheet, travel with a successful import), the posts changing hands, and what
// was written.
struct RosterImportOutcome {
    Problems problems;
    std::vector<PostChange> postChanges;
    RosterImportReport report;
    bool written = false;
    bool applied() const { return written; }
    // Nothing was written only because posts change hands and that was not confirmed.
    bool needsConfirmation() const { return !written && !hasErrors(problems) && !postChanges.empty(); }
};

// Reads and checks the file alone, without a database.
RosterPreview parseRoster(const QByteArray& bytes);

// Reads and checks the file, then, when it has no errors, adds the LAs that are new and sets their
// post holders in one transaction. A re-import adds and updates; it removes nobody and deletes no
// past post. The rules for people and authorities written differently are in docs/csv-formats.md
// ("People and authorities written differently"): an LA name only near one in the roster (a typo)
// is an error naming both; a post holder is matched by email, then by name (personKey), so a
// spelling variant keeps the person's id and past posts; a holder who is replaced stays in the
// roster as a team member of their LA with their past posts (RosterStore::leavePost). An empty
// name cell leaves that post as it is; a name without an email keeps the stored email. The Result
// fails only when the file cannot be read or the database refuses the write (then nothing is
// written either).
Result<RosterImportOutcome> importRosterFile(Database& db, const QString& path,
                                             const RosterImportOptions& options = {});
Result<RosterImportOutcome> importRoster(Database& db, const QByteArray& bytes,
                                         const RosterImportOptions& options = {});

} // namespace balcony::interchange
