#include "domain/roster_store.h"
#include "domain/schedule_store.h"
#include "helpers/temp_dir.h"
#include "notes/note_fixture.h"
#include "notes/note_target.h"
#include "store/database.h"

#include <catch2/catch.hpp>

using namespace balcony;

namespace {

// The note fixture's region plus a group "C" whose members include the Isle of Wight, a name with
// inner spaces that users type loosely.
struct Region {
    test::TempDir dir;
    std::unique_ptr<Database> db;
    test::NoteFixture f;
    qint64 wight = 0;
    qint64 groupC = 0;

    Region() {
        auto opened = Database::open(dir.path(QStringLiteral("region.balcony")), {.create = true});
        REQUIRE(opened.ok());
        db = std::move(*opened);
        f = test::makeNoteFixture(*db);
        RosterStore roster(*db);
        ScheduleStore schedule(*db);
        auto add = [&](const QString& name) {
            auto added = roster.addAuthority(name);
            REQUIRE(added.ok());
            return *added;
        };
        wight = add(QStringLiteral("Isle of Wight"));
        const qint64 hampshire = add(QStringLiteral("Hampshire"));
        const qint64 portsmouth = add(QStringLiteral("Portsmouth"));
        groupC = test::addTriad(schedule, f.cycleId, QStringLiteral("C"), {wight, hampshire, portsmouth});
    }
};

} // namespace

TEST_CASE("A note target finds an LA typed with other case and spacing", "[notes][target]") {
    Region region;
    for (const auto& typed : {QStringLiteral("isle  of wight"), QStringLiteral(" ISLE OF WIGHT "),
                              QStringLiteral("Isle\tof Wight")}) {
        INFO(typed.toStdString());
        auto target = findNoteTarget(*region.db, QStringLiteral("2026-2027"), QStringLiteral("c"), typed);
        INFO((target.ok() ? QString() : target.message()).toStdString());
        REQUIRE(target.ok());
        CHECK(target->groupId == region.groupC);
        CHECK(target->authorityId == region.wight);
        CHECK(target->authorityName == QStringLiteral("Isle of Wight"));
    }
}

TEST_CASE("A note target refuses an LA outside the group and lists the group's members", "[notes][target]") {
    Region region;
    auto target = findNoteTarget(*region.db, QStringLiteral("2026-2027"), QStringLiteral("A"),
                                 QStringLiteral("isle of wight"));
    REQUIRE_FALSE(target.ok());
    CHECK(target.error().kind == Error::Kind::InvalidInput);
    CHECK(target.message().contains(QStringLiteral("Kent, Medway, Surrey")));
}
