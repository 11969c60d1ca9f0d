#include "cli_runner.h"

#include <QDir>
#include <QProcess>
#include <sys/stat.h>

using balcony::test::CliSandbox;

namespace {

QString pdfText(const QString& path) {
    QProcess process;
    process.start(QStringLiteral("pdftotext"),
                  {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    REQUIRE((process.waitForStarted() && process.waitForFinished(60000)));
    REQUIRE(process.exitCode() == 0);
    return QString::fromUtf8(process.readAllStandardOutput()).simplified();
}

} // namespace

TEST_CASE("export pdf writes the printable schedule the desktop program prints, owner-only",
          "[cli][reports]") {
    CliSandbox cli;
    REQUIRE(cli.run({QStringLiteral("demo")}).exitCode == 0);
    const QString out = cli.path(QStringLiteral("schedule.pdf"));
    const auto run = cli.run({QStringLiteral("export"), QStringLiteral("pdf"), QStringLiteral("--cycle"),
                              QStringLiteral("2022-2023"), QStringLiteral("--out"), out});
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    CHECK(run.err.isEmpty()); // no display, and nothing said about it
    CHECK(run.out.trimmed() ==
          QStringLiteral("Wrote the printable schedule of cycle 2022-2023 to %1.").arg(out));
    CHECK(balcony::test::readAll(out).startsWith("%PDF"));
    struct stat info {};
    REQUIRE(stat(QFile::encodeName(out).constData(), &info) == 0);
    CHECK((info.st_mode & 0777U) == 0600U);
    const QString text = pdfText(out);
    INFO(text.toStdString());
    CHECK(text.contains(QStringLiteral("Peer challenge schedule 2022-2023")));
    CHECK(text.contains(QStringLiteral("Presenting order")));
    CHECK(text.contains(QStringLiteral("West Berkshire")));
    CHECK(text.contains(QStringLiteral("reviews")));
}

TEST_CASE("export pdf refuses a folder as the file and an unknown cycle, and writes nothing",
          "[cli][reports]") {
    CliSandbox cli;
    REQUIRE(cli.run({QStringLiteral("demo")}).exitCode == 0);
    const QString folder = cli.path(QStringLiteral("out"));
    REQUIRE(QDir().mkpath(folder));
    const auto onFolder = cli.run({QStringLiteral("export"), QStringLiteral("pdf"), QStringLiteral("--cycle"),
                                   QStringLiteral("2022-2023"), QStringLiteral("--out"), folder});
    CHECK(onFolder.exitCode == 2);
    CHECK(onFolder.err.trimmed() ==
          QStringLiteral("balcony-cli: %1 is a folder, so the document cannot be written "
                         "there: give a file name inside it.")
              .arg(folder));
    CHECK(QDir(folder).isEmpty());

    const QString out = folder + QStringLiteral("/schedule.pdf");
    const auto unknown = cli.run({QStringLiteral("export"), QStringLiteral("pdf"), QStringLiteral("--cycle"),
                                  QStringLiteral("1999-2000"), QStringLiteral("--out"), out});
    CHECK(unknown.exitCode == 2);
    CHECK(unknown.err.contains(QStringLiteral("1999-2000")));
    CHECK(QDir(folder).isEmpty());
}
