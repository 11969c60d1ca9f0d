#include "notes/session_note_fixture.h"
#include "notes/working_days.h"

#include <catch2/catch.hpp>
#include <functional>

using namespace balcony;

namespace {

const QString facilitator = QStringLiteral("Ruth Okafor");
const QString dcs = QStringLiteral("Priya Shah");

// A note of Kent's session brought to the given status through the workflow's own steps.
qint64 noteIn(test::SessionNoteRegion& r, NoteStatus status) {
    auto store = r.store();
    auto id =
        store.create(r.f.groupA, r.f.kent, QStringLiteral("# Kent\n\nThe budget is stable.\n"), facilitator);
    REQUIRE(id.ok());
    if (status == NoteStatus::Draft) {
        return *id;
    }
    REQUIRE(store.markSent(*id, facilitator).ok());
    if (status == NoteStatus::Amended) {
        auto sent = store.revision(*id);
        REQUIRE(sent.ok());
        auto amended = store.recordAmendment(*id, 1, sent->fingerprint,
                                             QStringLiteral("# Kent\n\nThe budget is under pressure.\n"), dcs,
                                             r.clock.utcNow(), QStringLiteral("pack-setup"));
        INFO(amended.message().toStdString());
        REQUIRE(amended.ok());
    }
    if (status == NoteStatus::Agreed || status == NoteStatus::Shared) {
        REQUIRE(store.agree(*id, dcs).ok());
    }
    if (status == NoteStatus::Shared) {
        REQUIRE(store.share(*id, dcs).ok());
    }
    auto note = store.note(*id);
    REQUIRE(note.ok());
    REQUIRE(note->status == status);
    return *id;
}

struct Step {
    const char* name;
    std::function<Status(SessionNoteStore&, qint64)> run;
    std::vector<NoteStatus> allowedFrom;
    NoteStatus to;
};

} // namespace

TEST_CASE("Every workflow step is allowed from exactly the statuses the workflow names", "[notes][session]") {
    const std::vector<Step> steps = {
        {"send",
         [](SessionNoteStore& s, qint64 id) -> Status {
             auto due = s.markSent(id, facilitator);
             return due ? Status() : Status(due.error());
         },
         {NoteStatus::Draft, NoteStatus::Amended},
         NoteStatus::Sent},
        {"agree",
         [](SessionNoteStore& s, qint64 id) { return s.agree(id, dcs); },
         {NoteStatus::Sent, NoteStatus::Amended},
         NoteStatus::Agreed},
        {"share",
         [](SessionNoteStore& s, qint64 id) { return s.share(id, dcs); },
         {NoteStatus::Agreed},
         NoteStatus::Shared},
        {"reopen",
         [](SessionNoteStore& s, qint64 id) {
             return s.reopen(id, facilitator, QStringLiteral("A name was wrong"));
         },
         {NoteStatus::Agreed, NoteStatus::Shared},
         NoteStatus::Draft},
    };
    const std::vector<NoteStatus> statuses = {NoteStatus::Draft, NoteStatus::Sent, NoteStatus::Amended,
                                              NoteStatus::Agreed, NoteStatus::Shared};
    for (const auto& step : steps) {
        for (NoteStatus from : statuses) {
            DYNAMIC_SECTION(step.name << " from " << toKey(from).toStdString()) {
                test::SessionNoteRegion r;
                const qint64 id = noteIn(r, from);
                auto store = r.store();
                const auto before = r.snapshot();
                r.clock.advanceMinutes(5);
                const Status done = step.run(store, id);
                const bool allowed = std::find(step.allowedFrom.begin(), step.allowedFrom.end(), from) !=
                                     step.allowedFrom.end();
                auto note = store.note(id);
                REQUIRE(note.ok());
                if (allowed) {
                    INFO(done.message().toStdString());
                    REQUIRE(done.ok());
                    CHECK(note->status == step.to);
                    auto recorded = store.steps(id);
                    REQUIRE(recorded.ok());
                    CHECK(recorded->back().from == from);
                    CHECK(recorded->back().to == step.to);
                    CHECK(recorded->back().atUtc == r.clock.utcNow());
                    CHECK_FALSE(recorded->back().by.isEmpty());
                } else {
                    REQUIRE_FALSE(done.ok());
                    CHECK(done.error().kind == Error::Kind::Conflict);
                    CHECK(done.message().contains(QStringLiteral("Kent")));
                    CHECK(done.message().contains(QStringLiteral("Nothing was changed")));
                    CHECK(note->status == from);
                    CHECK(r.snapshot() == before);
                }
            }
        }
    }
}

TEST_CASE("Editing saves a new revision until the note is agreed, then is refused", "[notes][session]") {
    for (NoteStatus from :
         {NoteStatus::Draft, NoteStatus::Sent, NoteStatus::Amended, NoteStatus::Agreed, NoteStatus::Shared}) {
        DYNAMIC_SECTION("edit when " << toKey(from).toStdString()) {
            test::SessionNoteRegion r;
            const qint64 id = noteIn(r, from);
            auto store = r.store();
            const auto before = r.snapshot();
            auto edited =
                store.edit(id, QStringLiteral("# Kent\n\nRewritten by the facilitator.\n"), facilitator);
            if (isLocked(from)) {
                REQUIRE_FALSE(edited.ok());
                CHECK(edited.message().contains(QStringLiteral("Reopen")));
                CHECK(r.snapshot() == before);
            } else {
                REQUIRE(edited.ok());
                auto latest = store.revision(id);
                REQUIRE(latest.ok());
                CHECK(latest->number == *edited);
                CHECK(latest->origin == RevisionOrigin::Edit);
                CHECK(latest->author == facilitator);
                CHECK(latest->fingerprint == fingerprintOf(latest->body));
            }
        }
    }
}

TEST_CASE("A reopen needs a reason, is recorded with it, and keeps the agreed revision", "[notes][session]") {
    test::SessionNoteRegion r;
    const qint64 id = noteIn(r, NoteStatus::Agreed);
    auto store = r.store();
    const auto before = r.snapshot();
    auto refused = store.reopen(id, facilitator, QStringLiteral("  "));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.message().contains(QStringLiteral("reason")));
    CHECK(r.snapshot() == before);

    REQUIRE(store.reopen(id, facilitator, QStringLiteral("The DCS asked to correct a date")).ok());
    auto steps = store.steps(id);
    REQUIRE(steps.ok());
    CHECK(steps->back().reason == QStringLiteral("The DCS asked to correct a date"));
    CHECK(steps->back().from == NoteStatus::Agreed);
    CHECK(steps->back().to == NoteStatus::Draft);
    auto edited = store.edit(id, QStringLiteral("# Kent\n\nCorrected.\n"), facilitator);
    REQUIRE(edited.ok());
    auto agreedOne = store.revision(id, 1);
    REQUIRE(agreedOne.ok());
    CHECK(agreedOne->body == QStringLiteral("# Kent\n\nThe budget is stable.\n"));
}

TEST_CASE("The facilitator cannot record an agreement of a revision the DCS has not seen",
          "[notes][session]") {
    test::SessionNoteRegion r;
    const qint64 id = noteIn(r, NoteStatus::Sent);
    auto store = r.store();
    REQUIRE(store.edit(id, QStringLiteral("# Kent\n\nChanged after sending.\n"), facilitator).ok());
    const auto before = r.snapshot();
    auto agreed = store.agree(id, dcs);
    REQUIRE_FALSE(agreed.ok());
    CHECK(agreed.message().contains(QStringLiteral("Send it again")));
    CHECK(r.snapshot() == before);
}

TEST_CASE("Plain SQL cannot change an agreed note or any revision", "[notes][session][schema]") {
    test::SessionNoteRegion r;
    const qint64 id = noteIn(r, NoteStatus::Agreed);
    auto store = r.store();
    auto agreed = store.revision(id);
    REQUIRE(agreed.ok());
    const auto before = r.snapshot();
    const QString note = QString::number(id);
    const QStringList attempts = {
        QStringLiteral("UPDATE session_note_revision SET body = 'A quieter text' WHERE note_id = %1")
            .arg(note),
        QStringLiteral("UPDATE session_note_revision SET fingerprint = '%2' WHERE note_id = %1")
            .arg(note, QString(64, u'0')),
        QStringLiteral("DELETE FROM session_note_revision WHERE note_id = %1").arg(note),
        QStringLiteral("INSERT INTO session_note_revision(note_id, number, body, author, created_at_utc, "
                       "fingerprint, origin) VALUES (%1, 2, 'Another text', 'Someone', "
                       "'2026-11-25T10:00:00.000Z', '%2', 'edit')")
            .arg(note, fingerprintOf(QStringLiteral("Another text"))),
        QStringLiteral("UPDATE session_note SET status = 'draft' WHERE id = %1").arg(note),
        QStringLiteral("UPDATE session_note SET due_on = '2027-01-01' WHERE id = %1").arg(note),
        QStringLiteral("DELETE FROM session_note WHERE id = %1").arg(note),
        QStringLiteral(
            "INSERT INTO session_note_step(note_id, number, from_status, to_status, at_utc, by_name) "
            "VALUES (%1, 99, 'agreed', 'draft', '2026-11-25T10:00:00.000Z', 'Someone')")
            .arg(note),
        QStringLiteral(
            "INSERT INTO session_note_step(note_id, number, from_status, to_status, at_utc, by_name) "
            "SELECT %1, max(number) + 1, 'agreed', 'draft', '2026-11-25T10:00:00.000Z', 'Someone' "
            "FROM session_note_step WHERE note_id = %1")
            .arg(note), // a reopen without a reason
        QStringLiteral("UPDATE session_note_step SET by_name = 'Someone else' WHERE note_id = %1").arg(note),
        QStringLiteral("DELETE FROM session_note_step WHERE note_id = %1").arg(note),
    };
    for (const QString& statement : attempts) {
        INFO(statement.toStdString());
        QSqlQuery query(r.db->sql());
        CHECK_FALSE(query.exec(statement));
    }
    CHECK(r.snapshot() == before);
    CHECK(store.revision(id)->body == agreed->body);

    // The one way back is the recorded reopen, with a reason; it moves the status itself.
    QSqlQuery reopen(r.db->sql());
    REQUIRE(
        reopen.exec(QStringLiteral("INSERT INTO session_note_step(note_id, number, from_status, to_status, "
                                   "at_utc, by_name, reason) SELECT %1, max(number) + 1, 'agreed', 'draft', "
                                   "'2026-11-25T10:00:00.000Z', 'Someone', 'Typing error' FROM "
                                   "session_note_step WHERE note_id = %1")
                        .arg(note)));
    CHECK(store.note(id)->status == NoteStatus::Draft);
    QSqlQuery stillFixed(r.db->sql());
    CHECK_FALSE(stillFixed.exec(
        QStringLiteral("UPDATE session_note_revision SET body = 'A quieter text' WHERE note_id = %1")
            .arg(note)));
}

TEST_CASE("Plain SQL cannot record an agreement of a text other than the latest revision",
          "[notes][session][schema]") {
    test::SessionNoteRegion r;
    const qint64 id = noteIn(r, NoteStatus::Sent);
    QSqlQuery query(r.db->sql());
    CHECK_FALSE(
        query.exec(QStringLiteral("INSERT INTO session_note_step(note_id, number, from_status, to_status, "
                                  "at_utc, by_name, revision, fingerprint) SELECT %1, max(number) + 1, "
                                  "'sent', 'agreed', '2026-11-25T10:00:00.000Z', 'Someone', 1, '%2' "
                                  "FROM session_note_step WHERE note_id = %1")
                       .arg(QString::number(id), QString(64, u'a'))));
    CHECK(r.store().note(id)->status == NoteStatus::Sent);
}

TEST_CASE("A note sent for review is due ten working days later and overdue after that",
          "[notes][session][due]") {
    test::SessionNoteRegion r;
    const qint64 id = noteIn(r, NoteStatus::Draft);
    auto store = r.store();
    auto due = store.markSent(id, facilitator); // Tuesday 24 November 2026
    REQUIRE(due.ok());
    CHECK(*due == QDate(2026, 12, 8));
    auto note = store.note(id);
    REQUIRE(note.ok());
    CHECK(note->dueOn == QDate(2026, 12, 8));
    CHECK_FALSE(note->isOverdue(QDate(2026, 12, 8)));
    r.clock.setUtc(QDateTime(QDate(2026, 12, 8), QTime(23, 30), Qt::UTC));
    CHECK_FALSE(store.note(id)->isOverdue(store.today())); // still 8 December in London
    r.clock.setUtc(QDateTime(QDate(2026, 12, 9), QTime(9, 0), Qt::UTC));
    CHECK(store.note(id)->isOverdue(store.today()));
    REQUIRE(store.agree(id, dcs).ok());
    CHECK_FALSE(store.note(id)->isOverdue(store.today()));
}

TEST_CASE("The cycle's own number of working days sets the due date", "[notes][session][due]") {
    test::SessionNoteRegion r;
    ScheduleStore schedule(*r.db);
    auto cycle = schedule.cycleById(r.f.cycleId);
    REQUIRE(cycle.ok());
    CHECK(cycle->noteDueWorkingDays == 10);
    cycle->noteDueWorkingDays = 5;
    REQUIRE(schedule.updateCycle(*cycle).ok());
    CHECK(schedule.cycleById(r.f.cycleId)->noteDueWorkingDays == 5);
    const qint64 id = noteIn(r, NoteStatus::Draft);
    CHECK(*r.store().markSent(id, facilitator) == QDate(2026, 12, 1));

    cycle->noteDueWorkingDays = 0;
    auto refused = schedule.updateCycle(*cycle);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.message().contains(QStringLiteral("working days")));
}

TEST_CASE("Working days skip weekends and English bank holidays", "[notes][session][due]") {
    using namespace workingdays;
    // Christmas 2026 is a Friday, so Boxing Day's holiday is Monday 28; New Year's Day 2027 a Friday.
    CHECK(addWorkingDays(QDate(2026, 12, 21), 10) == QDate(2027, 1, 7));
    CHECK(isBankHoliday(QDate(2026, 12, 25)));
    CHECK(isBankHoliday(QDate(2026, 12, 28)));
    CHECK_FALSE(isWorkingDay(QDate(2026, 12, 26)));
    // Easter 2027: Good Friday 26 March, Easter Monday 29 March.
    CHECK(isBankHoliday(QDate(2027, 3, 26)));
    CHECK(isBankHoliday(QDate(2027, 3, 29)));
    CHECK(addWorkingDays(QDate(2027, 3, 25), 1) == QDate(2027, 3, 30));
    // May and August Mondays.
    CHECK(isBankHoliday(QDate(2027, 5, 3)));
    CHECK(isBankHoliday(QDate(2027, 5, 31)));
    CHECK(isBankHoliday(QDate(2027, 8, 30)));
    CHECK_FALSE(isBankHoliday(QDate(2027, 5, 10)));
    // Christmas on a Saturday (2021) and on a Sunday (2022) move to the next weekdays.
    CHECK(isBankHoliday(QDate(2021, 12, 27)));
    CHECK(isBankHoliday(QDate(2021, 12, 28)));
    CHECK(isBankHoliday(QDate(2022, 12, 26)));
    CHECK(isBankHoliday(QDate(2022, 12, 27)));
    // One-off changes: the Jubilee moved the spring holiday in 2022, and the Coronation in 2023.
    CHECK(isBankHoliday(QDate(2022, 6, 2)));
    CHECK(isBankHoliday(QDate(2022, 6, 3)));
    CHECK_FALSE(isBankHoliday(QDate(2022, 5, 30)));
    CHECK(isBankHoliday(QDate(2023, 5, 8)));
    CHECK(addWorkingDays(QDate(2026, 11, 24), 0) == QDate(2026, 11, 24));
}
