#include "cli_runner.h"

#include <QJsonObject>
#include <set>

using balcony::test::CliRun;
using balcony::test::CliSandbox;
using balcony::test::jsonArray;

namespace {

QStringList saSet(const QString& la, const QString& status) {
    return {QStringLiteral("sa"),       QStringLiteral("set"),
            QStringLiteral("--cycle"),  QStringLiteral("2022-2023"),
            QStringLiteral("--la"),     la,
            QStringLiteral("--status"), status};
}

QStringList saList(const QStringList& extra = {}) {
    return QStringList{QStringLiteral("sa"), QStringLiteral("list"), QStringLiteral("--cycle"),
                       QStringLiteral("2022-2023")} +
           extra;
}

QJsonObject rowFor(const CliRun& run, const QString& authority) {
    for (const auto& value : jsonArray(run)) {
        if (value.toObject()[QStringLiteral("authority")].toString() == authority) {
            return value.toObject();
        }
    }
    FAIL("no row for " << authority.toStdString());
    return {};
}

std::set<QString> overdueIn(const CliRun& run) {
    std::set<QString> names;
    for (const auto& value : jsonArray(run)) {
        if (value.toObject()[QStringLiteral("overdue")].toBool()) {
            names.insert(value.toObject()[QStringLiteral("authority")].toString());
        }
    }
    return names;
}

struct DemoCli : CliSandbox {
    DemoCli() { REQUIRE(run({QStringLiteral("demo")}).exitCode == 0); }
};

} // namespace

TEST_CASE("sa set records a status, its date and the document's SHA-256, and sa list shows them", "[cli]") {
    DemoCli cli;
    const QString document = cli.path(QStringLiteral("reading-sa.pdf"));
    balcony::test::writeFile(document, "hello\n");
    const auto set = cli.run(saSet(QStringLiteral("reading"), QStringLiteral("distributed")) +
                             QStringList{QStringLiteral("--date"), QStringLiteral("30/01/2023"),
                                         QStringLiteral("--file"), document});
    INFO(set.err.toStdString());
    CHECK(set.exitCode == 0);
    CHECK(set.out.startsWith(QStringLiteral("Reading, 2022-2023: distributed on 2023-01-30\n")));
    const QString sha = QStringLiteral("5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03");
    CHECK(set.out.contains(sha));

    const auto json = cli.run(saList({QStringLiteral("--json")}));
    REQUIRE(json.exitCode == 0);
    const auto reading = rowFor(json, QStringLiteral("Reading"));
    CHECK(reading[QStringLiteral("status")].toString() == QStringLiteral("distributed"));
    CHECK(reading[QStringLiteral("distributed_on")].toString() == QStringLiteral("2023-01-30"));
    CHECK(reading[QStringLiteral("draft_received_on")].isNull());
    CHECK(reading[QStringLiteral("document_path")].toString() == document);
    CHECK(reading[QStringLiteral("document_sha256")].toString() == sha);
    CHECK(reading[QStringLiteral("group")].toString() == QStringLiteral("3"));
    CHECK(reading[QStringLiteral("group_date")].toString() == QStringLiteral("2023-02-16"));
    CHECK(reading[QStringLiteral("due_on")].toString() == QStringLiteral("2023-02-02"));
    CHECK_FALSE(reading[QStringLiteral("overdue")].toBool());

    const auto text = cli.run(saList());
    CHECK(text.out.contains(QStringLiteral("document ") + document + QStringLiteral(" sha256 ") + sha));
}

TEST_CASE("sa list marks as overdue what was not distributed by its due date", "[cli]") {
    DemoCli cli;
    const auto early =
        cli.run(saList({QStringLiteral("--json"), QStringLiteral("--today"), QStringLiteral("2022-12-01")}));
    REQUIRE(early.exitCode == 0);
    CHECK(jsonArray(early).size() == 19);
    // Only group 5, whose mistyped date puts its due date in January 2022.
    CHECK(overdueIn(early) == std::set<QString>{QStringLiteral("West Berkshire"),
                                                QStringLiteral("Windsor and Maidenhead"),
                                                QStringLiteral("Brighton and Hove")});

    const auto later =
        cli.run(saList({QStringLiteral("--json"), QStringLiteral("--today"), QStringLiteral("10/01/2023")}));
    CHECK(overdueIn(later) ==
          std::set<QString>{QStringLiteral("West Berkshire"), QStringLiteral("Windsor and Maidenhead"),
                            QStringLiteral("Brighton and Hove"), QStringLiteral("Southampton"),
                            QStringLiteral("East Sussex")});

    const auto text = cli.run(saList({QStringLiteral("--today"), QStringLiteral("2023-01-10")}));
    REQUIRE(text.exitCode == 0);
    for (const auto& line : text.out.split(u'\n')) {
        if (line.startsWith(QStringLiteral("Southampton")) ||
            line.startsWith(QStringLiteral("East Sussex"))) {
            CHECK(line.endsWith(QStringLiteral("OVERDUE")));
        }
        if (line.startsWith(QStringLiteral("Slough")) || line.startsWith(QStringLiteral("Reading"))) {
            CHECK_FALSE(line.contains(QStringLiteral("OVERDUE")));
        }
    }
    CHECK(text.out.contains(QStringLiteral("19 self-assessments in 2022-2023, 5 overdue as of 2023-01-10.")));
}

TEST_CASE("sa set back to not_started clears the recorded dates", "[cli]") {
    DemoCli cli;
    REQUIRE(cli.run(saSet(QStringLiteral("Kent"), QStringLiteral("not_started"))).exitCode == 0);
    const auto kent = rowFor(cli.run(saList({QStringLiteral("--json")})), QStringLiteral("Kent"));
    CHECK(kent[QStringLiteral("status")].toString() == QStringLiteral("not_started"));
    CHECK(kent[QStringLiteral("draft_received_on")].isNull());
}

TEST_CASE("sa set refuses an unknown status and lists the accepted ones", "[cli]") {
    DemoCli cli;
    const auto run = cli.run(saSet(QStringLiteral("Kent"), QStringLiteral("finished")));
    CHECK(run.exitCode == 2);
    CHECK(run.out.isEmpty());
    CHECK(run.err.contains(
        QStringLiteral("not_started, draft_received, signed_off_dcs, signed_off_cx, distributed")));
    const auto kent = rowFor(cli.run(saList({QStringLiteral("--json")})), QStringLiteral("Kent"));
    CHECK(kent[QStringLiteral("status")].toString() == QStringLiteral("draft_received"));
}

TEST_CASE("sa set refuses an unknown LA, an unknown cycle, a bad date and a missing document", "[cli]") {
    DemoCli cli;
    const auto unknownLa = cli.run(saSet(QStringLiteral("Atlantis"), QStringLiteral("distributed")));
    CHECK(unknownLa.exitCode == 2);
    CHECK(unknownLa.err.contains(QStringLiteral("\"Atlantis\"")));

    auto args = saSet(QStringLiteral("Kent"), QStringLiteral("distributed"));
    args[3] = QStringLiteral("2030-2031");
    const auto unknownCycle = cli.run(args);
    CHECK(unknownCycle.exitCode == 2);
    CHECK(unknownCycle.err.contains(QStringLiteral("no cycle called \"2030-2031\"")));

    const auto badDate = cli.run(saSet(QStringLiteral("Kent"), QStringLiteral("distributed")) +
                                 QStringList{QStringLiteral("--date"), QStringLiteral("31/02/2023")});
    CHECK(badDate.exitCode == 2);
    CHECK(badDate.err.contains(QStringLiteral("YYYY-MM-DD or DD/MM/YYYY")));

    const auto noFile =
        cli.run(saSet(QStringLiteral("Kent"), QStringLiteral("distributed")) +
                QStringList{QStringLiteral("--file"), cli.path(QStringLiteral("missing.pdf"))});
    CHECK(noFile.exitCode == 2);
    CHECK(noFile.err.contains(QStringLiteral("missing.pdf")));

    const auto kent = rowFor(cli.run(saList({QStringLiteral("--json")})), QStringLiteral("Kent"));
    CHECK(kent[QStringLiteral("status")].toString() == QStringLiteral("draft_received"));
}

TEST_CASE("sa set refuses an LA that is in no group of the cycle", "[cli]") {
    DemoCli cli;
    REQUIRE(cli.run({QStringLiteral("cycle"), QStringLiteral("add"), QStringLiteral("2023-2024"),
                     QStringLiteral("--from"), QStringLiteral("2023-09-01"), QStringLiteral("--to"),
                     QStringLiteral("2024-03-31")})
                .exitCode == 0);
    auto args = saSet(QStringLiteral("Kent"), QStringLiteral("draft_received"));
    args[3] = QStringLiteral("2023-2024");
    const auto run = cli.run(args);
    CHECK(run.exitCode == 2);
    CHECK(run.err.contains(QStringLiteral("Kent is in no group of cycle 2023-2024")));
}

TEST_CASE("sa list without --cycle is a usage error", "[cli]") {
    DemoCli cli;
    const auto run = cli.run({QStringLiteral("sa"), QStringLiteral("list")});
    CHECK(run.exitCode == 2);
    CHECK(run.out.isEmpty());
    CHECK(run.err.contains(QStringLiteral("--cycle is required")));
}
