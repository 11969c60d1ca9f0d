#include "app/frame/demo_document.h"
#include "app/frame/fake_prompter.h"
#include "document/region_document.h"
#include "engine/clock.h"
#include "helpers/disk_full.h"
#include "helpers/table_dump.h"
#include "helpers/temp_dir.h"
#include "notes/session_note_store.h"
#include "review/notes_model.h"
#include "review/notes_workspace.h"
#include "store/database.h"
#include "support/disk_full.h"

#include <QAction>
#include <QApplication>
#include <QTest>
#include <QTextEdit>
#include <catch2/catch.hpp>

// Notes and Outcomes on a full disk: Save is refused with the disk-full sentence through the
// Prompter, the typed text stays in the editor (still to be saved), and it saves once space is freed.
using namespace balcony;
using namespace balcony::test;

TEST_CASE("Saving a session note onto a full disk says so and keeps the text in the editor",
          "[review][disk-full]") {
    TempDir dir;
    const QString path = dir.path(QStringLiteral("demo.balcony"));
    writeDemoRegion(path);
    FakeClock clock{QDateTime(QDate(2022, 9, 1), QTime(9, 0), Qt::UTC)};
    auto document = openDocument(path);
    FakePrompter prompter;
    gui::NotesWorkspace workspace(prompter, &clock);
    workspace.widget()->resize(1366, 768);
    workspace.widget()->show();
    workspace.setDocument(document.get());

    qint64 noteId = 0;
    int revisionBefore = 0;
    for (const auto& n : workspace.model()->notes()) {
        if (n.authorityName == QLatin1String("Milton Keynes")) {
            noteId = n.id;
            revisionBefore = n.latestRevision;
        }
    }
    REQUIRE(noteId != 0);
    REQUIRE(workspace.selectNote(noteId));
    QTextEdit* editor = workspace.editor();
    REQUIRE_FALSE(editor->isReadOnly());

    fillDisk(document->database());
    const QStringList before = dumpEveryTable(document->database());
    QApplication::setActiveWindow(workspace.widget());
    editor->setFocus();
    editor->moveCursor(QTextCursor::End);
    editor->insertPlainText(pagesOfText(QStringLiteral("Kestrel")));
    QTest::keyClicks(editor, QStringLiteral(" Outreach agreed"));
    workspace.saveAction()->trigger();

    REQUIRE(prompter.errors.size() == 1);
    CHECK(prompter.errors.first().contains(disk_full::message(path)));
    CHECK(editor->toPlainText().endsWith(QStringLiteral("Outreach agreed")));
    CHECK(editor->document()->isModified());
    CHECK(workspace.saveAction()->isEnabled());
    CHECK(dumpEveryTable(document->database()) == before);

    // Choosing another note tries to save first; refused, the workspace stays on this note and text.
    qint64 otherId = 0;
    for (const auto& n : workspace.model()->notes()) {
        if (n.id != noteId && n.authorityName == QLatin1String("Kent")) {
            otherId = n.id;
        }
    }
    REQUIRE(otherId != 0);
    CHECK_FALSE(workspace.selectNote(otherId));
    REQUIRE(prompter.errors.size() == 2);
    CHECK(prompter.errors.last().contains(disk_full::message(path)));
    QApplication::processEvents();
    CHECK(workspace.currentNoteId() == noteId);
    CHECK(editor->toPlainText().endsWith(QStringLiteral("Outreach agreed")));
    CHECK(editor->document()->isModified());

    // Space freed: the same text saves as the next revision.
    freeDisk(document->database());
    workspace.saveAction()->trigger();
    CHECK(prompter.errors.size() == 2);
    auto latest = SessionNoteStore(document->database(), clock).revision(noteId);
    REQUIRE(latest.ok());
    CHECK(latest->number == revisionBefore + 1);
    CHECK(latest->body.contains(QStringLiteral("Outreach agreed")));
    CHECK_FALSE(editor->document()->isModified());
    workspace.setDocument(nullptr);
}
