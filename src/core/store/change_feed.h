#pragma once

#include <QObject>
#include <QSet>
#include <QString>

namespace balcony {

class Database;

// Other people's changes, as they are committed (docs/server.md, "Working at the same time"). On a
// PostgreSQL server, triggers (migration 14) NOTIFY the channel balcony_changed with the changed
// table's name when a transaction that wrote to it commits; this listens on db's connection
// (QSqlDriver::subscribeToNotification, PostgreSQL's LISTEN) and emits changed() for each such
// notice from another connection. This program's own changes are left out: its views refresh on
// their own (gui::RegionDocument's notify calls).
//
// On an SQLite file it does nothing and isActive() is false: one Balcony holds a file at a time
// (store/region_lock.h), so there is no one else's change to hear of.
//
// Notices arrive through the event loop of the thread that opened db (Qt's PostgreSQL driver
// watches the connection's socket); they are hints, not a log: a notice may stand for several
// commits, and none is sent while the connection is lost. Borrows db, which must outlive it.
class ChangeFeed final : public QObject {
    Q_OBJECT

public:
    // What a changed table belongs to, for the views that show it.
    enum class Area {
        Schedule, // cycles, groups and their members, lead reviewers, the roster
        Day,      // a group's day: its plan and event log
        Notes,    // the day's captured notes and the session notes
        Outcomes, // asks and offers, matches, follow-ups, priorities, action plans
    };
    Q_ENUM(Area)

    // The channel the triggers notify.
    static constexpr char channel[] = "balcony_changed";
    static Area areaOf(const QString& table);

    explicit ChangeFeed(Database& db, QObject* parent = nullptr);
    ~ChangeFeed() override; // stops listening

    // Listening: on a server whose driver could subscribe. False on a file.
    bool isActive() const { return m_active; }

Q_SIGNALS:
    // Another program committed a change to table (a name of the region's schema).
    void changed(balcony::ChangeFeed::Area area, const QString& table);

private:
    Database& m_db;
    bool m_active = false;
};

} // namespace balcony
