#pragma once

#include "domain/types.h"
#include "frame/workspace.h"
#include "notes/session_note_types.h"
#include "support/result.h"

#include <QPointer>
#include <memory>
#include <optional>
#include <vector>

class QAction;
class QComboBox;
class QLabel;
class QMenu;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QTextBrowser;
class QTextEdit;
class QTreeWidget;

namespace balcony {
class Clock;
namespace reports {
class DocumentFormat;
}
} // namespace balcony

namespace balcony::gui {

class NotesModel;
class OutcomesSection;
class Prompter;

// "Notes and Outcomes", the session notes' side: a cycle's notes (LA, group, status, revision, the
// date the DCS's answer is due; overdue notes tinted and marked "overdue"), the editor of the chosen
// note, its revisions and a word-by-word comparison of any two, and the agreement workflow's steps
// (docs/session-notes.md). Every operation is core's (notes/) or the reports library's; no SQL here.
//
// The editor shows the note's Markdown as simple rich text (headings, paragraphs, bullet lists) and
// writes Markdown back (QTextDocument::toMarkdown). Save (Ctrl+S) makes a new revision; leaving a
// note with unsaved changes (another note, another cycle, closing the region) saves them too, so no
// typing is lost. There is no timed autosave: every save is a revision the DCS may compare, and a
// revision per pause in typing would bury the facilitator's real versions. Undo is the editor's own
// (Ctrl+Z while it has the focus): the workspace has no undo stack, since the workflow's steps are
// recorded and are taken back by their own steps (a reopen), never by Undo.
//
// An agreed or shared note is the record: its editor is read-only and a banner says why. After
// every write the workspace tells the document (notifyNotesChanged), and it refreshes its list from
// that signal alone, without reloading the cycle.
//
// Who did a step: the group's facilitator for drafts, edits, sending and reopening; the LA's DCS for
// an agreement or sharing recorded here (the DCS agreed by e-mail or telephone).
//
// Borrows the Prompter (folders, files, the reason for a reopen, confirmations, refusals) and the
// clock (nullptr: the computer's clock), which must outlive it.
class NotesWorkspace final : public Workspace {
    Q_OBJECT

public:
    explicit NotesWorkspace(Prompter& prompter, const Clock* clock = nullptr, QObject* parent = nullptr);
    ~NotesWorkspace() override;

    QString id() const override { return QStringLiteral("notes"); }
    QString title() const override;
    QString toolTip() const override;
    QIcon icon() const override;
    QString menuText() const override;
    QWidget* widget() const override { return m_page; }
    QList<QMenu*> menus() const override;
    // "notes" (the list and the editor) and "note-review" (a note with two revisions compared).
    QStringList viewNames() const override;
    void showView(const QString& name) override;
    void setDocument(RegionDocument* document) override;

    // The cycle shown and the chosen note (0 when none).
    qint64 currentCycleId() const;
    qint64 currentNoteId() const { return m_noteId; }
    bool selectCycle(qint64 cycleId);
    bool selectNote(qint64 noteId);
    // Adds a page to the outcomes side (a tab after "Session Notes"), its views and its actions, and
    // tells it the region and the cycle shown, now and on every change. Takes ownership.
    void addSection(std::unique_ptr<OutcomesSection> section);
    QTabWidget* sectionTabs() const { return m_sections; }

    // Compares two revisions of the chosen note on the Revisions tab (and shows it).
    bool compare(int fromRevision, int toRevision);

    NotesModel* model() const { return m_model; }
    QTableView* notesView() const { return m_view; }
    QTextEdit* editor() const { return m_editor; }
    QTextBrowser* comparisonView() const { return m_comparison; }
    QTreeWidget* revisionsView() const { return m_revisions; }

    // The menu's actions, for tests and for the toolbar.
    QAction* draftAction() const { return m_draftAction; }
    QAction* takeAdditionsAction() const { return m_takeAction; }
    QAction* saveAction() const { return m_saveAction; }
    QAction* sendAction() const { return m_sendAction; }
    QAction* importAction() const { return m_importAction; }
    QAction* agreeAction() const { return m_agreeAction; }
    QAction* shareAction() const { return m_shareAction; }
    QAction* reopenAction() const { return m_reopenAction; }
    QAction* exportAction() const { return m_exportAction; }
    // Export All: one entry per document format, in the reports library's order.
    QList<QAction*> exportAllActions() const { return m_exportAllActions; }

    void draftNotes();
    void takeAdditions();
    // Saves the editor's text as a new revision; false when refused or there was nothing to save.
    bool save();
    void sendForReview();
    void importPack();
    void recordAgreement();
    void share();
    void reopen();
    void exportNote();
    void exportAll(const reports::DocumentFormat& format);

private:
    void buildPage();
    void buildActions();
    void reloadCycles();
    void cycleChosen();
    void refreshNotes();
    void noteChosen();
    void showNote(bool reloadText);
    void showRevisions();
    void showComparison();
    void updateActions();
    // Saves the editor's changes, if any; false when they could not be saved (the user was told).
    bool saveIfModified();
    void announce(const SessionNote& note);
    void refused(const QString& title, const Status& status);
    // Someone else saved the note since the editor was loaded: says so (message) and offers to
    // reload it, the user's text going to the clipboard first; otherwise the text stays, unsaved.
    void offerReload(const QString& message);
    std::optional<SessionNote> chosenNote() const;
    QString facilitatorFor(const SessionNote& note) const;
    QString dcsFor(const SessionNote& note) const;
    void setBlockFormat(int headingLevel);
    void toggleBulletList();

    Prompter& m_prompter;
    std::unique_ptr<Clock> m_ownClock;
    const Clock& m_clock;
    QPointer<RegionDocument> m_document;
    std::optional<CycleSchedule> m_schedule; // the shown cycle's, for names
    qint64 m_noteId = 0;
    int m_loadedRevision = 0; // the revision the editor was loaded from or last saved as
    // The note's row version the editor's text is based on: a save based on an older one is refused
    // (someone else saved since; store/row_version.h) and the text stays in the editor.
    int m_loadedVersion = 0;
    bool m_loading = false;

    QPointer<QWidget> m_page;
    QTabWidget* m_sections = nullptr;                 // "Session Notes" first, then the outcomes sections
    std::vector<OutcomesSection*> m_outcomesSections; // children of this workspace
    QComboBox* m_cycle = nullptr;
    NotesModel* m_model = nullptr;
    QSortFilterProxyModel* m_sorted = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_noteTitle = nullptr;
    QLabel* m_lockBanner = nullptr;
    QTabWidget* m_tabs = nullptr;
    QTextEdit* m_editor = nullptr;
    QTreeWidget* m_revisions = nullptr;
    QComboBox* m_from = nullptr;
    QComboBox* m_to = nullptr;
    QLabel* m_comparisonHeader = nullptr;
    QTextBrowser* m_comparison = nullptr;

    std::unique_ptr<QMenu> m_menu;
    QAction* m_draftAction = nullptr;
    QAction* m_takeAction = nullptr;
    QAction* m_saveAction = nullptr;
    QAction* m_sendAction = nullptr;
    QAction* m_importAction = nullptr;
    QAction* m_agreeAction = nullptr;
    QAction* m_shareAction = nullptr;
    QAction* m_reopenAction = nullptr;
    QAction* m_exportAction = nullptr;
    QList<QAction*> m_exportAllActions;
    QAction* m_headingAction = nullptr;
    QAction* m_paragraphAction = nullptr;
    QAction* m_bulletAction = nullptr;
};

} // namespace balcony::gui
