#pragma once

#include "outcomes/regional_report.h"

#include <QImage>
#include <QSize>
#include <vector>

namespace balcony::reports {

// The regional report's chart of the themes raised across the region, drawn with Qt Charts: one
// horizontal bar per theme (the most raised at the top, at most maxThemes of them), split into
// captured items and lines of enquiry. Rendered offscreen into an image of size pixels on a white
// ground. A null image when themes is empty.
//
// Needs a QApplication (a QChart is a QGraphicsWidget) and must run on its thread.
QImage renderThemeChart(const std::vector<outcomes::ThemeCount>& themes, QSize size = {1700, 950},
                        int maxThemes = 12);

} // namespace balcony::reports
