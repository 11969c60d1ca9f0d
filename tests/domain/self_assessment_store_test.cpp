#include "region_fixture.h"

#include <QDir>
#include <QFileInfo>

using namespace balcony;

namespace {

struct Tracked {
    test::RegionFixture region;
    qint64 cycle = 0;
    qint64 kent = 0, medway = 0, surrey = 0, outsider = 0;

    Tracked() {
        cycle = region.cycle(QStringLiteral("2022-2023"), QDate(2022, 9, 1), QDate(2023, 3, 31));
        kent = region.authority(QStringLiteral("Kent"));
        medway = region.authority(QStringLiteral("Medway"));
        surrey = region.authority(QStringLiteral("Surrey"));
        outsider = region.authority(QStringLiteral("Slough"));
        region.group(cycle, QStringLiteral("Triad 1"), QDate(2022, 11, 10), {kent, medway, surrey});
    }

    SelfAssessment of(qint64 authority) {
        auto all = region.assessments->forCycle(cycle);
        REQUIRE(all.ok());
        for (const auto& sa : *all) {
            if (sa.authorityId == authority) {
                return sa;
            }
        }
        FAIL("no self-assessment");
        return {};
    }
};

} // namespace

TEST_CASE("Every member of a cycle's groups has a self-assessment, not started at first", "[domain][sa]") {
    Tracked t;
    auto all = t.region.assessments->forCycle(t.cycle);
    REQUIRE(all.ok());
    CHECK(all->size() == 3);
    CHECK(t.of(t.medway).status == SaStatus::NotStarted);
    CHECK_FALSE(t.of(t.medway).draftReceivedOn.isValid());
}

TEST_CASE("Each step of a self-assessment keeps its own date", "[domain][sa]") {
    Tracked t;
    REQUIRE(
        t.region.assessments->setStatus(t.cycle, t.kent, SaStatus::DraftReceived, QDate(2022, 9, 20)).ok());
    REQUIRE(
        t.region.assessments->setStatus(t.cycle, t.kent, SaStatus::SignedOffByDcs, QDate(2022, 10, 3)).ok());
    REQUIRE(
        t.region.assessments->setStatus(t.cycle, t.kent, SaStatus::Distributed, QDate(2022, 10, 25)).ok());
    const SelfAssessment sa = t.of(t.kent);
    CHECK(sa.status == SaStatus::Distributed);
    CHECK(sa.draftReceivedOn == QDate(2022, 9, 20));
    CHECK(sa.signedOffByDcsOn == QDate(2022, 10, 3));
    CHECK_FALSE(sa.signedOffByChiefExecutiveOn.isValid());
    CHECK(sa.distributedOn == QDate(2022, 10, 25));
    CHECK(t.of(t.medway).status == SaStatus::NotStarted);

    REQUIRE(t.region.assessments->setStatus(t.cycle, t.kent, SaStatus::NotStarted, QDate()).ok());
    CHECK_FALSE(t.of(t.kent).draftReceivedOn.isValid());
    CHECK_FALSE(t.of(t.kent).distributedOn.isValid());
}

TEST_CASE("A step without a date is stamped today", "[domain][sa]") {
    Tracked t;
    REQUIRE(t.region.assessments->setStatus(t.cycle, t.kent, SaStatus::DraftReceived, QDate()).ok());
    CHECK(t.of(t.kent).draftReceivedOn == QDate::currentDate());
}

TEST_CASE("An attached document is recorded with its full path and SHA-256", "[domain][sa]") {
    Tracked t;
    const QString file = t.region.dir.path(QStringLiteral("kent-sa.pdf"));
    test::writeFile(file, "abc");
    REQUIRE(
        t.region.assessments->setStatus(t.cycle, t.kent, SaStatus::SignedOffByDcs, QDate(2022, 10, 3), file)
            .ok());
    const SelfAssessment sa = t.of(t.kent);
    CHECK(sa.documentSha256 ==
          QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    CHECK(sa.documentPath == QDir::cleanPath(QFileInfo(file).absoluteFilePath()));
}

TEST_CASE("A document that cannot be read is refused by name and nothing is recorded", "[domain][sa]") {
    Tracked t;
    const QString file = t.region.dir.path(QStringLiteral("missing.pdf"));
    auto set =
        t.region.assessments->setStatus(t.cycle, t.kent, SaStatus::DraftReceived, QDate(2022, 9, 20), file);
    REQUIRE_FALSE(set.ok());
    CHECK(set.message().contains(QStringLiteral("missing.pdf")));
    CHECK(t.of(t.kent).status == SaStatus::NotStarted);
}

TEST_CASE("An authority outside the cycle's groups has no self-assessment to track", "[domain][sa]") {
    Tracked t;
    auto set =
        t.region.assessments->setStatus(t.cycle, t.outsider, SaStatus::DraftReceived, QDate(2022, 9, 20));
    REQUIRE_FALSE(set.ok());
    CHECK(set.error().kind == Error::Kind::NotFound);
}

TEST_CASE("Self-assessments are due two weeks before the day, moderation 12 to 8 weeks before",
          "[domain][sa]") {
    Cycle cycle; // the defaults
    const QDate day(2022, 11, 10);
    CHECK(selfAssessmentDue(cycle, day) == QDate(2022, 10, 27));
    CHECK(moderationOpens(cycle, day) == QDate(2022, 8, 18));
    CHECK(moderationCloses(cycle, day) == QDate(2022, 9, 15));
    CHECK_FALSE(selfAssessmentDue(cycle, QDate()).isValid());
}

TEST_CASE("Due-date settings are stored per cycle and can be changed", "[domain][sa]") {
    Tracked t;
    auto cycle = t.region.schedule->cycleById(t.cycle);
    REQUIRE(cycle.ok());
    CHECK(cycle->saDueDaysBefore == 14);
    CHECK(cycle->moderationFromWeeks == 12);
    CHECK(cycle->moderationToWeeks == 8);

    Cycle changed = *cycle;
    changed.saDueDaysBefore = 21;
    changed.moderationFromWeeks = 10;
    changed.moderationToWeeks = 6;
    REQUIRE(t.region.schedule->updateCycle(changed).ok());
    auto stored = t.region.schedule->cycleById(t.cycle);
    REQUIRE(stored.ok());
    const QDate day(2022, 11, 10);
    CHECK(selfAssessmentDue(*stored, day) == QDate(2022, 10, 20));
    CHECK(moderationOpens(*stored, day) == QDate(2022, 9, 1));
    CHECK(moderationCloses(*stored, day) == QDate(2022, 9, 29));

    changed.moderationFromWeeks = 4; // would open after it closes
    auto refused = t.region.schedule->updateCycle(changed);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == Error::Kind::InvalidInput);
}
