// note pack-show: a review pack's contents for scripts, and its refusals, as balcony-cli shows them.
// [file]: note pack-show opens a review pack FILE (and a region file given in its place) and never the
// region, so the PostgreSQL run (ctest's cli_tests_on_postgresql) would only repeat these: SQLite only.
#include "cli_runner.h"
#include "review_pack/review_pack.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <unistd.h>

using namespace balcony;
using balcony::test::CliRun;
using balcony::test::CliSandbox;

namespace {

const QString body = QStringLiteral("# Session note: Bolton\n\n- Stable workforce\n");

ReviewPackContents contents() {
    ReviewPackContents c;
    c.packUuid = QUuid::fromString(QStringLiteral("{1b4e28ba-2fa1-11d2-883f-0016d3cca427}"));
    c.regionName = QStringLiteral("North West");
    c.cycleName = QStringLiteral("Autumn 2026");
    c.groupLabel = QStringLiteral("Group 3");
    c.groupDate = QDate(2026, 11, 20);
    c.authorityName = QStringLiteral("Bolton");
    c.authorityId = 17;
    c.noteId = 42;
    c.revisionNumber = 3;
    c.revisionBody = body;
    c.revisionFingerprint = fingerprintOf(body);
    c.dueDate = QDate(2026, 12, 4);
    c.groupAuthorities = {QStringLiteral("Bolton"), QStringLiteral("Wigan")};
    return c;
}

QDateTime at(int minutes) {
    return QDateTime(QDate(2026, 12, 2), QTime(9, 0), Qt::UTC).addSecs(qint64(minutes) * 60);
}

CliRun runAsNobody(const QString& home, const QStringList& arguments) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    env.remove(QStringLiteral("BALCONY_DB"));
    QProcess process;
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(home);
    process.start(QStringLiteral("setpriv"),
                  QStringList{QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                              QStringLiteral("--clear-groups"), QStringLiteral(BALCONY_CLI_PATH)} +
                      arguments);
    REQUIRE((process.waitForStarted() && process.waitForFinished(120000)));
    CliRun result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

} // namespace

TEST_CASE("note pack-show prints a returned pack's note and the DCS's answer", "[cli][review_pack][file]") {
    CliSandbox cli;
    const QString path = cli.path(QStringLiteral("bolton.balcony-review"));
    REQUIRE(createPack(path, contents()).ok());
    {
        auto pack = openPack(path);
        REQUIRE(pack.ok());
        REQUIRE(pack->saveAmendment(body + QStringLiteral("- Early help hub\n"), QStringLiteral("Ann Smith"),
                                    at(5))
                    .ok());
        REQUIRE(pack->returnWithAmendments(QStringLiteral("Ann Smith"), at(9)).ok());
    }
    const QByteArray before = balcony::test::readAll(path);

    const CliRun text = cli.run({QStringLiteral("note"), QStringLiteral("pack-show"), path});
    CHECK(text.exitCode == 0);
    CHECK(text.out.contains(QStringLiteral("Pack:     1b4e28ba-2fa1-11d2-883f-0016d3cca427")));
    CHECK(text.out.contains(QStringLiteral("Group:    Group 3 on 2026-11-20 (Bolton, Wigan)")));
    CHECK(text.out.contains(QStringLiteral("Note:     42, revision 3, fingerprint ") + fingerprintOf(body)));
    CHECK(text.out.contains(
        QStringLiteral("Answer:   returned with amendments by Ann Smith at 2026-12-02T09:09:00.000Z")));
    CHECK(text.out.contains(QStringLiteral("    - Early help hub")));
    CHECK_FALSE(text.out.contains(QStringLiteral("Read-only")));

    const CliRun json =
        cli.run({QStringLiteral("note"), QStringLiteral("pack-show"), path, QStringLiteral("--json")});
    CHECK(json.exitCode == 0);
    const QJsonArray rows = balcony::test::jsonArray(json);
    REQUIRE(rows.size() == 1);
    const QJsonObject row = rows.at(0).toObject();
    CHECK(row.value(QStringLiteral("decision")).toString() == QStringLiteral("returned"));
    CHECK(row.value(QStringLiteral("la")).toString() == QStringLiteral("Bolton"));
    CHECK(row.value(QStringLiteral("revision")).toInt() == 3);
    CHECK(row.value(QStringLiteral("body")).toString() == body);
    CHECK(row.value(QStringLiteral("amendment")).toObject().value(QStringLiteral("dcsName")).toString() ==
          QStringLiteral("Ann Smith"));
    CHECK(balcony::test::readAll(path) == before);
}

TEST_CASE("note pack-show refuses a region file and a file that is not a pack, changing nothing",
          "[cli][review_pack][file]") {
    CliSandbox cli;
    REQUIRE(cli.run({QStringLiteral("init")}).exitCode == 0);
    const QByteArray region = balcony::test::readAll(cli.databasePath());
    const CliRun refused = cli.run({QStringLiteral("note"), QStringLiteral("pack-show"), cli.databasePath()});
    CHECK(refused.exitCode == 2);
    CHECK(refused.err.contains(QStringLiteral("this is a region file, not a review pack")));
    CHECK(balcony::test::readAll(cli.databasePath()) == region);

    const QString text = cli.path(QStringLiteral("letter.txt"));
    balcony::test::writeFile(text, QByteArrayLiteral("Dear Ann"));
    const CliRun notPack = cli.run({QStringLiteral("note"), QStringLiteral("pack-show"), text});
    CHECK(notPack.exitCode == 2);
    CHECK(notPack.err.contains(QStringLiteral("letter.txt is not a review pack")));
}

TEST_CASE("A review pack the user cannot write opens read-only and one they cannot read is refused",
          "[cli][review_pack][read-only][file]") {
    if (geteuid() != 0 || QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty()) {
        WARN("This test runs balcony-cli as the user nobody through setpriv, which needs root.");
        return;
    }
    CliSandbox cli;
    const QString folder = cli.path(QStringLiteral("packs"));
    const QString home = cli.path(QStringLiteral("home"));
    REQUIRE(QDir().mkpath(folder));
    REQUIRE(QDir().mkpath(home));
    const auto enterable = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup |
                           QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther;
    REQUIRE(QFile::setPermissions(QFileInfo(folder).absolutePath(), enterable));
    REQUIRE(QFile::setPermissions(folder, enterable));
    REQUIRE(QFile::setPermissions(home, enterable | QFile::WriteGroup | QFile::WriteOther));

    const QString readable = folder + QStringLiteral("/readable.balcony-review");
    const QString secret = folder + QStringLiteral("/secret.balcony-review");
    REQUIRE(createPack(readable, contents()).ok());
    REQUIRE(createPack(secret, contents()).ok());
    REQUIRE(QFile::setPermissions(readable, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
    const QByteArray before = balcony::test::readAll(readable);

    const CliRun shown = runAsNobody(home, {QStringLiteral("note"), QStringLiteral("pack-show"), readable});
    CHECK(shown.exitCode == 0);
    CHECK(shown.out.contains(QStringLiteral("Read-only: ")));
    CHECK(shown.out.contains(QStringLiteral("read-only for you")));
    CHECK(shown.out.contains(QStringLiteral("Stable workforce")));
    CHECK(balcony::test::readAll(readable) == before);

    const QByteArray secretBytes = balcony::test::readAll(secret);
    const CliRun refused = runAsNobody(home, {QStringLiteral("note"), QStringLiteral("pack-show"), secret});
    CHECK(refused.exitCode == 3);
    CHECK(refused.err.contains(QStringLiteral("secret.balcony-review cannot be read")));
    CHECK(balcony::test::readAll(secret) == secretBytes);
    CHECK(QDir(folder).entryList(QDir::Files | QDir::Hidden).size() == 2);
}
