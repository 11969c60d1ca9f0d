#include "outcomes/action_plans_section.h"

#include "document/region_document.h"
#include "domain/schedule_store.h"
#include "engine/clock.h"
#include "frame/prompter.h"
#include "outcomes/outcomes_export.h"
#include "outcomes/outcomes_page_support.h"

#include <QCheckBox>
#include <QColor>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>
#include <algorithm>
#include <map>
#include <set>

namespace balcony::gui {

using namespace outcomes;

namespace {

QString ragWord(Rag rag) {
    switch (rag) {
    case Rag::Red:
        return QObject::tr("red");
    case Rag::Amber:
        return QObject::tr("amber");
    case Rag::Green:
        return QObject::tr("green");
    }
    return {};
}

// Tints that keep the text readable on a light or a dark palette; the word says the same.
QColor tint(const QString& key) {
    if (key == QLatin1String("red")) {
        return QColor(220, 50, 47, 90);
    }
    if (key == QLatin1String("overdue")) {
        return QColor(230, 120, 20, 90);
    }
    if (key == QLatin1String("unrated")) {
        return QColor(128, 128, 128, 70);
    }
    if (key == QLatin1String("amber")) {
        return QColor(240, 180, 0, 80);
    }
    if (key == QLatin1String("green")) {
        return QColor(60, 170, 60, 70);
    }
    return {};
}

// The state that orders the list (sortForAttention) and picks the tint; attentionWord says it.
QString attentionKey(const PlanAction& action) {
    if (action.status == ActionStatus::Done) {
        return QStringLiteral("done");
    }
    if (action.rating && action.rating->rag == Rag::Red) {
        return QStringLiteral("red");
    }
    if (action.overdue) {
        return QStringLiteral("overdue");
    }
    if (!action.rating) {
        return QStringLiteral("unrated");
    }
    return toKey(action.rating->rag);
}

QString dateText(const QDate& date) {
    return date.isValid() ? date.toString(QStringLiteral("d MMM yyyy")) : QString();
}

} // namespace

ActionPlansSection::ActionPlansSection(Prompter& prompter, const Clock* clock, QObject* parent)
    : CycleSection(parent)
    , m_prompter(prompter)
    , m_clock(clock) {}

ActionPlansSection::~ActionPlansSection() {
    if (m_page && m_page->parent() == nullptr) {
        delete m_page;
    }
}

QString ActionPlansSection::title() const {
    return tr("A&ction Plans");
}

QWidget* ActionPlansSection::page() {
    if (!m_page) {
        buildPage();
    }
    return m_page;
}

const Clock& ActionPlansSection::clock() const {
    if (m_clock != nullptr) {
        return *m_clock;
    }
    static const SystemClock computer; // only before a region is open, when nothing reads it
    return m_document ? m_document->clock() : computer;
}

QString ActionPlansSection::attentionWord(const PlanAction& action) {
    const QString key = attentionKey(action);
    if (key == QLatin1String("done")) {
        return tr("done");
    }
    if (key == QLatin1String("overdue")) {
        return tr("overdue");
    }
    if (key == QLatin1String("unrated")) {
        return tr("unrated");
    }
    return ragWord(*ragFromKey(key));
}

void ActionPlansSection::buildPage() {
    m_page = new QWidget;
    m_page->setObjectName(QStringLiteral("actionPlansPage"));
    auto* layout = new QVBoxLayout(m_page);

    auto* top = new QHBoxLayout;
    auto* laLabel = new QLabel(tr("&LA:"));
    m_la = named(new QComboBox, "actionPlansLa", tr("The LA whose action plan is shown"));
    m_la->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    laLabel->setBuddy(m_la);
    m_asReviewer = named(new QCheckBox(tr("&Monitoring as lead reviewer")), "actionPlansAsReviewer",
                         tr("Show the plans of the LAs this LA reviewed"));
    m_asReviewer->setToolTip(tr("Shows the actions of the LAs that the chosen LA reviewed in this cycle"));
    top->addWidget(laLabel);
    top->addWidget(m_la);
    top->addWidget(m_asReviewer);
    top->addStretch(1);
    m_export = named(new QPushButton(tr("E&xport as CSV...")), "actionPlansExport",
                     tr("Export the cycle's outcomes as a CSV file"));
    top->addWidget(m_export);
    layout->addLayout(top);
    connect(m_la, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling) {
            fillActions();
        }
    });
    connect(m_asReviewer, &QCheckBox::toggled, this, [this] {
        if (!m_filling) {
            fillActions();
        }
    });
    connect(m_export, &QPushButton::clicked, this, &ActionPlansSection::exportCsv);

    m_summary = named(new QLabel, "actionPlansSummary", tr("How many actions need attention"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    auto* split = new QSplitter(Qt::Vertical);
    layout->addWidget(split, 1);
    m_table = named(new QTableWidget(0, 8), "actionPlansTable", tr("Actions, those needing attention first"));
    m_table->setHorizontalHeaderLabels({tr("Attention"), tr("LA"), tr("Cycle"), tr("Action"), tr("Owner"),
                                        tr("Due"), tr("RAG"), tr("Reason")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    split->addWidget(m_table);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ActionPlansSection::actionChosen);

    auto* lower = new QWidget;
    auto* lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    auto* buttons = new QHBoxLayout;
    auto* ragLabel = new QLabel(tr("New RAG:"));
    m_rag = named(new QComboBox, "actionPlansRag", tr("The new RAG rating"));
    for (Rag rag : {Rag::Red, Rag::Amber, Rag::Green}) {
        m_rag->addItem(ragWord(rag), toKey(rag));
    }
    ragLabel->setBuddy(m_rag);
    m_changeRag = named(new QPushButton(tr("Change &RAG...")), "actionPlansChangeRag",
                        tr("Change the chosen action's RAG rating, with its reason"));
    m_done = named(new QPushButton(tr("Mark &Done")), "actionPlansDone", tr("Mark the chosen action done"));
    m_progress = named(new QPushButton(tr("Add Pro&gress...")), "actionPlansProgress",
                       tr("Add a progress note to the chosen action"));
    connect(m_changeRag, &QPushButton::clicked, this, &ActionPlansSection::changeRag);
    connect(m_done, &QPushButton::clicked, this, &ActionPlansSection::toggleDone);
    connect(m_progress, &QPushButton::clicked, this, &ActionPlansSection::addProgress);
    buttons->addWidget(ragLabel);
    buttons->addWidget(m_rag);
    buttons->addWidget(m_changeRag);
    buttons->addSpacing(16);
    buttons->addWidget(m_done);
    buttons->addWidget(m_progress);
    buttons->addStretch(1);
    lowerLayout->addLayout(buttons);
    m_chosenTitle = named(new QLabel, "actionPlansChosen", tr("The chosen action"));
    m_chosenTitle->setWordWrap(true);
    lowerLayout->addWidget(m_chosenTitle);
    m_history =
        named(new QListWidget, "actionPlansHistory", tr("The chosen action's ratings and progress notes"));
    m_history->setWordWrap(true);
    lowerLayout->addWidget(m_history, 1);
    split->addWidget(lower);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    updateButtons();
}

void ActionPlansSection::showView(const QString& name) {
    Q_UNUSED(name)
    if (!m_document) {
        return;
    }
    showLatestCycleWith(this, *m_document, m_cycleId, [this](qint64 cycleId) {
        auto actions = ActionPlanStore(m_document->database(), clock()).list(cycleId);
        return actions && !actions->empty();
    });
    if (m_table->rowCount() > 0 && m_table->currentRow() < 0) {
        m_table->selectRow(0);
    }
}

void ActionPlansSection::reload() {
    page();
    fillLas();
    fillActions();
}

void ActionPlansSection::fillLas() {
    m_filling = true;
    const QVariant was = m_la->currentData();
    m_la->clear();
    m_la->addItem(tr("All LAs"), qint64(0));
    if (m_document && m_cycleId != 0) {
        if (auto schedule = ScheduleStore(m_document->database()).load(m_cycleId)) {
            std::map<QString, qint64> las;
            for (const Group& group : schedule->groups) {
                for (const GroupMember& member : group.members) {
                    las.emplace(schedule->authorityName(member.authorityId), member.authorityId);
                }
            }
            for (const auto& [name, id] : las) {
                m_la->addItem(name, id);
            }
        }
    }
    const int index = was.isValid() ? m_la->findData(was) : 0;
    m_la->setCurrentIndex(index < 0 ? 0 : index);
    m_filling = false;
}

void ActionPlansSection::fillActions() {
    const qint64 wasId = chosen() ? chosen()->id : 0;
    m_actions.clear();
    const qint64 la = m_la->currentData().toLongLong();
    const bool asReviewer = m_asReviewer->isChecked() && la != 0;
    m_asReviewer->setEnabled(la != 0);
    QString problem;
    if (m_document && m_cycleId != 0) {
        ActionPlanStore plans(m_document->database(), clock());
        auto schedule = ScheduleStore(m_document->database()).load(m_cycleId);
        // The LAs whose plans are shown, for the open actions carried in from their earlier cycles.
        std::set<qint64> shown;
        if (schedule) {
            for (const Group& group : schedule->groups) {
                for (const GroupMember& member : group.members) {
                    if (asReviewer ? member.leadReviewerId == la : (la == 0 || member.authorityId == la)) {
                        shown.insert(member.authorityId);
                    }
                }
            }
        }
        auto actions = asReviewer ? plans.forLeadReviewer(m_cycleId, la) : plans.list(m_cycleId, la);
        if (actions) {
            m_actions = std::move(*actions);
        } else {
            problem = actions.message();
        }
        for (qint64 authorityId : shown) {
            if (auto carried = plans.carriedInto(m_cycleId, authorityId)) {
                m_actions.insert(m_actions.end(), carried->begin(), carried->end());
            }
        }
        sortForAttention(m_actions);
    }
    if (!problem.isEmpty()) {
        m_prompter.showError(tr("Action plans"), problem);
    }

    const QSignalBlocker blocker(m_table);
    m_table->setRowCount(int(m_actions.size()));
    std::map<QString, int> counts;
    int carried = 0;
    for (int row = 0; row < int(m_actions.size()); ++row) {
        const PlanAction& action = m_actions[size_t(row)];
        const QString word = attentionWord(action);
        ++counts[word];
        const bool carriedIn = action.cycleId != m_cycleId;
        carried += carriedIn ? 1 : 0;
        const QStringList texts = {
            word,
            action.authorityName,
            carriedIn ? tr("carried from %1").arg(action.cycleName) : action.cycleName,
            action.text,
            action.owner,
            dateText(action.due) + (action.overdue ? tr(" (overdue)") : QString()),
            action.rating ? ragWord(action.rating->rag) : tr("unrated"),
            action.rating ? action.rating->reason : QString(),
        };
        const QColor colour = tint(attentionKey(action));
        for (int column = 0; column < int(texts.size()); ++column) {
            auto* item = new QTableWidgetItem(texts[column]);
            item->setToolTip(texts[column]);
            const QColor background = column == AttentionColumn ? colour
                                      : column == RagColumn ? tint(action.rating ? toKey(action.rating->rag)
                                                                                 : QStringLiteral("unrated"))
                                                            : QColor();
            if (background.isValid()) {
                item->setBackground(background);
            }
            if (column == AttentionColumn) {
                item->setData(Qt::UserRole, action.id);
                QFont font = item->font();
                font.setBold(word != tr("done"));
                item->setFont(font);
            }
            m_table->setItem(row, column, item);
        }
    }
    m_table->resizeColumnsToContents();
    m_table->setColumnWidth(ActionColumn, std::min(m_table->columnWidth(ActionColumn), 330));
    m_table->setColumnWidth(OwnerColumn, std::min(m_table->columnWidth(OwnerColumn), 170));

    if (m_cycleId == 0) {
        m_summary->setText(tr("Choose a cycle above."));
    } else if (m_actions.empty()) {
        m_summary->setText(
            asReviewer ? tr("No actions of the LAs %1 reviewed in this cycle.").arg(m_la->currentText())
                       : tr("No actions in this plan yet."));
    } else {
        QStringList parts;
        for (const QString& word :
             {tr("red"), tr("overdue"), tr("unrated"), tr("amber"), tr("green"), tr("done")}) {
            if (counts.contains(word)) {
                parts << QStringLiteral("%1 %2").arg(counts[word]).arg(word);
            }
        }
        QString text =
            asReviewer ? tr("Monitoring the LAs %1 reviewed: ").arg(m_la->currentText()) : QString();
        text += tr("%n action(s): %1", nullptr, int(m_actions.size())).arg(parts.join(QStringLiteral(", ")));
        if (carried > 0) {
            text += tr("; %n carried in from earlier cycles", nullptr, carried);
        }
        m_summary->setText(text + QLatin1Char('.'));
    }
    if (wasId == 0 || !selectAction(wasId)) {
        actionChosen();
    }
}

std::optional<PlanAction> ActionPlansSection::chosen() const {
    const int row = m_table ? m_table->currentRow() : -1;
    if (row < 0 || row >= int(m_actions.size()) || m_table->selectionModel()->selectedRows().isEmpty()) {
        return std::nullopt;
    }
    return m_actions[size_t(row)];
}

bool ActionPlansSection::selectLa(qint64 authorityId) {
    const int index = m_la->findData(authorityId);
    if (index < 0) {
        return false;
    }
    m_la->setCurrentIndex(index);
    return true;
}

bool ActionPlansSection::selectAction(qint64 actionId) {
    for (int row = 0; row < int(m_actions.size()); ++row) {
        if (m_actions[size_t(row)].id == actionId) {
            m_table->selectRow(row);
            actionChosen();
            return true;
        }
    }
    return false;
}

void ActionPlansSection::actionChosen() {
    m_history->clear();
    const auto action = chosen();
    if (!action) {
        m_chosenTitle->setText(tr("Choose an action to see its ratings and progress."));
        updateButtons();
        return;
    }
    m_chosenTitle->setText(tr("%1: %2").arg(action->authorityName, action->text));
    if (m_document) {
        ActionPlanStore plans(m_document->database(), clock());
        struct Line {
            QDateTime at;
            QString text;
        };
        std::vector<Line> lines;
        if (auto ratings = plans.ratings(action->id)) {
            for (const RagRating& rating : *ratings) {
                lines.push_back(
                    {rating.ratedAtUtc, tr("RAG %1: %2").arg(ragWord(rating.rag), rating.reason)});
            }
        }
        if (auto progress = plans.progress(action->id)) {
            for (const ProgressNote& note : *progress) {
                lines.push_back({note.notedAtUtc, tr("Progress: %1").arg(note.text)});
            }
        }
        std::stable_sort(lines.begin(), lines.end(),
                         [](const Line& a, const Line& b) { return a.at < b.at; });
        for (const Line& line : lines) {
            m_history->addItem(
                QStringLiteral("%1  %2").arg(line.at.toTimeZone(QTimeZone(QByteArrayLiteral("Europe/London")))
                                                 .toString(QStringLiteral("d MMM yyyy")),
                                             line.text));
        }
        if (lines.empty()) {
            m_history->addItem(tr("No ratings or progress notes yet."));
        }
    }
    const int rag = action->rating ? m_rag->findData(toKey(action->rating->rag)) : -1;
    if (rag >= 0) {
        m_rag->setCurrentIndex(rag);
    }
    updateButtons();
}

void ActionPlansSection::updateButtons() {
    const bool writable = m_document && !m_document->isReadOnly();
    const auto action = chosen();
    m_changeRag->setEnabled(writable && action.has_value());
    m_rag->setEnabled(writable && action.has_value());
    m_done->setEnabled(writable && action.has_value());
    m_done->setText(action && action->status == ActionStatus::Done ? tr("&Open Again") : tr("Mark &Done"));
    m_progress->setEnabled(writable && action.has_value());
    m_export->setEnabled(m_document && m_cycleId != 0);
}

void ActionPlansSection::written(const QString& message) {
    Q_EMIT statusMessage(message, 5000);
    if (m_document) {
        m_document->notifyNotesChanged(m_cycleId, 0);
    }
}

void ActionPlansSection::refused(const QString& title, const QString& message) {
    m_prompter.showError(title, message);
    reload();
}

bool ActionPlansSection::changeRag() {
    const auto action = chosen();
    const auto rag = ragFromKey(m_rag->currentData().toString());
    if (!action || !rag || !m_document) {
        return false;
    }
    const QString reason =
        m_prompter
            .askText(tr("Change RAG"), tr("Why is \"%1\" %2 now? A new rating is kept with its reason.")
                                           .arg(action->text, ragWord(*rag)))
            .trimmed();
    if (reason.isEmpty()) {
        Q_EMIT statusMessage(tr("The RAG rating is unchanged: a new rating needs its reason."), 5000);
        return false;
    }
    // Based on the action as the list shows it: refused if someone else changed it since.
    if (Status done = ActionPlanStore(m_document->database(), clock())
                          .rate(action->id, *rag, reason, action->rowVersion);
        !done) {
        // The reason typed is given back, so that it need not be typed again after the reload.
        refused(tr("Change RAG"),
                done.error().kind == Error::Kind::Changed
                    ? done.message() + QStringLiteral("\n\n") + tr("Your reason was: \"%1\"").arg(reason)
                    : done.message());
        return false;
    }
    written(tr("%1's action is %2 now.").arg(action->authorityName, ragWord(*rag)));
    return true;
}

bool ActionPlansSection::toggleDone() {
    const auto action = chosen();
    if (!action || !m_document) {
        return false;
    }
    ActionChange change;
    change.status = action->status == ActionStatus::Done ? ActionStatus::Open : ActionStatus::Done;
    if (Status done =
            ActionPlanStore(m_document->database(), clock()).change(action->id, change, action->rowVersion);
        !done) {
        refused(tr("Mark Done"), done.message());
        return false;
    }
    written(*change.status == ActionStatus::Done ? tr("Marked done: %1").arg(action->text)
                                                 : tr("Open again: %1").arg(action->text));
    return true;
}

bool ActionPlansSection::addProgress() {
    const auto action = chosen();
    if (!action || !m_document) {
        return false;
    }
    const QString text =
        m_prompter.askText(tr("Add Progress"), tr("Progress on \"%1\":").arg(action->text)).trimmed();
    if (text.isEmpty()) {
        return false;
    }
    if (Status done = ActionPlanStore(m_document->database(), clock()).addProgress(action->id, text); !done) {
        refused(tr("Add Progress"), done.message());
        return false;
    }
    written(tr("Added a progress note to %1's action.").arg(action->authorityName));
    return true;
}

bool ActionPlansSection::exportCsv() {
    if (!m_document || m_cycleId == 0) {
        return false;
    }
    QString cycleName;
    if (auto cycle = ScheduleStore(m_document->database()).cycleById(m_cycleId)) {
        cycleName = cycle->name;
    }
    const QString path = m_prompter.askSaveFile(
        tr("Export Outcomes as CSV"), tr("outcomes-%1.csv").arg(cycleName), tr("CSV files (*.csv)"));
    if (path.isEmpty()) {
        return false;
    }
    auto rows = exportOutcomesFile(m_document->database(), clock(), m_cycleId, path);
    if (!rows) {
        m_prompter.showError(tr("Export Outcomes as CSV"), rows.message());
        return false;
    }
    Q_EMIT statusMessage(tr("Exported %n row(s) to %1.", nullptr, *rows).arg(path), 5000);
    return true;
}

} // namespace balcony::gui
