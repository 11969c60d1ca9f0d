#include "console/countdown_face.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace balcony::gui {

qint64 shownSecondsFor(qint64 remainingMs) {
    return remainingMs > 0 ? (remainingMs + 999) / 1000 : -((-remainingMs) / 1000);
}

QString countdownText(qint64 shownSeconds) {
    const qint64 s = shownSeconds < 0 ? -shownSeconds : shownSeconds;
    const QString sign = shownSeconds < 0 ? QStringLiteral("+") : QString();
    const auto two = [](qint64 n) { return QStringLiteral("%1").arg(n, 2, 10, QLatin1Char('0')); };
    if (s >= 3600) {
        return sign + QString::number(s / 3600) + QLatin1Char(':') + two(s / 60 % 60) + QLatin1Char(':') +
               two(s % 60);
    }
    return sign + two(s / 60) + QLatin1Char(':') + two(s % 60);
}

QString wallClockNotice(qint64 offsetMs) {
    if (offsetMs == 0) {
        return {};
    }
    const qint64 minutes = std::max<qint64>(1, (std::llabs(offsetMs) + 30 * 1000) / (60 * 1000));
    return QStringLiteral("The computer's clock was changed by %1 %2; Balcony keeps the day's time.")
        .arg(minutes)
        .arg(minutes == 1 ? QStringLiteral("minute") : QStringLiteral("minutes"));
}

QString aheadBehindText(qint64 behindMs) {
    const qint64 minutes = std::llround(static_cast<double>(behindMs) / 60000.0);
    if (minutes == 0) {
        return QStringLiteral("On time");
    }
    const qint64 m = std::llabs(minutes);
    const QString amount =
        m >= 60 ? QStringLiteral("%1 h %2 min").arg(m / 60).arg(m % 60, 2, 10, QLatin1Char('0'))
                : QStringLiteral("%1 min").arg(m);
    return minutes > 0 ? QStringLiteral("%1 behind").arg(amount) : QStringLiteral("%1 ahead").arg(amount);
}

qint64 msUntilShownSecondChanges(const DayState& state) {
    if (state.status != DayStatus::Running || state.blocks.empty()) {
        return -1;
    }
    // The shown second s holds while remaining is in ((s-1)*1000, s*1000]; it turns at (s-1)*1000.
    const qint64 s = shownSecondsFor(state.remainingMs);
    return state.remainingMs - (s - 1) * 1000;
}

CountdownFace countdownFace(const DayState& state, const QTimeZone& zone) {
    CountdownFace face;
    face.status = state.status;
    face.blockIndex = state.blockIndex;
    face.shownSeconds = shownSecondsFor(state.remainingMs);
    face.text = countdownText(face.shownSeconds);
    face.overrun = face.shownSeconds < 0;
    face.projectedFinish = state.projectedEnd.isValid()
                               ? state.projectedEnd.toTimeZone(zone).toString(QStringLiteral("HH:mm"))
                               : QString();
    face.aheadBehind = aheadBehindText(state.behindMs);

    switch (state.status) {
    case DayStatus::NotStarted:
        face.role = CountdownRole::NotStarted;
        face.caption = QStringLiteral("Not started");
        break;
    case DayStatus::Paused:
        face.role = CountdownRole::Paused;
        face.caption = QStringLiteral("Paused");
        break;
    case DayStatus::Finished:
        face.role = CountdownRole::Finished;
        face.caption = QStringLiteral("Day finished");
        break;
    case DayStatus::Running:
        if (face.shownSeconds <= 0) {
            face.role = CountdownRole::Overrun;
            face.caption = QStringLiteral("Over time");
            face.flash = face.shownSeconds > -flashSeconds;
        } else if (face.shownSeconds <= twoMinuteSignalSeconds) {
            face.role = CountdownRole::TwoMinutes;
            face.flash = face.shownSeconds > twoMinuteSignalSeconds - flashSeconds;
        } else {
            face.role = CountdownRole::Normal;
        }
        break;
    }
    return face;
}

CountdownSignal signalBetween(const CountdownFace& before, const CountdownFace& after) {
    if (after.status != DayStatus::Running || before.status == DayStatus::NotStarted ||
        before.status == DayStatus::Finished || before.blockIndex != after.blockIndex) {
        return CountdownSignal::None;
    }
    if (before.shownSeconds > 0 && after.shownSeconds <= 0) {
        return CountdownSignal::End;
    }
    if (before.shownSeconds > twoMinuteSignalSeconds && after.shownSeconds <= twoMinuteSignalSeconds) {
        return CountdownSignal::TwoMinutes;
    }
    return CountdownSignal::None;
}

QString turnBudgetText(const TeamTurn& turn) {
    QString text =
        QStringLiteral("%1 %2 of %3")
            .arg(turn.team.name, countdownText(turn.askedMs / 1000), countdownText(turn.shareMs / 1000));
    if (turn.askedMs > turn.shareMs) {
        text += QStringLiteral(" (%1 over)").arg(countdownText((turn.askedMs - turn.shareMs) / 1000));
    }
    return text;
}

QString talkTallyText(const TalkSplit& talk) {
    if (talk.presentingMs + talk.visitingMs == 0) {
        return QStringLiteral("Nothing tapped yet");
    }
    const int presenting = qRound(talk.presentingShare() * 100);
    return QStringLiteral("Presenting team %1%, visiting teams %2%: %3")
        .arg(presenting)
        .arg(100 - presenting)
        .arg(talk.meetsGuidance() ? QStringLiteral("meets the 80% guidance")
                                  : QStringLiteral("below the 80% guidance"));
}

} // namespace balcony::gui
