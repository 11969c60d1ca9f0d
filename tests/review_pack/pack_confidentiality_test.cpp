#include "helpers/temp_dir.h"
#include "review_pack/pack_fixture.h"
#include "review_pack/review_pack.h"

#include <QFileInfo>
#include <catch2/catch.hpp>

using namespace balcony;
using namespace balcony::test;

namespace {

// A text long enough to need overflow pages (a 4 KiB page holds about 4 KB of one row), so that
// both in-page cells and freed overflow pages are checked.
QString longText(const QString& marker, int repeats) {
    QString text;
    for (int i = 0; i < repeats; ++i) {
        text += QStringLiteral("%1 paragraph %2: the partnership described its front door in detail.\n")
                    .arg(marker)
                    .arg(i);
    }
    return text;
}

} // namespace

TEST_CASE("A review pack's bytes hold no text of another LA and none of an overwritten amendment",
          "[review_pack][confidentiality]") {
    TempDir dir;
    // Both LAs' notes are in this process's memory, as when "note send" writes a pack per LA; only
    // A's goes into A's pack.
    const ReviewPackContents forA =
        packContents(QStringLiteral("Bolton"),
                     QStringLiteral("# Bolton\n\n") + longText(QStringLiteral("AQUAMARINE-7731"), 80));
    ReviewPackContents forB =
        packContents(QStringLiteral("Wigan"),
                     QStringLiteral("# Wigan\n\n") + longText(QStringLiteral("BURGUNDY-5519"), 80));
    forB.authorityId = 18;
    forB.noteId = 43;
    const QString pathA = dir.path(QStringLiteral("bolton.balcony-review"));
    const QString pathB = dir.path(QStringLiteral("wigan.balcony-review"));
    REQUIRE(createPack(pathA, forA).ok());
    REQUIRE(createPack(pathB, forB).ok());

    const QStringList overwritten = {QStringLiteral("CERULEAN-0001"), QStringLiteral("CERULEAN-0002"),
                                     QStringLiteral("CERULEAN-0003")};
    {
        auto pack = openPack(pathA);
        REQUIRE(pack.ok());
        int minute = 0;
        for (const QString& marker : overwritten) {
            // Alternately long (overflow pages) and short (one cell), so both ways of freeing are seen.
            const QString text =
                minute % 2 == 0 ? longText(marker, 60) : marker + QStringLiteral(" short amendment");
            REQUIRE(pack->saveAmendment(text, QStringLiteral("Ann Smith"), packTime(++minute)).ok());
        }
        REQUIRE(pack->saveAmendment(longText(QStringLiteral("SAFFRON-9000"), 30), QStringLiteral("Ann Smith"),
                                    packTime(++minute))
                    .ok());
        REQUIRE(pack->returnWithAmendments(QStringLiteral("Ann Smith"), packTime(++minute)).ok());
    }

    // Closed: one file, no journal left to carry old pages.
    CHECK_FALSE(QFileInfo::exists(pathA + QStringLiteral("-journal")));
    CHECK_FALSE(QFileInfo::exists(pathA + QStringLiteral("-wal")));
    const QByteArray bytes = fileAndJournals(pathA);
    REQUIRE(!bytes.isEmpty());

    // The search works: what A's pack should hold is found in its raw bytes.
    CHECK(bytes.contains(QByteArrayLiteral("AQUAMARINE-7731")));
    CHECK(bytes.contains(QByteArrayLiteral("SAFFRON-9000")));
    // Nothing of B's note, in any page, used or free.
    CHECK_FALSE(bytes.contains(QByteArrayLiteral("BURGUNDY")));
    CHECK_FALSE(bytes.contains(QByteArrayLiteral("Wigan\n")));
    // secure_delete: every replaced amendment is overwritten, in cells and in freed overflow pages.
    for (const QString& marker : overwritten) {
        INFO(marker.toStdString());
        CHECK_FALSE(bytes.contains(marker.toUtf8()));
    }
    // B's own pack holds B's note (the texts were really there to leak).
    CHECK(fileAndJournals(pathB).contains(QByteArrayLiteral("BURGUNDY-5519")));
    CHECK_FALSE(fileAndJournals(pathB).contains(QByteArrayLiteral("AQUAMARINE")));
}

TEST_CASE("A discarded amendment leaves no bytes in the review pack", "[review_pack][confidentiality]") {
    TempDir dir;
    const QString path = dir.path(QStringLiteral("bolton.balcony-review"));
    REQUIRE(createPack(path, packContents(QStringLiteral("Bolton"), QStringLiteral("As sent."))).ok());
    {
        auto pack = openPack(path);
        REQUIRE(pack.ok());
        REQUIRE(pack->saveAmendment(longText(QStringLiteral("VERMILION-4242"), 70),
                                    QStringLiteral("Ann Smith"), packTime(1))
                    .ok());
        REQUIRE(pack->discardAmendment().ok());
        REQUIRE(pack->agree(QStringLiteral("Ann Smith"), packTime(2)).ok());
    }
    const QByteArray bytes = fileAndJournals(path);
    CHECK(bytes.contains(QByteArrayLiteral("As sent.")));
    CHECK_FALSE(bytes.contains(QByteArrayLiteral("VERMILION")));
}
