#include "cli_runner.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonObject>

using balcony::test::CliRun;
using balcony::test::CliSandbox;
using balcony::test::jsonArray;

// outcomes list|match|export, actions list|set and priorities, on the demo region (whose outcomes
// are dated 2023, so that every open action with a due date is overdue whenever the tests run).
namespace {

QString q(const char* text) {
    return QString::fromUtf8(text);
}

struct Demo {
    CliSandbox cli;
    Demo() {
        const CliRun made = cli.run({q("demo")});
        INFO(made.err.toStdString());
        REQUIRE(made.exitCode == 0);
    }
    CliRun run(const QStringList& arguments) const { return cli.run(arguments); }
};

QStringList kindsOf(const QJsonArray& rows) {
    QStringList kinds;
    for (const auto& row : rows) {
        const QString kind = row.toObject().value(q("kind")).toString();
        if (!kinds.contains(kind)) {
            kinds << kind;
        }
    }
    return kinds;
}

} // namespace

TEST_CASE("outcomes list shows a cycle's asks, offers, actions and priorities, filtered by kind and LA",
          "[cli][outcomes]") {
    Demo demo;
    const CliRun all = demo.run({q("outcomes"), q("list"), q("--cycle"), q("2022-2023")});
    REQUIRE(all.exitCode == 0);
    CHECK(all.out.contains(q("ask #1  Wokingham  (group 1, theme: workforce, open, help: peer-la-support)")));
    CHECK(all.out.contains(q("offer #6  Hampshire  (group 3, theme: challenge and feedback, matched)")));
    CHECK(all.out.contains(q("why red: No agreement yet on market supplements")));
    CHECK(all.out.contains(
        q("1. A regional approach to recruiting and keeping social workers  (3 groups: 1, 2, 3")));

    const auto everything =
        jsonArray(demo.run({q("outcomes"), q("list"), q("--cycle"), q("2022-2023"), q("--json")}));
    CHECK(kindsOf(everything) == QStringList{q("ask"), q("offer"), q("action"), q("priority")});

    const auto asks = jsonArray(demo.run(
        {q("outcomes"), q("list"), q("--cycle"), q("2022-2023"), q("--kind"), q("ask"), q("--json")}));
    CHECK(asks.size() == 6);
    CHECK(kindsOf(asks) == QStringList{q("ask")});

    const auto kent = jsonArray(demo.run(
        {q("outcomes"), q("list"), q("--cycle"), q("2022-2023"), q("--la"), q("kent"), q("--json")}));
    REQUIRE(kent.size() == 2); // Kent's ask and Kent's action
    for (const auto& row : kent) {
        CHECK(row.toObject().value(q("la")).toString() == q("Kent"));
    }
    const auto budget =
        jsonArray(demo.run({q("outcomes"), q("list"), q("--cycle"), q("2022-2023"), q("--kind"), q("offer"),
                            q("--theme"), q("Budget"), q("--json")}));
    CHECK(budget.size() == 2); // Medway's and the Isle of Wight's
    const auto matched =
        jsonArray(demo.run({q("outcomes"), q("list"), q("--cycle"), q("2022-2023"), q("--kind"), q("ask"),
                            q("--status"), q("matched"), q("--json")}));
    REQUIRE(matched.size() == 1);
    CHECK(matched.first().toObject().value(q("la")).toString() == q("Portsmouth"));

    const CliRun badKind =
        demo.run({q("outcomes"), q("list"), q("--cycle"), q("2022-2023"), q("--kind"), q("wish")});
    CHECK(badKind.exitCode == 2);
    CHECK(badKind.err.contains(q("ask|offer|action|priority")));
    const CliRun noCycle = demo.run({q("outcomes"), q("list"), q("--cycle"), q("1999-2000")});
    CHECK(noCycle.exitCode == 2);
    CHECK(noCycle.err.contains(q("1999-2000")));
    REQUIRE(demo.run({q("cycle"), q("add"), q("2023-2024"), q("--from"), q("2023-09-01"), q("--to"),
                      q("2024-03-31")})
                .exitCode == 0);
    const CliRun empty =
        demo.run({q("outcomes"), q("list"), q("--cycle"), q("2023-2024"), q("--kind"), q("ask")});
    CHECK(empty.exitCode == 0);
    CHECK(empty.out.contains(q("No outcomes yet for 2023-2024.")));
}

TEST_CASE("outcomes match suggests asks and offers of different LAs with the reason", "[cli][outcomes]") {
    Demo demo;
    const CliRun text = demo.run({q("outcomes"), q("match"), q("--cycle"), q("2022-2023")});
    REQUIRE(text.exitCode == 0);
    CHECK(text.out.contains(
        q("ask #11 Slough <- offer #12 Brighton and Hove  (same theme: leading with others; "
          "shared words: health, mental")));
    // The confirmed match is a follow-up, not a suggestion.
    CHECK(text.out.contains(
        q("follow-up #1  Portsmouth <- Hampshire  (owner: Programme office, due 2023-06-30, open)")));
    CHECK_FALSE(text.out.contains(q("ask #5 Portsmouth <- offer #6")));

    const auto rows =
        jsonArray(demo.run({q("outcomes"), q("match"), q("--cycle"), q("2022-2023"), q("--json")}));
    REQUIRE(rows.size() >= 6);
    double previous = 1.0;
    int suggestions = 0;
    for (const auto& row : rows) {
        const auto o = row.toObject();
        if (o.value(q("kind")).toString() != q("suggestion")) {
            continue;
        }
        ++suggestions;
        CHECK(o.value(q("score")).toDouble() <= previous);
        previous = o.value(q("score")).toDouble();
        CHECK(o.value(q("ask")).toObject().value(q("la")) != o.value(q("offer")).toObject().value(q("la")));
        CHECK_FALSE(o.value(q("reason")).toString().isEmpty());
    }
    CHECK(suggestions >= 5);
    // The unrelated offer of the Isle of Wight is never paired with Slough's mental health ask.
    CHECK_FALSE(text.out.contains(q("ask #11 Slough <- offer #13")));
}

TEST_CASE("outcomes export writes every outcome to a CSV file, and refuses a folder that is not there",
          "[cli][outcomes]") {
    Demo demo;
    const QString file = demo.cli.path(q("outcomes.csv"));
    const CliRun written =
        demo.run({q("outcomes"), q("export"), q("--cycle"), q("2022-2023"), q("--out"), file});
    INFO(written.err.toStdString());
    REQUIRE(written.exitCode == 0);
    CHECK(written.out.contains(q("Wrote 25 rows")));
    QFile csv(file);
    REQUIRE(csv.open(QIODevice::ReadOnly));
    const QByteArray bytes = csv.readAll();
    CHECK(bytes.startsWith(
        "\xEF\xBB\xBFkind,id,la,group,theme,status,support,owner,due,rag,rag_reason,text\r\n"));
    const QString content = QString::fromUtf8(bytes);
    CHECK(
        content.contains(q("ask,5,Portsmouth,2,challenge and feedback,matched,self-assessment-moderation,")));
    CHECK(content.contains(q("follow-up,1,Portsmouth <- Hampshire,,,open,,Programme office,2023-06-30,")));
    CHECK(content.contains(q("action,3,Wokingham,,,overdue,,Head of workforce,2023-05-31,red,No agreement "
                             "yet on market supplements,")));
    CHECK(content.contains(q("priority,1,,1; 2; 3,")));

    const QString nowhere = demo.cli.path(q("missing/outcomes.csv"));
    const CliRun refused =
        demo.run({q("outcomes"), q("export"), q("--cycle"), q("2022-2023"), q("--out"), nowhere});
    CHECK(refused.exitCode != 0);
    CHECK(refused.err.contains(q("missing")));
    CHECK_FALSE(QFileInfo::exists(nowhere));
    CHECK(demo.run({q("outcomes"), q("export"), q("--cycle"), q("2022-2023")}).exitCode == 2);
}

TEST_CASE("actions list puts red and overdue first, shows carried actions and the lead reviewer's view",
          "[cli][outcomes]") {
    Demo demo;
    const auto all =
        jsonArray(demo.run({q("actions"), q("list"), q("--cycle"), q("2022-2023"), q("--json")}));
    REQUIRE(all.size() == 6);
    CHECK(all.first().toObject().value(q("rag")).toString() == q("red"));
    CHECK(all.last().toObject().value(q("status")).toString() == q("done"));
    CHECK(all.at(1).toObject().value(q("overdue")).toBool());

    const auto wokingham = jsonArray(demo.run(
        {q("actions"), q("list"), q("--cycle"), q("2022-2023"), q("--la"), q("Wokingham"), q("--json")}));
    REQUIRE(wokingham.size() == 3);
    const auto carried = wokingham.last().toObject();
    CHECK(carried.value(q("carried")).toBool());
    CHECK(carried.value(q("cycle")).toString() == q("2021-2022"));
    CHECK(carried.value(q("text")).toString() == q("Launch the edge-of-care service"));
    const CliRun text =
        demo.run({q("actions"), q("list"), q("--cycle"), q("2022-2023"), q("--la"), q("Wokingham")});
    CHECK(text.out.contains(q("carried from 2021-2022")));

    // East Sussex was Wokingham's lead reviewer in 2022-2023.
    const auto reviewer = jsonArray(demo.run({q("actions"), q("list"), q("--cycle"), q("2022-2023"),
                                              q("--reviewer"), q("East Sussex"), q("--json")}));
    REQUIRE(reviewer.size() == 2);
    for (const auto& row : reviewer) {
        CHECK(row.toObject().value(q("la")).toString() == q("Wokingham"));
    }
    CHECK(demo.run({q("actions"), q("list"), q("--cycle"), q("2022-2023"), q("--la"), q("Atlantis")})
              .exitCode == 2);
}

TEST_CASE("actions set changes a RAG rating only with a reason and keeps the action otherwise unchanged",
          "[cli][outcomes]") {
    Demo demo;
    const QStringList list{q("actions"), q("list"), q("--cycle"), q("2022-2023"), q("--json")};
    const QString before = demo.run(list).out;

    const CliRun noReason = demo.run(
        {q("actions"), q("set"), q("--id"), q("3"), q("--rag"), q("green"), q("--status"), q("done")});
    CHECK(noReason.exitCode == 2);
    CHECK(noReason.err.contains(q("needs a reason")));
    CHECK(
        demo.run({q("actions"), q("set"), q("--id"), q("3"), q("--rag"), q("purple"), q("--reason"), q("x")})
            .exitCode == 2);
    CHECK(demo.run({q("actions"), q("set"), q("--id"), q("3"), q("--due"), q("31/02/2023")}).exitCode == 2);
    CHECK(demo.run({q("actions"), q("set"), q("--id"), q("99"), q("--status"), q("done")}).exitCode == 2);
    CHECK(demo.run({q("actions"), q("set"), q("--id"), q("3")}).exitCode == 2);
    CHECK(demo.run(list).out == before);

    const CliRun rated =
        demo.run({q("actions"), q("set"), q("--id"), q("3"), q("--rag"), q("amber"), q("--reason"),
                  q("Supplements agreed for two teams"), q("--due"), q("2023-09-30")});
    INFO(rated.err.toStdString());
    REQUIRE(rated.exitCode == 0);
    CHECK(rated.out.contains(q("AMBER, due 2023-09-30")));
    CHECK(rated.out.contains(q("why amber: Supplements agreed for two teams")));

    const CliRun done = demo.run({q("actions"), q("set"), q("--id"), q("3"), q("--status"), q("done")});
    REQUIRE(done.exitCode == 0);
    const auto after = jsonArray(demo.run(list));
    // Done goes to the end of the list, and with no red left an overdue action leads.
    CHECK(after.first().toObject().value(q("overdue")).toBool());
    bool found = false;
    for (const auto& row : after) {
        const auto o = row.toObject();
        if (o.value(q("id")).toInt() == 3) {
            found = true;
            CHECK(o.value(q("status")).toString() == q("done"));
            CHECK(o.value(q("rag")).toString() == q("amber"));
        }
    }
    CHECK(found);
}

TEST_CASE("priorities merges the groups' suggestions into one ranked list", "[cli][outcomes]") {
    Demo demo;
    const CliRun text = demo.run({q("priorities"), q("--cycle"), q("2022-2023")});
    REQUIRE(text.exitCode == 0);
    CHECK(text.out.startsWith(q(
        "1. A regional approach to recruiting and keeping social workers  (3 groups: 1, 2, 3; score 2.50)")));
    CHECK(
        text.out.contains(q("    group 2 #2: Recruiting and keeping social workers: one regional approach")));
    const auto rows = jsonArray(demo.run({q("priorities"), q("--cycle"), q("2022-2023"), q("--json")}));
    REQUIRE(rows.size() == 5);
    CHECK(rows.at(1).toObject().value(q("groups")).toArray().size() == 2);
    CHECK(rows.last().toObject().value(q("position")).toInt() == 5);
    CHECK(demo.run({q("priorities")}).exitCode == 2);
}

TEST_CASE("outcomes confirm, dismiss and set record the facilitator's decisions", "[cli][outcomes]") {
    Demo demo;
    const QStringList match{q("outcomes"), q("match"), q("--cycle"), q("2022-2023")};
    REQUIRE(demo.run(match).out.contains(q("ask #11 Slough <- offer #12 Brighton and Hove")));

    const CliRun confirmed =
        demo.run({q("outcomes"), q("confirm"), q("--ask"), q("11"), q("--offer"), q("12"), q("--owner"),
                  q("Programme office"), q("--due"), q("31/07/2023")});
    INFO(confirmed.err.toStdString());
    REQUIRE(confirmed.exitCode == 0);
    CHECK(confirmed.out.contains(q("is follow-up #2")));
    const CliRun dismissed =
        demo.run({q("outcomes"), q("dismiss"), q("--ask"), q("3"), q("--offer"), q("13")});
    REQUIRE(dismissed.exitCode == 0);
    const CliRun after = demo.run(match);
    CHECK_FALSE(after.out.contains(q("ask #11 Slough <- offer #12")));
    CHECK_FALSE(after.out.contains(q("ask #3 Kent <- offer #13")));
    CHECK(after.out.contains(
        q("follow-up #2  Slough <- Brighton and Hove  (owner: Programme office, due 2023-07-31, open)")));

    // The same LA, a decided pair, no owner: refused, nothing changes.
    const QString before = demo.run(match).out;
    CHECK(demo.run({q("outcomes"), q("confirm"), q("--ask"), q("11"), q("--offer"), q("12"), q("--owner"),
                    q("X")})
              .exitCode == 2);
    CHECK(demo.run({q("outcomes"), q("confirm"), q("--ask"), q("1"), q("--offer"), q("2")}).exitCode == 2);
    CHECK(demo.run({q("outcomes"), q("dismiss"), q("--ask"), q("2"), q("--offer"), q("1")}).exitCode == 2);
    CHECK(demo.run(match).out == before);

    const CliRun tagged = demo.run({q("outcomes"), q("set"), q("--id"), q("9"), q("--status"), q("closed"),
                                    q("--support"), q("peer-la-support")});
    REQUIRE(tagged.exitCode == 0);
    CHECK(tagged.out.contains(
        q("ask #9  Milton Keynes  (group 4, theme: service reorganisation, closed, help: peer-la-support)")));
    const CliRun unknown = demo.run({q("outcomes"), q("set"), q("--id"), q("9"), q("--status"), q("open"),
                                     q("--support"), q("nonsense")});
    CHECK(unknown.exitCode == 2);
    CHECK(unknown.err.contains(q("self-assessment-moderation")));
    const auto nine = jsonArray(demo.run({q("outcomes"), q("list"), q("--cycle"), q("2022-2023"), q("--kind"),
                                          q("ask"), q("--la"), q("Milton Keynes"), q("--json")}));
    REQUIRE(nine.size() == 1);
    CHECK(nine.first().toObject().value(q("status")).toString() == q("closed"));
    CHECK(demo.run({q("outcomes"), q("set"), q("--id"), q("2"), q("--support"), q("peer-la-support")})
              .exitCode == 2);
}

TEST_CASE("outcomes menu shows the support menu and replaces it from a JSON file", "[cli][outcomes]") {
    Demo demo;
    const auto shipped = jsonArray(demo.run({q("outcomes"), q("menu"), q("--json")}));
    REQUIRE(shipped.size() == 7);
    CHECK(shipped.first().toObject().value(q("key")).toString() == q("further-peer-challenge"));

    const QString bad = demo.cli.path(q("bad-menu.json"));
    balcony::test::writeFile(
        bad,
        R"({"supportMenu": [{"key": "buddy", "label": "A buddy LA"}, {"key": "Buddy", "label": "Twice"}]})");
    const CliRun refused = demo.run({q("outcomes"), q("menu"), q("--import"), bad});
    CHECK(refused.exitCode == 2);
    CHECK(refused.err.contains(q("bad-menu.json: support menu entry 2 repeats the key \"buddy\"")));
    CHECK(jsonArray(demo.run({q("outcomes"), q("menu"), q("--json")})).size() == 7);

    const QString good = demo.cli.path(q("menu.json"));
    balcony::test::writeFile(
        good,
        R"({"supportMenu": [{"key": "buddy", "label": "A buddy LA", "description": "Paired for a year"}]})");
    const CliRun imported = demo.run({q("outcomes"), q("menu"), q("--import"), good});
    REQUIRE(imported.exitCode == 0);
    CHECK(imported.out == q("buddy  A buddy LA\n    Paired for a year\n"));
    CHECK(demo.run({q("outcomes"), q("set"), q("--id"), q("3"), q("--support"), q("buddy")}).exitCode == 0);
    // Kent's ask keeps its tag after the menu goes back to Balcony's own.
    CHECK(jsonArray(demo.run({q("outcomes"), q("menu"), q("--reset"), q("--json")})).size() == 7);
    const auto kent = jsonArray(demo.run({q("outcomes"), q("list"), q("--cycle"), q("2022-2023"), q("--kind"),
                                          q("ask"), q("--la"), q("Kent"), q("--json")}));
    REQUIRE(kent.size() == 1);
    CHECK(kent.first().toObject().value(q("support")).toString() == q("buddy"));
}

TEST_CASE("priorities add, rank, join and split change the merged list", "[cli][outcomes]") {
    Demo demo;
    const CliRun added = demo.run({q("priorities"), q("add"), q("--cycle"), q("2022-2023"), q("--group"),
                                   q("4"), q("--text"), q("A network for principal social workers")});
    REQUIRE(added.exitCode == 0);
    const QString id = added.out.trimmed();
    CHECK(id == q("9"));
    const CliRun ranked = demo.run({q("priorities"), q("rank"), q("--cycle"), q("2022-2023"), q("--group"),
                                    q("4"), q("--order"), id + q(",8")});
    REQUIRE(ranked.exitCode == 0);
    CHECK(ranked.out ==
          q("1. A network for principal social workers  [9]\n"
            "2. Waiting times for children's mental health services, worked on with health  [8]\n"));
    // An order that leaves one out is refused.
    CHECK(demo.run({q("priorities"), q("rank"), q("--cycle"), q("2022-2023"), q("--group"), q("4"),
                    q("--order"), q("9")})
              .exitCode == 2);

    auto rows = jsonArray(demo.run({q("priorities"), q("--cycle"), q("2022-2023"), q("--json")}));
    const auto entryOf = [&rows](int priority) {
        for (const auto& row : rows) {
            for (const auto& member : row.toObject().value(q("members")).toArray()) {
                if (member.toObject().value(q("id")).toInt() == priority) {
                    return row.toObject();
                }
            }
        }
        return QJsonObject();
    };
    // The new suggestion and group 1's PSW network are the same suggestion.
    CHECK(entryOf(9).value(q("groups")).toArray().size() == 2);

    REQUIRE(demo.run({q("priorities"), q("split"), q("--first"), q("9"), q("--second"), q("3")}).exitCode ==
            0);
    REQUIRE(demo.run({q("priorities"), q("join"), q("--first"), q("7"), q("--second"), q("8")}).exitCode ==
            0);
    rows = jsonArray(demo.run({q("priorities"), q("--cycle"), q("2022-2023"), q("--json")}));
    CHECK(entryOf(9).value(q("groups")).toArray().size() == 1);
    CHECK(entryOf(7).value(q("members")).toArray().size() == 2);
    CHECK(demo.run({q("priorities"), q("join"), q("--first"), q("7"), q("--second"), q("7")}).exitCode == 2);
    CHECK(demo.run({q("priorities"), q("add"), q("--cycle"), q("2022-2023"), q("--group"), q("99"),
                    q("--text"), q("x")})
              .exitCode == 2);
}

TEST_CASE(
    "outcomes set and priorities rank --based-on refuse, with exit code 4, what changed since that version",
    "[cli][outcomes]") {
    Demo demo;
    const QStringList kentsAsks{q("outcomes"), q("list"), q("--cycle"), q("2022-2023"), q("--kind"),
                                q("ask"),      q("--la"), q("Kent"),    q("--json")};
    const auto asks = jsonArray(demo.run(kentsAsks));
    REQUIRE_FALSE(asks.isEmpty());
    const QJsonObject ask = asks.at(0).toObject();
    const QString id = QString::number(ask.value(q("id")).toInt());
    REQUIRE(ask.contains(q("version")));
    const int version = ask.value(q("version")).toInt();

    // Someone closes the ask, based on the version listed; a second change based on it is refused.
    const CliRun first = demo.run({q("outcomes"), q("set"), q("--id"), id, q("--status"), q("closed"),
                                   q("--based-on"), QString::number(version)});
    INFO(first.err.toStdString());
    REQUIRE(first.exitCode == 0);
    const CliRun second = demo.run({q("outcomes"), q("set"), q("--id"), id, q("--status"), q("matched"),
                                    q("--support"), q("none"), q("--based-on"), QString::number(version)});
    CHECK(second.exitCode == 4);
    CHECK(second.err.contains(q("Ask %1 of Kent was changed by ").arg(id)));
    const auto after = jsonArray(demo.run(kentsAsks));
    REQUIRE_FALSE(after.isEmpty());
    CHECK(after.at(0).toObject().value(q("id")).toInt() == ask.value(q("id")).toInt());
    CHECK(after.at(0).toObject().value(q("status")).toString() == q("closed"));
    CHECK(after.at(0).toObject().value(q("version")).toInt() == version + 1);
    CHECK(demo.run({q("outcomes"), q("set"), q("--id"), id, q("--status"), q("open"), q("--based-on"),
                    q("latest")})
              .exitCode == 2);

    // A group's order, based on its list version (priorities --json gives it with each member).
    REQUIRE(demo.run({q("priorities"), q("add"), q("--cycle"), q("2022-2023"), q("--group"), q("4"),
                      q("--text"), q("A network for principal social workers")})
                .exitCode == 0);
    int listVersion = -1;
    for (const auto& row :
         jsonArray(demo.run({q("priorities"), q("--cycle"), q("2022-2023"), q("--json")}))) {
        for (const auto& member : row.toObject().value(q("members")).toArray()) {
            if (member.toObject().value(q("id")).toInt() == 8) {
                listVersion = member.toObject().value(q("list_version")).toInt();
            }
        }
    }
    REQUIRE(listVersion >= 1);
    const QStringList rank{q("priorities"), q("rank"), q("--cycle"),    q("2022-2023"),
                           q("--group"),    q("4"),    q("--based-on"), QString::number(listVersion),
                           q("--order")};
    const CliRun mine = demo.run(rank + QStringList{q("9,8")});
    INFO(mine.err.toStdString());
    REQUIRE(mine.exitCode == 0);
    const CliRun stale = demo.run(rank + QStringList{q("8,9")});
    CHECK(stale.exitCode == 4);
    CHECK(stale.err.contains(q("The priorities of group 4 were changed by ")));
    const CliRun shown = demo.run({q("priorities"), q("rank"), q("--cycle"), q("2022-2023"), q("--group"),
                                   q("4"), q("--order"), q("9,8")});
    CHECK(shown.out.startsWith(q("1. A network for principal social workers  [9]\n")));
}

TEST_CASE("actions add and import start an LA's plan", "[cli][outcomes]") {
    Demo demo;
    const CliRun added = demo.run({q("actions"), q("add"), q("--cycle"), q("2022-2023"), q("--la"),
                                   q("slough"), q("--text"), q("A joint review of waiting lists with health"),
                                   q("--owner"), q("Head of early help"), q("--due"), q("30/09/2023")});
    INFO(added.err.toStdString());
    REQUIRE(added.exitCode == 0);
    REQUIRE(
        demo.run({q("capture"), q("--cycle"), q("2022-2023"), q("--group"), q("6"), q("--la"), q("Slough"),
                  q("--kind"), q("action"), q("--text"), q("Ask health for the waiting list data")})
            .exitCode == 0);
    const CliRun imported = demo.run({q("actions"), q("import"), q("--cycle"), q("2022-2023")});
    REQUIRE(imported.exitCode == 0);
    CHECK(imported.out.contains(q("Added 1 action point")));
    CHECK(demo.run({q("actions"), q("import"), q("--cycle"), q("2022-2023")})
              .out.contains(q("Added 0 action points")));
    const auto slough = jsonArray(demo.run(
        {q("actions"), q("list"), q("--cycle"), q("2022-2023"), q("--la"), q("Slough"), q("--json")}));
    REQUIRE(slough.size() == 2);
    // Both unrated; the one with a due date (overdue now) before the one without.
    CHECK(slough.first().toObject().value(q("due")).toString() == q("2023-09-30"));
    CHECK(slough.last().toObject().value(q("text")).toString() == q("Ask health for the waiting list data"));
    CHECK(demo.run({q("actions"), q("add"), q("--cycle"), q("2022-2023"), q("--la"), q("Atlantis"),
                    q("--text"), q("x")})
              .exitCode == 2);
    CHECK(demo.run({q("actions"), q("add"), q("--cycle"), q("2022-2023"), q("--la"), q("Slough"), q("--text"),
                    q("x"), q("--due"), q("tomorrow")})
              .exitCode == 2);
    CHECK(jsonArray(demo.run({q("actions"), q("list"), q("--cycle"), q("2022-2023"), q("--la"), q("Slough"),
                              q("--json")}))
              .size() == 2);
}
