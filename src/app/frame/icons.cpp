#include "frame/icons.h"

#include "frame/palette_scheme.h"

#include <QApplication>
#include <QFile>
#include <QHash>
#include <QIconEngine>
#include <QImage>
#include <QPainter>
#include <QStyle>
#include <QStyleOption>
#include <QSvgRenderer>

namespace balcony::gui {
namespace {

// The set is drawn in slate with a blue accent. Slate all but vanishes on a dark window, so under
// a dark palette it is drawn light instead; the palette is read at every paint, so the icons follow
// a switch between light and dark.
constexpr char slate[] = "#3d4f63";
constexpr char slateOnDark[] = "#c3ccd6";

class PaletteSvgEngine final : public QIconEngine {
public:
    explicit PaletteSvgEngine(const QByteArray& svg)
        : PaletteSvgEngine(svg, QByteArray(svg).replace(slate, slateOnDark)) {}
    PaletteSvgEngine(const QByteArray& light, const QByteArray& dark)
        : m_light(light)
        , m_dark(dark) {}

    QIconEngine* clone() const override { return new PaletteSvgEngine(m_light, m_dark); }

    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State) override {
        // Parsing and drawing SVG on every paint made the first window slow to appear and every
        // repaint of a toolbar dearer: keep each size, mode and colour set once drawn.
        const bool dark = isDarkPalette(QGuiApplication::palette());
        const quint64 key = (quint64(quint32(size.width())) << 32) | (quint64(quint16(size.height())) << 16) |
                            (quint64(mode) << 1) | (dark ? 1U : 0U);
        if (const auto cached = m_drawn.constFind(key); cached != m_drawn.cend()) {
            return *cached;
        }
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        {
            QPainter painter(&image);
            const int side = qMin(size.width(), size.height());
            const QRectF square((size.width() - side) / 2.0, (size.height() - side) / 2.0, side, side);
            QSvgRenderer(dark ? m_dark : m_light).render(&painter, square);
        }
        QPixmap result = QPixmap::fromImage(image);
        if (mode != QIcon::Normal) {
            // Disabled, active and selected looks, as the style draws them for any other icon.
            QStyleOption option;
            option.palette = QGuiApplication::palette();
            result = QApplication::style()->generatedIconPixmap(mode, result, &option);
        }
        m_drawn.insert(key, result);
        return result;
    }

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State state) override {
        const qreal scale = painter->device() ? painter->device()->devicePixelRatio() : 1.0;
        QPixmap drawn = pixmap(rect.size() * scale, mode, state);
        drawn.setDevicePixelRatio(scale);
        painter->drawPixmap(rect, drawn);
    }

private:
    QByteArray m_light;
    QByteArray m_dark;
    QHash<quint64, QPixmap> m_drawn;
};

} // namespace

QIcon icon(const QString& name) {
    const QString path = QStringLiteral(":/icons/") + name + QStringLiteral(".svg");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return QIcon();
    }
    const QByteArray svg = file.readAll();
    // The program's own logo keeps its colours.
    return svg.contains(slate) ? QIcon(new PaletteSvgEngine(svg)) : QIcon(path);
}

} // namespace balcony::gui
