#include "cli_runner.h"
#include "notes/note_target.h"
#include "questions/day_questions.h"
#include "questions/question_bank.h"
#include "store/database.h"

#include <QFileInfo>
#include <QJsonObject>

using balcony::test::CliRun;
using balcony::test::CliSandbox;
using balcony::test::jsonArray;

namespace {

QString q(const char* text) {
    return QString::fromUtf8(text);
}

CliRun questions(const CliSandbox& cli, QStringList arguments) {
    arguments.prepend(QStringLiteral("questions"));
    return cli.run(arguments);
}

// A small bank, one element a line.
const QByteArray smallBank =
    "{\n"
    "  \"balcony_questions\": 1,\n"
    "  \"name\": \"Kent's bank\",\n"
    "  \"themes\": [\n"
    "    {\"theme\": \"Budget\", \"questions\": [\n"
    "      {\"text\": \"From 0 to 10, how sure are you of the budget?\", \"rating\": true}\n"
    "    ]},\n"
    "    {\"theme\": \"Workforce\", \"questions\": [\"Why do people leave?\"]}\n"
    "  ],\n"
    "  \"balcony\": [\"What is taken for granted?\"],\n"
    "  \"plenary\": [\"What will you take home?\"]\n"
    "}\n";

} // namespace

TEST_CASE("questions list shows the default bank by theme, with the balcony and plenary questions",
          "[cli][questions]") {
    CliSandbox cli;
    REQUIRE(cli.run({q("init")}).exitCode == 0);
    const auto run = questions(cli, {q("list")});
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    CHECK(run.out.startsWith(q("Question bank: Balcony's default")));
    CHECK(run.out.contains(q("\nStrengths\n  1. ")));
    CHECK(run.out.contains(q("\nBudget\n")));
    CHECK(run.out.contains(q("  2. [0-10] On a scale from 0 (not at all confident)")));
    CHECK(run.out.contains(q("\nFrom the balcony (reflections for the insights stage)\n  1. ")));
    CHECK(run.out.contains(q("\nPlenary\n  1. ")));
    CHECK(run.out.contains(q("  4. Which new regional networking groups would you suggest?")));
}

TEST_CASE("questions list filters by theme and by text, and puts the focus themes first",
          "[cli][questions]") {
    CliSandbox cli;
    REQUIRE(cli.run({q("init")}).exitCode == 0);

    const auto theme = questions(cli, {q("list"), q("--theme"), q("practice LEADERSHIP"), q("--json")});
    REQUIRE(theme.exitCode == 0);
    const auto rows = jsonArray(theme);
    REQUIRE(rows.size() == 5);
    for (const auto& row : rows) {
        CHECK(row.toObject()[q("theme")].toString() == q("Practice leadership"));
        CHECK(row.toObject()[q("section")].toString() == q("theme"));
    }
    CHECK(rows[0].toObject()[q("rating")].toBool());
    CHECK(rows[0].toObject()[q("number")].toInt() == 1);

    const auto search = questions(cli, {q("list"), q("--search"), q("SUPERVISION")});
    REQUIRE(search.exitCode == 0);
    CHECK(search.out.contains(
        q("\nPractice leadership\n  5. What do front-line staff say about the supervision")));
    CHECK_FALSE(search.out.contains(q("Strengths")));

    const auto none = questions(cli, {q("list"), q("--search"), q("zebra")});
    REQUIRE(none.exitCode == 0);
    CHECK(none.out.contains(q("No question matches \"zebra\".")));

    const auto focus =
        questions(cli, {q("list"), q("--focus"), q("workforce"), q("--focus"), q("Budget"), q("--json")});
    REQUIRE(focus.exitCode == 0);
    const auto ordered = jsonArray(focus);
    REQUIRE(ordered.size() > 10);
    CHECK(ordered[0].toObject()[q("theme")].toString() == q("Budget"));
    CHECK(ordered[0].toObject()[q("focus")].toBool());
    CHECK(ordered[3].toObject()[q("theme")].toString() == q("Workforce"));
    CHECK(ordered[7].toObject()[q("theme")].toString() == q("Strengths"));
    CHECK_FALSE(ordered[7].toObject()[q("focus")].toBool());

    const auto unknown = questions(cli, {q("list"), q("--theme"), q("Housing")});
    CHECK(unknown.exitCode == 2);
    CHECK(unknown.err.startsWith(q("balcony-cli: the question bank has no theme \"Housing\"; its themes are: "
                                   "Strengths, The political climate,")));
    const auto unknownFocus = questions(cli, {q("list"), q("--focus"), q("Housing")});
    CHECK(unknownFocus.exitCode == 2);
    CHECK(unknownFocus.err.contains(q("no theme \"Housing\" to focus on")));
}

TEST_CASE(
    "questions import makes a file the region's bank, export writes it back, reset restores the default",
    "[cli][questions]") {
    CliSandbox cli;
    REQUIRE(cli.run({q("init")}).exitCode == 0);
    const QString file = cli.path(q("kent.json"));
    balcony::test::writeFile(file, smallBank);

    const auto imported = questions(cli, {q("import"), file});
    INFO(imported.err.toStdString());
    REQUIRE(imported.exitCode == 0);
    CHECK(imported.out.trimmed() ==
          q("Imported the question bank %1: 2 themes, 4 questions (1 for the balcony, 1 for the plenary). It "
            "replaces the region's earlier bank.")
              .arg(file));
    const auto listed = questions(cli, {q("list")});
    CHECK(listed.out ==
          q("Question bank: the region's own, imported from kent.json (Kent's bank).\n"
            "\nBudget\n  1. [0-10] From 0 to 10, how sure are you of the budget?\n"
            "\nWorkforce\n  1. Why do people leave?\n"
            "\nFrom the balcony (reflections for the insights stage)\n  1. What is taken for granted?\n"
            "\nPlenary\n  1. What will you take home?\n"));

    const QString csv = cli.path(q("out.csv"));
    const auto exported = questions(cli, {q("export"), q("--out"), csv});
    REQUIRE(exported.exitCode == 0);
    CHECK(exported.out.trimmed() == q("Wrote 4 questions as CSV to %1.").arg(csv));
    CHECK(balcony::test::readAll(csv) ==
          "\xEF\xBB\xBF"
          "kind,theme,question,rating\r\n"
          "theme,Budget,\"From 0 to 10, how sure are you of the budget?\",yes\r\n"
          "theme,Workforce,Why do people leave?,no\r\n"
          "balcony,,What is taken for granted?,no\r\n"
          "plenary,,What will you take home?,no\r\n");
    const QString json = cli.path(q("out.txt"));
    REQUIRE(questions(cli, {q("export"), q("--out"), json, q("--format"), q("JSON")}).exitCode == 0);
    CHECK(balcony::test::readAll(json).startsWith(
        "{\n  \"balcony_questions\": 1,\n  \"name\": \"Kent's bank\""));

    // The CSV export imports again (told by its content when the name does not say), to the same bank.
    const QString renamed = cli.path(q("bank.txt"));
    balcony::test::writeFile(renamed, balcony::test::readAll(csv));
    REQUIRE(questions(cli, {q("import"), renamed}).exitCode == 0);
    CHECK(questions(cli, {q("list")}).out.contains(q("\nBudget\n  1. [0-10] From 0 to 10")));

    const auto reset = questions(cli, {q("reset")});
    REQUIRE(reset.exitCode == 0);
    CHECK(reset.out.trimmed() ==
          q("The region's own question bank was removed; Balcony's default is used again."));
    CHECK(questions(cli, {q("list")}).out.startsWith(q("Question bank: Balcony's default")));
    CHECK(questions(cli, {q("reset")}).out.contains(q("already uses Balcony's default")));
}

TEST_CASE("questions import refuses a bad file with FILE:LINE and leaves the region's bank as it was",
          "[cli][questions]") {
    CliSandbox cli;
    REQUIRE(cli.run({q("init")}).exitCode == 0);
    const QString good = cli.path(q("kent.json"));
    balcony::test::writeFile(good, smallBank);
    REQUIRE(questions(cli, {q("import"), good}).exitCode == 0);
    const QString before = questions(cli, {q("list"), q("--json")}).out;

    struct Bad {
        const char* name;
        QByteArray bytes;
        const char* expected; // the first line of stderr after the file's name
    };
    const std::vector<Bad> bad{
        {"latin1.json", QByteArray(smallBank).replace("Why do", "Caf\xE9 why do"),
         ":8: this line is not UTF-8 text"},
        {"empty.json", QByteArray(), ":1: the file is empty"},
        {"broken.json", QByteArray(smallBank).replace("]},\n", "]}\n"),
         ":7: the file is not valid JSON: a comma is missing"},
        {"no-theme.json", QByteArray(smallBank).replace("\"theme\": \"Workforce\", ", ""),
         ":8: themes[1].theme: each theme needs its name"},
        {"twice.json", QByteArray(smallBank).replace("\"Workforce\"", "\"BUDGET\""),
         ":8: themes[1].theme: \"BUDGET\" is the same theme as \"Budget\" on line 5"},
        {"rating.json", QByteArray(smallBank).replace("\"rating\": true", "\"rating\": \"yes\""),
         ":6: themes[0].questions[0].rating: must be true"},
        {"columns.csv", "kind,theme,question\ntheme,Budget,Why?\n",
         ":1: the header has no \"rating\" column"},
        {"rating.csv", "kind,theme,question,rating\ntheme,Budget,Why?,perhaps\n",
         ":2: the rating \"perhaps\" is not yes or no"},
        {"no-theme.csv", "kind,theme,question,rating\ntheme,,Why?,no\n",
         ":2: the question \"Why?\" has no theme"},
    };
    for (const auto& b : bad) {
        INFO(b.name);
        const QString path = cli.path(QString::fromLatin1(b.name));
        balcony::test::writeFile(path, b.bytes);
        const auto run = questions(cli, {q("import"), path});
        INFO(run.err.toStdString());
        CHECK(run.exitCode == 2);
        CHECK(run.out.isEmpty());
        CHECK(run.err.startsWith(path + QString::fromUtf8(b.expected)));
        CHECK(run.err.contains(
            q("balcony-cli: nothing was imported; the region's question bank is as it was.")));
        CHECK(questions(cli, {q("list"), q("--json")}).out == before);
    }

    const auto missing = questions(cli, {q("import"), cli.path(q("nowhere.json"))});
    CHECK(missing.exitCode == 2);
    CHECK(missing.err.contains(q("nowhere.json")));
    CHECK(questions(cli, {q("list"), q("--json")}).out == before);
}

TEST_CASE("questions export refuses an unknown format and a missing folder, writing nothing",
          "[cli][questions]") {
    CliSandbox cli;
    REQUIRE(cli.run({q("init")}).exitCode == 0);
    const QString out = cli.path(q("bank.xml"));
    const auto format = questions(cli, {q("export"), q("--out"), out, q("--format"), q("xml")});
    CHECK(format.exitCode == 2);
    CHECK(format.err.trimmed() == q("balcony-cli: --format must be json or csv (got \"xml\")."));
    CHECK_FALSE(QFileInfo::exists(out));
    const QString folder = cli.path(q("no-such-folder/bank.json"));
    const auto missing = questions(cli, {q("export"), q("--out"), folder});
    CHECK(missing.exitCode != 0);
    CHECK(missing.err.contains(q("no-such-folder")));
    CHECK_FALSE(QFileInfo::exists(cli.path(q("no-such-folder"))));
}

TEST_CASE("questions focus sets an LA's focus themes and questions answers shows the group's plenary answers",
          "[cli][questions]") {
    CliSandbox cli;
    REQUIRE(cli.run({q("demo")}).exitCode == 0);
    const QStringList group1{q("--cycle"), q("2022-2023"), q("--group"), q("1")};

    const auto set = questions(cli, QStringList{q("focus")} + group1 +
                                        QStringList{q("--la"), q("Surrey"), q("--theme"), q("workforce"),
                                                    q("--theme"), q("BUDGET")});
    INFO(set.err.toStdString());
    REQUIRE(set.exitCode == 0);
    CHECK(set.out == q("Focus themes for Surrey (group 1): Budget, Workforce.\n"));
    const auto other =
        questions(cli, QStringList{q("focus")} + group1 + QStringList{q("--la"), q("Wokingham")});
    CHECK(other.out == q("Focus themes for Wokingham (group 1): none.\n"));
    const auto unknown = questions(cli, QStringList{q("focus")} + group1 +
                                            QStringList{q("--la"), q("Surrey"), q("--theme"), q("Nope")});
    CHECK(unknown.exitCode == 2);
    CHECK(unknown.err.contains(q("no theme \"Nope\"")));
    CHECK(questions(cli, QStringList{q("focus")} + group1 + QStringList{q("--la"), q("Surrey")}).out ==
          q("Focus themes for Surrey (group 1): Budget, Workforce.\n")); // the refusal changed nothing

    const auto before = questions(cli, QStringList{q("answers")} + group1);
    REQUIRE(before.exitCode == 0);
    CHECK(before.out.count(q("(no answer yet)")) == 4);
    {
        auto db = balcony::Database::open(cli.databasePath());
        REQUIRE(db.ok());
        auto target = balcony::findNoteTarget(**db, q("2022-2023"), q("1"));
        REQUIRE(target.ok());
        auto bank = balcony::questions::defaultBank();
        REQUIRE(balcony::questions::DayQuestions(**db)
                    .setPlenaryAnswer(target->groupId, bank->plenary.at(0).text, q("Early help"))
                    .ok());
    }
    const auto after = questions(cli, QStringList{q("answers")} + group1 + QStringList{q("--json")});
    REQUIRE(after.exitCode == 0);
    const auto rows = jsonArray(after);
    REQUIRE(rows.size() == 4);
    CHECK(rows.at(0).toObject().value(q("answer")).toString() == q("Early help"));
    CHECK(rows.at(1).toObject().value(q("answer")).toString().isEmpty());
    const auto group2 = questions(cli, {q("answers"), q("--cycle"), q("2022-2023"), q("--group"), q("2")});
    CHECK(group2.out.count(q("(no answer yet)")) == 4); // another group's answers are its own
}
