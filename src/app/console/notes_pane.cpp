#include "console/notes_pane.h"

#include "console/day_session.h"
#include "document/region_document.h"
#include "engine/clock.h"
#include "engine/day_state.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTableWidget>
#include <QTextBlock>
#include <QVBoxLayout>

namespace balcony::gui {
namespace {

enum Column { KindColumn, ThemeColumn, TextColumn };

} // namespace

const std::vector<NoteKind>& NotesPane::captureKinds() {
    static const std::vector<NoteKind> kinds{NoteKind::Strength, NoteKind::Insight, NoteKind::Ask,
                                             NoteKind::Offer,    NoteKind::Action,  NoteKind::Reflection};
    return kinds;
}

NotesPane::NotesPane(RegionDocument& document, qint64 cycleId, DaySession& session, const Clock& clock,
                     QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_cycleId(cycleId)
    , m_session(session)
    , m_store(document.database(), [&clock] { return clock.utcNow(); })
    , m_saver(std::make_unique<NoteSaver>(m_store, clock)) {
    setAccessibleName(tr("Notes"));
    auto* layout = new QVBoxLayout(this);

    auto* top = new QHBoxLayout;
    m_heading = new QLabel(this);
    m_heading->setWordWrap(true);
    m_indicator = new QLabel(this);
    m_indicator->setAccessibleName(tr("Save status"));
    m_indicator->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_indicator->setWordWrap(true);
    top->addWidget(m_heading, 1);
    top->addWidget(m_indicator, 1);
    layout->addLayout(top);

    m_editor = new QPlainTextEdit(this);
    m_editor->setAccessibleName(tr("Notes for this block"));
    m_editor->setTabChangesFocus(true);
    m_editor->setPlaceholderText(tr("Type notes for this block. They are saved as you go."));
    layout->addWidget(m_editor, 2);

    auto* captureRow = new QHBoxLayout;
    m_captureText = new QLineEdit(this);
    m_captureText->setAccessibleName(tr("Item to capture"));
    m_captureText->setPlaceholderText(tr("Item text (or select text in the notes), then Alt+1 to Alt+6"));
    m_theme = new QLineEdit(this);
    m_theme->setAccessibleName(tr("Theme for captured items"));
    m_theme->setPlaceholderText(tr("Theme (optional)"));
    captureRow->addWidget(m_captureText, 3);
    captureRow->addWidget(m_theme, 1);
    layout->addLayout(captureRow);

    // Two rows of three, so that the pane fits the console's side column on a 1366x768 laptop.
    auto* buttons = new QGridLayout;
    int number = 1;
    for (NoteKind kind : captureKinds()) {
        const QKeySequence keys(QStringLiteral("Alt+%1").arg(number++));
        auto* button = new QPushButton(displayName(kind), this);
        button->setAccessibleName(tr("Capture %1").arg(displayName(kind).toLower()));
        button->setToolTip(tr("Capture as %1 (%2)")
                               .arg(displayName(kind).toLower(), keys.toString(QKeySequence::NativeText)));
        connect(button, &QPushButton::clicked, this, [this, kind] { static_cast<void>(capture(kind)); });
        buttons->addWidget(button, (number - 2) / 3, (number - 2) % 3);
    }
    layout->addLayout(buttons);

    m_items = new QTableWidget(0, 3, this);
    m_items->setAccessibleName(tr("Captured items"));
    m_items->setHorizontalHeaderLabels({tr("Kind"), tr("Theme"), tr("Text")});
    m_items->horizontalHeader()->setStretchLastSection(true);
    m_items->verticalHeader()->hide();
    m_items->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_items->setSelectionMode(QAbstractItemView::SingleSelection);
    m_items->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                             QAbstractItemView::AnyKeyPressed);
    layout->addWidget(m_items, 1);

    auto* itemRow = new QHBoxLayout;
    m_itemsMessage = new QLabel(this);
    m_itemsMessage->setWordWrap(true);
    m_delete = new QPushButton(tr("Delete item"), this);
    m_delete->setAccessibleName(tr("Delete the selected item"));
    m_delete->setToolTip(tr("Delete the selected item (Delete)"));
    itemRow->addWidget(m_itemsMessage, 1);
    itemRow->addWidget(m_delete);
    layout->addLayout(itemRow);

    auto* deleteKey = new QShortcut(QKeySequence::Delete, m_items);
    deleteKey->setContext(Qt::WidgetShortcut);
    connect(deleteKey, &QShortcut::activated, this,
            [this] { static_cast<void>(deleteItem(m_items->currentRow())); });
    connect(m_delete, &QPushButton::clicked, this,
            [this] { static_cast<void>(deleteItem(m_items->currentRow())); });
    connect(m_items, &QTableWidget::cellChanged, this, [this](int row, int) {
        if (m_loading || row < 0 || row >= static_cast<int>(m_rowItems.size())) {
            return;
        }
        static_cast<void>(
            reviseItem(row, m_items->item(row, ThemeColumn)->text(), m_items->item(row, TextColumn)->text()));
    });

    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_loading) {
            m_saver->setText(m_editor->toPlainText());
        }
    });
    connect(m_saver.get(), &NoteSaver::stateChanged, this, [this] { showState(); });
    connect(m_saver.get(), &NoteSaver::saved, this, [this] { notifySaved(); });
    connect(&m_session, &DaySession::stateChanged, this, [this](const DayState& state) { follow(state); });

    // The capture keys are taken before any window shortcut sees them (eventFilter).
    for (QWidget* child : findChildren<QWidget*>()) {
        child->installEventFilter(this);
    }
    loadBlock(m_session.state().blockIndex);
}

bool NotesPane::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        const int index = key->key() - Qt::Key_1;
        if (key->modifiers() == Qt::AltModifier && index >= 0 &&
            index < static_cast<int>(captureKinds().size())) {
            // Accepting the override makes the key a key press for the focused field, so that a window
            // shortcut on the same key (the Schedule's Alt+1..3 views) can neither take it nor make it
            // ambiguous; the key press then captures.
            event->accept();
            if (event->type() == QEvent::KeyPress) {
                static_cast<void>(capture(captureKinds().at(static_cast<size_t>(index))));
            }
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

NotesPane::~NotesPane() {
    static_cast<void>(m_saver->seal());
}

Status NotesPane::flush() {
    return m_saver->flush();
}

QString NotesPane::indicatorText() const {
    return m_indicator->text();
}

void NotesPane::follow(const DayState& state) {
    if (state.blockIndex != m_block) {
        loadBlock(state.blockIndex);
    }
}

qint64 NotesPane::authorityFor(int block) const {
    const auto& timetable = m_session.plan().timetable;
    const auto& blocks = timetable.blocks;
    for (int i = std::min(block, static_cast<int>(blocks.size()) - 1); i >= 0; --i) {
        if (blocks[static_cast<size_t>(i)].presenter.authorityId != 0) {
            return blocks[static_cast<size_t>(i)].presenter.authorityId;
        }
    }
    return timetable.members.empty() ? 0 : timetable.members.front().authorityId;
}

bool NotesPane::loadBlock(int block) {
    if (m_block >= 0) {
        if (auto sealed = m_saver->seal(); !sealed) {
            // Stay on the old block's text: it is not saved yet and must not be dropped.
            showState();
            return false;
        }
    }
    const auto& blocks = m_session.plan().timetable.blocks;
    m_block = block;
    m_authorityId = authorityFor(block);
    QString title;
    QString presenter;
    if (block >= 0 && block < static_cast<int>(blocks.size())) {
        title = blocks[static_cast<size_t>(block)].title;
    }
    for (const auto& member : m_session.plan().timetable.members) {
        if (member.authorityId == m_authorityId) {
            presenter = member.name;
        }
    }
    m_heading->setText(presenter.isEmpty() ? tr("Notes: %1").arg(title)
                                           : tr("Notes: %1 (%2)").arg(title, presenter));

    qint64 itemId = 0;
    QString text;
    auto notes = m_store.current(m_session.groupId(), {.authorityId = 0, .kind = NoteKind::Note});
    if (notes) {
        for (const auto& note : *notes) {
            if (note.current.content.blockIndex == block) {
                itemId = note.id;
                text = note.current.content.text;
            }
        }
    }
    m_loading = true;
    m_editor->setPlainText(text);
    m_loading = false;
    m_saver->setTarget({m_session.groupId(), m_authorityId, block}, itemId, text);
    if (!notes) {
        m_indicator->setText(tr("The saved notes could not be read: %1").arg(notes.error().message));
    } else {
        showState();
    }
    reloadItems();
    return true;
}

void NotesPane::reloadItems() {
    m_loading = true;
    m_items->setRowCount(0);
    m_rowItems.clear();
    auto items = m_store.current(m_session.groupId(), {.authorityId = m_authorityId, .kind = {}});
    if (!items) {
        m_itemsMessage->setText(tr("The captured items could not be read: %1").arg(items.error().message));
        m_loading = false;
        return;
    }
    for (const auto& item : *items) {
        const auto& content = item.current.content;
        if (content.kind == NoteKind::Note) {
            continue;
        }
        const int row = m_items->rowCount();
        m_items->insertRow(row);
        auto* kind = new QTableWidgetItem(displayName(content.kind));
        kind->setFlags(kind->flags() & ~Qt::ItemIsEditable);
        m_items->setItem(row, KindColumn, kind);
        m_items->setItem(row, ThemeColumn, new QTableWidgetItem(content.theme));
        m_items->setItem(row, TextColumn, new QTableWidgetItem(content.text));
        m_rowItems.push_back(item.id);
    }
    m_delete->setEnabled(!m_rowItems.empty());
    m_loading = false;
}

void NotesPane::reloadItemsLater() {
    // Not from inside the table's own cellChanged: the edited cell must outlive the signal.
    QMetaObject::invokeMethod(
        this, [this] { reloadItems(); }, Qt::QueuedConnection);
}

void NotesPane::showState() {
    switch (m_saver->state()) {
    case NoteSaver::State::Saved:
        m_indicator->setText(tr("Saved"));
        break;
    case NoteSaver::State::Saving:
        m_indicator->setText(tr("Saving…"));
        break;
    case NoteSaver::State::Failed:
        m_indicator->setText(tr("Not saved: %1 Your text is kept here and saved when you type again, or by "
                                "itself within a few "
                                "seconds once it can be.")
                                 .arg(m_saver->errorMessage()));
        break;
    }
}

void NotesPane::notifySaved() {
    m_document.notifyNotesChanged(m_cycleId, m_session.groupId());
}

QString NotesPane::captureText() {
    if (!m_captureText->text().trimmed().isEmpty()) {
        return m_captureText->text().trimmed();
    }
    const QTextCursor cursor = m_editor->textCursor();
    if (cursor.hasSelection()) {
        return cursor.selectedText().replace(QChar::ParagraphSeparator, u'\n').trimmed();
    }
    return cursor.block().text().trimmed();
}

Status NotesPane::capture(NoteKind kind) {
    const QString text = captureText();
    if (text.isEmpty()) {
        m_itemsMessage->setText(
            tr("Type the item first (in the item field, or a line of notes), then capture it."));
        return failure(Error::Kind::InvalidInput, m_itemsMessage->text());
    }
    const NoteContent content{kind, m_theme->text().trimmed(), m_block, text};
    auto id = m_store.capture(m_session.groupId(), m_authorityId, content);
    if (!id) {
        m_itemsMessage->setText(tr("Not captured: %1").arg(id.error().message));
        return id.error();
    }
    m_captureText->clear();
    m_itemsMessage->setText(tr("Captured as %1.").arg(displayName(kind).toLower()));
    notifySaved();
    reloadItems();
    return {};
}

Status NotesPane::reviseItem(int row, const QString& theme, const QString& text) {
    if (row < 0 || row >= static_cast<int>(m_rowItems.size())) {
        return failure(Error::Kind::NotFound, tr("Choose an item first."));
    }
    const qint64 id = m_rowItems[static_cast<size_t>(row)];
    auto current = m_store.item(id);
    if (!current) {
        m_itemsMessage->setText(tr("Not changed: %1").arg(current.error().message));
        return current.error();
    }
    NoteContent content = current->current.content;
    content.theme = theme.trimmed();
    content.text = text;
    auto revised = m_store.revise(id, content);
    if (!revised) {
        m_itemsMessage->setText(tr("Not changed: %1").arg(revised.error().message));
        reloadItemsLater();
        return revised.error();
    }
    m_itemsMessage->setText(tr("Item changed."));
    notifySaved();
    reloadItemsLater();
    return {};
}

Status NotesPane::deleteItem(int row) {
    if (row < 0 || row >= static_cast<int>(m_rowItems.size())) {
        return failure(Error::Kind::NotFound, tr("Choose an item first."));
    }
    auto removed = m_store.remove(m_rowItems[static_cast<size_t>(row)]);
    if (!removed) {
        m_itemsMessage->setText(tr("Not deleted: %1").arg(removed.error().message));
        return removed.error();
    }
    m_itemsMessage->setText(tr("Item deleted."));
    notifySaved();
    reloadItems();
    return {};
}

} // namespace balcony::gui
