#pragma once

#include <QFrame>
#include <QPoint>
#include <QString>
#include <utility>
#include <vector>

class QComboBox;
class QLabel;
class QMenu;
class QAction;

namespace balcony::gui {

// One authority on a group card (or on the "not in a group" tray): its presenting place, name,
// DCS and lead-reviewer choice. Focusable; Ctrl+Up/Ctrl+Down move it in the presenting order, the
// context menu (mouse or the Menu key / Shift+F10) moves it to another group, and it can be
// dragged. It only asks: the card and the board perform the edits.
class MemberRow final : public QFrame {
    Q_OBJECT

public:
    struct Target {
        QString uid; // empty: no group
        QString label;
    };
    struct Choice {
        qint64 authorityId = 0;
        QString name;
    };

    // position: 1-based presenting place, 0 on the tray. reviewerChoices: the other members of the
    // group (empty on the tray: no lead-reviewer picker). targets: where "Move to group" can go.
    MemberRow(qint64 authorityId, const QString& name, const QString& dcsName, int position,
              const QString& groupUid, std::vector<Choice> reviewerChoices, qint64 reviewerId,
              std::vector<Target> targets, QWidget* parent = nullptr);

    qint64 authorityId() const { return m_authorityId; }
    const QString& name() const { return m_name; }
    QComboBox* reviewerCombo() const { return m_reviewer; }
    QAction* moveUpAction() const { return m_moveUp; }
    QAction* moveDownAction() const { return m_moveDown; }

    // The context menu (move up/down, move to another group); the caller owns it.
    QMenu* createContextMenu();

    void setSelected(bool selected);
    bool isSelected() const { return m_selected; }

Q_SIGNALS:
    void moveUpRequested(qint64 authorityId);
    void moveDownRequested(qint64 authorityId);
    void moveToRequested(qint64 authorityId, const QString& toUid);
    void reviewerChosen(qint64 authorityId, qint64 reviewerId);
    void focused(qint64 authorityId);

protected:
    void contextMenuEvent(QContextMenuEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;

private:
    void refreshStyle();

    qint64 m_authorityId;
    QString m_name;
    QString m_groupUid;
    std::vector<Target> m_targets;
    QLabel* m_nameLabel = nullptr;
    QComboBox* m_reviewer = nullptr;
    QAction* m_moveUp;
    QAction* m_moveDown;
    QPoint m_pressAt;
    bool m_selected = false;
};

} // namespace balcony::gui
