#include "console/console_workspace.h"

#include "console/countdown_view.h"
#include "console/day_session.h"
#include "console/day_strip.h"
#include "console/notes_pane.h"
#include "console/question_panel.h"
#include "document/region_document.h"
#include "domain/schedule_store.h"
#include "engine/clock.h"
#include "engine/day_engine.h"
#include "engine/day_event.h"
#include "engine/day_resume.h"
#include "frame/icons.h"
#include "frame/prompter.h"
#include "presenter/presenter_miniature.h"
#include "presenter/presenter_window.h"
#include "presenter/room_messages.h"

#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFrame>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTextEdit>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace balcony::gui {

namespace {

bool isTextField(const QWidget* widget) {
    return qobject_cast<const QLineEdit*>(widget) != nullptr ||
           qobject_cast<const QTextEdit*>(widget) != nullptr ||
           qobject_cast<const QPlainTextEdit*>(widget) != nullptr ||
           qobject_cast<const QAbstractSpinBox*>(widget) != nullptr;
}

QString plainText(QString text) {
    return text.remove(QLatin1Char('&'));
}

QLabel* makeLabel(const QString& name, int pointSizeDelta, bool bold, QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::NoTextInteraction);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() + pointSizeDelta);
    font.setBold(bold);
    label->setFont(font);
    return label;
}

QFrame* makeBanner(const QString& name, QLabel*& text, QWidget* parent) {
    auto* banner = new QFrame(parent);
    banner->setObjectName(name);
    banner->setFrameShape(QFrame::StyledPanel);
    banner->setAutoFillBackground(true);
    QPalette palette = banner->palette();
    palette.setColor(QPalette::Window, palette.color(QPalette::ToolTipBase));
    palette.setColor(QPalette::WindowText, palette.color(QPalette::ToolTipText));
    banner->setPalette(palette);
    auto* layout = new QHBoxLayout(banner);
    text = makeLabel(name + QStringLiteral("Text"), 3, true, banner);
    layout->addWidget(text, 1);
    banner->hide();
    return banner;
}

// "12 min", "1 h 05 min", "less than a minute".
QString durationText(qint64 ms) {
    const qint64 minutes = ms / 60000;
    if (minutes < 1) {
        return ConsoleWorkspace::tr("less than a minute");
    }
    if (minutes < 60) {
        return ConsoleWorkspace::tr("%1 min").arg(minutes);
    }
    return ConsoleWorkspace::tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

// Whether the group's day is live today (running or paused, planned for today: isLiveToday).
bool isLive(Database& db, const QString& cycleName, const Group& group, const Clock& clock) {
    auto count = DayEventLog(db).count(group.id);
    if (!count || *count == 0) {
        return false;
    }
    auto day = loadGroupDay(db, cycleName, group.label);
    auto events = DayEventLog(db).load(group.id);
    if (!day || !events) {
        return false;
    }
    return isLiveToday(day->plan, computeDayState(day->plan, *events, clock.utcNow()));
}

} // namespace

ConsoleWorkspace::ConsoleWorkspace(Prompter& prompter, const Clock* clock, QSettings* settings,
                                   QObject* parent)
    : Workspace(parent)
    , m_prompter(prompter)
    , m_ownClock(clock ? nullptr : std::make_unique<SystemClock>())
    , m_clock(clock ? *clock : *m_ownClock)
    , m_page(new QWidget)
    , m_sound([](CountdownSignal) { QApplication::beep(); }) {
    m_page->setObjectName(QStringLiteral("run-the-dayPage"));
    m_menu = std::make_unique<QMenu>(tr("&Day"));
    m_menu->setObjectName(QStringLiteral("consoleMenu"));
    m_soundAction = m_menu->addAction(tr("&Sound at Two Minutes and at the End"));
    m_soundAction->setObjectName(QStringLiteral("consoleSoundAction"));
    m_soundAction->setCheckable(true);
    m_soundAction->setChecked(true);
    m_soundAction->setToolTip(tr("A sound as well as the countdown's flash, where the computer has one"));
    m_room = new RoomMessages(this);
    if (settings != nullptr) {
        m_presenterWindow = std::make_unique<PresenterWindow>(*settings);
        m_presenterWindow->observe(nullptr, m_room);
    }
    auto* outer = new QVBoxLayout(m_page);

    // The choice of day.
    auto* choice = new QHBoxLayout;
    auto* cycleLabel = new QLabel(tr("C&ycle:"), m_page);
    m_cycle = new QComboBox(m_page);
    m_cycle->setObjectName(QStringLiteral("consoleCycle"));
    m_cycle->setAccessibleName(tr("Cycle"));
    cycleLabel->setBuddy(m_cycle);
    auto* groupLabel = new QLabel(tr("&Group:"), m_page);
    m_group = new QComboBox(m_page);
    m_group->setObjectName(QStringLiteral("consoleGroup"));
    m_group->setAccessibleName(tr("Group"));
    m_group->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    groupLabel->setBuddy(m_group);
    choice->addWidget(cycleLabel);
    choice->addWidget(m_cycle);
    choice->addWidget(groupLabel);
    choice->addWidget(m_group);
    choice->addStretch(1);
    outer->addLayout(choice);

    m_problem = makeLabel(QStringLiteral("consoleProblem"), 0, false, m_page);
    m_problem->hide();
    outer->addWidget(m_problem);

    // Banners: not started although the planned start has passed; resumed after a restart.
    m_lateBanner = makeBanner(QStringLiteral("consoleLateBanner"), m_lateText, m_page);
    {
        auto* layout = static_cast<QHBoxLayout*>(m_lateBanner->layout());
        auto* now = new QPushButton(tr("Start &now"), m_lateBanner);
        now->setObjectName(QStringLiteral("consoleStartNow"));
        now->setAccessibleName(tr("Start now"));
        connect(now, &QPushButton::clicked, this, &ConsoleWorkspace::startNow);
        auto* at = new QPushButton(tr("Started &at"), m_lateBanner);
        at->setObjectName(QStringLiteral("consoleStartedAt"));
        at->setAccessibleName(tr("Started at"));
        m_startedAtTime = new QTimeEdit(m_lateBanner);
        m_startedAtTime->setObjectName(QStringLiteral("consoleStartedAtTime"));
        m_startedAtTime->setAccessibleName(tr("Time the day really started"));
        m_startedAtTime->setDisplayFormat(QStringLiteral("HH:mm"));
        connect(at, &QPushButton::clicked, this, &ConsoleWorkspace::startedAt);
        layout->addWidget(now);
        layout->addWidget(at);
        layout->addWidget(m_startedAtTime);
    }
    outer->addWidget(m_lateBanner);
    m_resumeBanner = makeBanner(QStringLiteral("consoleResumeBanner"), m_resumeText, m_page);
    {
        auto* dismiss = new QPushButton(tr("OK"), m_resumeBanner);
        dismiss->setObjectName(QStringLiteral("consoleResumeDismiss"));
        dismiss->setAccessibleName(tr("Dismiss the resume message"));
        connect(dismiss, &QPushButton::clicked, m_resumeBanner, &QWidget::hide);
        m_resumeBanner->layout()->addWidget(dismiss);
    }
    outer->addWidget(m_resumeBanner);
    m_clockBanner = makeBanner(QStringLiteral("consoleClockBanner"), m_clockText, m_page);
    m_clockBanner->hide();
    outer->addWidget(m_clockBanner);

    // The day now (left) and the timeline (right).
    auto* body = new QHBoxLayout;
    auto* now = new QVBoxLayout;
    m_block = makeLabel(QStringLiteral("consoleBlock"), 8, true, m_page);
    m_who = makeLabel(QStringLiteral("consoleWho"), 4, false, m_page);
    m_speaker = makeLabel(QStringLiteral("consoleSpeaker"), 4, true, m_page);
    m_rule = makeLabel(QStringLiteral("consoleRule"), 3, false, m_page);
    m_countdown = new CountdownView(m_page);
    m_countdown->setObjectName(QStringLiteral("consoleCountdown"));
    m_countdown->setAccessibleName(tr("Time left in the block"));
    m_countdown->setMinimumHeight(150);
    m_nextBlock = makeLabel(QStringLiteral("consoleNextBlock"), 3, false, m_page);
    m_projection = makeLabel(QStringLiteral("consoleProjection"), 3, true, m_page);
    now->addWidget(m_block);
    now->addWidget(m_who);
    now->addWidget(m_speaker);
    // The questioning: each visiting team's time so far against its share of the block.
    m_turns = makeLabel(QStringLiteral("consoleTurns"), 2, false, m_page);
    m_turns->setAccessibleName(tr("Each visiting team's questioning time against its share"));
    m_turns->hide();
    now->addWidget(m_turns);
    // The talk-time tally: who talks now, tapped; the block's split against the 80% guidance.
    m_talkRow = new QWidget(m_page);
    m_talkRow->setObjectName(QStringLiteral("consoleTalkRow"));
    {
        auto* row = new QHBoxLayout(m_talkRow);
        row->setContentsMargins(0, 0, 0, 0);
        m_talkPresenting =
            addControl(QStringLiteral("consoleTalkPresenting"), tr("Presenting team talks"),
                       QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_P), &ConsoleWorkspace::talkPresenting);
        m_talkVisiting =
            addControl(QStringLiteral("consoleTalkVisiting"), tr("Visiting team talks"),
                       QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_V), &ConsoleWorkspace::talkVisiting);
        m_talkNobody =
            addControl(QStringLiteral("consoleTalkNobody"), tr("Nobody"),
                       QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_N), &ConsoleWorkspace::talkNobody);
        for (QPushButton* button : {m_talkPresenting, m_talkVisiting, m_talkNobody}) {
            button->setParent(m_talkRow);
            button->setCheckable(true);
            QFont font = button->font();
            font.setPointSizeF(font.pointSizeF() - 2);
            button->setFont(font);
            m_runControls << button;
            row->addWidget(button);
        }
        m_talk = makeLabel(QStringLiteral("consoleTalk"), 1, false, m_talkRow);
        m_talk->setAccessibleName(tr("Talk-time tally"));
        row->addWidget(m_talk, 1);
    }
    m_talkRow->hide();
    now->addWidget(m_talkRow);
    now->addWidget(m_rule);
    now->addWidget(m_countdown, 1);
    now->addWidget(m_nextBlock);
    now->addWidget(m_projection);
    // The whole day at a glance, in view whichever side tab is chosen.
    m_dayStrip = new DayStrip(m_page);
    now->addWidget(m_dayStrip);
    body->addLayout(now, 3);

    m_timeline = new QListWidget(m_page);
    m_timeline->setObjectName(QStringLiteral("consoleTimeline"));
    m_timeline->setAccessibleName(tr("Timetable of the day"));
    m_timeline->setToolTip(
        tr("Planned start, block and presenting LA; the actual start once run. Double-click "
           "or press Enter to jump to a block (Ctrl+J)."));
    m_timeline->setTextElideMode(Qt::ElideRight);
    m_timeline->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    QFont listFont = m_timeline->font();
    listFont.setPointSizeF(listFont.pointSizeF() + 1);
    m_timeline->setFont(listFont);
    connect(m_timeline, &QListWidget::itemActivated, this, [this] { jumpToSelected(); });
    // Beside the day: the timeline, and the panes that follow it (Ctrl+Tab moves between them).
    m_side = new QTabWidget(m_page);
    m_side->setObjectName(QStringLiteral("consoleSide"));
    m_side->setAccessibleName(tr("Timeline, notes, questions and the room"));
    m_side->addTab(m_timeline, tr("&Timeline"));
    // Each pane scrolls rather than making the window taller or wider than a small laptop's screen.
    // The area itself takes no focus: Tab goes straight to the pane's controls, and it scrolls to them.
    const auto scrolled = [this](QWidget* content) {
        auto* area = new QScrollArea(m_side);
        area->setFocusPolicy(Qt::NoFocus);
        area->setWidgetResizable(true);
        area->setFrameShape(QFrame::NoFrame);
        area->setWidget(content);
        return area;
    };
    m_questionsTab = new QWidget;
    m_questionsTab->setLayout(new QVBoxLayout);
    m_questionsTab->layout()->setContentsMargins(0, 0, 0, 0);
    m_side->addTab(scrolled(m_questionsTab), tr("&Questions"));
    m_side->addTab(scrolled(buildRoomTab()), tr("&Room"));
    // The notes stay in view under the tabs, so that the facilitator writes while the question bank
    // (or the timeline) shows; Alt+O puts the cursor in them.
    m_notesTab = new QWidget;
    m_notesTab->setLayout(new QVBoxLayout);
    m_notesTab->layout()->setContentsMargins(0, 0, 0, 0);
    auto* sideSplit = new QSplitter(Qt::Vertical, m_page);
    sideSplit->setObjectName(QStringLiteral("consoleSideSplit"));
    sideSplit->setChildrenCollapsible(false);
    sideSplit->addWidget(m_side);
    sideSplit->addWidget(scrolled(m_notesTab));
    sideSplit->setStretchFactor(0, 3);
    sideSplit->setStretchFactor(1, 2);
    sideSplit->setSizes({300, 200}); // as proportions: the notes get two fifths from the start
    body->addWidget(sideSplit, 2);
    connect(new QShortcut(QKeySequence(Qt::ALT | Qt::Key_O), m_page), &QShortcut::activated, this, [this] {
        if (auto* editor = m_notes != nullptr ? m_notes->findChild<QPlainTextEdit*>() : nullptr) {
            editor->setFocus(Qt::ShortcutFocusReason);
        }
    });
    outer->addLayout(body, 1);

    // Catch-up proposal.
    m_catchUpPanel = makeBanner(QStringLiteral("consoleCatchUpPanel"), m_catchUpText, m_page);
    {
        auto* accept = new QPushButton(tr("Accept catch-up"), m_catchUpPanel);
        accept->setObjectName(QStringLiteral("consoleCatchUpAccept"));
        accept->setAccessibleName(tr("Accept catch-up"));
        accept->setToolTip(tr("Ctrl+Shift+U"));
        connect(accept, &QPushButton::clicked, this, &ConsoleWorkspace::acceptCatchUp);
        auto* dismiss = new QPushButton(tr("Dismiss"), m_catchUpPanel);
        dismiss->setObjectName(QStringLiteral("consoleCatchUpDismiss"));
        dismiss->setAccessibleName(tr("Dismiss catch-up"));
        connect(dismiss, &QPushButton::clicked, this, &ConsoleWorkspace::dismissCatchUp);
        m_catchUpPanel->layout()->addWidget(accept);
        m_catchUpPanel->layout()->addWidget(dismiss);
        auto* key = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U), m_page);
        key->setContext(Qt::WindowShortcut);
        connect(key, &QShortcut::activated, this, [this] {
            if (!isTextField(QApplication::focusWidget()) && m_catchUpPanel->isVisible()) {
                acceptCatchUp();
            }
        });
        m_shortcuts << key;
    }
    outer->addWidget(m_catchUpPanel);

    // "We moved on two minutes ago": the current block began earlier than the move was recorded.
    m_beganPanel = makeBanner(QStringLiteral("consoleBeganPanel"), m_beganText, m_page);
    {
        auto* minutesLabel = new QLabel(tr("&Minutes earlier:"), m_beganPanel);
        m_beganMinutes = new QSpinBox(m_beganPanel);
        m_beganMinutes->setObjectName(QStringLiteral("consoleBeganMinutes"));
        m_beganMinutes->setAccessibleName(tr("Minutes earlier than recorded"));
        m_beganMinutes->setRange(1, 180);
        m_beganMinutes->setValue(2);
        minutesLabel->setBuddy(m_beganMinutes);
        auto* atLabel = new QLabel(tr("or at:"), m_beganPanel);
        m_beganTime = new QTimeEdit(m_beganPanel);
        m_beganTime->setObjectName(QStringLiteral("consoleBeganTime"));
        m_beganTime->setAccessibleName(tr("Time the block really began"));
        m_beganTime->setDisplayFormat(QStringLiteral("HH:mm"));
        atLabel->setBuddy(m_beganTime);
        auto* record = new QPushButton(tr("Record"), m_beganPanel);
        record->setObjectName(QStringLiteral("consoleBeganRecord"));
        record->setAccessibleName(tr("Record the earlier start"));
        record->setDefault(true);
        auto* cancel = new QPushButton(tr("Cancel"), m_beganPanel);
        cancel->setObjectName(QStringLiteral("consoleBeganCancel"));
        cancel->setAccessibleName(tr("Cancel the earlier start"));
        connect(m_beganMinutes, &QSpinBox::valueChanged, this, [this] {
            m_beganTimeEdited = false;
            syncBeganTime();
        });
        connect(m_beganTime, &QTimeEdit::timeChanged, this, [this] { m_beganTimeEdited = true; });
        connect(record, &QPushButton::clicked, this, &ConsoleWorkspace::recordBeganEarlier);
        connect(cancel, &QPushButton::clicked, m_beganPanel, &QWidget::hide);
        // Return in either field records and Escape cancels, as in a small dialog. These keys live
        // only inside the form, so they cannot move the day from a note.
        for (const QKeySequence& key : {QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)}) {
            auto* enter = new QShortcut(key, m_beganPanel);
            enter->setContext(Qt::WidgetWithChildrenShortcut);
            connect(enter, &QShortcut::activated, this, &ConsoleWorkspace::recordBeganEarlier);
        }
        auto* escape = new QShortcut(QKeySequence(Qt::Key_Escape), m_beganPanel);
        escape->setContext(Qt::WidgetWithChildrenShortcut);
        connect(escape, &QShortcut::activated, m_beganPanel, &QWidget::hide);
        for (QWidget* w : std::initializer_list<QWidget*>{minutesLabel, m_beganMinutes, atLabel, m_beganTime,
                                                          record, cancel}) {
            m_beganPanel->layout()->addWidget(w);
        }
    }
    outer->addWidget(m_beganPanel);

    m_failure = makeLabel(QStringLiteral("consoleFailure"), 1, true, m_page);
    QPalette failurePalette = m_failure->palette();
    failurePalette.setColor(QPalette::WindowText, QColor(0xb0, 0x20, 0x20));
    m_failure->setPalette(failurePalette);
    m_failure->hide();
    outer->addWidget(m_failure);

    // The controls.
    auto* controls = new QGridLayout;
    outer->addLayout(controls);
    const auto place = [controls](QPushButton* button, int row, int column) {
        controls->addWidget(button, row, column);
    };
    m_start = addControl(QStringLiteral("consoleStart"), tr("Start"), QKeySequence(Qt::CTRL | Qt::Key_Return),
                         &ConsoleWorkspace::startNow);
    place(m_start, 0, 0);
    m_pause = addControl(QStringLiteral("consolePause"), tr("Pause"), QKeySequence(Qt::CTRL | Qt::Key_Space),
                         &ConsoleWorkspace::togglePause);
    place(m_pause, 0, 1);
    const struct {
        const char* name;
        QString text;
        QKeySequence key;
        void (ConsoleWorkspace::*slot)();
    } runControls[] = {
        {"consolePrevious", tr("Previous"), QKeySequence(Qt::CTRL | Qt::Key_Left),
         &ConsoleWorkspace::previous},
        {"consoleNext", tr("Next"), QKeySequence(Qt::CTRL | Qt::Key_Right), &ConsoleWorkspace::next},
        {"consoleExtend1", tr("+1 min"), QKeySequence(Qt::CTRL | Qt::Key_Up), &ConsoleWorkspace::extendOne},
        {"consoleExtend5", tr("+5 min"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Up),
         &ConsoleWorkspace::extendFive},
        {"consoleShorten", tr("\u22121 min"), QKeySequence(Qt::CTRL | Qt::Key_Down),
         &ConsoleWorkspace::shortenOne},
        {"consoleNextTeam", tr("Next team"), QKeySequence(Qt::CTRL | Qt::Key_T), &ConsoleWorkspace::nextTeam},
        {"consoleJump", tr("Jump to block"), QKeySequence(Qt::CTRL | Qt::Key_J),
         &ConsoleWorkspace::jumpToSelected},
        {"consoleCatchUp", tr("Catch up\u2026"), QKeySequence(Qt::CTRL | Qt::Key_U),
         &ConsoleWorkspace::proposeCatchUp},
        {"consoleBeganEarlier", tr("Began earlier\u2026"), QKeySequence(Qt::CTRL | Qt::Key_B),
         &ConsoleWorkspace::showBeganEarlier},
        {"consoleFinish", tr("Finish day\u2026"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F),
         &ConsoleWorkspace::finish},
    };
    int column = 2;
    for (const auto& control : runControls) {
        QPushButton* button =
            addControl(QString::fromLatin1(control.name), control.text, control.key, control.slot);
        m_runControls << button;
        place(button, column / 6, column % 6);
        ++column;
    }

    connect(m_cycle, &QComboBox::currentIndexChanged, this, [this] { reloadGroups(); });
    connect(m_group, &QComboBox::currentIndexChanged, this, [this] { openGroup(); });
    // The page owns the shortcuts: the window deletes it before the workspace, and a focus change
    // while another workspace's page goes (its focused editor) must not reach shortcuts gone with it.
    connect(qApp, &QApplication::focusChanged, m_page.data(),
            [this](QWidget*, QWidget* focused) { updateShortcutsForFocus(focused); });
    showState();
}

ConsoleWorkspace::~ConsoleWorkspace() {
    // While the page lives, its panes still follow the session: they seal and save first.
    if (m_page != nullptr) {
        closePanes();
    }
    m_session.reset();
    // The window owns the page once installed; before that it is ours.
    if (m_page != nullptr && m_page->parent() == nullptr) {
        delete m_page;
    }
}

QString ConsoleWorkspace::title() const {
    return tr("Run the Day");
}
QString ConsoleWorkspace::toolTip() const {
    return tr("The facilitator's console");
}
QIcon ConsoleWorkspace::icon() const {
    return gui::icon(QStringLiteral("workspace-day"));
}
QString ConsoleWorkspace::menuText() const {
    return tr("Run the &Day");
}

QPushButton* ConsoleWorkspace::addControl(const QString& name, const QString& text, const QKeySequence& key,
                                          void (ConsoleWorkspace::*slot)()) {
    auto* button = new QPushButton(text, m_page);
    button->setObjectName(name);
    button->setAccessibleName(plainText(text).remove(QChar(0x2026)));
    button->setToolTip(key.toString(QKeySequence::NativeText));
    QFont font = button->font();
    font.setPointSizeF(font.pointSizeF() + 2);
    button->setFont(font);
    connect(button, &QPushButton::clicked, this, slot);
    auto* shortcut = new QShortcut(key, m_page);
    shortcut->setContext(Qt::WindowShortcut);
    shortcut->setObjectName(name + QStringLiteral("Key"));
    connect(shortcut, &QShortcut::activated, this, [this, button, slot] {
        // Never while typing: a note, a search, a time field.
        if (isTextField(QApplication::focusWidget()) || !button->isEnabled()) {
            return;
        }
        (this->*slot)();
    });
    m_shortcuts << shortcut;
    return button;
}

void ConsoleWorkspace::updateShortcutsForFocus(QWidget* focused) {
    const bool typing = isTextField(focused);
    for (const QPointer<QShortcut>& shortcut : std::as_const(m_shortcuts)) {
        if (shortcut != nullptr) {
            shortcut->setEnabled(!typing);
        }
    }
}

void ConsoleWorkspace::setDocument(RegionDocument* document) {
    if (m_document != nullptr) {
        disconnect(m_document, nullptr, this, nullptr);
    }
    closeSession();
    m_document = document;
    m_resumed = false;
    {
        // A new region starts from its own live day or today's group, not the ids chosen in the last.
        const QSignalBlocker cycles(m_cycle);
        const QSignalBlocker groups(m_group);
        m_cycle->clear();
        m_group->clear();
    }
    if (document != nullptr) {
        connect(document, &RegionDocument::cyclesChanged, this, [this] { reloadCycles(); });
        connect(document, &RegionDocument::scheduleChanged, this, [this](qint64 cycleId) {
            if (cycleId == m_cycle->currentData().toLongLong()) {
                reloadGroups();
            }
        });
        connect(document, &RegionDocument::dayChanged, this, [this](qint64 groupId) {
            if (!m_announcing && m_session != nullptr && groupId == m_session->groupId()) {
                showFailure(m_session->reload());
            }
        });
    }
    m_opening = true;
    reloadCycles();
    m_opening = false;
    if (m_resumed) {
        Q_EMIT activationRequested();
    }
}

qint64 ConsoleWorkspace::currentGroupId() const {
    return m_group->currentData().toLongLong();
}

bool ConsoleWorkspace::selectGroup(qint64 cycleId, qint64 groupId) {
    const int cycleRow = m_cycle->findData(cycleId);
    if (cycleRow < 0) {
        return false;
    }
    m_cycle->setCurrentIndex(cycleRow);
    const int groupRow = m_group->findData(groupId);
    if (groupRow < 0) {
        return false;
    }
    m_group->setCurrentIndex(groupRow);
    return true;
}

void ConsoleWorkspace::reloadCycles() {
    const qint64 chosen = m_cycle->currentData().toLongLong();
    const QSignalBlocker blocker(m_cycle);
    m_cycle->clear();
    if (m_document == nullptr) {
        reloadGroups();
        return;
    }
    ScheduleStore store(m_document->database());
    auto cycles = store.cycles();
    if (!cycles) {
        showFailure(Status(cycles.error()));
        return;
    }
    // The cycle with a group meeting today (the UK's date), else the one chosen before, else the
    // latest.
    const QDate today = m_clock.utcNow().toTimeZone(groupDayZone()).date();
    int todays = -1;
    for (const Cycle& cycle : *cycles) {
        m_cycle->addItem(cycle.name, cycle.id);
        if (todays < 0 && cycle.firstDay <= today && today <= cycle.lastDay) {
            auto groups = store.groups(cycle.id);
            if (groups && std::any_of(groups->begin(), groups->end(),
                                      [&](const Group& group) { return group.date == today; })) {
                todays = m_cycle->count() - 1;
            }
        }
    }
    const int before = m_cycle->findData(chosen);
    m_cycle->setCurrentIndex(todays >= 0 ? todays : before >= 0 ? before : m_cycle->count() - 1);
    reloadGroups();
}

void ConsoleWorkspace::reloadGroups() {
    const qint64 chosen = m_group->currentData().toLongLong();
    {
        const QSignalBlocker blocker(m_group);
        m_group->clear();
        const qint64 cycleId = m_cycle->currentData().toLongLong();
        if (m_document != nullptr && cycleId != 0) {
            ScheduleStore store(m_document->database());
            auto groups = store.groups(cycleId);
            auto schedule = store.load(cycleId);
            if (groups && schedule) {
                const QDate today = m_clock.utcNow().toTimeZone(groupDayZone()).date();
                int todays = -1;
                int live = -1;
                for (const Group& group : *groups) {
                    QStringList names;
                    for (const GroupMember& member : group.members) {
                        names << schedule->authorityName(member.authorityId);
                    }
                    QString text = group.label;
                    if (group.date.isValid()) {
                        text += QStringLiteral(" \u2013 ") +
                                QLocale().toString(group.date, QStringLiteral("ddd d MMM"));
                    }
                    if (!names.isEmpty()) {
                        text += QStringLiteral(" (") + names.join(QStringLiteral(", ")) + QLatin1Char(')');
                    }
                    m_group->addItem(text, group.id);
                    if (group.date == today && todays < 0) {
                        todays = m_group->count() - 1;
                    }
                    if (live < 0 && isLive(m_document->database(), schedule->cycle.name, group, m_clock)) {
                        live = m_group->count() - 1;
                    }
                }
                // The group chosen before; else a day running or paused (the program restarted
                // during it); else the group meeting today; else the first.
                const int before = m_group->findData(chosen);
                m_group->setCurrentIndex(before >= 0 ? before : live >= 0 ? live : todays >= 0 ? todays : 0);
            }
        }
    }
    if (m_session == nullptr || currentGroupId() != m_session->groupId()) {
        openGroup();
    }
}

void ConsoleWorkspace::closeSession() {
    closePanes();
    m_session.reset();
    m_day.reset();
    m_proposal.reset();
    m_resumeBanner->hide();
    m_catchUpPanel->hide();
    m_beganPanel->hide();
}

void ConsoleWorkspace::openGroup() {
    closeSession();
    m_problem->hide();
    m_failure->hide();
    const qint64 groupId = currentGroupId();
    if (m_document == nullptr || groupId == 0) {
        showTimetable();
        showState();
        return;
    }
    Database& db = m_document->database();
    auto day = [&]() -> Result<GroupDay> {
        auto schedule = ScheduleStore(db).load(m_cycle->currentData().toLongLong());
        if (!schedule) {
            return schedule.error();
        }
        for (const Group& group : schedule->groups) {
            if (group.id == groupId) {
                return loadGroupDay(db, schedule->cycle.name, group.label);
            }
        }
        return Error{Error::Kind::NotFound, tr("The group is no longer in the cycle.")};
    }();
    if (!day) {
        m_problem->setText(day.message());
        m_problem->show();
        showTimetable();
        showState();
        return;
    }
    m_day = std::move(*day);
    auto session = DaySession::open(db, m_clock, groupId, m_day->plan, this);
    if (!session) {
        m_problem->setText(session.message());
        m_problem->show();
        m_day.reset();
        showTimetable();
        showState();
        return;
    }
    m_session = std::move(*session);
    connect(m_session.get(), &DaySession::stateChanged, this, [this] { showState(); });
    connect(m_session.get(), &DaySession::countdownSignal, this, &ConsoleWorkspace::playSignal);
    m_countdown->observe(m_session.get());
    openPanes();
    const DayState& state = m_session->state();
    m_startedAtTime->setTime(m_day->plan.timetable.start);

    // A live day found on opening the region (after a restart, a crash, a suspend): say so, and for
    // how long the program was away (day_resume.h says how that is measured).
    if (m_opening && isLiveToday(m_day->plan, state)) {
        auto resume = dayResume(db, groupId, state.now);
        if (resume && resume->lastRecordedUtc.isValid()) {
            const TimetableBlock& block =
                m_day->plan.timetable.blocks.at(static_cast<size_t>(state.blockIndex));
            m_resumeText->setText(
                tr("The day was resumed at \u201c%1\u201d. Balcony was away for %2: the last thing it "
                   "recorded was at %3.")
                    .arg(block.title, durationText(resume->awayMs),
                         resume->lastRecordedUtc.toTimeZone(m_day->plan.zone)
                             .toString(QStringLiteral("HH:mm"))));
            m_resumeBanner->show();
            m_resumed = true;
        }
    }
    showTimetable();
    m_session->refresh(); // emits, and so shows the state
}

QString ConsoleWorkspace::blockRule(const TimetableBlock& block) {
    switch (block.kind) {
    case BlockKind::Introductions:
        return tr("Once round the room: name, role, one hope for the day.");
    case BlockKind::Presentation:
        return tr(
            "The presenting team has the floor; visitors listen. Ask which signatures of risk to focus on.");
    case BlockKind::Questions:
        return tr(
            "Open questions only: no advice dressed up as a question. The presenting team should do most "
            "of the talking.");
    case BlockKind::Affirmation:
        return tr("The presenting team listens in silence while each visitor names a strength they heard.");
    case BlockKind::Insights:
        return tr(
            "The presenting team stays silent; the visitors talk among themselves about what they heard.");
    case BlockKind::Reaction:
        return tr("The presenting team responds to the affirmation and the insights.");
    case BlockKind::Reflection:
        return tr("The presenting team says what it takes back: asks and offers.");
    case BlockKind::Lunch:
    case BlockKind::Tea:
    case BlockKind::Break:
        return tr("A break: step away from the screens.");
    case BlockKind::Plenary:
        return tr("The whole group answers the plenary questions together.");
    case BlockKind::Custom:
        break;
    }
    return block.guidance;
}

void ConsoleWorkspace::showTimetable() {
    m_timeline->clear();
    if (!m_day) {
        return;
    }
    for (const TimetableBlock& block : m_day->plan.timetable.blocks) {
        auto* item = new QListWidgetItem(m_timeline);
        item->setData(Qt::UserRole, block.index);
    }
}

void ConsoleWorkspace::showState() {
    const bool live = m_session != nullptr;
    const DayStatus status = live ? m_session->state().status : DayStatus::NotStarted;
    m_start->setEnabled(live && status == DayStatus::NotStarted);
    m_pause->setEnabled(live && (status == DayStatus::Running || status == DayStatus::Paused));
    m_pause->setText(status == DayStatus::Paused ? tr("Resume") : tr("Pause"));
    m_pause->setAccessibleName(m_pause->text());
    for (QPushButton* button : std::as_const(m_runControls)) {
        button->setEnabled(live && (status == DayStatus::Running || status == DayStatus::Paused));
    }
    if (!live || !m_day) {
        m_block->setText(m_document == nullptr ? tr("No region open") : tr("Choose a group"));
        for (QLabel* label : {m_who, m_speaker, m_rule, m_nextBlock, m_projection}) {
            label->clear();
        }
        m_lateBanner->hide();
        m_clockBanner->hide();
        m_turns->hide();
        m_talkRow->hide();
        m_beganPanel->hide();
        m_dayStrip->showDay({}, {}, groupDayZone());
        return;
    }
    const DayState& state = m_session->state();
    const QString clockNotice = wallClockNotice(m_session->wallClockOffsetMs());
    m_clockText->setText(clockNotice);
    m_clockBanner->setVisible(!clockNotice.isEmpty());
    m_dayStrip->showDay(m_day->plan.timetable, state, m_day->plan.zone);
    const Timetable& timetable = m_day->plan.timetable;
    const QTimeZone& zone = m_day->plan.zone;
    const TimetableBlock& block = timetable.blocks.at(static_cast<size_t>(state.blockIndex));
    const CountdownFace face = m_session->face();

    const QString position = tr("Block %1 of %2.").arg(state.blockIndex + 1).arg(timetable.blocks.size());
    m_block->setText(block.title);
    if (block.presenter.authorityId != 0) {
        m_who->setText(block.leadReviewer.authorityId != 0
                           ? tr("Presenting: %1  \u00b7  Lead reviewer: %2")
                                 .arg(block.presenter.name, block.leadReviewer.name)
                           : tr("Presenting: %1").arg(block.presenter.name));
    } else {
        m_who->setText(tr("The whole group"));
    }
    QString speaker;
    if (const TeamTurn* turn = state.currentTurn()) {
        speaker = tr("%1 asks now (team %2 of %3)")
                      .arg(turn->team.name)
                      .arg(state.current().turn + 1)
                      .arg(state.current().turns.size());
    } else if (block.speaker == Speaker::PresentingLa) {
        speaker = tr("%1 speaks").arg(block.presenter.name);
    } else if (block.speaker == Speaker::VisitingLas) {
        speaker = tr("The visiting teams speak");
    } else {
        speaker = tr("Everyone speaks");
    }
    m_speaker->setText(speaker);

    // The questioning's budgets: each team's time so far against its share; the block's own
    // countdown stays the block's.
    const bool started = status != DayStatus::NotStarted && status != DayStatus::Finished;
    if (started && !state.current().turns.empty()) {
        QStringList lines;
        const auto& turns = state.current().turns;
        for (size_t i = 0; i < turns.size(); ++i) {
            const bool asking = static_cast<int>(i) == state.current().turn;
            lines << (asking ? QStringLiteral("\u25b6 ") : QStringLiteral("    ")) + turnBudgetText(turns[i]);
        }
        const QString text = lines.join(QLatin1Char('\n'));
        if (m_turns->text() != text) {
            m_turns->setText(text);
        }
        m_turns->show();
    } else {
        m_turns->hide();
    }
    // The talk-time tally, from the state's split of this block.
    if (started) {
        m_talk->setText(talkTallyText(state.current().talk));
        m_talkPresenting->setChecked(state.talker == DayEvent::Talker::Presenting);
        m_talkVisiting->setChecked(state.talker == DayEvent::Talker::Visiting);
        m_talkNobody->setChecked(state.talker == DayEvent::Talker::Nobody);
        m_talkRow->show();
    } else {
        m_talkRow->hide();
    }
    if (!started) {
        m_beganPanel->hide();
    }
    m_rule->setText(blockRule(block));
    m_rule->setToolTip(block.guidance);

    const size_t nextIndex = static_cast<size_t>(state.blockIndex) + 1;
    if (status == DayStatus::Finished) {
        m_nextBlock->setText(tr("The day is over."));
    } else if (nextIndex < timetable.blocks.size()) {
        const TimetableBlock& next = timetable.blocks[nextIndex];
        m_nextBlock->setText(position + QLatin1Char(' ') +
                             tr("Next: %1, planned for %2").arg(next.title, clockText(next.startMinute)));
    } else {
        m_nextBlock->setText(
            position + QLatin1Char(' ') +
            tr("Next: the end of the day, planned for %1").arg(clockText(timetable.endMinute())));
    }
    // A day not started on another date than the group's: when it meets, not hours behind.
    const QDate today = state.now.toTimeZone(groupDayZone()).date();
    const bool otherDay = m_day->plan.date.isValid() && m_day->plan.date != today;
    if (status == DayStatus::NotStarted && otherDay) {
        m_projection->setText(
            tr("This group meets on %1.")
                .arg(QLocale().toString(m_day->plan.date, QStringLiteral("dddd d MMMM yyyy"))));
    } else {
        m_projection->setText(
            status == DayStatus::Finished
                ? tr("Finished at %1").arg(face.projectedFinish)
                : tr("Projected finish %1  \u00b7  %2").arg(face.projectedFinish, face.aheadBehind));
    }

    // Not started on the group's day although the planned start has passed.
    if (status == DayStatus::NotStarted && !otherDay && state.plannedStart.isValid() &&
        state.now > state.plannedStart) {
        m_lateText->setText(tr("The day was planned to start at %1 and has not been started.")
                                .arg(state.plannedStart.toTimeZone(zone).toString(QStringLiteral("HH:mm"))));
        m_lateBanner->show();
    } else {
        m_lateBanner->hide();
    }

    // The timeline: planned start, block, presenting LA; the actual start once run; where we are.
    for (int row = 0; row < m_timeline->count() && row < static_cast<int>(timetable.blocks.size()); ++row) {
        const TimetableBlock& planned = timetable.blocks[static_cast<size_t>(row)];
        const BlockRecord& record = state.blocks.at(static_cast<size_t>(row));
        const bool current = row == state.blockIndex && status != DayStatus::NotStarted;
        // "▶ 10:30 → 10:42 [62 min] Questions... – Kent": planned start, actual start once run, the
        // new length when it changed, the block and its presenting LA.
        QString text =
            (current ? QStringLiteral("\u25b6 ") : QStringLiteral("   ")) + clockText(planned.startMinute);
        if (record.actualStart.isValid()) {
            text += QStringLiteral(" \u2192 ") +
                    record.actualStart.toTimeZone(zone).toString(QStringLiteral("HH:mm"));
        }
        if (record.plannedMinutes != planned.minutes) {
            text += tr(" [%1 min]").arg(record.plannedMinutes);
        }
        text += QStringLiteral("  ") + planned.title;
        if (planned.presenter.authorityId != 0) {
            text += QStringLiteral(" \u2013 ") + planned.presenter.name;
        }
        QListWidgetItem* item = m_timeline->item(row);
        if (item->text() != text) {
            item->setText(text);
            item->setToolTip(text.trimmed());
        }
        QFont font = m_timeline->font();
        font.setBold(current);
        if (item->font() != font) {
            item->setFont(font);
        }
    }
}

void ConsoleWorkspace::showFailure(const Status& status) {
    if (status.ok()) {
        m_failure->hide();
        return;
    }
    m_failure->setText(status.message());
    m_failure->show();
}

void ConsoleWorkspace::afterControl(const Status& status) {
    showFailure(status);
    if (status.ok() && m_document != nullptr && m_session != nullptr) {
        m_resumeBanner->hide();
        // Others (the Schedule's day actions, the notes) learn of it; the session knows already.
        m_announcing = true;
        m_document->notifyDayChanged(m_session->groupId());
        m_announcing = false;
    }
}

std::optional<bool> ConsoleWorkspace::confirmStartDate(const QDateTime& atUtc) {
    const Status onTheDay = checkStartDate(m_day->plan, atUtc);
    if (onTheDay.ok()) {
        return false;
    }
    if (!m_prompter.askConfirm(tr("Start on Another Day"),
                               onTheDay.message() + QStringLiteral("\n\n") +
                                   tr("Start the day anyway (a rehearsal, say)?"),
                               tr("&Start Anyway"))) {
        return std::nullopt;
    }
    return true;
}

void ConsoleWorkspace::startNow() {
    if (m_session == nullptr) {
        return;
    }
    const auto confirmed = confirmStartDate(m_session->now());
    if (!confirmed) {
        return;
    }
    afterControl(
        m_session->start(*confirmed ? DayEngine::OtherDate::Confirmed : DayEngine::OtherDate::Refuse));
}

void ConsoleWorkspace::startedAt() {
    if (m_session == nullptr) {
        return;
    }
    const QDateTime at = m_session->todayAt(m_startedAtTime->time());
    const auto confirmed = confirmStartDate(at);
    if (!confirmed) {
        return;
    }
    afterControl(m_session->startedAt(at, *confirmed ? DayEngine::OtherDate::Confirmed
                                                     : DayEngine::OtherDate::Refuse));
}

void ConsoleWorkspace::togglePause() {
    if (m_session != nullptr) {
        afterControl(m_session->togglePause());
    }
}
void ConsoleWorkspace::extendOne() {
    if (m_session != nullptr) {
        afterControl(m_session->extend(1));
    }
}
void ConsoleWorkspace::extendFive() {
    if (m_session != nullptr) {
        afterControl(m_session->extend(5));
    }
}
void ConsoleWorkspace::shortenOne() {
    if (m_session != nullptr) {
        afterControl(m_session->shorten(1));
    }
}
void ConsoleWorkspace::next() {
    if (m_session != nullptr) {
        afterControl(m_session->next());
    }
}
void ConsoleWorkspace::previous() {
    if (m_session != nullptr) {
        afterControl(m_session->previous());
    }
}
void ConsoleWorkspace::jumpToSelected() {
    if (m_session == nullptr || m_timeline->currentItem() == nullptr) {
        return;
    }
    afterControl(m_session->jump(m_timeline->currentItem()->data(Qt::UserRole).toInt()));
}
void ConsoleWorkspace::nextTeam() {
    if (m_session != nullptr) {
        afterControl(m_session->nextTeam());
    }
}

void ConsoleWorkspace::talkPresenting() {
    setTalker(DayEvent::Talker::Presenting);
}
void ConsoleWorkspace::talkVisiting() {
    setTalker(DayEvent::Talker::Visiting);
}
void ConsoleWorkspace::talkNobody() {
    setTalker(DayEvent::Talker::Nobody);
}
void ConsoleWorkspace::setTalker(DayEvent::Talker talker) {
    if (m_session == nullptr) {
        return;
    }
    if (m_session->state().talker == talker && m_session->state().status == DayStatus::Running) {
        showState(); // a second tap on the same button records nothing; it stays down
        return;
    }
    afterControl(m_session->setTalker(talker));
    showState(); // a refused tap leaves the buttons as the state has them
}

void ConsoleWorkspace::showBeganEarlier() {
    if (m_session == nullptr || !m_day) {
        return;
    }
    const DayState& state = m_session->state();
    const TimetableBlock& block = m_day->plan.timetable.blocks.at(static_cast<size_t>(state.blockIndex));
    m_beganText->setText(
        tr("When did \u201c%1\u201d really begin? Recorded at %2.")
            .arg(block.title,
                 state.blockSince.toTimeZone(m_day->plan.zone).toString(QStringLiteral("HH:mm"))));
    syncBeganTime();
    m_beganTimeEdited = false;
    m_beganPanel->show();
    m_beganMinutes->setFocus();
    m_beganMinutes->selectAll();
}

void ConsoleWorkspace::syncBeganTime() {
    if (m_session == nullptr || !m_day || !m_session->state().blockSince.isValid()) {
        return;
    }
    const QSignalBlocker blocker(m_beganTime);
    m_beganTime->setTime(m_session->state()
                             .blockSince.addSecs(-qint64{m_beganMinutes->value()} * 60)
                             .toTimeZone(m_day->plan.zone)
                             .time());
}

void ConsoleWorkspace::recordBeganEarlier() {
    if (m_session == nullptr) {
        return;
    }
    // The minutes count from the recorded start to the second; a time typed is that minute.
    const Status recorded = m_beganTimeEdited
                                ? m_session->blockBeganAt(m_session->todayAt(m_beganTime->time()))
                                : m_session->blockBeganEarlier(m_beganMinutes->value());
    if (recorded.ok()) {
        m_beganPanel->hide();
    }
    afterControl(recorded);
}

void ConsoleWorkspace::playSignal(CountdownSignal signal) {
    if (signal != CountdownSignal::None && m_soundAction->isChecked() && m_sound) {
        m_sound(signal);
    }
}

QList<QMenu*> ConsoleWorkspace::menus() const {
    return {m_menu.get()};
}

void ConsoleWorkspace::saveSettings(QSettings& settings) const {
    settings.setValue(QStringLiteral("signalSound"), m_soundAction->isChecked());
}

void ConsoleWorkspace::restoreSettings(const QSettings& settings) {
    m_soundAction->setChecked(settings.value(QStringLiteral("signalSound"), true).toBool());
}

void ConsoleWorkspace::finish() {
    if (m_session == nullptr) {
        return;
    }
    if (!m_prompter.askConfirm(
            tr("Finish the Day"),
            tr("Finish the day now? The day's record ends here, and this cannot be undone."),
            tr("&Finish Day"))) {
        return;
    }
    afterControl(m_session->finish());
}

void ConsoleWorkspace::proposeCatchUp() {
    if (m_session == nullptr || !m_day) {
        return;
    }
    const CatchUpProposal proposal = m_session->proposeCatchUp();
    if (proposal.isEmpty()) {
        m_proposal.reset();
        m_catchUpText->setText(tr("Nothing to catch up: the day is within a few minutes of its plan, or no "
                                  "later block can give time."));
        m_catchUpPanel->show();
        return;
    }
    QStringList changes;
    for (const CatchUpChange& change : proposal.changes) {
        const TimetableBlock& block = m_day->plan.timetable.blocks.at(static_cast<size_t>(change.block));
        changes << tr("%1 %2 from %3 to %4 min")
                       .arg(block.title,
                            block.presenter.name.isEmpty()
                                ? QString()
                                : QStringLiteral("(") + block.presenter.name + QStringLiteral(")"))
                       .arg(change.fromMinutes)
                       .arg(change.toMinutes)
                       .simplified();
    }
    QString text = tr("%1 min behind. Shorten %2. This wins back %3 min.")
                       .arg(proposal.lateMinutes)
                       .arg(changes.join(QStringLiteral("; ")))
                       .arg(proposal.recoveredMinutes);
    if (proposal.unrecoveredMinutes > 0) {
        text += QLatin1Char(' ') + tr("%1 min cannot be won back.").arg(proposal.unrecoveredMinutes);
    }
    m_proposal = proposal;
    m_catchUpText->setText(text);
    m_catchUpPanel->show();
}

void ConsoleWorkspace::acceptCatchUp() {
    if (m_session == nullptr || !m_proposal) {
        m_catchUpPanel->hide();
        return;
    }
    const Status accepted = m_session->acceptCatchUp(*m_proposal);
    m_proposal.reset();
    m_catchUpPanel->hide();
    afterControl(accepted);
}

void ConsoleWorkspace::dismissCatchUp() {
    m_proposal.reset();
    m_catchUpPanel->hide();
}

QWidget* ConsoleWorkspace::buildRoomTab() {
    auto* room = new QWidget;
    room->setObjectName(QStringLiteral("consoleRoom"));
    auto* layout = new QVBoxLayout(room);
    m_miniature = new PresenterMiniature(room);
    m_miniature->setObjectName(QStringLiteral("consolePresenterMiniature"));
    m_miniature->setAccessibleName(tr("What the room sees"));
    m_miniature->observe(nullptr, m_room);
    layout->addWidget(m_miniature);

    // Where the presenter screen shows.
    auto* screens = new QHBoxLayout;
    auto* screenChoice = new QComboBox(room);
    screenChoice->setObjectName(QStringLiteral("consolePresenterScreen"));
    screenChoice->setAccessibleName(tr("Screen for the presenter screen"));
    for (QScreen* screen : QGuiApplication::screens()) {
        screenChoice->addItem(screen->name(), screen->name());
    }
    if (m_presenterWindow != nullptr) {
        const int remembered = screenChoice->findData(m_presenterWindow->rememberedScreenName());
        if (remembered >= 0) {
            screenChoice->setCurrentIndex(remembered);
        }
    }
    auto* fullScreen = new QPushButton(tr("Full screen"), room);
    fullScreen->setObjectName(QStringLiteral("consolePresenterFullScreen"));
    auto* compact = new QPushButton(tr("Compact"), room);
    compact->setObjectName(QStringLiteral("consolePresenterCompact"));
    compact->setToolTip(tr("A small window that stays on top, to share in a virtual meeting"));
    auto* hide = new QPushButton(tr("Hide"), room);
    hide->setObjectName(QStringLiteral("consolePresenterHide"));
    for (QPushButton* button : {fullScreen, compact, hide}) {
        button->setEnabled(m_presenterWindow != nullptr);
    }
    connect(fullScreen, &QPushButton::clicked, this, [this, screenChoice] {
        m_presenterWindow->showOnScreen(screenChoice->currentData().toString());
    });
    connect(compact, &QPushButton::clicked, this, [this] { m_presenterWindow->showCompact(); });
    connect(hide, &QPushButton::clicked, this, [this] { m_presenterWindow->hide(); });
    screens->addWidget(screenChoice, 1);
    screens->addWidget(fullScreen);
    screens->addWidget(compact);
    screens->addWidget(hide);
    layout->addLayout(screens);

    // Messages to the room: the ready-made cues, one's own words, clear and blackout.
    auto* cues = new QGridLayout;
    int index = 0;
    for (const RoomCueText& cue : roomCues()) {
        auto* button = new QPushButton(cue.label, room);
        button->setObjectName(QStringLiteral("consoleCue%1").arg(index));
        button->setToolTip(cue.text);
        const RoomCue which = cue.cue;
        connect(button, &QPushButton::clicked, this, [this, which] { m_room->showCue(which); });
        cues->addWidget(button, index / 2, index % 2);
        ++index;
    }
    layout->addLayout(cues);
    auto* own = new QHBoxLayout;
    auto* text = new QLineEdit(room);
    text->setObjectName(QStringLiteral("consoleRoomMessage"));
    text->setPlaceholderText(tr("A message of your own"));
    text->setAccessibleName(tr("A message of your own to the room"));
    auto* show = new QPushButton(tr("Show"), room);
    show->setObjectName(QStringLiteral("consoleRoomMessageShow"));
    connect(show, &QPushButton::clicked, this, [this, text] { m_room->showText(text->text()); });
    connect(text, &QLineEdit::returnPressed, this, [this, text] { m_room->showText(text->text()); });
    auto* clear = new QPushButton(tr("Clear"), room);
    clear->setObjectName(QStringLiteral("consoleRoomClear"));
    connect(clear, &QPushButton::clicked, this, [this] { m_room->clear(); });
    auto* blackout = new QPushButton(tr("Blackout"), room);
    blackout->setObjectName(QStringLiteral("consoleRoomBlackout"));
    blackout->setCheckable(true);
    blackout->setToolTip(tr("The presenter screen goes black; the day's clock carries on"));
    connect(blackout, &QPushButton::toggled, m_room, &RoomMessages::setBlackout);
    connect(m_room, &RoomMessages::changed, blackout,
            [this, blackout] { blackout->setChecked(m_room->blackout()); });
    own->addWidget(text, 1);
    own->addWidget(show);
    own->addWidget(clear);
    own->addWidget(blackout);
    layout->addLayout(own);
    layout->addStretch(1);
    return room;
}

void ConsoleWorkspace::openPanes() {
    if (m_session == nullptr || m_document == nullptr) {
        return;
    }
    m_notes =
        new NotesPane(*m_document, m_cycle->currentData().toLongLong(), *m_session, m_clock, m_notesTab);
    m_notesTab->layout()->addWidget(m_notes);
    m_questions = new QuestionPanel(m_document->database(), m_session->groupId(), *m_session, m_questionsTab);
    m_questionsTab->layout()->addWidget(m_questions);
    m_miniature->observe(m_session.get(), m_room);
    if (m_presenterWindow != nullptr) {
        m_presenterWindow->observe(m_session.get(), m_room);
    }
}

void ConsoleWorkspace::closePanes() {
    // The panes seal and save what they hold before the session they follow goes.
    delete m_notes;
    m_notes = nullptr;
    delete m_questions;
    m_questions = nullptr;
    m_miniature->observe(nullptr, m_room);
    if (m_presenterWindow != nullptr) {
        m_presenterWindow->observe(nullptr, m_room);
    }
}

} // namespace balcony::gui
