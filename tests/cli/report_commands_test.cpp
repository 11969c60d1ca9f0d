#include "cli_runner.h"
#include "helpers/report_region.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>

using balcony::test::CliRun;
using balcony::test::CliSandbox;
using balcony::test::ReportRegion;

// outcomes mark and report: the regional report written by balcony-cli and read back as its reader
// would (pdftotext, the ODT's XML), and its anonymity proved with a text only each LA's session note
// or captured item holds.
namespace {

QString q(const char* text) {
    return QString::fromUtf8(text);
}

QByteArray toolOutput(const QString& tool, const QStringList& arguments) {
    QProcess process;
    process.start(tool, arguments);
    REQUIRE(process.waitForFinished(60000));
    REQUIRE(process.exitCode() == 0);
    return process.readAllStandardOutput();
}

QString pdfText(const QString& path) {
    // The PDF's fonts set "ff" and "fi" as ligatures (U+FB00...); compatibility normalisation gives
    // back the letters a reader sees.
    return QString::fromUtf8(toolOutput(q("pdftotext"), {q("-enc"), q("UTF-8"), path, q("-")}))
        .normalized(QString::NormalizationForm_KC)
        .simplified();
}

// Every file in the ODT's zip, uncompressed, as bytes: content.xml, styles.xml, meta.xml, pictures.
QByteArray odtBytes(const QString& path) {
    return toolOutput(q("unzip"), {q("-p"), path});
}

struct Seeded {
    CliSandbox cli;
    QStringList all;
    QStringList marked;
    qint64 unmarkedStrength = 0;
    qint64 reflection = 0;
    Seeded() {
        ReportRegion region(cli.databasePath());
        all = region.allDistinctive;
        marked = region.marked;
        unmarkedStrength = region.item.at(q("ZqStrengthStockton"));
        reflection = region.item.at(q("ZqReflectionStockton"));
    }
    CliRun run(const QStringList& arguments) const { return cli.run(arguments); }
};

} // namespace

TEST_CASE("report writes the regional report as PDF and ODT with its sections read back", "[cli][report]") {
    Seeded region;
    for (const auto& name : {q("report.pdf"), q("report.odt")}) {
        const QString out = region.cli.path(name);
        const CliRun run = region.run({q("report"), q("--cycle"), q("2026-2027"), q("--out"), out});
        INFO(run.err.toStdString());
        REQUIRE(run.exitCode == 0);
        CHECK(run.out.contains(q("Wrote the regional report of cycle 2026-2027")));
        const QString text =
            out.endsWith(q(".pdf")) ? pdfText(out) : QString::fromUtf8(odtBytes(out)).simplified();
        CHECK(text.contains(q("Regional report: 2026-2027")));
        CHECK(text.contains(q("The groups and their days")));
        CHECK(text.contains(q("Hartlepool, Redcar, Stockton")));
        CHECK(text.contains(q("Themes raised across the region")));
        CHECK(text.contains(q("Placements")));
        CHECK(text.contains(q("Best practice")));
        CHECK(text.contains(q("Common systemic issues")));
        CHECK(text.contains(q("A regional pool of social workers")));
        CHECK(text.contains(q("Darlington asked")));
        CHECK(text.contains(q("Brighton offered")));
        CHECK(text.contains(q("Partnership with health needs practitioners")));
        if (out.endsWith(q(".odt"))) {
            // The chart is a picture in the zip.
            const QString listing = QString::fromUtf8(toolOutput(q("unzip"), {q("-l"), out}));
            CHECK(listing.contains(q("Pictures/")));
        }
    }
}

TEST_CASE("The regional report holds no text of a session note or an unmarked item, in the PDF or the ODT",
          "[cli][report]") {
    Seeded region;
    const QString pdf = region.cli.path(q("report.pdf"));
    const QString odt = region.cli.path(q("report.odt"));
    REQUIRE(region.run({q("report"), q("--cycle"), q("2026-2027"), q("--out"), pdf}).exitCode == 0);
    REQUIRE(region.run({q("report"), q("--cycle"), q("2026-2027"), q("--out"), odt}).exitCode == 0);
    const QString pdfWords = pdfText(pdf);
    const QByteArray odtRaw = odtBytes(odt);
    REQUIRE(region.all.size() == 8 * 8); // seven kinds of item and a session note, for each LA
    for (const auto& distinctive : region.all) {
        INFO(distinctive.toStdString());
        const bool shown = region.marked.contains(distinctive);
        CHECK(pdfWords.contains(distinctive) == shown);
        CHECK(odtRaw.contains(distinctive.toUtf8()) == shown);
    }

    // Marked from the command line, an item appears; taken out, it goes.
    const QString id = QString::number(region.unmarkedStrength);
    const CliRun marked =
        region.run({q("outcomes"), q("mark"), q("--id"), id, q("--for-report"), q("best-practice")});
    INFO(marked.err.toStdString());
    REQUIRE(marked.exitCode == 0);
    CHECK(marked.out.contains(q("is in the regional report as best practice")));
    REQUIRE(region.run({q("report"), q("--cycle"), q("2026-2027"), q("--out"), pdf}).exitCode == 0);
    CHECK(pdfText(pdf).contains(q("ZqStrengthStockton")));
    REQUIRE(region.run({q("outcomes"), q("mark"), q("--id"), id, q("--for-report"), q("none")}).exitCode ==
            0);
    REQUIRE(region.run({q("report"), q("--cycle"), q("2026-2027"), q("--out"), pdf}).exitCode == 0);
    CHECK_FALSE(pdfText(pdf).contains(q("ZqStrengthStockton")));
}

TEST_CASE("outcomes mark and report refuse bad input and change nothing", "[cli][report]") {
    Seeded region;
    const CliRun badSection =
        region.run({q("outcomes"), q("mark"), q("--id"), QString::number(region.unmarkedStrength),
                    q("--for-report"), q("gossip")});
    CHECK(badSection.exitCode != 0);
    CHECK(badSection.err.contains(q("best-practice, systemic-issue or none")));
    const CliRun reflection =
        region.run({q("outcomes"), q("mark"), q("--id"), QString::number(region.reflection),
                    q("--for-report"), q("best-practice")});
    CHECK(reflection.exitCode != 0);
    CHECK(reflection.err.contains(q("only a strength, insight, ask, offer or action")));
    const CliRun missing =
        region.run({q("outcomes"), q("mark"), q("--id"), q("99999"), q("--for-report"), q("best-practice")});
    CHECK(missing.exitCode != 0);
    CHECK(missing.err.contains(q("no captured item 99999")));

    const CliRun html = region.run(
        {q("report"), q("--cycle"), q("2026-2027"), q("--out"), region.cli.path(q("report.html"))});
    CHECK(html.exitCode != 0);
    CHECK(html.err.contains(q(".pdf or .odt")));
    CHECK_FALSE(QFileInfo::exists(region.cli.path(q("report.html"))));
    const CliRun noCycle =
        region.run({q("report"), q("--cycle"), q("1999-2000"), q("--out"), region.cli.path(q("report.pdf"))});
    CHECK(noCycle.exitCode != 0);
    CHECK_FALSE(QFileInfo::exists(region.cli.path(q("report.pdf"))));

    // Nothing was marked: a report written now quotes neither item.
    const QString pdf = region.cli.path(q("after.pdf"));
    REQUIRE(region.run({q("report"), q("--cycle"), q("2026-2027"), q("--out"), pdf}).exitCode == 0);
    const QString text = pdfText(pdf);
    CHECK_FALSE(text.contains(q("ZqStrengthStockton")));
    CHECK_FALSE(text.contains(q("ZqReflectionStockton")));
}

TEST_CASE("The demo region's regional report has best practice and systemic issues", "[cli][report]") {
    CliSandbox cli;
    REQUIRE(cli.run({q("demo")}).exitCode == 0);
    const QString pdf = cli.path(q("demo-report.pdf"));
    const CliRun run = cli.run({q("report"), q("--cycle"), q("2022-2023"), q("--out"), pdf});
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    const QString text = pdfText(pdf);
    CHECK(text.contains(q("Experienced moderators who can test")));
    CHECK(text.contains(q("Bringing down the cost of residential placements")));
    CHECK(text.contains(q("Portsmouth asked")));
    // Unmarked asks and offers of the cycle stay out.
    CHECK_FALSE(text.contains(q("Independent moderation of our self-assessment")));
    CHECK_FALSE(text.contains(q("Advice on capital funding for small children")));
}
