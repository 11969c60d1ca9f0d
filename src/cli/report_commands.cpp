#include "cli/cli.h"
#include "domain/schedule_store.h"
#include "engine/clock.h"
#include "outcomes/regional_report.h"
#include "outcomes/report_marks.h"
#include "reports/document_format.h"
#include "reports/regional_report_export.h"

#include <QDir>
#include <QFileInfo>

// outcomes mark and report: the regional report (docs/guide-outcomes.md "The regional report").
// Marking is the core's (outcomes/report_marks.h), the report's content too (outcomes/
// regional_report.h), and the document the reports library's; this file reads options and prints.
// report draws a chart with Qt Charts, which needs a QApplication: it registers with
// ChartDocumentRegistrar, so that main() makes one on the offscreen platform.
namespace balcony::cli {
namespace {

using namespace balcony::outcomes;

int markItem(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    bool ok = false;
    const qint64 id = parser.value(QStringLiteral("id")).toLongLong(&ok);
    if (!ok || id <= 0) {
        return ctx.usage(QStringLiteral("--id needs a captured item's number (see outcomes list)."));
    }
    const QString key = parser.value(QStringLiteral("for-report")).trimmed().toLower();
    const auto section = reportSectionFromKey(key);
    if (!section) {
        return ctx.usage(
            QStringLiteral("--for-report needs best-practice, systemic-issue or none (not \"%1\"). "
                           "Nothing was changed.")
                .arg(parser.value(QStringLiteral("for-report"))));
    }
    Database* db = ctx.database();
    if (!db) {
        return BadInput;
    }
    const SystemClock clock;
    if (Status marked = ReportMarkStore(*db, clock).mark(id, *section); !marked) {
        return ctx.fail(marked.error());
    }
    if (*section == ReportSection::None) {
        ctx.out << "Item " << id << " is no longer in the regional report." << Qt::endl;
    } else {
        ctx.out << "Item " << id << " is in the regional report as " << displayName(*section).toLower() << "."
                << Qt::endl;
    }
    return Success;
}

int writeReport(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    if (!hasRequired(ctx, parser, {"cycle", "out"})) {
        return BadInput;
    }
    const QString out = parser.value(QStringLiteral("out"));
    const auto* format = reports::findDocumentFormat(QFileInfo(out).suffix());
    if (format == nullptr || format->name() == QStringLiteral("html")) {
        return ctx.usage(QStringLiteral("--out %1: the regional report is written as a .pdf or .odt file; "
                                        "give a file name ending in one of them. Nothing was written.")
                             .arg(QDir::toNativeSeparators(out)));
    }
    Database* db = ctx.readDatabase();
    if (!db) {
        return BadInput;
    }
    auto cycle = ScheduleStore(*db).cycleByName(parser.value(QStringLiteral("cycle")).trimmed());
    if (!cycle) {
        return ctx.fail(cycle.error());
    }
    if (Status written = reports::exportRegionalReport(*db, cycle->id, *format, out); !written) {
        return ctx.fail(written.error());
    }
    ctx.out << "Wrote the regional report of cycle " << cycle->name << " to " << QDir::toNativeSeparators(out)
            << "." << Qt::endl;
    return Success;
}

const Registrar outcomesMark(
    {{QStringLiteral("outcomes"), QStringLiteral("mark")},
     {},
     QStringLiteral(
         "Mark a captured item for the regional report (best practice or a common systemic issue)."),
     0,
     [](QCommandLineParser& parser) {
         parser.addOption({QStringLiteral("id"), QStringLiteral("The item's number (see outcomes list)."),
                           QStringLiteral("N")});
         parser.addOption({QStringLiteral("for-report"),
                           QStringLiteral("best-practice, systemic-issue, or none to take it out."),
                           QStringLiteral("SECTION")});
     },
     markItem});

const ChartDocumentRegistrar reportCommand(
    {{QStringLiteral("report")},
     QStringLiteral("--cycle NAME --out FILE"),
     QStringLiteral("Write the cycle's regional report (PDF or ODT, by the file's extension; anonymised)."),
     0,
     [](QCommandLineParser& parser) {
         parser.addOption(cycleOption());
         parser.addOption({QStringLiteral("out"), QStringLiteral("The file to write: FILE.pdf or FILE.odt."),
                           QStringLiteral("FILE")});
     },
     writeReport});

} // namespace
} // namespace balcony::cli
