#include "cycles/schedule_tabs.h"

#include "assessments/assessments_workspace.h"
#include "board/group_board.h"
#include "board/schedule_board_view.h"
#include "cycles/schedule_workspace.h"
#include "day/discard_day_run.h"
#include "document/region_document.h"
#include "domain/schedule_store.h"
#include "engine/clock.h"
#include "frame/icons.h"
#include "roster/roster_workspace.h"
#include "scheduling/schedule_check.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QSettings>
#include <QTabWidget>
#include <QTimeZone>
#include <QVBoxLayout>

namespace balcony::gui {

namespace {
const QString tabKey = QStringLiteral("tab");
} // namespace

ScheduleTabs::ScheduleTabs(Prompter& prompter, BoardFactory boardFactory, QObject* parent)
    : Workspace(parent)
    , m_prompter(prompter)
    , m_boardFactory(std::move(boardFactory))
    , m_page(new QWidget)
    , m_menu(std::make_unique<QMenu>(tr("&Schedule")))
    , m_problemLabel(new QLabel(m_page)) {
    m_page->setObjectName(QStringLiteral("schedulePage"));
    auto* layout = new QVBoxLayout(m_page);
    layout->setContentsMargins(0, 0, 0, 0);
    m_problemLabel->setObjectName(QStringLiteral("statusProblems"));
    m_problemLabel->hide();

    m_newGroupAction = new QAction(gui::icon(QStringLiteral("list-add")), tr("New &Group..."), this);
    m_newGroupAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
    m_newGroupAction->setToolTip(tr("Add a group to the cycle shown"));
    connect(m_newGroupAction, &QAction::triggered, this, [this] {
        if (m_groupBoard) {
            Q_EMIT activationRequested();
            showView(QStringLiteral("schedule"));
            m_groupBoard->createGroupInteractively();
        }
    });
    m_generateAction = new QAction(tr("Generate &Lead Reviewers"), this);
    m_generateAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    m_generateAction->setToolTip(tr("Fill in the missing lead reviewers of every group of the cycle shown"));
    connect(m_generateAction, &QAction::triggered, this, [this] {
        if (m_groupBoard) {
            Q_EMIT activationRequested();
            showView(QStringLiteral("schedule"));
            (void)m_groupBoard->generateAllLeadReviewers();
        }
    });

    const QStringList viewTexts = {tr("&Groups"), tr("&Roster"), tr("Self-&Assessments")};
    const QStringList names = viewNames();
    for (int i = 0; i < viewTexts.size(); ++i) {
        auto* action = new QAction(viewTexts[i], this);
        action->setShortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_1 + i)));
        action->setEnabled(false);
        const QString name = names[i];
        connect(action, &QAction::triggered, this, [this, name] {
            Q_EMIT activationRequested();
            showView(name);
        });
        m_viewActions << action;
    }
    fillMenu();
    updateActions();
}

ScheduleTabs::~ScheduleTabs() {
    // The window owns the page (and the label) once installed; before that they are ours.
    if (m_page != nullptr && m_page->parent() == nullptr) {
        delete m_page;
    }
}

QString ScheduleTabs::id() const {
    return QStringLiteral("schedule");
}

QString ScheduleTabs::title() const {
    return tr("Schedule");
}

QString ScheduleTabs::toolTip() const {
    return tr("The project manager's workspace: groups, roster, self-assessments");
}

QIcon ScheduleTabs::icon() const {
    return gui::icon(QStringLiteral("workspace-schedule"));
}

QString ScheduleTabs::menuText() const {
    return tr("&Schedule");
}

QList<QMenu*> ScheduleTabs::menus() const {
    return {m_menu.get()};
}

QList<QWidget*> ScheduleTabs::statusBarWidgets() const {
    return {m_problemLabel};
}

QStringList ScheduleTabs::viewNames() const {
    return {QStringLiteral("schedule"), QStringLiteral("roster"), QStringLiteral("self-assessments")};
}

void ScheduleTabs::showView(const QString& name) {
    const auto index = viewNames().indexOf(name);
    if (index >= 0 && m_tabs != nullptr) {
        m_tabs->setCurrentIndex(static_cast<int>(index));
    }
}

QUndoStack* ScheduleTabs::undoStack() const {
    return m_document != nullptr ? m_document->undoStack() : nullptr;
}

bool ScheduleTabs::showsEditFailures() const {
    return m_groupBoard && m_groupBoard->showsEditFailures();
}

void ScheduleTabs::setDocument(RegionDocument* document) {
    // The old views refer to the old document: remove them before it goes.
    delete m_tabs;
    m_tabs = nullptr;
    m_groups = nullptr;
    m_roster = nullptr;
    m_assessments = nullptr;
    m_rosterPage = nullptr;
    m_assessmentsPage = nullptr;
    m_groupBoard = nullptr;
    if (m_document != nullptr) {
        disconnect(m_document, nullptr, this, nullptr);
    }
    m_document = document;

    if (m_document != nullptr) {
        m_tabs = new QTabWidget(m_page);
        m_tabs->setObjectName(QStringLiteral("scheduleTabs"));
        m_tabs->setDocumentMode(true);
        m_tabs->setAccessibleName(tr("Schedule views"));
        m_groups = new ScheduleWorkspace(*m_document, m_tabs);
        new DiscardDayRun(*m_document, *m_groups, m_prompter); // owned by the Groups view
        m_rosterPage = new QWidget(m_tabs);
        m_assessmentsPage = new QWidget(m_tabs);
        m_tabs->addTab(m_groups, gui::icon(QStringLiteral("workspace-schedule")), tr("Groups"));
        m_tabs->addTab(m_rosterPage, gui::icon(QStringLiteral("roster")), tr("Roster"));
        m_tabs->addTab(m_assessmentsPage, gui::icon(QStringLiteral("assessments")), tr("Self-Assessments"));
        m_page->layout()->addWidget(m_tabs);
        connect(m_tabs, &QTabWidget::currentChanged, this, &ScheduleTabs::buildTab);
        connect(m_groups, &ScheduleWorkspace::cycleChanged, this, [this](qint64 cycleId) {
            updateProblemCount();
            updateActions();
            Q_EMIT cycleChanged(cycleId);
        });
        // Only the plan's changes move the count: notes and day events do not emit changed().
        connect(m_document, &RegionDocument::changed, this, &ScheduleTabs::updateProblemCount);
        if (m_boardFactory) {
            if (ScheduleBoardView* view = m_boardFactory(*m_document, *m_groups)) {
                m_groups->setBoard(view);
                m_groupBoard = view->board();
                connect(m_groupBoard, &GroupBoard::invitationExportRequested, this,
                        &ScheduleTabs::invitationExportRequested);
            }
        }
    }
    fillMenu();
    updateActions();
    updateProblemCount();
    Q_EMIT cycleChanged(currentCycleId());
}

GroupBoard* ScheduleTabs::groupBoard() const {
    return m_groupBoard;
}

qint64 ScheduleTabs::currentCycleId() const {
    return m_groups != nullptr ? m_groups->currentCycleId() : 0;
}

void ScheduleTabs::fillMenu() {
    // The cycle actions belong to the Groups view, which each document builds anew.
    m_menu->clear();
    if (m_groups != nullptr) {
        m_menu->addAction(m_groups->newCycleAction());
        m_menu->addAction(m_groups->editCycleAction());
        m_menu->addSeparator();
    }
    m_menu->addAction(m_newGroupAction);
    m_menu->addAction(m_generateAction);
}

void ScheduleTabs::updateActions() {
    const bool writable = m_document != nullptr && !m_document->isReadOnly();
    const bool canEditGroups = writable && currentCycleId() != 0 && m_groupBoard;
    m_newGroupAction->setEnabled(canEditGroups);
    m_generateAction->setEnabled(canEditGroups);
    for (QAction* action : std::as_const(m_viewActions)) {
        action->setEnabled(m_document != nullptr);
    }
}

void ScheduleTabs::buildTab(int index) {
    if (m_document == nullptr) {
        return;
    }
    QWidget* built = nullptr;
    QWidget* page = nullptr;
    if (index == RosterTab && m_roster == nullptr) {
        m_roster = new RosterWorkspace(*m_document, m_rosterPage);
        built = m_roster;
        page = m_rosterPage;
    } else if (index == AssessmentsTab && m_assessments == nullptr) {
        m_assessments = new AssessmentsWorkspace(*m_document, m_prompter, m_assessmentsPage);
        built = m_assessments;
        page = m_assessmentsPage;
    }
    if (built != nullptr) {
        auto* layout = new QVBoxLayout(page);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(built);
        page->setFocusProxy(built);
    }
}

RosterWorkspace* ScheduleTabs::roster() {
    buildTab(RosterTab);
    return m_roster;
}

AssessmentsWorkspace* ScheduleTabs::assessments() {
    buildTab(AssessmentsTab);
    return m_assessments;
}

QString ScheduleTabs::problemCountText() const {
    return m_problemLabel->text();
}

void ScheduleTabs::updateProblemCount() {
    const qint64 cycleId = currentCycleId();
    auto schedule = cycleId != 0 && m_document != nullptr
                        ? ScheduleStore(m_document->database()).load(cycleId)
                        : Result<CycleSchedule>(CycleSchedule{});
    if (cycleId == 0 || !schedule) {
        m_problemLabel->setVisible(false);
        return;
    }
    // Self-assessment deadlines are judged on the local calendar's today.
    const QDate today = SystemClock().utcNow().toLocalTime().date();
    const Problems problems = checkSchedule(*schedule, today);
    int errors = 0;
    for (const auto& problem : problems) {
        errors += problem.isError() ? 1 : 0;
    }
    const int warnings = static_cast<int>(problems.size()) - errors;
    m_problemLabel->setText(problems.empty()
                                ? tr("No problems in %1").arg(schedule->cycle.name)
                                : tr("%1: %n error(s)", nullptr, errors).arg(schedule->cycle.name) +
                                      tr(", %n warning(s)", nullptr, warnings));
    m_problemLabel->setVisible(true);
}

void ScheduleTabs::saveSettings(QSettings& settings) const {
    if (m_tabs != nullptr) {
        settings.setValue(tabKey, m_tabs->currentIndex());
    }
}

void ScheduleTabs::restoreSettings(const QSettings& settings) {
    if (m_tabs != nullptr) {
        m_tabs->setCurrentIndex(settings.value(tabKey, 0).toInt());
    }
}

} // namespace balcony::gui
