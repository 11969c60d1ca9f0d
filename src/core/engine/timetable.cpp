#include "engine/timetable.h"

namespace balcony {
namespace {

const TimetableMember* findMember(const std::vector<TimetableMember>& members, qint64 authorityId) {
    for (const auto& m : members) {
        if (m.authorityId == authorityId) {
            return &m;
        }
    }
    return nullptr;
}

} // namespace

QString clockText(int minuteOfDay) {
    return QStringLiteral("%1:%2")
        .arg(minuteOfDay / 60, 2, 10, QLatin1Char('0'))
        .arg(minuteOfDay % 60, 2, 10, QLatin1Char('0'));
}

std::vector<TimetableMember> questioningOrder(const std::vector<TimetableMember>& members, int session) {
    std::vector<TimetableMember> order;
    if (session < 0 || session >= static_cast<int>(members.size())) {
        return order;
    }
    const TimetableMember& presenter = members[static_cast<size_t>(session)];
    const int count = static_cast<int>(members.size());
    int first = (session + 1) % count;
    for (int i = 0; i < count; ++i) {
        if (members[static_cast<size_t>(i)].authorityId == presenter.leadReviewerId && i != session) {
            first = i;
        }
    }
    for (int step = 0; step < count; ++step) {
        const int i = (first + step) % count;
        if (i != session) {
            order.push_back(members[static_cast<size_t>(i)]);
        }
    }
    return order;
}

Result<Timetable> buildTimetable(const DayTemplate& dayTemplate, QTime start,
                                 const std::vector<TimetableMember>& members,
                                 const std::map<int, BlockOverride>& overrides) {
    if (static_cast<int>(members.size()) != dayTemplate.presentingLas) {
        return failure(
            Error::Kind::InvalidInput,
            QStringLiteral("Day template \"%1\" is for %2 LAs but the group has %3; choose a template "
                           "for a group of %3.")
                .arg(dayTemplate.id)
                .arg(dayTemplate.presentingLas)
                .arg(members.size()));
    }
    if (!start.isValid()) {
        return failure(Error::Kind::InvalidInput, QStringLiteral("The day needs a start time (HH:MM)."));
    }
    Timetable t;
    t.templateId = dayTemplate.id;
    t.templateName = dayTemplate.name;
    t.start = start;
    t.members = members;

    auto add = [&t](const TemplateBlock& b, int session) {
        TimetableBlock block;
        block.index = static_cast<int>(t.blocks.size());
        block.kind = b.kind;
        block.title = b.title;
        block.speaker = b.speaker;
        block.guidance = b.guidance;
        block.minutes = b.minutes;
        block.templateMinutes = b.minutes;
        block.session = session;
        if (session >= 0) {
            block.presenter = t.members[static_cast<size_t>(session)];
            if (const auto* reviewer = findMember(t.members, block.presenter.leadReviewerId)) {
                block.leadReviewer = *reviewer;
            }
            block.askers = questioningOrder(t.members, session);
        }
        t.blocks.push_back(std::move(block));
    };
    for (const auto& b : dayTemplate.opening) {
        add(b, -1);
    }
    for (int s = 0; s < dayTemplate.presentingLas; ++s) {
        if (!findMember(t.members, t.members[static_cast<size_t>(s)].leadReviewerId)) {
            t.warnings << QStringLiteral(
                              "%1 has no lead reviewer; the next LA in presenting order asks first.")
                              .arg(t.members[static_cast<size_t>(s)].name);
        }
        for (const auto& b : dayTemplate.session) {
            add(b, s);
        }
        if (s < static_cast<int>(dayTemplate.between.size())) {
            for (const auto& b : dayTemplate.between[static_cast<size_t>(s)]) {
                add(b, -1);
            }
        }
    }
    for (const auto& b : dayTemplate.closing) {
        add(b, -1);
    }

    for (const auto& [index, change] : overrides) {
        if (index < 0 || index >= static_cast<int>(t.blocks.size())) {
            return failure(
                Error::Kind::InvalidInput,
                QStringLiteral("The group's day plan changes block %1, but template \"%2\" has blocks 0 "
                               "to %3 only.")
                    .arg(index)
                    .arg(dayTemplate.id)
                    .arg(t.blocks.size() - 1));
        }
        auto& block = t.blocks[static_cast<size_t>(index)];
        if (change.minutes < 0) {
            return failure(
                Error::Kind::InvalidInput,
                QStringLiteral("The group's day plan gives block %1 (%2) %3 minutes; a block needs at "
                               "least 1.")
                    .arg(index)
                    .arg(block.title)
                    .arg(change.minutes));
        }
        if (change.minutes > 0) {
            block.minutes = change.minutes;
        }
        block.pinnedAt = change.pinnedAt;
    }

    int clock = start.hour() * 60 + start.minute();
    for (auto& block : t.blocks) {
        if (block.pinnedAt.isValid()) {
            const int pinned = block.pinnedAt.hour() * 60 + block.pinnedAt.minute();
            if (pinned < clock) {
                t.warnings << QStringLiteral("%1 is pinned to %2 but the blocks before it end at %3.")
                                  .arg(block.title, clockText(pinned), clockText(clock));
            }
            clock = std::max(clock, pinned);
        }
        block.startMinute = clock;
        clock += block.minutes;
        block.endMinute = clock;
    }
    if (clock > 24 * 60) {
        return failure(
            Error::Kind::InvalidInput,
            QStringLiteral("Starting at %1, the day would end after midnight; start earlier or shorten "
                           "blocks.")
                .arg(start.toString(QStringLiteral("HH:mm"))));
    }
    return t;
}

} // namespace balcony
