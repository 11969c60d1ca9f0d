#include "app/frame/demo_document.h"
#include "app/frame/fake_prompter.h"
#include "document/region_document.h"
#include "domain/schedule_store.h"
#include "engine/clock.h"
#include "helpers/temp_dir.h"
#include "notes/note_store.h"
#include "outcomes/action_plan.h"
#include "outcomes/action_plans_section.h"
#include "outcomes/asks_offers.h"
#include "outcomes/asks_offers_section.h"
#include "outcomes/matching.h"
#include "outcomes/priorities.h"
#include "outcomes/priorities_section.h"
#include "questions/day_questions.h"
#include "review/notes_workspace.h"
#include "store/database.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>
#include <catch2/catch.hpp>

// The outcomes pages of Notes and Outcomes driven through their own widgets on the demo region,
// whose 2022-2023 cycle has asks and offers (one match confirmed: Portsmouth's ask, Hampshire's
// offer), the groups' priorities and the LAs' action plans (one carried in from 2021-2022).
using namespace balcony;
using namespace balcony::test;

namespace {

struct OutcomesDesk {
    TempDir dir;
    FakeClock clock{QDateTime(QDate(2023, 4, 3), QTime(9, 0), Qt::UTC)};
    std::unique_ptr<gui::RegionDocument> document;
    FakePrompter prompter;
    std::unique_ptr<gui::NotesWorkspace> workspace;
    gui::AsksOffersSection* asksOffers = nullptr;
    gui::PrioritiesSection* priorities = nullptr;
    gui::ActionPlansSection* plans = nullptr;
    QStringList messages;
    qint64 cycleId = 0;

    OutcomesDesk() {
        const QString path = dir.path(QStringLiteral("demo.balcony"));
        writeDemoRegion(path);
        document = openDocument(path);
        document->setClock(clock);
        workspace = std::make_unique<gui::NotesWorkspace>(prompter, &clock);
        auto ownAsks = std::make_unique<gui::AsksOffersSection>(prompter, &clock);
        auto ownPriorities = std::make_unique<gui::PrioritiesSection>(prompter);
        auto ownPlans = std::make_unique<gui::ActionPlansSection>(prompter, &clock);
        asksOffers = ownAsks.get();
        priorities = ownPriorities.get();
        plans = ownPlans.get();
        workspace->addSection(std::move(ownAsks));
        workspace->addSection(std::move(ownPriorities));
        workspace->addSection(std::move(ownPlans));
        QObject::connect(workspace.get(), &gui::Workspace::statusMessage,
                         [this](const QString& text, int) { messages << text; });
        workspace->widget()->resize(1366, 768);
        workspace->widget()->show();
        workspace->setDocument(document.get());
        auto cycle = ScheduleStore(document->database()).cycleByName(QStringLiteral("2022-2023"));
        REQUIRE(cycle.ok());
        cycleId = cycle->id;
        REQUIRE(workspace->selectCycle(cycleId));
    }
    ~OutcomesDesk() { workspace->setDocument(nullptr); }

    void show(gui::OutcomesSection* section) {
        workspace->sectionTabs()->setCurrentWidget(section->page());
        QApplication::setActiveWindow(workspace->widget());
    }
    outcomes::AskOffer entry(const char* la, NoteKind kind) {
        for (const auto& item : asksOffers->entries()) {
            if (item.authorityName == QLatin1String(la) && item.kind == kind) {
                return item;
            }
        }
        FAIL("no entry of " << la);
        throw std::logic_error("unreachable");
    }
    outcomes::AskOffer stored(qint64 itemId) {
        auto item = outcomes::AskOfferRegister(document->database(), clock).item(itemId);
        REQUIRE(item.ok());
        return *item;
    }
    int revisions(qint64 itemId) {
        auto history = NoteStore(document->database()).history(itemId);
        REQUIRE(history.ok());
        return int(history->size());
    }
    QPushButton* button(const char* name) {
        auto* found = workspace->widget()->findChild<QPushButton*>(QLatin1String(name));
        REQUIRE(found != nullptr);
        return found;
    }
    QStringList groupOrder() {
        QStringList texts;
        auto list = outcomes::PriorityStore(document->database())
                        .ofGroup(priorities->groupChoice()->currentData().toLongLong());
        REQUIRE(list.ok());
        for (const auto& p : *list) {
            texts << p.text;
        }
        return texts;
    }
};

} // namespace

TEST_CASE("The register shows the cycle's asks and offers, filtered by LA, kind and status", "[outcomes]") {
    OutcomesDesk desk;
    QTableWidget* table = desk.asksOffers->registerView();
    CHECK(table->rowCount() == 13);
    CHECK(table->accessibleName() == QStringLiteral("The cycle's asks and offers"));

    auto* la = desk.workspace->widget()->findChild<QComboBox*>(QStringLiteral("asksOffersLaFilter"));
    la->setCurrentIndex(la->findText(QStringLiteral("Kent")));
    REQUIRE(table->rowCount() == 1);
    CHECK(table->item(0, 0)->text() == QStringLiteral("Kent"));
    la->setCurrentIndex(0);

    auto* kind = desk.workspace->widget()->findChild<QComboBox*>(QStringLiteral("asksOffersKindFilter"));
    kind->setCurrentIndex(kind->findText(QStringLiteral("Offers")));
    CHECK(table->rowCount() == 7);
    kind->setCurrentIndex(0);

    auto* status = desk.workspace->widget()->findChild<QComboBox*>(QStringLiteral("asksOffersStatusFilter"));
    status->setCurrentIndex(status->findText(QStringLiteral("matched")));
    REQUIRE(table->rowCount() == 2); // Portsmouth's ask and Hampshire's offer
    QStringList las{table->item(0, 0)->text(), table->item(1, 0)->text()};
    las.sort();
    CHECK(las == QStringList{QStringLiteral("Hampshire"), QStringLiteral("Portsmouth")});
}

TEST_CASE("A new wording is undone with Ctrl+Z as a further revision and redone with Ctrl+Shift+Z",
          "[outcomes]") {
    OutcomesDesk desk;
    desk.show(desk.asksOffers);
    const outcomes::AskOffer ask = desk.entry("Wokingham", NoteKind::Ask);
    const int before = desk.revisions(ask.itemId);
    REQUIRE(desk.asksOffers->selectEntry(ask.itemId));

    auto* theme = desk.workspace->widget()->findChild<QLineEdit*>(QStringLiteral("asksOffersTheme"));
    auto* text = desk.workspace->widget()->findChild<QPlainTextEdit*>(QStringLiteral("asksOffersText"));
    theme->setText(QStringLiteral("workforce stability"));
    text->setPlainText(
        QStringLiteral("Keeping our newly qualified social workers beyond their second year."));
    QSignalSpy notes(desk.document.get(), &gui::RegionDocument::notesChanged);
    QTest::mouseClick(desk.button("asksOffersSaveWording"), Qt::LeftButton);

    CHECK(notes.count() == 1);
    CHECK(desk.stored(ask.itemId).text == QStringLiteral("Keeping our newly qualified social workers beyond "
                                                         "their second year."));
    CHECK(desk.stored(ask.itemId).theme == QStringLiteral("workforce stability"));
    CHECK(desk.revisions(ask.itemId) == before + 1);
    CHECK(desk.messages.last().contains(QStringLiteral("revision")));
    // The table shows the new wording without a reload of the cycle.
    const int row = desk.asksOffers->registerView()->currentRow();
    CHECK(desk.asksOffers->registerView()->item(row, 6)->text().startsWith(QStringLiteral("Keeping")));

    // Undo from the keyboard while the register has the focus: the earlier wording comes back as a
    // further revision, so the history keeps both.
    desk.asksOffers->registerView()->setFocus();
    QTest::keyClick(desk.asksOffers->registerView(), Qt::Key_Z, Qt::ControlModifier);
    CHECK(desk.stored(ask.itemId).text == ask.text);
    CHECK(desk.stored(ask.itemId).theme == ask.theme);
    CHECK(desk.revisions(ask.itemId) == before + 2);
    CHECK(theme->text() == ask.theme);

    QTest::keyClick(desk.asksOffers->registerView(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    CHECK(desk.stored(ask.itemId).theme == QStringLiteral("workforce stability"));
    CHECK(desk.revisions(ask.itemId) == before + 3);
    CHECK(desk.prompter.errors.isEmpty());
}

TEST_CASE("A new wording of an ask someone else changed since is refused, naming them, and keeps the typing",
          "[outcomes]") {
    OutcomesDesk desk;
    desk.show(desk.asksOffers);
    const outcomes::AskOffer ask = desk.entry("Wokingham", NoteKind::Ask);
    const int before = desk.revisions(ask.itemId);
    REQUIRE(desk.asksOffers->selectEntry(ask.itemId));
    auto* theme = desk.workspace->widget()->findChild<QLineEdit*>(QStringLiteral("asksOffersTheme"));
    auto* text = desk.workspace->widget()->findChild<QPlainTextEdit*>(QStringLiteral("asksOffersText"));
    const QString typed =
        QStringLiteral("Keeping our newly qualified social workers beyond their second year.");
    theme->setText(QStringLiteral("workforce stability"));
    text->setPlainText(typed);
    // Someone else (on a server, another connection) closes the ask meanwhile.
    outcomes::AskOfferRegister store(desk.document->database(), desk.clock);
    REQUIRE(store.setStatus(ask.itemId, outcomes::AskOfferStatus::Closed).ok());

    QTest::mouseClick(desk.button("asksOffersSaveWording"), Qt::LeftButton);
    REQUIRE(desk.prompter.errors.size() == 1);
    const QString at = QLocale::c().toString(desk.clock.utcNow().toLocalTime(), QStringLiteral("HH:mm"));
    CHECK(desk.prompter.errors.front().contains(
        QStringLiteral("changed by %1 at %2").arg(desk.document->database().userName(), at)));
    // Nothing was written; their change shows; what was typed is still in the editor.
    CHECK(desk.revisions(ask.itemId) == before);
    CHECK(desk.stored(ask.itemId).text == ask.text);
    CHECK(desk.stored(ask.itemId).status == outcomes::AskOfferStatus::Closed);
    const int row = desk.asksOffers->registerView()->currentRow();
    REQUIRE(row >= 0);
    CHECK(desk.asksOffers->entries()[size_t(row)].itemId == ask.itemId);
    CHECK(desk.asksOffers->entries()[size_t(row)].status == outcomes::AskOfferStatus::Closed);
    CHECK(theme->text() == QStringLiteral("workforce stability"));
    CHECK(text->toPlainText() == typed);

    // Saved again, now based on their change, it goes through.
    QTest::mouseClick(desk.button("asksOffersSaveWording"), Qt::LeftButton);
    CHECK(desk.prompter.errors.size() == 1);
    CHECK(desk.stored(ask.itemId).text == typed);
    CHECK(desk.stored(ask.itemId).status == outcomes::AskOfferStatus::Closed);
}

TEST_CASE("Status and kind of help are set from the page and undone", "[outcomes]") {
    OutcomesDesk desk;
    const outcomes::AskOffer ask = desk.entry("Kent", NoteKind::Ask);
    REQUIRE(desk.asksOffers->selectEntry(ask.itemId));
    CHECK(desk.asksOffers->setStatus(outcomes::AskOfferStatus::Closed));
    CHECK(desk.stored(ask.itemId).status == outcomes::AskOfferStatus::Closed);
    CHECK(desk.asksOffers->setSupportKind(QStringLiteral("leadership-development")));
    CHECK(desk.stored(ask.itemId).supportKind == QStringLiteral("leadership-development"));
    auto* support = desk.workspace->widget()->findChild<QComboBox*>(QStringLiteral("asksOffersSupport"));
    CHECK(support->currentData().toString() == QStringLiteral("leadership-development"));

    desk.asksOffers->undoStack()->undo();
    CHECK(desk.stored(ask.itemId).supportKind == ask.supportKind);
    desk.asksOffers->undoStack()->undo();
    CHECK(desk.stored(ask.itemId).status == outcomes::AskOfferStatus::Open);

    // An offer has no kind of help: the page does not offer it.
    REQUIRE(desk.asksOffers->selectEntry(desk.entry("Medway", NoteKind::Offer).itemId));
    CHECK_FALSE(support->isEnabled());
}

TEST_CASE("Undo never writes over a change someone else made to the ask since", "[outcomes]") {
    OutcomesDesk desk;
    const outcomes::AskOffer ask = desk.entry("Kent", NoteKind::Ask);
    REQUIRE(desk.asksOffers->selectEntry(ask.itemId));
    REQUIRE(desk.asksOffers->setStatus(outcomes::AskOfferStatus::Closed));
    // Someone else (on a server, another connection) tags the ask meanwhile.
    outcomes::AskOfferRegister store(desk.document->database(), desk.clock);
    REQUIRE(store.setSupportKind(ask.itemId, QStringLiteral("leadership-development")).ok());

    desk.asksOffers->undoStack()->undo();
    REQUIRE(desk.prompter.errors.size() == 1);
    CHECK(desk.prompter.errors.front().contains(QStringLiteral("changed by")));
    CHECK(desk.stored(ask.itemId).status == outcomes::AskOfferStatus::Closed);
    CHECK(desk.stored(ask.itemId).supportKind == QStringLiteral("leadership-development"));

    // Undo and redo of the page's own changes, with nobody else's between, still go through.
    REQUIRE(desk.asksOffers->selectEntry(ask.itemId));
    REQUIRE(desk.asksOffers->setStatus(outcomes::AskOfferStatus::Open));
    desk.asksOffers->undoStack()->undo();
    CHECK(desk.stored(ask.itemId).status == outcomes::AskOfferStatus::Closed);
    desk.asksOffers->undoStack()->redo();
    CHECK(desk.stored(ask.itemId).status == outcomes::AskOfferStatus::Open);
    CHECK(desk.prompter.errors.size() == 1);
}

TEST_CASE("An ask added after the day joins the register, and empty text is refused with nothing written",
          "[outcomes]") {
    OutcomesDesk desk;
    const size_t before = desk.asksOffers->entries().size();
    auto* la = desk.workspace->widget()->findChild<QComboBox*>(QStringLiteral("asksOffersAddLa"));
    la->setCurrentIndex(la->findText(QStringLiteral("Slough")));
    desk.workspace->widget()
        ->findChild<QLineEdit*>(QStringLiteral("asksOffersAddTheme"))
        ->setText(QStringLiteral("budget"));
    CHECK_FALSE(desk.asksOffers->addEntry()); // no text
    CHECK(desk.prompter.errors.size() == 1);
    CHECK(desk.asksOffers->entries().size() == before);

    desk.workspace->widget()
        ->findChild<QLineEdit*>(QStringLiteral("asksOffersAddText"))
        ->setText(QStringLiteral("Help to commission a small children's home with a neighbour"));
    CHECK(desk.asksOffers->addEntry());
    CHECK(desk.asksOffers->entries().size() == before + 1);
    // The new one is chosen, ready to be tagged.
    const int row = desk.asksOffers->registerView()->currentRow();
    CHECK(desk.asksOffers->registerView()->item(row, 0)->text() == QStringLiteral("Slough"));
    CHECK(desk.asksOffers->registerView()->item(row, 6)->text().startsWith(
        QStringLiteral("Help to commission")));
    CHECK(desk.messages.last().contains(QStringLiteral("Added")));
}

TEST_CASE("Confirming a suggested match makes a follow-up, which is marked done", "[outcomes]") {
    OutcomesDesk desk;
    desk.show(desk.asksOffers);
    const auto& suggestions = desk.asksOffers->suggestions();
    int slough = -1;
    for (int i = 0; i < int(suggestions.size()); ++i) {
        if (suggestions[size_t(i)].ask.authorityName == QStringLiteral("Slough") &&
            suggestions[size_t(i)].offer.authorityName == QStringLiteral("Brighton and Hove")) {
            slough = i;
        }
    }
    REQUIRE(slough >= 0);
    // The score and the reason in words are shown beside the pair.
    QTableWidget* view = desk.asksOffers->suggestionsView();
    CHECK(view->item(slough, 0)->text() == QString::number(suggestions[size_t(slough)].score, 'f', 2));
    CHECK(view->item(slough, 3)->text().contains(QStringLiteral("same theme: leading with others")));
    const size_t before = desk.asksOffers->followUps().size();

    view->selectRow(slough);
    auto* owner = desk.workspace->widget()->findChild<QLineEdit*>(QStringLiteral("asksOffersOwner"));
    CHECK(owner->text() == QStringLiteral("Programme office")); // the default
    owner->setText(QStringLiteral("Head of commissioning, Brighton and Hove"));
    QTest::mouseClick(desk.button("asksOffersConfirm"), Qt::LeftButton);

    REQUIRE(desk.asksOffers->followUps().size() == before + 1);
    const auto& followUps = desk.asksOffers->followUps();
    auto made = std::find_if(followUps.begin(), followUps.end(), [](const outcomes::FollowUp& f) {
        return f.askingAuthority == QStringLiteral("Slough");
    });
    REQUIRE(made != followUps.end());
    CHECK(made->offeringAuthority == QStringLiteral("Brighton and Hove"));
    CHECK(made->owner == QStringLiteral("Head of commissioning, Brighton and Hove"));
    CHECK(made->due == QDate(2023, 7, 3)); // three months from the day on the clock
    CHECK(made->status == outcomes::FollowUpStatus::Open);
    // The pair is suggested no more, and both entries are matched.
    for (const auto& s : desk.asksOffers->suggestions()) {
        CHECK_FALSE((s.ask.itemId == made->askItemId && s.offer.itemId == made->offerItemId));
    }
    CHECK(desk.stored(made->askItemId).status == outcomes::AskOfferStatus::Matched);
    CHECK(desk.messages.last().startsWith(QStringLiteral("Confirmed")));

    const int row = int(made - followUps.begin());
    QTableWidget* table = desk.asksOffers->followUpsView();
    CHECK(table->item(row, 2)->text() == QStringLiteral("Head of commissioning, Brighton and Hove"));
    table->selectRow(row);
    QTest::mouseClick(desk.button("asksOffersToggleFollowUp"), Qt::LeftButton);
    CHECK(desk.asksOffers->followUps()[size_t(row)].status == outcomes::FollowUpStatus::Done);
    CHECK(table->item(row, 4)->text() == QStringLiteral("done"));
}

TEST_CASE("Dismissing a match asks first and then leaves it out", "[outcomes]") {
    OutcomesDesk desk;
    const size_t before = desk.asksOffers->suggestions().size();
    REQUIRE(before > 0);
    desk.prompter.confirmAnswer = false;
    CHECK_FALSE(desk.asksOffers->dismissSuggestion(0));
    CHECK(desk.asksOffers->suggestions().size() == before);
    desk.prompter.confirmAnswer = true;
    const auto first = desk.asksOffers->suggestions().front();
    CHECK(desk.asksOffers->dismissSuggestion(0));
    for (const auto& s : desk.asksOffers->suggestions()) {
        CHECK_FALSE((s.ask.itemId == first.ask.itemId && s.offer.itemId == first.offer.itemId));
    }
}

TEST_CASE("A group's priorities are reordered by keys and by a drop, and the merged list joins and splits",
          "[outcomes]") {
    OutcomesDesk desk;
    desk.show(desk.priorities);
    QListWidget* list = desk.priorities->groupList();
    REQUIRE(desk.priorities->groupChoice()->currentText().startsWith(QStringLiteral("Group 1")));
    REQUIRE(list->count() == 3);
    const QStringList start = desk.groupOrder();
    CHECK(list->item(0)->text() == start[0]);

    // Alt+Up on the third moves it to second place, in the store as on the screen.
    list->setFocus();
    list->setCurrentRow(2);
    QTest::keyClick(list, Qt::Key_Up, Qt::AltModifier);
    CHECK(desk.groupOrder() == QStringList{start[0], start[2], start[1]});
    CHECK(list->currentRow() == 1);
    QTest::keyClick(list, Qt::Key_Down, Qt::AltModifier);
    CHECK(desk.groupOrder() == start);

    // A drag and drop moves the item within the list's model: the order is stored from that.
    REQUIRE(list->model()->moveRow(QModelIndex(), 0, QModelIndex(), 3));
    CHECK(desk.groupOrder() == QStringList{start[1], start[2], start[0]});

    // Added at the end, renamed in place, removed after a question.
    desk.workspace->widget()
        ->findChild<QLineEdit*>(QStringLiteral("prioritiesNewText"))
        ->setText(QStringLiteral("Shared training for independent reviewing officers"));
    CHECK(desk.priorities->addPriority());
    CHECK(desk.groupOrder().last() == QStringLiteral("Shared training for independent reviewing officers"));
    list->item(3)->setText(QStringLiteral("Shared training for IROs"));
    CHECK(desk.groupOrder().last() == QStringLiteral("Shared training for IROs"));
    list->setCurrentRow(3);
    desk.prompter.confirmAnswer = true;
    QTest::keyClick(list, Qt::Key_Delete);
    CHECK(desk.groupOrder().size() == 3);

    // The merged list: five suggestions; joining two of them makes four, splitting them five again.
    QTreeWidget* merged = desk.priorities->mergedView();
    REQUIRE(desk.priorities->merged().size() == 5);
    auto memberItem = [&](const QString& text) -> QTreeWidgetItem* {
        for (int i = 0; i < merged->topLevelItemCount(); ++i) {
            for (int j = 0; j < merged->topLevelItem(i)->childCount(); ++j) {
                if (merged->topLevelItem(i)->child(j)->text(1) == text) {
                    return merged->topLevelItem(i)->child(j);
                }
            }
        }
        FAIL("no member " << text.toStdString());
        return nullptr;
    };
    const QString moderation = QStringLiteral("Peer moderation of self-assessments");
    const QString network = QStringLiteral("A peer network for principal social workers");
    memberItem(moderation)->setSelected(true);
    memberItem(network)->setSelected(true);
    QTest::mouseClick(desk.button("prioritiesJoin"), Qt::LeftButton);
    REQUIRE(desk.priorities->merged().size() == 4);
    bool joined = false;
    for (const auto& p : desk.priorities->merged()) {
        joined = joined || (p.members.size() == 2 &&
                            p.groups == QStringList{QStringLiteral("1"), QStringLiteral("3")} &&
                            (p.text == moderation || p.text == network));
    }
    CHECK(joined);
    memberItem(moderation)->setSelected(true);
    memberItem(network)->setSelected(true);
    QTest::mouseClick(desk.button("prioritiesSplit"), Qt::LeftButton);
    CHECK(desk.priorities->merged().size() == 5);
    CHECK(desk.prompter.errors.isEmpty());
}

TEST_CASE("A priority renamed or an order made from a list someone else changed since is refused",
          "[outcomes]") {
    OutcomesDesk desk;
    desk.show(desk.priorities);
    QListWidget* list = desk.priorities->groupList();
    REQUIRE(list->count() == 3);
    const qint64 group = desk.priorities->groupChoice()->currentData().toLongLong();
    const qint64 first = list->item(0)->data(Qt::UserRole).toLongLong();
    // Someone else (on a server, another connection) rewords the first meanwhile.
    outcomes::PriorityStore theirs(desk.document->database(), desk.clock);
    REQUIRE(theirs.edit(first, QStringLiteral("Their wording")).ok());

    list->item(0)->setText(QStringLiteral("My wording"));
    REQUIRE(desk.prompter.errors.size() == 1);
    CHECK(desk.prompter.errors.front().contains(
        QStringLiteral("changed by %1").arg(desk.document->database().userName())));
    CHECK(desk.prompter.errors.front().contains(QStringLiteral("My wording")));
    CHECK(desk.groupOrder().front() == QStringLiteral("Their wording"));
    CHECK(list->item(0)->text() == QStringLiteral("Their wording")); // reloaded

    // They put the list in another order; a move made from the list before it is refused.
    auto now = theirs.ofGroup(group);
    REQUIRE(now.ok());
    REQUIRE(theirs.reorder(group, {(*now)[2].id, (*now)[0].id, (*now)[1].id}).ok());
    const QStringList theirOrder = desk.groupOrder();
    list->setFocus();
    list->setCurrentRow(0);
    QTest::keyClick(list, Qt::Key_Down, Qt::AltModifier);
    REQUIRE(desk.prompter.errors.size() == 2);
    CHECK(desk.prompter.errors.last().contains(QStringLiteral("were changed by")));
    CHECK(desk.groupOrder() == theirOrder);
    CHECK(list->item(0)->text() == theirOrder.front());
}

TEST_CASE("A group's plenary answers are shown and saved from the priorities page", "[outcomes]") {
    OutcomesDesk desk;
    const qint64 group = desk.priorities->groupChoice()->currentData().toLongLong();
    const QString question = QStringLiteral("Which new regional networking groups would you suggest?");
    QPlainTextEdit* answer = desk.priorities->plenaryAnswer(question);
    REQUIRE(answer != nullptr);
    answer->setPlainText(QStringLiteral("A network for heads of fostering"));
    CHECK(desk.priorities->saveAnswers());
    auto stored = questions::DayQuestions(desk.document->database()).plenaryAnswers(group);
    REQUIRE(stored.ok());
    CHECK(stored->at(question) == QStringLiteral("A network for heads of fostering"));
    CHECK(desk.priorities->plenaryAnswer(question)->toPlainText() ==
          QStringLiteral("A network for heads of fostering"));
}

TEST_CASE("Action plans come red, overdue and unrated first, each with its word", "[outcomes]") {
    OutcomesDesk desk;
    QTableWidget* table = desk.plans->actionsView();
    REQUIRE(table->rowCount() == 7);
    using Column = gui::ActionPlansSection::Column;
    CHECK(table->item(0, Column::AttentionColumn)->text() == QStringLiteral("red"));
    CHECK(table->item(0, Column::ActionColumn)->text() ==
          QStringLiteral("Agree a workforce plan with HR and finance"));
    CHECK(table->item(table->rowCount() - 1, Column::AttentionColumn)->text() == QStringLiteral("done"));
    // The edge-of-care service is Wokingham's from 2021-2022, still open: carried in, and overdue.
    bool carried = false;
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, Column::ActionColumn)->text() ==
            QStringLiteral("Launch the edge-of-care service")) {
            carried =
                table->item(row, Column::FromColumn)->text() == QStringLiteral("carried from 2021-2022") &&
                table->item(row, Column::AttentionColumn)->text() == QStringLiteral("overdue");
        }
    }
    CHECK(carried);

    // The lead reviewer's view: East Sussex reviewed Wokingham.
    auto* la = desk.plans->laChoice();
    la->setCurrentIndex(la->findText(QStringLiteral("East Sussex")));
    CHECK(table->rowCount() == 0);
    desk.plans->reviewerChoice()->setChecked(true);
    REQUIRE(table->rowCount() == 3);
    for (int row = 0; row < table->rowCount(); ++row) {
        CHECK(table->item(row, Column::LaColumn)->text() == QStringLiteral("Wokingham"));
    }
}

TEST_CASE("A RAG change is refused without a reason and accepted with one", "[outcomes]") {
    OutcomesDesk desk;
    desk.show(desk.plans);
    const outcomes::PlanAction action = desk.plans->planActions().front(); // Wokingham's red one
    REQUIRE(desk.plans->selectAction(action.id));
    auto* rag = desk.plans->ragChoice();
    rag->setCurrentIndex(rag->findData(QStringLiteral("amber")));
    outcomes::ActionPlanStore store(desk.document->database(), desk.clock);

    desk.prompter.textAnswer.clear();
    QTest::mouseClick(desk.button("actionPlansChangeRag"), Qt::LeftButton);
    CHECK(desk.prompter.textQuestions.size() == 1);
    CHECK(store.ratings(action.id)->size() == 1);
    CHECK(store.action(action.id)->rating->rag == outcomes::Rag::Red);
    CHECK(desk.messages.last().contains(QStringLiteral("needs its reason")));

    desk.prompter.textAnswer = QStringLiteral("Supplements agreed for two teams");
    QTest::mouseClick(desk.button("actionPlansChangeRag"), Qt::LeftButton);
    REQUIRE(store.ratings(action.id)->size() == 2);
    CHECK(store.action(action.id)->rating->rag == outcomes::Rag::Amber);
    CHECK(store.action(action.id)->rating->reason == QStringLiteral("Supplements agreed for two teams"));
    // The list shows it, and the history under it too.
    const int row = desk.plans->actionsView()->currentRow();
    CHECK(desk.plans->actionsView()->item(row, gui::ActionPlansSection::RagColumn)->text() ==
          QStringLiteral("amber"));
    CHECK(desk.plans->historyView()
              ->item(desk.plans->historyView()->count() - 1)
              ->text()
              .contains(QStringLiteral("Supplements agreed for two teams")));

    // Progress, then done.
    desk.prompter.textAnswer = QStringLiteral("Finance signed off the supplements");
    CHECK(desk.plans->addProgress());
    CHECK(store.progress(action.id)->size() == 1);
    CHECK(desk.plans->selectAction(action.id));
    QTest::mouseClick(desk.button("actionPlansDone"), Qt::LeftButton);
    CHECK(store.action(action.id)->status == outcomes::ActionStatus::Done);
    CHECK(desk.prompter.errors.isEmpty());
}

TEST_CASE("A RAG change on an action someone else changed since is refused, giving the reason back",
          "[outcomes]") {
    OutcomesDesk desk;
    desk.show(desk.plans);
    const outcomes::PlanAction action = desk.plans->planActions().front();
    REQUIRE(desk.plans->selectAction(action.id));
    auto* rag = desk.plans->ragChoice();
    rag->setCurrentIndex(rag->findData(QStringLiteral("green")));
    outcomes::ActionPlanStore store(desk.document->database(), desk.clock);
    // Someone else (on a server, another connection) names an owner meanwhile.
    outcomes::ActionChange owner;
    owner.owner = QStringLiteral("Head of early help");
    REQUIRE(store.change(action.id, owner).ok());
    const auto ratings = store.ratings(action.id)->size();

    desk.prompter.textAnswer = QStringLiteral("All three teams staffed");
    QTest::mouseClick(desk.button("actionPlansChangeRag"), Qt::LeftButton);
    REQUIRE(desk.prompter.errors.size() == 1);
    CHECK(desk.prompter.errors.front().contains(
        QStringLiteral("changed by %1").arg(desk.document->database().userName())));
    CHECK(desk.prompter.errors.front().contains(QStringLiteral("All three teams staffed")));
    CHECK(store.ratings(action.id)->size() == ratings);
    CHECK(store.action(action.id)->owner == QStringLiteral("Head of early help"));

    // The page reloaded: the same change now goes through.
    REQUIRE(desk.plans->selectAction(action.id));
    rag->setCurrentIndex(rag->findData(QStringLiteral("green")));
    QTest::mouseClick(desk.button("actionPlansChangeRag"), Qt::LeftButton);
    CHECK(desk.prompter.errors.size() == 1);
    CHECK(store.ratings(action.id)->size() == ratings + 1);
}

TEST_CASE("Export as CSV writes the cycle's outcomes where the save dialog says", "[outcomes]") {
    OutcomesDesk desk;
    const QString out = desk.dir.path(QStringLiteral("outcomes.csv"));
    desk.prompter.saveFileAnswer.clear();
    CHECK_FALSE(desk.plans->exportCsv()); // cancelled
    CHECK_FALSE(QFile::exists(out));
    desk.prompter.saveFileAnswer = out;
    QTest::mouseClick(desk.button("actionPlansExport"), Qt::LeftButton);
    QFile file(out);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QString csv = QString::fromUtf8(file.readAll());
    CHECK(
        csv.contains(QStringLiteral("kind,id,la,group,theme,status,support,owner,due,rag,rag_reason,text")));
    CHECK(csv.contains(QStringLiteral("Agree a workforce plan with HR and finance")));
    CHECK(csv.contains(QStringLiteral("No agreement yet on market supplements")));
    CHECK(csv.contains(QStringLiteral("Programme office")));
    CHECK(desk.messages.last().contains(out));

    // A file that cannot be written is reported, naming it.
    desk.prompter.saveFileAnswer = desk.dir.path(QStringLiteral("no-such-folder/outcomes.csv"));
    CHECK_FALSE(desk.plans->exportCsv());
    REQUIRE(desk.prompter.errors.size() == 1);
    CHECK(desk.prompter.errors.front().contains(QStringLiteral("outcomes.csv")));
}

TEST_CASE("The outcomes pages fit the space a 1280x720 screen leaves them", "[outcomes]") {
    OutcomesDesk desk;
    for (gui::OutcomesSection* section :
         std::initializer_list<gui::OutcomesSection*>{desk.asksOffers, desk.priorities, desk.plans}) {
        INFO(section->title().toStdString());
        CHECK(section->page()->minimumSizeHint().height() <= 420);
        CHECK(section->page()->minimumSizeHint().width() <= 1000);
    }
}

TEST_CASE("The outcomes pages show a write made elsewhere when the document says notes changed",
          "[outcomes]") {
    OutcomesDesk desk;
    const int actionsBefore = desk.plans->actionsView()->rowCount();
    const size_t entriesBefore = desk.asksOffers->entries().size();
    auto kent = desk.entry("Kent", NoteKind::Ask);
    // As the console or balcony-cli would: core writes, then the document is told.
    REQUIRE(outcomes::ActionPlanStore(desk.document->database(), desk.clock)
                .add(desk.cycleId, kent.authorityId, QStringLiteral("Agree the placements review's terms"))
                .ok());
    REQUIRE(outcomes::AskOfferRegister(desk.document->database(), desk.clock)
                .add(desk.cycleId, kent.authorityId, NoteKind::Offer, QStringLiteral("budget"),
                     QStringLiteral("Our placement commissioning framework"))
                .ok());
    CHECK(desk.plans->actionsView()->rowCount() == actionsBefore); // not yet told
    desk.document->notifyNotesChanged(desk.cycleId, kent.groupId);
    CHECK(desk.plans->actionsView()->rowCount() == actionsBefore + 1);
    CHECK(desk.asksOffers->entries().size() == entriesBefore + 1);
}

TEST_CASE("Ctrl+Return in the chosen entry's text saves its wording", "[outcomes]") {
    OutcomesDesk desk;
    desk.show(desk.asksOffers);
    const outcomes::AskOffer offer = desk.entry("Medway", NoteKind::Offer);
    REQUIRE(desk.asksOffers->selectEntry(offer.itemId));
    auto* text = desk.workspace->widget()->findChild<QPlainTextEdit*>(QStringLiteral("asksOffersText"));
    text->setFocus();
    text->moveCursor(QTextCursor::End);
    QTest::keyClicks(text, QStringLiteral(" Two of our commissioners can visit."));
    QTest::keyClick(text, Qt::Key_Return, Qt::ControlModifier);
    CHECK(desk.stored(offer.itemId).text.endsWith(QStringLiteral("Two of our commissioners can visit.")));
    CHECK(desk.asksOffers->undoStack()->count() == 1);
}
