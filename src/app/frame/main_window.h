#pragma once

#include <QMainWindow>
#include <QPointer>
#include <functional>
#include <memory>

class QAction;
class QFrame;
class QLabel;
class QListWidget;
class QMenu;
class QSettings;
class QStackedWidget;
class QTabWidget;
class QUndoGroup;

namespace balcony::gui {

class AssessmentsWorkspace;
class GroupBoard;
class Prompter;
class RegionDocument;
class RosterWorkspace;
class ScheduleWorkspace;

// The desktop program's window: one workspace per user (the project manager's Schedule, with its
// Groups, Roster and Self-Assessments views; Run the Day; Notes and Outcomes), the menus, toolbar
// and status bar (database path, read-only flag, problem count), recent databases, and window
// geometry and the last workspace kept in the settings.
//
// Owns the open RegionDocument. Questions go through the Prompter; both it and the settings must
// outlive the window. A refused edit shows once: in the group board's banner while the board is on
// screen, otherwise through the Prompter.
class MainWindow final : public QMainWindow {
    Q_OBJECT

public:
    // Builds the group board for a newly opened document; the Schedule workspace takes ownership.
    using BoardFactory = std::function<QWidget*(RegionDocument&, ScheduleWorkspace&)>;

    MainWindow(Prompter& prompter, QSettings& settings, QWidget* parent = nullptr);
    ~MainWindow() override;

    void setBoardFactory(BoardFactory factory) { m_boardFactory = std::move(factory); }

    // Replaces the open document (nullptr closes it) and rebuilds the workspaces.
    void setDocument(std::unique_ptr<RegionDocument> document);
    RegionDocument* document() const { return m_document.get(); }
    // Opens path through the Prompter's questions; false when nothing was opened.
    bool openDatabase(const QString& path, bool readOnly = false);

    // Shows a view by its name: schedule, roster, self-assessments, run-the-day, notes. False when
    // the name is unknown.
    bool showView(const QString& name);
    static QStringList viewNames();

    ScheduleWorkspace* scheduleWorkspace() const { return m_schedule; }
    // The Roster and Self-Assessments views are built the first time they are shown (or asked for
    // here), so that opening a region only waits for what is on screen.
    RosterWorkspace* rosterWorkspace();
    AssessmentsWorkspace* assessmentsWorkspace();
    QString statusPathText() const;
    // The banner above the workspaces: why the region is read-only, and the file's warnings (a
    // synced folder, a lock taken over). Empty when hidden.
    QString bannerText() const;
    QString problemCountText() const;
    QUndoGroup* undoGroup() const { return m_undoGroup; }

    // Sizes and places the window before it is first shown: where it was last closed, if that
    // screen (by name) is still there and the window's frame fits in its available area;
    // otherwise on this window's screen as firstPlacement says (maximised on a small screen).
    void placeFromSettings();
    // The toolbars, workspace and view last shown; call again once a region is open.
    void restoreFromSettings();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createStatusBar();
    void rebuildWorkspaces();
    void setSchedulePage(QWidget* page); // deletes the page it replaces
    void buildScheduleTab(int index);
    void updateRecentMenu();
    void updateStatus();
    void updateActions();
    void fillScheduleMenu();
    void saveToSettings();

    void newDatabase();
    void openDatabaseAsk(bool readOnly);
    void importRoster();
    void importSchedule();
    void exportRoster();
    void exportScheduleCsv();
    void exportCalendar();
    // Asks for a file and writes the iCalendar invitations of the cycle, or of one group when
    // groupLabel is set, through the core exporter; reports in the status bar or through the Prompter.
    void exportInvitations(qint64 cycleId, const QString& groupLabel);
    void exportPdf();
    void about();

    Prompter& m_prompter;
    QSettings& m_settings;
    std::unique_ptr<RegionDocument> m_document;
    BoardFactory m_boardFactory;
    QUndoGroup* m_undoGroup;

    QListWidget* m_sidebar = nullptr;
    QStackedWidget* m_pages = nullptr;
    QTabWidget* m_scheduleTabs = nullptr;
    QWidget* m_noDocumentPage = nullptr;
    ScheduleWorkspace* m_schedule = nullptr;
    RosterWorkspace* m_roster = nullptr;
    AssessmentsWorkspace* m_assessments = nullptr;
    QWidget* m_rosterPage = nullptr; // the tabs' pages, empty until built
    QWidget* m_assessmentsPage = nullptr;
    QPointer<GroupBoard> m_groupBoard; // inside the board the factory built, if any

    QFrame* m_banner = nullptr;
    QLabel* m_bannerText = nullptr;
    QLabel* m_pathLabel = nullptr;
    QLabel* m_readOnlyLabel = nullptr;
    QLabel* m_problemLabel = nullptr;
    QMenu* m_recentMenu = nullptr;

    QAction* m_newAction = nullptr;
    QAction* m_openAction = nullptr;
    QAction* m_openReadOnlyAction = nullptr;
    QAction* m_importRosterAction = nullptr;
    QAction* m_importScheduleAction = nullptr;
    QAction* m_exportRosterAction = nullptr;
    QAction* m_exportCsvAction = nullptr;
    QAction* m_exportCalendarAction = nullptr;
    QAction* m_exportPdfAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QAction* m_newGroupAction = nullptr;
    QAction* m_generateAction = nullptr;
    QMenu* m_scheduleMenu = nullptr;
    QList<QAction*> m_workspaceActions;
    QList<QAction*> m_viewActions;
};

} // namespace balcony::gui
