#pragma once

#include "support/result.h"

#include <QString>
#include <functional>
#include <optional>

namespace balcony {
class Database;
}

// Copying a whole region from one database to a new one: a region file onto an empty database on a
// PostgreSQL server (balcony-cli region push), or a server's region into a new file (region pull).
// Written once for both directions and both engines (docs/server.md, "Moving a region onto a
// server").
//
// How a copy goes:
//  1. The target is checked first: a file must not exist yet (nothing is ever overwritten) and its
//     folder must exist and be writable; a server database must be empty (made with CREATE DATABASE
//     and never given to balcony-cli init). The source must be at this Balcony's schema version.
//  2. In ONE transaction on the target: the region's schema is created by the same migrations as
//     any new region (migrations::migrate), then every table of dialect::tableNames is copied with
//     every column the engine's catalogue lists (dialect::columns), tables in foreign-key order
//     (dialect::foreignKeysInto), rows in primary-key order, ids kept. On PostgreSQL each table's
//     identity sequence is moved past the copied ids by the schema's own trigger (balcony_id_follows,
//     store/dialect.h), which runs for every row, so the next new row gets a free id.
//  3. Still inside that transaction, every table is read back from both sides and compared row by
//     row and column by column; the first difference (table, row, column; never a value, which may
//     be a note's text) fails the copy.
//  4. Commit. A file is written under a temporary name beside the new file and renamed to it only
//     now; on any failure the temporary file is removed and a server database is left as empty as
//     it was (the migrations rolled back with the rows).
//  The source is read inside one transaction (on PostgreSQL REPEATABLE READ), so the copy is of one
//  moment even when someone writes to the source meanwhile.
//
// The schema's rules hold during the copy: no trigger is switched off and no session setting
// loosens them (PostgreSQL's session_replication_role would, but needs a superuser and skips the
// foreign keys too). Instead the rows go in in an order the rules accept, as the program wrote them:
//  - the append-only day log, note revisions, RAG ratings and steps: in id order, as they were added
//    (day_event_discard_needs_run looks at earlier events by id);
//  - report marks after the note revisions (report_mark_kind reads an item's latest revision);
//  - session notes: a note goes in as a draft (session_note_starts_draft), then its workflow steps
//    and revisions are replayed in turn: before each step, the revisions up to the one the step
//    names; the rest after its last step. Each step moves the note's status as it did the first time
//    (session_note_step_moves_status), so an agreed note ends agreed, and the rules that refuse a
//    revision of an agreed note, a step out of order or an agreement of an older revision still
//    apply and would stop a copy of a region that broke them.
namespace balcony::region_copy {

struct Options {
    // Told a line of progress as the copy goes (a table copied, a table checked), for long copies;
    // may be empty.
    std::function<void(const QString& line)> progress = {};
    // For a server target that wants a password (Database::Options::password).
    std::function<std::optional<QString>(const QString& server)> password = {};
};

struct Summary {
    QString target; // the new copy, as Database::path() names it (never a password)
    int tables = 0; // tables copied and compared: all of dialect::tableNames
    qint64 rows = 0;
};

// Whether target can take a copy, before anything is read or written: a file name that does not
// exist yet, in a folder that exists and can be written; or a postgresql:// address. Whether a
// server database is empty is known only once connected (copy()).
Status checkTarget(const QString& target);

// Copies the region open in source (file or server, at this Balcony's schema version; read-only is
// enough) into target, a new file or an empty database on a server (store/location.h), as above.
// Refuses, changing nothing: a target file that exists, a folder that does not exist or cannot be
// written (Error::Kind::ReadOnly), a server database that already holds a region or another
// program's tables, a server that cannot be reached, a source of another schema version (TooNew
// when newer). Any other failure (a row the target refuses, a difference found in the check, a
// full disk) leaves no file behind and the server database empty.
Result<Summary> copy(Database& source, const QString& target, const Options& options = {});

} // namespace balcony::region_copy
