#include "cycles/schedule_workspace.h"

#include "cycles/add_cycle.h"
#include "cycles/cycle_dialog.h"
#include "cycles/cycle_picker.h"
#include "cycles/update_cycle.h"
#include "document/region_document.h"
#include "frame/empty_state.h"
#include "frame/icons.h"
#include "models/cycle_list_model.h"
#include "models/group_model.h"
#include "models/model_roles.h"

#include <QAction>
#include <QButtonGroup>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace balcony::gui {

namespace {
enum Page { TablePage, EmptyPage, BoardPage };
}

ScheduleWorkspace::ScheduleWorkspace(RegionDocument& document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_cycles(new CycleListModel(document, this))
    , m_groups(new GroupModel(document, this))
    , m_picker(new CyclePicker(*m_cycles, this))
    , m_stack(new QStackedWidget(this))
    , m_table(new QTableView(this))
    , m_emptyPage(nullptr)
    , m_viewButtons(new QButtonGroup(this))
    , m_viewSwitch(new QWidget(this))
    , m_newCycle(new QAction(icon(QStringLiteral("cycle-new")), tr("&New Cycle..."), this))
    , m_editCycle(new QAction(icon(QStringLiteral("cycle-edit")), tr("&Edit Cycle..."), this)) {
    setObjectName(QStringLiteral("scheduleWorkspace"));
    m_newCycle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_newCycle->setToolTip(tr("Create a cycle, optionally starting from an earlier cycle's groups"));
    m_editCycle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_editCycle->setToolTip(tr("Rename the cycle or change its window"));
    m_newCycle->setEnabled(!document.isReadOnly());
    connect(m_newCycle, &QAction::triggered, this, &ScheduleWorkspace::newCycle);
    connect(m_editCycle, &QAction::triggered, this, &ScheduleWorkspace::editCycle);

    auto* header = new QHBoxLayout;
    header->addWidget(m_picker);
    header->addStretch();
    auto* viewLayout = new QHBoxLayout(m_viewSwitch);
    viewLayout->setContentsMargins(0, 0, 0, 0);
    viewLayout->setSpacing(0);
    const auto addViewButton = [&](const QString& text, int page) {
        auto* button = new QToolButton(m_viewSwitch);
        button->setText(text);
        button->setCheckable(true);
        button->setAutoRaise(false);
        m_viewButtons->addButton(button, page);
        viewLayout->addWidget(button);
    };
    addViewButton(tr("&Board"), BoardPage);
    addViewButton(tr("&Table"), TablePage);
    m_viewSwitch->setVisible(false);
    header->addWidget(m_viewSwitch);
    header->addSpacing(12);
    for (QAction* action : {m_newCycle, m_editCycle}) {
        auto* button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        header->addWidget(button);
    }
    connect(m_viewButtons, &QButtonGroup::idClicked, this, &ScheduleWorkspace::showView);

    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_groups);
    proxy->setSortRole(SortRole);
    m_table->setModel(proxy);
    m_table->setObjectName(QStringLiteral("groupTable"));
    m_table->setAccessibleName(tr("Groups of the cycle"));
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(GroupModel::DateColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);

    // A schedule CSV is imported into a cycle, so the cycle always comes first.
    m_emptyPage = new EmptyState(tr("No cycles yet"),
                                 tr("A cycle holds one year's groups and days. Create the first one with "
                                    "New Cycle; then add its groups, or import them from a schedule CSV "
                                    "file."),
                                 this);
    m_stack->insertWidget(TablePage, m_table);
    m_stack->insertWidget(EmptyPage, m_emptyPage);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_stack, 1);

    connect(m_picker, &CyclePicker::cycleChanged, this, &ScheduleWorkspace::onCycleChanged);
    onCycleChanged(m_picker->currentCycleId());
}

ScheduleWorkspace::~ScheduleWorkspace() = default;

void ScheduleWorkspace::setBoard(QWidget* board) {
    if (m_board != nullptr) {
        m_stack->removeWidget(m_board);
        delete m_board;
    }
    m_board = board;
    m_stack->insertWidget(BoardPage, board);
    m_viewSwitch->setVisible(true);
    showView(BoardPage);
}

qint64 ScheduleWorkspace::currentCycleId() const {
    return m_picker->currentCycleId();
}

void ScheduleWorkspace::setCurrentCycleId(qint64 cycleId) {
    m_picker->setCurrentCycleId(cycleId);
}

void ScheduleWorkspace::onCycleChanged(qint64 cycleId) {
    m_groups->setCycle(cycleId);
    m_editCycle->setEnabled(cycleId != 0 && !m_document.isReadOnly());
    updateEmptyState();
    Q_EMIT cycleChanged(cycleId);
}

void ScheduleWorkspace::showView(int page) {
    if (auto* button = m_viewButtons->button(page)) {
        button->setChecked(true);
    }
    if (page == TablePage && currentCycleId() == 0) {
        page = EmptyPage;
    }
    m_stack->setCurrentIndex(page);
}

void ScheduleWorkspace::updateEmptyState() {
    const int chosen = m_viewButtons->checkedId();
    showView(m_board != nullptr && chosen == BoardPage ? BoardPage : TablePage);
}

void ScheduleWorkspace::newCycle() {
    Cycle initial;
    if (!m_cycles->cycles().empty()) {
        const Cycle& latest = m_cycles->cycles().back();
        initial.firstDay = latest.firstDay.addYears(1);
        initial.lastDay = latest.lastDay.addYears(1);
        initial.name = QStringLiteral("%1-%2").arg(initial.firstDay.year()).arg(initial.lastDay.year());
    } else {
        // The first cycle: a year from today (on the document's clock, like every "today").
        initial.firstDay = m_document.today();
        initial.lastDay = initial.firstDay.addYears(1).addDays(-1);
    }
    CycleDialog dialog(initial, m_cycles->cycles(), this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    auto* command = new AddCycle(m_document, dialog.cycle(), dialog.copyGroupsFrom());
    m_document.undoStack()->push(command);
    // The stack deletes a command whose write failed, so ask the model, not the command.
    for (const auto& cycle : m_cycles->cycles()) {
        if (cycle.name == dialog.cycle().name) {
            setCurrentCycleId(cycle.id);
        }
    }
}

void ScheduleWorkspace::editCycle() {
    const Cycle* current = m_cycles->cycleAt(m_cycles->indexOf(currentCycleId()));
    if (current == nullptr) {
        return;
    }
    const Cycle before = *current;
    CycleDialog dialog(before, {}, this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    m_document.undoStack()->push(new UpdateCycle(m_document, before, dialog.cycle()));
}

} // namespace balcony::gui
