#pragma once

#include "engine/day_template.h"
#include "support/result.h"

#include <QString>
#include <QStringList>
#include <QTime>
#include <map>
#include <vector>

namespace balcony {

// One LA of the group as the timetable needs it, in presenting order.
struct TimetableMember {
    qint64 authorityId = 0;
    QString name;
    qint64 leadReviewerId = 0; // the authority whose DCS reviews this one; 0 when not assigned
};

// A group's own change to one block of the expanded day (by index in running order).
struct BlockOverride {
    int minutes = 0; // 0 keeps the template's duration
    QTime pinnedAt;  // invalid when not pinned; a pinned block starts at this clock time
};

struct TimetableBlock {
    int index = 0;
    BlockKind kind = BlockKind::Custom;
    QString title;
    Speaker speaker = Speaker::Everyone;
    QString guidance;
    int minutes = 0;         // planned for this group
    int templateMinutes = 0; // the template's default
    int startMinute = 0;     // minutes after midnight, local clock time
    int endMinute = 0;
    QTime pinnedAt;   // invalid unless the group pinned this block to a clock time
    int session = -1; // 0-based presenting session, -1 for shared blocks (introductions, breaks, plenary)
    TimetableMember presenter;           // empty for shared blocks
    TimetableMember leadReviewer;        // the presenter's lead reviewer; empty when none
    std::vector<TimetableMember> askers; // visiting LAs in questioning order (lead reviewer first)

    QTime start() const { return QTime(0, 0).addSecs(startMinute * 60); }
    QTime end() const { return QTime(0, 0).addSecs(endMinute * 60); }
};

// The planned day: derived, never stored. Times are local clock times on the day.
struct Timetable {
    QString templateId;
    QString templateName;
    QTime start;
    std::vector<TimetableMember> members; // presenting order
    std::vector<TimetableBlock> blocks;
    QStringList warnings; // e.g. a pinned block that the blocks before it overrun

    int startMinute() const { return blocks.empty() ? 0 : blocks.front().startMinute; }
    int endMinute() const { return blocks.empty() ? 0 : blocks.back().endMinute; }
};

// Expands the template for these members (one session per member, in order), applies the group's
// overrides and lays the blocks end to end from start. A pinned block starts at its clock time, or
// straight after the block before it when that runs later (a warning then says so).
// Fails (InvalidInput) when the member count differs from the template's presenting_las, when an
// override names a block that does not exist or a duration below 1 minute, or when the day would run
// past midnight.
Result<Timetable> buildTimetable(const DayTemplate& dayTemplate, QTime start,
                                 const std::vector<TimetableMember>& members,
                                 const std::map<int, BlockOverride>& overrides = {});

// Visiting LAs of a session in questioning order: the presenter's lead reviewer first, then the
// others in presenting order, wrapping round and skipping the presenter.
std::vector<TimetableMember> questioningOrder(const std::vector<TimetableMember>& members, int session);

QString clockText(int minuteOfDay); // "HH:MM"

} // namespace balcony
