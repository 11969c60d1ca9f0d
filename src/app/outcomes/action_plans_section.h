#pragma once

#include "outcomes/action_plan.h"
#include "outcomes/cycle_section.h"

#include <QPointer>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace balcony {
class Clock;
}

namespace balcony::gui {

class Prompter;

// "Action Plans" (view action-plans): each LA's actions after its challenge (or every LA's), in the
// order they need attention (outcomes::sortForAttention: red, overdue and unrated first), each with
// a word for its state beside the colour so the list reads the same without colour; owner, due
// date, status, the current RAG and its reason, and where an action was carried from when it is an
// open action of an earlier cycle. Below it the chosen action's ratings and progress notes.
//
// "Monitoring as lead reviewer" turns the LA chosen into the reviewer: the list is then the actions
// of the LAs that LA reviewed in the cycle (ActionPlanStore::forLeadReviewer).
//
// A new RAG needs its reason (asked with Prompter::askText; without one nothing changes); Mark Done
// and Add Progress write at once; Export writes the cycle's outcomes CSV (outcomes_export.h) where
// the save dialog says. Every write tells the document (notifyNotesChanged), from which the page
// reloads. Borrows the Prompter and the clock (the document's when nullptr). No SQL here.
class ActionPlansSection final : public CycleSection {
    Q_OBJECT

public:
    explicit ActionPlansSection(Prompter& prompter, const Clock* clock = nullptr, QObject* parent = nullptr);
    ~ActionPlansSection() override;

    QString title() const override;
    QWidget* page() override;
    QStringList viewNames() const override { return {QStringLiteral("action-plans")}; }
    void showView(const QString& name) override;

    // The table's columns.
    enum Column {
        AttentionColumn,
        LaColumn,
        FromColumn,
        ActionColumn,
        OwnerColumn,
        DueColumn,
        RagColumn,
        ReasonColumn
    };

    QComboBox* laChoice() const { return m_la; }
    QCheckBox* reviewerChoice() const { return m_asReviewer; }
    QComboBox* ragChoice() const { return m_rag; }
    QTableWidget* actionsView() const { return m_table; }
    QListWidget* historyView() const { return m_history; }
    const std::vector<outcomes::PlanAction>& planActions() const { return m_actions; }
    // The word shown for an action's state ("red", "overdue", "unrated", "amber", "green", "done").
    static QString attentionWord(const outcomes::PlanAction& action);

    bool selectLa(qint64 authorityId); // 0: every LA
    bool selectAction(qint64 actionId);
    bool changeRag(); // to the RAG chosen beside the list, asking for the reason
    bool toggleDone();
    bool addProgress(); // asks for the note
    bool exportCsv();

private:
    void buildPage();
    void reload() override;
    void fillLas();
    void fillActions();
    void actionChosen();
    void updateButtons();
    std::optional<outcomes::PlanAction> chosen() const;
    const Clock& clock() const;
    void written(const QString& message);
    void refused(const QString& title, const QString& message);

    Prompter& m_prompter;
    const Clock* m_clock;
    bool m_filling = false;
    std::vector<outcomes::PlanAction> m_actions;

    QPointer<QWidget> m_page;
    QComboBox* m_la = nullptr;
    QCheckBox* m_asReviewer = nullptr;
    QLabel* m_summary = nullptr;
    QTableWidget* m_table = nullptr;
    QComboBox* m_rag = nullptr;
    QPushButton* m_changeRag = nullptr;
    QPushButton* m_done = nullptr;
    QPushButton* m_progress = nullptr;
    QPushButton* m_export = nullptr;
    QLabel* m_chosenTitle = nullptr;
    QListWidget* m_history = nullptr;
};

} // namespace balcony::gui
