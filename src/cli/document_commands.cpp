#include "cli/cli.h"
#include "domain/schedule_store.h"
#include "reports/schedule_pdf.h"

#include <QDir>

// export pdf: the printable schedule, the same document as the desktop program's File > Export
// Printable Schedule (reports/schedule_pdf.h). Documents are rendered by the reports library, so these
// commands register with DocumentRegistrar and run under an offscreen QGuiApplication.
namespace balcony::cli {
namespace {

int exportPdf(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    Database* db = ctx.readDatabase();
    if (!db) {
        return BadInput;
    }
    const QString name = required(ctx, parser, QStringLiteral("cycle"));
    if (name.trimmed().isEmpty()) {
        return BadInput;
    }
    const QString out = required(ctx, parser, QStringLiteral("out"));
    if (out.trimmed().isEmpty()) {
        return BadInput;
    }
    auto cycle = ScheduleStore(*db).cycleByName(name);
    if (!cycle) {
        return ctx.fail(cycle.error());
    }
    if (Status written = reports::exportSchedulePdf(*db, cycle->id, out); !written) {
        return ctx.fail(written.error());
    }
    ctx.out << "Wrote the printable schedule of cycle " << cycle->name << " to "
            << QDir::toNativeSeparators(out) << "." << Qt::endl;
    return Success;
}

void cycleAndOut(QCommandLineParser& parser) {
    parser.addOption(cycleOption());
    parser.addOption(QCommandLineOption(QStringLiteral("out"), QStringLiteral("The PDF file to write."),
                                        QStringLiteral("FILE")));
}

const DocumentRegistrar exportPdfCommand(
    {{QStringLiteral("export"), QStringLiteral("pdf")},
     QStringLiteral("--cycle NAME --out FILE"),
     QStringLiteral("Write the cycle's printable schedule (A4 PDF, as File > Export Printable "
                    "Schedule does)."),
     0,
     cycleAndOut,
     exportPdf});

} // namespace
} // namespace balcony::cli
