#pragma once

#include "outcomes/regional_report.h"
#include "reports/document_format.h"
#include "support/result.h"

#include <QImage>
#include <memory>

class QTextDocument;

namespace balcony::reports {

// The regional report as a document (issue 11; docs/guide-outcomes.md "The regional report"): a
// title block, then the groups and their days, the themes raised across the region (the chart given,
// then the counts), best practice, common systemic issues, the ranked priorities, asks and offers with
// their confirmed matches, and the plenary answers. It prints only what report holds, which the core
// built anonymised (outcomes/regional_report.h); a best-practice item names its LA (others can ask it
// for help), a systemic issue does not.
//
// themeChart may be null (no chart: the counts still appear). It is embedded as a picture resource,
// which the PDF draws and the ODT stores as a file in its zip; it is shown 170 mm wide (an A4 page
// between 20 mm margins), so give it about 1700 x 950 pixels. Needs a QGuiApplication (fonts).
std::unique_ptr<QTextDocument> buildRegionalReportDocument(const outcomes::RegionalReport& report,
                                                           const QImage& themeChart);

// Builds the document and writes it in format to path (atomic, owner-only; DocumentFormat::write).
Status writeRegionalReportDocument(const outcomes::RegionalReport& report, const QImage& themeChart,
                                   const DocumentFormat& format, const QString& path);

} // namespace balcony::reports
