#include "board/schedule_board_view.h"

#include "board/group_board.h"
#include "cycles/schedule_workspace.h"
#include "problems/problems_panel.h"

#include <QSplitter>
#include <QVBoxLayout>

namespace balcony::gui {

ScheduleBoardView::ScheduleBoardView(RegionDocument& document, QWidget* parent)
    : QWidget(parent)
    , m_board(nullptr)
    , m_problems(nullptr)
    , m_splitter(new QSplitter(Qt::Vertical, this)) {
    setObjectName(QStringLiteral("scheduleBoardView"));
    // Built inside the splitter, not reparented into it afterwards: moving the finished board (its
    // own style sheet, a card per group) re-resolves the style of every widget in it, which was
    // most of the start-up time on a national region (see docs/performance.md).
    m_board = new GroupBoard(document, m_splitter);
    m_problems = new ProblemsPanel(document, m_splitter);
    m_splitter->addWidget(m_board);
    m_splitter->addWidget(m_problems);
    m_splitter->setStretchFactor(0, 4);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    connect(m_board, &GroupBoard::cycleChanged, m_problems, &ProblemsPanel::setCycleId);
    connect(m_problems, &ProblemsPanel::problemsChanged, m_board, &GroupBoard::setProblems);
    connect(m_problems, &ProblemsPanel::problemActivated, m_board, &GroupBoard::showProblem);
    connect(m_problems, &ProblemsPanel::countsChanged, this, &ScheduleBoardView::problemCountsChanged);
    m_problems->setCycleId(m_board->cycleId());
}

void ScheduleBoardView::follow(ScheduleWorkspace& workspace) {
    m_board->setCyclePickerVisible(false);
    connect(&workspace, &ScheduleWorkspace::cycleChanged, m_board, &GroupBoard::setCycleId);
    m_board->setCycleId(workspace.currentCycleId());
}

ScheduleBoardView* createScheduleBoard(RegionDocument& document, ScheduleWorkspace& workspace) {
    auto* view = new ScheduleBoardView(document);
    view->follow(workspace);
    return view;
}

} // namespace balcony::gui
