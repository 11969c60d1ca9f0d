#pragma once

#include <QObject>
#include <memory>

class QAction;

namespace balcony {
class Clock;
struct Group;
} // namespace balcony

namespace balcony::gui {

class Prompter;
class RegionDocument;
class ScheduleWorkspace;

// "Discard Day Run…" on a group of the Schedule workspace's table (its context menu): sets aside a
// run of the group's day started by mistake, such as a rehearsal the evening before, so that the day
// is as if never started. The rule of which runs may be discarded, and the event that records it,
// are the day engine's (DayEngine::discard, the same as balcony-cli session discard); this asks the
// facilitator first through the Prompter, and tells them through it when the engine refuses.
//
// The action is enabled only when the selected group's day has a run; it is checked again when the
// selection or the schedule changes, and the log is read afresh when the action is triggered.
// Not undoable: the log is append-only, and a discarded run stays in it, set aside.
//
// Borrows the document, the workspace and the prompter, which must outlive it; clock may be
// nullptr for the computer's clock (tests pass a FakeClock, which must outlive it too). Parented to
// the workspace.
class DiscardDayRun final : public QObject {
    Q_OBJECT

public:
    DiscardDayRun(RegionDocument& document, ScheduleWorkspace& workspace, Prompter& prompter,
                  const Clock* clock = nullptr);
    ~DiscardDayRun() override;

    QAction* action() const { return m_action; }
    // Re-reads whether the selected group's day has a run and enables the action accordingly.
    void refresh();
    // Asks, then discards the selected group's run. True when a run was discarded.
    bool discardSelected();

private:
    const Group* selectedGroup() const; // nullptr when no group of the table is current

    RegionDocument& m_document;
    ScheduleWorkspace& m_workspace;
    Prompter& m_prompter;
    std::unique_ptr<Clock> m_ownClock;
    const Clock& m_clock;
    QAction* m_action;
};

} // namespace balcony::gui
