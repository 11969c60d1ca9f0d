#pragma once

#include "support/result.h"

#include <QDateTime>
#include <QString>
#include <map>
#include <optional>
#include <vector>

namespace balcony {
class Database;

// One thing the facilitator did during the live run. The log of these, in order, is the only truth
// about the day: the state is computed from it (see day_state.h).
struct DayEvent {
    enum class Kind {
        Started,
        Paused,
        Resumed,
        Extended,            // minutes: added to the current block (negative shortens it)
        Next,                // to the following block
        Back,                // to the previous block, which carries on from where it stopped
        Jumped,              // block: to any block
        Finished,            // the day is over
        CatchUpAccepted,     // durations: new planned minutes of later blocks, by block index
        NextTurn,            // the next visiting team asks
        SpeakerChanged,      // speaker: who is talking now (presenting, visiting or none)
        Discarded,           // the run so far was set aside (a rehearsal, a false start): the day is
                             // as if never started; the events before it stay in the log, unread
        BlockStartCorrected, // startedUtc: the current block really began then, earlier than the move
                             // into it was recorded ("we moved on two minutes ago")
    };

    enum class Talker { Nobody, Presenting, Visiting };

    qint64 id = 0; // row id once stored
    QDateTime atUtc;
    Kind kind = Kind::Started;
    int minutes = 0;                // Extended
    int block = -1;                 // Jumped
    std::map<int, int> durations;   // CatchUpAccepted
    Talker talker = Talker::Nobody; // SpeakerChanged
    QDateTime startedUtc;           // BlockStartCorrected
};

QString toKey(DayEvent::Kind kind); // "started", "extended", "catch_up_accepted", ...
std::optional<DayEvent::Kind> dayEventKindFromKey(const QString& key);
QString toKey(DayEvent::Talker talker); // "nobody", "presenting", "visiting"
std::optional<DayEvent::Talker> talkerFromKey(const QString& key);

// The stored log of one group's day. append() writes one event in its own transaction (nesting as a
// savepoint inside a caller's) and returns only after the commit succeeded; on failure nothing is
// written and the Error says why. Rows of unknown kinds (written by a newer Balcony) are skipped.
class DayEventLog final {
public:
    explicit DayEventLog(Database& db)
        : m_db(db) {}

    Result<qint64> append(qint64 groupId, const DayEvent& event);
    Result<std::vector<DayEvent>> load(qint64 groupId) const;
    Result<int> count(qint64 groupId) const;

private:
    Database& m_db;
};

} // namespace balcony
