#pragma once

#include "board/member_row.h"
#include "domain/types.h"

#include <QFrame>
#include <vector>

class QLabel;
class QPushButton;
class QToolButton;
class QVBoxLayout;

namespace balcony::gui {

class LeadReviewerRing;

// One group of the board as a card: label, date, mode, venue, facilitator, the members in
// presenting order and the lead-reviewer ring. Built from a CycleSchedule snapshot and rebuilt
// when it changes; it never writes: each gesture becomes a request signal the board turns into an
// undoable edit. With no group it is the tray of authorities that belong to no group this cycle.
class GroupCard final : public QFrame {
    Q_OBJECT

public:
    // group: the group shown, or nullptr for the tray of unplaced authorities (trayIds).
    GroupCard(const CycleSchedule& schedule, const Group* group, const std::vector<qint64>& trayIds,
              const std::vector<MemberRow::Target>& targets, QWidget* parent = nullptr);

    bool isTray() const { return m_uid.isEmpty(); }
    const QString& uid() const { return m_uid; }
    qint64 groupId() const { return m_groupId; }
    const QString& label() const { return m_label; }
    // What the card calls its group: the label, or "Group 5" for a bare number.
    static QString titleFor(const QString& label);
    const std::vector<qint64>& memberIds() const { return m_memberIds; }

    MemberRow* rowFor(qint64 authorityId) const;
    const std::vector<MemberRow*>& rows() const { return m_rows; }
    LeadReviewerRing* ring() const { return m_ring; }
    // "Wokingham → Surrey" lines, one per assignment, in presenting order of the reviewee.
    QStringList ringLines() const { return m_ringLines; }
    QPushButton* generateButton() const { return m_generate; }
    QToolButton* menuButton() const { return m_menuButton; }

    void setSelected(bool selected);
    void setProblemCounts(int errors, int warnings);

Q_SIGNALS:
    void moveRequested(qint64 authorityId, const QString& fromUid, const QString& toUid, int position);
    void reorderRequested(const QString& uid, const std::vector<qint64>& order);
    void reviewerRequested(const QString& uid, qint64 revieweeId, qint64 reviewerId);
    void generateRequested(const QString& uid);
    void editRequested(const QString& uid);
    void dissolveRequested(const QString& uid);
    void invitationExportRequested(const QString& uid);
    void memberFocused(qint64 authorityId);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    void buildHeader(const CycleSchedule& schedule, const Group& group);
    void buildRing(const CycleSchedule& schedule, const Group& group);
    int dropIndexAt(const QPoint& pos) const;
    void moveWithin(qint64 authorityId, int delta);
    void refreshStyle();

    QString m_uid;
    qint64 m_groupId = 0;
    QString m_label;
    std::vector<qint64> m_memberIds;
    std::vector<MemberRow*> m_rows;
    QVBoxLayout* m_layout = nullptr;
    QVBoxLayout* m_memberLayout = nullptr;
    QLabel* m_problems = nullptr;
    LeadReviewerRing* m_ring = nullptr;
    QStringList m_ringLines;
    QPushButton* m_generate = nullptr;
    QToolButton* m_menuButton = nullptr;
    QFrame* m_dropLine = nullptr;
    bool m_selected = false;
};

} // namespace balcony::gui
