#include "board/board_style.h"

namespace balcony::gui {

QString boardStyleSheet() {
    return QStringLiteral(R"(
#boardCanvas { background: #f3f4f6; }
#boardToolbar { background: #ffffff; border-bottom: 1px solid #e5e7eb; }
#boardSummary { color: #6b7280; }
#groupCard, #trayCard {
    background: #ffffff; border: 1px solid #e0e3e8; border-radius: 10px;
}
#trayCard { background: #fafafa; border: 1px dashed #c7cbd1; }
#groupCard[selected="true"] { border: 2px solid #2563eb; }
#cardTitle { font-size: 12pt; font-weight: 600; color: #111827; }
#cardDetail { color: #4b5563; }
#cardWarning { color: #b45309; }
#sectionCaption { color: #6b7280; font-size: 8pt; font-weight: 600; margin-top: 4px; }
#inPersonChip, #virtualChip { border-radius: 8px; padding: 1px 7px; font-size: 8pt; }
#inPersonChip { background: #ecfdf5; color: #047857; }
#virtualChip { background: #eef2ff; color: #4338ca; }
#problemBadge { border-radius: 8px; padding: 1px 7px; font-size: 8pt; }
#problemBadge[severity="error"] { background: #fef2f2; color: #b91c1c; }
#problemBadge[severity="warning"] { background: #fffbeb; color: #b45309; }
#memberRow { background: #f9fafb; border: 1px solid #eceef1; border-radius: 6px; }
#memberRow:hover { border-color: #c7d2fe; }
#memberRow[selected="true"] { background: #eff6ff; border-color: #93c5fd; }
#memberRow[hasFocus="true"] { border: 2px solid #2563eb; }
#positionBadge { background: #e0e7ff; color: #3730a3; border-radius: 11px; font-weight: 600; }
#memberName { font-weight: 600; color: #111827; }
#memberDcs { color: #6b7280; font-size: 8pt; }
#ringLines { color: #1f2937; }
#dropLine { background: #2563eb; border-radius: 1px; }
#boardBanner[severity="error"] { background: #fef2f2; border: 1px solid #fecaca; border-radius: 6px; }
#boardBanner[severity="info"] { background: #eff6ff; border: 1px solid #bfdbfe; border-radius: 6px; }
#bannerText { color: #111827; }
#cardMenuButton { font-size: 13pt; padding: 0 4px; }
#cardMenuButton::menu-indicator { image: none; width: 0px; }
)");
}

} // namespace balcony::gui
