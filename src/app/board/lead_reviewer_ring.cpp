#include "board/lead_reviewer_ring.h"

#include "frame/palette_scheme.h"

#include <QPainter>
#include <QPainterPath>
#include <QtMath>
#include <algorithm>
#include <map>

namespace balcony::gui {
namespace {

// The ring's colours on a light card and on a dark one (the board's accent blue, the amber of its
// warnings).
struct RingColours {
    QColor arrow;
    QColor nodeFill;
    QColor nodeBorder;
    QColor missingBorder;
    QColor text;
};

const RingColours lightRing{QColor(0x25, 0x63, 0xeb), QColor(0xef, 0xf4, 0xff), QColor(0x93, 0xb4, 0xf5),
                            QColor(0xd9, 0x77, 0x06), QColor(0x1f, 0x29, 0x37)};
const RingColours darkRing{QColor(0x60, 0xa5, 0xfa), QColor(0x1f, 0x2d, 0x45), QColor(0x3f, 0x64, 0xa8),
                           QColor(0xf5, 0x9e, 0x0b), QColor(0xe5, 0xe7, 0xeb)};

// Where the segment from the centre of a box towards `towards` leaves the box.
QPointF edgePoint(const QRectF& box, const QPointF& towards) {
    const QPointF c = box.center();
    const QPointF d = towards - c;
    if (qFuzzyIsNull(d.x()) && qFuzzyIsNull(d.y())) {
        return c;
    }
    const qreal sx = qFuzzyIsNull(d.x()) ? 1e9 : (box.width() / 2) / qAbs(d.x());
    const qreal sy = qFuzzyIsNull(d.y()) ? 1e9 : (box.height() / 2) / qAbs(d.y());
    return c + d * qMin(sx, sy);
}

} // namespace

LeadReviewerRing::LeadReviewerRing(QWidget* parent)
    : QWidget(parent) {
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

void LeadReviewerRing::setNodes(std::vector<Node> nodes) {
    m_nodes = std::move(nodes);
    updateGeometry();
    update();
}

QSize LeadReviewerRing::sizeHint() const {
    return {330, 132};
}

void LeadReviewerRing::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    // The card's palette: the board's style sheet gives it the card's background.
    const RingColours& colours = isDarkPalette(palette()) ? darkRing : lightRing;
    const int n = int(m_nodes.size());
    if (n == 0) {
        return;
    }
    QFont font = p.font();
    font.setPointSizeF(font.pointSizeF() * 0.85);
    p.setFont(font);
    const QFontMetrics fm(font);

    const QRectF area = QRectF(rect()).adjusted(4, 4, -4, -4);
    const QPointF centre = area.center();
    const qreal boxH = fm.height() + 8;
    const qreal boxW = qMin<qreal>(area.width() * 0.36, 116);
    const qreal rx = (area.width() - boxW) / 2;
    const qreal ry = (area.height() - boxH) / 2;

    // Place the members round the circle in ring order when the assignments form one ring (so
    // every arrow runs clockwise to a neighbour); otherwise in presenting order.
    std::vector<qint64> order;
    order.push_back(m_nodes.front().authorityId);
    while (int(order.size()) < n) {
        qint64 next = 0;
        for (const auto& node : m_nodes) {
            if (node.reviewerId == order.back()) {
                next = node.authorityId;
            }
        }
        if (next == 0 || std::find(order.begin(), order.end(), next) != order.end()) {
            break;
        }
        order.push_back(next);
    }
    if (int(order.size()) < n) {
        order.clear();
        for (const auto& node : m_nodes) {
            order.push_back(node.authorityId);
        }
    }
    // Unit positions from the top, clockwise, then stretched to fill the area (a triangle's
    // points do not reach the bottom of its circle).
    std::vector<QPointF> unit;
    qreal minX = 1, maxX = -1, minY = 1, maxY = -1;
    for (int i = 0; i < n; ++i) {
        const qreal angle = -M_PI / 2 + 2 * M_PI * i / n;
        unit.emplace_back(qCos(angle), qSin(angle));
        minX = qMin(minX, unit.back().x());
        maxX = qMax(maxX, unit.back().x());
        minY = qMin(minY, unit.back().y());
        maxY = qMax(maxY, unit.back().y());
    }
    const auto spread = [](qreal v, qreal lo, qreal hi, qreal from, qreal length) {
        return hi - lo < 1e-6 ? from + length / 2 : from + (v - lo) / (hi - lo) * length;
    };
    std::map<qint64, QRectF> boxes;
    for (int i = 0; i < n; ++i) {
        const QPointF at(spread(unit[std::size_t(i)].x(), minX, maxX, centre.x() - rx, 2 * rx),
                         spread(unit[std::size_t(i)].y(), minY, maxY, area.top() + boxH / 2, 2 * ry));
        boxes[order[std::size_t(i)]] = QRectF(at.x() - boxW / 2, at.y() - boxH / 2, boxW, boxH);
    }

    p.setPen(QPen(colours.arrow, 1.6));
    for (const auto& node : m_nodes) {
        auto from = boxes.find(node.reviewerId);
        auto to = boxes.find(node.authorityId);
        if (node.reviewerId == 0 || from == boxes.end() || to == boxes.end()) {
            continue;
        }
        // Bow each arrow away from the centre so that a pair reviewing each other shows two arrows.
        const QPointF a = from->second.center();
        const QPointF b = to->second.center();
        const QPointF mid = (a + b) / 2;
        QPointF normal(-(b - a).y(), (b - a).x());
        const qreal len = qSqrt(QPointF::dotProduct(normal, normal));
        if (len > 0) {
            normal /= len;
        }
        const QPointF control = mid + normal * 14;
        const QPointF start = edgePoint(from->second, control);
        const QPointF end = edgePoint(to->second, control);
        QPainterPath path(start);
        path.quadTo(control, end);
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        // Arrow head along the curve's last tangent.
        const QPointF dir = end - control;
        const qreal dlen = qSqrt(QPointF::dotProduct(dir, dir));
        if (dlen > 0) {
            const QPointF u = dir / dlen;
            const QPointF side(-u.y(), u.x());
            QPolygonF head;
            head << end << end - u * 8 + side * 4 << end - u * 8 - side * 4;
            p.setBrush(colours.arrow);
            p.drawPolygon(head);
        }
    }

    for (const auto& node : m_nodes) {
        const QRectF box = boxes[node.authorityId];
        const bool missing = node.reviewerId == 0;
        p.setPen(QPen(missing ? colours.missingBorder : colours.nodeBorder, missing ? 1.6 : 1.0,
                      missing ? Qt::DashLine : Qt::SolidLine));
        p.setBrush(colours.nodeFill);
        p.drawRoundedRect(box, boxH / 2, boxH / 2);
        p.setPen(colours.text);
        p.drawText(box.adjusted(6, 0, -6, 0), Qt::AlignCenter,
                   fm.elidedText(node.name, Qt::ElideRight, int(box.width()) - 12));
    }
}

} // namespace balcony::gui
