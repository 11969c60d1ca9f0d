#include "console/countdown_view.h"

#include "console/day_session.h"
#include "frame/palette_scheme.h"

#include <QFontMetricsF>
#include <QPainter>

namespace balcony::gui {

QColor countdownColour(CountdownRole role, const QPalette& palette) {
    const bool dark = isDarkPalette(palette);
    switch (role) {
    case CountdownRole::Normal:
        return palette.color(QPalette::WindowText);
    case CountdownRole::TwoMinutes:
        return dark ? QColor(0xff, 0xc1, 0x4d) : QColor(0xa8, 0x5d, 0x00);
    case CountdownRole::Overrun:
        return dark ? QColor(0xff, 0x7b, 0x6e) : QColor(0xb3, 0x1b, 0x1b);
    case CountdownRole::NotStarted:
    case CountdownRole::Paused:
    case CountdownRole::Finished:
        return palette.color(QPalette::PlaceholderText);
    }
    return palette.color(QPalette::WindowText);
}

CountdownView::CountdownView(QWidget* parent)
    : QWidget(parent) {
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Countdown"));
    m_face.text = countdownText(0);
}

void CountdownView::observe(DaySession* session) {
    disconnect(m_connection);
    m_session = session;
    if (session == nullptr) {
        return;
    }
    m_connection = connect(session, &DaySession::stateChanged, this, [this](const DayState& state) {
        display(countdownFace(state, m_session->plan().zone));
    });
    display(session->face());
}

void CountdownView::display(const CountdownFace& face) {
    if (face == m_face) {
        return;
    }
    m_face = face;
    setAccessibleDescription(m_face.caption.isEmpty() ? m_face.text
                                                      : m_face.text + QLatin1Char(' ') + m_face.caption);
    update();
}

QSize CountdownView::sizeHint() const {
    return {320, 160};
}

QSize CountdownView::minimumSizeHint() const {
    return {120, 60};
}

void CountdownView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    const QPalette& pal = palette();
    QColor ink = countdownColour(m_face.role, pal);
    QColor paper = pal.color(QPalette::Window);
    if (m_face.flash) {
        std::swap(ink, paper); // the signal: the face inverted while it lasts
    }
    painter.fillRect(rect(), paper);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.setPen(ink);

    // The digits take the upper three quarters; the caption the rest. Sizes follow the widget, so
    // the same view serves the miniature and the back of the room. The widest text of this length
    // sets the size, so that the digits do not jump as they change.
    const QRectF area = QRectF(rect()).adjusted(4, 4, -4, -4);
    const QRectF digitsArea(area.left(), area.top(), area.width(), area.height() * 0.75);
    const QRectF captionArea(area.left(), digitsArea.bottom(), area.width(), area.height() * 0.25);

    QFont digits = font();
    digits.setBold(true);
    digits.setStyleHint(QFont::Monospace);
    digits.setPointSizeF(100);
    QString widest = m_face.text;
    for (QChar& c : widest) {
        if (c.isDigit()) {
            c = QLatin1Char('0');
        }
    }
    const QFontMetricsF metrics(digits);
    const qreal scale = std::min(digitsArea.width() / std::max<qreal>(1, metrics.horizontalAdvance(widest)),
                                 digitsArea.height() / std::max<qreal>(1, metrics.height()));
    digits.setPointSizeF(std::max<qreal>(1, 100 * scale * 0.95));
    painter.setFont(digits);
    painter.drawText(digitsArea, Qt::AlignCenter, m_face.text);

    if (!m_face.caption.isEmpty()) {
        QFont caption = font();
        caption.setPixelSize(std::max(8, static_cast<int>(captionArea.height() * 0.6)));
        painter.setFont(caption);
        painter.drawText(captionArea, Qt::AlignHCenter | Qt::AlignTop, m_face.caption);
    }
}

} // namespace balcony::gui
