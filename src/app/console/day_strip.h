#pragma once

#include "engine/day_state.h"

#include <QString>
#include <QTimeZone>
#include <QWidget>
#include <vector>

namespace balcony::gui {

// One block of the day as the strip draws it. x and width in pixels from the strip's left edge.
struct DayStripSegment {
    enum class Kind { Done, Current, ToCome };
    int blockIndex = 0;
    int x = 0;
    int width = 0;
    Kind kind = Kind::ToCome;
    bool isBreak = false; // lunch, tea and breaks: drawn in a calmer tone
    QString label;        // the block's title
    QString toolTip;      // title, planned times and, once run, actual times
};

struct DayStripLayout {
    std::vector<DayStripSegment> segments; // in running order, end to end, filling the width
    int nowX = -1;                         // the "now" marker; -1 before the start and after the finish
    QString description;                   // the same in words, for a screen reader
};

// The strip's geometry and words, from the day's state and the planned timetable alone (no pixels,
// no clock). Each block is as long as its time: blocks done as long as they ran (DayState's activeMs,
// pauses excluded), the current block as its current plan or as long as it has run when over, blocks
// to come as their current plan (BlockRecord::plannedMinutes: extensions and accepted catch-ups
// included). Before the start every block has its planned length. Times are shown in zone. Width in
// pixels (at least 1); the last segment ends exactly at width. The timetable and the state must be
// of the same plan (one BlockRecord per block).
DayStripLayout dayStripSegments(const Timetable& timetable, const DayState& state, const QTimeZone& zone,
                                int width);

// The facilitator's compact day at a glance, always in view under the countdown: every block in
// order, the current one outlined thick with a "now" marker, blocks done hatched, breaks dotted, so
// that it reads without colour. Observes nothing itself: the console hands it each new state.
class DayStrip final : public QWidget {
    Q_OBJECT

public:
    explicit DayStrip(QWidget* parent = nullptr);

    // The day to draw; an empty timetable clears the strip.
    void showDay(const Timetable& timetable, const DayState& state, const QTimeZone& zone);
    const DayStripLayout& stripLayout() const { return m_layout; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    bool event(QEvent* event) override;

private:
    void relayout();

    Timetable m_timetable;
    DayState m_state;
    QTimeZone m_zone;
    DayStripLayout m_layout;
};

} // namespace balcony::gui
