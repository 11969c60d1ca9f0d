#include "schedule_builder.h"
#include "scheduling/lead_reviewer_plan.h"
#include "scheduling/schedule_check.h"

#include <catch2/catch.hpp>
#include <optional>
#include <random>
#include <set>

using namespace balcony;
using balcony::test::ScheduleBuilder;

namespace {

using Reviewers = std::map<qint64, qint64>;

// A brute force that shares nothing with the generator: tries every way of giving each member a
// reviewer among the members (n^n of them) and keeps those that form one cycle through everybody,
// keep the user's assignments and have no conflict of interest. Returns the fewest repeats of
// last cycle among them, or nothing when there is none.
std::optional<int> bestByBruteForce(const CycleSchedule& s, const Group& g, const Reviewers& previous) {
    std::vector<qint64> ids;
    for (const auto& m : g.members) {
        ids.push_back(m.authorityId);
    }
    const std::size_t n = ids.size();
    std::size_t total = 1;
    for (std::size_t i = 0; i < n; ++i) {
        total *= n;
    }
    std::optional<int> best;
    for (std::size_t code = 0; code < total; ++code) {
        Reviewers reviewerOf;
        std::size_t rest = code;
        for (std::size_t i = 0; i < n; ++i) {
            reviewerOf[ids[i]] = ids[rest % n];
            rest /= n;
        }
        bool ok = true;
        int repeats = 0;
        for (const auto& m : g.members) {
            const qint64 reviewer = reviewerOf[m.authorityId];
            if (m.leadReviewerId != 0 && m.leadReviewerId != reviewer) {
                ok = false;
            }
            const Person* dcs = s.dcsOf(reviewer);
            for (const auto& post : dcs->pastPosts) {
                ok = ok && post.authorityId != m.authorityId;
            }
            auto before = previous.find(m.authorityId);
            if (m.leadReviewerId == 0 && before != previous.end() && before->second == reviewer) {
                ++repeats;
            }
        }
        // One cycle through all n: walking n steps from the first member meets everyone once.
        std::set<qint64> seen;
        qint64 at = ids[0];
        for (std::size_t i = 0; i < n && ok; ++i) {
            ok = seen.insert(at).second;
            at = reviewerOf[at];
        }
        ok = ok && at == ids[0];
        if (ok && (!best || repeats < *best)) {
            best = repeats;
        }
    }
    return best;
}

} // namespace

TEST_CASE("Over thousands of random groups the generator succeeds exactly when a valid ring exists, and "
          "its rings pass the check",
          "[scheduling][generator][property]") {
    std::mt19937_64 random(20221012);
    const auto chance = [&](int percent) { return static_cast<int>(random() % 100) < percent; };
    int filled = 0;
    int refused = 0;
    for (int round = 0; round < 2000; ++round) {
        ScheduleBuilder b;
        const std::size_t n = chance(50) ? 3 : 4;
        std::vector<qint64> ids;
        for (std::size_t i = 0; i < n; ++i) {
            ids.push_back(b.authority(QStringLiteral("LA%1").arg(i)));
        }
        const auto index = b.group(QStringLiteral("G"), ids);
        const auto other = [&](qint64 self) {
            qint64 pick = self;
            while (pick == self) {
                pick = ids[random() % n];
            }
            return pick;
        };
        // Conflicts of interest: each ordered pair with a chance of a past post.
        const int coiPercent = static_cast<int>(random() % 40);
        for (qint64 reviewer : ids) {
            for (qint64 reviewee : ids) {
                if (reviewer != reviewee && chance(coiPercent)) {
                    b.pastPost(reviewer, reviewee, chance(50));
                }
            }
        }
        // Last cycle: some LAs had a reviewer among today's members.
        PreviousReviewers previous;
        for (qint64 id : ids) {
            if (chance(60)) {
                previous[id] = other(id);
            }
        }
        // The user's own assignments: up to n - 1 of them, not necessarily consistent.
        const std::size_t userCount = random() % n;
        for (std::size_t i = 0; i < userCount; ++i) {
            const qint64 reviewee = ids[random() % n];
            b.review(index, reviewee, other(reviewee));
        }
        const Group before = b.at(index);

        const auto plan = planLeadReviewers(b.schedule, previous, random());
        REQUIRE(plan.groups.size() == 1);
        const GroupPlan& result = plan.groups[0];
        const auto best = bestByBruteForce(b.schedule, before, previous);
        INFO("round " << round << ", " << n << " LAs, reason: " << result.reason.toStdString());

        if (result.outcome == GroupPlan::Outcome::AlreadyAssigned) {
            FAIL("the test never assigns every member, so there is always something to fill");
        }
        REQUIRE((result.outcome == GroupPlan::Outcome::Filled) == best.has_value());
        if (!best) {
            ++refused;
            CHECK(result.added.empty());
            CHECK_FALSE(result.reason.isEmpty());
            continue;
        }
        ++filled;
        CHECK(result.repeats == *best);
        for (const auto& a : result.added) {
            CHECK(before.member(a.revieweeId)->leadReviewerId == 0);
            b.review(index, a.revieweeId, a.reviewerId);
        }
        // Every member now has exactly one reviewer, the user's are unchanged, and the check finds
        // nothing: no mutual pairs, no conflicts, each DCS leading exactly one review.
        for (const auto& m : before.members) {
            if (m.leadReviewerId != 0) {
                CHECK(b.at(index).member(m.authorityId)->leadReviewerId == m.leadReviewerId);
            }
        }
        const auto problems = checkSchedule(b.schedule, QDate(2022, 9, 1));
        QStringList messages;
        for (const auto& p : problems) {
            messages << p.message;
        }
        INFO(messages.join(QStringLiteral(" | ")).toStdString());
        CHECK(problems.empty());
    }
    // Both outcomes were exercised, so the comparison with the brute force meant something.
    CHECK(filled > 500);
    CHECK(refused > 100);
}
