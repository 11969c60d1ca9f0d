#include "app/frame/qt_catch.h"
#include "console/day_session.h"
#include "console/note_saver.h"
#include "console/notes_pane.h"
#include "document/region_document.h"
#include "engine/engine_fixture.h"
#include "helpers/disk_full.h"
#include "notes/note_store.h"
#include "support/disk_full.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>
#include <QVBoxLayout>
#include <catch2/catch.hpp>

// The console's live notes: typing is saved within a second, a burst of typing is one working
// revision that the block change seals, "Saved" shows only after the commit, and structured items
// are captured with Alt+1..Alt+6 for the presenting LA, then edited and deleted as revisions.
using namespace balcony;
using namespace balcony::gui;
using test::dayAt;

namespace {

// A triad's day in a region document, a session on a fake clock and the notes pane in a window.
struct Notes {
    test::EngineRegion region{test::triadNames()};
    GroupDay day = region.day();
    FakeClock clock{dayAt(9, 55)};
    std::unique_ptr<RegionDocument> document;
    std::unique_ptr<DaySession> session;
    QMainWindow window;
    NotesPane* pane = nullptr;

    explicit Notes(bool readOnly = false) {
        if (readOnly) {
            region.db.reset();
            auto opened = Database::open(region.databasePath(), {.readOnly = true});
            REQUIRE(opened.ok());
            region.db = std::move(*opened);
        }
        document = std::make_unique<RegionDocument>(std::move(region.db));
        auto opened = DaySession::open(document->database(), clock, region.groupId, day.plan);
        REQUIRE(opened.ok());
        session = std::move(*opened);
        pane = new NotesPane(*document, day.cycle.id, *session, clock);
        window.setCentralWidget(pane);
        window.resize(900, 700);
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        editor()->setFocus();
    }
    ~Notes() { delete window.takeCentralWidget(); }

    QPlainTextEdit* editor() { return pane->findChild<QPlainTextEdit*>(); }
    QTableWidget* items() { return pane->findChild<QTableWidget*>(); }
    QLineEdit* field(const QString& name) {
        for (auto* edit : pane->findChildren<QLineEdit*>()) {
            if (edit->accessibleName() == name) {
                return edit;
            }
        }
        FAIL("no field " << name.toStdString());
        return nullptr;
    }
    NoteStore store() { return NoteStore(document->database()); }
    std::vector<NoteItem> notesOfKind(NoteKind kind) {
        auto found = store().current(region.groupId, {.authorityId = 0, .kind = kind});
        REQUIRE(found.ok());
        return *found;
    }
    std::vector<NoteRevision> history(qint64 itemId) {
        auto revisions = store().history(itemId);
        REQUIRE(revisions.ok());
        return *revisions;
    }
    int firstPresentationBlock() {
        for (const auto& block : day.plan.timetable.blocks) {
            if (block.presenter.authorityId != 0) {
                return block.index;
            }
        }
        FAIL("the triad has no presenting block");
        return -1;
    }
};

void ok(const Status& status) {
    INFO((status.ok() ? QString() : status.message()).toStdString());
    REQUIRE(status.ok());
}

} // namespace

TEST_CASE("Typed notes show Saving… and, after flush, Saved with one revision on disk", "[console][notes]") {
    Notes n;
    CHECK(n.pane->indicatorText() == QStringLiteral("Saved"));
    QTest::keyClicks(n.editor(), QStringLiteral("Strong front door"));
    CHECK(n.pane->indicatorText() == QStringLiteral("Saving…"));
    CHECK(n.notesOfKind(NoteKind::Note).empty());

    ok(n.pane->flush());
    CHECK(n.pane->indicatorText() == QStringLiteral("Saved"));
    const auto notes = n.notesOfKind(NoteKind::Note);
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].current.content.text == QStringLiteral("Strong front door"));
    CHECK(notes[0].current.content.blockIndex == 0);
    CHECK(n.history(notes[0].id).size() == 1);
}

TEST_CASE("A burst of typing saved by the timer is one working revision, and the block change seals it",
          "[console][notes]") {
    Notes n;
    QTest::keyClicks(n.editor(), QStringLiteral("Early help"));
    CHECK(n.pane->saver().isTimerActive());
    QTRY_COMPARE_WITH_TIMEOUT(n.pane->indicatorText(), QStringLiteral("Saved"), 1000);
    QTest::keyClicks(n.editor(), QStringLiteral(" hub is well used"));
    QTRY_COMPARE_WITH_TIMEOUT(n.pane->indicatorText(), QStringLiteral("Saved"), 1000);

    auto notes = n.notesOfKind(NoteKind::Note);
    REQUIRE(notes.size() == 1);
    const qint64 id = notes[0].id;
    auto revisions = n.history(id);
    REQUIRE(revisions.size() == 1);
    CHECK(revisions[0].working);
    CHECK(revisions[0].content.text == QStringLiteral("Early help hub is well used"));

    // The next block: the note is sealed and the editor shows the new block's (empty) note.
    ok(n.session->start());
    ok(n.session->next());
    CHECK(n.pane->shownBlock() == 1);
    CHECK(n.editor()->toPlainText().isEmpty());
    revisions = n.history(id);
    REQUIRE(revisions.size() == 1);
    CHECK_FALSE(revisions[0].working);

    // Back again: the saved note is loaded, and more typing is a new revision; the sealed one stays.
    ok(n.session->previous());
    CHECK(n.editor()->toPlainText() == QStringLiteral("Early help hub is well used"));
    n.editor()->moveCursor(QTextCursor::End);
    QTest::keyClicks(n.editor(), QStringLiteral("."));
    ok(n.pane->flush());
    revisions = n.history(id);
    REQUIRE(revisions.size() == 2);
    CHECK(revisions[0].content.text == QStringLiteral("Early help hub is well used"));
    CHECK(revisions[1].content.text == QStringLiteral("Early help hub is well used."));
    CHECK(revisions[1].working);
}

TEST_CASE("Typing without a pause is still saved every half second", "[console][notes]") {
    Notes n;
    QTest::keyClicks(n.editor(), QStringLiteral("Lead"));
    n.clock.advanceMs(NoteSaver::maxWaitMs);
    QTest::keyClicks(n.editor(), QStringLiteral("s"));
    // The last key came at the deadline, so the save is due at once rather than after a pause.
    QTRY_COMPARE_WITH_TIMEOUT(n.pane->indicatorText(), QStringLiteral("Saved"), 200);
    REQUIRE(n.notesOfKind(NoteKind::Note).size() == 1);
    CHECK(n.notesOfKind(NoteKind::Note)[0].current.content.text == QStringLiteral("Leads"));
}

TEST_CASE("The indicator turns Saved only once the text is committed for any reader", "[console][notes]") {
    Notes n;
    QStringList seenOnDisk;
    QObject::connect(&n.pane->saver(), &NoteSaver::stateChanged, n.pane, [&](NoteSaver::State state) {
        if (state != NoteSaver::State::Saved) {
            return;
        }
        auto reader = Database::open(n.region.databasePath(), {.readOnly = true});
        REQUIRE(reader.ok());
        auto notes = NoteStore(**reader).current(n.region.groupId);
        REQUIRE(notes.ok());
        seenOnDisk << (notes->empty() ? QString() : notes->front().current.content.text);
    });
    QTest::keyClicks(n.editor(), QStringLiteral("Audit"));
    ok(n.pane->flush());
    CHECK(seenOnDisk == QStringList{QStringLiteral("Audit")});
}

TEST_CASE("A failed save says so in plain words and keeps the text in the editor", "[console][notes]") {
    Notes n(true); // a read-only database: every write fails
    QTest::keyClicks(n.editor(), QStringLiteral("Nothing must be lost"));
    CHECK_FALSE(n.pane->flush().ok());
    CHECK(n.pane->indicatorText().startsWith(QStringLiteral("Not saved:")));
    CHECK(n.pane->indicatorText().contains(QStringLiteral("Your text is kept here")));
    CHECK(n.editor()->toPlainText() == QStringLiteral("Nothing must be lost"));
    CHECK(n.pane->saver().hasPending());
}

TEST_CASE("Alt+4 in the notes captures an offer for the presenting LA with the theme given",
          "[console][notes]") {
    Notes n;
    const int block = n.firstPresentationBlock();
    ok(n.session->start());
    ok(n.session->jump(block));
    const qint64 presenter = n.day.plan.timetable.blocks[static_cast<size_t>(block)].presenter.authorityId;
    CHECK(n.pane->authorityId() == presenter);

    n.field(QStringLiteral("Theme for captured items"))->setText(QStringLiteral("Workforce"));
    n.editor()->setFocus();
    QTest::keyClicks(n.editor(), QStringLiteral("We will share our audit tool"));
    QTest::keyClick(n.editor(), Qt::Key_4, Qt::AltModifier);
    const auto offers = n.notesOfKind(NoteKind::Offer);
    REQUIRE(offers.size() == 1);
    CHECK(offers[0].authorityId == presenter);
    CHECK(offers[0].current.content.text == QStringLiteral("We will share our audit tool"));
    CHECK(offers[0].current.content.theme == QStringLiteral("Workforce"));
    CHECK(offers[0].current.content.blockIndex == block);
    REQUIRE(n.items()->rowCount() == 1);
    CHECK(n.items()->item(0, 0)->text() == QStringLiteral("Offer"));

    // The item field, when filled, is what Alt+3 captures (an ask); the field is then cleared.
    auto* itemField = n.field(QStringLiteral("Item to capture"));
    itemField->setFocus();
    QTest::keyClicks(itemField, QStringLiteral("Could we see your dashboard?"));
    QTest::keyClick(itemField, Qt::Key_3, Qt::AltModifier);
    const auto asks = n.notesOfKind(NoteKind::Ask);
    REQUIRE(asks.size() == 1);
    CHECK(asks[0].current.content.text == QStringLiteral("Could we see your dashboard?"));
    CHECK(itemField->text().isEmpty());
    CHECK(n.items()->rowCount() == 2);
}

TEST_CASE("Editing a captured item in place and deleting it each make a revision", "[console][notes]") {
    Notes n;
    QTest::keyClicks(n.editor(), QStringLiteral("Stable social work teams"));
    QTest::keyClick(n.editor(), Qt::Key_1, Qt::AltModifier);
    auto strengths = n.notesOfKind(NoteKind::Strength);
    REQUIRE(strengths.size() == 1);
    const qint64 id = strengths[0].id;

    n.items()->item(0, 2)->setText(QStringLiteral("Stable teams, low turnover"));
    QTRY_COMPARE(n.items()->item(0, 2)->text(), QStringLiteral("Stable teams, low turnover"));
    auto revisions = n.history(id);
    REQUIRE(revisions.size() == 2);
    CHECK(revisions[1].content.text == QStringLiteral("Stable teams, low turnover"));
    CHECK(revisions[1].content.kind == NoteKind::Strength);

    n.items()->setFocus();
    n.items()->setCurrentCell(0, 0);
    QTest::keyClick(n.items(), Qt::Key_Delete);
    CHECK(n.items()->rowCount() == 0);
    revisions = n.history(id);
    REQUIRE(revisions.size() == 3);
    CHECK(revisions[2].deleted);
    CHECK(n.notesOfKind(NoteKind::Strength).empty());
}

TEST_CASE("Ctrl+Z in the notes undoes typing only, never a board edit", "[console][notes]") {
    Notes n;
    QUndoStack board;
    board.push(new QUndoCommand(QStringLiteral("Move Slough")));
    QAction* undo = board.createUndoAction(&n.window);
    undo->setShortcut(QKeySequence::Undo);
    n.window.addAction(undo);

    n.editor()->setFocus();
    QTest::keyClicks(n.editor(), QStringLiteral("abc"));
    QTest::keyClick(n.editor(), Qt::Key_Z, Qt::ControlModifier);
    CHECK(board.index() == 1);
    CHECK(n.editor()->toPlainText() != QStringLiteral("abc"));
}

TEST_CASE("Clearing a saved note deletes it, as a revision", "[console][notes]") {
    Notes n;
    QTest::keyClicks(n.editor(), QStringLiteral("Wrong group"));
    ok(n.pane->flush());
    const qint64 id = n.notesOfKind(NoteKind::Note).at(0).id;
    n.editor()->selectAll();
    QTest::keyClick(n.editor(), Qt::Key_Backspace);
    ok(n.pane->flush());
    CHECK(n.pane->indicatorText() == QStringLiteral("Saved"));
    CHECK(n.notesOfKind(NoteKind::Note).empty());
    const auto revisions = n.history(id);
    REQUIRE(revisions.size() == 2);
    CHECK(revisions[1].deleted);
}

TEST_CASE("The capture keys work only inside the notes pane", "[console][notes]") {
    Notes n;
    auto* outside = new QLineEdit;
    auto* holder = new QWidget;
    auto* layout = new QVBoxLayout(holder);
    layout->addWidget(outside);
    layout->addWidget(n.window.takeCentralWidget());
    n.window.setCentralWidget(holder);
    holder->show();
    n.pane->show();
    QTest::keyClicks(n.editor(), QStringLiteral("A strength"));
    outside->setFocus();
    REQUIRE(outside->hasFocus());
    QTest::keyClick(outside, Qt::Key_1, Qt::AltModifier);
    CHECK(n.notesOfKind(NoteKind::Strength).empty());
    n.editor()->setFocus();
    REQUIRE(n.editor()->hasFocus());
    QTest::keyClick(n.editor(), Qt::Key_1, Qt::AltModifier);
    CHECK(n.notesOfKind(NoteKind::Strength).size() == 1);
    // The pane now lives in holder; give it back so that the fixture deletes it first.
    n.window.setCentralWidget(n.pane);
}

TEST_CASE("A note typed onto a full disk is never called saved, stays in the editor and is saved once space "
          "is freed",
          "[console][notes][disk-full]") {
    Notes n;
    Database& db = n.document->database();
    test::fillDisk(db);
    n.pane->saver().setRetryDelayMs(20); // the retry's pace, not what is checked
    const QString text = test::pagesOfText(QStringLiteral("Leads"));
    n.editor()->insertPlainText(text);
    QTest::keyClicks(n.editor(), QStringLiteral("Stable"));
    CHECK_FALSE(n.pane->flush().ok());
    CHECK(n.pane->indicatorText().startsWith(QStringLiteral("Not saved: ") + disk_full::message(db.path())));
    CHECK(n.pane->indicatorText().contains(QStringLiteral("Your text is kept here")));
    CHECK(n.editor()->toPlainText() == text + QStringLiteral("Stable"));
    CHECK(n.notesOfKind(NoteKind::Note).empty());
    CHECK(n.pane->saver().isRetrying());

    // Still full: the retry fails again and the indicator never claims Saved meanwhile.
    QStringList shown;
    QObject::connect(&n.pane->saver(), &NoteSaver::stateChanged, n.pane,
                     [&] { shown << n.pane->indicatorText(); });
    QTest::qWait(100);
    CHECK_FALSE(shown.contains(QStringLiteral("Saved")));
    CHECK(n.pane->indicatorText().startsWith(QStringLiteral("Not saved: ")));

    // Space is freed and nobody types: the retry saves it.
    test::freeDisk(db);
    QTRY_COMPARE_WITH_TIMEOUT(n.pane->indicatorText(), QStringLiteral("Saved"), 5000);
    REQUIRE(n.notesOfKind(NoteKind::Note).size() == 1);
    CHECK(n.notesOfKind(NoteKind::Note)[0].current.content.text == text + QStringLiteral("Stable"));
}
