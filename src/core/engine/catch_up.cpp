#include "engine/catch_up.h"

#include <algorithm>
#include <cmath>

namespace balcony {
namespace {

constexpr qint64 minuteMs = 60 * 1000;

int ceilMinutes(qint64 ms) {
    return static_cast<int>((ms + minuteMs - 1) / minuteMs);
}

} // namespace

std::map<int, int> CatchUpProposal::durations() const {
    std::map<int, int> result;
    for (const auto& c : changes) {
        result[c.block] = c.toMinutes;
    }
    return result;
}

int trimInProportion(std::vector<TrimCandidate>& candidates, int need) {
    int cut = 0;
    // Water-filling: share the need in proportion to length; a block that would go below its floor
    // stops at the floor and the rest is shared again among the others.
    while (need > 0) {
        std::vector<TrimCandidate*> open;
        double total = 0;
        for (auto& c : candidates) {
            if (c.minutes > c.floor) {
                open.push_back(&c);
                total += c.minutes;
            }
        }
        if (open.empty()) {
            break;
        }
        bool capped = false;
        const int passNeed = need;
        for (auto* c : open) {
            const double share = passNeed * c->minutes / total;
            if (share >= c->minutes - c->floor) {
                const int room = c->minutes - c->floor;
                c->minutes = c->floor;
                need -= room;
                cut += room;
                capped = true;
            }
        }
        if (capped) {
            continue;
        }
        // No block reaches its floor: give whole minutes by share, the leftover to the largest remainders.
        std::vector<std::pair<double, TrimCandidate*>> remainders;
        int given = 0;
        std::vector<int> shares;
        for (auto* c : open) {
            const double share = need * c->minutes / total;
            const int whole = static_cast<int>(std::floor(share));
            shares.push_back(whole);
            given += whole;
            remainders.emplace_back(share - whole, c);
        }
        for (size_t i = 0; i < open.size(); ++i) {
            open[i]->minutes -= shares[i];
        }
        std::stable_sort(remainders.begin(), remainders.end(),
                         [](const auto& a, const auto& b) { return a.first > b.first; });
        int left = need - given;
        for (auto& [fraction, c] : remainders) {
            if (left == 0) {
                break;
            }
            if (c->minutes > c->floor) {
                --c->minutes;
                --left;
            }
        }
        cut += need - left;
        need = left;
        if (left > 0 &&
            std::none_of(open.begin(), open.end(), [](auto* c) { return c->minutes > c->floor; })) {
            break;
        }
    }
    return cut;
}

CatchUpProposal proposeCatchUp(const DayPlan& plan, const DayState& state, const CatchUpPolicy& policy) {
    CatchUpProposal proposal;
    if (state.status != DayStatus::Running && state.status != DayStatus::Paused) {
        return proposal;
    }
    const auto& blocks = plan.timetable.blocks;
    const qint64 threshold = qint64{policy.thresholdMinutes} * minuteMs;
    std::map<int, int> newMinutes;

    // Trims one stretch of blocks (between pins) by the lateness at its end; returns minutes won back.
    auto recover = [&](const std::vector<int>& stretch, qint64 lateMs) {
        if (lateMs <= threshold) {
            return 0;
        }
        const int need = ceilMinutes(lateMs);
        proposal.lateMinutes = std::max(proposal.lateMinutes, need);
        std::vector<TrimCandidate> questions;
        std::vector<TrimCandidate> breaks;
        for (int i : stretch) {
            const auto& b = blocks[static_cast<size_t>(i)];
            const int minutes = state.blocks[static_cast<size_t>(i)].plannedMinutes;
            if (b.kind == BlockKind::Questions) {
                questions.push_back({i, minutes, std::min(minutes, policy.questionsMinimumMinutes)});
            } else if (isBreak(b.kind)) {
                const int floor =
                    b.kind == BlockKind::Lunch ? policy.lunchFloorMinutes : policy.breakFloorMinutes;
                breaks.push_back({i, minutes, std::min(minutes, floor)});
            }
        }
        int won = trimInProportion(questions, need);
        won += trimInProportion(breaks, need - won);
        for (const auto* list : {&questions, &breaks}) {
            for (const auto& c : *list) {
                if (c.minutes != state.blocks[static_cast<size_t>(c.block)].plannedMinutes) {
                    newMinutes[c.block] = c.minutes;
                }
            }
        }
        proposal.recoveredMinutes += won;
        proposal.unrecoveredMinutes += need - won;
        return won;
    };

    QDateTime t = state.now.addMSecs(std::max<qint64>(0, state.remainingMs));
    std::vector<int> stretch;
    for (int i = state.blockIndex + 1; i < static_cast<int>(blocks.size()); ++i) {
        const auto& b = blocks[static_cast<size_t>(i)];
        if (b.pinnedAt.isValid()) {
            const QDateTime pin = planInstant(plan, state, b.pinnedAt.hour() * 60 + b.pinnedAt.minute());
            const int won = recover(stretch, pin.msecsTo(t));
            t = std::max(t.addMSecs(-won * minuteMs), pin);
            stretch.clear();
        } else {
            stretch.push_back(i);
        }
        t = t.addMSecs(state.blocks[static_cast<size_t>(i)].plannedMinutes * minuteMs);
    }
    recover(stretch, state.plannedEnd.msecsTo(t));

    for (const auto& [block, minutes] : newMinutes) {
        proposal.changes.push_back({block, state.blocks[static_cast<size_t>(block)].plannedMinutes, minutes});
    }
    if (proposal.changes.empty()) {
        proposal.recoveredMinutes = 0;
    }
    return proposal;
}

} // namespace balcony
