#include "outcomes/asks_offers_section.h"

#include "document/region_document.h"
#include "domain/schedule_store.h"
#include "engine/clock.h"
#include "frame/prompter.h"
#include "outcomes/action_plan.h"
#include "outcomes/outcomes_page_support.h"
#include "questions/question_bank.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableWidget>
#include <QUndoCommand>
#include <QUndoStack>
#include <QVBoxLayout>
#include <functional>
#include <map>
#include <set>

namespace balcony::gui {

using namespace outcomes;

namespace {

enum RegisterColumn {
    LaColumn,
    GroupColumn,
    KindColumn,
    ThemeColumn,
    StatusColumn,
    SupportColumn,
    TextColumn
};

QString statusWord(AskOfferStatus status) {
    switch (status) {
    case AskOfferStatus::Open:
        return QObject::tr("open");
    case AskOfferStatus::Matched:
        return QObject::tr("matched");
    case AskOfferStatus::Closed:
        return QObject::tr("closed");
    }
    return {};
}

QTableWidget* makeTable(const QStringList& headers) {
    auto* table = new QTableWidget(0, int(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setTabKeyNavigation(false); // Tab leaves the table, arrows move in it
    return table;
}

template <typename T>
Status statusOf(const Result<T>& result) {
    return result ? Status() : Status(result.error());
}

QTableWidgetItem* cell(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setToolTip(text);
    return item;
}

} // namespace

// One edit of the register, done already when pushed (the first redo does nothing), so a refused
// write never reaches the stack. Undo and redo write through core, based on the item's version as
// this page's last write left it (m_versionsWritten): a change someone else made since is refused
// (Error::Kind::Changed), never overwritten. A refusal is reported through the Prompter and the page
// reloads to show what is stored.
class AsksOffersSection::RegisterCommand final : public QUndoCommand {
public:
    // A write based on the version given.
    using Write = std::function<Status(std::optional<int> basedOn)>;
    // The item's version as stored now, read after a write; nothing when it cannot be read.
    using Version = std::function<std::optional<int>()>;

    RegisterCommand(AsksOffersSection& section, const QString& text, qint64 groupId, qint64 itemId,
                    Write redo, Write undo, Version version)
        : QUndoCommand(text)
        , m_section(section)
        , m_groupId(groupId)
        , m_itemId(itemId)
        , m_redo(std::move(redo))
        , m_undo(std::move(undo))
        , m_versionNow(std::move(version)) {
        remember();
    }

    void redo() override {
        if (m_done) {
            run(m_redo, tr("Redo: %1").arg(text()));
        }
        m_done = true;
    }
    void undo() override { run(m_undo, tr("Undone: %1").arg(text())); }

private:
    static QString tr(const char* text) { return AsksOffersSection::tr(text); }
    void remember() {
        // A version that cannot be read is recorded as none a row has, so that the next undo or
        // redo is refused rather than written unchecked.
        m_section.m_versionsWritten[m_itemId] = m_versionNow().value_or(-1);
    }
    void run(const Write& write, const QString& message) {
        const auto known = m_section.m_versionsWritten.find(m_itemId);
        const std::optional<int> basedOn =
            known != m_section.m_versionsWritten.end() ? std::optional<int>(known->second) : std::nullopt;
        if (Status status = write(basedOn); !status) {
            m_section.refused(AsksOffersSection::tr("Asks and offers"), status.message());
            return;
        }
        remember();
        m_section.written(message, m_groupId);
    }

    AsksOffersSection& m_section;
    qint64 m_groupId;
    qint64 m_itemId;
    Write m_redo;
    Write m_undo;
    Version m_versionNow;
    bool m_done = false;
};

namespace {

// The version of item id as stored now, for RegisterCommand.
std::function<std::optional<int>()> versionOf(Database& db, const Clock& clock, qint64 id) {
    return [&db, &clock, id]() -> std::optional<int> {
        auto item = AskOfferRegister(db, clock).item(id);
        return item ? std::optional<int>(item->rowVersion) : std::nullopt;
    };
}

} // namespace

AsksOffersSection::AsksOffersSection(Prompter& prompter, const Clock* clock, QObject* parent)
    : CycleSection(parent)
    , m_prompter(prompter)
    , m_clock(clock)
    , m_undo(new QUndoStack(this)) {}

AsksOffersSection::~AsksOffersSection() {
    if (m_page && m_page->parent() == nullptr) {
        delete m_page; // never handed to the workspace's tabs
    }
}

QString AsksOffersSection::title() const {
    return tr("&Asks and Offers");
}

QWidget* AsksOffersSection::page() {
    if (!m_page) {
        buildPage();
    }
    return m_page;
}

const Clock& AsksOffersSection::clock() const {
    if (m_clock != nullptr) {
        return *m_clock;
    }
    static const SystemClock computer; // only before a region is open, when nothing reads it
    return m_document ? m_document->clock() : computer;
}

void AsksOffersSection::buildPage() {
    m_page = new QWidget;
    m_page->setObjectName(QStringLiteral("asksOffersPage"));
    auto* layout = new QVBoxLayout(m_page);

    // Undo and redo of the register's edits, while the focus is anywhere on this page.
    auto* undo = m_undo->createUndoAction(m_page, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    auto* redo = m_undo->createRedoAction(m_page, tr("&Redo"));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo});
    redo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_page->addAction(undo);
    m_page->addAction(redo);

    auto* filters = new QHBoxLayout;
    auto addFilter = [&](const QString& label, QComboBox*& combo, const char* name,
                         const QString& accessible) {
        auto* caption = new QLabel(label);
        combo = named(new QComboBox, name, accessible);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        caption->setBuddy(combo);
        filters->addWidget(caption);
        filters->addWidget(combo);
        connect(combo, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_filling) {
                fillRegister();
            }
        });
    };
    addFilter(tr("&LA:"), m_laFilter, "asksOffersLaFilter", tr("Show the asks and offers of this LA"));
    addFilter(tr("&Group:"), m_groupFilter, "asksOffersGroupFilter",
              tr("Show the asks and offers of this group"));
    addFilter(tr("&Theme:"), m_themeFilter, "asksOffersThemeFilter",
              tr("Show the asks and offers on this theme"));
    addFilter(tr("&Status:"), m_statusFilter, "asksOffersStatusFilter",
              tr("Show the asks and offers in this status"));
    addFilter(tr("&Kind:"), m_kindFilter, "asksOffersKindFilter", tr("Show asks, offers or both"));
    filters->addStretch(1);
    layout->addLayout(filters);

    // Above: the register and the chosen entry; below: the matches and the follow-ups.
    auto* rows = new QSplitter(Qt::Vertical);
    layout->addWidget(rows, 1);
    auto* split = new QSplitter(Qt::Horizontal);
    auto* bottom = new QSplitter(Qt::Horizontal);
    rows->addWidget(split);
    rows->addWidget(bottom);
    rows->setStretchFactor(0, 1);
    rows->setStretchFactor(1, 1);

    // The register and the chosen entry.
    auto* left = new QWidget;
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_summary = named(new QLabel, "asksOffersSummary", tr("How many asks and offers are shown"));
    leftLayout->addWidget(m_summary);
    m_register = named(makeTable({tr("LA"), tr("Group"), tr("Kind"), tr("Theme"), tr("Status"),
                                  tr("Kind of help"), tr("Text")}),
                       "asksOffersRegister", tr("The cycle's asks and offers"));
    leftLayout->addWidget(m_register, 1);
    connect(m_register, &QTableWidget::itemSelectionChanged, this, &AsksOffersSection::entryChosen);

    auto* entryBox = new QGroupBox(tr("The chosen ask or offer"));
    auto* entryForm = new QFormLayout(entryBox);
    m_entryTitle = named(new QLabel, "asksOffersEntryTitle", tr("The chosen ask or offer"));
    entryForm->addRow(m_entryTitle);
    m_theme = named(new QLineEdit, "asksOffersTheme", tr("Theme of the chosen ask or offer"));
    entryForm->addRow(tr("Theme:"), m_theme);
    m_text = named(new QPlainTextEdit, "asksOffersText", tr("Text of the chosen ask or offer"));
    m_text->setTabChangesFocus(true);
    m_text->setMaximumHeight(m_text->fontMetrics().lineSpacing() * 4 + 12);
    entryForm->addRow(tr("Te&xt:"), m_text);
    m_saveWording = named(new QPushButton(tr("Save &Wording")), "asksOffersSaveWording",
                          tr("Save the theme and text as a new revision"));
    m_saveWording->setToolTip(tr("Keeps the earlier wording as a revision (Ctrl+Return)"));
    auto* saveShortcut = new QAction(m_page);
    saveShortcut->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    saveShortcut->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    entryBox->addAction(saveShortcut);
    connect(saveShortcut, &QAction::triggered, this, &AsksOffersSection::saveWording);
    connect(m_saveWording, &QPushButton::clicked, this, &AsksOffersSection::saveWording);
    entryForm->addRow(QString(), m_saveWording);
    m_status = named(new QComboBox, "asksOffersStatus", tr("Status of the chosen ask or offer"));
    for (AskOfferStatus status : {AskOfferStatus::Open, AskOfferStatus::Matched, AskOfferStatus::Closed}) {
        m_status->addItem(statusWord(status), toKey(status));
    }
    entryForm->addRow(tr("Status:"), m_status);
    connect(m_status, &QComboBox::activated, this, [this] {
        if (auto status = askOfferStatusFromKey(m_status->currentData().toString())) {
            setStatus(*status);
        }
    });
    m_support = named(new QComboBox, "asksOffersSupport", tr("Kind of help the chosen ask needs"));
    entryForm->addRow(tr("Kind of help:"), m_support);
    connect(m_support, &QComboBox::activated, this,
            [this] { setSupportKind(m_support->currentData().toString()); });
    split->addWidget(left);
    auto* editor = new QWidget;
    auto* editorLayout = new QVBoxLayout(editor);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->addWidget(entryBox);

    auto* addBox = new QGroupBox(tr("Added after the day"));
    auto* addLayout = new QGridLayout(addBox);
    m_addLa = named(new QComboBox, "asksOffersAddLa", tr("LA of the new ask or offer"));
    m_addKind = named(new QComboBox, "asksOffersAddKind", tr("Ask or offer"));
    m_addKind->addItem(displayName(NoteKind::Ask), toKey(NoteKind::Ask));
    m_addKind->addItem(displayName(NoteKind::Offer), toKey(NoteKind::Offer));
    m_addTheme = named(new QLineEdit, "asksOffersAddTheme", tr("Theme of the new ask or offer"));
    m_addTheme->setPlaceholderText(tr("Theme"));
    m_addText = named(new QLineEdit, "asksOffersAddText", tr("Text of the new ask or offer"));
    m_addText->setPlaceholderText(tr("What the LA asks for or offers"));
    m_add = named(new QPushButton(tr("A&dd")), "asksOffersAdd", tr("Add the ask or offer to the register"));
    addLayout->addWidget(m_addLa, 0, 0);
    addLayout->addWidget(m_addKind, 0, 1);
    addLayout->addWidget(m_addTheme, 0, 2);
    addLayout->addWidget(m_addText, 1, 0, 1, 3);
    addLayout->addWidget(m_add, 1, 3);
    connect(m_add, &QPushButton::clicked, this, &AsksOffersSection::addEntry);
    connect(m_addText, &QLineEdit::returnPressed, this, &AsksOffersSection::addEntry);
    editorLayout->addWidget(addBox);
    editorLayout->addStretch(1);
    // Scrolled when the window is short (a 1280x720 laptop), so the register keeps its rows.
    auto* editorScroll =
        named(new QScrollArea, "asksOffersEditorArea", tr("The chosen ask or offer, and a new one"));
    editorScroll->setWidget(editor);
    editorScroll->setWidgetResizable(true);
    editorScroll->setFrameShape(QFrame::NoFrame);
    split->addWidget(editorScroll);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 1);
    split->setSizes({700, 380});

    // The suggested matches and the follow-ups.
    auto* right = new QWidget;
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto* suggestionsLabel = new QLabel(tr("S&uggested matches"));
    rightLayout->addWidget(suggestionsLabel);
    m_suggestions = named(makeTable({tr("Score"), tr("Ask"), tr("Offer"), tr("Why")}),
                          "asksOffersSuggestions", tr("Suggested matches of an ask with an offer"));
    m_suggestions->setWordWrap(true);
    suggestionsLabel->setBuddy(m_suggestions);
    rightLayout->addWidget(m_suggestions, 1);
    connect(m_suggestions, &QTableWidget::itemSelectionChanged, this, &AsksOffersSection::suggestionChosen);

    auto* decide = new QHBoxLayout;
    auto* ownerLabel = new QLabel(tr("&Owner:"));
    m_owner = named(new QLineEdit, "asksOffersOwner", tr("Who sees the confirmed match through"));
    ownerLabel->setBuddy(m_owner);
    auto* dueLabel = new QLabel(tr("Due:"));
    m_due = named(new QDateEdit, "asksOffersDue", tr("When the confirmed match is due"));
    m_due->setCalendarPopup(true);
    m_due->setDisplayFormat(QStringLiteral("d MMM yyyy"));
    dueLabel->setBuddy(m_due);
    m_confirm = named(new QPushButton(tr("Confir&m")), "asksOffersConfirm",
                      tr("Confirm the match: it becomes a follow-up"));
    m_dismiss = named(new QPushButton(tr("D&ismiss")), "asksOffersDismiss",
                      tr("Dismiss the match: it is not suggested again"));
    decide->addWidget(ownerLabel);
    decide->addWidget(m_owner, 1);
    decide->addWidget(dueLabel);
    decide->addWidget(m_due);
    decide->addWidget(m_confirm);
    decide->addWidget(m_dismiss);
    rightLayout->addLayout(decide);
    bottom->addWidget(right);
    auto* follow = new QWidget;
    auto* followLayout = new QVBoxLayout(follow);
    followLayout->setContentsMargins(0, 0, 0, 0);
    connect(m_confirm, &QPushButton::clicked, this,
            [this] { confirmSuggestion(m_suggestions->currentRow()); });
    connect(m_dismiss, &QPushButton::clicked, this,
            [this] { dismissSuggestion(m_suggestions->currentRow()); });

    auto* followLabel = new QLabel(tr("Confirmed follow-ups"));
    followLayout->addWidget(followLabel);
    m_followUps = named(makeTable({tr("Asked"), tr("Offered"), tr("Owner"), tr("Due"), tr("Status")}),
                        "asksOffersFollowUps", tr("Confirmed follow-ups"));
    followLabel->setBuddy(m_followUps);
    followLayout->addWidget(m_followUps, 1);
    m_toggleFollowUp = named(new QPushButton(tr("Mark Done")), "asksOffersToggleFollowUp",
                             tr("Mark the chosen follow-up done, or open again"));
    followLayout->addWidget(m_toggleFollowUp, 0, Qt::AlignRight);
    connect(m_toggleFollowUp, &QPushButton::clicked, this,
            [this] { toggleFollowUp(m_followUps->currentRow()); });
    connect(m_followUps, &QTableWidget::itemSelectionChanged, this, &AsksOffersSection::updateButtons);
    bottom->addWidget(follow);
    bottom->setStretchFactor(0, 3);
    bottom->setStretchFactor(1, 2);
    bottom->setSizes({680, 400});

    updateButtons();
}

void AsksOffersSection::showView(const QString& name) {
    Q_UNUSED(name)
    if (!m_document) {
        return;
    }
    showLatestCycleWith(this, *m_document, m_cycleId, [this](qint64 cycleId) {
        // A cycle whose register has been worked on: matches suggested or confirmed.
        MatchStore matches(m_document->database(), clock());
        auto followUps = matches.followUps(cycleId);
        auto suggestions = matches.suggestions(cycleId);
        return (followUps && !followUps->empty()) || (suggestions && !suggestions->empty());
    });
    if (m_register->rowCount() > 0 && m_register->currentRow() < 0) {
        m_register->selectRow(0);
    }
    if (m_suggestions->rowCount() > 0 && m_suggestions->currentRow() < 0) {
        m_suggestions->selectRow(0);
    }
}

void AsksOffersSection::leavingCycle() {
    m_undo->clear();
    m_versionsWritten.clear();
}

void AsksOffersSection::reload() {
    page();
    m_all.clear();
    m_menu.clear();
    if (m_document && m_cycleId != 0) {
        if (auto all = AskOfferRegister(m_document->database(), clock()).list(m_cycleId)) {
            m_all = std::move(*all);
        } else {
            refused(tr("Asks and offers"), all.message());
        }
        if (auto menu = supportMenu(m_document->database())) {
            m_menu = std::move(*menu);
        }
    }
    fillFilters();
    fillRegister();
    fillMatches();
}

void AsksOffersSection::fillFilters() {
    m_filling = true;
    auto refill = [](QComboBox* combo, const QString& all,
                     const std::vector<std::pair<QString, QVariant>>& entries) {
        const QVariant was = combo->currentData();
        combo->clear();
        combo->addItem(all, QVariant());
        for (const auto& [text, data] : entries) {
            combo->addItem(text, data);
        }
        const int index = was.isValid() ? combo->findData(was) : 0;
        combo->setCurrentIndex(index < 0 ? 0 : index);
    };
    std::map<QString, qint64> las;
    std::map<QString, qint64> groups;
    std::map<QString, QString> themes; // by themeKey: the first wording met
    for (const AskOffer& item : m_all) {
        las.emplace(item.authorityName, item.authorityId);
        groups.emplace(item.groupLabel, item.groupId);
        if (!item.theme.trimmed().isEmpty()) {
            themes.emplace(questions::themeKey(item.theme), item.theme.trimmed());
        }
    }
    std::vector<std::pair<QString, QVariant>> entries;
    for (const auto& [name, id] : las) {
        entries.emplace_back(name, id);
    }
    refill(m_laFilter, tr("All LAs"), entries);
    entries.clear();
    for (const auto& [label, id] : groups) {
        entries.emplace_back(tr("Group %1").arg(label), id);
    }
    refill(m_groupFilter, tr("All groups"), entries);
    entries.clear();
    for (const auto& [key, theme] : themes) {
        entries.emplace_back(theme, key);
    }
    refill(m_themeFilter, tr("All themes"), entries);
    entries.clear();
    for (AskOfferStatus status : {AskOfferStatus::Open, AskOfferStatus::Matched, AskOfferStatus::Closed}) {
        entries.emplace_back(statusWord(status), toKey(status));
    }
    refill(m_statusFilter, tr("Any status"), entries);
    entries = {{tr("Asks"), toKey(NoteKind::Ask)}, {tr("Offers"), toKey(NoteKind::Offer)}};
    refill(m_kindFilter, tr("Asks and offers"), entries);

    // The LAs an entry may be added for: every LA in a group of the cycle.
    const QVariant wasLa = m_addLa->currentData();
    m_addLa->clear();
    if (m_document && m_cycleId != 0) {
        if (auto schedule = ScheduleStore(m_document->database()).load(m_cycleId)) {
            std::map<QString, qint64> members;
            for (const Group& group : schedule->groups) {
                for (const GroupMember& member : group.members) {
                    members.emplace(schedule->authorityName(member.authorityId), member.authorityId);
                }
            }
            for (const auto& [name, id] : members) {
                m_addLa->addItem(name, id);
            }
        }
    }
    if (const int index = m_addLa->findData(wasLa); index >= 0) {
        m_addLa->setCurrentIndex(index);
    }
    m_support->clear();
    m_support->addItem(tr("(none)"), QString());
    for (const SupportKind& kind : m_menu) {
        m_support->addItem(kind.label, kind.key);
        m_support->setItemData(m_support->count() - 1, kind.description, Qt::ToolTipRole);
    }
    m_filling = false;
}

void AsksOffersSection::fillRegister() {
    const qint64 was = chosen() ? chosen()->itemId : 0;
    m_items.clear();
    if (m_document && m_cycleId != 0) {
        RegisterFilter filter;
        filter.authorityId = m_laFilter->currentData().toLongLong();
        filter.groupId = m_groupFilter->currentData().toLongLong();
        filter.theme = m_themeFilter->currentData().toString();
        if (auto status = askOfferStatusFromKey(m_statusFilter->currentData().toString())) {
            filter.status = status;
        }
        if (auto kind = noteKindFromKey(m_kindFilter->currentData().toString())) {
            filter.kind = kind;
        }
        if (auto items = AskOfferRegister(m_document->database(), clock()).list(m_cycleId, filter)) {
            m_items = std::move(*items);
        }
    }
    std::map<QString, QString> labels;
    for (const SupportKind& kind : m_menu) {
        labels[kind.key] = kind.label;
    }
    const QSignalBlocker blocker(m_register);
    m_register->setRowCount(int(m_items.size()));
    int asks = 0;
    for (int row = 0; row < int(m_items.size()); ++row) {
        const AskOffer& item = m_items[size_t(row)];
        asks += item.kind == NoteKind::Ask ? 1 : 0;
        m_register->setItem(row, LaColumn, cell(item.authorityName));
        m_register->setItem(row, GroupColumn, cell(item.groupLabel));
        m_register->setItem(row, KindColumn, cell(displayName(item.kind)));
        m_register->setItem(row, ThemeColumn, cell(item.theme));
        m_register->setItem(row, StatusColumn, cell(statusWord(item.status)));
        m_register->setItem(row, SupportColumn,
                            cell(item.supportKind.isEmpty()          ? QString()
                                 : labels.contains(item.supportKind) ? labels[item.supportKind]
                                                                     : item.supportKind));
        m_register->setItem(row, TextColumn, cell(item.text));
        m_register->item(row, LaColumn)->setData(Qt::UserRole, item.itemId);
    }
    m_register->resizeColumnsToContents();
    for (int column = 0; column < TextColumn; ++column) { // the text gets the room
        m_register->setColumnWidth(column, std::min(m_register->columnWidth(column), 110));
    }
    m_summary->setText(
        m_cycleId == 0 ? tr("Choose a cycle above.")
        : m_all.empty()
            ? tr("No asks or offers in this cycle yet: capture them at the days, or add one below.")
            : tr("%n shown (%1 asks, %2 offers) of %3 in the cycle.", nullptr, int(m_items.size()))
                  .arg(asks)
                  .arg(int(m_items.size()) - asks)
                  .arg(m_all.size()));
    if (was == 0 || !selectEntry(was)) {
        entryChosen();
    }
}

void AsksOffersSection::fillMatches() {
    m_matchList.clear();
    m_followUpList.clear();
    if (m_document && m_cycleId != 0) {
        MatchStore matches(m_document->database(), clock());
        if (auto suggestions = matches.suggestions(m_cycleId)) {
            m_matchList = std::move(*suggestions);
        }
        if (auto followUps = matches.followUps(m_cycleId)) {
            m_followUpList = std::move(*followUps);
        }
    }
    {
        const QSignalBlocker blocker(m_suggestions);
        m_suggestions->setRowCount(int(m_matchList.size()));
        for (int row = 0; row < int(m_matchList.size()); ++row) {
            const MatchSuggestion& match = m_matchList[size_t(row)];
            m_suggestions->setItem(row, 0, cell(QString::number(match.score, 'f', 2)));
            m_suggestions->setItem(
                row, 1, cell(QStringLiteral("%1: %2").arg(match.ask.authorityName, match.ask.text)));
            m_suggestions->setItem(
                row, 2, cell(QStringLiteral("%1: %2").arg(match.offer.authorityName, match.offer.text)));
            m_suggestions->setItem(row, 3, cell(match.reason()));
        }
        m_suggestions->setColumnWidth(
            0, m_suggestions->fontMetrics().horizontalAdvance(QStringLiteral("Score  ")));
        m_suggestions->setColumnWidth(1, 230);
        m_suggestions->setColumnWidth(2, 230);
        m_suggestions->resizeRowsToContents();
    }
    const QDate today = todayInEngland(clock());
    {
        const QSignalBlocker blocker(m_followUps);
        const int was = m_followUps->currentRow();
        m_followUps->setRowCount(int(m_followUpList.size()));
        for (int row = 0; row < int(m_followUpList.size()); ++row) {
            const FollowUp& followUp = m_followUpList[size_t(row)];
            const bool overdue =
                followUp.status == FollowUpStatus::Open && followUp.due.isValid() && followUp.due < today;
            m_followUps->setItem(row, 0, cell(followUp.askingAuthority));
            m_followUps->setItem(row, 1, cell(followUp.offeringAuthority));
            m_followUps->setItem(row, 2, cell(followUp.owner));
            m_followUps->setItem(row, 3,
                                 cell(followUp.due.isValid()
                                          ? followUp.due.toString(QStringLiteral("d MMM yyyy")) +
                                                (overdue ? tr(" (overdue)") : QString())
                                          : QString()));
            m_followUps->setItem(row, 4,
                                 cell(followUp.status == FollowUpStatus::Done ? tr("done") : tr("open")));
        }
        m_followUps->resizeColumnsToContents();
        if (was >= 0 && was < m_followUps->rowCount()) {
            m_followUps->selectRow(was);
        }
    }
    suggestionChosen();
}

std::optional<AskOffer> AsksOffersSection::chosen() const {
    const int row = m_register ? m_register->currentRow() : -1;
    const auto selected = m_register ? m_register->selectionModel()->selectedRows() : QModelIndexList();
    if (row < 0 || row >= int(m_items.size()) || selected.isEmpty()) {
        return std::nullopt;
    }
    return m_items[size_t(row)];
}

bool AsksOffersSection::selectEntry(qint64 itemId) {
    page();
    for (int row = 0; row < int(m_items.size()); ++row) {
        if (m_items[size_t(row)].itemId == itemId) {
            m_register->selectRow(row);
            entryChosen();
            return true;
        }
    }
    return false;
}

void AsksOffersSection::entryChosen() {
    const auto item = chosen();
    m_entryTitle->setText(item ? tr("%1 of %2 (group %3), captured %4")
                                     .arg(displayName(item->kind), item->authorityName, item->groupLabel,
                                          item->capturedAtUtc.toString(QStringLiteral("d MMM yyyy")))
                               : tr("Choose an ask or offer in the register to change it."));
    m_theme->setText(item ? item->theme : QString());
    m_text->setPlainText(item ? item->text : QString());
    m_status->setCurrentIndex(item ? m_status->findData(toKey(item->status)) : -1);
    int support = item ? m_support->findData(item->supportKind) : -1;
    if (item && support < 0) { // a tag whose key has left the menu: shown by its key
        m_support->addItem(item->supportKind, item->supportKind);
        support = m_support->count() - 1;
    }
    m_support->setCurrentIndex(support);
    updateButtons();
}

void AsksOffersSection::suggestionChosen() {
    const int row = m_suggestions->currentRow();
    if (row >= 0 && row < int(m_matchList.size())) {
        // Sensible defaults: the programme office sees a match through, within three months.
        if (m_owner->text().trimmed().isEmpty()) {
            m_owner->setText(tr("Programme office"));
        }
    }
    if (m_document) {
        const QDate today = todayInEngland(clock());
        m_due->setMinimumDate(today.addYears(-1));
        if (m_due->date() < today) {
            m_due->setDate(today.addMonths(3));
        }
    }
    updateButtons();
}

void AsksOffersSection::updateButtons() {
    const bool writable = m_document && !m_document->isReadOnly();
    const auto item = chosen();
    for (QWidget* widget : std::initializer_list<QWidget*>{m_theme, m_text, m_saveWording, m_status}) {
        widget->setEnabled(writable && item.has_value());
    }
    m_support->setEnabled(writable && item && item->kind == NoteKind::Ask);
    for (QWidget* widget :
         std::initializer_list<QWidget*>{m_addLa, m_addKind, m_addTheme, m_addText, m_add}) {
        widget->setEnabled(writable && m_cycleId != 0 && m_addLa->count() > 0);
    }
    const bool suggestion = m_suggestions->currentRow() >= 0 && !m_suggestions->selectedItems().isEmpty();
    m_confirm->setEnabled(writable && suggestion);
    m_dismiss->setEnabled(writable && suggestion);
    const int followUp = m_followUps->currentRow();
    const bool hasFollowUp = followUp >= 0 && followUp < int(m_followUpList.size());
    m_toggleFollowUp->setEnabled(writable && hasFollowUp);
    m_toggleFollowUp->setText(hasFollowUp && m_followUpList[size_t(followUp)].status == FollowUpStatus::Done
                                  ? tr("Open Again")
                                  : tr("Mark Done"));
}

void AsksOffersSection::written(const QString& message, qint64 groupId) {
    Q_EMIT statusMessage(message, 5000);
    if (m_document) {
        m_document->notifyNotesChanged(m_cycleId, groupId); // reloads this page, and the others
    }
}

void AsksOffersSection::refused(const QString& title, const QString& message) {
    m_prompter.showError(title, message);
    reload();
}

bool AsksOffersSection::saveWording() {
    const auto item = chosen();
    if (!item || !m_document) {
        return false;
    }
    const QString theme = m_theme->text().trimmed();
    const QString text = m_text->toPlainText().trimmed();
    if (theme == item->theme && text == item->text) {
        Q_EMIT statusMessage(tr("Nothing to save: the wording is as stored."), 3000);
        return false;
    }
    AskOfferRegister items(m_document->database(), clock());
    // Based on the item as the register shows it: refused if someone else changed it since.
    auto revision = items.edit(item->itemId, theme, text, item->rowVersion);
    if (!revision) {
        refused(tr("Save Wording"), revision.message());
        if (revision.error().kind == Error::Kind::Changed && selectEntry(item->itemId)) {
            // The reload shows their change in the register; the editor keeps what was typed, so
            // that it can be compared and saved again without typing it anew.
            m_theme->setText(theme);
            m_text->setPlainText(text);
        }
        return false;
    }
    const qint64 id = item->itemId;
    const QString oldTheme = item->theme;
    const QString oldText = item->text;
    Database& db = m_document->database();
    const Clock& c = clock();
    m_undo->push(new RegisterCommand(
        *this, tr("new wording of %1's %2").arg(item->authorityName, displayName(item->kind).toLower()),
        item->groupId, id,
        [&db, &c, id, theme, text](std::optional<int> basedOn) {
            return statusOf(AskOfferRegister(db, c).edit(id, theme, text, basedOn));
        },
        [&db, &c, id, oldTheme, oldText](std::optional<int> basedOn) {
            return statusOf(AskOfferRegister(db, c).edit(id, oldTheme, oldText, basedOn));
        },
        versionOf(db, c, id)));
    written(tr("Saved the new wording as revision %1.").arg(*revision), item->groupId);
    return true;
}

bool AsksOffersSection::setStatus(AskOfferStatus status) {
    const auto item = chosen();
    if (!item || !m_document || item->status == status) {
        return false;
    }
    AskOfferRegister items(m_document->database(), clock());
    if (Status done = items.setStatus(item->itemId, status, item->rowVersion); !done) {
        refused(tr("Status"), done.message());
        return false;
    }
    const qint64 id = item->itemId;
    const AskOfferStatus was = item->status;
    Database& db = m_document->database();
    const Clock& c = clock();
    m_undo->push(new RegisterCommand(
        *this, tr("%1's status %2").arg(item->authorityName, statusWord(status)), item->groupId, id,
        [&db, &c, id, status](std::optional<int> basedOn) {
            return AskOfferRegister(db, c).setStatus(id, status, basedOn);
        },
        [&db, &c, id, was](std::optional<int> basedOn) {
            return AskOfferRegister(db, c).setStatus(id, was, basedOn);
        },
        versionOf(db, c, id)));
    written(tr("%1's %2 is now %3.")
                .arg(item->authorityName, displayName(item->kind).toLower(), statusWord(status)),
            item->groupId);
    return true;
}

bool AsksOffersSection::setSupportKind(const QString& key) {
    const auto item = chosen();
    if (!item || !m_document || item->supportKind == key) {
        return false;
    }
    AskOfferRegister items(m_document->database(), clock());
    if (Status done = items.setSupportKind(item->itemId, key, item->rowVersion); !done) {
        refused(tr("Kind of help"), done.message());
        return false;
    }
    const qint64 id = item->itemId;
    const QString was = item->supportKind;
    Database& db = m_document->database();
    const Clock& c = clock();
    m_undo->push(new RegisterCommand(
        *this, tr("kind of help for %1's ask").arg(item->authorityName), item->groupId, id,
        [&db, &c, id, key](std::optional<int> basedOn) {
            return AskOfferRegister(db, c).setSupportKind(id, key, basedOn);
        },
        [&db, &c, id, was](std::optional<int> basedOn) {
            return AskOfferRegister(db, c).setSupportKind(id, was, basedOn);
        },
        versionOf(db, c, id)));
    written(key.isEmpty()
                ? tr("%1's ask has no kind of help now.").arg(item->authorityName)
                : tr("%1's ask is tagged \"%2\".").arg(item->authorityName, m_support->currentText()),
            item->groupId);
    return true;
}

bool AsksOffersSection::addEntry() {
    if (!m_document || m_cycleId == 0 || m_addLa->currentIndex() < 0) {
        return false;
    }
    const auto kind = noteKindFromKey(m_addKind->currentData().toString());
    AskOfferRegister items(m_document->database(), clock());
    auto id = items.add(m_cycleId, m_addLa->currentData().toLongLong(), kind.value_or(NoteKind::Ask),
                        m_addTheme->text().trimmed(), m_addText->text().trimmed());
    if (!id) {
        refused(tr("Add"), id.message());
        return false;
    }
    const QString la = m_addLa->currentText();
    m_addTheme->clear();
    m_addText->clear();
    auto added = items.item(*id);
    written(tr("Added %1's %2 to the register.").arg(la, m_addKind->currentText().toLower()),
            added ? added->groupId : 0);
    selectEntry(*id);
    return true;
}

bool AsksOffersSection::confirmSuggestion(int row) {
    if (!m_document || row < 0 || row >= int(m_matchList.size())) {
        return false;
    }
    const MatchSuggestion match = m_matchList[size_t(row)];
    const QString owner = m_owner->text().trimmed();
    if (owner.isEmpty()) {
        m_prompter.showError(tr("Confirm"),
                             tr("A confirmed match needs an owner who sees it through: type a name "
                                "or a team in Owner, then confirm again."));
        m_owner->setFocus();
        return false;
    }
    auto followUp = MatchStore(m_document->database(), clock())
                        .confirm(match.ask.itemId, match.offer.itemId, owner, m_due->date());
    if (!followUp) {
        refused(tr("Confirm"), followUp.message());
        return false;
    }
    written(tr("Confirmed: %1's offer for %2's ask, owned by %3, due %4.")
                .arg(match.offer.authorityName, match.ask.authorityName, owner,
                     m_due->date().toString(QStringLiteral("d MMM yyyy"))),
            match.ask.groupId);
    return true;
}

bool AsksOffersSection::dismissSuggestion(int row) {
    if (!m_document || row < 0 || row >= int(m_matchList.size())) {
        return false;
    }
    const MatchSuggestion match = m_matchList[size_t(row)];
    if (!m_prompter.askConfirm(tr("Dismiss"),
                               tr("Dismiss the match of %1's ask with %2's offer? It will not be suggested "
                                  "again, and Undo cannot bring it back.")
                                   .arg(match.ask.authorityName, match.offer.authorityName),
                               tr("Dismiss"))) {
        return false;
    }
    if (Status done =
            MatchStore(m_document->database(), clock()).dismiss(match.ask.itemId, match.offer.itemId);
        !done) {
        refused(tr("Dismiss"), done.message());
        return false;
    }
    written(tr("Dismissed the match of %1's ask with %2's offer.")
                .arg(match.ask.authorityName, match.offer.authorityName),
            match.ask.groupId);
    return true;
}

bool AsksOffersSection::toggleFollowUp(int row) {
    if (!m_document || row < 0 || row >= int(m_followUpList.size())) {
        return false;
    }
    const FollowUp& followUp = m_followUpList[size_t(row)];
    const FollowUpStatus next =
        followUp.status == FollowUpStatus::Done ? FollowUpStatus::Open : FollowUpStatus::Done;
    const QString what = tr("%1 for %2").arg(followUp.offeringAuthority, followUp.askingAuthority);
    if (Status done = MatchStore(m_document->database(), clock()).setFollowUpStatus(followUp.id, next);
        !done) {
        refused(tr("Follow-up"), done.message());
        return false;
    }
    written(next == FollowUpStatus::Done ? tr("The follow-up %1 is done.").arg(what)
                                         : tr("The follow-up %1 is open again.").arg(what));
    return true;
}

} // namespace balcony::gui
