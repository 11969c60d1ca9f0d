#include "console/day_strip.h"

#include "console/countdown_face.h"

#include <QEvent>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>

namespace balcony::gui {

namespace {

QString minuteText(int minuteOfDay) {
    return QTime(0, 0).addSecs(minuteOfDay * 60).toString(QStringLiteral("HH:mm"));
}

QString hhmm(const QDateTime& utc, const QTimeZone& zone) {
    return utc.isValid() ? utc.toTimeZone(zone).toString(QStringLiteral("HH:mm")) : QString();
}

QString blockName(const TimetableBlock& block) {
    return block.presenter.authorityId != 0 && !block.title.contains(block.presenter.name)
               ? DayStrip::tr("%1, %2").arg(block.title, block.presenter.name)
               : block.title;
}

} // namespace

DayStripLayout dayStripSegments(const Timetable& timetable, const DayState& state, const QTimeZone& zone,
                                int width) {
    DayStripLayout layout;
    const size_t count = std::min(timetable.blocks.size(), state.blocks.size());
    if (count == 0) {
        return layout;
    }
    width = std::max(width, 1);
    const bool started = state.status != DayStatus::NotStarted;
    const bool live = state.status == DayStatus::Running || state.status == DayStatus::Paused;

    // Each block's length in ms on the strip's scale.
    std::vector<qint64> lengths(count);
    for (size_t i = 0; i < count; ++i) {
        const BlockRecord& record = state.blocks[i];
        const qint64 planned = qint64{record.plannedMinutes} * 60000;
        const int index = static_cast<int>(i);
        if (!started) {
            lengths[i] = qint64{timetable.blocks[i].minutes} * 60000;
        } else if (index < state.blockIndex ||
                   (state.status == DayStatus::Finished && index == state.blockIndex)) {
            lengths[i] = record.activeMs;
        } else if (index == state.blockIndex) {
            lengths[i] = std::max(planned, record.activeMs);
        } else {
            lengths[i] = planned;
        }
    }
    qint64 total = 0;
    for (qint64 length : lengths) {
        total += length;
    }
    total = std::max<qint64>(total, 1);

    qint64 before = 0;
    for (size_t i = 0; i < count; ++i) {
        const TimetableBlock& block = timetable.blocks[i];
        const BlockRecord& record = state.blocks[i];
        const int index = static_cast<int>(i);
        DayStripSegment segment;
        segment.blockIndex = block.index;
        segment.x = static_cast<int>(before * width / total);
        before += lengths[i];
        segment.width = static_cast<int>(before * width / total) - segment.x;
        if (started && (index < state.blockIndex || (!live && index == state.blockIndex))) {
            segment.kind = DayStripSegment::Kind::Done;
        } else if (live && index == state.blockIndex) {
            segment.kind = DayStripSegment::Kind::Current;
        }
        segment.isBreak = balcony::isBreak(block.kind);
        segment.label = block.title;
        segment.toolTip =
            DayStrip::tr("%1\nPlanned %2 to %3 (%4 min)")
                .arg(blockName(block), minuteText(block.startMinute), minuteText(block.endMinute))
                .arg(block.minutes);
        if (record.plannedMinutes != block.minutes && segment.kind != DayStripSegment::Kind::Done) {
            segment.toolTip += DayStrip::tr("\nNow planned for %1 min").arg(record.plannedMinutes);
        }
        if (record.actualStart.isValid()) {
            segment.toolTip += record.actualEnd.isValid()
                                   ? DayStrip::tr("\nRan %1 to %2 (%3 min)")
                                         .arg(hhmm(record.actualStart, zone), hhmm(record.actualEnd, zone))
                                         .arg((record.activeMs + 30000) / 60000)
                                   : DayStrip::tr("\nBegan %1").arg(hhmm(record.actualStart, zone));
        }
        if (live && index == state.blockIndex) {
            layout.nowX = segment.x + static_cast<int>(record.activeMs * width / total);
            layout.nowX = std::clamp(layout.nowX, 0, width - 1);
        }
        layout.segments.push_back(segment);
    }

    // The words: where we are, against the plan, and the finish (as the countdown's face words it).
    const CountdownFace face = countdownFace(state, zone);
    const QString plannedFinish = hhmm(state.plannedEnd, zone).isEmpty() ? minuteText(timetable.endMinute())
                                                                         : hhmm(state.plannedEnd, zone);
    if (!started) {
        layout.description = DayStrip::tr("The day has not started: %1 blocks, planned from %2 to %3.")
                                 .arg(count)
                                 .arg(minuteText(timetable.startMinute()), minuteText(timetable.endMinute()));
    } else if (!live) {
        layout.description = DayStrip::tr("The day is over: %1 blocks, finished at %2, planned for %3.")
                                 .arg(count)
                                 .arg(face.projectedFinish, plannedFinish);
    } else {
        // Which block the plan says we would be in now, against the one we are in.
        int planIndex = 0;
        if (state.plannedStart.isValid()) {
            for (size_t i = 0; i < count; ++i) {
                const qint64 offsetMs =
                    qint64{timetable.blocks[i].startMinute - timetable.startMinute()} * 60000;
                if (state.plannedStart.addMSecs(offsetMs) <= state.now) {
                    planIndex = static_cast<int>(i);
                }
            }
        }
        const int blocksBehind = planIndex - state.blockIndex;
        QString against;
        if (blocksBehind > 0) {
            against = blocksBehind == 1 ? DayStrip::tr("1 block behind plan")
                                        : DayStrip::tr("%1 blocks behind plan").arg(blocksBehind);
        } else if (blocksBehind < 0) {
            against = blocksBehind == -1 ? DayStrip::tr("1 block ahead of plan")
                                         : DayStrip::tr("%1 blocks ahead of plan").arg(-blocksBehind);
        } else {
            against = DayStrip::tr("in the planned block");
        }
        layout.description =
            DayStrip::tr("Block %1 of %2, %3%4; %5. Finish planned %6, expected %7 (%8).")
                .arg(state.blockIndex + 1)
                .arg(count)
                .arg(blockName(timetable.blocks[static_cast<size_t>(state.blockIndex)]),
                     state.status == DayStatus::Paused ? DayStrip::tr(", paused") : QString(), against,
                     plannedFinish, face.projectedFinish, face.aheadBehind.toLower());
    }
    return layout;
}

DayStrip::DayStrip(QWidget* parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("consoleDayStrip"));
    setAccessibleName(tr("The day at a glance"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAttribute(Qt::WA_OpaquePaintEvent, false);
}

void DayStrip::showDay(const Timetable& timetable, const DayState& state, const QTimeZone& zone) {
    m_timetable = timetable;
    m_state = state;
    m_zone = zone;
    relayout();
}

QSize DayStrip::sizeHint() const {
    return {400, fontMetrics().height() + 14};
}

QSize DayStrip::minimumSizeHint() const {
    return {120, fontMetrics().height() + 14};
}

void DayStrip::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    relayout();
}

void DayStrip::relayout() {
    m_layout = dayStripSegments(m_timetable, m_state, m_zone, std::max(width() - 2, 1));
    if (accessibleDescription() != m_layout.description) {
        setAccessibleDescription(m_layout.description);
        setToolTip(m_layout.description);
    }
    update();
}

bool DayStrip::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        for (const DayStripSegment& segment : m_layout.segments) {
            if (help->pos().x() >= segment.x + 1 && help->pos().x() < segment.x + 1 + segment.width) {
                QToolTip::showText(help->globalPos(), segment.toolTip, this,
                                   QRect(segment.x + 1, 0, segment.width, height()));
                return true;
            }
        }
        QToolTip::showText(help->globalPos(), m_layout.description, this);
        return true;
    }
    return QWidget::event(event);
}

void DayStrip::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    const QPalette& pal = palette();
    const int top = 4;
    const int barHeight = height() - 8;
    for (const DayStripSegment& segment : m_layout.segments) {
        if (segment.width <= 0) {
            continue;
        }
        const QRect rect(segment.x + 1, top, segment.width, barHeight);
        QColor fill = pal.color(QPalette::Base);
        Qt::BrushStyle pattern = Qt::NoBrush;
        switch (segment.kind) {
        case DayStripSegment::Kind::Done:
            fill = pal.color(QPalette::Mid);
            pattern = Qt::BDiagPattern; // done reads as hatched without colour
            break;
        case DayStripSegment::Kind::Current:
            fill = pal.color(QPalette::Highlight).lighter(150);
            break;
        case DayStripSegment::Kind::ToCome:
            fill = pal.color(QPalette::Base);
            break;
        }
        if (segment.isBreak && segment.kind != DayStripSegment::Kind::Done) {
            fill = pal.color(QPalette::AlternateBase);
            pattern = Qt::Dense7Pattern; // breaks dotted, the calmer tone
        }
        painter.fillRect(rect, fill);
        if (pattern != Qt::NoBrush) {
            painter.fillRect(rect, QBrush(pal.color(QPalette::Dark), pattern));
        }
        const bool current = segment.kind == DayStripSegment::Kind::Current;
        painter.setPen(QPen(pal.color(current ? QPalette::Highlight : QPalette::Mid), current ? 3 : 1));
        painter.drawRect(current ? rect.adjusted(1, 1, -2, -2) : rect.adjusted(0, 0, -1, -1));
        const QRect textRect = rect.adjusted(4, 0, -4, 0);
        const QString text = fontMetrics().elidedText(segment.label, Qt::ElideRight, textRect.width());
        if (textRect.width() > fontMetrics().horizontalAdvance(QStringLiteral("Wor")) && !text.isEmpty()) {
            QFont font = painter.font();
            font.setBold(current);
            painter.setFont(font);
            painter.setPen(pal.color(QPalette::Text));
            painter.drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft, text);
        }
    }
    if (m_layout.nowX >= 0) {
        const int x = m_layout.nowX + 1;
        painter.setPen(QPen(pal.color(QPalette::WindowText), 2));
        painter.drawLine(x, 0, x, height());
        painter.setBrush(pal.color(QPalette::WindowText));
        painter.drawPolygon(QPolygon({QPoint(x - 4, 0), QPoint(x + 4, 0), QPoint(x, 5)}));
    }
}

} // namespace balcony::gui
