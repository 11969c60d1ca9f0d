#pragma once

#include "outcomes/cycle_section.h"
#include "outcomes/priorities.h"

#include <QPointer>
#include <map>
#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace balcony::gui {

class Prompter;

// "Priorities" (view priorities): each group's suggested actions for next year's regional plan in
// the group's order, reordered by dragging or with Alt+Up and Alt+Down, added, renamed (F2) and
// removed (Delete); the cycle-wide list they merge into (outcomes::mergePriorities: position, text,
// the groups that made it, score), where two members are joined (near-duplicates Balcony kept
// apart) or split (two it joined wrongly); and the chosen group's answers to the plenary's
// questions (questions::DayQuestions), as the console records them.
//
// Every write goes through core at once and tells the document (notifyNotesChanged), from which
// the page reloads. Borrows the Prompter, which must outlive it. No SQL here.
class PrioritiesSection final : public CycleSection {
    Q_OBJECT

public:
    explicit PrioritiesSection(Prompter& prompter, QObject* parent = nullptr);
    ~PrioritiesSection() override;

    QString title() const override;
    QWidget* page() override;
    QStringList viewNames() const override { return {QStringLiteral("priorities")}; }
    void showView(const QString& name) override;

    QComboBox* groupChoice() const { return m_group; }
    QListWidget* groupList() const { return m_list; }
    QTreeWidget* mergedView() const { return m_merged; }
    const std::vector<outcomes::MergedPriority>& merged() const { return m_mergedList; }
    QPlainTextEdit* plenaryAnswer(const QString& question) const;

    bool selectGroup(qint64 groupId);
    // The chosen priority one place up (-1) or down (+1).
    bool move(int delta);
    bool addPriority(); // the text in the "new priority" field
    bool removePriority();
    // Joins or splits the two members chosen in the merged list (by priority id).
    bool joinChosen();
    bool splitChosen();
    bool saveAnswers();

private:
    void buildPage();
    // The row version of a priority of the group's list as last read (edits are based on it).
    std::optional<int> versionRead(qint64 priorityId) const;
    void reload() override;
    void fillGroups();
    void fillList();
    void fillMerged();
    void fillAnswers();
    void listReordered();
    void itemRenamed(qint64 priorityId, const QString& text);
    std::vector<qint64> chosenMembers() const;
    qint64 currentGroupId() const;
    void updateButtons();
    void written(const QString& message, qint64 groupId);
    void refused(const QString& title, const QString& message);

    Prompter& m_prompter;
    bool m_filling = false;
    std::vector<outcomes::GroupPriority> m_groupPriorities;
    std::vector<outcomes::MergedPriority> m_mergedList;
    std::map<QString, QPlainTextEdit*> m_answers; // by question wording
    std::map<QString, QString> m_storedAnswers;

    QPointer<QWidget> m_page;
    QComboBox* m_group = nullptr;
    QListWidget* m_list = nullptr;
    QLineEdit* m_newText = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_up = nullptr;
    QPushButton* m_down = nullptr;
    QTreeWidget* m_merged = nullptr;
    QPushButton* m_join = nullptr;
    QPushButton* m_split = nullptr;
    QLabel* m_mergedSummary = nullptr;
    QWidget* m_answersBox = nullptr;
    QPushButton* m_saveAnswers = nullptr;
};

} // namespace balcony::gui
