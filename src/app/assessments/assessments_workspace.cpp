#include "assessments/assessments_workspace.h"

#include "assessments/attach_document.h"
#include "cycles/cycle_picker.h"
#include "document/region_document.h"
#include "frame/empty_state.h"
#include "frame/icons.h"
#include "frame/prompter.h"
#include "models/assessment_model.h"
#include "models/cycle_list_model.h"
#include "models/key_choice_delegate.h"
#include "models/model_roles.h"

#include <QAction>
#include <QDesktopServices>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QUndoStack>
#include <QUrl>
#include <QVBoxLayout>

namespace balcony::gui {

AssessmentsWorkspace::AssessmentsWorkspace(RegionDocument& document, Prompter& prompter, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_prompter(prompter)
    , m_cycles(new CycleListModel(document, this))
    , m_model(new AssessmentModel(document, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_picker(new CyclePicker(*m_cycles, this))
    , m_stack(new QStackedWidget(this))
    , m_table(new QTableView(this))
    , m_attach(new QAction(icon(QStringLiteral("document-attach")), tr("&Attach Document..."), this))
    , m_open(new QAction(icon(QStringLiteral("document-open")), tr("&Open Document"), this)) {
    setObjectName(QStringLiteral("assessmentsWorkspace"));
    m_attach->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    m_attach->setToolTip(tr("Record the self-assessment file of the selected authority"));
    m_open->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    connect(m_attach, &QAction::triggered, this, &AssessmentsWorkspace::attachDocument);
    connect(m_open, &QAction::triggered, this, &AssessmentsWorkspace::openDocument);
    addAction(m_attach);
    addAction(m_open);

    auto* header = new QHBoxLayout;
    header->addWidget(m_picker);
    header->addStretch();
    for (QAction* action : {m_attach, m_open}) {
        auto* button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        header->addWidget(button);
    }

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SortRole);
    m_table->setModel(m_proxy);
    m_table->setObjectName(QStringLiteral("assessmentTable"));
    m_table->setAccessibleName(tr("Self-assessments"));
    std::vector<std::pair<QString, QString>> statuses;
    for (const auto& key : saStatusKeys()) {
        if (const auto status = saStatusFromKey(key)) {
            statuses.emplace_back(displayName(*status), key);
        }
    }
    m_table->setItemDelegateForColumn(
        AssessmentModel::StatusColumn,
        new KeyChoiceDelegate(std::move(statuses), tr("Self-assessment status"), m_table));
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(AssessmentModel::DueColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                             QAbstractItemView::SelectedClicked);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    m_table->setColumnWidth(AssessmentModel::AuthorityColumn, 180);
    m_table->setColumnWidth(AssessmentModel::GroupColumn, 60);
    m_table->setColumnWidth(AssessmentModel::StatusColumn, 235);
    for (int column :
         {AssessmentModel::DueColumn, AssessmentModel::DraftColumn, AssessmentModel::SignedOffDcsColumn,
          AssessmentModel::SignedOffCxColumn, AssessmentModel::DistributedColumn}) {
        m_table->setColumnWidth(column, 96);
    }
    m_table->setColumnWidth(AssessmentModel::DocumentColumn, 110);
    m_table->setColumnWidth(AssessmentModel::ModerationColumn, 100);

    m_stack->addWidget(m_table);
    m_stack->addWidget(new EmptyState(tr("No cycles yet"),
                                      tr("Self-assessments are tracked per cycle. Create a cycle in the "
                                         "Schedule workspace first."),
                                      this));

    auto* legend = new QLabel(tr("Highlighted rows are overdue: not yet distributed and past their due date. "
                                 "Double-click a status to change it."),
                              this);
    legend->setEnabled(false);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_stack, 1);
    layout->addWidget(legend);

    connect(m_picker, &CyclePicker::cycleChanged, this, &AssessmentsWorkspace::onCycleChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AssessmentsWorkspace::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &AssessmentsWorkspace::updateActions);
    onCycleChanged(m_picker->currentCycleId());
}

void AssessmentsWorkspace::onCycleChanged(qint64 cycleId) {
    m_model->setCycle(cycleId);
    m_stack->setCurrentIndex(cycleId == 0 ? 1 : 0);
    updateActions();
}

qint64 AssessmentsWorkspace::selectedAuthority() const {
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        return 0;
    }
    return m_proxy->mapToSource(current).data(IdRole).toLongLong();
}

void AssessmentsWorkspace::updateActions() {
    const auto* row = m_model->rowAt(m_model->indexOf(selectedAuthority()));
    m_attach->setEnabled(row != nullptr && !m_document.isReadOnly());
    m_open->setEnabled(row != nullptr && !row->assessment.documentPath.isEmpty());
}

void AssessmentsWorkspace::attachDocument() {
    const QString path = m_prompter.askOpenFile(tr("Attach Self-Assessment"),
                                                tr("Documents (*.pdf *.docx *.odt *.doc);;All files (*)"));
    if (!path.isEmpty()) {
        attachFile(path);
    }
}

void AssessmentsWorkspace::attachFile(const QString& path) {
    const auto* row = m_model->rowAt(m_model->indexOf(selectedAuthority()));
    if (row == nullptr) {
        return;
    }
    m_document.undoStack()->push(new AttachDocument(m_document, row->assessment, path));
}

void AssessmentsWorkspace::openDocument() {
    const auto* row = m_model->rowAt(m_model->indexOf(selectedAuthority()));
    if (row == nullptr || row->assessment.documentPath.isEmpty()) {
        return;
    }
    if (!QFileInfo::exists(row->assessment.documentPath)) {
        m_prompter.showError(tr("Cannot open the document"),
                             tr("%1 is no longer there. Attach the file again from its new place.")
                                 .arg(row->assessment.documentPath));
        return;
    }
    QDesktopServices::openUrl(QUrl::fromLocalFile(row->assessment.documentPath));
}

} // namespace balcony::gui
