#pragma once

#include "console/countdown_face.h"
#include "engine/catch_up.h"
#include "engine/day_state.h"
#include "engine/group_day.h"
#include "frame/workspace.h"

#include <QList>
#include <QPointer>
#include <functional>
#include <memory>
#include <optional>

class QAction;
class QComboBox;
class QMenu;
class QSpinBox;
class QSettings;
class QTabWidget;
class QFrame;
class QLabel;
class QListWidget;
class QPushButton;
class QShortcut;
class QTimeEdit;

namespace balcony {
class Clock;
}

namespace balcony::gui {

class CountdownView;
class DayStrip;
class DaySession;
class NotesPane;
class PresenterMiniature;
class PresenterWindow;
class QuestionPanel;
class RoomMessages;
class Prompter;

// "Run the Day": the facilitator's console. Choose a cycle and a group (the group meeting today,
// by the UK's date on the given clock, is preselected), see its timetable, start the day (or say
// when it really started), and run it block by block: the current block, who presents and who
// reviews, who speaks, the block's rule, a large countdown, the next block, the projected finish
// and a timeline of the day. Everything shown comes from the DaySession's state; nothing is
// computed here twice, and no SQL is run here (core services only).
//
// Keys: every control has a window shortcut with Ctrl (Ctrl+Space pause or resume, Ctrl+Right next,
// Ctrl+Left previous, Ctrl+Up one more minute, Ctrl+Shift+Up five more, Ctrl+Down one minute less,
// Ctrl+J jump to the block chosen in the timeline, Ctrl+T next team, Ctrl+U catch-up, Ctrl+Return
// start, Ctrl+Shift+F finish, Ctrl+B the current block began earlier, Ctrl+Alt+P / V / N the
// presenting team, a visiting team or nobody talks now). None of them fires while a text field (line
// edit, text edit, time field, spin box) has the keyboard focus, so typing a note never moves the day.
//
// In a questions block each visiting team's time so far shows against its equal share of the block
// (DayState's turns), beside the block's own countdown; the talk-time tally shows the block's split
// against the 80% guidance (DayState's talk). At two minutes left and at the end of a block the
// countdown flashes and, unless Day > Sound is off (kept in the window's settings), the signal sound
// plays (QApplication::beep unless setSignalSound() gave another).
//
// The workspace has no undo stack: day events are never undone (previous is an event of its own),
// and Edit > Undo is unavailable while it is current. Only finishing the day asks to confirm.
//
// Borrows the Prompter and the clock (nullptr: the computer's clock), which must outlive it.
class ConsoleWorkspace final : public Workspace {
    Q_OBJECT

public:
    // settings: where the presenter screen remembers the screen it goes to (nullptr: no presenter
    // window, only the miniature, as in tests of the console alone).
    explicit ConsoleWorkspace(Prompter& prompter, const Clock* clock = nullptr, QSettings* settings = nullptr,
                              QObject* parent = nullptr);
    ~ConsoleWorkspace() override;

    QString id() const override { return QStringLiteral("run-the-day"); }
    QString title() const override;
    QString toolTip() const override;
    QIcon icon() const override;
    QString menuText() const override;
    QWidget* widget() const override { return m_page; }
    void setDocument(RegionDocument* document) override;

    // The live day of the chosen group; nullptr when none is chosen or it cannot be loaded.
    DaySession* session() const { return m_session.get(); }
    qint64 currentGroupId() const;
    // Chooses the cycle and the group as the two lists would; false when either is not there.
    bool selectGroup(qint64 cycleId, qint64 groupId);
    // True when opening the region found a group's day live today (isLiveToday) and opened it,
    // with the banner saying it was resumed; the workspace then asks to come to the front.
    bool resumedLiveDay() const { return m_resumed; }

    // The day's panes beside the timeline, each following the session: the notes of the block with
    // quick capture, the question bank, and the room (the presenter screen's miniature, its
    // messages and where it shows). nullptr while no day is open.
    NotesPane* notesPane() const { return m_notes; }
    QuestionPanel* questionPanel() const { return m_questions; }
    PresenterMiniature* presenterMiniature() const { return m_miniature; }
    RoomMessages* roomMessages() const { return m_room; }
    PresenterWindow* presenterWindow() const { return m_presenterWindow.get(); }

    // The single sentence or two of what the current block asks of the room.
    static QString blockRule(const TimetableBlock& block);

    QList<QMenu*> menus() const override;
    void saveSettings(QSettings& settings) const override;
    void restoreSettings(const QSettings& settings) override;

    // What plays at the two-minute and end signals while the sound is on (tests count the calls);
    // an empty function plays nothing.
    using SignalSound = std::function<void(CountdownSignal)>;
    void setSignalSound(SignalSound sound) { m_sound = std::move(sound); }
    // Day > Sound at Two Minutes and at the End: checkable, on unless turned off.
    QAction* soundAction() const { return m_soundAction; }

private:
    QPushButton* addControl(const QString& name, const QString& text, const QKeySequence& key,
                            void (ConsoleWorkspace::*slot)());
    void reloadCycles();
    void reloadGroups();
    void openGroup();
    void closeSession();
    void showState();
    void showTimetable();
    void showFailure(const Status& status);
    void updateShortcutsForFocus(QWidget* focused);

    // Controls.
    void startNow();
    void startedAt();
    void togglePause();
    void extendOne();
    void extendFive();
    void shortenOne();
    void next();
    void previous();
    void jumpToSelected();
    void finish();
    void nextTeam();
    void talkPresenting();
    void talkVisiting();
    void talkNobody();
    void setTalker(DayEvent::Talker talker);
    void showBeganEarlier();
    void recordBeganEarlier();
    void syncBeganTime();
    void playSignal(CountdownSignal signal);
    void proposeCatchUp();
    void acceptCatchUp();
    void dismissCatchUp();
    // Whether a start at atUtc may go ahead: asks to confirm a date other than the group's day.
    // Empty when the facilitator declined; else whether the other date was confirmed.
    std::optional<bool> confirmStartDate(const QDateTime& atUtc);
    void afterControl(const Status& status);
    QWidget* buildRoomTab();
    void openPanes();
    void closePanes();

    Prompter& m_prompter;
    std::unique_ptr<Clock> m_ownClock;
    const Clock& m_clock;
    QPointer<RegionDocument> m_document;
    std::optional<GroupDay> m_day;
    std::unique_ptr<DaySession> m_session;
    std::optional<CatchUpProposal> m_proposal;
    bool m_announcing = false; // while telling the document of our own event
    bool m_opening = false;    // while setDocument chooses the group
    bool m_resumed = false;    // see resumedLiveDay()

    QPointer<QWidget> m_page;
    QComboBox* m_cycle = nullptr;
    QComboBox* m_group = nullptr;
    QLabel* m_problem = nullptr;
    QFrame* m_lateBanner = nullptr;
    QLabel* m_lateText = nullptr;
    QTimeEdit* m_startedAtTime = nullptr;
    QFrame* m_resumeBanner = nullptr;
    QLabel* m_resumeText = nullptr;
    QFrame* m_clockBanner = nullptr; // the computer's clock was changed during the day
    QLabel* m_clockText = nullptr;
    QLabel* m_block = nullptr;
    QLabel* m_who = nullptr;
    QLabel* m_speaker = nullptr;
    QLabel* m_turns = nullptr; // each visiting team's time against its share, in a questions block
    QWidget* m_talkRow = nullptr;
    QLabel* m_talk = nullptr; // the talk-time tally
    QPushButton* m_talkPresenting = nullptr;
    QPushButton* m_talkVisiting = nullptr;
    QPushButton* m_talkNobody = nullptr;
    QFrame* m_beganPanel = nullptr; // "the block began earlier"
    QLabel* m_beganText = nullptr;
    QSpinBox* m_beganMinutes = nullptr;
    QTimeEdit* m_beganTime = nullptr;
    bool m_beganTimeEdited = false; // the time field, not the minutes, says when
    std::unique_ptr<QMenu> m_menu;
    QAction* m_soundAction = nullptr;
    SignalSound m_sound;
    QLabel* m_rule = nullptr;
    CountdownView* m_countdown = nullptr;
    QLabel* m_nextBlock = nullptr;
    QLabel* m_projection = nullptr;
    DayStrip* m_dayStrip = nullptr; // the day at a glance, under the projection
    QListWidget* m_timeline = nullptr;
    QTabWidget* m_side = nullptr; // timeline, notes, questions, room
    QWidget* m_notesTab = nullptr;
    QWidget* m_questionsTab = nullptr;
    NotesPane* m_notes = nullptr;         // in m_notesTab while a day is open
    QuestionPanel* m_questions = nullptr; // in m_questionsTab while a day is open
    RoomMessages* m_room = nullptr;
    PresenterMiniature* m_miniature = nullptr;
    std::unique_ptr<PresenterWindow> m_presenterWindow;
    QFrame* m_catchUpPanel = nullptr;
    QLabel* m_catchUpText = nullptr;
    QLabel* m_failure = nullptr;
    QPushButton* m_start = nullptr;
    QPushButton* m_pause = nullptr;
    QList<QPushButton*> m_runControls; // enabled only while the day runs or is paused
    // Guarded: while the page is being deleted, a focus change can reach us after some have gone.
    QList<QPointer<QShortcut>> m_shortcuts;
};

} // namespace balcony::gui
