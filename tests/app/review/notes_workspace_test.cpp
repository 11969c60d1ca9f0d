#include "app/frame/demo_document.h"
#include "app/frame/fake_prompter.h"
#include "document/region_document.h"
#include "engine/clock.h"
#include "frame/main_window.h"
#include "frame/standard_workspaces.h"
#include "helpers/temp_dir.h"
#include "notes/note_store.h"
#include "notes/session_note_store.h"
#include "reports/document_format.h"
#include "review/notes_model.h"
#include "review/notes_workspace.h"
#include "review_pack/review_pack.h"
#include "store/database.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLocale>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QTextEdit>
#include <catch2/catch.hpp>

// Notes and Outcomes driven through its own widgets and actions on the demo region, whose cycle
// 2021-2022 has a session note in every state: Surrey shared, Wokingham agreed, Kent reopened and
// edited, East Sussex amended, Portsmouth sent and overdue, Milton Keynes a draft.
using namespace balcony;
using namespace balcony::test;

namespace {

struct NotesDesk {
    TempDir dir;
    FakeClock clock{QDateTime(QDate(2022, 9, 1), QTime(9, 0), Qt::UTC)};
    std::unique_ptr<gui::RegionDocument> document;
    FakePrompter prompter;
    std::unique_ptr<gui::NotesWorkspace> workspace;

    NotesDesk() {
        const QString path = dir.path(QStringLiteral("demo.balcony"));
        writeDemoRegion(path);
        document = openDocument(path);
        workspace = std::make_unique<gui::NotesWorkspace>(prompter, &clock);
        workspace->widget()->resize(1366, 768);
        workspace->widget()->show();
        workspace->setDocument(document.get());
    }
    ~NotesDesk() { workspace->setDocument(nullptr); }

    SessionNoteStore store() { return SessionNoteStore(document->database(), clock); }
    const SessionNote& note(const char* la) const {
        for (const auto& n : workspace->model()->notes()) {
            if (n.authorityName == QLatin1String(la)) {
                return n;
            }
        }
        FAIL("no note for " << la);
        throw std::logic_error("unreachable");
    }
    QString cell(const char* la, int column) const {
        const int row = workspace->model()->rowOf(note(la).id);
        return workspace->model()->index(row, column).data().toString();
    }
    void choose(const char* la) { REQUIRE(workspace->selectNote(note(la).id)); }
    QString status(const char* la) const { return cell(la, gui::NotesModel::StatusColumn); }
};

} // namespace

TEST_CASE("The notes list shows the demo cycle's notes in every state and marks the overdue one",
          "[review]") {
    NotesDesk desk;
    auto* cycle = desk.workspace->widget()->findChild<QComboBox*>(QStringLiteral("notesCycle"));
    REQUIRE(cycle != nullptr);
    CHECK(cycle->currentText() == QStringLiteral("2021-2022"));
    QAbstractItemModelTester tester(desk.workspace->model(),
                                    QAbstractItemModelTester::FailureReportingMode::Warning);

    CHECK(desk.status("Surrey") == displayName(NoteStatus::Shared));
    CHECK(desk.status("Wokingham") == displayName(NoteStatus::Agreed));
    CHECK(desk.status("Kent") == displayName(NoteStatus::Draft));
    CHECK(desk.status("East Sussex") == displayName(NoteStatus::Amended));
    CHECK(desk.status("Portsmouth") == displayName(NoteStatus::Sent));
    CHECK(desk.status("Milton Keynes") == displayName(NoteStatus::Draft));

    // Portsmouth's answer is long overdue (and so is East Sussex's next round): tinted, and the word
    // says so without colour.
    auto* model = desk.workspace->model();
    const int portsmouth = model->rowOf(desk.note("Portsmouth").id);
    CHECK(model->index(portsmouth, 0).data(gui::NotesModel::OverdueRole).toBool());
    CHECK(model->index(portsmouth, 0).data(Qt::BackgroundRole).isValid());
    CHECK(desk.cell("Portsmouth", gui::NotesModel::DueColumn).contains(QStringLiteral("overdue")));
    const int draft = model->rowOf(desk.note("Milton Keynes").id);
    CHECK_FALSE(model->index(draft, 0).data(gui::NotesModel::OverdueRole).toBool());
    CHECK_FALSE(model->index(draft, 0).data(Qt::BackgroundRole).isValid());
    CHECK(desk.cell("Milton Keynes", gui::NotesModel::DueColumn).isEmpty());
    CHECK(desk.cell("East Sussex", gui::NotesModel::DueColumn).contains(QStringLiteral("overdue")));
    CHECK(desk.cell("Surrey", gui::NotesModel::DueColumn).isEmpty());
    CHECK(desk.workspace->widget()
              ->findChild<QLabel*>(QStringLiteral("notesSummary"))
              ->text()
              .contains(QStringLiteral("2 overdue")));

    // Sorting by the list's header: by LA, then by the due date (the overdue notes first).
    QTableView* view = desk.workspace->notesView();
    view->sortByColumn(gui::NotesModel::LaColumn, Qt::AscendingOrder);
    CHECK(view->model()->index(0, 0).data().toString() == QStringLiteral("East Sussex"));
    CHECK(view->model()->index(5, 0).data().toString() == QStringLiteral("Wokingham"));
    view->sortByColumn(gui::NotesModel::DueColumn, Qt::AscendingOrder);
    CHECK(view->model()->index(0, 0).data(gui::NotesModel::OverdueRole).toBool());
    CHECK(view->model()->index(1, 0).data(gui::NotesModel::OverdueRole).toBool());
    CHECK_FALSE(view->model()->index(2, 0).data(gui::NotesModel::OverdueRole).toBool());
}

TEST_CASE("Typing in a note and saving makes a revision, and the list shows it without reloading the cycle",
          "[review]") {
    NotesDesk desk;
    desk.choose("Milton Keynes");
    const int before = desk.note("Milton Keynes").latestRevision;
    QTextEdit* editor = desk.workspace->editor();
    REQUIRE_FALSE(editor->isReadOnly());
    CHECK_FALSE(desk.workspace->saveAction()->isEnabled());

    QApplication::setActiveWindow(desk.workspace->widget());
    editor->setFocus();
    editor->moveCursor(QTextCursor::End);
    QTest::keyClicks(editor, QStringLiteral(" Mistyped words"));
    CHECK(editor->toPlainText().contains(QStringLiteral("Mistyped words")));
    // The editor's own undo takes the typing back.
    QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier);
    CHECK_FALSE(editor->toPlainText().contains(QStringLiteral("Mistyped words")));
    QTest::keyClicks(editor, QStringLiteral(" Kestrel outreach agreed"));
    CHECK(desk.workspace->saveAction()->isEnabled());

    QSignalSpy notes(desk.document.get(), &gui::RegionDocument::notesChanged);
    QSignalSpy schedule(desk.document.get(), &gui::RegionDocument::scheduleChanged);
    QSignalSpy cycles(desk.document.get(), &gui::RegionDocument::cyclesChanged);
    desk.workspace->saveAction()->trigger();

    CHECK(notes.count() == 1);
    CHECK(schedule.count() == 0);
    CHECK(cycles.count() == 0);
    CHECK(desk.note("Milton Keynes").latestRevision == before + 1);
    CHECK(desk.cell("Milton Keynes", gui::NotesModel::RevisionColumn) == QString::number(before + 1));
    auto latest = desk.store().revision(desk.note("Milton Keynes").id);
    REQUIRE(latest.ok());
    CHECK(latest->body.contains(QStringLiteral("Kestrel outreach agreed")));
    CHECK_FALSE(latest->body.contains(QStringLiteral("Mistyped")));
    CHECK(latest->origin == RevisionOrigin::Edit);
    // The editor keeps the text (and its place) and has nothing left to save.
    CHECK(editor->toPlainText().contains(QStringLiteral("Kestrel outreach agreed")));
    CHECK_FALSE(desk.workspace->saveAction()->isEnabled());

    // The new revision is compared with the one before, word by word.
    REQUIRE(desk.workspace->compare(before, before + 1));
    CHECK(desk.workspace->comparisonView()->toHtml().contains(QStringLiteral("Kestrel")));
}

TEST_CASE("A note someone else saved since it was opened is not overwritten: the text stays and a reload is "
          "offered",
          "[review]") {
    NotesDesk desk;
    desk.choose("Milton Keynes");
    const qint64 id = desk.note("Milton Keynes").id;
    QTextEdit* editor = desk.workspace->editor();
    QApplication::setActiveWindow(desk.workspace->widget());
    editor->setFocus();
    editor->moveCursor(QTextCursor::End);
    QTest::keyClicks(editor, QStringLiteral(" Kestrel outreach agreed"));

    // Another person (on a server, another connection) saves the same note meanwhile.
    desk.clock.advanceMinutes(7);
    const QDateTime theirSave = desk.clock.utcNow();
    const QString theirText = QStringLiteral("# Milton Keynes\n\nThe DCS's correction, by phone.\n");
    REQUIRE(desk.store().edit(id, theirText, QStringLiteral("Sam Lee")).ok());
    const int revisions = static_cast<int>(desk.store().revisions(id)->size());

    desk.prompter.confirmAnswer = false;
    desk.workspace->saveAction()->trigger();
    REQUIRE(desk.prompter.confirmations.size() == 1);
    CHECK(desk.prompter.confirmations.front().contains(
        QStringLiteral("changed by %1 at %2")
            .arg(desk.document->database().userName(),
                 QLocale::c().toString(theirSave.toLocalTime(), QStringLiteral("HH:mm")))));
    // Nothing was overwritten, and the user's text is still in the editor, still unsaved.
    CHECK(desk.store().revision(id)->body == theirText);
    CHECK(static_cast<int>(desk.store().revisions(id)->size()) == revisions);
    CHECK(editor->toPlainText().contains(QStringLiteral("Kestrel outreach agreed")));
    CHECK(desk.workspace->saveAction()->isEnabled());

    // Reloading shows their text and puts the user's on the clipboard.
    desk.prompter.confirmAnswer = true;
    desk.workspace->saveAction()->trigger();
    CHECK(desk.prompter.confirmations.size() == 2);
    CHECK(editor->toPlainText().contains(QStringLiteral("correction, by phone")));
    CHECK(QGuiApplication::clipboard()->text().contains(QStringLiteral("Kestrel outreach agreed")));
    CHECK(desk.store().revisions(id)->size() == static_cast<size_t>(revisions));

    // Based on the reloaded note, the next save goes through.
    editor->moveCursor(QTextCursor::End);
    QTest::keyClicks(editor, QStringLiteral(" Kestrel outreach agreed"));
    desk.workspace->saveAction()->trigger();
    CHECK(desk.prompter.confirmations.size() == 2);
    CHECK(desk.store().revision(id)->body.contains(QStringLiteral("Kestrel outreach agreed")));
    CHECK(desk.store().revision(id)->body.contains(QStringLiteral("correction, by phone")));
}

TEST_CASE("An agreed note cannot be edited and says why", "[review]") {
    NotesDesk desk;
    desk.choose("Wokingham");
    QTextEdit* editor = desk.workspace->editor();
    CHECK(editor->isReadOnly());
    auto* banner = desk.workspace->widget()->findChild<QLabel*>(QStringLiteral("noteLockBanner"));
    REQUIRE(banner != nullptr);
    CHECK(banner->isVisible());
    CHECK(banner->text().contains(QStringLiteral("Agreed")));
    CHECK(banner->text().contains(QStringLiteral("reopen")));
    const QString text = editor->toPlainText();
    editor->setFocus();
    QTest::keyClicks(editor, QStringLiteral("changed"));
    CHECK(editor->toPlainText() == text);
    CHECK_FALSE(desk.workspace->saveAction()->isEnabled());
    CHECK_FALSE(desk.workspace->sendAction()->isEnabled());
    CHECK(desk.workspace->reopenAction()->isEnabled());

    // A draft is open for editing and has no banner.
    desk.choose("Milton Keynes");
    CHECK_FALSE(editor->isReadOnly());
    CHECK_FALSE(banner->isVisible());
}

TEST_CASE("Reopening an agreed note asks for a reason, confirms, and records the reason", "[review]") {
    NotesDesk desk;
    desk.choose("Wokingham");
    const qint64 id = desk.note("Wokingham").id;

    // No reason given: nothing is asked further and nothing changes.
    desk.prompter.textAnswer.clear();
    desk.workspace->reopenAction()->trigger();
    CHECK(desk.prompter.textQuestions.size() == 1);
    CHECK(desk.prompter.confirmations.isEmpty());
    CHECK(desk.status("Wokingham") == displayName(NoteStatus::Agreed));

    // A reason, but the confirmation declined: still nothing.
    desk.prompter.textAnswer = QStringLiteral("The DCS found a wrong date in the actions");
    desk.prompter.confirmAnswer = false;
    desk.workspace->reopenAction()->trigger();
    CHECK(desk.prompter.confirmations.size() == 1);
    CHECK(desk.prompter.confirmations.first().contains(QStringLiteral("Wokingham")));
    CHECK(desk.status("Wokingham") == displayName(NoteStatus::Agreed));

    desk.prompter.confirmAnswer = true;
    desk.workspace->reopenAction()->trigger();
    CHECK(desk.status("Wokingham") == displayName(NoteStatus::Draft));
    auto steps = desk.store().steps(id);
    REQUIRE(steps.ok());
    CHECK(steps->back().from == NoteStatus::Agreed);
    CHECK(steps->back().reason == QStringLiteral("The DCS found a wrong date in the actions"));
    CHECK_FALSE(desk.workspace->editor()->isReadOnly());
    CHECK(desk.prompter.errors.isEmpty());
}

TEST_CASE("Send for review writes the LA's pack into the folder chosen", "[review]") {
    NotesDesk desk;
    desk.choose("Milton Keynes");
    const QString folder = desk.dir.path(QStringLiteral("packs"));
    REQUIRE(QDir().mkpath(folder));

    desk.prompter.folderAnswer.clear(); // cancelled: nothing sent
    desk.workspace->sendAction()->trigger();
    CHECK(desk.status("Milton Keynes") == displayName(NoteStatus::Draft));

    desk.prompter.folderAnswer = folder;
    desk.workspace->sendAction()->trigger();
    CHECK(desk.prompter.errors.isEmpty());
    const QStringList packs =
        QDir(folder).entryList({QStringLiteral("*") + QLatin1String(reviewPackSuffix)}, QDir::Files);
    REQUIRE(packs.size() == 1);
    CHECK(packs.first().contains(QStringLiteral("Milton Keynes")));
    CHECK(desk.status("Milton Keynes") == displayName(NoteStatus::Sent));
    CHECK_FALSE(desk.cell("Milton Keynes", gui::NotesModel::DueColumn).isEmpty());
    auto pack = openPack(QDir(folder).filePath(packs.first()));
    REQUIRE(pack.ok());
    CHECK(pack->state().sent.authorityName == QStringLiteral("Milton Keynes"));
}

TEST_CASE("A returned pack's amendments become a revision, and the comparison shows them", "[review]") {
    NotesDesk desk;
    desk.choose("Milton Keynes");
    const QString folder = desk.dir.path(QStringLiteral("packs"));
    REQUIRE(QDir().mkpath(folder));
    desk.prompter.folderAnswer = folder;
    desk.workspace->sendAction()->trigger();
    const int sent = desk.note("Milton Keynes").latestRevision;
    const QString packPath = QDir(folder).filePath(
        QDir(folder).entryList({QStringLiteral("*.balcony-review")}, QDir::Files).first());

    // The DCS amends and returns the pack in their own Balcony.
    {
        auto pack = openPack(packPath);
        REQUIRE(pack.ok());
        const QString body =
            pack->state().sent.revisionBody + QStringLiteral("\n\nOur corporate parenting panel "
                                                             "meets in June.\n");
        const QDateTime when(QDate(2022, 9, 2), QTime(15, 0), Qt::UTC);
        REQUIRE(pack->saveAmendment(body, QStringLiteral("Harriet Wren"), when).ok());
        REQUIRE(pack->returnWithAmendments(QStringLiteral("Harriet Wren"), when).ok());
    }

    desk.choose("Portsmouth"); // the import brings its note to the front
    desk.prompter.openFileAnswer = packPath;
    desk.workspace->importAction()->trigger();
    CHECK(desk.prompter.errors.isEmpty());
    CHECK(desk.workspace->currentNoteId() == desk.note("Milton Keynes").id);
    CHECK(desk.status("Milton Keynes") == displayName(NoteStatus::Amended));
    CHECK(desk.note("Milton Keynes").latestRevision == sent + 1);
    const QString html = desk.workspace->comparisonView()->toHtml();
    CHECK(desk.workspace->comparisonView()->toPlainText().contains(
        QStringLiteral("corporate parenting panel")));
    CHECK(html.contains(QStringLiteral("underline")));
    auto* header = desk.workspace->widget()->findChild<QLabel*>(QStringLiteral("comparisonHeader"));
    CHECK(header->text().contains(QStringLiteral("Harriet Wren")));
    CHECK(header->text().contains(QStringLiteral("revision %1").arg(sent)));

    // The same pack again is refused plainly, and nothing changes.
    desk.workspace->importAction()->trigger();
    REQUIRE(desk.prompter.errors.size() == 1);
    CHECK(desk.prompter.errors.first().contains(QStringLiteral("already imported")));
    CHECK(desk.note("Milton Keynes").latestRevision == sent + 1);
}

TEST_CASE("Export writes the note in the format its file name asks for, and Export All one file per LA",
          "[review]") {
    NotesDesk desk;
    desk.choose("Surrey");
    const QString odt = desk.dir.path(QStringLiteral("surrey.odt"));
    desk.prompter.saveFileAnswer = odt;
    desk.workspace->exportAction()->trigger();
    CHECK(desk.prompter.errors.isEmpty());
    QFile file(odt);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(file.read(2) == QByteArray("PK")); // a zip: an OpenDocument file

    const QString html = desk.dir.path(QStringLiteral("surrey.html"));
    desk.prompter.saveFileAnswer = html;
    desk.workspace->exportAction()->trigger();
    QFile page(html);
    REQUIRE(page.open(QIODevice::ReadOnly));
    const QByteArray text = page.readAll();
    CHECK(text.contains("Surrey"));
    CHECK_FALSE(text.contains("Wokingham's"));

    // A name typed without an extension takes the type chosen in the dialog.
    desk.prompter.saveFileAnswer = desk.dir.path(QStringLiteral("surrey-note"));
    desk.prompter.saveFilterAnswer = reports::findDocumentFormat(QStringLiteral("odt"))->nameFilter();
    desk.workspace->exportAction()->trigger();
    QFile typed(desk.dir.path(QStringLiteral("surrey-note.odt")));
    REQUIRE(typed.open(QIODevice::ReadOnly));
    CHECK(typed.read(2) == QByteArray("PK"));

    const QString folder = desk.dir.path(QStringLiteral("all"));
    REQUIRE(QDir().mkpath(folder));
    desk.prompter.folderAnswer = folder;
    REQUIRE_FALSE(desk.workspace->exportAllActions().isEmpty());
    desk.workspace->exportAllActions().first()->trigger(); // PDF, the first format
    const QStringList pdfs = QDir(folder).entryList({QStringLiteral("*.pdf")}, QDir::Files);
    CHECK(pdfs.size() == 6);
    CHECK(pdfs.contains(QStringLiteral("milton-keynes.pdf")));
}

TEST_CASE("In the main window Ctrl+Z undoes typing in the note and Ctrl+S saves it", "[review]") {
    TempDir dir;
    const QString path = dir.path(QStringLiteral("demo.balcony"));
    writeDemoRegion(path);
    FakePrompter prompter;
    QSettings settings(dir.path(QStringLiteral("s.ini")), QSettings::IniFormat);
    FakeClock clock(QDateTime(QDate(2022, 9, 1), QTime(9, 0), Qt::UTC));
    gui::MainWindow window(prompter, settings);
    gui::installStandardWorkspaces(window, prompter, {}, &clock);
    REQUIRE(window.openDatabase(path));
    window.resize(1366, 768);
    window.show();
    QApplication::setActiveWindow(&window);
    REQUIRE(window.showView(QStringLiteral("notes")));
    auto* notes = window.workspace<gui::NotesWorkspace>();
    REQUIRE(notes != nullptr);
    qint64 miltonKeynes = 0;
    for (const auto& note : notes->model()->notes()) {
        miltonKeynes = note.authorityName == QLatin1String("Milton Keynes") ? note.id : miltonKeynes;
    }
    REQUIRE(notes->selectNote(miltonKeynes));
    const int before = notes->model()->noteAt(notes->model()->rowOf(miltonKeynes))->latestRevision;

    QTextEdit* editor = notes->editor();
    editor->setFocus();
    editor->moveCursor(QTextCursor::End);
    QTest::keyClicks(editor, QStringLiteral(" Heron"));
    QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier);
    CHECK_FALSE(editor->toPlainText().contains(QStringLiteral("Heron")));
    QTest::keyClicks(editor, QStringLiteral(" Osprey"));
    QTest::keyClick(editor, Qt::Key_S, Qt::ControlModifier);
    CHECK(prompter.errors.isEmpty());
    CHECK(notes->model()->noteAt(notes->model()->rowOf(miltonKeynes))->latestRevision == before + 1);
    auto latest = SessionNoteStore(window.document()->database(), clock).revision(miltonKeynes);
    REQUIRE(latest.ok());
    CHECK(latest->body.contains(QStringLiteral("Osprey")));
    CHECK_FALSE(latest->body.contains(QStringLiteral("Heron")));
}

TEST_CASE(
    "Drafting again leaves an edited note as it is and the day's additions are shown before they are taken",
    "[review]") {
    NotesDesk desk;
    const SessionNote kent = desk.note("Kent"); // reopened and edited by the facilitator
    const int before = kent.latestRevision;
    auto edited = desk.store().revision(kent.id);
    REQUIRE(edited.ok());
    // Something more captured for Kent's session after the note was written.
    NoteStore items(desk.document->database());
    REQUIRE(items
                .capture(kent.groupId, kent.authorityId,
                         {.kind = NoteKind::Offer,
                          .theme = {},
                          .blockIndex = {},
                          .text = QStringLiteral("Kent offers its kinship care toolkit")})
                .ok());

    desk.workspace->draftAction()->trigger();
    CHECK(desk.note("Kent").latestRevision == before); // not overwritten
    CHECK(desk.workspace->widget()
              ->findChild<QLabel*>(QStringLiteral("notesSummary"))
              ->text()
              .contains(QStringLiteral("Kent")));

    desk.choose("Kent");
    desk.prompter.confirmAnswer = false; // shown, then declined: nothing taken
    desk.workspace->takeAdditionsAction()->trigger();
    REQUIRE(desk.prompter.confirmations.size() == 1);
    CHECK(desk.prompter.confirmations.first().contains(QStringLiteral("kinship care toolkit")));
    CHECK(desk.note("Kent").latestRevision == before);

    desk.prompter.confirmAnswer = true;
    desk.workspace->takeAdditionsAction()->trigger();
    CHECK(desk.note("Kent").latestRevision == before + 1);
    auto taken = desk.store().revision(kent.id);
    REQUIRE(taken.ok());
    CHECK(taken->body.contains(QStringLiteral("kinship care toolkit")));
    CHECK(taken->body.contains(QStringLiteral("The next inspection visit is expected in May.")));
    CHECK(desk.workspace->editor()->toPlainText().contains(QStringLiteral("kinship care toolkit")));
}
