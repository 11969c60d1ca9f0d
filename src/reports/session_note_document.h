#pragma once

#include "reports/note_document.h"
#include "support/result.h"

namespace balcony {
class Database;
}

namespace balcony::reports {

// A session note's document values, read from the region: one revision (0: the latest) of one
// note, with its group's facts and the names of the group's LAs. Built from that note's own rows
// alone, so a document about one LA can hold no other LA's text. NotFound for no such note or
// revision.
Result<NoteDocument> sessionNoteDocument(Database& db, qint64 noteId, int revision = 0);

} // namespace balcony::reports
