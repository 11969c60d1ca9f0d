#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <optional>

// Notes and outcome items captured during a day. Their text is confidential to the LA it is about:
// it is shown to the user who asked for it and never written to a log.
namespace balcony {

enum class NoteKind { Note, Strength, Insight, Ask, Offer, Action, Reflection };

// Stable names for storage and the CLI ("note", "strength", ...), and words for people.
QString toKey(NoteKind kind);
std::optional<NoteKind> noteKindFromKey(const QString& key); // exact, lower case
QString displayName(NoteKind kind);
QStringList noteKindKeys(); // every key, in enum order

// What a facilitator writes: the same fields for a new item and for each revision of it.
struct NoteContent {
    NoteKind kind = NoteKind::Note;
    QString theme;                 // a signature-of-risk theme key or free text; may be empty
    std::optional<int> blockIndex; // the block of the day's timetable it was taken in, if known
    QString text;
};

// One saved state of an item. A deletion is a revision too (deleted = true, content unchanged).
struct NoteRevision {
    qint64 id = 0;
    qint64 itemId = 0;
    int number = 0; // 1 for the capture, then 2, 3, ...
    QDateTime savedAtUtc;
    bool deleted = false;
    // A working revision is the latest of its item and may still be rewritten in place by the
    // editor that autosaves it; a sealed one (false) never changes again. See docs/day-engine.md.
    bool working = false;
    NoteContent content;
};

// An item as it stands now: its latest revision.
struct NoteItem {
    qint64 id = 0;
    qint64 groupId = 0;
    qint64 authorityId = 0;
    QDateTime capturedAtUtc; // when revision 1 was saved
    NoteRevision current;
};

} // namespace balcony
