#pragma once

#include <QDate>

// Working days in England, for the date a session note sent for review is due back.
//
// A working day is Monday to Friday and not a bank holiday in England and Wales. The bank holidays
// come from the rules the Banking and Financial Dealings Act 1971 and the yearly proclamations follow
// (New Year's Day, Good Friday, Easter Monday, the first and last Mondays of May, the last Monday of
// August, Christmas Day and Boxing Day, each moved to the next weekday when it falls at a weekend),
// plus the one-off changes proclaimed from 2020 to 2023 (VE Day 2020, the Platinum Jubilee 2022, the
// State Funeral 2022, the Coronation 2023). A one-off holiday proclaimed later is not known: a
// region can give a cycle more working days (Cycle::noteDueWorkingDays) in such a year.
namespace balcony::workingdays {

bool isBankHoliday(const QDate& day);
bool isWorkingDay(const QDate& day);
// The day that is `days` working days after `from` (from itself never counts): sending on a Monday
// with days = 10 gives the Monday two weeks later when no bank holiday falls between. days >= 0;
// 0 returns from. An invalid from gives an invalid date.
QDate addWorkingDays(const QDate& from, int days);

} // namespace balcony::workingdays
