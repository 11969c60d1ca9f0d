#pragma once

#include <QDate>
#include <QString>
#include <QTime>

namespace balcony {

// A calendar day written as YYYY-MM-DD or DD/MM/YYYY (D/M/YYYY too); an invalid QDate otherwise.
QDate parseDay(const QString& text);

// A clock time written as HH:MM (or H:MM); an invalid QTime otherwise.

QTime parseClockTime(const QString& text);

} // namespace balcony
