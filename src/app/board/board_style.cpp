#include "board/board_style.h"

#include "frame/palette_scheme.h"

#include <QPalette>

namespace balcony::gui {
namespace {

// Each colour of the board by what it paints, in the light set and the dark set. The dark set
// keeps the light one's shape: cards a step lighter than the canvas they sit on, one blue accent,
// quiet tinted chips and badges, and text at least 4.5:1 against what it is on.
struct Swatch {
    const char* name;
    const char* light;
    const char* dark;
};

constexpr Swatch swatches[] = {
    {"canvas", "#f3f4f6", "#1b1e23"},
    {"toolbar", "#ffffff", "#25292f"},
    {"toolbarBorder", "#e5e7eb", "#363b43"},
    {"quietText", "#6b7280", "#9ca3af"},
    {"card", "#ffffff", "#262a31"},
    {"cardBorder", "#e0e3e8", "#3a4049"},
    {"tray", "#fafafa", "#22262c"},
    {"trayBorder", "#c7cbd1", "#4b525c"},
    {"accent", "#2563eb", "#60a5fa"},
    {"strongText", "#111827", "#f3f4f6"},
    {"detailText", "#4b5563", "#c0c6cf"},
    {"warningText", "#b45309", "#fbbf24"},
    {"inPersonBackground", "#ecfdf5", "#123d30"},
    {"inPersonText", "#047857", "#6ee7b7"},
    {"virtualBackground", "#eef2ff", "#2a2d5c"},
    {"virtualText", "#4338ca", "#c7d2fe"},
    {"errorBackground", "#fef2f2", "#4a1d1f"},
    {"errorText", "#b91c1c", "#fca5a5"},
    {"warningBackground", "#fffbeb", "#45330f"},
    {"row", "#f9fafb", "#2e333b"},
    {"rowBorder", "#eceef1", "#3d434d"},
    {"rowHover", "#c7d2fe", "#6b7bd6"},
    {"rowSelected", "#eff6ff", "#1f3352"},
    {"rowSelectedBorder", "#93c5fd", "#3b82f6"},
    {"positionBackground", "#e0e7ff", "#363a80"},
    {"positionText", "#3730a3", "#e0e7ff"},
    {"ringText", "#1f2937", "#d1d5db"},
    {"errorBannerBorder", "#fecaca", "#7f2a2a"},
    {"infoBanner", "#eff6ff", "#172a4a"},
    {"infoBannerBorder", "#bfdbfe", "#2f5597"},
};

// {name} stands for the swatch of that name.
constexpr char sheet[] = R"(
#boardCanvas { background: {canvas}; }
#boardToolbar { background: {toolbar}; border-bottom: 1px solid {toolbarBorder}; }
#boardSummary { color: {quietText}; }
#groupCard, #trayCard {
    background: {card}; border: 1px solid {cardBorder}; border-radius: 10px;
}
#trayCard { background: {tray}; border: 1px dashed {trayBorder}; }
#groupCard[selected="true"] { border: 2px solid {accent}; }
#cardTitle { font-size: 12pt; font-weight: 600; color: {strongText}; }
#cardDetail { color: {detailText}; }
#cardWarning { color: {warningText}; }
#sectionCaption { color: {quietText}; font-size: 8pt; font-weight: 600; margin-top: 4px; }
#inPersonChip, #virtualChip { border-radius: 8px; padding: 1px 7px; font-size: 8pt; }
#inPersonChip { background: {inPersonBackground}; color: {inPersonText}; }
#virtualChip { background: {virtualBackground}; color: {virtualText}; }
#problemBadge { border-radius: 8px; padding: 1px 7px; font-size: 8pt; }
#problemBadge[severity="error"] { background: {errorBackground}; color: {errorText}; }
#problemBadge[severity="warning"] { background: {warningBackground}; color: {warningText}; }
#memberRow { background: {row}; border: 1px solid {rowBorder}; border-radius: 6px; }
#memberRow:hover { border-color: {rowHover}; }
#memberRow[selected="true"] { background: {rowSelected}; border-color: {rowSelectedBorder}; }
#memberRow[hasFocus="true"] { border: 2px solid {accent}; }
#positionBadge { background: {positionBackground}; color: {positionText}; border-radius: 11px; font-weight: 600; }
#memberName { font-weight: 600; color: {strongText}; }
#memberDcs { color: {quietText}; font-size: 8pt; }
#ringLines { color: {ringText}; }
#dropLine { background: {accent}; border-radius: 1px; }
#boardBanner[severity="error"] { background: {errorBackground}; border: 1px solid {errorBannerBorder}; border-radius: 6px; }
#boardBanner[severity="info"] { background: {infoBanner}; border: 1px solid {infoBannerBorder}; border-radius: 6px; }
#bannerText { color: {strongText}; }
#cardMenuButton { font-size: 13pt; padding: 0 4px; }
#cardMenuButton::menu-indicator { image: none; width: 0px; }
)";

} // namespace

QString boardStyleSheet(const QPalette& palette) {
    const bool dark = isDarkPalette(palette);
    QString text = QString::fromLatin1(sheet);
    for (const Swatch& swatch : swatches) {
        text.replace(u'{' + QLatin1String(swatch.name) + u'}',
                     QLatin1String(dark ? swatch.dark : swatch.light));
    }
    return text;
}

} // namespace balcony::gui
