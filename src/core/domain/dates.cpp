#include "domain/dates.h"

#include <QRegularExpression>
#include <QTime>

namespace balcony {

QDate parseDay(const QString& text) {
    const QString t = text.trimmed();
    static const QRegularExpression iso(QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})$"));
    static const QRegularExpression british(QStringLiteral("^(\\d{1,2})/(\\d{1,2})/(\\d{4})$"));
    if (auto m = iso.match(t); m.hasMatch()) {
        return QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    }
    if (auto m = british.match(t); m.hasMatch()) {
        return QDate(m.captured(3).toInt(), m.captured(2).toInt(), m.captured(1).toInt());
    }
    return {};
}

QTime parseClockTime(const QString& text) {
    static const QRegularExpression clock(QStringLiteral("^(\\d{1,2}):(\\d{2})$"));
    if (auto m = clock.match(text.trimmed()); m.hasMatch()) {
        return QTime(m.captured(1).toInt(), m.captured(2).toInt());
    }
    return {};
}

} // namespace balcony
