#pragma once

#include "review/outcomes_section.h"

#include <QPointer>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace balcony::gui {

class Prompter;

// "Regional Report", a tab of Notes and Outcomes (docs/guide-outcomes.md "The regional report"): the
// chosen cycle's captured items (strengths, insights, asks, offers, actions) under their LA, each with
// a "For the report" choice (not in the report, best practice, common systemic issue) that is saved
// at once (outcomes::ReportMarkStore); and Build Report..., which asks for a PDF or ODT file through
// the Prompter and writes the report (reports::exportRegionalReport) under a progress dialog that can
// be cancelled. The build runs in steps on the UI thread (the chart needs it), processing events
// between steps, so the window stays responsive; a cancelled build writes no file.
class RegionalReportSection final : public OutcomesSection {
    Q_OBJECT

public:
    explicit RegionalReportSection(Prompter& prompter, QObject* parent = nullptr);
    ~RegionalReportSection() override;

    QString title() const override;
    QWidget* page() override;
    QStringList viewNames() const override { return {QStringLiteral("regional-report")}; }
    void setDocument(RegionDocument* document) override;
    void setCycle(qint64 cycleId) override;
    QList<QAction*> actions() const override;

    // Asks for a file and builds the report into it. False when the user cancelled (the file dialog
    // or the progress dialog) or the build failed (the error is shown).
    bool buildReport();

private:
    void reload();
    void setMark(qint64 itemId, int sectionIndex);

    Prompter& m_prompter;
    QPointer<RegionDocument> m_document;
    qint64 m_cycleId = 0;
    QPointer<QWidget> m_page;
    QTreeWidget* m_items = nullptr;
    QLabel* m_summary = nullptr;
    QPushButton* m_build = nullptr;
    QAction* m_buildAction = nullptr;
};

} // namespace balcony::gui
