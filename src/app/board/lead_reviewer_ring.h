#pragma once

#include <QString>
#include <QWidget>
#include <vector>

namespace balcony::gui {

// A small drawing of who leads whose review in one group: the members sit on a circle in
// presenting order and an arrow runs from each lead reviewer to the authority it reviews. A member
// without a lead reviewer is drawn with an amber outline. Read-only; the accessible description
// spells the same thing out in words.
class LeadReviewerRing final : public QWidget {
    Q_OBJECT

public:
    struct Node {
        qint64 authorityId = 0;
        QString name;
        qint64 reviewerId = 0; // 0: nobody leads this one's review yet
    };

    explicit LeadReviewerRing(QWidget* parent = nullptr);

    void setNodes(std::vector<Node> nodes);
    const std::vector<Node>& nodes() const { return m_nodes; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::vector<Node> m_nodes;
};

} // namespace balcony::gui
