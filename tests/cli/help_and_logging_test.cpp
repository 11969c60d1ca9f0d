#include "cli_runner.h"

#include <QDir>
#include <QJsonDocument>
#include <QRegularExpression>

using balcony::test::CliSandbox;
using balcony::test::readAll;

namespace {

// The command words of every command the overview lists ("cycle add NAME" -> {"cycle", "add"}).
std::vector<QStringList> listedCommands(const QString& overview) {
    std::vector<QStringList> commands;
    bool inList = false;
    for (const auto& line : overview.split(u'\n')) {
        if (line.startsWith(QStringLiteral("Commands:"))) {
            inList = true;
            continue;
        }
        if (!inList || !line.startsWith(QStringLiteral("  "))) {
            continue;
        }
        // Command words are lower-case letters and hyphens; arguments (NAME, FILE, a|b|c) are not;
        // two spaces end the synopsis. A summary pushed to its own line has no words.
        static const QRegularExpression commandWord(QStringLiteral("^[a-z][a-z-]*$"));
        const QString name = line.trimmed().section(QStringLiteral("  "), 0, 0);
        QStringList words;
        for (const auto& word : name.split(u' ', Qt::SkipEmptyParts)) {
            if (!commandWord.match(word).hasMatch()) {
                break;
            }
            words << word;
        }
        if (!words.isEmpty() && line.startsWith(QStringLiteral("  ") + words.first())) {
            commands.push_back(words);
        }
    }
    return commands;
}

} // namespace

TEST_CASE("Every listed command answers --help with a usage line that names it as typed", "[cli]") {
    CliSandbox cli;
    const auto overview = cli.run({QStringLiteral("--help")});
    REQUIRE(overview.exitCode == 0);
    const auto commands = listedCommands(overview.out);
    REQUIRE(commands.size() >= 7);
    for (const auto& words : commands) {
        INFO(words.join(u' ').toStdString());
        const auto help = cli.run(words + QStringList{QStringLiteral("--help")});
        CHECK(help.exitCode == 0);
        CHECK(help.err.isEmpty());
        const QString usage = help.out.section(u'\n', 0, 0);
        CHECK(usage.startsWith(QStringLiteral("Usage: balcony-cli ") + words.join(u' ') +
                               QStringLiteral(" [options]")));
        CHECK_FALSE(usage.contains(u'/'));
    }
    // Asking for help touches no database.
    CHECK_FALSE(cli.regionExists());
}

TEST_CASE("cycle add's usage line shows its NAME argument", "[cli]") {
    CliSandbox cli;
    const auto help = cli.run({QStringLiteral("cycle"), QStringLiteral("add"), QStringLiteral("--help")});
    CHECK(help.out.startsWith(QStringLiteral("Usage: balcony-cli cycle add [options] NAME\n")));
    CHECK(help.out.contains(QStringLiteral("--from <DATE>")));
}

TEST_CASE("balcony-cli logs to a file in the user's data folder and never to stdout", "[cli]") {
    CliSandbox cli;
    const auto demo = cli.run({QStringLiteral("demo")});
    REQUIRE(demo.exitCode == 0);
    CHECK(demo.err.isEmpty());
    const auto list = cli.run({QStringLiteral("cycle"), QStringLiteral("list"), QStringLiteral("--json")});
    CHECK(list.err.isEmpty());

    const QString logFile = cli.dataFolder() + QStringLiteral("/balcony/logs/balcony-cli.log");
    const QString log = QString::fromUtf8(readAll(logFile));
    CHECK(log.contains(QStringLiteral("[balcony.cli] [info] demo on ")));
    CHECK(log.contains(QStringLiteral("[balcony.cli] [info] cycle list on ")));
    CHECK_FALSE(demo.out.contains(QStringLiteral("[info]")));
}

TEST_CASE("The verbose flag logs to stderr while stdout stays clean JSON", "[cli]") {
    CliSandbox cli;
    REQUIRE(cli.run({QStringLiteral("demo")}).exitCode == 0);
    const auto run = cli.run({QStringLiteral("--verbose"), QStringLiteral("cycle"), QStringLiteral("list"),
                              QStringLiteral("--json")});
    CHECK(run.exitCode == 0);
    CHECK(run.err.contains(QStringLiteral("cycle list on")));
    QJsonParseError error{};
    QJsonDocument::fromJson(run.out.toUtf8(), &error);
    CHECK(error.error == QJsonParseError::NoError);
}
