#include "engine/day_state.h"

#include <QLocale>
#include <algorithm>
#include <utility>

namespace balcony {
namespace {

constexpr qint64 minuteMs = 60 * 1000;

// "Tuesday 7 February 2023": how a facilitator says a date, whatever the computer's language.
QString longDate(const QDate& date) {
    return QLocale(QLocale::English, QLocale::UnitedKingdom)
        .toString(date, QStringLiteral("dddd d MMMM yyyy"));
}

QDate planDate(const DayPlan& plan, const DayState& state) {
    const QDateTime anchor = state.actualStart.isValid() ? state.actualStart : state.now;
    return anchor.toTimeZone(plan.zone).date();
}

void initialise(const DayPlan& plan, DayState& s) {
    s.blocks.clear();
    for (const auto& b : plan.timetable.blocks) {
        BlockRecord record;
        record.plannedMinutes = b.minutes;
        if (b.kind == BlockKind::Questions) {
            for (const auto& team : b.askers) {
                record.turns.push_back(TeamTurn{team, 0, 0});
            }
        }
        s.blocks.push_back(std::move(record));
    }
}

bool isMove(DayEvent::Kind kind) {
    return kind == DayEvent::Kind::Started || kind == DayEvent::Kind::Next || kind == DayEvent::Kind::Back ||
           kind == DayEvent::Kind::Jumped;
}

// The move into the block current after log[0..end), and the move before it: indexes into the log,
// -1 when there is none since the last discard.
std::pair<int, int> lastMoves(const std::vector<DayEvent>& log, int end) {
    int last = -1;
    for (int i = end - 1; i >= 0; --i) {
        const DayEvent::Kind kind = log[static_cast<size_t>(i)].kind;
        if (kind == DayEvent::Kind::Discarded) {
            break;
        }
        if (isMove(kind)) {
            if (last >= 0) {
                return {last, i};
            }
            last = i;
        }
    }
    return {last, -1};
}

// The time at which each event is replayed. Each counts no earlier than the one before it (a wall
// clock set back); then each block start correction moves the move it corrects back to its time,
// and what was recorded between that time and the move (a tap, a turn) to that time too, never
// before the move before it, so the times stay in order.
std::vector<QDateTime> replayTimes(const std::vector<DayEvent>& log) {
    std::vector<QDateTime> times;
    times.reserve(log.size());
    for (const auto& e : log) {
        const QDateTime at = e.atUtc.toUTC();
        times.push_back(times.empty() ? at : std::max(times.back(), at));
    }
    for (int k = 0; k < static_cast<int>(log.size()); ++k) {
        const DayEvent& e = log[static_cast<size_t>(k)];
        if (e.kind != DayEvent::Kind::BlockStartCorrected || !e.startedUtc.isValid()) {
            continue;
        }
        const auto [move, before] = lastMoves(log, k);
        if (move < 0 || before < 0 || log[static_cast<size_t>(move)].kind == DayEvent::Kind::Started) {
            continue;
        }
        const QDateTime at = std::max(e.startedUtc.toUTC(), times[static_cast<size_t>(before)]);
        if (at >= times[static_cast<size_t>(move)]) {
            continue;
        }
        for (int i = before + 1; i <= move; ++i) {
            times[static_cast<size_t>(i)] = std::min(times[static_cast<size_t>(i)], at);
        }
    }
    return times;
}

QString clockIn(const DayPlan& plan, const QDateTime& utc) {
    return utc.toTimeZone(plan.zone).toString(QStringLiteral("HH:mm"));
}

// Replays events one by one; advance() books running time to the current block, turn and talker.
class Replay {
public:
    Replay(const DayPlan& plan, DayState& state)
        : m_plan(plan)
        , m_s(state) {}

    void advance(const QDateTime& to) {
        if (m_mark.isValid() && m_s.status == DayStatus::Running) {
            const qint64 ms = std::max<qint64>(0, m_mark.msecsTo(to));
            auto& block = current();
            block.activeMs += ms;
            if (!block.turns.empty()) {
                block.turns[static_cast<size_t>(block.turn)].askedMs += ms;
            }
            if (m_s.talker == DayEvent::Talker::Presenting) {
                block.talk.presentingMs += ms;
            } else if (m_s.talker == DayEvent::Talker::Visiting) {
                block.talk.visitingMs += ms;
            }
        }
        m_mark = to;
    }

    void apply(const DayEvent& e, const QDateTime& at) {
        if (!checkTransition(m_plan, m_s, e)) {
            return;
        }
        switch (e.kind) {
        case DayEvent::Kind::Discarded: {
            // Judged by checkDiscard() when it was recorded; on replay it always applies, so that a
            // later change to the group's date cannot bring a discarded run back.
            DayState fresh;
            initialise(m_plan, fresh);
            fresh.now = m_s.now;
            fresh.discardedRuns = m_s.discardedRuns + 1;
            m_s = std::move(fresh);
            break;
        }
        case DayEvent::Kind::Started:
            m_s.status = DayStatus::Running;
            m_s.actualStart = at;
            enter(0, at);
            break;
        case DayEvent::Kind::Paused:
            m_s.status = DayStatus::Paused;
            break;
        case DayEvent::Kind::Resumed:
            m_s.status = DayStatus::Running;
            break;
        case DayEvent::Kind::Extended:
            current().plannedMinutes += e.minutes;
            break;
        case DayEvent::Kind::Next:
            leave(at);
            enter(m_s.blockIndex + 1, at);
            break;
        case DayEvent::Kind::Back:
            leave(at);
            enter(m_s.blockIndex - 1, at);
            break;
        case DayEvent::Kind::Jumped:
            leave(at);
            enter(e.block, at);
            break;
        case DayEvent::Kind::Finished:
            leave(at);
            m_s.status = DayStatus::Finished;
            m_s.actualEnd = at;
            break;
        case DayEvent::Kind::CatchUpAccepted:
            for (const auto& [index, minutes] : e.durations) {
                m_s.blocks[static_cast<size_t>(index)].plannedMinutes = minutes;
            }
            break;
        case DayEvent::Kind::NextTurn: {
            auto& block = current();
            block.turn = (block.turn + 1) % static_cast<int>(block.turns.size());
            break;
        }
        case DayEvent::Kind::SpeakerChanged:
            m_s.talker = e.talker;
            break;
        case DayEvent::Kind::BlockStartCorrected:
            break; // already in the move's time (replayTimes)
        }
    }

private:
    BlockRecord& current() { return m_s.blocks[static_cast<size_t>(m_s.blockIndex)]; }

    void leave(const QDateTime& at) { current().actualEnd = at; }

    void enter(int index, const QDateTime& at) {
        m_s.blockIndex = index;
        auto& block = current();
        if (!block.actualStart.isValid()) {
            block.actualStart = at;
        }
        block.actualEnd = QDateTime();
        m_s.blockSince = at;
        m_s.talker = DayEvent::Talker::Nobody;
    }

    const DayPlan& m_plan;
    DayState& m_s;
    QDateTime m_mark;
};

void project(const DayPlan& plan, DayState& s) {
    const auto& blocks = plan.timetable.blocks;
    s.plannedStart = planInstant(plan, s, plan.timetable.startMinute());
    s.plannedEnd = planInstant(plan, s, plan.timetable.endMinute());
    if (blocks.empty()) {
        s.projectedEnd = s.plannedEnd;
        return;
    }
    if (s.status == DayStatus::Finished) {
        s.projectedEnd = s.actualEnd;
        s.behindMs = s.plannedEnd.msecsTo(s.actualEnd);
        s.lateMs = s.behindMs;
        return;
    }
    const auto& block = blocks[static_cast<size_t>(s.blockIndex)];
    QDateTime t;
    int first = s.blockIndex;
    if (s.status == DayStatus::NotStarted) {
        t = std::max(s.now, s.plannedStart);
        s.lateMs = s.plannedStart.msecsTo(s.now);
    } else {
        t = s.now.addMSecs(std::max<qint64>(0, s.remainingMs));
        first = s.blockIndex + 1;
        const QDateTime position =
            planInstant(plan, s, block.startMinute).addMSecs(std::min(s.elapsedMs, block.minutes * minuteMs));
        s.lateMs = position.msecsTo(s.now);
    }
    for (int i = first; i < static_cast<int>(blocks.size()); ++i) {
        const auto& b = blocks[static_cast<size_t>(i)];
        if (b.pinnedAt.isValid()) {
            t = std::max(t, planInstant(plan, s, b.pinnedAt.hour() * 60 + b.pinnedAt.minute()));
        }
        t = t.addMSecs(s.blocks[static_cast<size_t>(i)].plannedMinutes * minuteMs);
    }
    s.projectedEnd = t;
    s.behindMs = s.plannedEnd.msecsTo(t);
}

} // namespace

QString toKey(DayStatus status) {
    switch (status) {
    case DayStatus::NotStarted:
        return QStringLiteral("not_started");
    case DayStatus::Running:
        return QStringLiteral("running");
    case DayStatus::Paused:
        return QStringLiteral("paused");
    case DayStatus::Finished:
        return QStringLiteral("finished");
    }
    return {};
}

double TalkSplit::presentingShare() const {
    const qint64 total = presentingMs + visitingMs;
    return total == 0 ? 1.0 : static_cast<double>(presentingMs) / static_cast<double>(total);
}

const TeamTurn* DayState::currentTurn() const {
    if (status == DayStatus::NotStarted || blocks.empty() || current().turns.empty()) {
        return nullptr;
    }
    return &current().turns[static_cast<size_t>(current().turn)];
}

QTimeZone groupDayZone() {
    static const QTimeZone london(QByteArrayLiteral("Europe/London"));
    return london.isValid() ? london : QTimeZone::systemTimeZone();
}

Status checkStartDate(const DayPlan& plan, const QDateTime& atUtc) {
    if (!plan.date.isValid()) {
        return {};
    }
    const QDate today = atUtc.toTimeZone(groupDayZone()).date();
    if (today == plan.date) {
        return {};
    }
    return failure(Error::Kind::InvalidInput,
                   QStringLiteral("The group meets on %1, and today is %2 (UK time): a day started now "
                                  "would be timed from today, not from the group's day.")
                       .arg(longDate(plan.date), longDate(today)));
}

Status checkDiscard(const DayPlan& plan, const DayState& s) {
    if (s.status == DayStatus::NotStarted || s.blocks.empty()) {
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("The day has not started: there is no run to discard."));
    }
    const QDate started = s.actualStart.toTimeZone(groupDayZone()).date();
    if (plan.date.isValid() && started != plan.date) {
        return {};
    }
    int furthest = 0;
    for (int i = 0; i < static_cast<int>(s.blocks.size()); ++i) {
        if (s.blocks[static_cast<size_t>(i)].actualStart.isValid()) {
            furthest = i;
        }
    }
    if (furthest == 0) {
        return {};
    }
    return failure(
        Error::Kind::InvalidInput,
        QStringLiteral("The run that started at %1 on %2 has reached %3 (block %4): once the group's day "
                       "has gone beyond its first block, its run is the record of the day and cannot be "
                       "discarded. Use back or jump to put the day where it really is.")
            .arg(s.actualStart.toTimeZone(plan.zone).toString(QStringLiteral("HH:mm")), longDate(started),
                 plan.timetable.blocks[static_cast<size_t>(furthest)].title)
            .arg(furthest));
}

QDateTime planInstant(const DayPlan& plan, const DayState& state, int minuteOfDay) {
    // A clock time on the day, not a count of minutes from midnight: on the Sundays the clocks change
    // the two differ by an hour. Minutes past 24:00 fall on the next day.
    const int days = minuteOfDay >= 0 ? minuteOfDay / (24 * 60) : -((-minuteOfDay + 24 * 60 - 1) / (24 * 60));
    const int minuteOfThatDay = minuteOfDay - days * 24 * 60;
    return QDateTime(planDate(plan, state).addDays(days), QTime(minuteOfThatDay / 60, minuteOfThatDay % 60),
                     plan.zone)
        .toUTC();
}

DayState computeDayState(const DayPlan& plan, const std::vector<DayEvent>& log, const QDateTime& now) {
    DayState s;
    initialise(plan, s);
    if (s.blocks.empty()) {
        s.now = now.toUTC();
        return s;
    }
    Replay replay(plan, s);
    const std::vector<QDateTime> times = replayTimes(log);
    QDateTime last;
    for (size_t i = 0; i < log.size(); ++i) {
        const QDateTime& at = times[i];
        s.now = at;
        replay.advance(at);
        replay.apply(log[i], at);
        last = at;
    }
    s.now = last.isValid() ? std::max(last, now.toUTC()) : now.toUTC();
    replay.advance(s.now);

    const auto& current = s.current();
    s.elapsedMs = current.activeMs;
    s.remainingMs = current.plannedMinutes * minuteMs - s.elapsedMs;
    for (auto& record : s.blocks) {
        for (auto& turn : record.turns) {
            turn.shareMs = record.plannedMinutes * minuteMs / static_cast<qint64>(record.turns.size());
        }
    }
    project(plan, s);
    return s;
}

Status checkTransition(const DayPlan& plan, const DayState& s, const DayEvent& e) {
    const auto refuse = [](const QString& why) { return failure(Error::Kind::InvalidInput, why); };
    const int count = static_cast<int>(plan.timetable.blocks.size());
    if (count == 0) {
        return refuse(QStringLiteral("The day has no blocks to run."));
    }
    const bool running = s.status == DayStatus::Running;
    const bool live = running || s.status == DayStatus::Paused;
    if (e.kind == DayEvent::Kind::Started) {
        if (s.status == DayStatus::Finished) {
            return refuse(QStringLiteral("The day has already finished; it cannot start again."));
        }
        if (s.status != DayStatus::NotStarted) {
            return refuse(QStringLiteral("The day has already started."));
        }
        return {};
    }
    if (e.kind == DayEvent::Kind::Discarded) {
        if (s.status == DayStatus::NotStarted) {
            return refuse(QStringLiteral("The day has not started: there is no run to discard."));
        }
        return {};
    }
    if (s.status == DayStatus::NotStarted) {
        return refuse(QStringLiteral("The day has not started yet: start it first."));
    }
    if (s.status == DayStatus::Finished) {
        return refuse(QStringLiteral("The day has finished; nothing more can be recorded."));
    }
    const bool moves = e.kind == DayEvent::Kind::Next || e.kind == DayEvent::Kind::Back ||
                       e.kind == DayEvent::Kind::Jumped || e.kind == DayEvent::Kind::NextTurn ||
                       e.kind == DayEvent::Kind::SpeakerChanged;
    if (moves && !running) {
        return refuse(QStringLiteral("The day is paused: resume it first."));
    }
    const auto& plannedBlock = plan.timetable.blocks[static_cast<size_t>(s.blockIndex)];
    switch (e.kind) {
    case DayEvent::Kind::Started:
    case DayEvent::Kind::Discarded:
        break;
    case DayEvent::Kind::Paused:
        if (!running) {
            return refuse(QStringLiteral("The day is already paused."));
        }
        break;
    case DayEvent::Kind::Resumed:
        if (running) {
            return refuse(QStringLiteral("The day is not paused."));
        }
        break;
    case DayEvent::Kind::Extended: {
        if (e.minutes == 0) {
            return refuse(QStringLiteral("Extend by a number of minutes other than 0 (negative shortens)."));
        }
        const int planned = s.current().plannedMinutes + e.minutes;
        if (planned < 1 || planned > 600) {
            return refuse(
                QStringLiteral("%1 is planned for %2 minutes; changing it by %3 would leave %4. A block "
                               "lasts 1 to 600 minutes: use next to end it now.")
                    .arg(plannedBlock.title)
                    .arg(s.current().plannedMinutes)
                    .arg(e.minutes)
                    .arg(planned));
        }
        break;
    }
    case DayEvent::Kind::Next:
        if (s.blockIndex + 1 >= count) {
            return refuse(
                QStringLiteral("%1 is the last block: use finish to end the day.").arg(plannedBlock.title));
        }
        break;
    case DayEvent::Kind::Back:
        if (s.blockIndex == 0) {
            return refuse(QStringLiteral("%1 is the first block: there is no block before it.")
                              .arg(plannedBlock.title));
        }
        break;
    case DayEvent::Kind::Jumped:
        if (e.block < 0 || e.block >= count) {
            return refuse(QStringLiteral("There is no block %1: the day's blocks are numbered 0 to %2.")
                              .arg(e.block)
                              .arg(count - 1));
        }
        if (e.block == s.blockIndex) {
            return refuse(QStringLiteral("Block %1 is already the current block.").arg(e.block));
        }
        break;
    case DayEvent::Kind::Finished:
        if (!live) {
            return refuse(QStringLiteral("The day is not running."));
        }
        break;
    case DayEvent::Kind::CatchUpAccepted:
        if (e.durations.empty()) {
            return refuse(QStringLiteral("There is no catch-up plan to accept."));
        }
        for (const auto& [index, minutes] : e.durations) {
            if (index <= s.blockIndex || index >= count) {
                return refuse(
                    QStringLiteral("The catch-up plan changes block %1, which is not still to come; ask "
                                   "for a fresh proposal.")
                        .arg(index));
            }
            if (minutes < 1 || minutes > 600) {
                return refuse(
                    QStringLiteral("The catch-up plan gives block %1 %2 minutes; a block lasts 1 to 600.")
                        .arg(index)
                        .arg(minutes));
            }
        }
        break;
    case DayEvent::Kind::NextTurn:
        if (s.current().turns.empty()) {
            return refuse(QStringLiteral("Turns are taken in a questions block; %1 is not one.")
                              .arg(plannedBlock.title));
        }
        break;
    case DayEvent::Kind::SpeakerChanged:
    case DayEvent::Kind::BlockStartCorrected: // its times: checkBlockStartCorrection
        break;
    }
    return {};
}

Status checkBlockStartCorrection(const DayPlan& plan, const std::vector<DayEvent>& log, const QDateTime& now,
                                 const QDateTime& startedUtc) {
    const auto refuse = [](const QString& why) { return failure(Error::Kind::InvalidInput, why); };
    DayEvent correction;
    correction.kind = DayEvent::Kind::BlockStartCorrected;
    const DayState s = computeDayState(plan, log, now);
    if (auto live = checkTransition(plan, s, correction); !live) {
        return live;
    }
    const QString title = plan.timetable.blocks[static_cast<size_t>(s.blockIndex)].title;
    if (!startedUtc.isValid()) {
        return refuse(QStringLiteral("Give the time %1 really began.").arg(title));
    }
    const QDateTime at = startedUtc.toUTC();
    if (at > s.now) {
        return refuse(QStringLiteral("%1 cannot have begun at %2: it is only %3 now.")
                          .arg(title, clockIn(plan, at), clockIn(plan, s.now)));
    }
    if (at < s.actualStart) {
        return refuse(QStringLiteral("%1 cannot have begun at %2: the day started at %3.")
                          .arg(title, clockIn(plan, at), clockIn(plan, s.actualStart)));
    }
    const std::vector<QDateTime> times = replayTimes(log);
    const auto [move, before] = lastMoves(log, static_cast<int>(log.size()));
    if (move < 0 || before < 0 || log[static_cast<size_t>(move)].kind == DayEvent::Kind::Started) {
        return refuse(QStringLiteral("%1 began when the day started, at %2: there is no block before it to "
                                     "take the time from.")
                          .arg(title, clockIn(plan, s.actualStart)));
    }
    const QDateTime recorded = times[static_cast<size_t>(move)];
    if (at >= recorded) {
        return refuse(QStringLiteral("%1 is recorded as beginning at %2; its start can be moved earlier, "
                                     "not later. To give the block before more time, go back to it.")
                          .arg(title, clockIn(plan, recorded)));
    }
    // The block before: the one the move left, as it was when the move was made.
    const DayState previous = computeDayState(plan, std::vector<DayEvent>(log.begin(), log.begin() + move),
                                              log[static_cast<size_t>(move)].atUtc);
    const QString previousTitle = plan.timetable.blocks[static_cast<size_t>(previous.blockIndex)].title;
    const QDateTime previousStart = times[static_cast<size_t>(before)];
    if (at < previousStart) {
        return refuse(QStringLiteral("%1 cannot have begun at %2: the block before it, %3, began at %4.")
                          .arg(title, clockIn(plan, at), previousTitle, clockIn(plan, previousStart)));
    }
    for (int i = move - 1; i > before; --i) {
        const DayEvent& e = log[static_cast<size_t>(i)];
        if ((e.kind == DayEvent::Kind::Paused || e.kind == DayEvent::Kind::Resumed) &&
            times[static_cast<size_t>(i)] > at) {
            return refuse(
                QStringLiteral("%1 cannot have begun at %2: the day was %3 at %4, during %5. Give a "
                               "time after that.")
                    .arg(title, clockIn(plan, at),
                         e.kind == DayEvent::Kind::Paused ? QStringLiteral("paused")
                                                          : QStringLiteral("resumed"),
                         clockIn(plan, times[static_cast<size_t>(i)]), previousTitle));
        }
    }
    return {};
}

} // namespace balcony
