#pragma once

#include <QWidget>

class QSplitter;

namespace balcony::gui {

class GroupBoard;
class ProblemsPanel;
class RegionDocument;
class ScheduleWorkspace;

// The board page of the Schedule workspace: the group board above the live problems panel.
// Activating a problem selects its group or authority on the board. Standalone it follows the
// board's own cycle picker; inside a ScheduleWorkspace, follow() hides that picker and tracks the
// workspace's cycle instead.
class ScheduleBoardView final : public QWidget {
    Q_OBJECT

public:
    // The document must outlive the view.
    explicit ScheduleBoardView(RegionDocument& document, QWidget* parent = nullptr);

    GroupBoard* board() const { return m_board; }
    ProblemsPanel* problems() const { return m_problems; }

    // Shows the workspace's current cycle from now on.
    void follow(ScheduleWorkspace& workspace);

Q_SIGNALS:
    // Re-emitted from the problems panel, for a status bar.
    void problemCountsChanged(int errors, int warnings);

private:
    GroupBoard* m_board;
    ProblemsPanel* m_problems;
    QSplitter* m_splitter;
};

// The Schedule workspace's board factory (ScheduleTabs::BoardFactory): a ScheduleBoardView following
// the Groups view, which takes ownership.
ScheduleBoardView* createScheduleBoard(RegionDocument& document, ScheduleWorkspace& workspace);

} // namespace balcony::gui
