// The DCS's window on their own note in the region (review_pack/region_review.h, docs/server.md "A
// DCS on the server"): typed amendments kept in the region, returned or agreed from the window, and
// on the test server through a DCS login that sees nothing of another LA.
#include "app/frame/fake_prompter.h"
#include "dcs/dcs_window.h"
#include "engine/clock.h"
#include "helpers/temp_dir.h"
#include "helpers/test_database.h"
#include "notes/note_fixture.h"
#include "notes/session_note_store.h"
#include "store/database.h"
#include "store/location.h"
#include "store/server_roles.h"
#include "store/sql.h"

#include <QLabel>
#include <QSettings>
#include <QTest>
#include <QTextEdit>
#include <catch2/catch.hpp>

using namespace balcony;
using balcony::gui::DcsWindow;
using balcony::test::FakePrompter;
using balcony::test::TempDir;

namespace {

const QString facilitator = QStringLiteral("Ruth Okafor");

struct RegionNote {
    TempDir dir;
    FakeClock clock{QDateTime(QDate(2026, 11, 24), QTime(10, 0), Qt::UTC)};
    FakePrompter prompter;
    QSettings settings{dir.path(QStringLiteral("settings.ini")), QSettings::IniFormat};
    QString location;
    // The facilitator's connection that made the notes (a region file admits one connection that
    // writes, so a test on a file hands it to the window).
    std::unique_ptr<Database> facilitatorDb;
    test::NoteFixture f;
    qint64 kentNote = 0;
    qint64 medwayNote = 0;

    // Notes for Kent and Medway, both sent for review, in the region at location.
    RegionNote(const QString& where, std::unique_ptr<Database> db)
        : location(where)
        , facilitatorDb(std::move(db)) {
        f = test::makeNoteFixture(*facilitatorDb);
        SessionNoteStore store(*facilitatorDb, clock);
        auto kent =
            store.create(f.groupA, f.kent, QStringLiteral("# Kent\n\nThe budget is stable.\n"), facilitator);
        auto medway =
            store.create(f.groupA, f.medway,
                         QStringLiteral("# Medway\n\nMedway's confidential workforce plan.\n"), facilitator);
        REQUIRE(kent.ok());
        REQUIRE(medway.ok());
        REQUIRE(store.markSent(*kent, facilitator).ok());
        REQUIRE(store.markSent(*medway, facilitator).ok());
        kentNote = *kent;
        medwayNote = *medway;
    }

    // Read as another program would, without writing.
    std::unique_ptr<Database> reader() {
        auto opened = Database::open(location, {.readOnly = true});
        REQUIRE(opened.ok());
        return std::move(*opened);
    }
    SessionNote note(qint64 id) {
        auto db = reader();
        auto found = SessionNoteStore(*db, clock).note(id);
        REQUIRE(found.ok());
        return *found;
    }
};

void typeAtEnd(DcsWindow& window, const QString& text) {
    window.editor()->setFocus();
    window.editor()->moveCursor(QTextCursor::End);
    QTest::keyClicks(window.editor(), text);
}

QString labelsOf(const QWidget& window) {
    QString text;
    for (const QLabel* label : window.findChildren<QLabel*>()) {
        text += label->text() + u'\n';
    }
    return text;
}

// Everything the window shows as text: its labels, the DCS's editor and the note as sent.
QString shownIn(const DcsWindow& window) {
    QString text = labelsOf(window) + window.editor()->toPlainText();
    for (const QTextEdit* view : window.findChildren<QTextEdit*>()) {
        text += u'\n' + view->toPlainText();
    }
    return text;
}

// Amends Kent's note in window and returns it; checks what the facilitator's side sees afterwards.
void amendAndReturn(RegionNote& r, DcsWindow& window) {
    CHECK(window.windowTitle() == QStringLiteral("Session note for Kent"));
    CHECK(window.editor()->toPlainText().contains(QStringLiteral("The budget is stable.")));
    window.setDcsName(QStringLiteral("Priya Shah"));
    typeAtEnd(window, QStringLiteral(" Placements cost more."));
    REQUIRE(window.flush());
    CHECK(window.saveStatusText().startsWith(QStringLiteral("Saved at")));
    // Saved in the region, not yet the facilitator's: the note is still as sent.
    CHECK(r.note(r.kentNote).status == NoteStatus::Sent);

    r.clock.advanceMinutes(3);
    r.prompter.confirmAnswer = true;
    REQUIRE(window.returnWithAmendments());
    const SessionNote kent = r.note(r.kentNote);
    CHECK(kent.status == NoteStatus::Amended);
    auto db = r.reader();
    auto latest = SessionNoteStore(*db, r.clock).revision(r.kentNote);
    REQUIRE(latest.ok());
    CHECK(latest->body.contains(QStringLiteral("Placements cost more.")));
    CHECK(latest->author == QStringLiteral("Priya Shah"));
    CHECK(window.editor()->isReadOnly());
    CHECK(labelsOf(window).contains(QStringLiteral("nothing needs to be sent")));
    CHECK(r.prompter.confirmations.last().contains(QStringLiteral("afterwards the note cannot change here")));
}

} // namespace

TEST_CASE("A DCS amends and returns their own note in the window, straight from the region", "[gui][dcs]") {
    TempDir files;
    const QString path = files.path(QStringLiteral("region.balcony"));
    auto made = Database::open(path, {.create = true});
    REQUIRE(made.ok());
    RegionNote r(path, std::move(*made));
    DcsWindow window{r.prompter, r.clock, r.settings};
    window.setServerLogin(path, QStringLiteral("Kent"));
    REQUIRE(window.openRegionNote(std::move(r.facilitatorDb), r.f.kent));
    amendAndReturn(r, window);
    // Medway's note was never the window's.
    CHECK_FALSE(shownIn(window).contains(QStringLiteral("workforce")));
    CHECK(r.note(r.medwayNote).status == NoteStatus::Sent);
}

TEST_CASE("A DCS whose note was not sent yet is told so in their window", "[gui][dcs]") {
    TempDir files;
    const QString path = files.path(QStringLiteral("region.balcony"));
    auto made = Database::open(path, {.create = true});
    REQUIRE(made.ok());
    auto f = test::makeNoteFixture(**made);
    FakeClock clock{QDateTime(QDate(2026, 11, 24), QTime(10, 0), Qt::UTC)};
    FakePrompter prompter;
    QSettings settings{files.path(QStringLiteral("settings.ini")), QSettings::IniFormat};
    DcsWindow window{prompter, clock, settings};
    window.setServerLogin(path, QStringLiteral("Surrey"));
    CHECK_FALSE(window.openRegionNote(std::move(*made), f.surrey));
    CHECK(window.review() == nullptr);
    CHECK(labelsOf(window).contains(
        QStringLiteral("No session note for Surrey has been sent for your review yet")));
}

TEST_CASE("A DCS login amends and returns its own LA's note on the server, and is refused another LA's",
          "[gui][dcs][server]") {
    if (test::testServer().isEmpty()) {
        WARN("No PostgreSQL test server (ctest runs this as gui_on_server)");
        return;
    }
    test::FreshDatabase fresh(Engine::PostgreSQL);
    RegionNote r(fresh.location(), fresh.open());
    auto location = Location::parse(fresh.location());
    REQUIRE(location.ok());
    const QString login = location->database + QStringLiteral("_kent");
    auto added = server::addUser(*r.facilitatorDb, {login, server::Role::Dcs, QStringLiteral("Kent"), {}});
    INFO((added.ok() ? QString() : added.error().message).toStdString());
    REQUIRE(added.ok());
    Location asDcs = *location;
    asDcs.user = login;
    auto mine = Database::open(asDcs.shown());
    REQUIRE(mine.ok());

    // The server itself keeps Medway's note and any working amendment of it from Kent's login.
    REQUIRE(sql::run(*r.facilitatorDb,
                     QStringLiteral(
                         "INSERT INTO dcs_amendment(note_id, revision_sent, body, dcs_name, saved_at_utc) "
                         "VALUES (?, 1, 'Medway typed this', 'Sam Lee', '2026-11-24T10:00:00.000Z')"),
                     {r.medwayNote})
                .ok());
    auto seen = sql::run(**mine, QStringLiteral("SELECT count(*) FROM dcs_amendment"));
    REQUIRE(seen.ok());
    REQUIRE(seen->next());
    CHECK(seen->value(0).toInt() == 0);
    auto medway =
        sql::run(**mine, QStringLiteral("SELECT count(*) FROM session_note_revision WHERE note_id = ?"),
                 {r.medwayNote});
    REQUIRE(medway.ok());
    REQUIRE(medway->next());
    CHECK(medway->value(0).toInt() == 0);
    // Kent's login can neither change nor remove Medway's draft: to it the row does not exist.
    auto changed =
        sql::run(**mine, QStringLiteral("UPDATE dcs_amendment SET body = 'Kent was here' WHERE note_id = ?"),
                 {r.medwayNote});
    REQUIRE(changed.ok());
    CHECK(changed->numRowsAffected() == 0);
    auto removed =
        sql::run(**mine, QStringLiteral("DELETE FROM dcs_amendment WHERE note_id = ?"), {r.medwayNote});
    REQUIRE(removed.ok());
    CHECK(removed->numRowsAffected() == 0);
    auto kept = sql::run(*r.facilitatorDb, QStringLiteral("SELECT body FROM dcs_amendment WHERE note_id = ?"),
                         {r.medwayNote});
    REQUIRE(kept.ok());
    REQUIRE(kept->next());
    CHECK(kept->value(0).toString() == QStringLiteral("Medway typed this"));

    DcsWindow window{r.prompter, r.clock, r.settings};
    window.setServerLogin(asDcs.shown(), QStringLiteral("Kent"));
    REQUIRE(window.openRegionNote(std::move(*mine), r.f.kent));
    CHECK(window.review()->isInRegion());
    CHECK(labelsOf(window).contains(asDcs.shown().toHtmlEscaped()));
    amendAndReturn(r, window);
    CHECK_FALSE(shownIn(window).contains(QStringLiteral("workforce")));
}

TEST_CASE("A DCS login whose note was not sent yet finds it with Reload once it is", "[gui][dcs][server]") {
    if (test::testServer().isEmpty()) {
        WARN("No PostgreSQL test server (ctest runs this as gui_on_server)");
        return;
    }
    test::FreshDatabase fresh(Engine::PostgreSQL);
    auto owner = fresh.open();
    const test::NoteFixture f = test::makeNoteFixture(*owner);
    auto location = Location::parse(fresh.location());
    REQUIRE(location.ok());
    const QString login = location->database + QStringLiteral("_surrey");
    REQUIRE(server::addUser(*owner, {login, server::Role::Dcs, QStringLiteral("Surrey"), {}}).ok());
    Location asDcs = *location;
    asDcs.user = login;
    auto mine = Database::open(asDcs.shown());
    REQUIRE(mine.ok());
    TempDir dir;
    FakeClock clock{QDateTime(QDate(2026, 11, 24), QTime(10, 0), Qt::UTC)};
    FakePrompter prompter;
    QSettings settings{dir.path(QStringLiteral("settings.ini")), QSettings::IniFormat};
    DcsWindow window{prompter, clock, settings};
    window.setServerLogin(asDcs.shown(), QStringLiteral("Surrey"));
    CHECK_FALSE(window.openRegionNote(std::move(*mine), f.surrey));
    CHECK(labelsOf(window).contains(
        QStringLiteral("No session note for Surrey has been sent for your review yet")));
    CHECK_FALSE(window.reload()); // still nothing

    SessionNoteStore store(*owner, clock);
    auto note =
        store.create(f.groupA, f.surrey, QStringLiteral("# Surrey\n\nEarly help is strong.\n"), facilitator);
    REQUIRE(note.ok());
    REQUIRE(store.markSent(*note, facilitator).ok());
    REQUIRE(window.reload());
    REQUIRE(window.review() != nullptr);
    CHECK(window.windowTitle() == QStringLiteral("Session note for Surrey"));
    CHECK(window.editor()->toPlainText().contains(QStringLiteral("Early help is strong.")));
}
