#include "frame/recent_databases.h"

#include <QFileInfo>
#include <QSettings>

namespace balcony::gui {

namespace {
const QString key = QStringLiteral("recentDatabases");
}

QStringList RecentDatabases::paths() const {
    return m_settings.value(key).toStringList();
}

void RecentDatabases::add(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = paths();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > maximum) {
        list.removeLast();
    }
    m_settings.setValue(key, list);
}

void RecentDatabases::remove(const QString& path) {
    QStringList list = paths();
    list.removeAll(path);
    m_settings.setValue(key, list);
}

void RecentDatabases::clear() {
    m_settings.remove(key);
}

} // namespace balcony::gui
