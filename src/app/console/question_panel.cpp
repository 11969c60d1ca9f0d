#include "console/question_panel.h"

#include "console/day_session.h"
#include "engine/day_state.h"
#include "questions/bank_store.h"
#include "questions/day_questions.h"

#include <QEvent>
#include <QFont>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSet>
#include <QShortcut>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace balcony::gui {

namespace {

constexpr int answerDebounceMs = 700;
constexpr int questionRole = Qt::UserRole + 1; // a question item's wording
constexpr int focusRole = Qt::UserRole + 2;    // a theme item: true when it is a focus theme

// Saves a plenary answer when its field loses focus.
class FocusOutSaver final : public QObject {
public:
    FocusOutSaver(QObject* parent, std::function<void()> save)
        : QObject(parent)
        , m_save(std::move(save)) {}

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::FocusOut) {
            m_save();
        }
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> m_save;
};

} // namespace

QuestionPanel::QuestionPanel(Database& db, qint64 groupId, DaySession& session, QWidget* parent)
    : QWidget(parent)
    , m_db(db)
    , m_groupId(groupId)
    , m_session(session) {
    setObjectName(QStringLiteral("questionPanel"));
    setAccessibleName(tr("Question bank"));

    auto* layout = new QVBoxLayout(this);
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("questionHeading"));
    m_heading->setWordWrap(true);
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    layout->addWidget(m_heading);

    m_pages = new QStackedWidget(this);
    layout->addWidget(m_pages, 1);

    m_nothing = new QLabel(tr("The question bank has nothing for this block."), m_pages);
    m_nothing->setWordWrap(true);
    m_pages->addWidget(m_nothing);

    // The presentation: which themes the DCS asked the group to focus on.
    auto* focusPage = new QWidget(m_pages);
    auto* focusLayout = new QVBoxLayout(focusPage);
    auto* focusLabel = new QLabel(tr("Tick the &themes the DCS asked the group to focus on:"), focusPage);
    focusLabel->setWordWrap(true);
    m_focusList = new QListWidget(focusPage);
    m_focusList->setObjectName(QStringLiteral("focusThemeList"));
    m_focusList->setAccessibleName(tr("Focus themes"));
    focusLabel->setBuddy(m_focusList);
    focusLayout->addWidget(focusLabel);
    focusLayout->addWidget(m_focusList, 1);
    m_pages->addWidget(focusPage);
    connect(m_focusList, &QListWidget::itemChanged, this, &QuestionPanel::focusToggled);

    // The questions: themes (focus first), search, ratings.
    auto* questionsPage = new QWidget(m_pages);
    auto* questionsLayout = new QVBoxLayout(questionsPage);
    auto* searchRow = new QFormLayout;
    m_search = new QLineEdit(questionsPage);
    m_search->setObjectName(QStringLiteral("questionSearch"));
    m_search->setAccessibleName(tr("Search the questions"));
    m_search->setPlaceholderText(tr("Words from a question or a theme"));
    m_search->setClearButtonEnabled(true);
    searchRow->addRow(tr("&Search:"), m_search);
    questionsLayout->addLayout(searchRow);
    m_tree = new QTreeWidget(questionsPage);
    m_tree->setObjectName(QStringLiteral("questionTree"));
    m_tree->setAccessibleName(tr("Themes and questions"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Question"), tr("Rating")});
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->setWordWrap(true);
    questionsLayout->addWidget(m_tree, 1);
    m_pages->addWidget(questionsPage);
    connect(m_search, &QLineEdit::textChanged, this, &QuestionPanel::applySearch);
    auto* findShortcut = new QShortcut(QKeySequence::Find, this);
    connect(findShortcut, &QShortcut::activated, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });

    // Insights from the balcony.
    m_balconyList = new QListWidget(m_pages);
    m_balconyList->setObjectName(QStringLiteral("balconyQuestionList"));
    m_balconyList->setAccessibleName(tr("Balcony questions"));
    m_balconyList->setWordWrap(true);
    m_pages->addWidget(m_balconyList);

    // The plenary: each question with the group's answers.
    m_plenaryPage = new QWidget(m_pages);
    new QVBoxLayout(m_plenaryPage);
    m_pages->addWidget(m_plenaryPage);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("questionStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    if (auto region = questions::BankStore(m_db).bank(); region) {
        m_bank = region->bank;
    } else {
        m_status->setText(region.error().message);
    }
    for (const auto& question : m_bank.balcony) {
        m_balconyList->addItem(question.text);
    }
    fillAnswers();

    connect(&m_session, &DaySession::stateChanged, this, &QuestionPanel::follow);
    follow(m_session.state());
}

QuestionPanel::~QuestionPanel() {
    static_cast<void>(flush());
}

QuestionPanel::Page QuestionPanel::page() const {
    return static_cast<Page>(m_pages->currentIndex());
}

void QuestionPanel::follow(const DayState& state) {
    if (state.blockIndex != m_shownBlock) {
        showBlock(state.blockIndex);
    }
}

void QuestionPanel::showBlock(int blockIndex) {
    const auto& blocks = m_session.plan().timetable.blocks;
    if (blockIndex < 0 || blockIndex >= int(blocks.size())) {
        return;
    }
    if (page() == Page::Plenary) {
        static_cast<void>(flush());
    }
    m_shownBlock = blockIndex;
    const TimetableBlock& block = blocks[std::size_t(blockIndex)];
    m_presenter = block.presenter.authorityId;
    const QString la = block.presenter.name;
    m_status->clear();
    switch (block.kind) {
    case BlockKind::Presentation:
        m_heading->setText(tr("%1 presents: the themes to focus on").arg(la));
        fillFocus();
        m_pages->setCurrentIndex(int(Page::Focus));
        break;
    case BlockKind::Questions:
        m_heading->setText(tr("Questions for %1").arg(la));
        fillQuestions();
        m_pages->setCurrentIndex(int(Page::Questions));
        break;
    case BlockKind::Insights:
        m_heading->setText(tr("Insights from the balcony: questions for the visiting teams"));
        m_pages->setCurrentIndex(int(Page::Balcony));
        break;
    case BlockKind::Plenary:
        m_heading->setText(tr("Plenary: the group's answers"));
        m_pages->setCurrentIndex(int(Page::Plenary));
        break;
    default:
        m_heading->setText(block.title);
        m_pages->setCurrentIndex(int(Page::Nothing));
        break;
    }
}

void QuestionPanel::fillFocus() {
    QStringList focus;
    if (m_presenter != 0) {
        if (auto stored = questions::DayQuestions(m_db).focusThemes(m_groupId, m_presenter); stored) {
            focus = *stored;
        } else {
            m_status->setText(stored.error().message);
        }
    }
    QSet<QString> keys;
    for (const QString& theme : focus) {
        keys.insert(questions::themeKey(theme));
    }
    const QSignalBlocker blocker(m_focusList);
    m_focusList->clear();
    for (const auto& theme : m_bank.themes) {
        auto* item = new QListWidgetItem(theme.title, m_focusList);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(keys.contains(questions::themeKey(theme.title)) ? Qt::Checked : Qt::Unchecked);
    }
    if (m_focusList->count() > 0) {
        m_focusList->setCurrentRow(0);
    }
}

void QuestionPanel::focusToggled() {
    if (m_presenter == 0) {
        return;
    }
    QStringList focus;
    for (int row = 0; row < m_focusList->count(); ++row) {
        if (m_focusList->item(row)->checkState() == Qt::Checked) {
            focus << m_focusList->item(row)->text();
        }
    }
    report(questions::DayQuestions(m_db).setFocusThemes(m_groupId, m_presenter, focus),
           focus.isEmpty() ? tr("No focus themes.")
                           : tr("Focus themes saved: %1.").arg(focus.join(tr(", "))));
}

void QuestionPanel::fillQuestions() {
    questions::DayQuestions store(m_db);
    QStringList focus;
    std::map<QString, int> ratings;
    if (m_presenter != 0) {
        auto stored = store.focusThemes(m_groupId, m_presenter);
        auto given = store.ratings(m_groupId, m_presenter);
        if (!stored || !given) {
            m_status->setText(!stored ? stored.error().message : given.error().message);
        } else {
            focus = *stored;
            ratings = *given;
        }
    }
    m_tree->clear();
    const auto order = questions::orderThemes(m_bank.themes, focus);
    for (const auto& ordered : order.themes) {
        const auto& theme = m_bank.themes[std::size_t(ordered.index)];
        auto* themeItem = new QTreeWidgetItem(m_tree);
        themeItem->setText(0, ordered.focus ? tr("%1 (focus)").arg(theme.title) : theme.title);
        themeItem->setData(0, questionRole, theme.title);
        themeItem->setData(0, focusRole, ordered.focus);
        themeItem->setFirstColumnSpanned(true);
        if (ordered.focus) {
            QFont bold = themeItem->font(0);
            bold.setBold(true);
            themeItem->setFont(0, bold);
            themeItem->setBackground(0, palette().brush(QPalette::AlternateBase));
        }
        for (const auto& question : theme.questions) {
            auto* item = new QTreeWidgetItem(themeItem);
            item->setText(0, question.text);
            item->setToolTip(0, question.text);
            item->setData(0, questionRole, question.text);
            if (!question.rating) {
                continue;
            }
            auto* box = new QSpinBox(m_tree);
            box->setRange(-1, 10);
            box->setSpecialValueText(tr("None yet"));
            box->setAccessibleName(tr("Rating from 0 to 10 the presenting team gave: %1").arg(question.text));
            const auto given = ratings.find(question.text);
            box->setValue(given == ratings.end() ? -1 : given->second);
            box->setProperty("question", question.text);
            m_tree->setItemWidget(item, 1, box);
            const QString text = question.text;
            connect(box, &QSpinBox::valueChanged, this,
                    [this, text](int value) { ratingChanged(text, value); });
        }
        themeItem->setExpanded(ordered.focus);
    }
    if (!order.unknownFocus.isEmpty()) {
        m_status->setText(tr("Not in this question bank: %1.").arg(order.unknownFocus.join(tr(", "))));
    }
    applySearch();
}

void QuestionPanel::applySearch() {
    const QString text = m_search->text();
    QSet<QString> found;
    for (const auto& listed : questions::searchQuestions(m_bank, text)) {
        if (listed.section == questions::Section::Theme) {
            found.insert(listed.theme + QChar(u'\n') + listed.question.text);
        }
    }
    const bool searching = !text.trimmed().isEmpty();
    for (int t = 0; t < m_tree->topLevelItemCount(); ++t) {
        QTreeWidgetItem* themeItem = m_tree->topLevelItem(t);
        const QString theme = themeItem->data(0, questionRole).toString();
        int shown = 0;
        for (int q = 0; q < themeItem->childCount(); ++q) {
            QTreeWidgetItem* item = themeItem->child(q);
            const bool match = found.contains(theme + QChar(u'\n') + item->data(0, questionRole).toString());
            item->setHidden(!match);
            shown += match ? 1 : 0;
        }
        themeItem->setHidden(shown == 0);
        themeItem->setExpanded(searching ? shown > 0 : themeItem->data(0, focusRole).toBool());
    }
}

void QuestionPanel::ratingChanged(const QString& question, int value) {
    questions::DayQuestions store(m_db);
    if (value < 0) {
        report(store.clearRating(m_groupId, m_presenter, question), tr("Rating cleared."));
    } else {
        report(store.setRating(m_groupId, m_presenter, question, value), tr("Rating %1 saved.").arg(value));
    }
}

QSpinBox* QuestionPanel::ratingBox(const QString& question) const {
    for (auto* box : m_tree->findChildren<QSpinBox*>()) {
        if (box->property("question").toString() == question) {
            return box;
        }
    }
    return nullptr;
}

void QuestionPanel::fillAnswers() {
    auto* layout = static_cast<QVBoxLayout*>(m_plenaryPage->layout());
    std::map<QString, QString> answers;
    if (auto stored = questions::DayQuestions(m_db).plenaryAnswers(m_groupId); stored) {
        answers = *stored;
    } else {
        m_status->setText(stored.error().message);
    }
    for (std::size_t i = 0; i < m_bank.plenary.size(); ++i) {
        const int index = int(i);
        const QString& question = m_bank.plenary[i].text;
        auto* label = new QLabel(tr("&%1. %2").arg(index + 1).arg(question), m_plenaryPage);
        label->setWordWrap(true);
        auto* field = new QPlainTextEdit(m_plenaryPage);
        field->setObjectName(QStringLiteral("plenaryAnswer%1").arg(index + 1));
        field->setAccessibleName(tr("The group's answers: %1").arg(question));
        field->setTabChangesFocus(true);
        const auto given = answers.find(question);
        if (given != answers.end()) {
            field->setPlainText(given->second);
        }
        label->setBuddy(field);
        layout->addWidget(label);
        layout->addWidget(field, 1);
        m_answerFields.push_back(field);

        auto* timer = new QTimer(this);
        timer->setSingleShot(true);
        timer->setInterval(answerDebounceMs);
        m_answerTimers[index] = timer;
        connect(timer, &QTimer::timeout, this, [this, index] {
            static_cast<void>(saveAnswer(index)); // reported in the status line
        });
        connect(field, &QPlainTextEdit::textChanged, this, [this, timer] {
            m_status->setText(tr("Not saved yet."));
            timer->start();
        });
        field->installEventFilter(new FocusOutSaver(field, [this, index, timer] {
            if (timer->isActive()) {
                static_cast<void>(saveAnswer(index));
            }
        }));
    }
}

QPlainTextEdit* QuestionPanel::answerField(int index) const {
    return index >= 0 && index < int(m_answerFields.size()) ? m_answerFields[std::size_t(index)] : nullptr;
}

Status QuestionPanel::saveAnswer(int index) {
    m_answerTimers[index]->stop();
    const Status saved =
        questions::DayQuestions(m_db).setPlenaryAnswer(m_groupId, m_bank.plenary[std::size_t(index)].text,
                                                       m_answerFields[std::size_t(index)]->toPlainText());
    report(saved, tr("Saved"));
    if (saved) {
        Q_EMIT answerSaved(index);
    }
    return saved;
}

Status QuestionPanel::flush() {
    Status first;
    for (const auto& [index, timer] : m_answerTimers) {
        if (timer->isActive()) {
            if (auto saved = saveAnswer(index); !saved && first) {
                first = saved;
            }
        }
    }
    return first;
}

void QuestionPanel::report(const Status& status, const QString& done) {
    m_status->setText(status ? done : tr("Not saved: %1").arg(status.message()));
}

} // namespace balcony::gui
