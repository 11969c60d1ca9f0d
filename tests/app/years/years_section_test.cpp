#include "app/frame/demo_document.h"
#include "app/frame/fake_prompter.h"
#include "document/region_document.h"
#include "domain/roster_store.h"
#include "domain/schedule_store.h"
#include "engine/clock.h"
#include "helpers/temp_dir.h"
#include "notes/session_note_store.h"
#include "review/notes_workspace.h"
#include "store/database.h"
#include "years/years_section.h"

#include <QAccessible>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QTabWidget>
#include <catch2/catch.hpp>

// Over the years, a tab of Notes and Outcomes, driven through its own widgets on the demo region:
// in 2021-2022 Surrey raises workforce and budget again, Kent's note is reopened (a draft).
using namespace balcony;
using namespace balcony::test;

namespace {

struct YearsDesk {
    TempDir dir;
    FakeClock clock{QDateTime(QDate(2022, 9, 1), QTime(9, 0), Qt::UTC)};
    std::unique_ptr<gui::RegionDocument> document;
    FakePrompter prompter;
    std::unique_ptr<gui::NotesWorkspace> workspace;
    gui::YearsSection* section = nullptr;

    YearsDesk() {
        const QString path = dir.path(QStringLiteral("demo.balcony"));
        writeDemoRegion(path);
        document = openDocument(path);
        workspace = std::make_unique<gui::NotesWorkspace>(prompter, &clock);
        auto owned = std::make_unique<gui::YearsSection>();
        section = owned.get();
        workspace->addSection(std::move(owned));
        workspace->widget()->resize(1366, 768);
        workspace->widget()->show();
        workspace->setDocument(document.get());
        workspace->showView(QStringLiteral("three-years"));
    }
    ~YearsDesk() { workspace->setDocument(nullptr); }

    QWidget* page() { return section->page(); }
    QComboBox* authority() { return page()->findChild<QComboBox*>(QStringLiteral("yearsAuthority")); }
    QList<QGroupBox*> columns() { return page()->findChildren<QGroupBox*>(QStringLiteral("yearColumn")); }
    QListWidget* list(int column, const char* name) {
        auto* found = columns().at(column)->findChild<QListWidget*>(QString::fromUtf8(name));
        REQUIRE(found != nullptr);
        return found;
    }
    QStringList texts(int column, const char* name) {
        QStringList out;
        QListWidget* l = list(column, name);
        for (int i = 0; i < l->count(); ++i) {
            out << l->item(i)->text();
        }
        return out;
    }
    qint64 la(const char* name) {
        auto found = RosterStore(document->database()).authorityByName(QString::fromUtf8(name));
        REQUIRE(found.ok());
        return found->id;
    }
};

} // namespace

TEST_CASE("Over the years opens on the LA whose themes recur, its three years side by side", "[years]") {
    YearsDesk desk;
    auto* tabs = desk.workspace->widget()->findChild<QTabWidget*>(QStringLiteral("notesSections"));
    REQUIRE(tabs != nullptr);
    CHECK(tabs->currentWidget() == desk.page());
    CHECK(tabs->tabText(tabs->currentIndex()) == QStringLiteral("Over the &Years"));

    REQUIRE(desk.authority() != nullptr);
    CHECK(desk.authority()->currentText() == QStringLiteral("Surrey"));
    CHECK(desk.authority()->count() == 19); // every LA of 2021-2022
    REQUIRE(desk.columns().size() == 3);
    CHECK(desk.columns()[0]->title() == QStringLiteral("2019-2020"));
    CHECK(desk.columns()[2]->title() == QStringLiteral("2021-2022 (this year)"));
    CHECK(desk.texts(0, "yearStrengths") ==
          QStringList{QStringLiteral("A principal social worker whom practitioners trust"),
                      QStringLiteral("Honest about where practice is weak")});
    CHECK(desk.texts(0, "yearAreas") ==
          QStringList{QStringLiteral("Workforce"), QStringLiteral("Political climate")});

    // Recurring themes: the word says it, the colour only adds to it.
    CHECK(desk.texts(2, "yearAreas") == QStringList{QStringLiteral("Workforce \u2014 recurring"),
                                                    QStringLiteral("Budget \u2014 recurring")});
    QListWidgetItem* workforce = desk.list(2, "yearAreas")->item(0);
    CHECK(workforce->background().color() == gui::YearsSection::recurringColour());
    CHECK(workforce->data(Qt::AccessibleTextRole)
              .toString()
              .contains(QStringLiteral("raised in 2020-2021 too")));
    CHECK_FALSE(desk.list(0, "yearAreas")->item(0)->background().style() != Qt::NoBrush);
    CHECK(desk.texts(1, "yearAreas") ==
          QStringList{QStringLiteral("Workforce \u2014 recurring"), QStringLiteral("Budget")});
    auto* summary = desk.page()->findChild<QLabel*>(QStringLiteral("yearsSummary"));
    REQUIRE(summary != nullptr);
    CHECK(summary->text().contains(
        QStringLiteral("Raised in 2021-2022 and the year before too: Workforce, Budget.")));
}

TEST_CASE("Over the years shows a note not agreed as waiting, and follows its agreement", "[years]") {
    YearsDesk desk;
    REQUIRE(desk.section->chooseAuthority(desk.la("Kent")));
    REQUIRE(desk.columns().size() == 3);
    CHECK(desk.texts(2, "yearStrengths") == QStringList{QStringLiteral("Strong grip on data at team level")});
    CHECK(desk.texts(2, "yearAreas") == QStringList{QStringLiteral("None until the note is agreed")});
    CHECK(desk.columns()[2]
              ->findChild<QLabel*>(QStringLiteral("yearSession"))
              ->text()
              .contains(QStringLiteral("draft")));

    // The facilitator sends Kent's note again and records the DCS's agreement elsewhere in the program.
    auto cycle = ScheduleStore(desk.document->database()).cycleByName(QStringLiteral("2021-2022"));
    REQUIRE(cycle.ok());
    SessionNoteStore store(desk.document->database(), desk.clock);
    auto note = store.noteFor(cycle->id, desk.la("Kent"));
    REQUIRE(note.ok());
    REQUIRE(note->has_value());
    REQUIRE(store.markSent((*note)->id, QStringLiteral("Facilitator")).ok());
    REQUIRE(store.agree((*note)->id, QStringLiteral("Kent's DCS")).ok());
    desk.document->notifyNotesChanged(cycle->id, (*note)->groupId);

    CHECK(desk.authority()->currentText() == QStringLiteral("Kent"));
    CHECK(desk.texts(2, "yearAreas") ==
          QStringList{QStringLiteral("Meaningful indicators"), QStringLiteral("Workforce \u2014 recurring")});
}

TEST_CASE("Over the years keeps its LA when the cycle changes and says when there was no session",
          "[years]") {
    YearsDesk desk;
    auto* cycle = desk.workspace->widget()->findChild<QComboBox*>(QStringLiteral("notesCycle"));
    REQUIRE(cycle != nullptr);
    cycle->setCurrentIndex(cycle->findText(QStringLiteral("2022-2023")));
    CHECK(desk.authority()->currentText() == QStringLiteral("Surrey"));
    REQUIRE(desk.columns().size() == 3);
    CHECK(desk.columns()[0]->title() == QStringLiteral("2020-2021"));
    CHECK(desk.texts(2, "yearAreas") == QStringList{QStringLiteral("No session note")});

    // Milton Keynes met in 2021-2022 and 2022-2023 only: two years.
    REQUIRE(desk.section->chooseAuthority(desk.la("Milton Keynes")));
    CHECK(desk.columns().size() == 2);
    CHECK_FALSE(desk.section->chooseAuthority(0));
}

TEST_CASE("Every control of Over the years has an accessible name", "[years]") {
    YearsDesk desk;
    QList<QWidget*> controls;
    controls << desk.authority();
    for (auto* list : desk.page()->findChildren<QListWidget*>()) {
        controls << list;
    }
    REQUIRE(controls.size() == 7);
    for (QWidget* w : controls) {
        QAccessibleInterface* a = QAccessible::queryAccessibleInterface(w);
        REQUIRE(a != nullptr);
        INFO(w->objectName().toStdString());
        CHECK_FALSE(a->text(QAccessible::Name).trimmed().isEmpty());
    }
    CHECK(desk.list(2, "yearAreas")->accessibleName() ==
          QStringLiteral("Areas for development in 2021-2022"));
}
