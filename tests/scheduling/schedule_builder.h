#pragma once

#include "domain/types.h"

#include <QDate>
#include <QString>
#include <catch2/catch.hpp>
#include <vector>

// Readable QString values in failed assertions.
namespace Catch {
template <>
struct StringMaker<QString> {
    static std::string convert(const QString& value) { return '"' + value.toStdString() + '"'; }
};
} // namespace Catch

namespace balcony::test {

// Builds an in-memory CycleSchedule for the scheduling tests. By default everything a check wants is
// in place (dates inside the cycle, a facilitator per group, a venue, self-assessments distributed),
// so a test changes only what its rule is about.
class ScheduleBuilder {
public:
    ScheduleBuilder();

    // An authority with its DCS ("DCS of <name>").
    qint64 authority(const QString& name);
    // A group with these members in presenting order, no lead reviewers yet; returns its index.
    std::size_t group(const QString& label, const std::vector<qint64>& members,
                      const QDate& date = QDate(2022, 10, 12));
    // reviewer's DCS leads the review of reviewee, in group `index`.
    void review(std::size_t index, qint64 reviewee, qint64 reviewer);
    // Each member reviews the next in the list, the last reviews the first.
    void ring(std::size_t index, const std::vector<qint64>& order);
    // The DCS of dcsAuthority once held a post at pastAuthority.
    void pastPost(qint64 dcsAuthority, qint64 pastAuthority, bool interim = false);

    Group& at(std::size_t index) { return schedule.groups.at(index); }

    CycleSchedule schedule;

private:
    qint64 m_nextId = 1;
};

} // namespace balcony::test
