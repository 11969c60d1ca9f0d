#pragma once

#include "outcomes/regional_report.h"
#include "reports/document_format.h"
#include "support/result.h"

#include <atomic>

namespace balcony {
class Database;
}

namespace balcony::reports {

// The steps exportRegionalReport reports through progress: the core's steps, then the chart, the
// document and the file.
int regionalReportSteps();

// The whole of "build the regional report": reads the cycle's report from the database
// (outcomes::buildRegionalReport, anonymised by construction), draws its theme chart, and writes the
// document in format to path (atomic, owner-only). The one operation behind balcony-cli's report
// command and the desktop program's Build Report...
//
// progress is told (done, regionalReportSteps()) after each step, on the caller's thread, so a GUI may
// process its events there. When cancel becomes true the export stops before its next step and
// returns outcomes::reportCancelled(); the file at path is then untouched (none is created). Needs a
// QApplication on the caller's thread (theme_chart.h).
Status exportRegionalReport(Database& db, qint64 cycleId, const DocumentFormat& format, const QString& path,
                            const outcomes::ReportProgress& progress = {},
                            const std::atomic<bool>* cancel = nullptr);

} // namespace balcony::reports
