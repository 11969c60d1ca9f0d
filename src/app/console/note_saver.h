#pragma once

#include "notes/note_types.h"
#include "support/result.h"

#include <QObject>
#include <QString>
#include <QTimer>

namespace balcony {
class Clock;
class NoteStore;
} // namespace balcony

namespace balcony::gui {

// The debounced autosave of one block's note (NoteKind::Note) while the facilitator types.
//
// setText() after every keystroke restarts a single-shot timer of quietDelayMs; when typing stops
// for that long the text is saved. While typing goes on without a pause the text is still saved at
// least every maxWaitMs after the first unsaved keystroke, so that a crash never loses more than
// about half a second of typing. flush() saves at once (tests, block changes, closing).
//
// Working text and sealed revisions (docs/day-engine.md): every save goes through
// NoteStore::saveWorking, so the first save after a seal writes a new working revision and every
// later one rewrites it in place: a burst of typing is one revision. seal() flushes and then seals
// the working revision in the database, so it never changes again; the next save starts a new one.
// The pane seals at every block change and when it closes. A working revision left by a crash is
// continued by the next editor of that note and sealed at its next block change.
//
// Whitespace-only text is not saved: an empty editor over an item already saved deletes the item
// (a deleting revision) so that a cleared note is not shown again.
//
// The state turns Saved only after NoteStore's call returned success, that is after the commit.
// A failure sets Failed with a plain message and keeps the text pending: the next keystroke or
// flush() tries again, and so does a retry timer every retryDelayMs() while it stays Failed, so a
// note typed onto a full disk is saved once space is freed even if nobody types again. Borrows the store and
// the clock, which must outlive it. GUI thread only.
class NoteSaver final : public QObject {
    Q_OBJECT

public:
    static constexpr int quietDelayMs = 300; // typing stopped this long: save
    static constexpr int maxWaitMs = 500;    // typing went on this long since the first unsaved key: save

    enum class State {
        Saved,  // what the editor shows is committed (or there is nothing to save)
        Saving, // typed text is waiting for the timer or being written
        Failed, // the last save failed; see errorMessage(); the text is still pending
    };
    Q_ENUM(State)

    // Where the note belongs: the group's day, the LA it is filed under, the block it was taken in.
    struct Target {
        qint64 groupId = 0;
        qint64 authorityId = 0;
        int blockIndex = 0;
        bool operator==(const Target&) const = default;
    };

    NoteSaver(NoteStore& store, const Clock& clock, QObject* parent = nullptr);
    ~NoteSaver() override; // does not save: the owner calls seal() while the store is still open

    // Starts a new note: seals nothing (call seal() first), forgets any pending text. itemId is the
    // block's note already saved (0 when there is none).
    void setTarget(const Target& target, qint64 itemId = 0, const QString& savedText = {});
    const Target& target() const { return m_target; }
    qint64 itemId() const { return m_itemId; }
    // The working revision's number this saver last wrote, 0 when none since the last seal.
    int workingRevision() const { return m_working; }

    // The editor's text after a keystroke: (re)starts the timer unless the text is what was saved.
    void setText(const QString& text);
    // Saves pending text now. Returns the store's answer (ok when there was nothing to save).
    Status flush();
    // Flushes, then seals the working revision (the next save starts a new revision).
    Status seal();

    static constexpr int defaultRetryDelayMs = 5000; // a failed save is tried again this often
    int retryDelayMs() const { return m_retryDelayMs; }
    void setRetryDelayMs(int ms) { m_retryDelayMs = ms; }
    bool isRetrying() const { return m_retry.isActive(); }

    State state() const { return m_state; }
    QString errorMessage() const { return m_error; }
    bool hasPending() const { return m_pending; }
    bool isTimerActive() const { return m_timer.isActive(); }

Q_SIGNALS:
    void stateChanged(balcony::gui::NoteSaver::State state);
    // After each successful save that wrote something: the item (0 when it was deleted).
    void saved(qint64 itemId);

private:
    Status save();
    void setState(State state, const QString& error = {});

    NoteStore& m_store;
    const Clock& m_clock;
    QTimer m_timer;
    QTimer m_retry;
    int m_retryDelayMs = defaultRetryDelayMs;
    Target m_target;
    qint64 m_itemId = 0;
    int m_working = 0;
    QString m_text;
    QString m_savedText;
    bool m_pending = false;
    qint64 m_firstPendingMs = 0;
    State m_state = State::Saved;
    QString m_error;
};

} // namespace balcony::gui
