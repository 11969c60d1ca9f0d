#pragma once

#include "review_pack/dcs_review.h"
#include "review_pack/review_pack.h"

#include <QMainWindow>
#include <memory>

class QAction;
class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;
class QTabWidget;
class QTextBrowser;
class QTextEdit;
class QTimer;

namespace balcony {
class Clock;
class Database;
} // namespace balcony

namespace balcony::gui {

class Prompter;

// The DCS's window: one LA's session note and nothing else (issue 10, "The DCS's review, in Balcony";
// the guide is docs/guide-dcs.md). The note comes from a review pack (no region database is opened:
// everything shown comes from the pack, which holds one LA's note alone), or, for a DCS's login to a
// server region, from the region itself, where the server shows that login its own LA's rows alone
// (review_pack/region_review.h, docs/server.md). Both go through DcsReview and keep its rules.
//
// It shows what was sent (the LA, the group and its day, the group's LAs, the due date, the
// revision and its fingerprint) and the note, rendered from its Markdown, in an editor with
// headings, paragraphs and bulleted lists and the editor's own undo. Each change is saved in the
// pack or region about 300 ms after the last key (DcsReview::saveAmendment, stored as Markdown), and at once
// before a decision, before another pack is opened and on close; "Saved" shows only once a save
// has returned. A text back to the note as sent (after the editor's Markdown round trip) removes
// the amendment. The DCS then agrees the note as sent (refused while amendments wait, with an
// offer to discard them) or returns it with the amendments; both ask the Prompter first, since
// neither can be undone. A read-only or answered pack says so and cannot be edited.
//
// Times come from clock (decisions, "Saved at"); the DCS's name is kept in settings under
// dcs/name. Prompter, clock and settings must outlive the window.
class DcsWindow final : public QMainWindow {
    Q_OBJECT

public:
    DcsWindow(Prompter& prompter, const Clock& clock, QSettings& settings, QWidget* parent = nullptr);
    ~DcsWindow() override;

    // Opens the pack at path in place of the one shown, after saving any waiting change. A file
    // that is not a pack that can be opened is refused through Prompter::showError with a message
    // naming it; the window and the file are then unchanged. False when nothing was opened.
    // readOnly opens it without writing (balcony --read-only PACK); a pack the user cannot write
    // opens read-only anyway. Either way the window says why and nothing can be edited.
    bool openPackFile(const QString& path, bool readOnly = false);
    // The note shown (a pack's or the region's), or nullptr.
    const DcsReview* review() const { return m_review.get(); }

    // Saves the editor's text now if a change waits; false when the save was refused (the
    // message is shown in the window).
    bool flush();
    // The program opened a region on a server as the DCS login of authority (server::serverRole):
    // the window says so, and that this DCS works here, on their own LA's note, rather than in the
    // project manager's workspaces; the server shows them nothing of another LA (docs/server.md).
    void setServerLogin(const QString& region, const QString& authority);
    // Then opens that DCS's own note in the region (openRegionReview for authorityId), taking region,
    // after saving any waiting change of the note shown. When no note was sent for review yet, or it
    // cannot be read, the window says so in place of the note and this returns false; the region stays
    // open, and reload() looks again.
    bool openRegionNote(std::unique_ptr<Database> region, qint64 authorityId);
    // Reads the note shown again (someone else may have sent or answered it), after saving a waiting
    // change; File > Reload. False, with the reason shown, when it cannot be read.
    bool reload();
    QString serverAuthority() const { return m_serverAuthority; }

    // The name decisions and amendments are recorded under.
    void setDcsName(const QString& name);
    QString dcsName() const;

    // The DCS's two answers, each confirmed through the Prompter first; false when nothing changed.
    bool agreeAsSent();
    bool returnWithAmendments();
    // Drops the working amendment (confirmed first) and shows the note as sent again.
    bool discardAmendments();

    // What the status line beside the editor says ("Saved at 10:04", ...).
    QString saveStatusText() const;
    QTextEdit* editor() const { return m_editor; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildUi();
    void showPack();
    void loadEditor(const QString& markdown);
    void editorChanged();
    void updateControls();
    void showDecision();
    bool saveNow();
    bool requireName();
    void openAsk();
    void showReview(std::unique_ptr<DcsReview> review);
    bool openOwnNote();
    void showKeepingText(const QString& typed);
    QString afterwardsText() const;
    void setHeading(int level);
    void setBulleted(bool bulleted);

    Prompter& m_prompter;
    const Clock& m_clock;
    QSettings& m_settings;
    // A server region's connection, which m_review borrows (declared first, so it goes last).
    std::unique_ptr<Database> m_region;
    std::unique_ptr<DcsReview> m_review;
    QString m_serverAuthority; // set by setServerLogin
    QString m_signedIn;        // what the window says in place of a note, for a server login
    qint64 m_authorityId = 0;  // the LA whose note openRegionNote opens
    QString m_sentAsEdited;    // the sent body after the editor's Markdown round trip
    bool m_loading = false;
    bool m_pending = false;

    QTimer* m_saveTimer = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_facts = nullptr;
    QLabel* m_banner = nullptr;
    QLabel* m_decision = nullptr;
    QLineEdit* m_name = nullptr;
    QLabel* m_saveStatus = nullptr;
    QTabWidget* m_tabs = nullptr;
    QTextEdit* m_editor = nullptr;
    QTextBrowser* m_sent = nullptr;
    QPushButton* m_discardButton = nullptr;
    QPushButton* m_agreeButton = nullptr;
    QPushButton* m_returnButton = nullptr;
    QAction* m_undo = nullptr;
    QAction* m_redo = nullptr;
    QAction* m_heading = nullptr;
    QAction* m_subheading = nullptr;
    QAction* m_paragraph = nullptr;
    QAction* m_bullets = nullptr;
    QWidget* m_content = nullptr;
    QLabel* m_empty = nullptr;
    QAction* m_reload = nullptr;
};

// The file dialog filter for review packs.
QString reviewPackFilter();

} // namespace balcony::gui
