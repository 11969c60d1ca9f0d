#include "board/group_card.h"

#include "board/board_mime.h"
#include "board/lead_reviewer_ring.h"
#include "board/repolish.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

namespace balcony::gui {
namespace {

QString dcsName(const CycleSchedule& schedule, qint64 authorityId) {
    const Person* dcs = schedule.dcsOf(authorityId);
    return dcs ? dcs->name : QString();
}

QLabel* makeLabel(const QString& text, const char* name, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setObjectName(QLatin1String(name));
    return label;
}

} // namespace

GroupCard::GroupCard(const CycleSchedule& schedule, const Group* group, const std::vector<qint64>& trayIds,
                     const std::vector<MemberRow::Target>& targets, QWidget* parent)
    : QFrame(parent) {
    setObjectName(group ? QStringLiteral("groupCard") : QStringLiteral("trayCard"));
    setAcceptDrops(true);
    setFocusPolicy(Qt::NoFocus);
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(14, 12, 14, 12);
    m_layout->setSpacing(8);

    if (group) {
        m_uid = group->uid;
        m_groupId = group->id;
        m_label = group->label;
        for (const auto& m : group->members) {
            m_memberIds.push_back(m.authorityId);
        }
        buildHeader(schedule, *group);
    } else {
        m_label = tr("Not in a group");
        m_memberIds = trayIds;
        auto* title = makeLabel(m_label, "cardTitle", this);
        m_layout->addWidget(title);
        auto* hint = makeLabel(m_memberIds.empty() ? tr("Every authority has a group in this cycle.")
                                                   : tr("Drag an authority onto a group, or use its menu."),
                               "cardDetail", this);
        hint->setWordWrap(true);
        m_layout->addWidget(hint);
    }
    setAccessibleName(group ? titleFor(m_label) : m_label);

    if (group && !m_memberIds.empty()) {
        auto* captions = new QHBoxLayout;
        captions->setContentsMargins(0, 4, 0, 0);
        captions->addWidget(makeLabel(tr("Presenting order").toUpper(), "sectionCaption", this));
        captions->addStretch(1);
        captions->addWidget(makeLabel(tr("Reviewed by").toUpper(), "sectionCaption", this));
        m_layout->addLayout(captions);
    }
    m_memberLayout = new QVBoxLayout;
    m_memberLayout->setSpacing(4);
    m_layout->addLayout(m_memberLayout);
    int position = 0;
    for (qint64 id : m_memberIds) {
        ++position;
        std::vector<MemberRow::Choice> choices;
        qint64 reviewer = 0;
        if (group) {
            for (qint64 other : m_memberIds) {
                if (other != id) {
                    choices.push_back({other, schedule.authorityName(other)});
                }
            }
            reviewer = group->member(id) ? group->member(id)->leadReviewerId : 0;
        }
        auto* row = new MemberRow(id, schedule.authorityName(id), dcsName(schedule, id), group ? position : 0,
                                  m_uid, std::move(choices), reviewer, targets, this);
        m_rows.push_back(row);
        m_memberLayout->addWidget(row);
        connect(row, &MemberRow::moveUpRequested, this, [this](qint64 a) { moveWithin(a, -1); });
        connect(row, &MemberRow::moveDownRequested, this, [this](qint64 a) { moveWithin(a, +1); });
        connect(row, &MemberRow::moveToRequested, this,
                [this](qint64 a, const QString& to) { Q_EMIT moveRequested(a, m_uid, to, -1); });
        connect(row, &MemberRow::reviewerChosen, this,
                [this](qint64 a, qint64 r) { Q_EMIT reviewerRequested(m_uid, a, r); });
        connect(row, &MemberRow::focused, this, &GroupCard::memberFocused);
    }
    if (group && m_memberIds.empty()) {
        auto* empty = makeLabel(tr("No authorities yet: drag some here."), "cardDetail", this);
        m_memberLayout->addWidget(empty);
    }
    m_dropLine = new QFrame(this);
    m_dropLine->setObjectName(QStringLiteral("dropLine"));
    m_dropLine->setFixedHeight(3);
    m_dropLine->hide();

    if (group) {
        buildRing(schedule, *group);
    }
    m_layout->addStretch(1);
    refreshStyle();
}

QString GroupCard::titleFor(const QString& label) {
    bool numeric = false;
    label.toInt(&numeric);
    return numeric ? tr("Group %1").arg(label) : label;
}

void GroupCard::buildHeader(const CycleSchedule& schedule, const Group& group) {
    auto* top = new QHBoxLayout;
    top->setSpacing(6);
    top->addWidget(makeLabel(titleFor(group.label), "cardTitle", this));
    auto* mode = makeLabel(displayName(group.mode),
                           group.mode == Mode::Virtual ? "virtualChip" : "inPersonChip", this);
    top->addWidget(mode);
    top->addStretch(1);
    m_problems = makeLabel(QString(), "problemBadge", this);
    m_problems->hide();
    top->addWidget(m_problems);

    m_menuButton = new QToolButton(this);
    m_menuButton->setObjectName(QStringLiteral("cardMenuButton"));
    m_menuButton->setText(QStringLiteral("⋯"));
    m_menuButton->setAccessibleName(tr("Actions for %1").arg(titleFor(group.label)));
    m_menuButton->setToolTip(tr("Edit, generate lead reviewers, export the invitation, dissolve"));
    m_menuButton->setPopupMode(QToolButton::InstantPopup);
    m_menuButton->setAutoRaise(true);
    auto* menu = new QMenu(m_menuButton);
    menu->setAccessibleName(tr("Actions for %1").arg(titleFor(group.label)));
    const QString uid = group.uid;
    connect(menu->addAction(tr("Edit details…")), &QAction::triggered, this,
            [this, uid] { Q_EMIT editRequested(uid); });
    connect(menu->addAction(tr("Generate lead reviewers")), &QAction::triggered, this,
            [this, uid] { Q_EMIT generateRequested(uid); });
    connect(menu->addAction(tr("Export invitation (.ics)…")), &QAction::triggered, this,
            [this, uid] { Q_EMIT invitationExportRequested(uid); });
    menu->addSeparator();
    connect(menu->addAction(tr("Dissolve group")), &QAction::triggered, this,
            [this, uid] { Q_EMIT dissolveRequested(uid); });
    m_menuButton->setMenu(menu);
    top->addWidget(m_menuButton);
    m_layout->addLayout(top);

    QStringList where;
    where << (group.date.isValid() ? QLocale().toString(group.date, QStringLiteral("ddd d MMM yyyy"))
                                   : tr("No date"));
    where << (group.venue.isEmpty()
                  ? (group.mode == Mode::Virtual ? tr("Online") : tr("Venue to be arranged"))
                  : group.venue);
    auto* details = makeLabel(where.join(QStringLiteral("  ·  ")), "cardDetail", this);
    details->setWordWrap(true);
    m_layout->addWidget(details);
    const QString facilitator =
        group.facilitatorId ? schedule.personName(group.facilitatorId) : tr("no facilitator yet");
    m_layout->addWidget(makeLabel(tr("Facilitator: %1").arg(facilitator),
                                  group.facilitatorId ? "cardDetail" : "cardWarning", this));
}

void GroupCard::buildRing(const CycleSchedule& schedule, const Group& group) {
    if (group.members.empty()) {
        return;
    }
    auto* caption = makeLabel(tr("Lead reviewers").toUpper(), "sectionCaption", this);
    m_layout->addWidget(caption);
    m_ring = new LeadReviewerRing(this);
    std::vector<LeadReviewerRing::Node> nodes;
    bool missing = false;
    for (const auto& m : group.members) {
        nodes.push_back({m.authorityId, schedule.authorityName(m.authorityId), m.leadReviewerId});
        if (m.leadReviewerId != 0) {
            m_ringLines << QStringLiteral("%1 → %2").arg(schedule.authorityName(m.leadReviewerId),
                                                         schedule.authorityName(m.authorityId));
        } else {
            missing = true;
        }
    }
    m_ring->setNodes(std::move(nodes));
    m_ring->setAccessibleName(tr("Lead-reviewer ring of %1").arg(titleFor(group.label)));
    m_ring->setAccessibleDescription(m_ringLines.isEmpty() ? tr("No lead reviewers yet")
                                                           : m_ringLines.join(QStringLiteral("; ")));
    m_layout->addWidget(m_ring, 0, Qt::AlignHCenter);
    QString text = m_ringLines.join(QLatin1Char('\n'));
    if (m_ringLines.isEmpty()) {
        text = tr("No lead reviewers yet.");
    }
    auto* lines = makeLabel(text, "ringLines", this);
    lines->setWordWrap(true);
    lines->setToolTip(tr("Each line reads: lead reviewer → the authority it reviews"));
    m_layout->addWidget(lines);

    if (missing) {
        m_generate = new QPushButton(tr("Generate lead reviewers"), this);
        m_generate->setObjectName(QStringLiteral("generateButton"));
        m_generate->setAccessibleName(tr("Generate lead reviewers for %1").arg(titleFor(group.label)));
        const QString uid = group.uid;
        connect(m_generate, &QPushButton::clicked, this, [this, uid] { Q_EMIT generateRequested(uid); });
        m_layout->addWidget(m_generate, 0, Qt::AlignLeft);
    }
}

MemberRow* GroupCard::rowFor(qint64 authorityId) const {
    for (MemberRow* row : m_rows) {
        if (row->authorityId() == authorityId) {
            return row;
        }
    }
    return nullptr;
}

void GroupCard::moveWithin(qint64 authorityId, int delta) {
    auto order = m_memberIds;
    auto at = std::find(order.begin(), order.end(), authorityId);
    if (at == order.end()) {
        return;
    }
    const auto index = at - order.begin();
    const auto target = index + delta;
    if (target < 0 || target >= qsizetype(order.size())) {
        return;
    }
    std::swap(order[std::size_t(index)], order[std::size_t(target)]);
    Q_EMIT reorderRequested(m_uid, order);
}

void GroupCard::setSelected(bool selected) {
    m_selected = selected;
    refreshStyle();
}

void GroupCard::setProblemCounts(int errors, int warnings) {
    if (!m_problems) {
        return;
    }
    if (errors == 0 && warnings == 0) {
        m_problems->hide();
        return;
    }
    QStringList parts;
    if (errors > 0) {
        parts << (errors == 1 ? tr("1 error") : tr("%1 errors").arg(errors));
    }
    if (warnings > 0) {
        parts << (warnings == 1 ? tr("1 warning") : tr("%1 warnings").arg(warnings));
    }
    m_problems->setText(parts.join(QStringLiteral(", ")));
    m_problems->setProperty("severity", errors > 0 ? QStringLiteral("error") : QStringLiteral("warning"));
    repolish(m_problems);
    m_problems->show();
}

void GroupCard::refreshStyle() {
    setProperty("selected", m_selected);
    repolish(this);
}

int GroupCard::dropIndexAt(const QPoint& pos) const {
    int index = 0;
    for (MemberRow* row : m_rows) {
        if (pos.y() > row->geometry().center().y()) {
            ++index;
        }
    }
    return index;
}

void GroupCard::dragEnterEvent(QDragEnterEvent* event) {
    if (board::decodeMember(event->mimeData())) {
        event->acceptProposedAction();
    }
}

void GroupCard::dragMoveEvent(QDragMoveEvent* event) {
    if (!board::decodeMember(event->mimeData())) {
        return;
    }
    event->acceptProposedAction();
    if (isTray()) {
        return;
    }
    // A thin line shows where the authority will land in the presenting order.
    const int index = dropIndexAt(event->position().toPoint());
    int y = m_rows.empty() ? m_memberLayout->geometry().top() : m_rows.front()->geometry().top() - 3;
    if (index > 0 && !m_rows.empty()) {
        y = m_rows[std::size_t(index - 1)]->geometry().bottom() + 1;
    }
    m_dropLine->setGeometry(14, y, width() - 28, 3);
    m_dropLine->show();
    m_dropLine->raise();
}

void GroupCard::dragLeaveEvent(QDragLeaveEvent*) {
    m_dropLine->hide();
}

void GroupCard::dropEvent(QDropEvent* event) {
    m_dropLine->hide();
    const auto dragged = board::decodeMember(event->mimeData());
    if (!dragged) {
        return;
    }
    event->acceptProposedAction();
    const int index = isTray() ? -1 : dropIndexAt(event->position().toPoint());
    if (dragged->fromUid != m_uid) {
        Q_EMIT moveRequested(dragged->authorityId, dragged->fromUid, m_uid, index);
        return;
    }
    if (isTray()) {
        return;
    }
    auto order = m_memberIds;
    auto at = std::find(order.begin(), order.end(), dragged->authorityId);
    if (at == order.end()) {
        return;
    }
    int target = index;
    if (at - order.begin() < index) {
        --target; // the gap it leaves shifts everything after it up one
    }
    order.erase(at);
    order.insert(order.begin() + std::clamp<qsizetype>(target, 0, qsizetype(order.size())),
                 dragged->authorityId);
    if (order != m_memberIds) {
        Q_EMIT reorderRequested(m_uid, order);
    }
}

void GroupCard::mousePressEvent(QMouseEvent* event) {
    if (!m_rows.empty()) {
        m_rows.front()->setFocus(Qt::MouseFocusReason);
    }
    QFrame::mousePressEvent(event);
}

} // namespace balcony::gui
