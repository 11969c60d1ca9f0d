#pragma once

#include "frame/workspace.h"

#include <QMainWindow>
#include <functional>
#include <memory>
#include <vector>

class QAction;
class QFrame;
class QLabel;
class QListWidget;
class QMenu;
class QSettings;
class QStackedWidget;
class QUndoGroup;

namespace balcony {
class Clock;
}

namespace balcony::gui {

class BackupController;
class DayOfflineController;
class InterchangeController;
class Prompter;
class RegionDocument;
class Workspace;

// The desktop program's window: a sidebar of installed workspaces (installStandardWorkspaces()
// gives the program's: Schedule, Run the Day, Notes and Outcomes), the File, Edit, View and Help
// menus with each workspace's own menus between them, the toolbar, the status bar (database path,
// read-only flag, the current workspace's widgets), recent databases, and the window's placement
// and the last workspace kept in the settings.
//
// Owns the open RegionDocument and hands it to every workspace. Edit > Undo and Redo reach the
// current workspace's undo stack through the window's QUndoGroup, and are unavailable while the
// current workspace has none. Questions go through the Prompter; both it and the settings must
// outlive the window. A refused edit shows once: in a workspace that shows it on screen (the group
// board's banner), otherwise through the Prompter.
class MainWindow final : public QMainWindow {
    Q_OBJECT

public:
    MainWindow(Prompter& prompter, QSettings& settings, QWidget* parent = nullptr);
    ~MainWindow() override;

    // The settings the window was given, for workspaces that keep their own (the presenter screen).
    QSettings& settings() const { return m_settings; }

    // Takes ownership, adds the workspace to the sidebar (Ctrl+1 for the first, and so on), its
    // page, menus, view actions and status-bar widgets to the window, and hands it the open
    // document. The first installed becomes current.
    Workspace& installWorkspace(std::unique_ptr<Workspace> workspace);
    // The installed workspace of type W, or nullptr.
    template <class W>
    W* workspace() const {
        for (const auto& installed : m_workspaces) {
            if (auto* w = qobject_cast<W*>(installed.workspace)) {
                return w;
            }
        }
        return nullptr;
    }
    Workspace* currentWorkspace() const;
    void setCurrentWorkspace(Workspace* workspace);

    // Replaces the open document (nullptr closes it) and hands it to every workspace.
    void setDocument(std::unique_ptr<RegionDocument> document);
    // The program's one clock, given to every document the window opens from now on (nullptr: each
    // document keeps the computer's). Borrowed: it must outlive the window.
    void setClock(const Clock* clock) { m_clock = clock; }
    RegionDocument* document() const { return m_document.get(); }
    // Opens path through the Prompter's questions; false when nothing was opened.
    bool openDatabase(const QString& path, bool readOnly = false);

    // What File > Open does with a review pack (*.balcony-review): the program opens it in the
    // DCS's window (src/app/dcs). Without one, File > Open offers region databases alone.
    void setReviewPackOpener(std::function<void(const QString&)> opener) {
        m_reviewPackOpener = std::move(opener);
    }

    // Shows a view by its name (a workspace's id or one of its views: schedule, roster,
    // self-assessments, run-the-day, notes). False when no installed workspace knows the name.
    bool showView(const QString& name);
    QStringList viewNames() const;

    // The File menu's imports and exports.
    InterchangeController* interchange() const { return m_interchange; }
    // File > Back Up Now and Restore from Backup..., and the day's first backup.
    BackupController* backups() const { return m_backups; }
    DayOfflineController* dayOffline() const { return m_dayOffline; }
    QString statusPathText() const;
    // The banner above the workspaces: why the region is read-only, and the file's warnings (a
    // synced folder, a lock taken over). Empty when hidden.
    QString bannerText() const;
    QUndoGroup* undoGroup() const { return m_undoGroup; }

    // Sizes and places the window before it is first shown: where it was last closed, if that
    // screen (by name) is still there and the window's frame fits in its available area;
    // otherwise on this window's screen as firstPlacement says (maximised on a small screen).
    void placeFromSettings();
    // The toolbars, the workspace last shown and each workspace's own settings; call again once a
    // region is open.
    void restoreFromSettings();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    struct Installed {
        Workspace* workspace;
        QAction* switchAction; // View > the workspace's name
        QWidget* statusBox;    // the workspace's status-bar widgets
    };

    void createActions();
    void createMenus();
    void createToolBar();
    void createStatusBar();
    void currentWorkspaceChanged();
    void updateUndoStacks();
    void updateRecentMenu();
    void updateStatus();
    void saveToSettings();

    void newDatabase();
    void openDatabaseAsk(bool readOnly);
    void about();

    Prompter& m_prompter;
    const Clock* m_clock = nullptr;
    QSettings& m_settings;
    std::function<void(const QString&)> m_reviewPackOpener;
    std::unique_ptr<RegionDocument> m_document;
    QUndoGroup* m_undoGroup;
    InterchangeController* m_interchange;
    BackupController* m_backups;
    DayOfflineController* m_dayOffline;
    std::vector<Installed> m_workspaces; // in sidebar order

    QListWidget* m_sidebar = nullptr;
    QStackedWidget* m_pages = nullptr;
    QWidget* m_noDocumentPage = nullptr;

    QFrame* m_banner = nullptr;
    QLabel* m_bannerText = nullptr;
    QLabel* m_pathLabel = nullptr;
    QLabel* m_readOnlyLabel = nullptr;
    QWidget* m_workspaceStatus = nullptr; // holds each workspace's box of status-bar widgets
    QMenu* m_recentMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QAction* m_workspacesEnd = nullptr; // the View menu's separators after the workspaces
    QAction* m_viewsEnd = nullptr;      // and after their views

    QAction* m_newAction = nullptr;
    QAction* m_openAction = nullptr;
    QAction* m_openReadOnlyAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    QAction* m_aboutAction = nullptr;
};

} // namespace balcony::gui
