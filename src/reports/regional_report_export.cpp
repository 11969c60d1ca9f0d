#include "reports/regional_report_export.h"

#include "reports/regional_report_document.h"
#include "reports/theme_chart.h"

#include <QTextDocument>

namespace balcony::reports {

namespace {
constexpr int coreSteps = 7; // outcomes::buildRegionalReport's
constexpr int ownSteps = 3;  // the chart, the document, the file
} // namespace

int regionalReportSteps() {
    return coreSteps + ownSteps;
}

Status exportRegionalReport(Database& db, qint64 cycleId, const DocumentFormat& format, const QString& path,
                            const outcomes::ReportProgress& progress, const std::atomic<bool>* cancel) {
    const int total = regionalReportSteps();
    auto tell = [&](int done) {
        if (progress) {
            progress(done, total);
        }
    };
    auto cancelled = [&] { return cancel != nullptr && cancel->load(); };
    auto report = outcomes::buildRegionalReport(
        db, cycleId, [&](int done, int) { tell(done); }, cancel);
    if (!report) {
        return report.error();
    }
    if (cancelled()) {
        return outcomes::reportCancelled();
    }
    const QImage chart = renderThemeChart(report->themes);
    tell(coreSteps + 1);
    if (cancelled()) {
        return outcomes::reportCancelled();
    }
    const auto document = buildRegionalReportDocument(*report, chart);
    tell(coreSteps + 2);
    if (cancelled()) {
        return outcomes::reportCancelled();
    }
    if (Status written = format.write(*document, path); !written) {
        return written;
    }
    tell(total);
    return {};
}

} // namespace balcony::reports
