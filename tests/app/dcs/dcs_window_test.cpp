// The DCS's window on a review pack: real widgets, offscreen, a fake clock and a prompter that
// answers as each test arranges (issue 10, "The DCS's review, in Balcony").
#include "app/frame/fake_prompter.h"
#include "app/frame/qt_catch.h"
#include "dcs/dcs_window.h"
#include "engine/clock.h"
#include "frame/command_line.h"
#include "frame/main_window.h"
#include "helpers/temp_dir.h"
#include "review_pack/pack_fixture.h"
#include "store/database.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextEdit>
#include <catch2/catch.hpp>
#include <unistd.h>

using namespace balcony;
using balcony::gui::DcsWindow;
namespace gui = balcony::gui;
using balcony::test::FakePrompter;
using balcony::test::packContents;
using balcony::test::readAll;
using balcony::test::TempDir;

namespace {

const QString boltonBody =
    QStringLiteral("## Strengths\n\nBolton's front door is quick and warm.\n\n"
                   "## Lines of enquiry\n\n- Step-down from care\n- Voice of the child\n");
const QString wiganBody = QStringLiteral("## Strengths\n\nWigan's edge-of-care panel meets weekly.\n");

struct Fixture {
    TempDir dir;
    FakeClock clock{QDateTime(QDate(2026, 12, 2), QTime(9, 0), Qt::UTC)};
    FakePrompter prompter;
    QSettings settings{dir.path(QStringLiteral("settings.ini")), QSettings::IniFormat};
    DcsWindow window{prompter, clock, settings};

    QString makePack(const QString& la, const QString& body) {
        const QString path = dir.path(la + QStringLiteral(".balcony-review"));
        REQUIRE(createPack(path, packContents(la, body)).ok());
        return path;
    }
    QLabel* label(const char* name) const { return window.findChild<QLabel*>(QLatin1String(name)); }
    QPushButton* button(const char* name) const {
        return window.findChild<QPushButton*>(QLatin1String(name));
    }
    QString sentText() const {
        return window.findChild<QTextBrowser*>(QStringLiteral("dcsSent"))->toPlainText();
    }
    // Everything the window shows as text.
    QString shownText() const {
        QString all = window.windowTitle() + u'\n' + window.editor()->toPlainText() + u'\n' + sentText();
        for (const QLabel* each : window.findChildren<QLabel*>()) {
            all += u'\n' + each->text();
        }
        return all;
    }
    void typeAtEnd(const QString& text) {
        window.editor()->setFocus();
        window.editor()->moveCursor(QTextCursor::End);
        QTest::keyClicks(window.editor(), text);
    }
    ReviewPackState stateOf(const QString& path) const {
        auto pack = openPack(path, ReviewPack::Options{.readOnly = true});
        REQUIRE(pack.ok());
        return pack->state();
    }
};

} // namespace

TEST_CASE("Opening a review pack shows its facts and its note, and nothing else", "[dcs]") {
    Fixture f;
    const QString path = f.makePack(QStringLiteral("Bolton"), boltonBody);
    REQUIRE(f.window.openPackFile(path));
    CHECK(f.prompter.errors.isEmpty());
    const QString facts = f.label("dcsFacts")->text();
    const ReviewPackContents sent = f.stateOf(path).sent;
    CHECK(facts.contains(QStringLiteral("Bolton")));
    CHECK(facts.contains(QStringLiteral("Group 3")));
    CHECK(facts.contains(QStringLiteral("Friday 20 November 2026")));  // the group's day
    CHECK(facts.contains(QStringLiteral("Blackpool, Bolton, Wigan"))); // the group's LAs
    CHECK(facts.contains(QStringLiteral("Friday 4 December 2026")));   // due
    CHECK(facts.contains(sent.revisionFingerprint));
    CHECK(facts.contains(QStringLiteral("Autumn 2026")));
    CHECK_FALSE(facts.contains(QStringLiteral("overdue")));
    // The note, rendered from Markdown: headings and list items as text, not as ## and -.
    const QString note = f.window.editor()->toPlainText();
    CHECK(note.contains(QStringLiteral("Bolton's front door is quick and warm.")));
    CHECK(note.contains(QStringLiteral("Step-down from care")));
    CHECK_FALSE(note.contains(QStringLiteral("##")));
    CHECK(f.sentText().contains(QStringLiteral("Voice of the child")));
    CHECK(f.window.editor()->document()->firstBlock().blockFormat().headingLevel() == 2);
    CHECK(f.label("dcsDecision")->isHidden());
    CHECK(f.label("dcsBanner")->isHidden());
    CHECK_FALSE(f.window.editor()->isReadOnly());

    // Past the due date by the clock, the answer is overdue.
    f.clock.setUtc(QDateTime(QDate(2026, 12, 7), QTime(9, 0), Qt::UTC));
    REQUIRE(f.window.openPackFile(path));
    CHECK(f.label("dcsFacts")->text().contains(QStringLiteral("overdue")));
}

TEST_CASE("Typing in the note saves an amendment in the pack, only then showing Saved", "[dcs]") {
    Fixture f;
    const QString path = f.makePack(QStringLiteral("Bolton"), boltonBody);
    REQUIRE(f.window.openPackFile(path));
    f.window.setDcsName(QStringLiteral("Ann Smith"));
    const QByteArray before = readAll(path);
    f.typeAtEnd(QStringLiteral(" Thanks to Wigan."));
    // Not yet saved: the pause after the last key has not passed.
    CHECK(f.window.saveStatusText().isEmpty());
    CHECK_FALSE(f.stateOf(path).amendment.has_value());
    REQUIRE(
        QTest::qWaitFor([&] { return f.window.saveStatusText().startsWith(QStringLiteral("Saved")); }, 5000));
    CHECK(f.window.saveStatusText() == QStringLiteral("Saved at 09:00:00"));
    ReviewPackState state = f.stateOf(path);
    REQUIRE(state.amendment.has_value());
    CHECK(state.amendment->body.contains(QStringLiteral("Voice of the child Thanks to Wigan.")));
    CHECK(state.amendment->body.contains(QStringLiteral("## Strengths"))); // stored as Markdown
    CHECK(state.amendment->dcsName == QStringLiteral("Ann Smith"));
    CHECK(state.amendment->savedAtUtc == f.clock.utcNow());
    CHECK(state.decision == PackDecision::None);
    CHECK(readAll(path) != before);

    SECTION("a heading and a bulleted list are kept as Markdown") {
        // The format keys are the window's shortcuts: they reach the editor in a shown, active window.
        f.window.show();
        f.window.activateWindow();
        REQUIRE(QTest::qWaitForWindowActive(&f.window));
        f.typeAtEnd(QStringLiteral("\rNext steps"));
        f.window.editor()->moveCursor(QTextCursor::End);
        QTest::keyClick(f.window.editor(), Qt::Key_1, Qt::ControlModifier); // Format > Heading
        f.typeAtEnd(QStringLiteral("\rMeet in January"));
        QTest::keyClick(f.window.editor(), Qt::Key_8, Qt::ControlModifier | Qt::ShiftModifier);
        REQUIRE(f.window.flush());
        const QString body = f.stateOf(path).amendment->body;
        INFO(body.toStdString());
        CHECK(body.contains(QStringLiteral("## Next steps")));
        CHECK(body.contains(QStringLiteral("- Meet in January")));
    }
    SECTION("undo back to the note as sent removes the amendment") {
        while (f.window.editor()->document()->isUndoAvailable()) {
            f.window.editor()->undo();
        }
        REQUIRE(f.window.flush());
        CHECK_FALSE(f.stateOf(path).amendment.has_value());
        CHECK(f.window.saveStatusText() == QStringLiteral("Saved: the note is as sent"));
    }
    SECTION("closing the window saves what waits") {
        f.clock.advanceMinutes(2);
        f.typeAtEnd(QStringLiteral(" Last words."));
        f.window.close();
        state = f.stateOf(path);
        CHECK(state.amendment->body.contains(QStringLiteral("Last words.")));
        CHECK(state.amendment->savedAtUtc == f.clock.utcNow());
    }
}

TEST_CASE("Returning with amendments asks first, then shows the decision and how to send the file back",
          "[dcs]") {
    Fixture f;
    const QString path = f.makePack(QStringLiteral("Bolton"), boltonBody);
    REQUIRE(f.window.openPackFile(path));
    f.window.setDcsName(QStringLiteral("Ann Smith"));

    // Nothing amended: nothing to return.
    f.prompter.confirmAnswer = true;
    CHECK_FALSE(f.window.returnWithAmendments());
    REQUIRE(f.prompter.errors.size() == 1);
    CHECK(f.prompter.errors.first().contains(QStringLiteral("not amended")));
    CHECK(f.prompter.confirmations.isEmpty());

    f.typeAtEnd(QStringLiteral(" Amended."));
    f.prompter.confirmAnswer = false;
    CHECK_FALSE(f.window.returnWithAmendments());
    REQUIRE(f.prompter.confirmations.size() == 1);
    CHECK(f.prompter.confirmations.first().contains(QStringLiteral("cannot be undone")));
    CHECK(f.stateOf(path).decision == PackDecision::None);
    CHECK(f.stateOf(path).amendment.has_value()); // saved before asking

    f.clock.advanceMinutes(5);
    f.prompter.confirmAnswer = true;
    REQUIRE(f.window.returnWithAmendments());
    const ReviewPackState state = f.stateOf(path);
    CHECK(state.decision == PackDecision::Returned);
    CHECK(state.decidedBy == QStringLiteral("Ann Smith"));
    CHECK(state.decidedAtUtc == f.clock.utcNow());
    CHECK(state.amendment->body.contains(QStringLiteral("Amended.")));
    const QString decision = f.label("dcsDecision")->text();
    CHECK_FALSE(f.label("dcsDecision")->isHidden());
    CHECK(decision.contains(QStringLiteral("returned this note with your amendments")));
    CHECK(decision.contains(QStringLiteral("send the file back")));
    CHECK(decision.contains(QStringLiteral("Bolton.balcony-review")));
    CHECK(f.window.editor()->isReadOnly());
    CHECK_FALSE(f.button("dcsAgree")->isEnabled());
    CHECK_FALSE(f.button("dcsReturn")->isEnabled());
}

TEST_CASE("Agreeing the note as sent asks first and is refused while amendments wait", "[dcs]") {
    Fixture f;
    const QString path = f.makePack(QStringLiteral("Bolton"), boltonBody);
    REQUIRE(f.window.openPackFile(path));
    f.window.setDcsName(QStringLiteral("Ann Smith"));

    SECTION("no amendments") {
        f.prompter.confirmAnswer = false;
        CHECK_FALSE(f.window.agreeAsSent());
        CHECK(f.stateOf(path).decision == PackDecision::None);
        f.prompter.confirmAnswer = true;
        REQUIRE(f.window.agreeAsSent());
        CHECK(f.prompter.confirmations.size() == 2);
        CHECK(f.prompter.confirmations.last().contains(QStringLiteral("cannot be undone")));
        const ReviewPackState state = f.stateOf(path);
        CHECK(state.decision == PackDecision::Agreed);
        CHECK(state.agreedFingerprint == state.sent.revisionFingerprint);
        CHECK(
            f.label("dcsDecision")->text().contains(QStringLiteral("agreed this note as sent (revision 3)")));
        CHECK(f.window.editor()->isReadOnly());
    }
    SECTION("amendments waiting: refused unless the DCS discards them") {
        f.typeAtEnd(QStringLiteral(" My change."));
        f.prompter.confirmAnswer = false;
        CHECK_FALSE(f.window.agreeAsSent());
        REQUIRE(f.prompter.confirmations.size() == 1);
        CHECK(f.prompter.confirmations.first().startsWith(QStringLiteral("Your amendments are waiting")));
        ReviewPackState state = f.stateOf(path);
        CHECK(state.decision == PackDecision::None);
        REQUIRE(state.amendment.has_value());
        CHECK(f.window.editor()->toPlainText().contains(QStringLiteral("My change.")));

        f.prompter.confirmAnswer = true;
        REQUIRE(f.window.agreeAsSent());
        state = f.stateOf(path);
        CHECK(state.decision == PackDecision::Agreed);
        CHECK_FALSE(state.amendment.has_value());
        CHECK_FALSE(f.window.editor()->toPlainText().contains(QStringLiteral("My change.")));
    }
    SECTION("without a name nothing is decided") {
        f.window.setDcsName(QString());
        f.prompter.confirmAnswer = true;
        CHECK_FALSE(f.window.agreeAsSent());
        CHECK(f.prompter.errors.size() == 1);
        CHECK(f.stateOf(path).decision == PackDecision::None);
    }
}

TEST_CASE("A read-only review pack says why and cannot be edited", "[dcs]") {
    Fixture f;
    const QString path = f.makePack(QStringLiteral("Bolton"), boltonBody);
    const QByteArray before = readAll(path);
    REQUIRE(f.window.openPackFile(path, true));
    CHECK_FALSE(f.label("dcsBanner")->isHidden());
    CHECK(f.label("dcsBanner")->text().contains(QStringLiteral("read-only")));
    CHECK(f.window.editor()->isReadOnly());
    CHECK_FALSE(f.button("dcsAgree")->isEnabled());
    CHECK_FALSE(f.button("dcsReturn")->isEnabled());
    f.prompter.confirmAnswer = true;
    f.window.setDcsName(QStringLiteral("Ann Smith"));
    CHECK_FALSE(f.window.agreeAsSent());
    f.typeAtEnd(QStringLiteral("typed"));
    CHECK_FALSE(f.window.editor()->toPlainText().contains(QStringLiteral("typed")));
    f.window.close();
    CHECK(readAll(path) == before);

    if (::geteuid() != 0) { // root writes whatever the permissions say
        REQUIRE(QFile::setPermissions(path, QFileDevice::ReadOwner));
        REQUIRE(f.window.openPackFile(path));
        CHECK(f.label("dcsBanner")->text().contains(QStringLiteral("Bolton.balcony-review")));
        CHECK(f.window.editor()->isReadOnly());
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
}

TEST_CASE("A file that is not a good review pack is refused with a plain message and left as it was",
          "[dcs]") {
    Fixture f;
    const QString good = f.makePack(QStringLiteral("Bolton"), boltonBody);
    REQUIRE(f.window.openPackFile(good));
    QString path;
    QString expected;
    SECTION("a region file") {
        path = f.dir.path(QStringLiteral("region.balcony"));
        auto region = Database::open(path, {.create = true, .readOnly = false});
        REQUIRE(region.ok());
        expected = QStringLiteral("this is a region file, not a review pack");
    }
    SECTION("not a pack at all") {
        path = f.dir.path(QStringLiteral("letter.balcony-review"));
        test::writeFile(path, QByteArrayLiteral("Dear Ann, please find the note attached.\n"));
        expected = QStringLiteral("not a review pack");
    }
    SECTION("damaged") {
        path = f.makePack(QStringLiteral("Wigan"), wiganBody);
        const QByteArray bytes = readAll(path);
        test::writeFile(path, bytes.left(bytes.size() / 2));
        expected = QStringLiteral("damaged");
    }
    SECTION("of a newer format") {
        path = f.makePack(QStringLiteral("Wigan"), wiganBody);
        REQUIRE(test::execRaw(path, QStringLiteral("PRAGMA user_version = 2")).isEmpty());
        expected = QStringLiteral("newer Balcony");
    }
    const QByteArray before = readAll(path);
    CHECK_FALSE(f.window.openPackFile(path));
    REQUIRE(f.prompter.errors.size() == 1);
    CHECK(f.prompter.errors.first().contains(expected));
    CHECK(f.prompter.errors.first().contains(QFileInfo(path).fileName()));
    CHECK(readAll(path) == before);
    // The pack shown before is still shown.
    REQUIRE(f.window.review() != nullptr);
    CHECK(f.window.review()->where() == good);
    CHECK(f.window.editor()->toPlainText().contains(QStringLiteral("Bolton's front door")));
}

TEST_CASE("The window never shows text from a pack opened before", "[dcs]") {
    Fixture f;
    const QString bolton = f.makePack(QStringLiteral("Bolton"), boltonBody);
    const QString wigan = f.makePack(QStringLiteral("Wigan"), wiganBody);
    REQUIRE(f.window.openPackFile(bolton));
    f.window.setDcsName(QStringLiteral("Ann Smith"));
    f.typeAtEnd(QStringLiteral(" Bolton's own amendment."));
    REQUIRE(f.window.openPackFile(wigan));
    // Bolton's waiting change went into Bolton's pack, not Wigan's.
    CHECK(f.stateOf(bolton).amendment->body.contains(QStringLiteral("Bolton's own amendment.")));
    CHECK_FALSE(f.stateOf(wigan).amendment.has_value());
    const QString shown = f.shownText();
    CHECK(shown.contains(QStringLiteral("Wigan's edge-of-care panel")));
    CHECK_FALSE(shown.contains(QStringLiteral("Bolton's")));
    CHECK_FALSE(shown.contains(QStringLiteral("Step-down")));
    // Undo cannot bring Bolton's text back into Wigan's note.
    CHECK_FALSE(f.window.editor()->document()->isUndoAvailable());
    f.window.editor()->undo();
    CHECK_FALSE(f.window.editor()->toPlainText().contains(QStringLiteral("Bolton")));
    REQUIRE(f.window.flush());
    CHECK_FALSE(f.stateOf(wigan).amendment.has_value());
}

TEST_CASE("File > Open in the main window hands a review pack to the DCS's window, opening no region",
          "[dcs]") {
    Fixture f;
    const QString path = f.makePack(QStringLiteral("Bolton"), boltonBody);
    gui::MainWindow main(f.prompter, f.settings);
    QStringList handed;
    main.setReviewPackOpener([&handed](const QString& pack) { handed << pack; });
    QAction* open = nullptr;
    for (QAction* menu : main.menuBar()->actions()) {
        for (QAction* action : menu->menu() != nullptr ? menu->menu()->actions() : QList<QAction*>{}) {
            if (action->text() == QStringLiteral("&Open...")) {
                open = action;
            }
        }
    }
    REQUIRE(open != nullptr);
    f.prompter.openFileAnswer = path;
    open->trigger();
    CHECK(handed == QStringList{path});
    CHECK(main.document() == nullptr);
    CHECK(f.prompter.errors.isEmpty());
}

TEST_CASE("balcony PACK names the review pack to open, and a second file is refused", "[dcs]") {
    int exitCode = -1;
    const QStringList views{QStringLiteral("schedule"), QStringLiteral("dcs-pack")};
    auto one = gui::parseCommandLine({QStringLiteral("balcony"), QStringLiteral("Kent.balcony-review")},
                                     views, exitCode);
    REQUIRE(one.has_value());
    CHECK(one->packPath == QStringLiteral("Kent.balcony-review"));
    CHECK(exitCode == 0);
    auto two = gui::parseCommandLine(
        {QStringLiteral("balcony"), QStringLiteral("a.balcony-review"), QStringLiteral("b.balcony-review")},
        views, exitCode);
    CHECK_FALSE(two.has_value());
    CHECK(exitCode == 2);
}

TEST_CASE("A change that cannot be saved says why, and an answer given elsewhere is shown", "[dcs]") {
    Fixture f;
    const QString path = f.makePack(QStringLiteral("Bolton"), boltonBody);
    REQUIRE(f.window.openPackFile(path));

    // No name yet: nothing is saved, and the window says what is missing.
    f.typeAtEnd(QStringLiteral(" Unsigned."));
    CHECK_FALSE(f.window.flush());
    CHECK(f.window.saveStatusText().contains(QStringLiteral("type your name")));
    CHECK_FALSE(f.stateOf(path).amendment.has_value());
    f.window.setDcsName(QStringLiteral("Ann Smith"));
    REQUIRE(f.window.flush());
    CHECK(f.stateOf(path).amendment.has_value());

    // Another Balcony returns the pack meanwhile: the next save is refused and that answer shown.
    {
        auto other = openPack(path);
        REQUIRE(other.ok());
        REQUIRE(other->returnWithAmendments(QStringLiteral("Bo Jones"), f.clock.utcNow()).ok());
    }
    const QByteArray answered = readAll(path);
    f.typeAtEnd(QStringLiteral(" Too late."));
    CHECK_FALSE(f.window.flush());
    CHECK(f.window.saveStatusText() == QStringLiteral("Not saved"));
    CHECK(f.label("dcsDecision")->text().contains(QStringLiteral("Bo Jones")));
    CHECK(f.window.editor()->isReadOnly());
    CHECK(readAll(path) == answered);
}

TEST_CASE("The DCS's window fits a 1280x720 screen", "[dcs][screens]") {
    Fixture f;
    REQUIRE(f.window.openPackFile(f.makePack(QStringLiteral("Bolton"), boltonBody)));
    const QSize needed = f.window.minimumSizeHint();
    CHECK(needed.width() <= 1280);
    CHECK(needed.height() <= 720 - 60); // room for a title bar and a panel
}
