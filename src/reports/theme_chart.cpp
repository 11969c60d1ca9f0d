#include "reports/theme_chart.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QCoreApplication>
#include <QGraphicsScene>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QPainter>
#include <QValueAxis>
#include <algorithm>

namespace balcony::reports {

QImage renderThemeChart(const std::vector<outcomes::ThemeCount>& themes, QSize size, int maxThemes) {
    if (themes.empty()) {
        return {};
    }
    const auto shown = std::min<std::size_t>(themes.size(), static_cast<std::size_t>(std::max(1, maxThemes)));
    auto* items = new QBarSet(QCoreApplication::translate("balcony::reports::ThemeChart", "Captured items"));
    auto* lines =
        new QBarSet(QCoreApplication::translate("balcony::reports::ThemeChart", "Lines of enquiry"));
    items->setColor(QColor(0x1f, 0x4e, 0x79)); // a dark blue and a light one: legible in grey print
    lines->setColor(QColor(0x9d, 0xc3, 0xe6));
    items->setBorderColor(Qt::white);
    lines->setBorderColor(Qt::white);
    QStringList categories;
    int largest = 0;
    // A horizontal bar chart draws its first category at the bottom: add the most raised last.
    for (std::size_t i = shown; i-- > 0;) {
        const auto& theme = themes[i];
        QString label = theme.theme;
        label[0] = label[0].toUpper(); // never empty: themes are counted by a non-empty key
        categories << label;
        *items << theme.items;
        *lines << theme.linesOfEnquiry;
        largest = std::max(largest, theme.total());
    }
    auto* series = new QHorizontalStackedBarSeries;
    series->append(items);
    series->append(lines);
    series->setBarWidth(0.7);

    QGraphicsScene scene;
    auto* chart = new QChart; // owned by the scene
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundBrush(Qt::white);
    chart->setBackgroundRoundness(0);
    chart->setDropShadowEnabled(false);
    chart->addSeries(series);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(size.height() / 30);
    auto* themeAxis = new QBarCategoryAxis;
    themeAxis->append(categories);
    themeAxis->setLabelsFont(font);
    themeAxis->setGridLineVisible(false);
    chart->addAxis(themeAxis, Qt::AlignLeft);
    series->attachAxis(themeAxis);
    auto* countAxis = new QValueAxis;
    countAxis->setRange(0, std::max(1, largest));
    countAxis->setLabelFormat(QStringLiteral("%d"));
    countAxis->setTickType(QValueAxis::TicksDynamic);
    countAxis->setTickAnchor(0);
    countAxis->setTickInterval(std::max(1, (largest + 7) / 8));
    countAxis->setLabelsFont(font);
    countAxis->setGridLineColor(QColor(0xdd, 0xdd, 0xdd));
    chart->addAxis(countAxis, Qt::AlignBottom);
    series->attachAxis(countAxis);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setFont(font);
    chart->setMargins(QMargins(0, 0, 0, 0));
    scene.addItem(chart);
    chart->setGeometry(QRectF(QPointF(0, 0), QSizeF(size)));

    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    scene.render(&painter, QRectF(QPointF(0, 0), QSizeF(size)), QRectF(QPointF(0, 0), QSizeF(size)));
    painter.end();
    return image;
}

} // namespace balcony::reports
