#include "cli_runner.h"

#include <QFileInfo>
#include <QJsonObject>

using balcony::test::CliSandbox;
using balcony::test::jsonArray;

namespace {

QString rosterFixture() {
    return QStringLiteral(BALCONY_TEST_DATA_DIR "/interchange/se-2022-2023-roster.csv");
}

} // namespace

TEST_CASE("export roster writes the roster as CSV that another region imports to the same file",
          "[cli][roster]") {
    CliSandbox cli;
    REQUIRE(cli.run({QStringLiteral("init")}).exitCode == 0);
    REQUIRE(cli.run({QStringLiteral("import"), QStringLiteral("roster"), rosterFixture()}).exitCode == 0);

    const QString out = cli.path(QStringLiteral("roster.csv"));
    const auto exported =
        cli.run({QStringLiteral("export"), QStringLiteral("roster"), QStringLiteral("--out"), out});
    INFO(exported.err.toStdString());
    REQUIRE(exported.exitCode == 0);
    CHECK(exported.err.isEmpty());
    CHECK(exported.out.trimmed() == QStringLiteral("Wrote 19 LAs of the roster to %1.").arg(out));
    const QByteArray bytes = balcony::test::readAll(out);
    CHECK(bytes.startsWith("\xEF\xBB\xBF" // the byte order mark Excel needs to read UTF-8
                           "la,dcs,dcs_email,chief_executive,chief_executive_email,lead_member,"
                           "lead_member_email\r\n"));

    // A second region, filled from the exported file, exports the same bytes.
    const QString other = cli.path(QStringLiteral("other.balcony"));
    REQUIRE(cli.runOn(other, {QStringLiteral("init")}).exitCode == 0);
    const auto imported = cli.runOn(other, {QStringLiteral("import"), QStringLiteral("roster"), out});
    INFO(imported.err.toStdString());
    REQUIRE(imported.exitCode == 0);
    CHECK(imported.out.contains(QStringLiteral("19 LAs added")));
    const QString again = cli.path(QStringLiteral("again.csv"));
    const auto json = cli.runOn(other, {QStringLiteral("export"), QStringLiteral("roster"),
                                        QStringLiteral("--out"), again, QStringLiteral("--json")});
    REQUIRE(json.exitCode == 0);
    const auto rows = jsonArray(json);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].toObject()[QStringLiteral("authorities")].toInt() == 19);
    CHECK(rows[0].toObject()[QStringLiteral("file")].toString() == QFileInfo(again).absoluteFilePath());
    CHECK(balcony::test::readAll(again) == bytes);
}

TEST_CASE("export roster into a missing folder fails with exit 3, names the folder and writes nothing",
          "[cli][roster]") {
    CliSandbox cli;
    REQUIRE(cli.run({QStringLiteral("init")}).exitCode == 0);
    REQUIRE(cli.run({QStringLiteral("import"), QStringLiteral("roster"), rosterFixture()}).exitCode == 0);
    const QString out = cli.path(QStringLiteral("no-such-folder/roster.csv"));
    const auto run =
        cli.run({QStringLiteral("export"), QStringLiteral("roster"), QStringLiteral("--out"), out});
    CHECK(run.exitCode == 3);
    CHECK(run.out.isEmpty());
    CHECK(run.err.startsWith(QStringLiteral("balcony-cli: Cannot write ")));
    CHECK(run.err.contains(QStringLiteral("no-such-folder")));
    CHECK_FALSE(QFileInfo::exists(out));
}

TEST_CASE("export roster without --out is a usage error that names the option", "[cli][roster]") {
    CliSandbox cli;
    REQUIRE(cli.run({QStringLiteral("init")}).exitCode == 0);
    const auto run = cli.run({QStringLiteral("export"), QStringLiteral("roster")});
    CHECK(run.exitCode == 2);
    CHECK(run.out.isEmpty());
    CHECK(run.err.contains(QStringLiteral("--out")));
}

TEST_CASE("export roster takes its file as --out like export schedule and export ics, not as a bare name",
          "[cli][roster]") {
    CliSandbox cli;
    REQUIRE(cli.run({QStringLiteral("init")}).exitCode == 0);
    REQUIRE(cli.run({QStringLiteral("import"), QStringLiteral("roster"), rosterFixture()}).exitCode == 0);
    const QString out = cli.path(QStringLiteral("roster.csv"));
    const auto run = cli.run({QStringLiteral("export"), QStringLiteral("roster"), out});
    CHECK(run.exitCode == 2);
    CHECK(run.out.isEmpty());
    CHECK(run.err.contains(QStringLiteral("--out FILE")));
    CHECK_FALSE(QFileInfo::exists(out));

    const auto help = cli.run({QStringLiteral("export"), QStringLiteral("roster"), QStringLiteral("--help")});
    CHECK(help.exitCode == 0);
    CHECK(help.out.startsWith(
        QStringLiteral("Usage: balcony-cli export roster [options] --out FILE [--json]")));
}
