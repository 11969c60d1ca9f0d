#pragma once

#include "store/change_feed.h"
#include "store/database.h"

#include <QDate>
#include <QObject>
#include <QString>
#include <QStringList>
#include <memory>

class QTimer;
class QUndoStack;

namespace balcony {
class Clock;
}

namespace balcony::gui {

// The open region database as the desktop program sees it: owns the Database, the undo stack of
// its edits, and announces changes so that views and models refresh. Views never run SQL: they
// call core stores through this document and push QUndoCommands onto undoStack().
//
// While the database is open for writing, a timer renews its lock every RegionLock::renewalPeriod,
// so that another computer that sees the lock through a synced folder can tell from its age whether
// this program is still there.
class RegionDocument final : public QObject {
    Q_OBJECT

public:
    // Takes ownership of the open database.
    explicit RegionDocument(std::unique_ptr<Database> database, QObject* parent = nullptr);
    ~RegionDocument() override;

    Database& database() { return *m_database; }
    QString path() const { return m_database->path(); }
    bool isReadOnly() const { return m_database->isReadOnly(); }
    // Why the region is open read-only (the refusal that led to it, or the user's choice), for the
    // window's banner; empty when it is writable.
    QString readOnlyReason() const { return m_readOnlyReason; }
    void setReadOnlyReason(const QString& reason) { m_readOnlyReason = reason; }
    // What the user should know about the file (a synced folder, a lock taken over).
    QStringList warnings() const { return m_database->warnings(); }
    // The timer that renews the lock; inactive when read-only.
    QTimer* lockRenewalTimer() const { return m_lockRenewal; }
    // Renews the lock now (the timer calls this); a failure is logged, and the lock kept.
    void renewLock();
    QUndoStack* undoStack() const { return m_undoStack; }

    // The clock the region's views read "now" and "today" from: the window's, so that the whole
    // program runs on one clock (a test's fake one included); the computer's until setClock() is
    // called. Borrowed: it must outlive the document.
    const Clock& clock() const;
    void setClock(const Clock& clock) { m_clock = &clock; }
    // Today's date in England (groupDayZone(), the zone the groups' days are dated in) on clock().
    QDate today() const;

    // Edits call these after they have committed, so everything showing that data refreshes. Each
    // emits its own narrow signal; those of the plan (roster, schedule, assessments, cycles) also
    // emit changed(). Notes and day events do not: a note saved every second while the facilitator
    // types must not reload a cycle nor re-run the schedule checks.
    void notifyRosterChanged();
    void notifyScheduleChanged(qint64 cycleId);
    void notifyAssessmentsChanged(qint64 cycleId);
    void notifyCyclesChanged();
    // A session note or quick-captured item of a group's day was saved, revised or deleted.
    void notifyNotesChanged(qint64 cycleId, qint64 groupId);
    // An event was appended to a group's day log (started, next block, paused, discarded...).
    void notifyDayChanged(qint64 groupId);
    // An undo command could not write; views show the message (the command made no change).
    void reportEditFailure(const QString& message);

Q_SIGNALS:
    // The people and local authorities.
    void rosterChanged();
    // The groups of one cycle: who is in which, presenting order, lead reviewers, dates, venues.
    void scheduleChanged(qint64 cycleId);
    void assessmentsChanged(qint64 cycleId);
    void cyclesChanged();
    // The notes of one group's day (groupId) in a cycle.
    void notesChanged(qint64 cycleId, qint64 groupId);
    // The event log of one group's day: its state (running, paused, which block) may be new.
    void dayChanged(qint64 groupId);
    // The plan changed (roster, cycles, schedule, assessments): for problem panels and status
    // counts, which check the schedule. Not emitted for notes nor day events.
    void changed();
    void editFailed(const QString& message);
    // On a server: another program committed a change in area (store/change_feed.h). Views showing
    // that area reload, keeping what the user has not saved yet. Never emitted for a file.
    void changedElsewhere(balcony::ChangeFeed::Area area);

private:
    std::unique_ptr<Database> m_database;
    std::unique_ptr<ChangeFeed> m_changeFeed; // on a server; destroyed before the database
    const Clock* m_clock = nullptr;
    QUndoStack* m_undoStack;
    QTimer* m_lockRenewal;
    QString m_readOnlyReason;
};

} // namespace balcony::gui
