#pragma once

#include <QWidget>

class QAction;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace balcony::gui {

class AssessmentModel;
class CycleListModel;
class CyclePicker;
class Prompter;
class RegionDocument;

// The self-assessment tracker of a cycle: status per LA (editable), the dates of each step, the
// due date with overdue rows highlighted, the attached document (attach, open, and a warning when
// the file changed since), and moderation status and window.
class AssessmentsWorkspace final : public QWidget {
    Q_OBJECT

public:
    // The document and the prompter must outlive the workspace.
    AssessmentsWorkspace(RegionDocument& document, Prompter& prompter, QWidget* parent = nullptr);

    AssessmentModel& model() const { return *m_model; }
    QTableView* table() const { return m_table; }
    CyclePicker* picker() const { return m_picker; }
    QAction* attachAction() const { return m_attach; }
    QAction* openAction() const { return m_open; }
    // Attaches a file to the selected row's self-assessment, without asking for it.
    void attachFile(const QString& path);

private:
    void onCycleChanged(qint64 cycleId);
    void attachDocument();
    void openDocument();
    void updateActions();
    qint64 selectedAuthority() const;

    RegionDocument& m_document;
    Prompter& m_prompter;
    CycleListModel* m_cycles;
    AssessmentModel* m_model;
    QSortFilterProxyModel* m_proxy;
    CyclePicker* m_picker;
    QStackedWidget* m_stack;
    QTableView* m_table;
    QAction* m_attach;
    QAction* m_open;
};

} // namespace balcony::gui
