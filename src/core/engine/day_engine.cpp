#include "engine/day_engine.h"

#include "support/logging.h"

namespace balcony {
namespace {

DayEvent event(DayEvent::Kind kind) {
    DayEvent e;
    e.kind = kind;
    return e;
}

} // namespace

DayEngine::DayEngine(Database& db, const Clock& clock, qint64 groupId, DayPlan plan)
    : m_db(db)
    , m_clock(clock)
    , m_groupId(groupId)
    , m_plan(std::move(plan)) {}

Result<std::unique_ptr<DayEngine>> DayEngine::open(Database& db, const Clock& clock, qint64 groupId,
                                                   DayPlan plan) {
    std::unique_ptr<DayEngine> engine(new DayEngine(db, clock, groupId, std::move(plan)));
    auto events = DayEventLog(db).load(groupId);
    if (!events) {
        return events.error();
    }
    engine->m_events = std::move(*events);
    return engine;
}

QDateTime DayEngine::now() {
    return m_clock.now();
}

DayState DayEngine::state() {
    return stateAt(now());
}

DayState DayEngine::stateAt(const QDateTime& utc) const {
    return computeDayState(m_plan, m_events, utc);
}

Result<DayState> DayEngine::record(DayEvent change, QDateTime at) {
    if (!at.isValid()) {
        at = now();
    }
    // The log's times never go backwards, even when the wall clock was set back.
    if (!m_events.empty() && at < m_events.back().atUtc) {
        at = m_events.back().atUtc;
    }
    change.atUtc = at;
    const DayState before = stateAt(at);
    if (auto allowed = checkTransition(m_plan, before, change); !allowed) {
        return allowed.error();
    }
    auto id = DayEventLog(m_db).append(m_groupId, change);
    if (!id) {
        logging::get("engine")->error("could not record {} for group {}", toKey(change.kind).toStdString(),
                                      m_groupId);
        return id.error();
    }
    change.id = *id;
    m_events.push_back(std::move(change));
    logging::get("engine")->info("group {}: {}", m_groupId, toKey(m_events.back().kind).toStdString());
    return stateAt(at);
}

Result<DayState> DayEngine::start(OtherDate otherDate) {
    // A day already started or finished says so first: the date is not what stands in the way.
    if (otherDate == OtherDate::Refuse && state().status == DayStatus::NotStarted) {
        if (auto onTheDay = checkStartDate(m_plan, now()); !onTheDay) {
            return onTheDay.error();
        }
    }
    return record(event(DayEvent::Kind::Started));
}

Result<DayState> DayEngine::startedAt(const QDateTime& startedUtc, OtherDate otherDate) {
    const QDateTime current = now();
    const DayState before = state();
    if (before.status != DayStatus::NotStarted) {
        return record(event(DayEvent::Kind::Started)); // refused with the engine's own sentence
    }
    const auto hhmm = [this](const QDateTime& utc) {
        return utc.toTimeZone(m_plan.zone).toString(QStringLiteral("HH:mm"));
    };
    if (!startedUtc.isValid()) {
        return failure(Error::Kind::InvalidInput, QStringLiteral("Give the time the day really started."));
    }
    if (startedUtc > current) {
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("The day cannot have started at %1: it is only %2 now. Use Start "
                                      "when the day begins.")
                           .arg(hhmm(startedUtc), hhmm(current)));
    }
    if (startedUtc < current.addSecs(-qint64{maxStartCorrectionHours} * 3600)) {
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("The day cannot be recorded as started at %1, more than %2 hours "
                                      "ago: check the time.")
                           .arg(hhmm(startedUtc))
                           .arg(maxStartCorrectionHours));
    }
    if (!m_events.empty() && startedUtc < m_events.back().atUtc) {
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("The day cannot have started at %1: the log already has an entry at "
                                      "%2 (a run set aside then), and the new start comes after it.")
                           .arg(hhmm(startedUtc), hhmm(m_events.back().atUtc)));
    }
    if (otherDate == OtherDate::Refuse) {
        if (auto onTheDay = checkStartDate(m_plan, startedUtc); !onTheDay) {
            return onTheDay.error();
        }
    }
    auto recorded = record(event(DayEvent::Kind::Started), startedUtc.toUTC());
    if (!recorded) {
        return recorded;
    }
    return stateAt(current); // the state now, the start's time already counted
}

Status DayEngine::canDiscard() {
    return checkDiscard(m_plan, state());
}

Result<DayState> DayEngine::discard() {
    if (auto allowed = canDiscard(); !allowed) {
        return allowed.error();
    }
    return record(event(DayEvent::Kind::Discarded));
}

Result<DayState> DayEngine::pause() {
    return record(event(DayEvent::Kind::Paused));
}

Result<DayState> DayEngine::resume() {
    return record(event(DayEvent::Kind::Resumed));
}

Result<DayState> DayEngine::extend(int minutes) {
    DayEvent e = event(DayEvent::Kind::Extended);
    e.minutes = minutes;
    return record(std::move(e));
}

Result<DayState> DayEngine::next() {
    return record(event(DayEvent::Kind::Next));
}

Result<DayState> DayEngine::back() {
    return record(event(DayEvent::Kind::Back));
}

Result<DayState> DayEngine::jump(int blockIndex) {
    DayEvent e = event(DayEvent::Kind::Jumped);
    e.block = blockIndex;
    return record(std::move(e));
}

Result<DayState> DayEngine::finish() {
    return record(event(DayEvent::Kind::Finished));
}

Result<DayState> DayEngine::nextTurn() {
    return record(event(DayEvent::Kind::NextTurn));
}

Result<DayState> DayEngine::setTalker(DayEvent::Talker talker) {
    DayEvent e = event(DayEvent::Kind::SpeakerChanged);
    e.talker = talker;
    return record(std::move(e));
}

Result<DayState> DayEngine::blockBeganAt(const QDateTime& startedUtc) {
    if (auto allowed = checkBlockStartCorrection(m_plan, m_events, now(), startedUtc); !allowed) {
        return allowed.error();
    }
    DayEvent e = event(DayEvent::Kind::BlockStartCorrected);
    e.startedUtc = startedUtc.toUTC();
    return record(std::move(e));
}

Result<DayState> DayEngine::blockBeganEarlier(int minutes) {
    if (minutes < 1) {
        return failure(
            Error::Kind::InvalidInput,
            QStringLiteral("Say how many minutes earlier the block began: 1 or more (got %1).").arg(minutes));
    }
    const DayState s = state();
    if (!s.blockSince.isValid()) {
        return blockBeganAt({}); // refused with the engine's sentence (not started, ...)
    }
    return blockBeganAt(s.blockSince.addSecs(-qint64{minutes} * 60));
}

CatchUpProposal DayEngine::proposeCatchUp(const CatchUpPolicy& policy) {
    return balcony::proposeCatchUp(m_plan, state(), policy);
}

Result<DayState> DayEngine::acceptCatchUp(const CatchUpProposal& proposal) {
    DayEvent e = event(DayEvent::Kind::CatchUpAccepted);
    e.durations = proposal.durations();
    return record(std::move(e));
}

} // namespace balcony
