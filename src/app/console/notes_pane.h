#pragma once

#include "console/note_saver.h"
#include "notes/note_store.h"

#include <QWidget>
#include <memory>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace balcony {
class Clock;
struct DayState;
} // namespace balcony

namespace balcony::gui {
class DaySession;
class RegionDocument;

// The console's live notes for the current block of a group's day.
//
// An editor for the block's note, autosaved by a NoteSaver (within a second of typing stopping),
// with an indicator that reads "Saved" only after the commit returned, "Saving…" while text waits,
// and a plain message when a save failed (the text stays in the editor). It follows the DaySession:
// when the block changes it seals the previous block's note first and then loads the new block's
// saved note. Should the seal fail, the editor stays on the old block's text until a save succeeds,
// so nothing typed is dropped. A block's note is filed under the block's presenting LA; a shared
// block (introductions, breaks, the plenary) under the LA of the nearest session before it (the
// first LA before any session).
//
// Quick capture: Alt+1 strength, Alt+2 insight, Alt+3 ask, Alt+4 offer, Alt+5 action point,
// Alt+6 reflection (Alt, because the window's Ctrl+1..Ctrl+3 switch workspaces). The keys work while the
// focus is anywhere in the pane (and only there), so they never reach the console's day controls. The item's
// text is the capture line's text when it has some, else the editor's selection, else the editor's current
// line; its theme is the theme field's (optional). Items of the presenting LA are listed below; their text
// and theme are editable in place and Delete removes one, each change a revision (NoteStore).
//
// Nothing here is put on an undo stack: Ctrl+Z in the editor is the editor's own undo.
// Borrows the document, the session and the clock, which must outlive it.
class NotesPane final : public QWidget {
    Q_OBJECT

public:
    NotesPane(RegionDocument& document, qint64 cycleId, DaySession& session, const Clock& clock,
              QWidget* parent = nullptr);
    ~NotesPane() override; // seals the working note

    // Saves the editor's text now (the flush hook for tests and for closing).
    Status flush();
    NoteSaver& saver() { return *m_saver; }
    int shownBlock() const { return m_block; }
    qint64 authorityId() const { return m_authorityId; }
    // The indicator's text, as the user reads it.
    QString indicatorText() const;

    // Captures one structured item for the presenting LA (what the shortcuts call).
    Status capture(NoteKind kind);
    // Revises or deletes the listed item in row `row` (what editing in place and Delete call).
    Status reviseItem(int row, const QString& theme, const QString& text);
    Status deleteItem(int row);

    // The structured kinds, in shortcut order (Alt+1 .. Alt+6).
    static const std::vector<NoteKind>& captureKinds();

protected:
    // Alt+1 .. Alt+6 inside the pane (any of its fields) capture, even where the window has a
    // shortcut on the same key.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void follow(const DayState& state);
    bool loadBlock(int block);
    void reloadItems();
    void reloadItemsLater();
    void showState();
    void notifySaved();
    QString captureText();
    qint64 authorityFor(int block) const;

    RegionDocument& m_document;
    qint64 m_cycleId;
    DaySession& m_session;
    NoteStore m_store;
    std::unique_ptr<NoteSaver> m_saver;
    int m_block = -1;
    qint64 m_authorityId = 0;
    bool m_loading = false;
    std::vector<qint64> m_rowItems; // item id per table row

    QLabel* m_heading = nullptr;
    QPlainTextEdit* m_editor = nullptr;
    QLabel* m_indicator = nullptr;
    QLineEdit* m_captureText = nullptr;
    QLineEdit* m_theme = nullptr;
    QTableWidget* m_items = nullptr;
    QPushButton* m_delete = nullptr;
    QLabel* m_itemsMessage = nullptr;
};

} // namespace balcony::gui
