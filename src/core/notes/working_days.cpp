#include "notes/working_days.h"

#include <algorithm>
#include <array>

namespace balcony::workingdays {
namespace {

// Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher).
QDate easterSunday(int year) {
    const int a = year % 19;
    const int b = year / 100;
    const int c = year % 100;
    const int d = b / 4;
    const int e = b % 4;
    const int f = (b + 8) / 25;
    const int g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4;
    const int k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31;
    const int day = ((h + l - 7 * m + 114) % 31) + 1;
    return QDate(year, month, day);
}

QDate firstMonday(int year, int month) {
    QDate day(year, month, 1);
    while (day.dayOfWeek() != Qt::Monday) {
        day = day.addDays(1);
    }
    return day;
}

QDate lastMonday(int year, int month) {
    QDate day(year, month, QDate(year, month, 1).daysInMonth());
    while (day.dayOfWeek() != Qt::Monday) {
        day = day.addDays(-1);
    }
    return day;
}

// Proclaimed changes: a regular holiday moved (from -> to), or an extra one (from invalid).
struct OneOff {
    QDate moved;
    QDate to;
};

const std::array<OneOff, 5>& oneOffs() {
    static const std::array<OneOff, 5> list = {{
        {QDate(2020, 5, 4), QDate(2020, 5, 8)},  // early May moved to VE Day's 75th anniversary
        {QDate(2022, 5, 30), QDate(2022, 6, 2)}, // spring moved for the Platinum Jubilee
        {QDate(), QDate(2022, 6, 3)},            // Platinum Jubilee
        {QDate(), QDate(2022, 9, 19)},           // State Funeral of Queen Elizabeth II
        {QDate(), QDate(2023, 5, 8)},            // Coronation of King Charles III
    }};
    return list;
}

bool isRegularHoliday(const QDate& day) {
    const int year = day.year();
    QDate newYear(year, 1, 1);
    if (newYear.dayOfWeek() == Qt::Saturday) {
        newYear = newYear.addDays(2);
    } else if (newYear.dayOfWeek() == Qt::Sunday) {
        newYear = newYear.addDays(1);
    }
    const QDate easter = easterSunday(year);
    const QDate christmas(year, 12, 25);
    QDate christmasOff = christmas;
    QDate boxingOff = christmas.addDays(1);
    switch (christmas.dayOfWeek()) {
    case Qt::Friday: // Boxing Day on Saturday: Monday off
        boxingOff = christmas.addDays(3);
        break;
    case Qt::Saturday:
        christmasOff = christmas.addDays(2);
        boxingOff = christmas.addDays(3);
        break;
    case Qt::Sunday:
        christmasOff = christmas.addDays(2); // Boxing Day is the Monday, Christmas moves to Tuesday
        break;
    default:
        break;
    }
    const std::array<QDate, 8> days = {newYear,
                                       easter.addDays(-2),
                                       easter.addDays(1),
                                       firstMonday(year, 5),
                                       lastMonday(year, 5),
                                       lastMonday(year, 8),
                                       christmasOff,
                                       boxingOff};
    return std::find(days.begin(), days.end(), day) != days.end();
}

} // namespace

bool isBankHoliday(const QDate& day) {
    if (!day.isValid()) {
        return false;
    }
    for (const auto& change : oneOffs()) {
        if (change.to.isValid() && change.to == day) {
            return true;
        }
        if (change.moved.isValid() && change.moved == day) {
            return false;
        }
    }
    return isRegularHoliday(day);
}

bool isWorkingDay(const QDate& day) {
    return day.isValid() && day.dayOfWeek() < Qt::Saturday && !isBankHoliday(day);
}

QDate addWorkingDays(const QDate& from, int days) {
    if (!from.isValid()) {
        return {};
    }
    QDate day = from;
    for (int counted = 0; counted < days;) {
        day = day.addDays(1);
        if (isWorkingDay(day)) {
            ++counted;
        }
    }
    return day;
}

} // namespace balcony::workingdays
