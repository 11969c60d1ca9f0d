#pragma once

#include "frame/workspace.h"

#include <QPointer>
#include <functional>

class QLabel;
class QTabWidget;

namespace balcony::gui {

class AssessmentsWorkspace;
class GroupBoard;
class Prompter;
class RosterWorkspace;
class ScheduleBoardView;
class ScheduleWorkspace;

// The project manager's workspace, installed in the main window as "Schedule": three views in tabs
// (Groups: the ScheduleWorkspace, with the group board when a factory builds one; Roster;
// Self-Assessments), the Schedule menu (the cycle and group commands), the problem count in the
// status bar, and the tab last shown in the settings. Its edits go on the document's undo stack.
//
// The Roster and Self-Assessments views are built the first time they are shown (or asked for),
// so that opening a region only waits for what is on screen. Everything per document is built
// anew by setDocument(); the actions and menu stay, so that references to them hold.
class ScheduleTabs final : public Workspace {
    Q_OBJECT

public:
    // Builds the group board view for a newly opened document; the Groups view takes ownership.
    using BoardFactory = std::function<ScheduleBoardView*(RegionDocument&, ScheduleWorkspace&)>;

    // The prompter must outlive the workspace.
    explicit ScheduleTabs(Prompter& prompter, BoardFactory boardFactory = {}, QObject* parent = nullptr);
    ~ScheduleTabs() override;

    QString id() const override;
    QString title() const override;
    QString toolTip() const override;
    QIcon icon() const override;
    QString menuText() const override;
    QWidget* widget() const override { return m_page; }
    QList<QMenu*> menus() const override;
    QList<QAction*> viewActions() const override { return m_viewActions; }
    QList<QWidget*> statusBarWidgets() const override;
    QStringList viewNames() const override;
    void showView(const QString& name) override;
    QUndoStack* undoStack() const override;
    void setDocument(RegionDocument* document) override;
    bool showsEditFailures() const override;
    void saveSettings(QSettings& settings) const override;
    void restoreSettings(const QSettings& settings) override;

    // The views of the open document; nullptr when none is open.
    ScheduleWorkspace* groups() const { return m_groups; }
    RosterWorkspace* roster();
    AssessmentsWorkspace* assessments();
    GroupBoard* groupBoard() const;
    // The cycle the Groups view shows; 0 when none.
    qint64 currentCycleId() const;
    // The status bar's count of the current cycle's errors and warnings.
    QString problemCountText() const;

Q_SIGNALS:
    void cycleChanged(qint64 cycleId);
    // The board asked for one group's calendar invitation.
    void invitationExportRequested(qint64 cycleId, const QString& groupLabel);

private:
    enum Tab { GroupsTab, RosterTab, AssessmentsTab };

    void buildTab(int index);
    void fillMenu();
    void updateActions();
    void updateProblemCount();

    Prompter& m_prompter;
    BoardFactory m_boardFactory;
    RegionDocument* m_document = nullptr;

    QPointer<QWidget> m_page; // the window owns it once installed
    QTabWidget* m_tabs = nullptr;
    ScheduleWorkspace* m_groups = nullptr;
    RosterWorkspace* m_roster = nullptr;
    AssessmentsWorkspace* m_assessments = nullptr;
    QWidget* m_rosterPage = nullptr; // the tabs' pages, empty until built
    QWidget* m_assessmentsPage = nullptr;
    QPointer<GroupBoard> m_groupBoard;

    std::unique_ptr<QMenu> m_menu;
    QPointer<QLabel> m_problemLabel;
    QAction* m_newGroupAction;
    QAction* m_generateAction;
    QList<QAction*> m_viewActions;
};

} // namespace balcony::gui
