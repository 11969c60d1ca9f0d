#include "board/member_row.h"

#include "board/board_mime.h"
#include "board/repolish.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDrag>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPointer>
#include <QVBoxLayout>

namespace balcony::gui {
namespace {

constexpr int reviewerPickerCharacters = 13;

// The width a picker takes when it shows about 13 characters, measured once per font and style on
// a throw-away combo box. Asking each row's own combo box for it (setSizeAdjustPolicy) builds its
// drop-down list there and then, which was a third of the cost of opening a large board.
int reviewerPickerWidth(const QWidget* like) {
    static QString measuredFor;
    static int width = 0;
    const QString key = like->font().key() + QString::number(quintptr(QApplication::style()));
    if (key != measuredFor) {
        QComboBox probe;
        probe.setFont(like->font());
        probe.setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        probe.setMinimumContentsLength(reviewerPickerCharacters);
        width = probe.sizeHint().width();
        measuredFor = key;
    }
    return width;
}

} // namespace

MemberRow::MemberRow(qint64 authorityId, const QString& name, const QString& dcsName, int position,
                     const QString& groupUid, std::vector<Choice> reviewerChoices, qint64 reviewerId,
                     std::vector<Target> targets, QWidget* parent)
    : QFrame(parent)
    , m_authorityId(authorityId)
    , m_name(name)
    , m_groupUid(groupUid)
    , m_targets(std::move(targets))
    , m_moveUp(new QAction(tr("Move up"), this))
    , m_moveDown(new QAction(tr("Move down"), this)) {
    setObjectName(QStringLiteral("memberRow"));
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(position > 0 ? tr("%1, presents %2").arg(name).arg(position) : name);
    setAccessibleDescription(dcsName.isEmpty() ? tr("No DCS on the roster") : tr("DCS: %1").arg(dcsName));
    setToolTip(tr("Drag to another group or to a new place; right-click or press the Menu key for more."));

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 5, 8, 5);
    layout->setSpacing(8);
    if (position > 0) {
        auto* badge = new QLabel(QString::number(position), this);
        badge->setObjectName(QStringLiteral("positionBadge"));
        badge->setAlignment(Qt::AlignCenter);
        badge->setFixedSize(22, 22);
        layout->addWidget(badge);
    }
    auto* names = new QVBoxLayout;
    names->setSpacing(0);
    m_nameLabel = new QLabel(name, this);
    m_nameLabel->setObjectName(QStringLiteral("memberName"));
    m_nameLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_nameLabel->setToolTip(name);
    auto* dcsLabel = new QLabel(dcsName.isEmpty() ? tr("no DCS on the roster") : dcsName, this);
    dcsLabel->setObjectName(QStringLiteral("memberDcs"));
    dcsLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    names->addWidget(m_nameLabel);
    names->addWidget(dcsLabel);
    layout->addLayout(names, 1);

    if (position > 0) {
        m_reviewer = new QComboBox(this);
        m_reviewer->setObjectName(QStringLiteral("leadReviewerCombo"));
        m_reviewer->setAccessibleName(tr("Lead reviewer of %1").arg(name));
        m_reviewer->setToolTip(tr("Whose DCS leads the review of %1").arg(name));
        m_reviewer->addItem(tr("No lead reviewer"), qint64(0));
        for (const auto& choice : reviewerChoices) {
            m_reviewer->addItem(choice.name, choice.authorityId);
        }
        m_reviewer->setCurrentIndex(qMax(0, m_reviewer->findData(reviewerId)));
        m_reviewer->setFixedWidth(reviewerPickerWidth(m_reviewer));
        connect(m_reviewer, &QComboBox::activated, this, [this](int index) {
            Q_EMIT reviewerChosen(m_authorityId, m_reviewer->itemData(index).toLongLong());
        });
        layout->addWidget(m_reviewer);
    }

    m_moveUp->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Up));
    m_moveDown->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Down));
    for (QAction* action : {m_moveUp, m_moveDown}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setEnabled(position > 0);
        addAction(action);
    }
    connect(m_moveUp, &QAction::triggered, this, [this] { Q_EMIT moveUpRequested(m_authorityId); });
    connect(m_moveDown, &QAction::triggered, this, [this] { Q_EMIT moveDownRequested(m_authorityId); });
    refreshStyle();
}

QMenu* MemberRow::createContextMenu() {
    auto* menu = new QMenu;
    menu->setAccessibleName(tr("Actions for %1").arg(m_name));
    menu->addAction(m_moveUp);
    menu->addAction(m_moveDown);
    menu->addSeparator();
    QMenu* moveTo = menu->addMenu(tr("Move to group"));
    moveTo->setObjectName(QStringLiteral("moveToMenu"));
    moveTo->setAccessibleName(tr("Move %1 to group").arg(m_name));
    const qint64 id = m_authorityId;
    // The row may be rebuilt before the menu acts, so the menu's actions hold values, not the row.
    QPointer<MemberRow> self(this);
    for (const auto& target : m_targets) {
        if (target.uid == m_groupUid) {
            continue;
        }
        QAction* action = moveTo->addAction(target.uid.isEmpty() ? tr("Not in a group") : target.label);
        const QString uid = target.uid;
        connect(action, &QAction::triggered, menu, [self, id, uid] {
            if (self) {
                Q_EMIT self->moveToRequested(id, uid);
            }
        });
    }
    moveTo->setEnabled(!moveTo->actions().isEmpty());
    return menu;
}

void MemberRow::contextMenuEvent(QContextMenuEvent* event) {
    // popup(), not exec(): no nested event loop while the board rebuilds this row.
    QMenu* menu = createContextMenu();
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const QPoint at = event->reason() == QContextMenuEvent::Mouse ? event->globalPos()
                                                                  : mapToGlobal(QPoint(24, height() / 2));
    menu->popup(at);
    event->accept();
}

void MemberRow::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) {
        m_pressAt = event->position().toPoint();
        setFocus(Qt::MouseFocusReason);
    }
    QFrame::mousePressEvent(event);
}

void MemberRow::mouseMoveEvent(QMouseEvent* event) {
    if (!(event->buttons() & Qt::LeftButton) ||
        (event->position().toPoint() - m_pressAt).manhattanLength() < QApplication::startDragDistance()) {
        QFrame::mouseMoveEvent(event);
        return;
    }
    auto* drag = new QDrag(this);
    drag->setMimeData(board::encodeMember({m_authorityId, m_groupUid}));
    drag->setPixmap(grab());
    drag->setHotSpot(m_pressAt);
    drag->exec(Qt::MoveAction);
    // The drop may have rebuilt the board and scheduled this row for deletion: touch nothing more.
}

void MemberRow::resizeEvent(QResizeEvent* event) {
    QFrame::resizeEvent(event);
    // Long names ("Windsor and Maidenhead") end in an ellipsis rather than squeezing the picker.
    m_nameLabel->setText(
        m_nameLabel->fontMetrics().elidedText(m_name, Qt::ElideRight, qMax(0, m_nameLabel->width())));
}

void MemberRow::focusInEvent(QFocusEvent* event) {
    QFrame::focusInEvent(event);
    setSelected(true);
    Q_EMIT focused(m_authorityId);
}

void MemberRow::focusOutEvent(QFocusEvent* event) {
    QFrame::focusOutEvent(event);
    refreshStyle();
}

void MemberRow::setSelected(bool selected) {
    m_selected = selected;
    refreshStyle();
}

void MemberRow::refreshStyle() {
    setProperty("selected", m_selected);
    setProperty("hasFocus", hasFocus());
    repolish(this);
}

} // namespace balcony::gui
