#include "store/change_feed.h"

#include "store/database.h"
#include "support/logging.h"

#include <QSqlDriver>
#include <QSqlError>

namespace balcony {

ChangeFeed::Area ChangeFeed::areaOf(const QString& table) {
    if (table.startsWith(QLatin1String("session_note")) || table.startsWith(QLatin1String("note_"))) {
        return Area::Notes;
    }
    if (table.startsWith(QLatin1String("group_day")) || table.startsWith(QLatin1String("group_block")) ||
        table == QLatin1String("day_event")) {
        return Area::Day;
    }
    if (table.startsWith(QLatin1String("plan_action")) || table.startsWith(QLatin1String("ask_offer")) ||
        table == QLatin1String("match_decision") || table == QLatin1String("follow_up") ||
        table.startsWith(QLatin1String("group_priority")) || table == QLatin1String("priority_link")) {
        return Area::Outcomes;
    }
    return Area::Schedule;
}

ChangeFeed::ChangeFeed(Database& db, QObject* parent)
    : QObject(parent)
    , m_db(db) {
    if (!db.isServer()) {
        return;
    }
    QSqlDriver* driver = db.sql().driver();
    if (driver == nullptr || !driver->hasFeature(QSqlDriver::EventNotifications)) {
        return;
    }
    const QString name = QString::fromLatin1(channel);
    m_active = driver->subscribeToNotification(name);
    if (!m_active) {
        logging::get("store")->warn("cannot listen for other people's changes on {}: {}",
                                    db.path().toStdString(), driver->lastError().text().toStdString());
        return;
    }
    connect(
        driver, &QSqlDriver::notification, this,
        [this, name](const QString& notice, QSqlDriver::NotificationSource source, const QVariant& payload) {
            if (notice != name || source == QSqlDriver::SelfSource) {
                return;
            }
            const QString table = payload.toString();
            Q_EMIT changed(areaOf(table), table);
        });
}

ChangeFeed::~ChangeFeed() {
    if (m_active) {
        if (QSqlDriver* driver = m_db.sql().driver()) {
            driver->unsubscribeFromNotification(QString::fromLatin1(channel));
        }
    }
}

} // namespace balcony
