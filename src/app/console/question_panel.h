#pragma once

#include "engine/day_template.h"
#include "questions/question_bank.h"
#include "support/result.h"

#include <QString>
#include <QTimer>
#include <QWidget>
#include <map>

class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QSpinBox;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace balcony {
class Database;
struct DayState;
} // namespace balcony

namespace balcony::gui {

class DaySession;

// The console's question bank panel. It follows the day session and shows what the current block
// needs (docs/question-bank.md, "In the day"):
//  - the presentation: a tick list of the bank's themes, for the themes the DCS asked the group to
//    focus on for the presenting LA (stored at once, per group and presenting LA);
//  - the questions: the themes, the focus ones first, highlighted and open, the rest collapsed (one
//    click away), a search field (the core's searchQuestions) and, for a question that asks for a
//    number, a 0-10 box for the presenting team's rating (stored at once);
//  - insights from the balcony: the balcony's reflection questions;
//  - the plenary: the plenary's questions, each with a field for the group's answers, saved 700 ms
//    after the typing stops or when the field loses focus; "Saved" shows only after the commit;
//  - any other block: a line saying the bank has nothing for it.
// The widget runs no SQL: it calls the core's BankStore and DayQuestions. A refusal from the
// database shows in the panel's status line, in the core's words; nothing else changes.
//
// Borrows the Database and the DaySession, which must outlive it. The bank is read once, when the
// panel is created.
class QuestionPanel final : public QWidget {
    Q_OBJECT

public:
    QuestionPanel(Database& db, qint64 groupId, DaySession& session, QWidget* parent = nullptr);
    ~QuestionPanel() override;

    enum class Page { Nothing, Focus, Questions, Balcony, Plenary };
    Page page() const;

    // Writes any plenary answer still waiting for its debounce. Returns the first failure.
    Status flush();

    // For tests and the workspace: the controls, owned by the panel.
    QListWidget* focusList() const { return m_focusList; }
    QTreeWidget* themeTree() const { return m_tree; }
    QLineEdit* searchField() const { return m_search; }
    QListWidget* balconyList() const { return m_balconyList; }
    QPlainTextEdit* answerField(int index) const; // nullptr outside 0..plenary count - 1
    int answerFieldCount() const { return int(m_answerFields.size()); }
    QSpinBox* ratingBox(const QString& question) const; // nullptr when not shown
    QLabel* statusLine() const { return m_status; }

Q_SIGNALS:
    // After a plenary answer was committed (the status line then says "Saved").
    void answerSaved(int index);

private:
    void follow(const DayState& state);
    void showBlock(int blockIndex);
    void fillFocus();
    void fillQuestions();
    void applySearch();
    void focusToggled();
    void ratingChanged(const QString& question, int value);
    void fillAnswers();
    Status saveAnswer(int index);
    void report(const Status& status, const QString& done);

    Database& m_db;
    qint64 m_groupId = 0;
    DaySession& m_session;
    questions::QuestionBank m_bank;
    int m_shownBlock = -1;
    qint64 m_presenter = 0; // the authority presenting in the shown block; 0 in shared blocks

    QLabel* m_heading = nullptr;
    QStackedWidget* m_pages = nullptr;
    QLabel* m_nothing = nullptr;
    QListWidget* m_focusList = nullptr;
    QLineEdit* m_search = nullptr;
    QTreeWidget* m_tree = nullptr;
    QListWidget* m_balconyList = nullptr;
    QWidget* m_plenaryPage = nullptr;
    std::vector<QPlainTextEdit*> m_answerFields;
    std::map<int, QTimer*> m_answerTimers;
    QLabel* m_status = nullptr;
};

} // namespace balcony::gui
