#pragma once

#include "outcomes/asks_offers.h"
#include "outcomes/cycle_section.h"
#include "outcomes/matching.h"
#include "outcomes/support_menu.h"

#include <QPointer>
#include <map>
#include <optional>
#include <vector>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QUndoStack;

namespace balcony {
class Clock;
}

namespace balcony::gui {

class Prompter;

// "Asks and Offers" (view asks-offers): the cycle's register (outcomes::AskOfferRegister), filtered
// by LA, group, theme, status and kind; the chosen entry's wording, status and kind of help edited
// below it; an ask or offer added after the day; beside it the suggested matches with their score
// and reason, confirmed (with an owner and a due date) or dismissed, and the confirmed follow-ups.
//
// Edits of the register go on the section's own undo stack (Ctrl+Z, Ctrl+Shift+Z while the page has
// the focus): undoing a new wording writes the earlier one back as a further revision, so the
// history keeps both. Adding, confirming and dismissing are not undone (core keeps every ask and
// every decision); a dismissal is asked about first for that reason. Every write tells the document
// (notifyNotesChanged), and the page reloads from that signal. Borrows the Prompter and the clock
// (the document's when nullptr), which must outlive it. No SQL here: every operation is core's.
class AsksOffersSection final : public CycleSection {
    Q_OBJECT

public:
    explicit AsksOffersSection(Prompter& prompter, const Clock* clock = nullptr, QObject* parent = nullptr);
    ~AsksOffersSection() override;

    QString title() const override;
    QWidget* page() override;
    QStringList viewNames() const override { return {QStringLiteral("asks-offers")}; }
    void showView(const QString& name) override;

    QUndoStack* undoStack() const { return m_undo; }
    QTableWidget* registerView() const { return m_register; }
    QTableWidget* suggestionsView() const { return m_suggestions; }
    QTableWidget* followUpsView() const { return m_followUps; }
    const std::vector<outcomes::AskOffer>& entries() const { return m_items; }
    const std::vector<outcomes::MatchSuggestion>& suggestions() const { return m_matchList; }
    const std::vector<outcomes::FollowUp>& followUps() const { return m_followUpList; }

    // The operations behind the page's buttons, for the keyboard and for tests.
    bool selectEntry(qint64 itemId);
    bool saveWording(); // the chosen entry's theme and text as a new revision
    bool setStatus(outcomes::AskOfferStatus status);
    bool setSupportKind(const QString& key); // empty: no kind of help
    bool addEntry();                         // from the "Added after the day" fields
    bool confirmSuggestion(int row);         // with the owner and due date fields
    bool dismissSuggestion(int row);
    bool toggleFollowUp(int row);

private:
    class RegisterCommand;

    void buildPage();
    void reload() override;
    void leavingCycle() override; // the undo stack's edits were of the register shown
    void fillFilters();
    void fillRegister();
    void fillMatches();
    void entryChosen();
    void suggestionChosen();
    void updateButtons();
    std::optional<outcomes::AskOffer> chosen() const;
    const Clock& clock() const;
    void written(const QString& message, qint64 groupId = 0);
    void refused(const QString& title, const QString& message);

    Prompter& m_prompter;
    const Clock* m_clock;
    bool m_filling = false;
    std::vector<outcomes::AskOffer> m_all;   // the cycle's whole register, for the filters
    std::vector<outcomes::AskOffer> m_items; // as filtered and shown
    std::vector<outcomes::MatchSuggestion> m_matchList;
    std::vector<outcomes::FollowUp> m_followUpList;
    std::vector<outcomes::SupportKind> m_menu;

    QPointer<QWidget> m_page;
    QUndoStack* m_undo = nullptr;
    // Each item's row version as this page's last write left it: undo and redo are based on it, so
    // that they are refused after someone else's change instead of writing over it.
    std::map<qint64, int> m_versionsWritten;
    QComboBox* m_laFilter = nullptr;
    QComboBox* m_groupFilter = nullptr;
    QComboBox* m_themeFilter = nullptr;
    QComboBox* m_statusFilter = nullptr;
    QComboBox* m_kindFilter = nullptr;
    QLabel* m_summary = nullptr;
    QTableWidget* m_register = nullptr;
    QLabel* m_entryTitle = nullptr;
    QLineEdit* m_theme = nullptr;
    QPlainTextEdit* m_text = nullptr;
    QPushButton* m_saveWording = nullptr;
    QComboBox* m_status = nullptr;
    QComboBox* m_support = nullptr;
    QComboBox* m_addLa = nullptr;
    QComboBox* m_addKind = nullptr;
    QLineEdit* m_addTheme = nullptr;
    QLineEdit* m_addText = nullptr;
    QPushButton* m_add = nullptr;
    QTableWidget* m_suggestions = nullptr;
    QLineEdit* m_owner = nullptr;
    QDateEdit* m_due = nullptr;
    QPushButton* m_confirm = nullptr;
    QPushButton* m_dismiss = nullptr;
    QTableWidget* m_followUps = nullptr;
    QPushButton* m_toggleFollowUp = nullptr;
};

} // namespace balcony::gui
