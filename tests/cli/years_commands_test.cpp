#include "cli_runner.h"

#include <QJsonObject>

using balcony::test::CliRun;
using balcony::test::CliSandbox;
using balcony::test::jsonArray;

// outcomes years on the demo region, whose 2021-2022 group 1 (Surrey, Wokingham, Kent) also met in
// 2019-2020 and 2020-2021.
namespace {

QString q(const char* text) {
    return QString::fromUtf8(text);
}

} // namespace

TEST_CASE("outcomes years shows an LA's three years with the themes raised the year before too",
          "[cli][outcomes][years]") {
    CliSandbox cli;
    REQUIRE(cli.run({q("demo")}).exitCode == 0);
    const CliRun text =
        cli.run({q("outcomes"), q("years"), q("--la"), q("surrey"), q("--cycle"), q("2021-2022")});
    INFO(text.err.toStdString());
    REQUIRE(text.exitCode == 0);
    CHECK(text.out.startsWith(q("Surrey over the years, up to 2021-2022\n")));
    CHECK(text.out.contains(q("2019-2020  (group 1, 20 January 2020; note shared)")));
    CHECK(text.out.contains(q("    - Kept visiting children at home all through the lockdowns")));
    CHECK(text.out.contains(q("    - Budget  (recurring: raised the year before too)")));
    CHECK(text.out.contains(q("Raised in 2021-2022 and the year before: Workforce, Budget")));
    CHECK(text.out.indexOf(q("2019-2020")) < text.out.indexOf(q("2020-2021")));

    const QJsonArray years = jsonArray(cli.run(
        {q("outcomes"), q("years"), q("--la"), q("Surrey"), q("--cycle"), q("2021-2022"), q("--json")}));
    REQUIRE(years.size() == 3);
    const QJsonObject last = years[2].toObject();
    CHECK(last.value(q("cycle")).toString() == q("2021-2022"));
    CHECK(last.value(q("note_status")).toString() == q("shared"));
    const QJsonArray areas = last.value(q("areas")).toArray();
    REQUIRE(areas.size() == 2);
    CHECK(areas[0].toObject().value(q("theme")).toString() == q("Workforce"));
    CHECK(areas[0].toObject().value(q("recurring")).toBool());
    // The oldest year has nothing before it to recur from.
    for (const auto& area : years[0].toObject().value(q("areas")).toArray()) {
        CHECK_FALSE(area.toObject().value(q("recurring")).toBool());
    }
}

TEST_CASE("outcomes years leaves out a note that is not agreed and defaults to the LA's latest cycle",
          "[cli][outcomes][years]") {
    CliSandbox cli;
    REQUIRE(cli.run({q("demo")}).exitCode == 0);
    const QJsonArray kent =
        jsonArray(cli.run({q("outcomes"), q("years"), q("--la"), q("Kent"), q("--json")}));
    REQUIRE(kent.size() == 3);
    CHECK(kent[2].toObject().value(q("cycle")).toString() == q("2022-2023"));
    const QJsonObject reopened = kent[1].toObject();
    CHECK(reopened.value(q("cycle")).toString() == q("2021-2022"));
    CHECK(reopened.value(q("note_status")).toString() == q("draft"));
    CHECK(reopened.value(q("areas")).toArray().isEmpty());
    CHECK(reopened.value(q("strengths")).toArray().size() == 1);
    const CliRun text =
        cli.run({q("outcomes"), q("years"), q("--la"), q("Kent"), q("--cycle"), q("2021-2022")});
    CHECK(text.out.contains(q("note draft, not agreed: its themes wait")));
    CHECK(text.out.contains(q("none until the note is agreed")));
}

TEST_CASE("outcomes years refuses a missing or unknown LA or cycle and leaves the region as it was",
          "[cli][outcomes][years]") {
    CliSandbox cli;
    REQUIRE(cli.run({q("demo")}).exitCode == 0);
    const QByteArray before = cli.regionDigest();
    const CliRun missing = cli.run({q("outcomes"), q("years")});
    CHECK(missing.exitCode == 2);
    CHECK(missing.err.contains(q("--la")));
    const CliRun unknown = cli.run({q("outcomes"), q("years"), q("--la"), q("Atlantis")});
    CHECK(unknown.exitCode == 2);
    CHECK(unknown.err.contains(q("Atlantis")));
    const CliRun noCycle =
        cli.run({q("outcomes"), q("years"), q("--la"), q("Kent"), q("--cycle"), q("1999-2000")});
    CHECK(noCycle.exitCode == 2);
    CHECK(noCycle.err.contains(q("1999-2000")));
    CHECK(noCycle.out.isEmpty());
    CHECK(cli.regionDigest() == before);
}
