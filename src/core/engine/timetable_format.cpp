#include "engine/timetable_format.h"

#include <QJsonArray>
#include <cstdlib>

namespace balcony {
namespace {

QString laOf(const TimetableBlock& block) {
    return block.session >= 0 ? block.presenter.name : QString();
}

qint64 seconds(qint64 ms) {
    // Round towards minus infinity so that a block 0.4 s over shows -1 s, not 0.
    return ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
}

// A countdown shows 15:00 until a whole second has gone, so remaining time rounds up.
qint64 countdownSeconds(qint64 ms) {
    return ms >= 0 ? (ms + 999) / 1000 : -(-ms / 1000);
}

QString localClock(const DayPlan& plan, const QDateTime& utc) {
    return utc.isValid() ? utc.toTimeZone(plan.zone).toString(QStringLiteral("HH:mm")) : QString();
}

} // namespace

QString durationText(qint64 ms, bool countdown) {
    const qint64 s = std::llabs(countdown ? countdownSeconds(ms) : seconds(ms));
    const QString sign = ms < 0 && s > 0 ? QStringLiteral("-") : QString();
    if (s >= 3600) {
        return sign + QStringLiteral("%1:%2:%3")
                          .arg(s / 3600)
                          .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
                          .arg(s % 60, 2, 10, QLatin1Char('0'));
    }
    return sign + QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString timetableTsv(const Timetable& timetable) {
    QString out = QStringLiteral("start\tend\tblock\tla\n");
    for (const auto& b : timetable.blocks) {
        out += clockText(b.startMinute) + u'\t' + clockText(b.endMinute) + u'\t' + toKey(b.kind) + u'\t' +
               laOf(b) + u'\n';
    }
    return out;
}

QString timetableText(const Timetable& timetable) {
    QString out = QStringLiteral("%1, from %2 to %3\n\n")
                      .arg(timetable.templateName, clockText(timetable.startMinute()),
                           clockText(timetable.endMinute()));
    for (const auto& b : timetable.blocks) {
        QString who;
        if (b.session >= 0) {
            who = b.presenter.name;
            if (b.kind == BlockKind::Questions && !b.leadReviewer.name.isEmpty()) {
                who += QStringLiteral(" (lead reviewer: %1)").arg(b.leadReviewer.name);
            }
        }
        const QString pinned = b.pinnedAt.isValid() ? QStringLiteral(" [pinned]") : QString();
        out += QStringLiteral("%1  %2-%3  %4  %5%6%7\n")
                   .arg(b.index, 2)
                   .arg(clockText(b.startMinute), clockText(b.endMinute))
                   .arg(QStringLiteral("%1 min").arg(b.minutes), 7)
                   .arg(b.title)
                   .arg(who.isEmpty() ? QString() : QStringLiteral(": ") + who)
                   .arg(pinned);
    }
    for (const auto& w : timetable.warnings) {
        out += QStringLiteral("\nWarning: ") + w;
    }
    if (!timetable.warnings.isEmpty()) {
        out += u'\n';
    }
    return out;
}

QJsonObject timetableJson(const Timetable& timetable) {
    QJsonArray blocks;
    for (const auto& b : timetable.blocks) {
        QJsonObject o{{QStringLiteral("index"), b.index},
                      {QStringLiteral("block"), toKey(b.kind)},
                      {QStringLiteral("title"), b.title},
                      {QStringLiteral("start"), clockText(b.startMinute)},
                      {QStringLiteral("end"), clockText(b.endMinute)},
                      {QStringLiteral("minutes"), b.minutes},
                      {QStringLiteral("speaker"), toKey(b.speaker)},
                      {QStringLiteral("guidance"), b.guidance},
                      {QStringLiteral("la"), laOf(b)},
                      {QStringLiteral("lead_reviewer"), b.session >= 0 ? b.leadReviewer.name : QString()}};
        if (b.pinnedAt.isValid()) {
            o.insert(QStringLiteral("pinned_at"), b.pinnedAt.toString(QStringLiteral("HH:mm")));
        }
        if (!b.askers.empty() && b.kind == BlockKind::Questions) {
            QJsonArray askers;
            for (const auto& a : b.askers) {
                askers.append(a.name);
            }
            o.insert(QStringLiteral("questioning_order"), askers);
        }
        blocks.append(o);
    }
    return {{QStringLiteral("template"), timetable.templateId},
            {QStringLiteral("start"), clockText(timetable.startMinute())},
            {QStringLiteral("end"), clockText(timetable.endMinute())},
            {QStringLiteral("blocks"), blocks},
            {QStringLiteral("warnings"), QJsonArray::fromStringList(timetable.warnings)}};
}

QJsonObject dayStateJson(const DayPlan& plan, const DayState& state) {
    QJsonObject o;
    const auto& blocks = plan.timetable.blocks;
    o.insert(QStringLiteral("status"), toKey(state.status));
    o.insert(QStringLiteral("paused"), state.status == DayStatus::Paused);
    o.insert(QStringLiteral("now_utc"), state.now.toString(Qt::ISODate));
    if (!blocks.empty()) {
        const auto& b = blocks[static_cast<size_t>(state.blockIndex)];
        o.insert(QStringLiteral("block_index"), state.blockIndex);
        o.insert(QStringLiteral("block"), toKey(b.kind));
        o.insert(QStringLiteral("title"), b.title);
        o.insert(QStringLiteral("la"), laOf(b));
        o.insert(QStringLiteral("planned_minutes"), state.current().plannedMinutes);
    }
    o.insert(QStringLiteral("elapsed_s"), seconds(state.elapsedMs));
    o.insert(QStringLiteral("remaining_s"), countdownSeconds(state.remainingMs));
    o.insert(QStringLiteral("late_s"), seconds(state.lateMs));
    o.insert(QStringLiteral("behind_s"), seconds(state.behindMs));
    o.insert(QStringLiteral("planned_start"), localClock(plan, state.plannedStart));
    o.insert(QStringLiteral("planned_end"), localClock(plan, state.plannedEnd));
    o.insert(QStringLiteral("projected_end"), localClock(plan, state.projectedEnd));
    o.insert(QStringLiteral("projected_end_utc"), state.projectedEnd.toString(Qt::ISODate));
    if (state.actualStart.isValid()) {
        o.insert(QStringLiteral("started_utc"), state.actualStart.toString(Qt::ISODate));
    }
    if (state.blockSince.isValid()) {
        o.insert(QStringLiteral("block_since_utc"), state.blockSince.toString(Qt::ISODate));
    }
    if (state.actualEnd.isValid()) {
        o.insert(QStringLiteral("finished_utc"), state.actualEnd.toString(Qt::ISODate));
    }
    o.insert(QStringLiteral("discarded_runs"), state.discardedRuns);
    if (const TeamTurn* turn = state.currentTurn()) {
        o.insert(QStringLiteral("turn"), turn->team.name);
        QJsonArray turns;
        for (const auto& t : state.current().turns) {
            turns.append(QJsonObject{{QStringLiteral("la"), t.team.name},
                                     {QStringLiteral("asked_s"), seconds(t.askedMs)},
                                     {QStringLiteral("share_s"), seconds(t.shareMs)}});
        }
        o.insert(QStringLiteral("turns"), turns);
    }
    if (!state.blocks.empty()) {
        const TalkSplit& talk = state.current().talk;
        o.insert(QStringLiteral("talker"), toKey(state.talker));
        o.insert(QStringLiteral("talk"),
                 QJsonObject{{QStringLiteral("presenting_s"), seconds(talk.presentingMs)},
                             {QStringLiteral("visiting_s"), seconds(talk.visitingMs)},
                             {QStringLiteral("presenting_share"), talk.presentingShare()},
                             {QStringLiteral("meets_guidance"), talk.meetsGuidance()}});
    }
    return o;
}

} // namespace balcony
