#pragma once

#include <QStringList>

class QSettings;

namespace balcony::gui {

// The most recently opened region databases, newest first, kept in the settings.
class RecentDatabases final {
public:
    static constexpr int maximum = 8;

    // The settings must outlive this object.
    explicit RecentDatabases(QSettings& settings)
        : m_settings(settings) {}

    QStringList paths() const;
    void add(const QString& path);
    void remove(const QString& path);
    void clear();

private:
    QSettings& m_settings;
};

} // namespace balcony::gui
