#include "board/group_board.h"

#include "board/board_style.h"
#include "board/group_card.h"
#include "board/group_details_dialog.h"
#include "board/repolish.h"
#include "commands/create_group.h"
#include "commands/dissolve_group.h"
#include "commands/edit_group_details.h"
#include "commands/generate_lead_reviewers.h"
#include "commands/move_authority_to_group.h"
#include "commands/reorder_presenters.h"
#include "commands/set_lead_reviewer.h"
#include "document/region_document.h"
#include "domain/schedule_store.h"

#include <QApplication>
#include <QComboBox>
#include <QDate>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRandomGenerator>
#include <QScrollArea>
#include <QScrollBar>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <algorithm>
#include <set>

namespace balcony::gui {
namespace {

constexpr int cardWidth = 380;

std::optional<Group> askWithDialog(QWidget* parent, const Group& group, const CycleSchedule& schedule) {
    GroupDetailsDialog dialog(group, schedule, parent);
    if (dialog.exec() != QDialog::Accepted) {
        return std::nullopt;
    }
    return dialog.group();
}

} // namespace

GroupBoard::GroupBoard(RegionDocument& document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_detailsEditor(askWithDialog)
    , m_cycleCombo(new QComboBox(this))
    , m_newGroup(new QPushButton(tr("New group"), this))
    , m_generateAll(new QPushButton(tr("Generate lead reviewers"), this))
    , m_summary(new QLabel(this))
    , m_banner(new QFrame(this))
    , m_bannerText(new QLabel(m_banner))
    , m_scroll(new QScrollArea(this))
    , m_canvas(new QWidget)
    , m_grid(new QGridLayout(m_canvas)) {
    setObjectName(QStringLiteral("groupBoard"));
    setAccessibleName(tr("Group board"));
    setStyleSheet(boardStyleSheet(palette()));

    auto* toolbar = new QFrame(this);
    toolbar->setObjectName(QStringLiteral("boardToolbar"));
    auto* bar = new QHBoxLayout(toolbar);
    bar->setContentsMargins(12, 8, 12, 8);
    auto* cycleLabel = new QLabel(tr("&Cycle:"), toolbar);
    cycleLabel->setBuddy(m_cycleCombo);
    m_cycleLabel = cycleLabel;
    m_cycleCombo->setAccessibleName(tr("Cycle"));
    m_cycleCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_newGroup->setAccessibleName(tr("New group"));
    m_newGroup->setToolTip(tr("Add a group to this cycle"));
    m_generateAll->setAccessibleName(tr("Generate lead reviewers for every group"));
    m_generateAll->setToolTip(tr("Fill in the missing lead reviewers of every group of this cycle"));
    m_summary->setObjectName(QStringLiteral("boardSummary"));
    bar->addWidget(cycleLabel);
    bar->addWidget(m_cycleCombo);
    bar->addSpacing(12);
    bar->addWidget(m_newGroup);
    bar->addWidget(m_generateAll);
    bar->addStretch(1);
    bar->addWidget(m_summary);

    m_banner->setObjectName(QStringLiteral("boardBanner"));
    auto* bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(10, 6, 6, 6);
    m_bannerText->setObjectName(QStringLiteral("bannerText"));
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* dismiss = new QToolButton(m_banner);
    dismiss->setText(QStringLiteral("✕"));
    dismiss->setAutoRaise(true);
    dismiss->setAccessibleName(tr("Dismiss message"));
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(dismiss);
    m_banner->hide();

    m_canvas->setObjectName(QStringLiteral("boardCanvas"));
    m_grid->setContentsMargins(16, 16, 16, 16);
    m_grid->setSpacing(14);
    m_scroll->setWidget(m_canvas);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setAccessibleName(tr("Groups of the cycle"));
    m_scroll->viewport()->installEventFilter(this);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(toolbar);
    auto* bannerHolder = new QVBoxLayout;
    bannerHolder->setContentsMargins(12, 8, 12, 0);
    bannerHolder->addWidget(m_banner);
    layout->addLayout(bannerHolder);
    layout->addWidget(m_scroll, 1);

    connect(dismiss, &QToolButton::clicked, this, &GroupBoard::clearMessage);
    connect(m_newGroup, &QPushButton::clicked, this, &GroupBoard::createGroupInteractively);
    connect(m_generateAll, &QPushButton::clicked, this, [this] { (void)generateAllLeadReviewers(); });
    connect(m_cycleCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0) {
            setCycleId(m_cycleCombo->itemData(index).toLongLong());
        }
    });
    connect(&m_document, &RegionDocument::scheduleChanged, this, [this](qint64 cycleId) {
        if (cycleId == m_cycleId) {
            reload();
        }
    });
    connect(&m_document, &RegionDocument::rosterChanged, this, &GroupBoard::reload);
    connect(&m_document, &RegionDocument::changedElsewhere, this, [this](ChangeFeed::Area area) {
        if (area == ChangeFeed::Area::Schedule) {
            reload();
        }
    });
    connect(&m_document, &RegionDocument::cyclesChanged, this, &GroupBoard::fillCycles);
    connect(&m_document, &RegionDocument::editFailed, this, [this](const QString& message) {
        if (showsEditFailures()) {
            showMessage(message, true);
        }
    });
    fillCycles();
}

GroupBoard::~GroupBoard() = default;

void GroupBoard::setCyclePickerVisible(bool visible) {
    m_cycleLabel->setVisible(visible);
    m_cycleCombo->setVisible(visible);
}

void GroupBoard::fillCycles() {
    auto cycles = ScheduleStore(m_document.database()).cycles();
    const QSignalBlocker block(m_cycleCombo);
    m_cycleCombo->clear();
    if (!cycles) {
        showMessage(cycles.message(), true);
        return;
    }
    qint64 pick = 0;
    const QDate today = m_document.today();
    for (const auto& c : *cycles) {
        m_cycleCombo->addItem(c.name, c.id);
        if (c.id == m_cycleId) {
            pick = c.id;
        }
    }
    if (pick == 0 && !cycles->empty()) {
        // The cycle running today, or else the latest.
        pick = cycles->back().id;
        for (const auto& c : *cycles) {
            if (c.contains(today)) {
                pick = c.id;
            }
        }
    }
    m_cycleId = 0;
    setCycleId(pick);
}

void GroupBoard::setCycleId(qint64 cycleId) {
    {
        const QSignalBlocker block(m_cycleCombo);
        m_cycleCombo->setCurrentIndex(m_cycleCombo->findData(cycleId));
    }
    if (cycleId == m_cycleId && m_schedule) {
        return;
    }
    m_cycleId = cycleId;
    m_selectedAuthority = 0;
    m_selectedGroup.clear();
    m_problems.clear();
    clearMessage();
    reload();
    Q_EMIT cycleChanged(cycleId);
}

void GroupBoard::reload() {
    // Remember whether the keyboard was on the board, to put it back on the same authority.
    const bool hadFocus = isAncestorOf(QApplication::focusWidget());
    // Old cards may be the sender of the edit that triggered this reload: delete them later.
    for (GroupCard* card : m_cards) {
        m_grid->removeWidget(card);
        card->hide();
        card->deleteLater();
    }
    m_cards.clear();
    m_tray = nullptr;
    m_columns = 0;
    m_schedule.reset();

    const bool haveCycle = m_cycleId != 0;
    m_newGroup->setEnabled(haveCycle && !m_document.isReadOnly());
    m_generateAll->setEnabled(haveCycle && !m_document.isReadOnly());
    if (!haveCycle) {
        m_summary->setText(tr("No cycle yet: add one first."));
        return;
    }
    auto loaded = ScheduleStore(m_document.database()).load(m_cycleId);
    if (!loaded) {
        m_summary->clear();
        showMessage(loaded.message(), true);
        return;
    }
    m_schedule = std::move(*loaded);
    const CycleSchedule& s = *m_schedule;

    m_targets.clear();
    std::set<qint64> placed;
    for (const auto& g : s.groups) {
        m_targets.push_back({g.uid, GroupCard::titleFor(g.label)});
        for (const auto& m : g.members) {
            placed.insert(m.authorityId);
        }
    }
    m_targets.push_back({QString(), tr("Not in a group")});
    m_unplaced.clear();
    for (const auto& [id, authority] : s.authorities) {
        if (!placed.count(id)) {
            m_unplaced.push_back(id);
        }
    }
    std::sort(m_unplaced.begin(), m_unplaced.end(), [&s](qint64 a, qint64 b) {
        return s.authorityName(a).localeAwareCompare(s.authorityName(b)) < 0;
    });

    const int groupCount = int(s.groups.size());
    m_summary->setText(
        QStringList{groupCount == 1 ? tr("1 group") : tr("%1 groups").arg(groupCount),
                    tr("%1 of %2 authorities placed").arg(placed.size()).arg(s.authorities.size())}
            .join(QStringLiteral("  ·  ")));
    layoutCards();
    const int firstCards = cardsThatFit();
    while (pendingCardCount() > 0 && int(m_cards.size()) < firstCards) {
        buildNextCard();
    }
    if (hadFocus || m_selectedAuthority != 0 || !m_selectedGroup.isEmpty()) {
        buildAllCards(); // the selection may be on a card further down
    }
    applySelection(hadFocus);
}

int GroupBoard::pendingCardCount() const {
    if (!m_schedule) {
        return 0;
    }
    return int(m_schedule->groups.size()) + 1 - int(m_cards.size());
}

int GroupBoard::cardsThatFit() const {
    // Before the first layout the viewport's height is not known: assume a full-height window.
    const int height = isVisible() ? m_scroll->viewport()->height() : 800;
    constexpr int shortestCard = 250;
    return qMax(1, m_columns) * (height / shortestCard + 1);
}

void GroupBoard::buildNextCard() {
    const auto index = m_cards.size();
    const CycleSchedule& s = *m_schedule;
    GroupCard* built = index < s.groups.size() ? new GroupCard(s, &s.groups[index], {}, m_targets, m_canvas)
                                               : new GroupCard(s, nullptr, m_unplaced, m_targets, m_canvas);
    if (built->isTray()) {
        m_tray = built;
    }
    connectCard(built);
    m_cards.push_back(built);
    placeCard(built, int(index));
    countProblems(built);
    if (pendingCardCount() == 0) {
        m_grid->setRowStretch((int(m_cards.size()) + m_columns - 1) / m_columns, 1);
    }
}

void GroupBoard::buildAllCards() {
    while (pendingCardCount() > 0) {
        buildNextCard();
    }
}

void GroupBoard::buildSomeCards() {
    m_continuationScheduled = false;
    for (int i = 0; i < 4 && pendingCardCount() > 0; ++i) {
        buildNextCard();
    }
    if (pendingCardCount() > 0) {
        m_continuationScheduled = true;
        QTimer::singleShot(0, this, &GroupBoard::buildSomeCards);
    }
}

bool GroupBoard::eventFilter(QObject* watched, QEvent* event) {
    // The rest of the cards come once the first ones are on screen, not before.
    if (watched == m_scroll->viewport() && event->type() == QEvent::Paint && pendingCardCount() > 0 &&
        !m_continuationScheduled) {
        m_continuationScheduled = true;
        QTimer::singleShot(0, this, &GroupBoard::buildSomeCards);
    }
    return QWidget::eventFilter(watched, event);
}

void GroupBoard::connectCard(GroupCard* card) {
    connect(card, &GroupCard::moveRequested, this,
            [this](qint64 a, const QString&, const QString& to, int position) {
                (void)moveAuthority(a, to, position);
            });
    connect(card, &GroupCard::reorderRequested, this,
            [this](const QString& uid, const std::vector<qint64>& order) {
                (void)reorderPresenters(uid, order);
            });
    connect(card, &GroupCard::reviewerRequested, this,
            [this](const QString& uid, qint64 reviewee, qint64 reviewer) {
                (void)setLeadReviewer(uid, reviewee, reviewer);
            });
    connect(card, &GroupCard::generateRequested, this,
            [this](const QString& uid) { (void)generateLeadReviewers({uid}); });
    connect(card, &GroupCard::editRequested, this, &GroupBoard::editGroupInteractively);
    connect(card, &GroupCard::dissolveRequested, this,
            [this](const QString& uid) { (void)dissolveGroup(uid); });
    connect(card, &GroupCard::invitationExportRequested, this, [this](const QString& uid) {
        if (const Group* group = groupByUid(uid)) {
            Q_EMIT invitationExportRequested(m_cycleId, group->label);
        }
    });
    connect(card, &GroupCard::memberFocused, this, [this](qint64 authorityId) {
        if (m_selectedAuthority != authorityId) {
            m_selectedAuthority = authorityId;
            GroupCard* owner = cardOf(authorityId);
            m_selectedGroup = owner ? owner->uid() : QString();
            applySelection(false);
            Q_EMIT authoritySelected(authorityId);
        }
    });
}

void GroupBoard::placeCard(GroupCard* card, int index) {
    card->setFixedWidth(cardWidth);
    m_grid->addWidget(card, index / m_columns, index % m_columns, Qt::AlignTop | Qt::AlignLeft);
    card->show();
}

void GroupBoard::layoutCards() {
    const int available = qMax(1, m_scroll->viewport()->width() - 32);
    const int columns = qMax(1, available / (cardWidth + 14));
    if (columns == m_columns) {
        return;
    }
    for (int row = 0; row < m_grid->rowCount(); ++row) {
        m_grid->setRowStretch(row, 0);
    }
    m_columns = columns;
    for (GroupCard* card : m_cards) {
        m_grid->removeWidget(card);
    }
    int i = 0;
    for (GroupCard* card : m_cards) {
        placeCard(card, i++);
    }
    // Spare space goes to the right and bottom, so the cards keep their size and stay together.
    for (int c = 0; c <= columns; ++c) {
        m_grid->setColumnStretch(c, c == columns ? 1 : 0);
    }
    if (pendingCardCount() == 0) {
        m_grid->setRowStretch((i + columns - 1) / columns, 1);
    }
}

void GroupBoard::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    layoutCards();
}

void GroupBoard::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    // The desktop switched between light and dark (or the program set a palette): the board's
    // colours follow. Setting the same sheet again would only repolish every card.
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange) {
        if (const QString sheet = boardStyleSheet(palette()); sheet != styleSheet()) {
            setStyleSheet(sheet);
        }
    }
}

Status GroupBoard::report(const Status& status) {
    if (!status) {
        showMessage(status.message(), true);
    } else {
        clearMessage();
    }
    return status;
}

const Group* GroupBoard::groupByUid(const QString& uid) const {
    if (!m_schedule) {
        return nullptr;
    }
    for (const auto& g : m_schedule->groups) {
        if (g.uid == uid) {
            return &g;
        }
    }
    return nullptr;
}

QString GroupBoard::labelOf(const QString& uid) const {
    const Group* g = groupByUid(uid);
    return g ? GroupCard::titleFor(g->label) : tr("no group");
}

quint64 GroupBoard::nextSeed() {
    return m_seed ? *m_seed : QRandomGenerator::global()->generate64();
}

Status GroupBoard::moveAuthority(qint64 authorityId, const QString& toUid, int position) {
    if (!m_schedule) {
        return report(failure(Error::Kind::NotFound, tr("Choose a cycle first.")));
    }
    const Group* from = m_schedule->groupOf(authorityId);
    const QString fromUid = from ? from->uid : QString();
    if (fromUid == toUid) {
        return {};
    }
    m_selectedAuthority = authorityId;
    m_selectedGroup = toUid;
    return report(pushEdit(m_document,
                           std::make_unique<MoveAuthorityToGroup>(m_document, m_cycleId, authorityId,
                                                                  m_schedule->authorityName(authorityId),
                                                                  fromUid, toUid, labelOf(toUid), position)));
}

Status GroupBoard::reorderPresenters(const QString& uid, const std::vector<qint64>& order) {
    return report(pushEdit(
        m_document, std::make_unique<ReorderPresenters>(m_document, m_cycleId, uid, labelOf(uid), order)));
}

Status GroupBoard::setLeadReviewer(const QString& uid, qint64 revieweeId, qint64 reviewerId) {
    if (!m_schedule) {
        return report(failure(Error::Kind::NotFound, tr("Choose a cycle first.")));
    }
    auto status = pushEdit(
        m_document, std::make_unique<SetLeadReviewer>(m_document, m_cycleId, uid, revieweeId, reviewerId,
                                                      m_schedule->authorityName(revieweeId)));
    if (!status) {
        // The picker already shows the refused choice: put it back as stored.
        reload();
    }
    return report(status);
}

Status GroupBoard::generateLeadReviewers(const QStringList& uids) {
    if (uids.isEmpty()) {
        return report(failure(Error::Kind::NotFound, tr("This cycle has no groups yet.")));
    }
    const QString text = uids.size() == 1 ? tr("Generate lead reviewers for %1").arg(labelOf(uids.front()))
                                          : tr("Generate lead reviewers for the cycle");
    auto edit = std::make_unique<GenerateLeadReviewers>(m_document, m_cycleId, uids, text, nextSeed());
    GenerateLeadReviewers* pushed = edit.get();
    auto status = pushEdit(m_document, std::move(edit));
    if (!status) {
        return report(status);
    }
    showMessage(pushed->summary(), false);
    return status;
}

Status GroupBoard::generateAllLeadReviewers() {
    QStringList uids;
    if (m_schedule) {
        for (const auto& g : m_schedule->groups) {
            uids << g.uid;
        }
    }
    return generateLeadReviewers(uids);
}

Status GroupBoard::createGroup(const Group& group) {
    Group g = group;
    g.cycleId = m_cycleId;
    auto edit = std::make_unique<CreateGroup>(m_document, g);
    m_selectedGroup = edit->uid();
    m_selectedAuthority = 0;
    return report(pushEdit(m_document, std::move(edit)));
}

Status GroupBoard::dissolveGroup(const QString& uid) {
    return report(
        pushEdit(m_document, std::make_unique<DissolveGroup>(m_document, m_cycleId, uid, labelOf(uid))));
}

Status GroupBoard::editGroupDetails(const Group& details) {
    Group g = details;
    g.cycleId = m_cycleId;
    return report(pushEdit(m_document, std::make_unique<EditGroupDetails>(m_document, g)));
}

void GroupBoard::createGroupInteractively() {
    if (!m_schedule) {
        return;
    }
    Group group;
    group.cycleId = m_cycleId;
    // The first free "Group N" label, dated at the start of the cycle.
    for (int n = int(m_schedule->groups.size()) + 1;; ++n) {
        const QString label = tr("Group %1").arg(n);
        if (!cardLabelled(label)) {
            group.label = label;
            break;
        }
    }
    group.date = m_schedule->cycle.firstDay;
    if (auto edited = m_detailsEditor(this, group, *m_schedule)) {
        (void)createGroup(*edited);
    }
}

void GroupBoard::editGroupInteractively(const QString& uid) {
    const Group* group = groupByUid(uid);
    if (!group || !m_schedule) {
        return;
    }
    if (auto edited = m_detailsEditor(this, *group, *m_schedule)) {
        (void)editGroupDetails(*edited);
    }
}

GroupCard* GroupBoard::tray() {
    buildAllCards();
    return m_tray;
}

const std::vector<GroupCard*>& GroupBoard::cards() {
    buildAllCards();
    return m_cards;
}

GroupCard* GroupBoard::card(const QString& uid) {
    buildAllCards();
    for (GroupCard* c : m_cards) {
        if (!c->isTray() && c->uid() == uid) {
            return c;
        }
    }
    return nullptr;
}

GroupCard* GroupBoard::cardOf(qint64 authorityId) {
    buildAllCards();
    for (GroupCard* c : m_cards) {
        if (c->rowFor(authorityId)) {
            return c;
        }
    }
    return nullptr;
}

GroupCard* GroupBoard::cardLabelled(const QString& label) {
    buildAllCards();
    for (GroupCard* c : m_cards) {
        if (!c->isTray() && c->label() == label) {
            return c;
        }
    }
    return nullptr;
}

QString GroupBoard::message() const {
    return m_banner->isVisible() || !m_banner->isHidden() ? m_bannerText->text() : QString();
}

void GroupBoard::showMessage(const QString& text, bool isError) {
    if (text.isEmpty()) {
        clearMessage();
        return;
    }
    m_bannerText->setText(text);
    m_banner->setProperty("severity", isError ? QStringLiteral("error") : QStringLiteral("info"));
    m_banner->setAccessibleName(isError ? tr("Error") : tr("Message"));
    repolish(m_banner);
    m_banner->show();
}

void GroupBoard::clearMessage() {
    m_bannerText->clear();
    m_banner->hide();
}

void GroupBoard::showProblem(const Problem& problem) {
    switch (problem.subject) {
    case Problem::Subject::Authority:
        selectAuthority(problem.subjectId);
        return;
    case Problem::Subject::Group:
        for (GroupCard* c : cards()) {
            if (!c->isTray() && c->groupId() == problem.subjectId) {
                selectGroup(c->uid());
                return;
            }
        }
        break;
    default:
        break;
    }
    if (GroupCard* c = cardLabelled(problem.groupLabel)) {
        selectGroup(c->uid());
    }
}

void GroupBoard::selectAuthority(qint64 authorityId) {
    GroupCard* c = cardOf(authorityId);
    if (!c) {
        return;
    }
    m_selectedAuthority = authorityId;
    m_selectedGroup = c->uid();
    applySelection(true);
    Q_EMIT authoritySelected(authorityId);
}

void GroupBoard::selectGroup(const QString& uid) {
    if (!card(uid)) {
        return;
    }
    m_selectedGroup = uid;
    m_selectedAuthority = 0;
    applySelection(true);
}

void GroupBoard::applySelection(bool focus) {
    for (GroupCard* c : m_cards) {
        const bool cardSelected = !c->isTray() && c->uid() == m_selectedGroup && !m_selectedGroup.isEmpty();
        c->setSelected(cardSelected);
        for (MemberRow* row : c->rows()) {
            row->setSelected(row->authorityId() == m_selectedAuthority);
        }
    }
    if (m_selectedAuthority == 0 && m_selectedGroup.isEmpty()) {
        return;
    }
    GroupCard* target = m_selectedAuthority ? cardOf(m_selectedAuthority) : card(m_selectedGroup);
    if (!target) {
        return;
    }
    MemberRow* row = m_selectedAuthority ? target->rowFor(m_selectedAuthority) : nullptr;
    QWidget* show = row ? static_cast<QWidget*>(row) : target;
    m_scroll->ensureWidgetVisible(show, 24, 24);
    if (focus) {
        if (row) {
            row->setFocus(Qt::OtherFocusReason);
        } else if (!target->rows().empty()) {
            target->rows().front()->setFocus(Qt::OtherFocusReason);
            // Focusing a member selects it; a group problem selects the group only.
            m_selectedAuthority = 0;
            for (MemberRow* r : target->rows()) {
                r->setSelected(false);
            }
        } else if (target->menuButton()) {
            target->menuButton()->setFocus(Qt::OtherFocusReason);
        }
    }
}

void GroupBoard::setProblems(const Problems& problems) {
    m_problems = problems;
    for (GroupCard* c : m_cards) {
        countProblems(c);
    }
}

void GroupBoard::countProblems(GroupCard* card) {
    if (card->isTray()) {
        return;
    }
    int errors = 0;
    int warnings = 0;
    for (const auto& p : m_problems) {
        if (p.groupLabel == card->label()) {
            (p.isError() ? errors : warnings)++;
        }
    }
    card->setProblemCounts(errors, warnings);
}

} // namespace balcony::gui
