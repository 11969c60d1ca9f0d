#pragma once

#include <QWidget>

class QAction;
class QButtonGroup;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace balcony::gui {

class CycleListModel;
class CyclePicker;
class GroupModel;
class RegionDocument;

// The project manager's Schedule workspace: a cycle picker, the cycle's groups as a table (date,
// mode, venue, facilitator, presenting order, who reviews whom), and the cycle actions (new cycle,
// optionally copying an earlier cycle's groups; edit the name and window).
//
// The group board plugs in with setBoard(): it becomes the first view, with a Board/Table switch
// above; follow cycleChanged() to show the same cycle.
class ScheduleWorkspace final : public QWidget {
    Q_OBJECT

public:
    // The document must outlive the workspace.
    explicit ScheduleWorkspace(RegionDocument& document, QWidget* parent = nullptr);
    ~ScheduleWorkspace() override;

    // Takes ownership of board and shows it in place of the table (the table stays one click away).
    void setBoard(QWidget* board);
    QWidget* board() const { return m_board; }

    qint64 currentCycleId() const;
    void setCurrentCycleId(qint64 cycleId);
    GroupModel& groupModel() const { return *m_groups; }
    QTableView* groupTable() const { return m_table; }
    QAction* newCycleAction() const { return m_newCycle; }
    QAction* editCycleAction() const { return m_editCycle; }

Q_SIGNALS:
    void cycleChanged(qint64 cycleId);

private:
    void onCycleChanged(qint64 cycleId);
    void newCycle();
    void editCycle();
    void showView(int page);
    void updateEmptyState();

    RegionDocument& m_document;
    CycleListModel* m_cycles;
    GroupModel* m_groups;
    CyclePicker* m_picker;
    QStackedWidget* m_stack;
    QTableView* m_table;
    QWidget* m_emptyPage;
    QWidget* m_board = nullptr;
    QButtonGroup* m_viewButtons;
    QWidget* m_viewSwitch;
    QAction* m_newCycle;
    QAction* m_editCycle;
};

} // namespace balcony::gui
