#include "outcomes/priorities_section.h"

#include "document/region_document.h"
#include "domain/schedule_store.h"
#include "frame/prompter.h"
#include "outcomes/outcomes_page_support.h"
#include "questions/bank_store.h"
#include "questions/day_questions.h"

#include <QAction>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace balcony::gui {

using namespace outcomes;

PrioritiesSection::PrioritiesSection(Prompter& prompter, QObject* parent)
    : CycleSection(parent)
    , m_prompter(prompter) {}

PrioritiesSection::~PrioritiesSection() {
    if (m_page && m_page->parent() == nullptr) {
        delete m_page;
    }
}

QString PrioritiesSection::title() const {
    return tr("&Priorities");
}

QWidget* PrioritiesSection::page() {
    if (!m_page) {
        buildPage();
    }
    return m_page;
}

void PrioritiesSection::buildPage() {
    m_page = new QWidget;
    m_page->setObjectName(QStringLiteral("prioritiesPage"));
    auto* layout = new QHBoxLayout(m_page);
    auto* split = new QSplitter(Qt::Horizontal);
    layout->addWidget(split);

    // One group's list and its plenary answers.
    auto* left = new QWidget;
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto* top = new QHBoxLayout;
    auto* groupLabel = new QLabel(tr("&Group:"));
    m_group = named(new QComboBox, "prioritiesGroup", tr("The group whose priorities are shown"));
    groupLabel->setBuddy(m_group);
    top->addWidget(groupLabel);
    top->addWidget(m_group, 1);
    leftLayout->addLayout(top);
    connect(m_group, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling) {
            fillList();
            fillAnswers();
        }
    });

    auto* listLabel =
        new QLabel(tr("The group's suggested act&ions, its first at the top (drag, or Alt+Up and "
                      "Alt+Down, to reorder; F2 to edit; Delete to remove):"));
    listLabel->setWordWrap(true);
    leftLayout->addWidget(listLabel);
    m_list = named(new QListWidget, "prioritiesList", tr("The group's suggested actions in its order"));
    m_list->setDragDropMode(QAbstractItemView::InternalMove);
    m_list->setDefaultDropAction(Qt::MoveAction);
    m_list->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::DoubleClicked);
    m_list->setWordWrap(true);
    listLabel->setBuddy(m_list);
    leftLayout->addWidget(m_list, 1);
    connect(m_list->model(), &QAbstractItemModel::rowsMoved, this, [this] {
        if (!m_filling) {
            listReordered();
        }
    });
    connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        if (!m_filling) {
            itemRenamed(item->data(Qt::UserRole).toLongLong(), item->text());
        }
    });
    connect(m_list, &QListWidget::currentRowChanged, this, &PrioritiesSection::updateButtons);
    auto listAction = [this](const QKeySequence& key, auto slot) {
        auto* action = new QAction(m_list);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetShortcut);
        m_list->addAction(action);
        connect(action, &QAction::triggered, this, slot);
    };
    listAction(QKeySequence(Qt::ALT | Qt::Key_Up), [this] { move(-1); });
    listAction(QKeySequence(Qt::ALT | Qt::Key_Down), [this] { move(+1); });
    listAction(QKeySequence::Delete, [this] { removePriority(); });

    auto* buttons = new QHBoxLayout;
    m_up = named(new QPushButton(tr("&Up")), "prioritiesUp", tr("Move the chosen action up (Alt+Up)"));
    m_down =
        named(new QPushButton(tr("Do&wn")), "prioritiesDown", tr("Move the chosen action down (Alt+Down)"));
    m_remove =
        named(new QPushButton(tr("&Remove")), "prioritiesRemove", tr("Remove the chosen action (Delete)"));
    connect(m_up, &QPushButton::clicked, this, [this] { move(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { move(+1); });
    connect(m_remove, &QPushButton::clicked, this, &PrioritiesSection::removePriority);
    buttons->addWidget(m_up);
    buttons->addWidget(m_down);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    leftLayout->addLayout(buttons);
    auto* addRow = new QHBoxLayout;
    m_newText = named(new QLineEdit, "prioritiesNewText", tr("A new suggested action for the group"));
    m_newText->setPlaceholderText(tr("A new suggested action"));
    m_add = named(new QPushButton(tr("A&dd")), "prioritiesAdd", tr("Add it at the end of the group's list"));
    addRow->addWidget(m_newText, 1);
    addRow->addWidget(m_add);
    leftLayout->addLayout(addRow);
    connect(m_add, &QPushButton::clicked, this, &PrioritiesSection::addPriority);
    connect(m_newText, &QLineEdit::returnPressed, this, &PrioritiesSection::addPriority);

    auto* answersBox = new QGroupBox(tr("The group's plenary answers"));
    auto* answersLayout = new QVBoxLayout(answersBox);
    auto* scroll = named(new QScrollArea, "prioritiesAnswersArea", tr("The group's plenary answers"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_answersBox = new QWidget;
    new QFormLayout(m_answersBox);
    scroll->setWidget(m_answersBox);
    answersLayout->addWidget(scroll, 1);
    m_saveAnswers = named(new QPushButton(tr("&Save Answers")), "prioritiesSaveAnswers",
                          tr("Save the group's plenary answers"));
    answersLayout->addWidget(m_saveAnswers, 0, Qt::AlignRight);
    connect(m_saveAnswers, &QPushButton::clicked, this, &PrioritiesSection::saveAnswers);
    leftLayout->addWidget(answersBox, 1);
    split->addWidget(left);

    // The merged list.
    auto* right = new QWidget;
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto* mergedLabel =
        new QLabel(tr("The cycle's &merged list: the same suggestion from more groups counts more. "
                      "Choose two suggestions under it to join or split them."));
    mergedLabel->setWordWrap(true);
    rightLayout->addWidget(mergedLabel);
    m_merged = named(new QTreeWidget, "prioritiesMerged", tr("The cycle's merged priorities"));
    m_merged->setHeaderLabels({tr("Position"), tr("Suggestion"), tr("Groups"), tr("Score")});
    m_merged->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_merged->setWordWrap(true);
    m_merged->setUniformRowHeights(false);
    mergedLabel->setBuddy(m_merged);
    rightLayout->addWidget(m_merged, 1);
    connect(m_merged, &QTreeWidget::itemSelectionChanged, this, &PrioritiesSection::updateButtons);
    m_mergedSummary = named(new QLabel, "prioritiesMergedSummary", tr("What the merged list holds"));
    m_mergedSummary->setWordWrap(true);
    rightLayout->addWidget(m_mergedSummary);
    auto* mergeButtons = new QHBoxLayout;
    m_join = named(new QPushButton(tr("&Join")), "prioritiesJoin",
                   tr("Join the two chosen suggestions: they are the same"));
    m_split = named(new QPushButton(tr("Sp&lit")), "prioritiesSplit",
                    tr("Split the two chosen suggestions: they are different"));
    connect(m_join, &QPushButton::clicked, this, &PrioritiesSection::joinChosen);
    connect(m_split, &QPushButton::clicked, this, &PrioritiesSection::splitChosen);
    mergeButtons->addStretch(1);
    mergeButtons->addWidget(m_join);
    mergeButtons->addWidget(m_split);
    rightLayout->addLayout(mergeButtons);
    split->addWidget(right);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    updateButtons();
}

void PrioritiesSection::showView(const QString& name) {
    Q_UNUSED(name)
    if (!m_document) {
        return;
    }
    showLatestCycleWith(this, *m_document, m_cycleId, [this](qint64 cycleId) {
        auto priorities = PriorityStore(m_document->database()).ofCycle(cycleId);
        return priorities && !priorities->empty();
    });
    if (m_merged->topLevelItemCount() > 0) {
        m_merged->expandAll();
        m_merged->setCurrentItem(m_merged->topLevelItem(0));
    }
}

void PrioritiesSection::reload() {
    page();
    fillGroups();
    fillList();
    fillMerged();
    fillAnswers();
}

qint64 PrioritiesSection::currentGroupId() const {
    return m_group->currentIndex() >= 0 ? m_group->currentData().toLongLong() : 0;
}

bool PrioritiesSection::selectGroup(qint64 groupId) {
    const int index = m_group->findData(groupId);
    if (index < 0) {
        return false;
    }
    m_group->setCurrentIndex(index);
    return true;
}

void PrioritiesSection::fillGroups() {
    m_filling = true;
    const qint64 was = currentGroupId();
    m_group->clear();
    if (m_document && m_cycleId != 0) {
        auto schedule = ScheduleStore(m_document->database()).load(m_cycleId);
        if (schedule) {
            for (const Group& group : schedule->groups) {
                QStringList las;
                for (const GroupMember& member : group.members) {
                    las << schedule->authorityName(member.authorityId);
                }
                m_group->addItem(tr("Group %1 (%2)").arg(group.label, las.join(QStringLiteral(", "))),
                                 group.id);
            }
        }
    }
    int index = m_group->findData(was);
    if (index < 0 && m_document && m_cycleId != 0) { // another cycle: the first group with a list
        if (auto priorities = PriorityStore(m_document->database()).ofCycle(m_cycleId);
            priorities && !priorities->empty()) {
            index = m_group->findData(priorities->front().groupId);
        }
    }
    m_group->setCurrentIndex(index >= 0 ? index : 0);
    m_filling = false;
}

void PrioritiesSection::fillList() {
    m_filling = true;
    const qint64 wasId = m_list->currentItem() ? m_list->currentItem()->data(Qt::UserRole).toLongLong() : 0;
    m_list->clear();
    m_groupPriorities.clear();
    if (m_document && currentGroupId() != 0) {
        if (auto priorities = PriorityStore(m_document->database()).ofGroup(currentGroupId())) {
            m_groupPriorities = std::move(*priorities);
        }
    }
    const bool writable = m_document && !m_document->isReadOnly();
    for (const GroupPriority& priority : m_groupPriorities) {
        auto* item = new QListWidgetItem(priority.text, m_list);
        item->setData(Qt::UserRole, priority.id);
        item->setToolTip(tr("Rank %1").arg(priority.rank));
        Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
        if (writable) {
            flags |= Qt::ItemIsEditable | Qt::ItemIsDragEnabled;
        }
        item->setFlags(flags);
        if (priority.id == wasId) {
            m_list->setCurrentItem(item);
        }
    }
    m_filling = false;
    updateButtons();
}

void PrioritiesSection::fillMerged() {
    m_mergedList.clear();
    if (m_document && m_cycleId != 0) {
        if (auto merged = PriorityStore(m_document->database()).merged(m_cycleId)) {
            m_mergedList = std::move(*merged);
        } else {
            m_prompter.showError(tr("Priorities"), merged.message());
        }
    }
    m_merged->clear();
    for (const MergedPriority& priority : m_mergedList) {
        auto* top = new QTreeWidgetItem(m_merged, {QString::number(priority.position), priority.text,
                                                   priority.groups.join(QStringLiteral(", ")),
                                                   QString::number(priority.score, 'f', 2)});
        top->setFlags(Qt::ItemIsEnabled);
        top->setToolTip(1, priority.text);
        top->setData(1, Qt::AccessibleTextRole,
                     tr("%1. %2, from %n group(s), score %3", nullptr, int(priority.groups.size()))
                         .arg(priority.position)
                         .arg(priority.text)
                         .arg(priority.score, 0, 'f', 2));
        for (const GroupPriority& member : priority.members) {
            auto* child = new QTreeWidgetItem(
                top, {QString(), member.text, tr("group %1, #%2").arg(member.groupLabel).arg(member.rank)});
            child->setData(0, Qt::UserRole, member.id);
            child->setToolTip(1, member.text);
        }
        top->setExpanded(priority.members.size() > 1);
    }
    m_merged->header()->setStretchLastSection(false);
    m_merged->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_merged->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_merged->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_merged->header()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    int several = 0;
    for (const MergedPriority& priority : m_mergedList) {
        several += priority.groups.size() > 1 ? 1 : 0;
    }
    m_mergedSummary->setText(m_mergedList.empty()
                                 ? tr("No suggested actions in this cycle yet.")
                                 : tr("%n suggestion(s) in the cycle, %1 made by more than one group.",
                                      nullptr, int(m_mergedList.size()))
                                       .arg(several));
    updateButtons();
}

void PrioritiesSection::fillAnswers() {
    auto* form = static_cast<QFormLayout*>(m_answersBox->layout());
    while (form->rowCount() > 0) {
        form->removeRow(0);
    }
    m_answers.clear();
    m_storedAnswers.clear();
    const qint64 groupId = currentGroupId();
    if (!m_document || groupId == 0) {
        updateButtons();
        return;
    }
    QStringList questionsAsked;
    if (auto bank = questions::BankStore(m_document->database()).bank()) {
        for (const questions::Question& question : bank->bank.plenary) {
            questionsAsked << question.text;
        }
    }
    if (auto answers = questions::DayQuestions(m_document->database()).plenaryAnswers(groupId)) {
        m_storedAnswers = std::move(*answers);
    }
    for (const auto& [question, answer] : m_storedAnswers) {
        if (!questionsAsked.contains(question)) { // asked from an earlier bank: still shown
            questionsAsked << question;
        }
    }
    const bool writable = !m_document->isReadOnly();
    for (const QString& question : questionsAsked) {
        auto* label = new QLabel(question);
        label->setWordWrap(true);
        auto* edit = new QPlainTextEdit;
        edit->setAccessibleName(question);
        edit->setTabChangesFocus(true);
        edit->setReadOnly(!writable);
        edit->setFixedHeight(edit->fontMetrics().lineSpacing() * 3 + 12);
        edit->setPlainText(m_storedAnswers.contains(question) ? m_storedAnswers.at(question) : QString());
        label->setBuddy(edit);
        form->addRow(label);
        form->addRow(edit);
        m_answers[question] = edit;
    }
    updateButtons();
}

QPlainTextEdit* PrioritiesSection::plenaryAnswer(const QString& question) const {
    const auto found = m_answers.find(question);
    return found == m_answers.end() ? nullptr : found->second;
}

std::vector<qint64> PrioritiesSection::chosenMembers() const {
    std::vector<qint64> ids;
    for (const QTreeWidgetItem* item : m_merged->selectedItems()) {
        if (item->parent() != nullptr) {
            ids.push_back(item->data(0, Qt::UserRole).toLongLong());
        }
    }
    return ids;
}

void PrioritiesSection::updateButtons() {
    const bool writable = m_document && !m_document->isReadOnly();
    const int row = m_list->currentRow();
    m_up->setEnabled(writable && row > 0);
    m_down->setEnabled(writable && row >= 0 && row + 1 < m_list->count());
    m_remove->setEnabled(writable && row >= 0);
    m_newText->setEnabled(writable && currentGroupId() != 0);
    m_add->setEnabled(writable && currentGroupId() != 0);
    const bool two = chosenMembers().size() == 2;
    m_join->setEnabled(writable && two);
    m_split->setEnabled(writable && two);
    m_saveAnswers->setEnabled(writable && !m_answers.empty());
}

void PrioritiesSection::written(const QString& message, qint64 groupId) {
    Q_EMIT statusMessage(message, 5000);
    if (m_document) {
        m_document->notifyNotesChanged(m_cycleId, groupId);
    }
}

void PrioritiesSection::refused(const QString& title, const QString& message) {
    m_prompter.showError(title, message);
    reload();
}

std::optional<int> PrioritiesSection::versionRead(qint64 priorityId) const {
    for (const GroupPriority& priority : m_groupPriorities) {
        if (priority.id == priorityId) {
            return priority.rowVersion;
        }
    }
    return std::nullopt;
}

bool PrioritiesSection::move(int delta) {
    const int row = m_list->currentRow();
    const int to = row + delta;
    if (!m_document || row < 0 || to < 0 || to >= m_list->count()) {
        return false;
    }
    std::vector<qint64> ids;
    for (int i = 0; i < m_list->count(); ++i) {
        ids.push_back(m_list->item(i)->data(Qt::UserRole).toLongLong());
    }
    std::swap(ids[size_t(row)], ids[size_t(to)]);
    if (Status done = PriorityStore(m_document->database(), m_document->clock())
                          .reorder(currentGroupId(), ids, listVersion(m_groupPriorities));
        !done) {
        refused(tr("Reorder"), done.message());
        return false;
    }
    written(tr("Moved \"%1\" to place %2.").arg(m_list->item(row)->text()).arg(to + 1), currentGroupId());
    m_list->setCurrentRow(to);
    m_list->setFocus();
    return true;
}

void PrioritiesSection::listReordered() {
    std::vector<qint64> ids;
    for (int i = 0; i < m_list->count(); ++i) {
        ids.push_back(m_list->item(i)->data(Qt::UserRole).toLongLong());
    }
    if (!m_document) {
        return;
    }
    if (Status done = PriorityStore(m_document->database(), m_document->clock())
                          .reorder(currentGroupId(), ids, listVersion(m_groupPriorities));
        !done) {
        refused(tr("Reorder"), done.message());
        return;
    }
    written(tr("The group's order is saved."), currentGroupId());
}

void PrioritiesSection::itemRenamed(qint64 priorityId, const QString& text) {
    if (!m_document) {
        return;
    }
    // Based on the priority as the list shows it: refused if someone else changed it since, and then
    // the wording typed is given back, so that it need not be typed again after the reload.
    if (Status done = PriorityStore(m_document->database(), m_document->clock())
                          .edit(priorityId, text.trimmed(), versionRead(priorityId));
        !done) {
        refused(tr("Edit"), done.error().kind == Error::Kind::Changed
                                ? done.message() + QStringLiteral("\n\n") +
                                      tr("Your wording was: \"%1\"").arg(text.trimmed())
                                : done.message());
        return;
    }
    written(tr("Saved the new wording."), currentGroupId());
}

bool PrioritiesSection::addPriority() {
    if (!m_document || currentGroupId() == 0) {
        return false;
    }
    auto id = PriorityStore(m_document->database(), m_document->clock())
                  .add(currentGroupId(), m_newText->text().trimmed());
    if (!id) {
        refused(tr("Add"), id.message());
        return false;
    }
    m_newText->clear();
    written(tr("Added at the end of the group's list."), currentGroupId());
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(Qt::UserRole).toLongLong() == *id) {
            m_list->setCurrentRow(i);
        }
    }
    return true;
}

bool PrioritiesSection::removePriority() {
    QListWidgetItem* item = m_list->currentItem();
    if (!m_document || item == nullptr) {
        return false;
    }
    const QString text = item->text();
    if (!m_prompter.askConfirm(
            tr("Remove"), tr("Remove \"%1\" from the group's list? Undo cannot bring it back.").arg(text),
            tr("Remove"))) {
        return false;
    }
    const qint64 id = item->data(Qt::UserRole).toLongLong();
    if (Status done = PriorityStore(m_document->database(), m_document->clock()).remove(id, versionRead(id));
        !done) {
        refused(tr("Remove"), done.message());
        return false;
    }
    written(tr("Removed \"%1\".").arg(text), currentGroupId());
    return true;
}

bool PrioritiesSection::joinChosen() {
    const auto ids = chosenMembers();
    if (!m_document || ids.size() != 2) {
        return false;
    }
    if (Status done = PriorityStore(m_document->database()).join(ids[0], ids[1]); !done) {
        refused(tr("Join"), done.message());
        return false;
    }
    written(tr("Joined: the two count as one suggestion now."), 0);
    return true;
}

bool PrioritiesSection::splitChosen() {
    const auto ids = chosenMembers();
    if (!m_document || ids.size() != 2) {
        return false;
    }
    if (Status done = PriorityStore(m_document->database()).split(ids[0], ids[1]); !done) {
        refused(tr("Split"), done.message());
        return false;
    }
    written(tr("Split: the two count as different suggestions now."), 0);
    return true;
}

bool PrioritiesSection::saveAnswers() {
    const qint64 groupId = currentGroupId();
    if (!m_document || groupId == 0) {
        return false;
    }
    questions::DayQuestions store(m_document->database());
    int saved = 0;
    for (const auto& [question, edit] : m_answers) {
        const QString answer = edit->toPlainText();
        const QString stored = m_storedAnswers.contains(question) ? m_storedAnswers.at(question) : QString();
        if (answer.trimmed() == stored.trimmed()) {
            continue;
        }
        if (Status done = store.setPlenaryAnswer(groupId, question, answer); !done) {
            refused(tr("Plenary answers"), done.message());
            return false;
        }
        ++saved;
    }
    if (saved == 0) {
        Q_EMIT statusMessage(tr("Nothing to save: the answers are as stored."), 3000);
        return false;
    }
    written(tr("Saved %n plenary answer(s).", nullptr, saved), groupId);
    return true;
}

} // namespace balcony::gui
