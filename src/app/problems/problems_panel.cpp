#include "problems/problems_panel.h"

#include "document/region_document.h"
#include "domain/schedule_store.h"
#include "problems/problem_list_model.h"
#include "scheduling/schedule_check.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

namespace balcony::gui {

ProblemsPanel::ProblemsPanel(RegionDocument& document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_model(new ProblemListModel(this))
    , m_view(new QTreeView(this))
    , m_heading(new QLabel(this)) {
    setObjectName(QStringLiteral("problemsPanel"));
    setAccessibleName(tr("Problems"));
    m_heading->setObjectName(QStringLiteral("problemsHeading"));
    m_heading->setContentsMargins(8, 6, 8, 2);
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAccessibleName(tr("Problems of the cycle"));
    m_view->setAccessibleDescription(tr("Activate a problem to show what it is about on the board"));
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(ProblemListModel::MessageColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(ProblemListModel::GroupColumn, QHeaderView::ResizeToContents);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_heading);
    layout->addWidget(m_view, 1);

    connect(m_view, &QTreeView::activated, this, &ProblemsPanel::activate);
    connect(m_view, &QTreeView::clicked, this, &ProblemsPanel::activate);
    connect(&m_document, &RegionDocument::changed, this, &ProblemsPanel::recheck);
    recheck();
}

void ProblemsPanel::setToday(const QDate& today) {
    m_today = today;
    recheck();
}

void ProblemsPanel::setCycleId(qint64 cycleId) {
    if (cycleId == m_cycleId) {
        return;
    }
    m_cycleId = cycleId;
    recheck();
}

const Problems& ProblemsPanel::problems() const {
    return m_model->problems();
}

int ProblemsPanel::errorCount() const {
    return m_model->errorCount();
}

int ProblemsPanel::warningCount() const {
    return m_model->warningCount();
}

void ProblemsPanel::recheck() {
    Problems problems;
    if (m_cycleId != 0) {
        auto schedule = ScheduleStore(m_document.database()).load(m_cycleId);
        if (schedule) {
            problems = checkSchedule(*schedule, m_today.isValid() ? m_today : m_document.today());
        } else {
            problems.push_back({Problem::Severity::Error, schedule.message(), Problem::Subject::Cycle,
                                m_cycleId, QString(), 0});
        }
    }
    m_model->setProblems(problems);
    const int errors = m_model->errorCount();
    const int warnings = m_model->warningCount();
    if (m_cycleId == 0) {
        m_heading->setText(tr("No cycle chosen."));
    } else if (problems.empty()) {
        m_heading->setText(tr("No problems found in this cycle."));
    } else {
        m_heading->setText((errors == 1 ? tr("1 error") : tr("%1 errors").arg(errors)) +
                           QStringLiteral(", ") +
                           (warnings == 1 ? tr("1 warning") : tr("%1 warnings").arg(warnings)));
    }
    Q_EMIT problemsChanged(m_model->problems());
    Q_EMIT countsChanged(errors, warnings);
}

void ProblemsPanel::activate(const QModelIndex& index) {
    if (const Problem* p = m_model->itemAt(index)) {
        Q_EMIT problemActivated(*p);
    }
}

} // namespace balcony::gui
