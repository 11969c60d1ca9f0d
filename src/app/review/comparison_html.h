#pragma once

#include "notes/note_diff.h"

#include <QString>
#include <vector>

namespace balcony::gui {

// A word-by-word comparison as rich text for a QTextBrowser: added words in green and underlined,
// removed words in red and struck through, the rest plain; the Markdown is shown as written, line
// breaks kept. Underline and strikethrough carry the meaning without colour (for colour-blind
// readers and for print). The first change carries the anchor firstChangeAnchor, so that a view can
// scroll to it. Pure.
inline constexpr char firstChangeAnchor[] = "first-change";
QString comparisonHtml(const std::vector<DiffSpan>& spans);

// The two revisions compared, with who made each, when (UTC) and where it came from, and a key to
// the marks. Pure.
QString comparisonHeaderHtml(const RevisionComparison& comparison);

} // namespace balcony::gui
