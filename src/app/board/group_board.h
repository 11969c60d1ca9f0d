#pragma once

#include "board/member_row.h"
#include "domain/types.h"
#include "support/problem.h"
#include "support/result.h"

#include <QPointer>
#include <QWidget>
#include <functional>
#include <optional>
#include <vector>

class QComboBox;
class QFrame;
class QGridLayout;
class QLabel;
class QPushButton;
class QScrollArea;

namespace balcony::gui {

class GroupCard;
class RegionDocument;

// The group board of one cycle: a card per group, and a tray of the authorities in no group.
// Every gesture (drag and drop, the members' menus and shortcuts, the lead-reviewer pickers, the
// card menus and buttons) becomes one undoable edit on the document's stack, committed through
// the core stores. A refused edit changes nothing and its message shows in the board's banner;
// while the board is on screen the banner also shows any other edit the document reports refused
// (an undo, say), so that the main window need not show it again (showsEditFailures()).
// Exporting a group's invitation is asked of whoever owns the file dialogs (invitationExportRequested).
// The board rebuilds from the stores whenever the document announces a change to its cycle.
//
// A national cycle has forty-odd cards of widgets, which would hold up the window's first paint
// for longer than the whole of a bare window's start-up: the board builds the cards that fit on
// screen at once and the rest after its first paint, a few per turn of the event loop. Everything
// that asks for a card (the accessors, selecting, showing a problem) first builds the rest.
class GroupBoard final : public QWidget {
    Q_OBJECT

public:
    // Asks for a group's details (a new one when group.id is 0); nullopt when the user cancels.
    // Tests replace it to answer without a dialog.
    using DetailsEditor = std::function<std::optional<Group>(QWidget* parent, const Group& group,
                                                             const CycleSchedule& schedule)>;

    // The document must outlive the board.
    explicit GroupBoard(RegionDocument& document, QWidget* parent = nullptr);
    ~GroupBoard() override;

    qint64 cycleId() const { return m_cycleId; }
    void setDetailsEditor(DetailsEditor editor) { m_detailsEditor = std::move(editor); }
    // Fixes the generator's tie-breaking (tests, screenshots); by default each run draws one.
    void setGeneratorSeed(quint64 seed) { m_seed = seed; }
    // Hides the board's own cycle picker when a surrounding workspace chooses the cycle.
    void setCyclePickerVisible(bool visible);

    // The edits, as the gestures perform them. Each returns what happened; on failure the banner
    // also shows the message and nothing changed.
    Status moveAuthority(qint64 authorityId, const QString& toUid, int position = -1);
    Status reorderPresenters(const QString& uid, const std::vector<qint64>& order);
    Status setLeadReviewer(const QString& uid, qint64 revieweeId, qint64 reviewerId);
    Status generateLeadReviewers(const QStringList& uids);
    Status generateAllLeadReviewers();
    Status createGroup(const Group& group);
    Status dissolveGroup(const QString& uid);
    Status editGroupDetails(const Group& details);
    // Open the details editor, then apply.
    void createGroupInteractively();
    void editGroupInteractively(const QString& uid);

    // What the board shows, for the workspace and tests. Each builds any cards still to come.
    GroupCard* card(const QString& uid);
    GroupCard* cardOf(qint64 authorityId); // the tray when the authority has no group
    GroupCard* cardLabelled(const QString& label);
    GroupCard* tray();
    const std::vector<GroupCard*>& cards();
    // Cards not built yet (they come after the first paint); 0 once the board is complete.
    int pendingCardCount() const;
    QString message() const;
    // True while the board is on screen: every edit the document reports refused then shows in
    // its banner, and nowhere else needs to show it.
    bool showsEditFailures() const { return isVisible(); }
    const CycleSchedule* schedule() const { return m_schedule ? &*m_schedule : nullptr; }

public Q_SLOTS:
    void setCycleId(qint64 cycleId);
    void reload();
    // Selects (and scrolls to, and focuses) what a problem is about.
    void showProblem(const balcony::Problem& problem);
    void selectAuthority(qint64 authorityId);
    void selectGroup(const QString& uid);
    // Error and warning counts per group, for the cards' badges.
    void setProblems(const balcony::Problems& problems);
    void showMessage(const QString& text, bool isError);
    void clearMessage();

Q_SIGNALS:
    void cycleChanged(qint64 cycleId);
    void authoritySelected(qint64 authorityId);
    // The user asked for the calendar invitation of one group (its label, as the exporter takes it).
    void invitationExportRequested(qint64 cycleId, const QString& groupLabel);

protected:
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void fillCycles();
    // Builds the card of the next group (or, after the last group, the tray) and places it.
    void buildNextCard();
    void buildAllCards();
    void buildSomeCards(); // a few, then hands back to the event loop
    int cardsThatFit() const;
    void placeCard(GroupCard* card, int index);
    void countProblems(GroupCard* card); // the card's error and warning badge
    void layoutCards();
    Status report(const Status& status);
    void connectCard(GroupCard* card);
    const Group* groupByUid(const QString& uid) const;
    QString labelOf(const QString& uid) const;
    quint64 nextSeed();
    void applySelection(bool focus);

    RegionDocument& m_document;
    qint64 m_cycleId = 0;
    std::optional<CycleSchedule> m_schedule;
    Problems m_problems;
    DetailsEditor m_detailsEditor;
    std::optional<quint64> m_seed;

    QLabel* m_cycleLabel = nullptr;
    QComboBox* m_cycleCombo;
    QPushButton* m_newGroup;
    QPushButton* m_generateAll;
    QLabel* m_summary;
    QFrame* m_banner;
    QLabel* m_bannerText;
    QScrollArea* m_scroll;
    QWidget* m_canvas;
    QGridLayout* m_grid;
    std::vector<GroupCard*> m_cards; // groups in date order, then the tray
    GroupCard* m_tray = nullptr;
    int m_columns = 0;
    // What the cards still to be built need.
    std::vector<MemberRow::Target> m_targets;
    std::vector<qint64> m_unplaced;
    bool m_continuationScheduled = false;

    qint64 m_selectedAuthority = 0;
    QString m_selectedGroup;
};

} // namespace balcony::gui
