#include "review/notes_workspace.h"

#include "document/region_document.h"
#include "domain/schedule_store.h"
#include "engine/clock.h"
#include "frame/icons.h"
#include "frame/prompter.h"
#include "notes/note_diff.h"
#include "notes/note_review.h"
#include "notes/session_note_draft.h"
#include "notes/session_note_store.h"
#include "reports/document_format.h"
#include "reports/note_document.h"
#include "reports/session_note_document.h"
#include "review/comparison_html.h"
#include "review/notes_model.h"
#include "review/outcomes_section.h"
#include "review_pack/review_pack.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextEdit>
#include <QTextList>
#include <QToolBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace balcony::gui {

namespace {

QString whenText(const QDateTime& utc) {
    return utc.toUTC().toString(QStringLiteral("d MMM yyyy HH:mm 'UTC'"));
}

QString originText(RevisionOrigin origin) {
    switch (origin) {
    case RevisionOrigin::Draft:
        return NotesWorkspace::tr("Drafted from the day");
    case RevisionOrigin::Edit:
        return NotesWorkspace::tr("Facilitator's edit");
    case RevisionOrigin::Dcs:
        return NotesWorkspace::tr("DCS's amendment");
    }
    return {};
}

} // namespace

NotesWorkspace::NotesWorkspace(Prompter& prompter, const Clock* clock, QObject* parent)
    : Workspace(parent)
    , m_prompter(prompter)
    , m_ownClock(clock ? nullptr : std::make_unique<SystemClock>())
    , m_clock(clock ? *clock : *m_ownClock) {
    buildActions();
    buildPage();
    updateActions();
}

NotesWorkspace::~NotesWorkspace() = default;

QString NotesWorkspace::title() const {
    return tr("Notes and Outcomes");
}

QString NotesWorkspace::toolTip() const {
    return tr("Session notes: drafting, review by each DCS, agreement");
}

QIcon NotesWorkspace::icon() const {
    return gui::icon(QStringLiteral("workspace-notes"));
}

QString NotesWorkspace::menuText() const {
    return tr("&Notes and Outcomes");
}

QList<QMenu*> NotesWorkspace::menus() const {
    return {m_menu.get()};
}

QStringList NotesWorkspace::viewNames() const {
    QStringList names{QStringLiteral("notes"), QStringLiteral("note-review")};
    for (const OutcomesSection* section : m_outcomesSections) {
        names << section->viewNames();
    }
    return names;
}

void NotesWorkspace::addSection(std::unique_ptr<OutcomesSection> owned) {
    OutcomesSection* section = owned.release();
    section->setParent(this);
    m_outcomesSections.push_back(section);
    m_sections->addTab(section->page(), section->title());
    connect(section, &OutcomesSection::statusMessage, this, &Workspace::statusMessage);
    if (const QList<QAction*> actions = section->actions(); !actions.isEmpty()) {
        m_menu->addSeparator();
        m_menu->addActions(actions);
    }
    section->setDocument(m_document);
    section->setCycle(currentCycleId());
}

void NotesWorkspace::buildActions() {
    m_menu = std::make_unique<QMenu>(tr("N&otes"));
    const auto make = [this](const QString& text, const QKeySequence& key, void (NotesWorkspace::*slot)()) {
        auto* action = m_menu->addAction(text);
        action->setShortcut(key);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_draftAction = make(tr("&Draft Notes from the Day"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D),
                         &NotesWorkspace::draftNotes);
    m_takeAction = make(tr("&Take the Day's Additions..."), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T),
                        &NotesWorkspace::takeAdditions);
    m_menu->addSeparator();
    m_saveAction = m_menu->addAction(tr("&Save Note"));
    m_saveAction->setShortcut(QKeySequence::Save);
    connect(m_saveAction, &QAction::triggered, this, [this] { save(); });
    m_menu->addSeparator();
    m_sendAction = make(tr("Send for &Review..."), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                        &NotesWorkspace::sendForReview);
    m_importAction = make(tr("&Import Returned Pack..."), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_I),
                          &NotesWorkspace::importPack);
    m_agreeAction = make(tr("Record &Agreement"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_A),
                         &NotesWorkspace::recordAgreement);
    m_shareAction = make(tr("S&hare with Lead Member"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_L),
                         &NotesWorkspace::share);
    m_reopenAction =
        make(tr("Re&open..."), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_R), &NotesWorkspace::reopen);
    m_menu->addSeparator();
    m_exportAction = make(tr("&Export Note..."), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X),
                          &NotesWorkspace::exportNote);
    QMenu* all = m_menu->addMenu(tr("Export A&ll Notes"));
    for (const reports::DocumentFormat* format : reports::documentFormats()) {
        auto* action = all->addAction(tr("As %1...").arg(format->description()));
        connect(action, &QAction::triggered, this, [this, format] { exportAll(*format); });
        m_exportAllActions << action;
    }

    m_headingAction = new QAction(tr("Heading"), this);
    m_headingAction->setToolTip(tr("Make the paragraph a heading (Ctrl+Alt+H)"));
    m_headingAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_H));
    connect(m_headingAction, &QAction::triggered, this, [this] { setBlockFormat(2); });
    m_paragraphAction = new QAction(tr("Paragraph"), this);
    m_paragraphAction->setToolTip(tr("Make it plain text (Ctrl+Alt+0)"));
    m_paragraphAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_0));
    connect(m_paragraphAction, &QAction::triggered, this, [this] { setBlockFormat(0); });
    m_bulletAction = new QAction(tr("Bullet List"), this);
    m_bulletAction->setToolTip(tr("Start or end a bullet list (Ctrl+Alt+B)"));
    m_bulletAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_B));
    connect(m_bulletAction, &QAction::triggered, this, &NotesWorkspace::toggleBulletList);
    QMenu* format = m_menu->addMenu(tr("&Format"));
    format->addActions({m_headingAction, m_paragraphAction, m_bulletAction});
}

void NotesWorkspace::buildPage() {
    m_page = new QWidget;
    m_page->setObjectName(QStringLiteral("notesPage"));
    auto* layout = new QVBoxLayout(m_page);

    auto* top = new QHBoxLayout;
    auto* cycleLabel = new QLabel(tr("&Cycle:"));
    m_cycle = new QComboBox;
    m_cycle->setObjectName(QStringLiteral("notesCycle"));
    cycleLabel->setBuddy(m_cycle);
    top->addWidget(cycleLabel);
    top->addWidget(m_cycle);
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("notesSummary"));
    top->addWidget(m_summary, 1);
    auto* bar = new QToolBar;
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addAction(m_draftAction);
    bar->addAction(m_sendAction);
    bar->addAction(m_importAction);
    bar->addAction(m_exportAction);
    top->addWidget(bar);
    layout->addLayout(top);
    connect(m_cycle, &QComboBox::currentIndexChanged, this, &NotesWorkspace::cycleChosen);

    m_sections = new QTabWidget;
    m_sections->setObjectName(QStringLiteral("notesSections"));
    // Once an outcomes section is added the tab bar takes focus, so it needs a name of its own.
    m_sections->setDocumentMode(true);
    m_sections->setAccessibleName(tr("Session notes and the outcomes of the cycle"));
    layout->addWidget(m_sections, 1);
    auto* split = new QSplitter(Qt::Horizontal);
    m_sections->addTab(split, tr("Session &Notes"));
    // The note actions' bar belongs to the session notes; the outcomes tabs have their own.
    connect(m_sections, &QTabWidget::currentChanged, bar, [bar](int index) { bar->setVisible(index == 0); });

    m_model = new NotesModel(this);
    m_sorted = new QSortFilterProxyModel(this);
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(NotesModel::SortRole);
    m_view = new QTableView;
    m_view->setObjectName(QStringLiteral("notesList"));
    m_view->setAccessibleName(tr("Session notes of the cycle"));
    m_view->setModel(m_sorted);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(NotesModel::GroupColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    split->addWidget(m_view);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &NotesWorkspace::noteChosen);

    auto* right = new QWidget;
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_noteTitle = new QLabel;
    m_noteTitle->setObjectName(QStringLiteral("noteTitle"));
    m_noteTitle->setWordWrap(true);
    QFont big = m_noteTitle->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    big.setBold(true);
    m_noteTitle->setFont(big);
    rightLayout->addWidget(m_noteTitle);
    m_lockBanner = new QLabel;
    m_lockBanner->setObjectName(QStringLiteral("noteLockBanner"));
    m_lockBanner->setWordWrap(true);
    m_lockBanner->setFrameShape(QFrame::StyledPanel);
    m_lockBanner->setStyleSheet(
        QStringLiteral("QLabel { background: #e8eef7; color: #1c2b40; padding: 6px; }"));
    m_lockBanner->hide();
    rightLayout->addWidget(m_lockBanner);

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("noteTabs"));
    m_tabs->setAccessibleName(tr("The note and its revisions"));
    auto* noteTab = new QWidget;
    auto* noteLayout = new QVBoxLayout(noteTab);
    auto* formatBar = new QToolBar;
    formatBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    formatBar->addAction(m_headingAction);
    formatBar->addAction(m_paragraphAction);
    formatBar->addAction(m_bulletAction);
    formatBar->addSeparator();
    formatBar->addAction(m_saveAction);
    formatBar->addAction(m_takeAction);
    noteLayout->addWidget(formatBar);
    m_editor = new QTextEdit;
    m_editor->setObjectName(QStringLiteral("noteEditor"));
    m_editor->setAccessibleName(tr("Session note"));
    m_editor->setAcceptRichText(false); // pasted text arrives plain; structure comes from the toolbar
    for (QAction* action : {m_headingAction, m_paragraphAction, m_bulletAction}) {
        action->setShortcutContext(Qt::WidgetShortcut);
        m_editor->addAction(action);
    }
    noteLayout->addWidget(m_editor, 1);
    connect(m_editor->document(), &QTextDocument::modificationChanged, this, [this] { updateActions(); });
    m_tabs->addTab(noteTab, tr("&Note"));

    auto* revisionsTab = new QWidget;
    auto* revisionsLayout = new QVBoxLayout(revisionsTab);
    m_revisions = new QTreeWidget;
    m_revisions->setObjectName(QStringLiteral("noteRevisions"));
    m_revisions->setAccessibleName(tr("Revisions of the note"));
    m_revisions->setRootIsDecorated(false);
    m_revisions->setHeaderLabels({tr("Revision"), tr("By"), tr("When"), tr("Origin")});
    m_revisions->setMaximumHeight(120);
    revisionsLayout->addWidget(m_revisions);
    auto* pick = new QHBoxLayout;
    auto* fromLabel = new QLabel(tr("Compare &revision"));
    m_from = new QComboBox;
    m_from->setObjectName(QStringLiteral("compareFrom"));
    fromLabel->setBuddy(m_from);
    auto* toLabel = new QLabel(tr("&with"));
    m_to = new QComboBox;
    m_to->setObjectName(QStringLiteral("compareTo"));
    toLabel->setBuddy(m_to);
    pick->addWidget(fromLabel);
    pick->addWidget(m_from);
    pick->addWidget(toLabel);
    pick->addWidget(m_to);
    pick->addStretch(1);
    revisionsLayout->addLayout(pick);
    m_comparisonHeader = new QLabel;
    m_comparisonHeader->setObjectName(QStringLiteral("comparisonHeader"));
    m_comparisonHeader->setWordWrap(true);
    m_comparisonHeader->setTextFormat(Qt::RichText);
    revisionsLayout->addWidget(m_comparisonHeader);
    m_comparison = new QTextBrowser;
    m_comparison->setObjectName(QStringLiteral("noteComparison"));
    m_comparison->setAccessibleName(tr("Comparison of two revisions"));
    revisionsLayout->addWidget(m_comparison, 1);
    connect(m_from, &QComboBox::currentIndexChanged, this, &NotesWorkspace::showComparison);
    connect(m_to, &QComboBox::currentIndexChanged, this, &NotesWorkspace::showComparison);
    connect(m_revisions, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const int number = item->data(0, Qt::UserRole).toInt();
        compare(number > 1 ? number - 1 : number, number);
    });
    m_tabs->addTab(revisionsTab, tr("Re&visions"));
    rightLayout->addWidget(m_tabs, 1);
    split->addWidget(right);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setSizes({770, 600}); // every column of the list in view on a 1366-pixel laptop
}

void NotesWorkspace::setDocument(RegionDocument* document) {
    if (m_document) {
        saveIfModified();
        disconnect(m_document, nullptr, this, nullptr);
    }
    m_document = document;
    m_schedule.reset();
    m_noteId = 0;
    if (document) {
        connect(document, &RegionDocument::cyclesChanged, this, &NotesWorkspace::reloadCycles);
        connect(document, &RegionDocument::scheduleChanged, this, [this](qint64 cycleId) {
            if (cycleId == currentCycleId()) {
                cycleChosen();
            }
        });
        connect(document, &RegionDocument::notesChanged, this, [this](qint64 cycleId, qint64) {
            if (cycleId == currentCycleId()) {
                refreshNotes();
            }
        });
        // Someone else's note (on a server): the list and an unmodified editor follow it; text
        // being edited stays, and its save is checked against their change.
        connect(document, &RegionDocument::changedElsewhere, this, [this](ChangeFeed::Area area) {
            if (area == ChangeFeed::Area::Notes) {
                refreshNotes();
            }
        });
    }
    for (OutcomesSection* section : m_outcomesSections) {
        section->setDocument(document);
    }
    reloadCycles();
}

void NotesWorkspace::reloadCycles() {
    const qint64 was = currentCycleId();
    {
        const QSignalBlocker blocker(m_cycle);
        m_cycle->clear();
        if (!m_document) {
            m_model->setNotes({}, {});
            cycleChosen();
            return;
        }
        auto cycles = ScheduleStore(m_document->database()).cycles();
        if (cycles) {
            for (const Cycle& cycle : *cycles) {
                m_cycle->addItem(cycle.name, cycle.id);
            }
        }
        // The cycle shown before, or else the latest that has notes, or else the latest.
        int chosen = was ? m_cycle->findData(was) : -1;
        if (chosen < 0 && cycles) {
            SessionNoteStore store(m_document->database(), m_clock);
            for (int i = m_cycle->count() - 1; i >= 0 && chosen < 0; --i) {
                auto notes = store.notes(m_cycle->itemData(i).toLongLong());
                chosen = notes && !notes->empty() ? i : -1;
            }
        }
        m_cycle->setCurrentIndex(chosen >= 0 ? chosen : m_cycle->count() - 1);
    }
    cycleChosen();
}

qint64 NotesWorkspace::currentCycleId() const {
    return m_cycle->currentIndex() >= 0 ? m_cycle->currentData().toLongLong() : 0;
}

bool NotesWorkspace::selectCycle(qint64 cycleId) {
    const int index = m_cycle->findData(cycleId);
    if (index < 0) {
        return false;
    }
    m_cycle->setCurrentIndex(index);
    return true;
}

void NotesWorkspace::cycleChosen() {
    saveIfModified();
    m_schedule.reset();
    if (m_document && currentCycleId()) {
        auto schedule = ScheduleStore(m_document->database()).load(currentCycleId());
        if (schedule) {
            m_schedule = std::move(*schedule);
        }
    }
    m_noteId = 0;
    refreshNotes();
    if (m_noteId == 0 && m_sorted->rowCount() > 0) {
        m_view->selectRow(0);
    }
    for (OutcomesSection* section : m_outcomesSections) {
        section->setCycle(currentCycleId());
    }
}

void NotesWorkspace::refreshNotes() {
    std::vector<SessionNote> notes;
    QDate today;
    if (m_document && currentCycleId()) {
        SessionNoteStore store(m_document->database(), m_clock);
        today = store.today();
        if (auto loaded = store.notes(currentCycleId())) {
            notes = std::move(*loaded);
        }
    }
    int overdue = 0;
    for (const auto& note : notes) {
        overdue += note.isOverdue(today) ? 1 : 0;
    }
    m_summary->setText(notes.empty() ? tr("No session notes yet: draft them from the day.")
                       : overdue > 0 ? tr("%n note(s), ", nullptr, static_cast<int>(notes.size())) +
                                           tr("%n overdue", nullptr, overdue)
                                     : tr("%n note(s)", nullptr, static_cast<int>(notes.size())));
    const qint64 keep = m_noteId;
    const std::optional<SessionNote> before = chosenNote();
    {
        const QSignalBlocker blocker(m_view->selectionModel());
        m_model->setNotes(std::move(notes), today);
        const int row = m_model->rowOf(keep);
        if (row >= 0) {
            const QModelIndex index = m_sorted->mapFromSource(m_model->index(row, 0));
            m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                                 QItemSelectionModel::Rows);
        }
    }
    if (m_model->rowOf(keep) < 0) {
        m_noteId = 0;
    }
    // The console saves the day's notes as the facilitator types, and each save says notes changed:
    // when the chosen session note is as it was, its revisions and comparison stay as they are.
    const auto note = chosenNote();
    if (before && note && before->latestRevision == note->latestRevision && before->status == note->status &&
        m_loadedRevision == note->latestRevision) {
        updateActions();
        return;
    }
    // Our own save leaves the editor as it is (with its undo history); anyone else's new revision
    // is loaded, unless the facilitator has unsaved changes in it.
    showNote(note && note->latestRevision != m_loadedRevision && !m_editor->document()->isModified());
}

void NotesWorkspace::noteChosen() {
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    const qint64 id = current.isValid() ? m_sorted->data(current, NotesModel::NoteIdRole).toLongLong() : 0;
    if (id == m_noteId) {
        return;
    }
    if (!saveIfModified()) {
        // The typed text is not saved (a full disk, say): stay on its note so that it is not dropped.
        // Reselected after this selection change has finished, not from inside it.
        QMetaObject::invokeMethod(
            this,
            [this, keep = m_noteId] {
                if (const int row = m_model->rowOf(keep); row >= 0 && m_noteId == keep) {
                    m_view->selectionModel()->setCurrentIndex(m_sorted->mapFromSource(m_model->index(row, 0)),
                                                              QItemSelectionModel::ClearAndSelect |
                                                                  QItemSelectionModel::Rows);
                }
            },
            Qt::QueuedConnection);
        return;
    }
    m_noteId = id;
    showNote(true);
}

bool NotesWorkspace::selectNote(qint64 noteId) {
    const int row = m_model->rowOf(noteId);
    if (row < 0) {
        return false;
    }
    m_view->selectionModel()->setCurrentIndex(m_sorted->mapFromSource(m_model->index(row, 0)),
                                              QItemSelectionModel::ClearAndSelect |
                                                  QItemSelectionModel::Rows);
    return m_noteId == noteId;
}

std::optional<SessionNote> NotesWorkspace::chosenNote() const {
    const int row = m_model->rowOf(m_noteId);
    if (row < 0) {
        return std::nullopt;
    }
    return *m_model->noteAt(row);
}

void NotesWorkspace::showNote(bool reloadText) {
    const auto note = chosenNote();
    if (!note) {
        m_loading = true;
        m_editor->clear();
        m_editor->setReadOnly(true);
        m_loading = false;
        m_loadedRevision = 0;
        m_noteTitle->setText(m_model->rowCount() ? tr("Choose a note in the list.") : QString());
        m_lockBanner->hide();
        showRevisions();
        updateActions();
        return;
    }
    m_noteTitle->setText(tr("%1: %2, revision %3")
                             .arg(note->authorityName, displayName(note->status))
                             .arg(note->latestRevision));
    if (reloadText) {
        SessionNoteStore store(m_document->database(), m_clock);
        auto revision = store.revision(note->id);
        m_loading = true;
        m_editor->setMarkdown(revision ? revision->body : QString());
        m_editor->document()->setModified(false);
        m_editor->document()->clearUndoRedoStacks();
        m_loading = false;
        m_loadedRevision = revision ? revision->number : 0;
    }
    // A step (sent, agreed) changes the version but not the text: while the editor holds the latest
    // revision, a save is based on the note as it is now.
    if (m_loadedRevision == note->latestRevision) {
        m_loadedVersion = note->rowVersion;
    }
    const bool locked = isLocked(note->status);
    const bool readOnly = locked || m_document->isReadOnly();
    m_editor->setReadOnly(readOnly);
    if (locked) {
        m_lockBanner->setText(
            note->status == NoteStatus::Shared
                ? tr("Shared with the lead member: revision %1 was agreed and is the record, so it cannot be "
                     "edited. To change it, reopen it (Notes > Reopen), which is recorded with your reason.")
                      .arg(note->agreedRevision)
                : tr("Agreed: revision %1 is the record, so it cannot be edited. To change it, reopen it "
                     "(Notes > Reopen), which is recorded with your reason.")
                      .arg(note->agreedRevision));
        m_lockBanner->show();
    } else if (m_document->isReadOnly()) {
        m_lockBanner->setText(tr("The region is open read-only, so notes cannot be changed."));
        m_lockBanner->show();
    } else {
        m_lockBanner->hide();
    }
    showRevisions();
    updateActions();
}

void NotesWorkspace::showRevisions() {
    const QSignalBlocker fromBlocker(m_from);
    const QSignalBlocker toBlocker(m_to);
    const int keepFrom = m_from->currentData().toInt();
    const int keepTo = m_to->currentData().toInt();
    m_revisions->clear();
    m_from->clear();
    m_to->clear();
    const auto note = chosenNote();
    if (!note) {
        m_comparison->clear();
        m_comparisonHeader->clear();
        return;
    }
    SessionNoteStore store(m_document->database(), m_clock);
    auto revisions = store.revisions(note->id);
    if (!revisions) {
        m_comparisonHeader->setText(revisions.message().toHtmlEscaped());
        return;
    }
    for (const auto& revision : *revisions) {
        QString number = QString::number(revision.number);
        if (revision.number == note->agreedRevision) {
            number += tr(" (agreed)");
        } else if (revision.number == note->sentRevision) {
            number += tr(" (sent)");
        }
        auto* item =
            new QTreeWidgetItem(m_revisions, {number, revision.author, whenText(revision.createdAtUtc),
                                              originText(revision.origin)});
        item->setData(0, Qt::UserRole, revision.number);
        m_from->addItem(tr("%1").arg(revision.number), revision.number);
        m_to->addItem(tr("%1").arg(revision.number), revision.number);
    }
    for (int i = 0; i < m_revisions->columnCount(); ++i) {
        m_revisions->resizeColumnToContents(i);
    }
    const int latest = note->latestRevision;
    const bool same = m_from->findData(keepFrom) >= 0 && m_to->findData(keepTo) >= 0 && keepTo == latest;
    m_from->setCurrentIndex(m_from->findData(same ? keepFrom : std::max(1, latest - 1)));
    m_to->setCurrentIndex(m_to->findData(latest));
    showComparison();
}

bool NotesWorkspace::compare(int fromRevision, int toRevision) {
    const int from = m_from->findData(fromRevision);
    const int to = m_to->findData(toRevision);
    if (from < 0 || to < 0) {
        return false;
    }
    {
        const QSignalBlocker fromBlocker(m_from);
        const QSignalBlocker toBlocker(m_to);
        m_from->setCurrentIndex(from);
        m_to->setCurrentIndex(to);
    }
    showComparison();
    m_tabs->setCurrentIndex(1);
    return true;
}

void NotesWorkspace::showComparison() {
    const auto note = chosenNote();
    if (!note || m_from->currentIndex() < 0 || m_to->currentIndex() < 0) {
        m_comparison->clear();
        m_comparisonHeader->clear();
        return;
    }
    SessionNoteStore store(m_document->database(), m_clock);
    auto comparison =
        compareRevisions(store, note->id, m_from->currentData().toInt(), m_to->currentData().toInt());
    if (!comparison) {
        m_comparisonHeader->setText(comparison.message().toHtmlEscaped());
        m_comparison->clear();
        return;
    }
    m_comparisonHeader->setText(comparisonHeaderHtml(*comparison));
    m_comparison->setHtml(comparisonHtml(comparison->spans));
    m_comparison->scrollToAnchor(QLatin1String(firstChangeAnchor));
}

void NotesWorkspace::updateActions() {
    const auto note = chosenNote();
    const bool writable = m_document && !m_document->isReadOnly();
    const std::optional<NoteStatus> status = note ? std::optional(note->status) : std::nullopt;
    const bool open = writable && status && !isLocked(*status);
    m_draftAction->setEnabled(writable && m_schedule.has_value());
    m_takeAction->setEnabled(open);
    m_saveAction->setEnabled(open && m_editor->document()->isModified());
    m_sendAction->setEnabled(writable && (status == NoteStatus::Draft || status == NoteStatus::Amended));
    m_importAction->setEnabled(writable);
    m_agreeAction->setEnabled(writable && (status == NoteStatus::Sent || status == NoteStatus::Amended));
    m_shareAction->setEnabled(writable && status == NoteStatus::Agreed);
    m_reopenAction->setEnabled(writable && status && isLocked(*status));
    m_exportAction->setEnabled(note.has_value());
    for (QAction* action : m_exportAllActions) {
        action->setEnabled(m_model->rowCount() > 0);
    }
    for (QAction* action : {m_headingAction, m_paragraphAction, m_bulletAction}) {
        action->setEnabled(open);
    }
}

QString NotesWorkspace::facilitatorFor(const SessionNote& note) const {
    if (m_schedule) {
        for (const Group& group : m_schedule->groups) {
            if (group.id == note.groupId && group.facilitatorId) {
                const QString name = m_schedule->personName(group.facilitatorId);
                if (!name.isEmpty()) {
                    return name;
                }
            }
        }
    }
    return tr("Facilitator");
}

QString NotesWorkspace::dcsFor(const SessionNote& note) const {
    const Person* dcs = m_schedule ? m_schedule->dcsOf(note.authorityId) : nullptr;
    return dcs ? dcs->name : tr("DCS of %1").arg(note.authorityName);
}

void NotesWorkspace::announce(const SessionNote& note) {
    if (m_document) {
        m_document->notifyNotesChanged(note.cycleId, note.groupId);
    }
}

void NotesWorkspace::refused(const QString& title, const Status& status) {
    m_prompter.showError(title, status.message());
}

bool NotesWorkspace::saveIfModified() {
    if (m_noteId != 0 && m_editor->document()->isModified() && !m_editor->isReadOnly()) {
        return save();
    }
    return true;
}

bool NotesWorkspace::save() {
    const auto note = chosenNote();
    if (!note || !m_document || m_editor->isReadOnly() || !m_editor->document()->isModified()) {
        return false;
    }
    SessionNoteStore store(m_document->database(), m_clock);
    auto saved = store.save(note->id, m_editor->toMarkdown(), facilitatorFor(*note), RevisionOrigin::Edit,
                            m_loadedVersion);
    if (!saved) {
        if (saved.error().kind == Error::Kind::Changed) {
            offerReload(saved.error().message);
        } else {
            refused(tr("Save Note"), saved.error());
        }
        return false;
    }
    m_loadedRevision = saved->revision;
    m_loadedVersion = saved->rowVersion;
    m_editor->document()->setModified(false);
    announce(*note);
    Q_EMIT statusMessage(tr("%1's note saved as revision %2.").arg(note->authorityName).arg(saved->revision),
                         5000);
    return true;
}

void NotesWorkspace::offerReload(const QString& message) {
    // The text stays in the editor, unsaved, unless the user chooses to reload; then it goes to the
    // clipboard first, so that nothing they typed is lost.
    if (!m_prompter.askConfirm(tr("Save Note"),
                               message + QStringLiteral("\n\n") +
                                   tr("Reload the note now? Your text is copied to the clipboard first, so "
                                      "that you can paste back what you need."),
                               tr("Reload"))) {
        return;
    }
    QGuiApplication::clipboard()->setText(m_editor->toMarkdown());
    refreshNotes();
    showNote(true);
    Q_EMIT statusMessage(tr("The note was reloaded; your text is on the clipboard."), 10000);
}

void NotesWorkspace::draftNotes() {
    if (!m_document || !m_schedule) {
        return;
    }
    saveIfModified();
    SessionNoteDrafter drafter(m_document->database(), m_clock);
    int created = 0;
    int redrafted = 0;
    int locked = 0;
    QStringList withAdditions;
    for (const Group& group : m_schedule->groups) {
        QString facilitator = group.facilitatorId ? m_schedule->personName(group.facilitatorId) : QString();
        if (facilitator.isEmpty()) {
            facilitator = tr("Facilitator");
        }
        bool wrote = false;
        for (const GroupMember& member : group.members) {
            auto drafted = drafter.draft(group.id, member.authorityId, facilitator);
            if (!drafted) {
                refused(tr("Draft Notes from the Day"), drafted.error());
                break;
            }
            switch (drafted->outcome) {
            case SessionNoteDrafter::Outcome::Created:
                ++created;
                wrote = true;
                break;
            case SessionNoteDrafter::Outcome::Redrafted:
                ++redrafted;
                wrote = true;
                break;
            case SessionNoteDrafter::Outcome::Additions:
                withAdditions << m_schedule->authorityName(member.authorityId);
                break;
            case SessionNoteDrafter::Outcome::Locked:
                ++locked;
                break;
            case SessionNoteDrafter::Outcome::Unchanged:
                break;
            }
        }
        if (wrote) {
            m_document->notifyNotesChanged(m_schedule->cycle.id, group.id);
        }
    }
    m_loadedRevision = -1; // a re-draft may have replaced the note in the editor
    refreshNotes();
    QString text = tr("%n note(s) drafted, ", nullptr, created) + tr("%n re-drafted.", nullptr, redrafted);
    if (!withAdditions.isEmpty()) {
        text += QLatin1Char(' ') + tr("Edited notes are left as they are; the day adds to %1: take it with "
                                      "Notes > Take the Day's Additions.")
                                       .arg(withAdditions.join(QStringLiteral(", ")));
    }
    if (locked > 0) {
        text += QLatin1Char(' ') + tr("%n agreed note(s) left untouched.", nullptr, locked);
    }
    m_summary->setText(text);
    Q_EMIT statusMessage(text, 8000);
}

void NotesWorkspace::takeAdditions() {
    const auto note = chosenNote();
    if (!note || !m_document) {
        return;
    }
    saveIfModified();
    SessionNoteDrafter drafter(m_document->database(), m_clock);
    auto additions = drafter.additions(note->id);
    if (!additions) {
        refused(tr("Take the Day's Additions"), additions.error());
        return;
    }
    if (additions->empty()) {
        Q_EMIT statusMessage(tr("The day's notes add nothing new to %1's note.").arg(note->authorityName),
                             5000);
        return;
    }
    QStringList lines;
    for (const DraftLine& line : *additions) {
        lines << QStringLiteral("- %1%2: %3")
                     .arg(line.section,
                          line.subsection.isEmpty() ? QString() : QStringLiteral(" / ") + line.subsection,
                          line.text);
    }
    const QString message =
        tr("The day's notes hold %n item(s) that %1's note does not have yet:", nullptr,
           static_cast<int>(additions->size()))
            .arg(note->authorityName) +
        QStringLiteral("\n\n") + lines.join(u'\n') + QStringLiteral("\n\n") +
        tr("Taking them adds each at the end of its section as a new revision; nothing you wrote changes.");
    if (!m_prompter.askConfirm(tr("Take the Day's Additions"), message, tr("Take Them"))) {
        return;
    }
    auto number = drafter.takeAdditions(note->id, {}, facilitatorFor(*note));
    if (!number) {
        refused(tr("Take the Day's Additions"), number.error());
        return;
    }
    m_loadedRevision = -1; // load the new revision into the editor
    announce(*note);
    Q_EMIT statusMessage(tr("Additions taken into revision %1.").arg(*number), 5000);
}

void NotesWorkspace::sendForReview() {
    const auto note = chosenNote();
    if (!note || !m_document) {
        return;
    }
    saveIfModified();
    const QString folder =
        m_prompter.askFolder(tr("Send %1's Note for Review: Folder for the Pack").arg(note->authorityName));
    if (folder.isEmpty()) {
        return;
    }
    auto sent =
        balcony::sendForReview(m_document->database(), m_clock, note->id, folder, facilitatorFor(*note));
    if (!sent) {
        refused(tr("Send for Review"), sent.error());
        return;
    }
    announce(*note);
    Q_EMIT statusMessage(tr("%1: revision %2 sent for review, answer due %3. Send the DCS %4.")
                             .arg(sent->authorityName)
                             .arg(sent->revision)
                             .arg(sent->dueOn.toString(u"d MMMM yyyy"), QFileInfo(sent->packPath).fileName()),
                         10000);
}

void NotesWorkspace::importPack() {
    if (!m_document) {
        return;
    }
    saveIfModified();
    const QString path =
        m_prompter.askOpenFile(tr("Import Returned Review Pack"),
                               tr("Review packs (*%1);;All files (*)").arg(QLatin1String(reviewPackSuffix)));
    if (path.isEmpty()) {
        return;
    }
    auto imported = importReviewPack(m_document->database(), m_clock, path);
    if (!imported) {
        refused(tr("Import Returned Pack"), imported.error());
        return;
    }
    SessionNoteStore store(m_document->database(), m_clock);
    auto note = store.note(imported->noteId);
    if (!note) {
        return;
    }
    if (note->cycleId != currentCycleId()) {
        selectCycle(note->cycleId);
    }
    m_loadedRevision = -1;
    announce(*note);
    selectNote(note->id);
    if (imported->agreed) {
        Q_EMIT statusMessage(tr("%1: %2 agreed revision %3; the note is now the record.")
                                 .arg(imported->authorityName, imported->dcsName)
                                 .arg(imported->latestRevision),
                             10000);
    } else {
        compare(note->sentRevision, imported->latestRevision);
        Q_EMIT statusMessage(tr("%1: %2's amendments saved as revision %3.")
                                 .arg(imported->authorityName, imported->dcsName)
                                 .arg(imported->latestRevision),
                             10000);
    }
}

void NotesWorkspace::recordAgreement() {
    const auto note = chosenNote();
    if (!note || !m_document) {
        return;
    }
    saveIfModified();
    const QString dcs = dcsFor(*note);
    if (!m_prompter.askConfirm(
            tr("Record Agreement"),
            tr("Record that %1 agreed revision %2 of %3's note? The agreed note is the record "
               "and cannot be edited unless it is reopened.")
                .arg(dcs)
                .arg(note->latestRevision)
                .arg(note->authorityName),
            tr("Record Agreement"))) {
        return;
    }
    SessionNoteStore store(m_document->database(), m_clock);
    if (auto agreed = store.agree(note->id, dcs); !agreed) {
        refused(tr("Record Agreement"), agreed);
        return;
    }
    announce(*note);
    Q_EMIT statusMessage(tr("%1's note agreed by %2.").arg(note->authorityName, dcs), 5000);
}

void NotesWorkspace::share() {
    const auto note = chosenNote();
    if (!note || !m_document) {
        return;
    }
    SessionNoteStore store(m_document->database(), m_clock);
    if (auto shared = store.share(note->id, dcsFor(*note)); !shared) {
        refused(tr("Share with Lead Member"), shared);
        return;
    }
    announce(*note);
    Q_EMIT statusMessage(tr("%1's note recorded as shared with the lead member.").arg(note->authorityName),
                         5000);
}

void NotesWorkspace::reopen() {
    const auto note = chosenNote();
    if (!note || !m_document) {
        return;
    }
    const QString reason =
        m_prompter
            .askText(tr("Reopen %1's Note").arg(note->authorityName),
                     tr("Why must the agreed note change? The reason is recorded with the reopening."))
            .trimmed();
    if (reason.isEmpty()) {
        return;
    }
    if (!m_prompter.askConfirm(
            tr("Reopen %1's Note").arg(note->authorityName),
            tr("Reopening makes %1's note a draft again, to be sent and agreed anew. Agreed "
               "revision %2 stays in the record, and so does your reason: \"%3\".")
                .arg(note->authorityName)
                .arg(note->agreedRevision)
                .arg(reason),
            tr("Reopen"))) {
        return;
    }
    SessionNoteStore store(m_document->database(), m_clock);
    if (auto reopened = store.reopen(note->id, facilitatorFor(*note), reason); !reopened) {
        refused(tr("Reopen"), reopened);
        return;
    }
    announce(*note);
    Q_EMIT statusMessage(tr("%1's note reopened as a draft.").arg(note->authorityName), 5000);
}

void NotesWorkspace::exportNote() {
    const auto note = chosenNote();
    if (!note || !m_document) {
        return;
    }
    saveIfModified();
    const auto& formats = reports::documentFormats();
    const auto choice = m_prompter.askSaveFileAndType(
        tr("Export %1's Note").arg(note->authorityName),
        reports::noteFileName(note->authorityName, *formats.front()), reports::documentNameFilters());
    if (choice.path.isEmpty()) {
        return;
    }
    // The type the file's name asks for; else the type chosen in the dialog (its extension added);
    // else the first.
    const reports::DocumentFormat* format = reports::findDocumentFormat(QFileInfo(choice.path).suffix());
    QString target = choice.path;
    if (!format) {
        format = reports::formatForNameFilter(choice.selectedFilter);
        format = format ? format : formats.front();
        target = format->withExtension(choice.path);
    }
    auto document = reports::sessionNoteDocument(m_document->database(), note->id);
    if (!document) {
        refused(tr("Export Note"), document.error());
        return;
    }
    if (auto written = reports::writeNoteDocument(*document, *format, target); !written) {
        refused(tr("Export Note"), written);
        return;
    }
    Q_EMIT statusMessage(tr("Wrote %1's note (revision %2) to %3.")
                             .arg(note->authorityName)
                             .arg(document->revision)
                             .arg(QDir::toNativeSeparators(target)),
                         8000);
}

void NotesWorkspace::exportAll(const reports::DocumentFormat& format) {
    if (!m_document || m_model->rowCount() == 0) {
        return;
    }
    saveIfModified();
    const QString folder =
        m_prompter.askFolder(tr("Export All Notes as %1: Folder").arg(format.description()));
    if (folder.isEmpty()) {
        return;
    }
    std::vector<reports::NoteDocument> documents;
    for (const SessionNote& note : m_model->notes()) {
        auto document = reports::sessionNoteDocument(m_document->database(), note.id);
        if (!document) {
            refused(tr("Export All Notes"), document.error());
            return;
        }
        documents.push_back(std::move(*document));
    }
    auto report = reports::writeNoteDocuments(documents, format, folder);
    if (!report) {
        refused(tr("Export All Notes"), report.error());
        return;
    }
    Q_EMIT statusMessage(
        tr("Wrote %n note(s), one file per LA, to %1.", nullptr, static_cast<int>(report->files.size()))
            .arg(QDir::toNativeSeparators(folder)),
        8000);
}

void NotesWorkspace::showView(const QString& name) {
    for (OutcomesSection* section : m_outcomesSections) {
        if (section->viewNames().contains(name)) {
            m_sections->setCurrentWidget(section->page());
            section->showView(name);
            return;
        }
    }
    m_sections->setCurrentIndex(0);
    if (name == QLatin1String("note-review")) {
        // The note with the most revisions (an amended one first): the richest comparison to show.
        const SessionNote* best = nullptr;
        for (const SessionNote& note : m_model->notes()) {
            const auto rank = [](const SessionNote& n) {
                return std::pair(n.status == NoteStatus::Amended ? 1 : 0, n.latestRevision);
            };
            if (note.latestRevision > 1 && (!best || rank(note) > rank(*best))) {
                best = &note;
            }
        }
        if (best && selectNote(best->id)) {
            compare(best->latestRevision - 1, best->latestRevision);
        }
        return;
    }
    m_tabs->setCurrentIndex(0);
}

void NotesWorkspace::setBlockFormat(int headingLevel) {
    if (m_editor->isReadOnly()) {
        return;
    }
    QTextCursor cursor = m_editor->textCursor();
    cursor.beginEditBlock();
    if (QTextList* list = cursor.currentList(); list && headingLevel > 0) {
        list->remove(cursor.block());
    }
    QTextBlockFormat block = cursor.blockFormat();
    block.setHeadingLevel(headingLevel);
    if (headingLevel == 0) {
        block.setIndent(0);
    }
    cursor.setBlockFormat(block);
    // What a heading looks like as the editor shows it; the Markdown keeps only the level.
    QTextCharFormat chars;
    chars.setFontWeight(headingLevel > 0 ? QFont::Bold : QFont::Normal);
    chars.setProperty(QTextFormat::FontSizeAdjustment, headingLevel > 0 ? 4 - headingLevel : 0);
    cursor.select(QTextCursor::BlockUnderCursor);
    cursor.mergeCharFormat(chars);
    cursor.endEditBlock();
}

void NotesWorkspace::toggleBulletList() {
    if (m_editor->isReadOnly()) {
        return;
    }
    QTextCursor cursor = m_editor->textCursor();
    cursor.beginEditBlock();
    if (QTextList* list = cursor.currentList()) {
        list->remove(cursor.block());
        QTextBlockFormat block = cursor.blockFormat();
        block.setIndent(0);
        cursor.setBlockFormat(block);
    } else {
        QTextBlockFormat block = cursor.blockFormat();
        block.setHeadingLevel(0);
        cursor.setBlockFormat(block);
        cursor.createList(QTextListFormat::ListDisc);
    }
    cursor.endEditBlock();
}

} // namespace balcony::gui
