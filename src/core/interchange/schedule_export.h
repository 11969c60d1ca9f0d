#pragma once

#include "domain/types.h"
#include "support/result.h"

#include <QByteArray>
#include <QString>

namespace balcony {
class Database;
}

namespace balcony::interchange {

// The cycle's schedule in the import format (docs/csv-formats.md): UTF-8 with a byte order mark (so
// that Excel reads accents right), CRLF line ends, dates as YYYY-MM-DD, mode as "in person" or "virtual",
// rows ordered by the group's date, then its label, then presenting order. Importing the result gives the
// same rows. Fails (InvalidInput) when an LA is lead reviewer for two LAs, which one row per LA cannot say.
Result<QByteArray> scheduleCsv(const CycleSchedule& schedule);

// Loads the cycle and writes scheduleCsv() to `path` atomically; the Error names the path when the
// file cannot be written. Returns the number of rows written.
Result<int> exportScheduleFile(Database& db, qint64 cycleId, const QString& path);

// One RFC 4180 field: quoted when it holds a comma, a quote, a line break or edge spaces.
QByteArray csvField(const QString& value);

} // namespace balcony::interchange
