#include "day/discard_day_run.h"

#include "cycles/schedule_workspace.h"
#include "document/region_document.h"
#include "engine/clock.h"
#include "engine/day_engine.h"
#include "engine/group_day.h"
#include "frame/prompter.h"
#include "models/group_model.h"
#include "models/model_roles.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QLocale>
#include <QTableView>

namespace balcony::gui {
namespace {

QString statusText(DayStatus status) {
    switch (status) {
    case DayStatus::NotStarted:
        return DiscardDayRun::tr("not started");
    case DayStatus::Running:
        return DiscardDayRun::tr("running");
    case DayStatus::Paused:
        return DiscardDayRun::tr("paused");
    case DayStatus::Finished:
        return DiscardDayRun::tr("finished");
    }
    return {};
}

// "group 3" for a numbered group, else the label as the region wrote it ("Group 1", "Kent triad").
QString groupName(const QString& label) {
    bool numeric = false;
    label.toInt(&numeric);
    return numeric ? DiscardDayRun::tr("group %1").arg(label) : label;
}

} // namespace

DiscardDayRun::DiscardDayRun(RegionDocument& document, ScheduleWorkspace& workspace, Prompter& prompter,
                             const Clock* clock)
    : QObject(&workspace)
    , m_document(document)
    , m_workspace(workspace)
    , m_prompter(prompter)
    , m_ownClock(clock ? nullptr : std::make_unique<SystemClock>())
    , m_clock(clock ? *clock : *m_ownClock)
    , m_action(new QAction(tr("Discard Day Run…"), this)) {
    m_action->setObjectName(QStringLiteral("discardDayRunAction"));
    m_action->setToolTip(tr("Set aside a run of the group's day started by mistake, such as a rehearsal"));
    m_action->setEnabled(false);
    connect(m_action, &QAction::triggered, this, [this] { discardSelected(); });

    QTableView* table = m_workspace.groupTable();
    table->addAction(m_action);
    table->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(table->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] { refresh(); });
    connect(&m_document, &RegionDocument::scheduleChanged, this, [this] { refresh(); });
    // A day started or discarded elsewhere (the console, another discard) changes what may go.
    connect(&m_document, &RegionDocument::dayChanged, this, [this] { refresh(); });
    connect(&m_workspace, &ScheduleWorkspace::cycleChanged, this, [this] { refresh(); });
    refresh();
}

DiscardDayRun::~DiscardDayRun() = default;

const Group* DiscardDayRun::selectedGroup() const {
    const QModelIndex current = m_workspace.groupTable()->currentIndex();
    const qint64 groupId = current.isValid() ? current.data(IdRole).toLongLong() : 0;
    for (const auto& g : m_workspace.groupModel().schedule().groups) {
        if (g.id == groupId) {
            return &g;
        }
    }
    return nullptr;
}

void DiscardDayRun::refresh() {
    bool hasRun = false;
    if (const Group* group = selectedGroup()) {
        // A group whose day cannot be planned (too few LAs) has no run to discard either.
        auto day =
            loadGroupDay(m_document.database(), m_workspace.groupModel().schedule().cycle.name, group->label);
        if (day) {
            auto events = DayEventLog(m_document.database()).load(group->id);
            hasRun = events &&
                     computeDayState(day->plan, *events, m_clock.utcNow()).status != DayStatus::NotStarted;
        }
    }
    m_action->setEnabled(hasRun);
}

bool DiscardDayRun::discardSelected() {
    const CycleSchedule& schedule = m_workspace.groupModel().schedule();
    const Group* group = selectedGroup();
    if (group == nullptr) {
        return false;
    }
    const QString title = tr("Discard Day Run");
    auto day = loadGroupDay(m_document.database(), schedule.cycle.name, group->label);
    if (!day) {
        m_prompter.showError(title, day.message());
        return false;
    }
    auto engine = DayEngine::open(m_document.database(), m_clock, group->id, day->plan);
    if (!engine) {
        m_prompter.showError(title, engine.message());
        return false;
    }
    if (auto allowed = (*engine)->canDiscard(); !allowed) {
        m_prompter.showError(tr("The run cannot be discarded"), allowed.message());
        refresh();
        return false;
    }
    const DayState state = (*engine)->state();
    const QString block = day->plan.timetable.blocks[static_cast<size_t>(state.blockIndex)].title;
    const QString question =
        tr("Discard the run of %1's day that started on %2 (now %3, in %4)?\n\nThe day will be as if it "
           "had never started, so that it can be started afresh on the group's day. The run stays in the "
           "day's log, set aside; notes captured during it are kept. This cannot be undone.")
            .arg(groupName(group->label),
                 QLocale().toString(state.actualStart.toTimeZone(day->plan.zone),
                                    QStringLiteral("dddd d MMMM yyyy 'at' HH:mm")),
                 statusText(state.status), block);
    if (!m_prompter.askConfirm(title, question, tr("&Discard Run"))) {
        return false;
    }
    auto discarded = (*engine)->discard();
    if (!discarded) {
        m_prompter.showError(tr("The run was not discarded"), discarded.message());
        return false;
    }
    m_document.notifyDayChanged(group->id);
    refresh();
    return true;
}

} // namespace balcony::gui
