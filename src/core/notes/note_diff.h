#pragma once

#include "notes/session_note_types.h"
#include "support/result.h"

#include <QString>
#include <vector>

namespace balcony {
class SessionNoteStore;

// A run of text in a word-by-word comparison: the same in both texts, added in the second, or
// removed from the first. Whitespace belongs to the runs too, so joining the spans that are not
// Added gives the first text back exactly, and those that are not Removed the second.
struct DiffSpan {
    enum class Kind { Same, Added, Removed };
    Kind kind = Kind::Same;
    QString text;
};

// Compares two texts word by word (words and the spaces and line breaks between them are compared;
// a shared space between two changed words counts as part of the change). Uses dtl's O(NP) shortest edit
// script; a removal comes before the addition that replaces it. Pure.
std::vector<DiffSpan> compareWords(const QString& before, const QString& after);

// Two revisions of a note (with who made each and when) and the spans between them.
struct RevisionComparison {
    SessionNoteRevision from;
    SessionNoteRevision to;
    std::vector<DiffSpan> spans;
};

// Compares revisions fromNumber and toNumber of a note (any two, in either order). NotFound names
// the revisions that exist. Reads only.
Result<RevisionComparison> compareRevisions(const SessionNoteStore& store, qint64 noteId, int fromNumber,
                                            int toNumber);

} // namespace balcony
