#pragma once

#include "support/result.h"

#include <QByteArray>
#include <QString>

namespace balcony {
class Clock;
class Database;
} // namespace balcony

// The cycle's outcomes as one CSV table for a spreadsheet (docs/guide-outcomes.md, "Export"): UTF-8
// with a byte order mark, CRLF line ends, dates as YYYY-MM-DD, one row per ask, offer, follow-up,
// action and merged priority, with the columns
//   kind,id,la,group,theme,status,support,owner,due,rag,rag_reason,text
// (cells that do not apply to a kind are empty; a priority's "group" lists the groups that made it,
// separated by "; ", and its "id" is its position in the cycle-wide list). Actions come in the order
// of the monitoring list (red, overdue and unrated first, by the Clock).
namespace balcony::outcomes {

Result<QByteArray> outcomesCsv(Database& db, const Clock& clock, qint64 cycleId);
// Writes outcomesCsv() to path atomically; returns the number of rows. The file is untouched on failure.
Result<int> exportOutcomesFile(Database& db, const Clock& clock, qint64 cycleId, const QString& path);

} // namespace balcony::outcomes
