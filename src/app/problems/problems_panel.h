#pragma once

#include "support/problem.h"

#include <QDate>
#include <QWidget>

class QLabel;
class QTreeView;

namespace balcony::gui {

class ProblemListModel;
class RegionDocument;

// The live list of errors and warnings of one cycle, from the core check, recomputed whenever the
// document changes. Activating a row (click, Enter) asks to show what the problem is about.
class ProblemsPanel final : public QWidget {
    Q_OBJECT

public:
    // The document must outlive the panel.
    explicit ProblemsPanel(RegionDocument& document, QWidget* parent = nullptr);

    qint64 cycleId() const { return m_cycleId; }
    // Self-assessment deadlines are judged on this day (today unless set; tests fix it).
    void setToday(const QDate& today);

    const Problems& problems() const;
    int errorCount() const;
    int warningCount() const;
    ProblemListModel* model() const { return m_model; }
    QTreeView* view() const { return m_view; }

public Q_SLOTS:
    void setCycleId(qint64 cycleId);
    void recheck();

Q_SIGNALS:
    void problemActivated(const balcony::Problem& problem);
    void problemsChanged(const balcony::Problems& problems);
    // For a status bar: how many errors and warnings the cycle has now.
    void countsChanged(int errors, int warnings);

private:
    void activate(const QModelIndex& index);

    RegionDocument& m_document;
    qint64 m_cycleId = 0;
    QDate m_today;
    ProblemListModel* m_model;
    QTreeView* m_view;
    QLabel* m_heading;
};

} // namespace balcony::gui
